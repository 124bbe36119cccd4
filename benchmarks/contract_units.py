"""Claim-level check of the citation contract against the scripted LLM claims.

For each scripted claim (faithful and liar), the passage is the article sentence
that holds the claim's snippet with its neighbours (as a retrieved chunk would
show it), and the claim is checked as the pipeline checks it. Prints the share of
faithful claims kept and the liar claims that pass with a wrong word, per split.

    python -m benchmarks.contract_units --split tune [-v]

Choose thresholds with --split tune only; --split check is for reporting.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import fields, replace

from benchmarks.contract import split_ids
from rag.align import Tuning
from rag.cite import CitationChecker, as_shown
from rag.corpus import load_corpus
from rag.lexicon import lexicon
from rag.results import Passage
from rag.scripted_llm import normalise
from rag.settings import PROJECT_ROOT

EVALS = PROJECT_ROOT / "evals"


def passage_for(snippet: str, articles: list) -> Passage | None:  # type: ignore[type-arg]
    snip = normalise(snippet)
    for a in articles:
        sents = a.sentences()
        for i, s in enumerate(sents):
            if snip in normalise(s.text) or (snip in normalise(a.text) and len(snip) < 40
                                             and i == 0 and snip not in normalise(
                                                 " ".join(x.text for x in sents))):
                pick = tuple(sents[max(0, i - 1): i + 2])
                text = " ".join(x.text for x in pick)
                return Passage(chunk_id=f"{a.doc_id}:{i}", doc_id=a.doc_id, title=a.title,
                               outlet=a.outlet, date=a.date, text=text, start=pick[0].start,
                               end=pick[-1].end, score=1.0, sentences=pick)
    return None


def wrong_in(text: str, wrong: list[str]) -> bool:
    low = normalise(text).lower()
    return any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", low) for w in wrong)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=["tune", "check", "all"])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--no-lexicon", action="store_true", help="check without WordNet")
    # every tuned number of rag.align.Tuning, to try another value: --noun-similarity 0.5
    for f in fields(Tuning):
        if f.type == "bool":
            ap.add_argument(f"--{f.name.replace('_', '-')}", type=lambda v: v == "true",
                            default=None, metavar="true|false")
        else:
            ap.add_argument(f"--{f.name.replace('_', '-')}", type=float, default=None)
    args = ap.parse_args()
    from rag.index import load_embed_model
    from rag.settings import get_settings
    from rag.vectors import SentenceVectors

    ids = split_ids(args.split)
    articles, _ = load_corpus([PROJECT_ROOT / "seeds"])
    texts = {a.doc_id: a.text for a in articles}
    tuning = replace(Tuning(), **{
        f.name: (int(v) if f.type == "int" else v) for f in fields(Tuning)
        if (v := getattr(args, f.name)) is not None})
    checker = CitationChecker(SentenceVectors(load_embed_model(get_settings())),
                              tuning=tuning, article_text=lambda d: texts.get(d, ""),
                              lexicon=None if args.no_lexicon else lexicon())
    kept = total = leaks = liars = 0
    for name in ("dev", "dev-more"):
        for mode in ("faithful", "liar"):
            script = json.loads((EVALS / "llm-scripts" / f"{mode}.{name}.json").read_text())
            for entry in script.values():
                if ids is not None and entry["id"] not in ids:
                    continue
                for c in entry.get("claims", []):
                    p = passage_for(c["snippet"], articles)
                    if p is None:
                        print("no sentence for", entry["id"], c["snippet"])
                        continue
                    # judged as the pipeline judges it: ending in its full stop
                    support, _, reason = checker.support(as_shown(c["text"]), [p], [0])
                    if mode == "faithful":
                        total += 1
                        kept += bool(support)
                        if args.verbose and not support:
                            print(f"F- {entry['id']}: {c['text']}\n     {reason}\n"
                                  f"     snippet: {c['snippet']}")
                    elif wrong_in(c["text"], entry.get("wrong", [])):
                        liars += 1
                        leaks += bool(support)
                        if args.verbose and support:
                            print(f"L+ {entry['id']}: {c['text']}\n     "
                                  f"{' '.join(s.text for s in support)}")
    print(f"split {args.split}: faithful claims kept {kept}/{total} = {kept / total:.3f}; "
          f"liar claims passed {leaks}/{liars}")


if __name__ == "__main__":
    main()
