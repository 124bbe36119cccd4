"""Sentence boundaries with character offsets (NLTK Punkt, data bundled offline).

llama-index-core ships Punkt's English parameters in its ``_static/nltk_cache``,
so this needs no download.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w")
_CONTINUES = re.compile(r"[a-z,;:|)\-–—]")
MIN_WORDS = 3


@lru_cache(maxsize=1)
def _punkt() -> Any:  # nltk has no type information
    import llama_index.core
    import nltk
    from nltk.tokenize.punkt import PunktTokenizer

    cache = Path(llama_index.core.__file__).parent / "_static" / "nltk_cache"
    if str(cache) not in nltk.data.path:
        nltk.data.path.append(str(cache))
    return PunktTokenizer("english")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets into ``text`` of each sentence of ``text[start:end]``."""
    end = len(text) if end is None else end
    piece = text[start:end]
    spans: list[tuple[int, int]] = []
    for s, e in _punkt().span_tokenize(piece):
        frag = piece[s:e]
        if not _WORD.search(frag):
            continue
        # Scraped news has stray full stops ("Prime Minister Fumio. Kishida",
        # "chief. of the delegation"): a piece that starts in lower case or with
        # punctuation, or is under three words, continues the sentence before it.
        if spans and (_CONTINUES.match(frag) or len(frag.split()) < MIN_WORDS):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
