"""Normalised embeddings of short texts with a cache, for sentence-level scoring.

Sentences of the articles recur across questions, so their vectors are cached: a
warm answer embeds only the question (and the LLM's sentences, if any).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

MAX_CACHED = 200_000
MAX_CACHED_TOKENS = 20_000


class SentenceVectors:
    def __init__(self, embed_model: BaseEmbedding, *, max_cached: int = MAX_CACHED) -> None:
        self.embed_model = embed_model
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._max = max_cached
        self._lock = threading.Lock()
        self._tokens: OrderedDict[str, tuple[np.ndarray, list[tuple[int, int]]]] = OrderedDict()

    def of(self, texts: list[str]) -> np.ndarray:
        """The vectors of ``texts``, in order. A text asked for stays cached longest (the
        cache forgets the least recently used), and never comes back as zeros when the
        texts it arrives with overflow the cache."""
        wanted = list(dict.fromkeys(texts))
        with self._lock:
            known = {t: self._cache[t] for t in wanted if t in self._cache}
            for t in known:
                self._cache.move_to_end(t)
        missing = [t for t in wanted if t not in known]
        if missing:
            fresh = np.asarray(self.embed_model.get_text_embedding_batch(missing), dtype=np.float32)
            fresh /= np.linalg.norm(fresh, axis=1, keepdims=True) + 1e-12
            with self._lock:
                for text, vec in zip(missing, fresh, strict=True):
                    known[text] = self._cache[text] = vec
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def tokens(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]] | None:
        """Contextual vectors of ``text``'s word pieces (normalised) with their character
        offsets, from the embedding model's transformer; None when the model has none
        (a test's fake embedder). Cached: quotes recur."""
        token_vectors = getattr(self.embed_model, "token_vectors", None)
        if token_vectors is None:
            return None
        with self._lock:
            hit = self._tokens.get(text)
        if hit is not None:
            return hit
        got: tuple[np.ndarray, list[tuple[int, int]]] = token_vectors(text)
        with self._lock:
            self._tokens[text] = got
            while len(self._tokens) > MAX_CACHED_TOKENS:
                self._tokens.popitem(last=False)
        return got

    def query(self, text: str) -> np.ndarray:
        vec = np.asarray(self.embed_model.get_query_embedding(text), dtype=np.float32)
        return vec / (np.linalg.norm(vec) + 1e-12)

    def similarities(self, query: str, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, np.float32)
        sims: np.ndarray = self.of(texts) @ self.query(query)
        return sims
