"""Shared by the benchmark scripts: percentiles, peak memory, a hashed embedder,
and where results are written."""

from __future__ import annotations

import hashlib
import json
import platform
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.terms import content_terms

RESULTS = Path(__file__).parent / "results"
CACHE = Path(__file__).parent / ".cache"


class HashedEmbedding(BaseEmbedding):
    """Stemmed words hashed into ``dim`` signed buckets, normalised. Texts sharing
    words are close, so ranking means something; it costs microseconds, which lets
    scale runs measure the store rather than the model."""

    _dim: int = PrivateAttr(default=384)

    def __init__(self, dim: int = 384, **kw: Any) -> None:
        super().__init__(model_name=f"hashed-{dim}", **kw)
        self._dim = dim

    def _vector(self, text: str) -> list[float]:
        v = np.zeros(self._dim, dtype=np.float32)
        for term in content_terms(text):
            h = int.from_bytes(hashlib.md5(term.encode()).digest()[:8], "little")
            v[h % self._dim] += 1.0 if (h >> 32) % 2 else -1.0
        n = np.linalg.norm(v)
        return (v / n if n else v).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def p50(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def machine() -> str:
    import os

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, " \
           f"Python {platform.python_version()}"


def save(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    data = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), **data}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path
