"""Stage 6: the citation contract, written by hand because no library does it.

Every sentence shown to a user ends in ``[n]`` markers, and each marker points to a
quote that supports the sentence. Support is decided by ``rag.align``: every content
word of the claim is grounded in the quote, polarity and hedges survive, and the
entity in each role of a shared predicate is the quote's. The quote is one sentence
of a cited passage, or two adjacent ones (both quoted on the cards). Support comes
from cited passages only; claims that fail are dropped, never shown, and keep the
reason they failed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rag.align import Aligner, Tuning, Unit, content_tokens, word_keys
from rag.corpus import Sentence
from rag.dates import date_words
from rag.language import parse
from rag.lexicon import Lexicon
from rag.markers import MARKED_PIECE, numbers, render, strip_markers
from rag.results import Citation, Passage
from rag.terms import words
from rag.vectors import SentenceVectors

# What models write when they decline; not a claim about the articles.
REFUSAL = re.compile(r"\b(?:do(?:es)? not (?:say|mention|contain|provide|state|specify)|"
                     r"no information|not (?:mentioned|stated|specified)|cannot answer|"
                     r"can't answer|unknown)\b", re.I)
MIN_CLAIM_WORDS = 3
# A sentence that opens by pointing back: a pronoun among its first few words.
_LEANS = re.compile(r"^\W*(?:\S+\s+){0,3}(?:he|she|his|her|they|their|it|its|this|these|"
                    r"the two|both)\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their|them|it|its)\b", re.I)


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


_OPENING_PRONOUN = re.compile(r"^(\W*)(he|she|his|her)\b", re.I)


def resolve_opening(claim: str, question: str) -> str:
    """``claim`` with an opening "he"/"his" read as the question's person ("He is a
    member of the delegation", asked about Yoon: "Yoon is a member ..."), so that the
    check judges what a reader understands; "" when there is nothing to resolve."""
    m = _OPENING_PRONOUN.match(claim)
    if not m:
        return ""
    person = next((e.text for e in parse(question).ents if e.label_ == "PERSON"), "")
    person = re.sub(r"['’]s$", "", person)
    if not person:
        return ""
    name = f"{person}'s" if m[2].lower() in ("his", "her") else person
    return m[1] + name + claim[m.end():]


def _word_keys(text: str) -> set[str]:
    """The claim-comparable forms of ``text``'s content words."""
    return {k for t in content_tokens(parse(text)) for k in word_keys(t)}


