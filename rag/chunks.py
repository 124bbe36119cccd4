"""Stage 2: sentence-aware chunks sized in tokens, with offsets into the article.

Chunks are whole sentences packed up to ``chunk_size`` tokens (tiktoken's cl100k,
read from the copy llama-index-core bundles, so nothing is downloaded), overlapping by
whole sentences up to ``chunk_overlap`` tokens. Packing our own sentences, rather
than re-splitting text, keeps every sentence's exact offsets, which citations need.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rag.corpus import Article, Sentence

if TYPE_CHECKING:
    import tiktoken


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """tiktoken's cl100k_base, read from the copy llama-index-core ships, because
    tiktoken would otherwise download it on first use (and fail offline)."""
    import llama_index.core
    import tiktoken

    cache = Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache"
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def fits_tokens(text: str, limit: int) -> bool:
    """Whether ``text`` is at most ``limit`` tokens. A token spans one UTF-8 byte or
    more, so a short text needs no count (loading the encoding costs 0.3 s)."""
    return len(text.encode()) <= limit or count_tokens(text) <= limit


def truncate_tokens(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` tokens."""
    ids = encoding().encode(text, disallowed_special=())
    return text if len(ids) <= limit else encoding().decode(ids[:limit])


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    article: Article
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata for Chroma (no None values)."""
        a = self.article
        return {
            "doc_id": a.doc_id,
            "title": a.title,
            "outlet": a.outlet,
            "date": a.date,
            "date_num": a.date_num,
            "article_hash": a.content_hash,
            "start": self.start,
            "end": self.end,
            "spans": json.dumps([[s.start, s.end, s.kind] for s in self.sentences]),
        }


def chunk_article(article: Article, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    sentences = article.sentences()
    sizes = [count_tokens(s.text) for s in sentences]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j, used = i, 0
        # a sentence longer than the budget still forms a chunk of its own
        while j < len(sentences) and (j == i or used + sizes[j] <= chunk_size):
            used += sizes[j]
            j += 1
        group = tuple(sentences[i:j])
        key = f"{article.doc_id}\x1f{article.content_hash}\x1f{group[0].start}\x1f{group[-1].end}"
        chunks.append(Chunk(hashlib.sha256(key.encode()).hexdigest()[:24], article, group))
        if j >= len(sentences):
            break
        # step back over whole sentences to overlap, but always move forward
        k, back = j, 0
        while k - 1 > i and back + sizes[k - 1] <= chunk_overlap:
            k -= 1
            back += sizes[k]
        i = k
    return chunks
