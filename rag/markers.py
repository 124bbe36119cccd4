"""Citation markers, the one place that reads and writes them: "[1]", "[1][3]",
"[1, 3]" and "[1; 3]" are read; answers are written with one "[n]" per citation.

The checker, the eval's coverage figure and the chat window's links all use these,
so they cannot disagree about what counts as a marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_NUMBERS = r"\d+(?:\s*[,;]\s*\d+)*"
_GROUP = re.compile(rf"\[({_NUMBERS})\]")
_GROUP_WITH_SPACE = re.compile(rf"\s*\[{_NUMBERS}\]")
# Text up to and including a run of marker groups ("... pact [1][3]"), or the rest.
MARKED_PIECE = re.compile(rf".+?(?:\s*\[{_NUMBERS}\])+|.+$", re.S)
_ONE = re.compile(r"\[(\d+)\]")


def numbers(text: str) -> tuple[int, ...]:
    """The citation numbers of ``text``'s markers, in order: "a [1][2, 3]" -> (1, 2, 3)."""
    return tuple(int(n) for group in _GROUP.findall(text)
                 for n in re.split(r"\s*[,;]\s*", group))


def strip_markers(text: str) -> str:
    return _GROUP_WITH_SPACE.sub("", text).strip()


def render(ns: Iterable[int]) -> str:
    """Markers as answers show them: "[1][3]"."""
    return "".join(f"[{n}]" for n in ns)


def link_markers(text: str, link: Callable[[int, str], str]) -> str:
    """``text`` with each written marker "[n]" replaced by ``link(n, "[n]")``."""
    return _ONE.sub(lambda m: link(int(m[1]), m[0]), text)
