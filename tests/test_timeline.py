"""The timeline: which year a sentence places its event in, and events in order."""

from __future__ import annotations

import pytest

from rag.corpus import Sentence
from rag.dates import event_date, placed_years
from rag.evidence import Ranked
from rag.results import Passage
from rag.timeline import build
from tests.conftest import build_pipeline


@pytest.mark.parametrize(("text", "when"), [
    ("Seoul scrapped the pact in August 2019 amid a trade spat.", "August 2019"),
    ("Relations soured in 2018, after a Seoul court ordered compensation.", "2018"),
    ("The talks were held on 17 April 2023 in Seoul.", "17 April 2023"),
    ("On April 17, 2023, the two sides met.", "17 April 2023"),
    ("In 2015 the deal was signed.", "2015"),
    # a year that bounds a span says when something did not happen
    ("North Korea may conduct its first nuclear test since 2017 in the coming days.", None),
    ("It was the first visit since November 2019.", None),
    ("Ties had not been this good before 2010.", None),
    # a year as a modifier or inside a range places nothing
    ("He won the 2022 election.", None),
    ("during Japan's 1910-1945 colonial rule", None),
    ("The ministry has 2019 employees.", None),
])
def test_the_date_a_sentence_places_its_event_at(text: str, when: str | None) -> None:
    found = event_date(text)
    assert (found[1] if found else None) == when


def _ranked(text: str, *, doc: str, start: int, score: float, date: str = "") -> Ranked:
    s = Sentence(doc, start, start + len(text), text, "body")
    p = Passage(chunk_id=f"{doc}:{start}", doc_id=doc, title=f"title {doc}", outlet="Kyodo",
                date=date, text=text, start=start, end=s.end, score=score, sentences=(s,))
    return Ranked(sentence=s, passage=p, score=score, semantic=0.5, lexical=0.5,
                  has_type=False)


@pytest.mark.parametrize(("text", "published", "years"), [
    ("Relations soured in 2018.", "", {2018}),
    ("It has held 18 tests this year.", "2022-06-13", {2022}),
    ("He has invited Yoon to the summit set for later this month.", "2023-05-07", {2023}),
    ("Talks were held last month.", "2023-01-10", {2022}),  # December of the year before
    ("Price told reporters last week.", "2022-06-13", {2022}),
    ("Park said on Sunday he would visit.", "2022-06-13", {2022}),
    ("Park said on Sunday he would visit.", "2023-01-02", {2022, 2023}),  # either side
    ("They will meet next week.", "2022-12-28", {2022, 2023}),
    ("Park said on Sunday he would visit.", "", set()),  # no report date: nothing
    ("Since 2017 no test was held.", "", set()),  # a bound places nothing
])
def test_the_years_a_sentence_places_what_it_reports_in(text: str, published: str,
                                                        years: set[int]) -> None:
    assert placed_years(text, published) == years


def test_events_come_oldest_first_from_the_most_relevant_dated_sentences() -> None:
    ranked = [
        _ranked("Seoul scrapped the pact in August 2019.", doc="a", start=0, score=0.9),
        _ranked("Officials agreed on Monday to resume talks.", doc="b", start=0, score=0.8,
                date="2023-04-17"),
        _ranked("Ties soured in 2018.", doc="a", start=50, score=0.7),
        _ranked("Nothing here is dated.", doc="a", start=90, score=0.95),
        _ranked("Seoul scrapped the pact in August 2019.", doc="c", start=0, score=0.6),
        _ranked("The first meeting was held in 1998.", doc="b", start=80, score=0.1),
    ]
    got = build(ranked, limit=3)
    assert [e.when for e in got] == ["2018", "August 2019", "reported 17 April 2023"]
    assert [e.citation.doc_id for e in got] == ["a", "a", "b"]  # the repeat is dropped
    assert all(e.citation.n == 0 and e.citation.quote for e in got)


def test_a_question_about_change_gets_a_timeline_of_quoted_sentences(tmp_path) -> None:
    pipeline = build_pipeline(tmp_path)
    a = pipeline.answer("How did Japan-South Korea relations change between 2018 and 2023?")
    assert not a.abstained and len(a.timeline) >= 3
    keys = [event_date(e.citation.quote) for e in a.timeline]
    years = [k[0][0] for k in keys if k]
    assert years == sorted(years)
    for e in a.timeline:  # each entry is its article's own words, where it says they are
        c = e.citation
        assert pipeline.index.article(c.doc_id).text[c.start:c.end] == c.quote
    assert "Timeline:" in a.to_markdown()
    plain = pipeline.answer("When did Seoul scrap its intelligence-sharing agreement with Japan?")
    assert plain.timeline == ()


def test_the_pipeline_reads_with_the_weights_it_was_given(tmp_path) -> None:
    from dataclasses import replace

    from rag.evidence import Weights

    pipeline = build_pipeline(tmp_path)
    question = "How did Japan-South Korea relations change between 2018 and 2023?"
    full = pipeline.answer(question)
    one = replace(pipeline, weights=Weights(max_sentences=1)).answer(question)
    assert len(full.citations) >= 2 and len(one.citations) == 1
