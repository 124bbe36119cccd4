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


class SentenceVectors:
    def __init__(self, embed_model: BaseEmbedding, *, max_cached: int = MAX_CACHED) -> None:
        self.embed_model = embed_model
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._max = max_cached
        self._lock = threading.Lock()
        self._tokens: OrderedDict[str, tuple[np.ndarray, list[tuple[int, int]]]] = OrderedDict()

    def of(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            fresh = np.asarray(self.embed_model.get_text_embedding_batch(missing), dtype=np.float32)
            fresh /= np.linalg.norm(fresh, axis=1, keepdims=True) + 1e-12
            with self._lock:
                for text, vec in zip(missing, fresh, strict=True):
                    self._cache[text] = vec
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        dim = len(next(iter(self._cache.values())))
        return np.stack([self._cache.get(t, np.zeros(dim, np.float32)) for t in texts])

    def tokens(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]] | None:
        """Contextual vectors of ``text``'s word pieces (normalised) with their character
        offsets, from the embedding model's transformer; None when the model has none
        (a test's fake embedder). Cached: quotes recur."""
        model = getattr(self.embed_model, "_model", None)
        if model is None or not hasattr(model, "tokenizer"):
            return None
        with self._lock:
            hit = self._tokens.get(text)
        if hit is not None:
            return hit
        import torch

        enc = model.tokenizer(text, return_offsets_mapping=True, return_tensors="pt",
                              truncation=True, max_length=256)
        offsets = [tuple(o) for o in enc.pop("offset_mapping")[0].tolist()]
        with torch.no_grad():
            out = model[0].auto_model(**enc).last_hidden_state[0].numpy()
        out = out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-12)
        with self._lock:
            self._tokens[text] = (out, offsets)
            while len(self._tokens) > 20_000:
                self._tokens.popitem(last=False)
        return out, offsets

    def query(self, text: str) -> np.ndarray:
        vec = np.asarray(self.embed_model.get_query_embedding(text), dtype=np.float32)
        return vec / (np.linalg.norm(vec) + 1e-12)

    def similarities(self, query: str, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, np.float32)
        sims: np.ndarray = self.of(texts) @ self.query(query)
        return sims
