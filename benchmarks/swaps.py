"""How many one-word lies the citation check lets through: every verb and every noun
of the seed quotes of tests/test_contract.py replaced by other words, each checked as
the pipeline checks a claim against the quote it cites.

    python -m benchmarks.swaps

A swap that passes is printed; most that pass are near-synonyms ("negotiations" ->
"talks", "scrapped" -> "cancelled"), some are not ("placing restrictions" ->
"postponing"). Used beside benchmarks/contract_units.py to choose rag.align.Tuning.
"""

from __future__ import annotations

from rag.cite import CitationChecker
from rag.corpus import Sentence
from rag.language import parse
from rag.lexicon import lexicon
from rag.results import Passage
from tests.test_contract import SEED_SENTENCES

VERBS = {"keep": ("kept", "keeping"), "extend": ("extended", "extending"),
         "renew": ("renewed", "renewing"), "sign": ("signed", "signing"),
         "suspend": ("suspended", "suspending"), "lift": ("lifted", "lifting"),
         "drop": ("dropped", "dropping"), "announce": ("announced", "announcing"),
         "reject": ("rejected", "rejecting"), "delay": ("delayed", "delaying"),
         "postpone": ("postponed", "postponing"), "cancel": ("cancelled", "cancelling"),
         "propose": ("proposed", "proposing"), "discuss": ("discussed", "discussing"),
         "review": ("reviewed", "reviewing"), "praise": ("praised", "praising"),
         "criticise": ("criticised", "criticising"), "ignore": ("ignored", "ignoring")}
NOUNS = """ban tariff treaty summit hotline sanction protest visit missile war alliance
    election apology compensation fine quota embargo drill exercise talk""".split()


def quote(text: str) -> Passage:
    s = Sentence("q", 0, len(text), text, "body")
    return Passage(chunk_id="q:0", doc_id="q", title="", outlet="", date="", text=text,
                   start=0, end=len(text), score=1.0, sentences=(s,))


def swaps(sentence: str) -> list[tuple[str, str, str]]:
    """(kind, "old->new", claim) for each verb and noun of ``sentence``."""
    doc = parse(sentence)
    out = []
    for t in doc:
        news: list[tuple[str, str]] = []
        if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBG", "VBN") and t.lemma_ != "say":
            news = [("verb", ing if t.tag_ == "VBG" else past)
                    for v, (past, ing) in VERBS.items() if v != t.lemma_]
        elif t.pos_ == "NOUN":
            news = [("noun", n + ("s" if t.tag_ == "NNS" else "")) for n in NOUNS
                    if n != t.lemma_]
        for kind, new in news:
            toks = [x.text_with_ws for x in doc]
            toks[t.i] = new + t.whitespace_
            out.append((kind, f"{t.text}->{new}", "".join(toks)))
    return out


def main() -> None:
    from rag.index import load_embed_model
    from rag.settings import get_settings
    from rag.vectors import SentenceVectors

    checker = CitationChecker(SentenceVectors(load_embed_model(get_settings())),
                              lexicon=lexicon())
    tried = {"verb": 0, "noun": 0}
    passed: dict[str, list[str]] = {"verb": [], "noun": []}
    for sentence in SEED_SENTENCES:
        for kind, change, claim in swaps(sentence):
            tried[kind] += 1
            if checker.support(claim, [quote(sentence)], [0])[0]:
                passed[kind].append(change)
    for kind in ("verb", "noun"):
        print(f"{kind} swaps passed {len(passed[kind])}/{tried[kind]}: "
              f"{', '.join(passed[kind])}")


if __name__ == "__main__":
    main()
