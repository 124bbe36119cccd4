"""Citation markers: the forms read, the form written, and links in the chat window."""

import pytest

from rag.markers import MARKED_PIECE, link_markers, numbers, render, strip_markers


@pytest.mark.parametrize(("text", "expected"), [
    ("Seoul scrapped the pact [1].", (1,)),
    ("Seoul scrapped the pact [1][3].", (1, 3)),
    ("Seoul scrapped the pact [1, 3].", (1, 3)),
    ("Seoul scrapped the pact [1; 3].", (1, 3)),
    ("In [2019] … no", (2019,)),  # a bracketed number reads as a marker: checked later
    ("No markers here.", ()),
    ("[a] and [1b] are not markers", ()),
])
def test_numbers(text: str, expected: tuple[int, ...]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Seoul scrapped the pact [1][3].", "Seoul scrapped the pact."),
    ("Seoul scrapped the pact [1, 3]", "Seoul scrapped the pact"),
    ("Plain text.", "Plain text."),
])
def test_strip_markers(text: str, expected: str) -> None:
    assert strip_markers(text) == expected


def test_pieces_end_at_each_marker_group() -> None:
    text = "Japan restricted exports [1]. Seoul filed a complaint [2][3] and more"
    assert MARKED_PIECE.findall(text) == ["Japan restricted exports [1]",
                                          ". Seoul filed a complaint [2][3]", " and more"]


def test_written_markers_round_trip_and_link() -> None:
    assert render([1, 3]) == "[1][3]"
    assert numbers("a " + render([2, 5])) == (2, 5)
    linked = link_markers("a [1] b [7]", lambda n, m: f"<{n}>" if n == 1 else m)
    assert linked == "a <1> b [7]"
