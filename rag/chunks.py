"""Stage 2: sentence-aware chunks sized in tokens, with offsets into the article.

Chunks are whole sentences packed up to ``chunk_size`` tokens (cl100k, counted with
the tokenizer llama-index-core bundles, so nothing is downloaded), overlapping by
whole sentences up to ``chunk_overlap`` tokens. Packing our own sentences, rather
than re-splitting text, keeps every sentence's exact offsets, which citations need.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rag.corpus import Article, Sentence


@lru_cache(maxsize=1)
def tokenizer() -> Callable[[str], list[int]]:
    from llama_index.core.utils import get_tokenizer

    return get_tokenizer()


def count_tokens(text: str) -> int:
    return len(tokenizer()(text))


def truncate_tokens(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` tokens, at a token boundary."""
    import tiktoken_ext  # noqa: F401  (makes the bundled encodings importable)

    ids = tokenizer()(text)
    if len(ids) <= limit:
        return text
    from llama_index.core.utils import globals_helper

    return globals_helper._tokenizer_encoding.decode(ids[:limit])  # type: ignore[attr-defined]


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
