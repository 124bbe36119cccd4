"""The frozen results that flow between stages and out to users."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rag.corpus import Sentence


@dataclass(frozen=True, kw_only=True)
class Passage:
    """A retrieved chunk, with the sentences it is made of."""

    chunk_id: str
    doc_id: str
    title: str
    outlet: str
    date: str
    text: str
    start: int
    end: int
    score: float
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, kw_only=True)
class Citation:
    """Where a sentence of the answer comes from: the exact quote and its offsets."""

    n: int
    doc_id: str
    title: str
    outlet: str
    date: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    """Checked text shown while an answer is made: the quoted direct answer before the
    LLM is asked (so a reader sees it at once), or the LLM's sentences that passed the
    citation check so far. The final :class:`Answer` follows."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, kw_only=True)
class Answer:
    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...]
    mode: str  # "llm" | "llm_partial" | "evidence" | "abstained"
    timings: dict[str, float] = field(default_factory=dict)
    notice: str = ""
    related: tuple[Citation, ...] = ()  # further reading offered with an abstention
    retrieved: tuple[str, ...] = ()  # doc ids of the retrieved passages, best first
    # LLM sentences the citation check refused, each with the reason, never shown as
    # answer text: (sentence, reason)
    refused: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
