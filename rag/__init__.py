"""Grounded, cited question answering over news articles on Japan-South Korea relations.

    >>> from rag import answer
    >>> a = answer("Who was Lee Jong-sup's Japanese counterpart?")
    >>> a.text, a.citations[0].quote
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rag.errors import (
    BackendError,
    ConfigError,
    EvalFileError,
    IndexCorruptError,
    InputError,
    RagError,
    StoreUnavailableError,
)
from rag.results import Answer, Citation, Draft
from rag.settings import Settings, get_settings

__all__ = [
    "Answer",
    "BackendError",
    "Citation",
    "ConfigError",
    "Draft",
    "EvalFileError",
    "IndexCorruptError",
    "InputError",
    "RagError",
    "Settings",
    "StoreUnavailableError",
    "answer",
    "get_settings",
    "stream_answer",
]


def answer(question: str, history: Sequence[Any] | None = None) -> Answer:
    """Answer ``question`` from the indexed articles; every sentence is cited.

    ``history`` is the conversation so far, as ``{"role", "content"}`` dicts or
    ``(user, assistant)`` pairs, used to resolve follow-up questions.
    """
    from rag.pipeline import default_pipeline

    return default_pipeline().answer(question, history)


def stream_answer(question: str, history: Sequence[Any] | None = None
                  ) -> Iterator[Draft | Answer]:
    """Like ``answer`` but yields Drafts (checked text with its citations: the quoted
    direct answer at once, then, if kept, the LLM's), then the final Answer."""
    from rag.pipeline import default_pipeline

    yield from default_pipeline().stream(question, history)
