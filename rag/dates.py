"""Dates, months and weekdays: the one place that names them and reads dates.

Used by the corpus and the HTML reader (the page's date), the reader (does a sentence
carry a date or a weekday) and the citation check (dates never pass by similarity;
a claim may take its date from the page's header).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)
MONTH_NAMES = frozenset(MONTHS)
YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year as a whole word: YEAR.fullmatch(word)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
# Units of time, shortest first: what "how long" counts, and words a claim may take only
# from its quote ("weeks" is not "days", however close their vectors); general English
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade",
              "century")
_MONTH_NUMBER = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_MONTH_RE = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_DMY = re.compile(rf"\b(\d{{1,2}}) {_MONTH_RE},? (\d{{4}})\b")
_DATE_MDY = re.compile(rf"\b{_MONTH_RE} (\d{{1,2}}),? (\d{{4}})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A day of a month, with or without its year ("May 10", "12 June 2022"): names a day as
# a weekday does, for "on what day ..."
DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}} {_MONTH_RE}(?!\w)|\b{_MONTH_RE} \d{{1,2}}(?![\d:])")
# A line that is only a date, maybe with a time or weekday: "13 Jun 2022, 03:58 GMT+10".
DATE_LINE = re.compile(
    rf"^[\s|]*(?:\d{{1,2}} {_MONTH_RE},? \d{{4}}|{_MONTH_RE} \d{{1,2}},? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2})[\w\s,:+\-|]*$"
)


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO yyyy-mm-dd ("2023-04-17", "17 April 2023",
    "Apr 17, 2023"), or "" when it holds none."""
    for pattern, order in ((ISO_DATE, "ymd"), (_DATE_DMY, "dmy"), (_DATE_MDY, "mdy")):
        m = pattern.search(text)
        if not m:
            continue
        try:
            if order == "ymd":
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            elif order == "dmy":
                d, mo, y = int(m[1]), _MONTH_NUMBER[m[2][:3].lower()], int(m[3])
            else:
                mo, d, y = _MONTH_NUMBER[m[1][:3].lower()], int(m[2]), int(m[3])
            return date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
    return ""


def date_words(iso: str) -> str:
    """'2023-04-17' -> '17 April 2023', for matching against metadata. (No weekday:
    the page's date is not the day the events it reports happened.)"""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return ""
    return f"{d.day} {MONTHS[d.month - 1].title()} {d.year}"


# A year an event is placed in: "in 2018", "in August 2019", "on 17 April 2023",
# "during 2022", "(in) March 2023". Not "since 2017" or "until 2019": a year that bounds
# a span says when something did not happen.
_EVENT_DATE = re.compile(
    rf"(?<![\w-])(?:(?P<lead>in|on|during|of|from)\s+)?"
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_RE}\s+)?(?:(?P<mday>\d{{1,2}}),?\s+)?"
    rf"(?P<year>(?:19|20)\d\d)(?![\w-]|\s*[-–]\s*\d)", re.I)
_BOUNDING = re.compile(r"\b(?:since|until|till|before|after|by|than)\s+$", re.I)


def event_date(text: str) -> tuple[tuple[int, int, int], str] | None:
    """When ``text`` places what it reports: a sort key (year, month, day; 0 when not
    given) and the words for it ("August 2019"), from the first year that comes with a
    month or a preposition of time; None when it names no such year."""
    for m in _EVENT_DATE.finditer(text):
        month = _MONTH_NUMBER.get(m["month"].strip()[:3].lower(), 0) if m["month"] else 0
        if not (month or m["lead"]) or _BOUNDING.search(text[: m.start()]):
            continue
        year = int(m["year"])
        day = int(m["day"] or m["mday"] or 0) if month else 0
        words = " ".join(x for x in (str(day) if day else "",
                                     MONTHS[month - 1].title() if month else "", str(year)) if x)
        return (year, month, day), words
    return None


# a time told relative to the report's date: "this year", "later this month", "last
# week", "on Sunday" (a weekday names a day within a week of the report)
_RELATIVE = re.compile(r"\b(?P<which>this|last|next) (?P<unit>year|month|week)\b"
                       r"|\b(?P<day>yesterday|today|tonight)\b"
                       rf"|\bon (?P<weekday>{'|'.join(sorted(WEEKDAYS))})\b", re.I)
_OFFSET = {"this": 0, "last": -1, "next": 1}


def placed_years(text: str, published: str = "", *, lead: bool = False) -> set[int]:
    """The years ``text`` places what it reports in: by a month or a preposition of time
    ("in 2018", "in August 2019"; not "since 2017", which bounds a span), and, for a
    report published on ``published`` (ISO), by a time told relative to that date ("last
    year", "later this month", "next week", "on Sunday").
    ``lead``: by a preposition only ("in 2017"; not "before the April 2023 round", where
    the date names the round)."""
    out = set()
    for m in _EVENT_DATE.finditer(text):
        if (m["lead"] or m["month"] and not lead) and not _BOUNDING.search(text[: m.start()]):
            out.add(int(m["year"]))
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return out
    for m in _RELATIVE.finditer(text):
        offset = _OFFSET[m["which"].lower()] if m["which"] else 0
        unit = (m["unit"] or "").lower()
        if unit == "year":
            out.add(day.year + offset)
        elif unit == "month":
            out.add(day.year + (day.month - 1 + offset) // 12)
        else:  # a day within a week or so of the report: the years at either end
            centre = day + timedelta(weeks=offset)
            span = 1 if m["day"] else 6 if m["weekday"] else 7
            out |= {(centre + timedelta(days=d)).year for d in (-span, span)}
    return out
