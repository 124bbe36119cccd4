"""The answer's wording, table-driven: trimming a sentence to the clauses that answer
(rag/excerpt.py).
"""

from __future__ import annotations

import pytest

from rag.corpus import Sentence
from rag.evidence import (
    WEIGHTS,
    Weights,
    asks_beyond,
)
from rag.excerpt import (
    excerpt,
    stands_alone,
    trim,
)


@pytest.mark.parametrize(("weights", "trimmed"), [
    (WEIGHTS, True),
    (Weights(trim_above_words=60), False),  # a sentence this short is never cut
])
def test_the_weights_passed_in_decide_trimming(weights: Weights, trimmed: bool) -> None:
    text = ("Japan restricted exports of chip materials to South Korea in July 2019, "
            "a move widely seen in Seoul as retaliation, according to people familiar "
            "with the matter and officials in both capitals.")
    sentence = Sentence("a", 0, len(text), text, "body")
    short = trim(sentence, "When did Japan restrict exports of chip materials?", weights)
    assert (short.text != text) is trimmed and short.text in text


SOURCED = ("Yoon will attend the North Atlantic Treaty Organization summit in Spain later "
           "this month, a first for a South Korean leader, according to a person close to "
           "his office.")


@pytest.mark.parametrize(("question", "keeps_source"), [
    # who said it: the attribution is the answer
    ("Who was cited as the source for the news that Yoon would go to the NATO summit?", True),
    # when: the date is the answer; the attribution may go
    ("When will Yoon attend the NATO summit in Spain?", False),
])
def test_trimming_keeps_the_attribution_when_it_is_asked_for(question: str,
                                                            keeps_source: bool) -> None:
    short = trim(Sentence("a", 0, len(SOURCED), SOURCED, "body"), question)
    assert ("according to a person close to his office" in short.text) is keeps_source


TWO_MINISTRIES = ("\u201cBoth sides exchanged broad and in-depth opinions on the security "
                  "environment in Northeast Asia, including the North Korean nuclear issue "
                  "and the status of mutual defense and security policy cooperation,\u201d "
                  "South Korea\u2019s Defense and Foreign ministries said in a statement.")


@pytest.mark.parametrize(("question", "keeps_ministries"), [
    # "which two ministries": the instance of the asked-for kind is kept
    ("Which two ministries put out the statement, and what did they say both sides "
     "exchanged?", True),
    ("What did both sides exchange opinions on?", False),
])
def test_trimming_keeps_the_asked_for_instance(question: str, keeps_ministries: bool) -> None:
    short = trim(Sentence("a", 0, len(TWO_MINISTRIES), TWO_MINISTRIES, "body"), question)
    assert ("Defense and Foreign ministries" in short.text) is keeps_ministries


ARMISTICE = ("The two Koreas remain technically at war, nearly seven decades after their "
             "devastating conflict ended in 1953, because the countries signed only an "
             "armistice, not a peace agreement.")


@pytest.mark.parametrize(("question", "kept"), [
    ("Why are the two Koreas still technically at war?", "armistice"),
    ("When did the Korean War end?", "1953"),
])
def test_trimming_keeps_what_is_asked_for_a_reason_too(question: str, kept: str) -> None:
    assert kept in trim(Sentence("a", 0, len(ARMISTICE), ARMISTICE, "body"), question).text


RADAR = ("After an incident in December 2018, the South Korean navy allegedly locked "
         "fire-control radar on a Japanese Self-Defense Forces patrol plane in Japan's "
         "exclusive economic zone.")


@pytest.mark.parametrize(("question", "dated"), [
    # a question of order compares dates: the clause with the date stays
    ("Which came earlier: the alleged radar lock-on against the Japanese patrol plane, or "
     "Japan's curbs on chip-material exports?", True),
    ("Did the radar lock-on on the patrol plane happen before or after the export curbs?",
     True),
    # a place asked for: the date may go
    ("Where was the Japanese patrol plane when the navy allegedly locked radar on it?",
     False),
])
def test_a_question_of_order_keeps_the_date(question: str, dated: bool) -> None:
    got = trim(Sentence("a", 0, len(RADAR), RADAR, "body"), question).text
    assert ("December 2018" in got) is dated


ODDS = ("The two sides have long been at odds over islets controlled by Seoul and claimed "
        "by Tokyo, known as Takeshima in Japan and Dokdo in South Korea, as well as Japanese "
        "restrictions on semiconductor material exports to South Korea imposed in July 2019.")


