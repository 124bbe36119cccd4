"""The one path from a question to an Answer: retrieve -> generate -> cite.

``Pipeline`` gets its backends (index, embedder, LLM) injected; ``rag.answer`` uses
a default one built from the settings, building the index from ``seeds/`` the
first time it finds none.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import LLM

from rag.chunks import count_tokens, truncate_tokens
from rag.cite import CitationChecker, Claim, assemble, related_reading
from rag.errors import BackendError, InputError
from rag.evidence import (
    Ranked,
    _has_type,
    coverage_gap,
    diversify,
    evidence_passages,
    excerpt,
    question_type,
    rank_sentences,
    select,
    trim,
    wants_summary,
)
from rag.generate import Generator, build_messages, make_llm
from rag.index import Index
from rag.results import Answer, Passage
from rag.retrieve import Retriever
from rag.sentences import split_sentences
from rag.settings import Settings, get_settings
from rag.terms import content_terms, key_terms, words
from rag.vectors import SentenceVectors

log = logging.getLogger(__name__)

ABSTAIN_TEXT = "The articles don't say."
# An LLM sentence counts as answering only if it rests on one of the best evidence
# sentences; a supported but off-topic sentence does not answer the question.
LLM_SUPPORT_RANK = 5
_FOLLOWUP_START = re.compile(r"^\s*(?:and|but|also|so|then|what about|how about|and what)\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|them|their|it|its|this|that|those|there)\b",
                      re.I)

History = Sequence[Any]


def previous_questions(history: History | None) -> list[str]:
    """User turns of a chat history: dicts with role/content (OpenAI, Gradio) or
    (user, assistant) pairs."""
    out: list[str] = []
    for turn in history or []:
        if isinstance(turn, dict):
            if turn.get("role") == "user" and isinstance(turn.get("content"), str):
                out.append(turn["content"])
        elif isinstance(turn, list | tuple) and turn and isinstance(turn[0], str):
            out.append(turn[0])
    return out


def resolve_followup(question: str, history: History | None) -> str:
    """The retrieval query: a follow-up ("And his Japanese counterpart?") carries the
    previous question with it; a self-contained question stands alone."""
    earlier = previous_questions(history)
    if not earlier:
        return question
    follows = _FOLLOWUP_START.search(question) or (
        _PRONOUN.search(question) and len(key_terms(question)) < 2)
    return f"{earlier[-1]} {question}" if follows else question


@dataclass
class Pipeline:
    settings: Settings
    index: Index
    retriever: Retriever
    vectors: SentenceVectors
    checker: CitationChecker
    generator: Generator

    @classmethod
    def build(cls, settings: Settings, *, index: Index, llm: LLM | None) -> Pipeline:
        vectors = SentenceVectors(index.embed_model)
        return cls(
            settings=settings,
            index=index,
            retriever=Retriever(index, top_k=settings.top_k),
            vectors=vectors,
            checker=CitationChecker(vectors, article_text=index.article_text),
            generator=Generator(llm, timeout=settings.llm_timeout, wait=settings.llm_wait,
                                exclusive=settings.llm != "openai"),
        )

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *,
                      embed_model: BaseEmbedding | None = None, llm: LLM | None = None,
                      use_llm_from_settings: bool = True, client: Any = None) -> Pipeline:
        settings = settings or get_settings()
        index = Index.from_settings(settings, embed_model=embed_model, client=client)
        if llm is None and use_llm_from_settings:
            llm = make_llm(settings)
        return cls.build(settings, index=index, llm=llm)

    def with_llm(self, llm: LLM | None, name: str = "") -> Pipeline:
        """The same index and caches with another LLM backend."""
        return replace(self, generator=Generator(llm, timeout=self.settings.llm_timeout,
                                                 wait=self.settings.llm_wait,
                                                 exclusive=name != "openai",
                                                 name=name))

    # ---- public --------------------------------------------------------------
    def answer(self, question: str, history: History | None = None, *,
               top_k: int | None = None) -> Answer:
        result = None
        for event in self.stream(question, history, top_k=top_k):
            if isinstance(event, Answer):
                result = event
        assert result is not None
        return result

    def stream(self, question: str, history: History | None = None, *,
               top_k: int | None = None) -> Iterator[str | Answer]:
        """Yields the checked answer text so far (never unchecked LLM text), then the
        final Answer."""
        began = time.perf_counter()
        question, notices = self._normalise(question)
        timings: dict[str, float] = {}

        t = time.perf_counter()
        query = resolve_followup(question, history)
        k = top_k or self.settings.top_k
        if wants_summary(question):
            passages = diversify(self.retriever.retrieve(query, top_k=2 * k), k)
        else:
            passages = self.retriever.retrieve(query, top_k=k)
        ranked = rank_sentences(question, passages, self.vectors, query=query)
        timings["retrieve"] = time.perf_counter() - t

        gap = coverage_gap(question, passages)
        if gap or not ranked or ranked[0].semantic < self.settings.abstain_relevance:
            why = (f"nothing in them mentions {', '.join(sorted(gap))}" if gap
                   else "no passage is close enough to the question")
            log.info("abstained on %r: %s", question, why)
            timings["generate"] = timings["cite"] = 0.0
            timings["total"] = time.perf_counter() - began
            yield Answer(question, ABSTAIN_TEXT, True, (), "abstained", timings,
                         " ".join(notices), related_reading(passages),
                         tuple(p.doc_id for p in passages))
            return

        chosen = select(question, ranked)
        shown = evidence_passages(chosen, ranked, self.settings.llm_passages)
        claims: list[Claim] = []
        t = time.perf_counter()
        cite_time = 0.0
        if self.generator.llm is not None:
            try:
                for claim, spent in self._stream_checked(query, shown):
                    claims.append(claim)
                    cite_time += spent
                    if claim.supported:
                        kept = [c for c in claims if c.supported]
                        yield assemble([(c.text, c.support) for c in kept], _by_doc(shown))[0]
            except BackendError as exc:
                log.warning("LLM backend failed: %s", exc)
                notices.append(f"The language model was unavailable ({exc.message}); "
                               "this answer is quoted from the articles.")
        timings["generate"] = time.perf_counter() - t - cite_time

        t = time.perf_counter()
        kept = [c for c in claims if c.supported]
        if kept and self._answers(question, kept, chosen):
            mode = "llm" if len(kept) == len(claims) else "llm_partial"
            items = [(c.text, c.support) for c in kept]
        else:
            mode = "evidence"
            items = []
            for r in chosen:
                short = trim(r.sentence, question)
                items.append((excerpt(r.sentence, short), (short,)))
        text, citations = assemble(items, _by_doc(passages))
        timings["cite"] = cite_time + time.perf_counter() - t
        timings["total"] = time.perf_counter() - began
        yield text
        yield Answer(question, text, False, citations, mode, timings, " ".join(notices),
                     retrieved=tuple(p.doc_id for p in passages))

    # ---- steps -----------------------------------------------------------------
    def _normalise(self, question: str) -> tuple[str, list[str]]:
        if not isinstance(question, str):
            raise InputError("the question must be text", hint="pass a string")
        question = " ".join(question.split())
        if not words(question):
            raise InputError("the question is empty",
                             hint="type a question about the articles, e.g. "
                                  "'When did Japan restrict chip material exports?'")
        notices = []
        if count_tokens(question) > self.settings.max_question_tokens:
            question = truncate_tokens(question, self.settings.max_question_tokens)
            notices.append(f"The question was cut to its first "
                           f"{self.settings.max_question_tokens} tokens.")
        return question, notices

    def _stream_checked(self, question: str, shown: list[Passage]
                        ) -> Iterator[tuple[Claim, float]]:
        """Each sentence of the LLM's draft, checked as soon as it is complete."""
        buffer = ""
        for delta in self.generator.stream(build_messages(question, shown)):
            buffer += delta
            sentences = split_sentences(buffer)
            # the last sentence may still grow; earlier ones are complete
            while len(sentences) > 1:
                done = sentences.pop(0)
                buffer = buffer[buffer.index(done) + len(done):]
                yield from self._check(done, shown)
        if buffer.strip():
            yield from self._check(buffer, shown)

    def _check(self, sentence: str, shown: list[Passage]) -> Iterator[tuple[Claim, float]]:
        t = time.perf_counter()
        claims = self.checker.check(sentence, shown)
        spent = time.perf_counter() - t
        for claim in claims:
            yield claim, spent / max(1, len(claims))

    def _answers(self, question: str, kept: list[Claim], chosen: list[Ranked]) -> bool:
        """Does the LLM's supported text answer the question? It must rest on the
        evidence we would quote anyway, say something the question does not, and
        carry what is asked for (a date for "when", ...)."""
        evidence = {(r.sentence.doc_id, r.sentence.start) for r in chosen}
        rests_on_evidence = any((s.doc_id, s.start) in evidence for c in kept for s in c.support)
        text = " ".join(c.text for c in kept)
        says_more = bool(content_terms(text) - content_terms(question))
        kind = question_type(question)
        typed = not kind or _has_type(kind, text, key_terms(question))
        return rests_on_evidence and says_more and typed


def _by_doc(passages: list[Passage]) -> dict[str, Passage]:
    out: dict[str, Passage] = {}
    for p in passages:
        out.setdefault(p.doc_id, p)
    return out


_default: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The process-wide pipeline from the settings; builds the index on first use."""
    global _default
    with _default_lock:
        if _default is None:
            settings = get_settings()
            pipeline = Pipeline.from_settings(settings)
            if pipeline.index.chunk_count() == 0:
                from rag.corpus import load_corpus

                log.info("no index yet: building it from %s", settings.seeds_dir)
                articles, _ = load_corpus([settings.seeds_dir])
                pipeline.index.ingest(articles)
            _default = pipeline
        return _default
