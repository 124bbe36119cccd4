"""The frozen results that flow between stages and out to users."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
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

    @property
    def where(self) -> str:
        """"Outlet, date" as far as they are known ("" when neither is)."""
        return ", ".join(x for x in (self.outlet, self.date) if x)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, marked with " …"."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event of a timeline: the date its sentence gives, and that sentence
    (quoted whole, with where it is; ``n`` is 0: it is not a marker of the text)."""

    when: str
    citation: Citation


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
    # for a question about change over time: dated sentences of the evidence, in order
    timeline: tuple[TimelineEntry, ...] = ()
    # why an abstention was made ("no passage about it gives a date"), "" otherwise
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """The Answer ``to_dict`` (or a line of an eval's answers.jsonl) describes."""
        known = {f.name for f in fields(cls)}
        return cls(**{**{k: v for k, v in data.items() if k in known},
                      "citations": tuple(Citation(**c) for c in data.get("citations", ())),
                      "related": tuple(Citation(**c) for c in data.get("related", ())),
                      "retrieved": tuple(data.get("retrieved", ())),
                      "refused": tuple((s, r) for s, r in data.get("refused", ())),
                      "timeline": tuple(TimelineEntry(e["when"], Citation(**e["citation"]))
                                        for e in data.get("timeline", ()))})

    def to_markdown(self) -> str:
        """The answer as a reader would paste it: the question, the text with its [n]
        markers, and the numbered sources with the sentence each one quotes (an
        abstention lists its related reading as such)."""
        refs = self.related if self.abstained else self.citations
        lines = [f"**{_md_line(self.question)}**", "", self.text]
        if refs:
            lines += ["", "Related reading, not an answer:" if self.abstained else "Sources:",
                      ""]
        for c in refs:
            # a related passage is a chunk, not a sentence: its opening is enough
            quote = shorten(c.quote, 300) if self.abstained else c.quote
            lines.append(f"{'- ' if self.abstained else f'{c.n}. '}*{_md_line(c.title)}*"
                         + (f" ({c.where})" if c.where else "") + f": “{_md_line(quote)}”")
        if self.timeline:
            lines += ["", "Timeline:", ""]
        for e in self.timeline:
            c = e.citation
            lines.append(f"- **{e.when}**: “{_md_line(c.quote)}” (*{_md_line(c.title)}*"
                         + (f", {c.where}" if c.where else "") + ")")
        return "\n".join(lines) + "\n"


def _md_line(text: str) -> str:
    """One line of Markdown that shows ``text`` as it is (no emphasis, no new lines)."""
    return re.sub(r"([\\`*_<>\[\]])", r"\\\1", " ".join(text.split()))