@pytest.mark.parametrize(("question", "kept", "whole"), [
    # what is set aside shares the question's words; the answer is the rest
    ("Besides the islets, what have the two sides long been at odds over?", "semiconductor",
     True),
    ("Apart from the islets, what have the two sides been at odds over?", "semiconductor",
     True),
    ("Over which islets have the two sides long been at odds?", "islets", False),
])
def test_a_question_that_sets_a_thing_aside_keeps_the_rest(question: str, kept: str,
                                                           whole: bool) -> None:
    got = trim(Sentence("a", 0, len(ODDS), ODDS, "body"), question).text
    assert kept in got and (got == ODDS) is whole
    assert asks_beyond(question) is whole


STATEMENT = ("As a result, both sides agreed to \u201cdevelop future-oriented security "
             "cooperation between South Korea and Japan,\u201d the statement said, without "
             "further details.")


def test_a_short_last_phrase_stays_with_what_it_qualifies() -> None:
    question = "What did the statement on the security talks leave out about the cooperation?"
    got = trim(Sentence("a", 0, len(STATEMENT), STATEMENT, "body"), question).text
    assert got.endswith("without further details.") and not got.startswith("As a result")


@pytest.mark.parametrize(("text", "alone"), [
    ("Japan restricted exports of chip materials in July 2019", True),
    ("there can be no negotiations on the issue", True),
    ("as he welcomed Japanese Prime Minister Fumio Kishida to Seoul", False),
    ("which names no cost", False),
    ("according to people familiar with the matter", False),
    ("seen as retaliation for a court ruling", False),
    ("the first by a Japanese leader to Seoul in 12 years", False),
    # an attribution whose saying was cut away
    ("said Shin-wha Lee, a professor of international relations at Korea University", False),
])
def test_a_cut_must_leave_a_clause_that_stands_alone(text: str, alone: bool) -> None:
    assert stands_alone(text) is alone


LEE = ("The focus of the summit between the two U.S. allies is expected to revolve around "
       "security cooperation in the face of North Korea's nuclear threats, with a particular "
       "eye on American interests in the region, said Shin-wha Lee, a professor of "
       "international relations at Seoul-based Korea University.")


@pytest.mark.parametrize(("question", "kept"), [
    # the apposition is what the article says the asked-about person is
    ("What subject does Shin-wha Lee teach?", "a professor of international relations"),
    ("Which university employs Shin-wha Lee?", "Korea University"),
])
def test_a_cut_keeps_what_the_article_says_an_asked_about_name_is(question: str,
                                                                   kept: str) -> None:
    assert kept in trim(Sentence("a", 0, len(LEE), LEE, "body"), question).text


# the parser makes "were" the root and "quoted" a clause of it
QUOTED = ("Lee was quoted by Yonhap News Agency as telling reporters that while he did not "
          "hold talks with Kishi during the forum, the Shangri-La Dialogue was known as the "
          "Shangri-La Dialogue, they were able to chat informally on three occasions.")
KYODO = ("Kishida will also urge for trilateral talks with China as early as this year, "
         "Kyodo reported on Friday.")
VISIT = ("Kishida’s bilateral visit, the first by a Japanese leader to Seoul in 12 years, "
         "returns the trip Yoon made to Tokyo in March, where they sought to close a chapter.")


@pytest.mark.parametrize(("whole", "piece", "alone"), [
    # the piece's subject is an apposition to a word cut away
    (VISIT, "the first by a Japanese leader to Seoul in 12 years, returns the trip Yoon made "
            "to Tokyo in March", False),
    (VISIT, "Kishida’s bilateral visit, the first by a Japanese leader to Seoul in 12 years, "
            "returns the trip Yoon made to Tokyo in March", True),
    ("Japan restricted exports of chip materials in July 2019, according to officials.",
     "Japan restricted exports of chip materials in July 2019", True),
    ("Before the talks, officials said the curbs would stay.",
     "officials said the curbs would stay", True),
    # ... and from one that may stand without its head: what a report says, or a
    # clause joined to the one cut away; not a clause the main one tells more of
    (QUOTED, "Lee was quoted by Yonhap News Agency as telling reporters that while he did "
             "not hold talks with Kishi during the forum, the Shangri-La Dialogue was known "
             "as the Shangri-La Dialogue", False),
    (KYODO, "Kishida will also urge for trilateral talks with China as early as this year",
     True),
    ("Seoul filed a complaint with the WTO, and Tokyo rejected it.", "Tokyo rejected it",
     True),
])
def test_a_cut_must_hang_from_one_word_of_its_sentence(whole: str, piece: str,
                                                      alone: bool) -> None:
    assert stands_alone(piece, whole, whole.index(piece)) is alone


