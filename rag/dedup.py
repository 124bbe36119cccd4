"""Near-duplicate articles: the same wire story published by two outlets.

Each article gets a MinHash signature of its word 5-gram shingles, stored with the
article so existing articles are never re-read. Locality-sensitive banding finds
candidate pairs without comparing every pair; a pair whose estimated Jaccard
similarity clears ``THRESHOLD`` is a duplicate, and every article in a group is
mapped to the group's earliest version (by date, then id), which is the one cited.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 similarity almost always collide
THRESHOLD = 0.6
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20220613)  # fixed: signatures must match across runs
_A = _rng.integers(1, 1 << 60, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 60, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def signature(text: str) -> str:
    """The article's MinHash signature as hex (empty text gives all-ones)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 4
         for s in shingles if s], dtype=np.uint64)
    if hashes.size == 0:
        return "f" * 16 * PERMUTATIONS
    # (a*x + b) mod p per permutation; uint64 wraps, which keeps the values well mixed
    mixed = (hashes[None, :] * _A[:, None] + _B[:, None]) % _PRIME
    return str(mixed.min(axis=1).astype(">u8").tobytes().hex())


def _values(sig: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(sig), dtype=">u8")


def similarity(sig_a: str, sig_b: str) -> float:
    """Estimated Jaccard similarity of two articles' shingle sets."""
    return float(np.mean(_values(sig_a) == _values(sig_b)))


def duplicate_of(signatures: Mapping[str, str], order: Mapping[str, tuple[str, str]]
                 ) -> dict[str, str]:
    """{doc_id: earliest near-duplicate} for every article that repeats an earlier one.

    ``order`` maps doc_id to its sort key (ISO date or "", doc_id); undated articles
    sort after dated ones.
    """
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for doc_id, sig in signatures.items():
        raw = bytes.fromhex(sig)
        for band in range(BANDS):
            buckets[(band, raw[band * rows * 8 : (band + 1) * rows * 8])].append(doc_id)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    checked: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in checked:
                    continue
                checked.add(pair)
                if similarity(signatures[a], signatures[b]) >= THRESHOLD:
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in signatures:
        groups[find(doc_id)].append(doc_id)

    def key(doc_id: str) -> tuple[int, str, str]:
        date, ident = order.get(doc_id, ("", doc_id))
        return (0 if date else 1, date, ident)

    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=key)
        out.update({m: first for m in members if m != first})
    return out