def parse_claims(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Split generated text into sentences with the markers each one carries. A
    marker group closes the sentence it follows, wherever the full stop is."""
    from rag.sentences import split_sentences

    out: list[tuple[str, tuple[int, ...]]] = []
    for piece in MARKED_PIECE.findall(text.strip()):
        piece = piece.lstrip(" .!?;,")
        for sent in split_sentences(piece):
            markers = numbers(sent)
            clean = strip_markers(sent)
            if not words(clean):
                if out:
                    out[-1] = (out[-1][0], out[-1][1] + markers)
                continue
            out.append((clean, markers))
    return out


class CitationChecker:
    """Judges each sentence of a draft against the passages it cites.

    ``article_text(doc_id)`` gives an article's whole text, for the sentence before
    a quote that leans on a pronoun and for full names and titles given elsewhere
    in the article; without it, only the passages are used. ``lexicon`` (WordNet)
    lets a claim word stand for a related quote word; without it only word vectors do.
    """

    def __init__(self, vectors: SentenceVectors, *, tuning: Tuning | None = None,
                 article_text: Callable[[str], str] | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.vectors = vectors
        self.tuning = tuning or Tuning()
        self.aligner = Aligner(vectors.of, tuning=self.tuning, token_vectors=vectors.tokens,
                               lexicon=lexicon)
        self.article_text = article_text or (lambda doc_id: "")

    def support(self, claim: str, passages: list[Passage],
                allowed: Iterable[int]) -> tuple[tuple[Sentence, ...], tuple[int, ...], str]:
        """The supporting sentences among ``allowed`` passages, or why there are none."""
        if len(words(claim)) < MIN_CLAIM_WORDS:
            return (), (), "too short to be a claim"
        if REFUSAL.search(claim):
            return (), (), "a refusal, not a claim"
        # the bundled model may hand the question back ("Yoon plans to go to the NATO
        # summit - what would make his attendance a first?"): a question asserts nothing
        if claim.rstrip(" \"'\u201d\u2019)").endswith("?"):
            return (), (), "a question, not a claim"
        # "Friendship and cooperation. [1]" for "which values do they share": a phrase
        # with no verb asserts only what the question would make of it, which the quote
        # ("ties based on friendship and cooperation") need not say
        if not any(t.pos_ in ("VERB", "AUX") for t in parse(claim)):
            return (), (), "a phrase with no verb, not a claim"
        allowed = list(dict.fromkeys(allowed))
        if not allowed:
            return (), (), "no cited passage"
        units = list(self._units(passages, allowed))
        sims = self.vectors.similarities(claim, [" ".join(s.text for s in u) for u, _ in units])
        # closest quotes first; a unit below the sentence floor cannot support the claim,
        # so only its similarity is reported
        order = sorted(range(len(units)), key=lambda k: -float(sims[k]))
        best_reason, most = "", -1
        mine = _word_keys(claim)
        for k in order:
            (sents, used), sim = units[k], float(sims[k])
            if sim < self.tuning.sentence_similarity:
                break
            verdict = self.aligner.check(claim, self._unit(sents, passages[used[0]]))
            need = (self.tuning.loose_sentence_similarity if verdict.loose
                    else self.tuning.sentence_similarity)
            if verdict.ok and sim >= need:
                return sents, used, ""
            # the reason shown is the one of the quote that shares most of the claim's
            # words (the closest of those): sentence similarity may rank a neighbour
            # above the sentence the claim rewords, and only that sentence's reason
            # tells what is wrong ("the claim stops at 'attending'", not that four of
            # its words are missing from the neighbour)
            shared = len(mine & _word_keys(" ".join(s.text for s in sents)))
            if shared > most:
                most = shared
                best_reason = verdict.reason or (
                    f"'{', '.join(verdict.loose)}' is worded freely and the claim is not "
                    f"close enough to the quote (similarity {sim:.2f})")
        if not best_reason and units:
            # nothing came close: say what the closest quote lacks
            (sents, used), sim = units[order[0]], float(sims[order[0]])
            verdict = self.aligner.check(claim, self._unit(sents, passages[used[0]]))
            best_reason = verdict.reason or (
                f"no cited sentence is close to the claim (similarity {sim:.2f})")
        return (), (), best_reason

    def _units(self, passages: list[Passage], allowed: list[int]
               ) -> Iterable[tuple[tuple[Sentence, ...], tuple[int, ...]]]:
        """Single sentences, and adjacent pairs (all of them with
        ``Tuning.join_adjacent``, else those whose second sentence leans on the first).
        Sentences of two different passages are never joined: the bundled model glued
        "the Shangri-La Dialogue" to another sentence's "held in Seoul"."""
        for i in allowed:
            for s in passages[i].sentences:
                yield (s,), (i,)
        for i in allowed:
            sents = passages[i].sentences
            for a, b in zip(sents, sents[1:], strict=False):
                # only where the second sentence leans on the first ("His counterpart")
                if self.tuning.join_adjacent or _LEANS.match(b.text):
                    yield (a, b), (i,)

    def _unit(self, sents: tuple[Sentence, ...], p: Passage) -> Unit:
        article = self.article_text(sents[0].doc_id)
        antecedent = ""
        if article and _PRONOUN.search(sents[0].text):
            before = article[max(0, sents[0].start - 400): sents[0].start]
            from rag.sentences import split_sentences

            prev = split_sentences(before)
            antecedent = prev[-1] if prev else ""
        return Unit(tuple(s.text for s in sents), f"{p.outlet} {date_words(p.date)}",
                    antecedent, article)

    def check(self, text: str, passages: list[Passage]) -> list[Claim]:
        """Every sentence of ``text`` judged against the passages it cites."""
        claims = []
        for clean, markers in parse_claims(text):
            clean = as_shown(clean)
            valid = [m - 1 for m in markers if 1 <= m <= len(passages)]
            if markers and not valid:
                claims.append(Claim(clean, markers, reason="markers point to no passage"))
                continue
            # an unmarked sentence may rest on any shown passage; it is shown with the
            # marker of the one that supports it
            support, used, reason = self.support(clean, passages, valid or range(len(passages)))
            claims.append(Claim(clean, markers, support, used, reason))
        return claims


def as_shown(text: str) -> str:
    """A sentence as the answer shows it: ending in its punctuation. The check judges
    this form (the parser reads "Rephrasing the issues" differently with its full stop)."""
    body = text.strip()
    if body and body[-1] not in ".!?\"”'’)…":
        body += "."
    return body


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
                citations.append(Citation(n=numbers[key], doc_id=s.doc_id, title=p.title,
                                          outlet=p.outlet, date=p.date, quote=s.text,
                                          start=s.start, end=s.end))
            if numbers[key] not in ns:
                ns.append(numbers[key])
        body = as_shown(text)
        parts.append(body + " " + render(ns))
    return " ".join(parts), tuple(citations)


def related_reading(passages: list[Passage], limit: int = 3) -> tuple[Citation, ...]:
    """The closest passages, offered with an abstention as reading, not as support."""
    out: list[Citation] = []
    seen: set[str] = set()
    for p in passages:
        if p.doc_id in seen or not p.sentences:
            continue
        seen.add(p.doc_id)
        first = p.sentences[0]
        out.append(Citation(n=len(out) + 1, doc_id=p.doc_id, title=p.title, outlet=p.outlet,
                            date=p.date, quote=p.text, start=p.start,
                            end=p.end if p.end > first.start else first.end))
        if len(out) >= limit:
            break
    return tuple(out)
