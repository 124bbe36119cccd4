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
# A piece that ends on a name cut by a stray full stop ("... with Prime Minister Fumio.")
_ENDS_ON_NAME = re.compile(r"\b[A-Z][\w’'-]* [A-Z][\w’'-]*\.$")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# English function words (a general list, not chosen on any question): a piece that
# opens with one ("The", "His", "In") starts a sentence; one that opens with a single
# name and a lower-case word ("Kishida despite") may be the rest of a cut name.
_FUNCTION_WORDS = frozenset("""a an the this that these those his her its their our my your
    he she it they we i you in on at for but and or as after before while when if since with
    by from to of there here some many most all both each no not one two three what which
    who how why where meanwhile however still yet also then""".split())
_NAME_THEN_WORD = re.compile(r"([A-Z][\w’'-]*)[,]? [a-z]")
# Bump when the boundaries change: an index records it, so that `rag ingest` splits
# its articles again.
VERSION = 2


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
        # punctuation, or is under three words, or has no finite verb after a piece
        # that ends on a name, continues the sentence before it.
        if spans and (_CONTINUES.match(frag) or len(frag.split()) < MIN_WORDS
                      or _rest_of_name(text[spans[-1][0]:spans[-1][1]], frag, text)):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def _rest_of_name(before: str, frag: str, text: str) -> bool:
    """"... meeting with Prime Minister Fumio. Kishida despite opposition ...": the
    piece before ends on a capitalised pair, this one opens with a name and has no
    finite verb, so the stop was a stray one inside a name. (spaCy's tagger is asked only
    at such rare boundaries: 70 of 4,920 in the ingest benchmark's articles.)"""
    opening = _NAME_THEN_WORD.match(frag)
    if not opening or opening[1].lower() in _FUNCTION_WORDS \
            or not _ENDS_ON_NAME.search(before.rstrip()):
        return False
    # a word the article also writes in lower case is a common word opening a sentence
    # ("Officials from Tokyo ..."), as Punkt's orthographic heuristic has it
    if re.search(rf"\b{re.escape(opening[1].lower())}\b", text):
        return False
    from rag.language import tags

    return not any(t in _FINITE for t in tags(frag))


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# "1. ", "2) ", "- ", "• " opening a line of a model's list
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+")


def draft_sentences(text: str) -> list[str]:
    """The sentences of a model's draft: a line break ends one, and a list's markers
    are not part of it ("1. North Korea's threat\n2. Deteriorating ties" is two items,
    not "North Korea's threat 2." and "Deteriorating ties")."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _LIST_MARKER.sub("", line).strip()
        if line:
            out.extend(s.strip() for s in split_sentences(line))
    return out
