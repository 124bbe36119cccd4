"""Fakes in the style of simonw/llm's tests: hand-written, recording, and with output
that depends on the input (a fake embedder that gave every text one vector could
not test ranking)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import (
    CompletionResponse,
    CompletionResponseGen,
    CustomLLM,
    LLMMetadata,
)
from pydantic import PrivateAttr

# the ONNX export of the embedder, made once per test run's tree (tests write only
# under test-artifacts/); set before any Settings is read, subprocesses inherit it
os.environ.setdefault("RAG_MODEL_CACHE", str(Path(__file__).resolve().parent.parent
                                             / "test-artifacts" / "model-cache"))

from benchmarks.common import HashedEmbedding  # noqa: E402
from rag.cite import parse_claims  # noqa: E402
from rag.corpus import Sentence, load_corpus  # noqa: E402
from rag.index import Index, open_client  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.results import Answer, Passage  # noqa: E402
from rag.settings import PROJECT_ROOT, Settings  # noqa: E402

pytest_plugins = ["tests.reliability_report"]

SEEDS = PROJECT_ROOT / "seeds"
DIM = 256


class FakeEmbedding(HashedEmbedding):
    """Bag of stemmed words hashed into DIM signed buckets, normalised: texts that
    share words are close, so ranking is meaningful."""

    def __init__(self) -> None:
        super().__init__(dim=DIM)


class FakeLLM(CustomLLM):
    """Queue responses in; every prompt it was given is recorded in ``prompts``.
    A queued Exception is raised instead, a queued callable is called with the
    prompt; ``delay`` sleeps per token."""

    _queue: list[Any] = PrivateAttr(default_factory=list)
    _prompts: list[str] = PrivateAttr(default_factory=list)
    _delay: float = PrivateAttr(default=0.0)

    def __init__(self, *responses: Any, delay: float = 0.0) -> None:
        super().__init__()
        self._queue = list(responses)
        self._delay = delay

    @property
    def prompts(self) -> list[str]:
        return self._prompts

    def queue(self, *responses: Any) -> None:
        self._queue.extend(responses)

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=4096, num_output=256, model_name="fake")

    def _next(self, prompt: str) -> str:
        self._prompts.append(prompt)
        item = self._queue.pop(0) if self._queue else "The articles do not say."
        if isinstance(item, BaseException):
            raise item
        return item(prompt) if callable(item) else item

    def complete(self, prompt: str, formatted: bool = False, **kw: Any) -> CompletionResponse:
        return CompletionResponse(text=self._next(prompt))

    def stream_complete(self, prompt: str, formatted: bool = False,
                        **kw: Any) -> CompletionResponseGen:
        text = self._next(prompt)

        def gen() -> Iterator[CompletionResponse]:
            sofar = ""
            for token in re.findall(r"\S+\s*", text):
                if self._delay:
                    time.sleep(self._delay)
                sofar += token
                yield CompletionResponse(text=sofar, delta=token)
        return gen()


def cite(claim: str, needle: str) -> Any:
    """A response that cites, as [n], the numbered passage of the prompt holding
    ``needle`` - what a well-behaved LLM would write."""
    def respond(prompt: str) -> str:
        for block in prompt.split("\n\n"):
            m = re.search(r"^\[(\d+)\]", block, re.M)  # the first follows the system text
            if m and needle in block:
                return f"{claim} [{m[1]}]."
        raise AssertionError(f"no passage with {needle!r} in the prompt")
    return respond


def make_settings(tmp: Path, **overrides: Any) -> Settings:
    return Settings(index_dir=tmp / "index", llm="none", feedback_path=tmp / "feedback.jsonl",
                    **overrides)


def build_pipeline(tmp: Path, *, embed: BaseEmbedding | None = None, llm: Any = None,
                   paths: list[Path] | None = None, **overrides: Any) -> Pipeline:
    settings = make_settings(tmp, **overrides)
    index = Index(client=open_client(settings), collection=settings.collection,
                  embed_model=embed or FakeEmbedding(), chunk_size=settings.chunk_size,
                  chunk_overlap=settings.chunk_overlap)
    if index.chunk_count() == 0:
        articles, _ = load_corpus(paths or [SEEDS])
        index.ingest(articles)
    return Pipeline.build(settings, index=index, llm=llm)


@pytest.fixture(scope="session")
def real_embed() -> BaseEmbedding:
    from rag.index import load_embed_model

    return load_embed_model(Settings())


@pytest.fixture(scope="session")
def real_pipeline(tmp_path_factory: pytest.TempPathFactory, real_embed: BaseEmbedding) -> Pipeline:
    """The seeds with the real bundled embedder and no LLM (shared, read-only)."""
    return build_pipeline(tmp_path_factory.mktemp("real"), embed=real_embed)


@pytest.fixture
def fake_pipeline(tmp_path: Path) -> Pipeline:
    return build_pipeline(tmp_path)


def assert_contract(answer: Answer, pipeline: Pipeline) -> None:
    """What a user may rely on: every sentence cited, every quote the article's text at
    its offsets, and every sentence supported by the quotes it cites."""
    if answer.abstained:
        assert not answer.citations
        return
    by_n = {c.n: c for c in answer.citations}
    claims = parse_claims(answer.text)
    assert claims, answer.text
    for clean, markers in claims:
        assert markers, f"uncited sentence: {clean!r}"
        quotes = []
        for n in markers:
            c = by_n[n]
            article = pipeline.index.article(c.doc_id)
            assert article is not None and article.text[c.start : c.end] == c.quote
            quotes.append(Passage(chunk_id=f"{c.doc_id}:{c.start}", doc_id=c.doc_id, title=c.title,
                                  outlet=c.outlet, date=c.date, text=c.quote, start=c.start,
                                  end=c.end, score=0.0,
                                  sentences=(Sentence(c.doc_id, c.start, c.end, c.quote),)))
        support, _, why = pipeline.checker.support(clean, quotes, range(len(quotes)))
        assert support, f"unsupported sentence {clean!r}: {why}"
