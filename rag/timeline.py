"""A timeline for questions about change over time ("How did relations change between
2018 and 2023?"): the dated sentences among the evidence, oldest first.

Each entry quotes one article sentence whole and is placed by the date that sentence
itself gives (rag.dates.event_date), so it needs no check beyond being a quote; the
answer's own text is made and checked as for any question.
"""

from __future__ import annotations

import re

from rag.dates import WEEKDAYS, date_words, event_date
from rag.evidence import Ranked
from rag.results import Citation, TimelineEntry

_WEEKDAY = re.compile(rf"\b(?:{'|'.join(sorted(WEEKDAYS))})\b", re.I)
POOL = 30  # the most relevant sentences a timeline is drawn from
LIMIT = 8  # entries shown: a screenful


def build(ranked: list[Ranked], *, pool: int = POOL, limit: int = LIMIT
          ) -> tuple[TimelineEntry, ...]:
    """The ``limit`` most relevant dated sentences of the best ``pool``, by date (then
    in article order for one date)."""
    picked: list[tuple[tuple[int, int, int], str, Ranked]] = []
    seen: set[str] = set()
    for r in ranked[:pool]:
        found = event_date(r.sentence.text) or _reported(r)
        if found is None or r.sentence.text in seen:
            continue
        seen.add(r.sentence.text)
        picked.append((found[0], found[1], r))
        if len(picked) == limit:
            break
    picked.sort(key=lambda e: (e[0], e[2].sentence.doc_id, e[2].sentence.start))
    return tuple(TimelineEntry(when=words, citation=Citation(
        n=0, doc_id=r.sentence.doc_id, title=r.passage.title, outlet=r.passage.outlet,
        date=r.passage.date, quote=r.sentence.text, start=r.sentence.start,
        end=r.sentence.end)) for _, words, r in picked)


def _reported(r: Ranked) -> tuple[tuple[int, int, int], str] | None:
    """A sentence that places its event by weekday only ("agreed on Monday") reports
    that week's news: it goes at its article's date, labelled as the report's date."""
    date = r.passage.date
    if not date or not _WEEKDAY.search(r.sentence.text):
        return None
    y, m, d = (int(x) for x in date.split("-"))
    return (y, m, d), f"reported {date_words(date)}"
