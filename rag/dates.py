"""Dates as words, for matching claims and questions against article metadata."""

from __future__ import annotations

from datetime import date

from rag.terms import MONTHS


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
