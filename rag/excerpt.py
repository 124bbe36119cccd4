"""The answer's wording from the chosen sentences: a long sentence trimmed to the
clauses that answer (never joining clauses that were not adjacent), and the passages
an answer cites or an LLM is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.corpus import Sentence
from rag.evidence import (
    CAUSE_WORDS,
    NAME_PATTERN,
    WEIGHTS,
    Ranked,
    Weights,
    asks_beyond,
    clauses,
    has_type,
    is_name_like,
    names_a_source,
    question_type,
    wants_summary,
)
from rag.language import parse
from rag.question import (
    REPORTING_VERBS,
    profile,
)
from rag.results import Passage
from rag.terms import (
    content_terms,
    key_terms,
    words,
    year_terms,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


def trim(sentence: Sentence, question: str, weights: Weights = WEIGHTS) -> Sentence:
    """The run of the sentence's clauses that best answers the question for its
    length: it keeps what is asked for (a date for "when", a new name for "who")
    and the question's terms, and drops the rest ("..., according to a person
    close to his office"). Still an exact quote, with offsets into the article."""
    spans = clauses(sentence.text)
    if len(words(sentence.text)) <= weights.trim_above_words or len(spans) < 2 \
            or asks_beyond(question):
        return sentence
    kind = question_type(question)
    q_keys = key_terms(question)
    q_terms = content_terms(question)
    origin, title = profile(question).origin, profile(question).title
    counted, place = profile(question).counted, profile(question).place
    # "which two ministries": the instance asked for ("Defense and Foreign ministries")
    # is the type, as when the sentence was ranked
    instance = profile(question).instance_of
    actors = profile(question).actors
    need_type = has_type(kind, sentence.text, q_keys, origin, title=title,
                         context=sentence.text, counted=counted, place=place,
                         instance=instance, actors=actors)
    # a reason the sentence gives by a causal word ("because they signed only an
    # armistice") is the one kept, not an event it came after ("after the war ended")
    causal = kind == "reason" and bool(CAUSE_WORDS.search(sentence.text))
    # "who said ...": the attribution ("according to a person close to his office") is
    # the answer, never cut away
    need_source = profile(question).reported and names_a_source(sentence.text, q_keys)
    # a "who" answer keeps every person the sentence names
    keep = [m for m in NAME_PATTERN.findall(sentence.text) if is_name_like(m, q_keys)] \
        if kind == "person" else []
    # a sentence of an account over time keeps its years: they are why it was chosen
    if wants_summary(question):
        keep += sorted(year_terms(sentence.text))
    # "which came first: X or Y": the date of the event is what the answer compares
    dated = bool(profile(question).sides) and has_type("date", sentence.text, set())
    best: tuple[float, int, int] | None = None
    for i in range(len(spans)):
        for j in range(i, len(spans)):
            piece = sentence.text[spans[i][0]:spans[j][1]]
            n = len(words(piece))
            # a short last phrase qualifies what comes before it ("..., the statement
            # said, without further details"): dropping it saves little and may lose it
            tail = len(words(sentence.text[spans[j][1]:]))
            if n < weights.min_trim_words or 0 < tail < weights.min_tail_words \
                    or (need_type and not has_type(kind, piece, q_keys, origin, title=title,
                                                   context=sentence.text,
                                                   counted=counted, place=place,
                                                   instance=instance, actors=actors)) \
                    or (need_source and not names_a_source(piece, q_keys)) \
                    or (dated and not has_type("date", piece, set())) \
                    or (causal and not CAUSE_WORDS.search(piece)) \
                    or (kind not in _OF_THE_SAYING and not profile(question).describe
                        and not _keeps_what_is_said(parse(sentence.text), spans[i][0],
                                                    spans[j][1])) \
                    or any(p not in piece for p in keep) \
                    or _drops_description(parse(sentence.text), spans[i][0],
                                          spans[j][1], q_keys) \
                    or (piece != sentence.text
                        and not stands_alone(piece, sentence.text, spans[i][0])):
                continue
            cover = len(q_terms & content_terms(piece)) / max(1, len(q_terms))
            new_keys = min(2, len(key_terms(piece) - q_keys)) / 2
            value = cover + weights.trim_new * new_keys - weights.trim_word * n
            if best is None or value > best[0]:
                best = (value, i, j)
    if best is None:
        return sentence
    a, b = spans[best[1]][0], spans[best[2]][1]
    return Sentence(sentence.doc_id, sentence.start + a, sentence.start + b,
                    sentence.text[a:b], sentence.kind)


# Words that open a dependent clause: "as he welcomed Kishida", "which ...", "while ..."
_DEPENDENT = frozenset({"mark", "advmod", "prep", "cc", "relcl", "acl", "advcl", "agent"})


def stands_alone(text: str, whole: str = "", at: int = 0) -> bool:
    """Is ``text`` a clause that can stand as a sentence: a finite verb with its
    subject, not opened by a subordinator, a relative or a preposition ("as he
    welcomed Kishida to Seoul", "which names no cost", "according to ...")? Cut from
    ``whole`` at ``at``, it must also hang from one word there: "Kishida's visit, the
    first by a Japanese leader in 12 years, returns the trip" cut after "visit," reads
    as a clause alone, but its subject is an apposition to a word left out."""
    if whole and not _one_tree(parse(whole), at, at + len(text)):
        return False
    doc = parse(text)
    first = next((t for t in doc if not t.is_punct), None)
    # nor opened by its verb: "said Shin-wha Lee, a professor ..." is an attribution
    # whose saying was cut away
    if first is None or first.dep_ in _DEPENDENT or first.tag_ in {
            "WDT", "WP", "WP$", "VBG", "VBN", "VBD", "VBZ", "VBP", "IN", "CC", "TO"}:
        return False
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return any(r.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass", "expl"}
                                                  for c in r.children) for r in roots)


