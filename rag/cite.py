"""Stage 6: the citation contract, written by hand because no library does it.

Every sentence shown to a user ends in ``[n]`` markers, and each marker points to a
quote that supports the sentence. A claim is supported by one sentence of a cited
passage when

1. every key term of the claim (name, number, month) occurs in that sentence or in
   the article's outlet and date,
2. the claim and the sentence agree in negation ("did not" vs "did"),
3. at least ``lexical`` of the claim's content terms occur there, and
4. the claim's embedding is at least ``semantic``-similar to the sentence.

Judging against one sentence, never a passage or a pair of sentences, is what
stops "Lee's Japanese counterpart was Yoon Suk Yeol" from passing because the
passage mentions Yoon somewhere else: facts from two sentences cannot be glued
into a relation neither states. Claims that fail are dropped, never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rag.corpus import Sentence
from rag.evidence import date_words
from rag.results import Citation, Passage
from rag.terms import content_terms, key_terms, norm, strip_markers, words
from rag.vectors import SentenceVectors

_MARKERS = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# Text up to and including a group of markers ("... pact [1][3]"), or the rest.
MARKED_PIECE = re.compile(r".+?(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+|.+$", re.S)
# What weak models write when they decline; not a claim about the articles.
_REFUSAL = re.compile(r"\b(?:do(?:es)? not (?:say|mention|contain|provide)|no information|"
                      r"not (?:mentioned|stated|specified)|cannot answer|can't answer|unknown)\b",
                      re.I)
MIN_CLAIM_WORDS = 3
_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|without|n't|neither)\b|n['’]t\b", re.I)


@dataclass(frozen=True)
class Claim:
    """One sentence of generated text, its markers, and what supports it (if anything)."""

    text: str  # without markers
    markers: tuple[int, ...]
    support: tuple[Sentence, ...] = ()
    passages: tuple[int, ...] = ()  # 0-based indices of the supporting passages
    reason: str = ""

    @property
    def supported(self) -> bool:
        return bool(self.support)


def parse_claims(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Split generated text into sentences with the markers each one carries. A
    marker group closes the sentence it follows, wherever the full stop is."""
    from rag.sentences import split_sentences

    out: list[tuple[str, tuple[int, ...]]] = []
    for piece in MARKED_PIECE.findall(text.strip()):
        piece = piece.lstrip(" .!?;,")
        for sent in split_sentences(piece):
            markers = tuple(int(n) for group in _MARKERS.findall(sent)
                            for n in re.split(r"\s*[,;]\s*", group))
            clean = strip_markers(sent)
            if not words(clean):
                if out:
                    out[-1] = (out[-1][0], out[-1][1] + markers)
                continue
            out.append((clean, markers))
    return out


def _terms_of(text: str) -> set[str]:
    out = set()
    for w in words(text):
        out.add(norm(w))
        if "-" in w:
            out |= {norm(p) for p in w.split("-") if p}
    return out


class CitationChecker:
    def __init__(self, vectors: SentenceVectors, *, lexical: float, semantic: float) -> None:
        self.vectors = vectors
        self.lexical = lexical
        self.semantic = semantic

    def support(self, claim: str, passages: list[Passage],
                allowed: Iterable[int]) -> tuple[tuple[Sentence, ...], tuple[int, ...], str]:
        """The best supporting unit among ``allowed`` passages, or a reason it has none."""
        keys = key_terms(claim)
        terms = content_terms(claim)
        if len(words(claim)) < MIN_CLAIM_WORDS:
            return (), (), "too short to be a claim"
        if _REFUSAL.search(claim):
            return (), (), "a refusal, not a claim"
        best: tuple[float, Sentence, int] | None = None
        reason = "no cited passage"
        negated = bool(_NEGATION.search(claim))
        for i in allowed:
            p = passages[i]
            # the outlet and date may back a name or date, never the wording
            meta = _terms_of(f"{p.outlet} {date_words(p.date)}")
            sims = self.vectors.similarities(claim, [s.text for s in p.sentences])
            for sent, sim in zip(p.sentences, sims, strict=True):
                unit_terms = _terms_of(sent.text)
                missing = keys - unit_terms - meta
                if missing:
                    reason = f"{', '.join(sorted(missing))} not in the cited passage"
                    continue
                if negated != bool(_NEGATION.search(sent.text)):
                    reason = "the claim and the passage differ in negation"
                    continue
                lexical = len(terms & unit_terms) / max(1, len(terms))
                if lexical < self.lexical or sim < self.semantic:
                    reason = f"weak support (lexical {lexical:.2f}, semantic {sim:.2f})"
                    continue
                if best is None or lexical + sim > best[0]:
                    best = (lexical + float(sim), sent, i)
        if best is None:
            return (), (), reason
        return (best[1],), (best[2],), ""

    def check(self, text: str, passages: list[Passage]) -> list[Claim]:
        """Every sentence of ``text`` judged against the passages it cites."""
        claims = []
        everything = range(len(passages))
        for clean, markers in parse_claims(text):
            valid = [m - 1 for m in markers if 1 <= m <= len(passages)]
            if markers and not valid:
                claims.append(Claim(clean, markers, reason="markers point to no passage"))
                continue
            support, used, reason = self.support(clean, passages, valid or everything)
            claims.append(Claim(clean, markers, support, used, reason))
        return claims


def assemble(items: list[tuple[str, tuple[Sentence, ...]]],
             passages_by_doc: dict[str, Passage]) -> tuple[str, tuple[Citation, ...]]:
    """Answer text and citations, numbered 1..k by first use; a quote cited twice
    keeps its number."""
    numbers: dict[tuple[str, int, int], int] = {}
    citations: list[Citation] = []
    parts = []
    for text, support in items:
        ns = []
        for s in support:
            key = (s.doc_id, s.start, s.end)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                p = passages_by_doc[s.doc_id]
                citations.append(Citation(numbers[key], s.doc_id, p.title, p.outlet, p.date,
                                          s.text, s.start, s.end))
            if numbers[key] not in ns:
                ns.append(numbers[key])
        body = text.strip()
        if body and body[-1] not in ".!?\"”'’)…":
            body += "."
        parts.append(body + " " + "".join(f"[{n}]" for n in ns))
    return " ".join(parts), tuple(citations)


def related_reading(passages: list[Passage], limit: int = 3) -> tuple[Citation, ...]:
    """The closest passages, offered with an abstention as reading, not as support."""
    out = []
    seen = set()
    for p in passages:
        if p.doc_id in seen or not p.sentences:
            continue
        seen.add(p.doc_id)
        first = p.sentences[0]
        out.append(Citation(len(out) + 1, p.doc_id, p.title, p.outlet, p.date,
                            p.text, p.start, p.end if p.end > first.start else first.end))
        if len(out) >= limit:
            break
    return tuple(out)
