"""Passages and ranked sentences built from text, for the reader's tests."""

from __future__ import annotations

from rag.corpus import Sentence
from rag.evidence import Ranked
from rag.results import Passage


def chosen_sentence(text: str) -> Ranked:
    """``text`` as the one chosen sentence, alone in its passage."""
    s = Sentence("a", 0, len(text), text, "body")
    p = Passage(chunk_id="a:0", doc_id="a", title="", outlet="", date="", text=text,
                start=0, end=len(text), score=1.0, sentences=(s,))
    return Ranked(sentence=s, passage=p, score=1.0, semantic=0.6, lexical=0.5,
                  has_type=True)


def passage_of(text: str, *, doc_id: str = "a", outlet: str = "", date: str = "",
               kind: str = "body") -> Passage:
    s = Sentence(doc_id, 0, len(text), text, kind)
    return Passage(chunk_id=f"{doc_id}:0", doc_id=doc_id, title="A title", outlet=outlet,
                   date=date, text=text, start=0, end=len(text), score=1.0, sentences=(s,))


def ranked_of(text: str, *, has_type: bool = True, outlet: str = "", date: str = "") -> Ranked:
    p = passage_of(text, outlet=outlet, date=date)
    return Ranked(sentence=p.sentences[0], passage=p, score=1.0, semantic=0.8, lexical=0.5,
                  has_type=has_type)


def passage_of_sentences(*texts: str) -> Passage:
    sentences, at = [], 0
    for t in texts:
        sentences.append(Sentence("a", at, at + len(t), t, "body"))
        at += len(t) + 1
    return Passage(chunk_id="a:0", doc_id="a", title="", outlet="", date="", text=" ".join(texts),
                   start=0, end=at, score=1.0, sentences=tuple(sentences))