# Types that a report's own circumstances answer ("where did Lee speak": "Lee said on
# Sunday at a forum in Singapore"), so trimming may drop what was said; so may a
# question about who the speaker is ("Who is Shin-wha Lee?")
_OF_THE_SAYING = frozenset({"date", "weekday", "day", "place", "outlet", "person"})


def _keeps_what_is_said(doc: Doc, a: int, b: int) -> bool:
    """A reporting verb between characters ``a`` and ``b`` of ``doc`` keeps what was
    said: "Ned Price told reporters last week" cut from '"North Korea may test a
    bomb," Ned Price told reporters last week' says nothing."""
    return not any(a <= t.idx < b and t.lemma_.lower() in REPORTING_VERBS
                   and any(c.dep_ == "ccomp" and not a <= c.idx < b for c in t.children)
                   for t in doc)


def _drops_description(doc: Doc, a: int, b: int, q_keys: set[str]) -> bool:
    """Would the words between characters ``a`` and ``b`` keep a name the question
    asks about but cut away its apposition, what the article says the named one is
    ("said Shin-wha Lee[, a professor of international relations at ...]")?"""
    return any(a <= t.head.idx < b and not a <= t.idx < b and t.head.lower_ in q_keys
               for t in doc if t.dep_ == "appos")


def _one_tree(doc: Doc, a: int, b: int) -> bool:
    """Do the words between characters ``a`` and ``b`` of ``doc`` form one subtree (a
    single word whose head lies outside them, or is itself) that may stand without its
    head: the sentence's own root, a clause joined to the one left out ("..., and Seoul
    agreed"), or what a report says ("Kishida will urge ..." of "..., Kyodo reported");
    not a clause the sentence says more about ("Lee was quoted ... that ..." of "...,
    they were able to chat")?"""
    inside = [t for t in doc if a <= t.idx < b and not t.is_punct]
    tops = [t for t in inside if t.head.i == t.i or not a <= t.head.idx < b]
    return len(tops) == 1 and (tops[0].head.i == tops[0].i or tops[0].dep_ == "conj"
                               or tops[0].head.lemma_.lower() in REPORTING_VERBS)


def excerpt(sentence: Sentence, trimmed: Sentence) -> str:
    """The answer text for a quote cut to its clauses: a plain sentence of the
    quote's own words (the card shows the whole quote), never a fragment that
    opens or ends on an ellipsis."""
    text = trimmed.text
    if trimmed.end < sentence.end:
        text = text.rstrip(" ,;:—–-") + "."
        # a quotation cut before it closes ("“Their capabilities are crucial, ...” she
        # said") reads as a plain sentence without its opening mark; one opened inside
        # the clause ('may conduct a test "in the coming days,"') is closed after the stop
        if text[:1] in _OPENER.values() and _unclosed(text):
            text = text[1:]
        else:
            text += _unclosed(text)
    if trimmed.start > sentence.start:
        # a clause cut from inside a quotation that closes in it ('we intend to ...
        # countries," Lee said') gets back the mark that opened it
        closer = _unclosed(sentence.text[: trimmed.start - sentence.start])
        if closer and closer in text and _unclosed(text[: text.index(closer)]) == "":
            text = _OPENER[closer] + text
        at = 1 if text[:1] in _OPENER.values() else 0
        text = text[:at] + text[at:at + 1].upper() + text[at + 1:]
    return text


_OPENER = {"”": "“", '"': '"'}


def _unclosed(text: str) -> str:
    """The mark that would close a quotation ``text`` leaves open, or ""."""
    if text.count("“") > text.count("”"):
        return "”"
    return '"' if text.count('"') % 2 else ""


def sentence_passages(chosen: list[Ranked], ranked: list[Ranked], n: int) -> list[Passage]:
    """One-sentence passages, the chosen evidence first: for a small local model,
    which writes better from a few precise sentences and cannot glue neighbours."""
    out: list[Ranked] = list(chosen)
    for r in ranked:
        if len(out) >= max(n, len(chosen)):
            break
        if all(r.sentence != c.sentence for c in out):
            out.append(r)
    return [Passage(chunk_id=f"{r.passage.chunk_id}:{r.sentence.start}", doc_id=r.sentence.doc_id,
                    title=r.passage.title, outlet=r.passage.outlet, date=r.passage.date,
                    text=r.sentence.text, start=r.sentence.start, end=r.sentence.end,
                    score=r.score, sentences=(r.sentence,)) for r in out]


def llm_passages(chosen: list[Ranked], passages: list[Passage], n: int) -> list[Passage]:
    """The passages an LLM sees: the retrieved chunks that hold the chosen evidence
    first, then the best of the rest, ``n`` at most. Whole chunks, not single
    sentences, so that a claim can rest on the sentence that says it even when the
    ranker preferred another, and on its neighbour."""
    first = [p for c in chosen for p in passages if p.chunk_id == c.passage.chunk_id]
    out: list[Passage] = []
    for p in first + passages:
        if p not in out:
            out.append(p)
    return out[:max(n, len(dict.fromkeys(p.chunk_id for p in first)))]