@pytest.mark.parametrize(("piece", "expected"), [
    ("Japan restricted exports in July 2019, Seoul said.",
     "Japan restricted exports in July 2019, Seoul said."),  # not cut
    ("Japan restricted exports in July 2019,", "Japan restricted exports in July 2019."),
    ("officials said the curbs would stay", "Officials said the curbs would stay."),
])
def test_a_cut_quote_reads_as_a_plain_sentence(piece: str, expected: str) -> None:
    text = "Before the talks, officials said the curbs would stay; " \
        "Japan restricted exports in July 2019, Seoul said."
    whole = Sentence("a", 0, len(text), text)
    at = text.index(piece)
    cut = Sentence("a", at, at + len(piece), piece)
    assert excerpt(whole, cut) == expected


PRICE = ('North Korea may conduct its first nuclear bomb test since 2017 "in the coming '
         'days," US State Department spokesman Ned Price told reporters last week, adding '
         "that Washington would respond.")


@pytest.mark.parametrize(("question", "kept"), [
    # the content is asked: who said it without what was said answers nothing
    ("What did Ned Price say about export controls?", "may conduct"),
    # the saying's own circumstances are asked: what was said may go
    ("When did Ned Price tell reporters about export controls?", "last week"),
])
def test_a_trimmed_report_keeps_what_was_said_when_that_is_asked(question: str,
                                                                 kept: str) -> None:
    short = trim(Sentence("a", 0, len(PRICE), PRICE, "body"), question)
    assert kept in short.text


def test_a_clause_may_end_where_a_quotation_closes() -> None:
    text = ('"Although several issues remain unsolved, we intend to find solutions that '
            'reflect the interests of both countries," South Korean Defense Minister Lee '
            'Jong-sup said on Sunday at a security forum in Singapore.')
    short = trim(Sentence("a", 0, len(text), text, "body"), "Where did Lee Jong-sup speak?")
    assert short.text == ("South Korean Defense Minister Lee Jong-sup said on Sunday at a "
                          "security forum in Singapore.")


@pytest.mark.parametrize(("text", "shown"), [
    ("“Their capabilities are crucial for security, and ties matter,” she said.",
     "Their capabilities are crucial for security."),
    ('"Their capabilities are crucial for security, and ties matter," she said.',
     "Their capabilities are crucial for security."),
])
def test_a_quotation_cut_before_it_closes_loses_its_opening_mark(text: str,
                                                                 shown: str) -> None:
    whole = Sentence("a", 0, len(text), text, "body")
    cut = text.index(",")
    assert excerpt(whole, Sentence("a", 0, cut, text[:cut], "body")) == shown


UNSOLVED = ('"Although several issues remain unsolved, we intend to find solutions that '
            'reflect the interests of both countries," Lee said on Sunday.')
AGREED = ("As a result, both sides agreed to “develop future-oriented security cooperation,” "
          "the statement said, without further details.")


@pytest.mark.parametrize(("text", "piece", "shown"), [
    # a quotation opened inside the clause and cut before it closes is closed
    (PRICE, 'North Korea may conduct its first nuclear bomb test since 2017 "in the coming '
     'days,', 'North Korea may conduct its first nuclear bomb test since 2017 "in the coming '
     'days."'),
    (AGREED, "both sides agreed to “develop future-oriented security cooperation,",
     "Both sides agreed to “develop future-oriented security cooperation.”"),
    # a clause cut from inside a quotation that closes in it gets its opening mark back
    (UNSOLVED, 'we intend to find solutions that reflect the interests of both countries," '
     'Lee said on Sunday.', '"We intend to find solutions that reflect the interests of '
     'both countries," Lee said on Sunday.'),
    # ... and one that does not close in it stays a plain sentence
    (UNSOLVED, "we intend to find solutions that reflect the interests of both countries",
     "We intend to find solutions that reflect the interests of both countries."),
    # a clause outside any quotation is left as it is
    (UNSOLVED, "Lee said on Sunday.", "Lee said on Sunday."),
])
def test_a_cut_quotation_keeps_its_marks_paired(text: str, piece: str, shown: str) -> None:
    whole = Sentence("a", 0, len(text), text, "body")
    at = text.index(piece)
    assert excerpt(whole, Sentence("a", at, at + len(piece), piece, "body")) == shown
