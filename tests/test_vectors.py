"""The sentence-vector cache (rag/vectors.py): what it returns never depends on what
it has forgotten."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import PrivateAttr

from rag.vectors import SentenceVectors
from tests.conftest import FakeEmbedding

A, B, C, D = ("Japan lifted export controls.", "Seoul withdrew its complaint.",
              "Kishida visited Seoul.", "The pact was normalized.")


def _alone(text: str) -> np.ndarray:
    return SentenceVectors(FakeEmbedding()).of([text])[0]


@pytest.mark.parametrize(("max_cached", "asked"), [
    # one call overflows the cache: every text still gets its own vector
    (2, [[A, B, C]]),
    # A was cached first; asked with new texts that overflow the cache, it was
    # forgotten before it was read and came back as zeros
    (2, [[A], [A, B, C]]),
    (3, [[A, B], [A, B, C, D]]),
    # repeats and order are kept
    (2, [[A, B], [B, A, B, C]]),
])
def test_vectors_are_the_texts_own_whatever_the_cache_forgot(
        max_cached: int, asked: list[list[str]]) -> None:
    vectors = SentenceVectors(FakeEmbedding(), max_cached=max_cached)
    for texts in asked:
        got = vectors.of(texts)
        assert got.shape[0] == len(texts)
        for text, vec in zip(texts, got, strict=True):
            assert np.allclose(vec, _alone(text)) and np.linalg.norm(vec) > 0.99


class CountingEmbedding(FakeEmbedding):
    """Records every text it embeds."""

    _embedded: list[str] = PrivateAttr(default_factory=list)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self._embedded.extend(texts)
        return super()._get_text_embeddings(texts)


def test_a_text_asked_for_is_forgotten_last() -> None:
    embed = CountingEmbedding()
    vectors = SentenceVectors(embed, max_cached=2)
    vectors.of([A, B])
    vectors.of([A])  # A is now the most recently used
    vectors.of([C])  # so B, not A, is forgotten
    vectors.of([A])
    assert embed._embedded == [A, B, C]
    vectors.of([B])
    assert embed._embedded == [A, B, C, B]
