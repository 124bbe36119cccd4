"""The Answer as users take it away: a dict, JSON, Markdown; and back from a dict."""

from __future__ import annotations

import json

import pytest

from rag.results import Answer, Citation, TimelineEntry


def cite(n: int, quote: str, *, title: str = "Seoul plans to normalize cooperation",
         outlet: str = "RT.com", date: str = "2022-06-13") -> Citation:
    return Citation(n=n, doc_id=f"d{n}", title=title, outlet=outlet, date=date, quote=quote,
                    start=10 * n, end=10 * n + len(quote))


ANSWERED = Answer(
    question="When did Seoul scrap the pact?",
    text="Seoul scrapped the pact in August 2019. [1] Japan had tightened exports. [2]",
    abstained=False, mode="evidence",
    citations=(cite(1, "Seoul scrapped the pact in August 2019."),
               cite(2, "Japan tightened exports.", title="Trade *row* [update]", outlet="",
                    date="")),
    timings={"total": 0.1}, refused=(("Japan invaded.", "'invaded' is in no quote"),),
    timeline=(TimelineEntry("August 2019", cite(0, "Seoul scrapped the pact in August 2019.")),))
ABSTAINED = Answer(
    question="What is the population of Busan?", text="The articles don't say.",
    abstained=True, citations=(), mode="abstained",
    related=(cite(1, "word " * 100, title="Kyodo report", outlet="Kyodo", date=""),))


@pytest.mark.parametrize(("answer", "lines"), [
    (ANSWERED, ["**When did Seoul scrap the pact?**",
                "Seoul scrapped the pact in August 2019. [1] Japan had tightened exports. [2]",
                "Sources:",
                "1. *Seoul plans to normalize cooperation* (RT.com, 2022-06-13): "
                "“Seoul scrapped the pact in August 2019.”",
                # Markdown's own characters in a title are shown, not obeyed
                "2. *Trade \\*row\\* \\[update\\]*: “Japan tightened exports.”",
                "Timeline:",
                "- **August 2019**: “Seoul scrapped the pact in August 2019.” (*Seoul plans to "
                "normalize cooperation*, RT.com, 2022-06-13)"]),
    (ABSTAINED, ["**What is the population of Busan?**", "The articles don't say.",
                 "Related reading, not an answer:"]),
])
def test_markdown_has_the_text_and_numbered_sources(answer: Answer, lines: list[str]) -> None:
    md = answer.to_markdown()
    got = md.splitlines()
    for line in lines:
        assert line in got, (line, md)
    assert md.endswith("\n")
    assert ("Sources:" in md) == (not answer.abstained)


def test_an_abstention_s_related_reading_is_cut_and_unnumbered() -> None:
    md = ABSTAINED.to_markdown()
    item = [line for line in md.splitlines() if line.startswith("- ")]
    assert len(item) == 1 and item[0].startswith("- *Kyodo report* (Kyodo): “word")
    assert item[0].endswith(" …”") and len(item[0]) < 360


@pytest.mark.parametrize("answer", [ANSWERED, ABSTAINED])
def test_a_dict_and_its_json_come_back_as_the_same_answer(answer: Answer) -> None:
    assert Answer.from_dict(answer.to_dict()) == answer
    assert Answer.from_dict(json.loads(json.dumps(answer.to_dict()))) == answer
