"""A deterministic synthetic news corpus: varied sentences with names, dates and numbers.

Articles are built from templates filled by a seeded random generator, so the same
size always gives the same files, and no two sentences are copies of each other.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from rag.corpus import Article, parse_text

PEOPLE = ["Kim Min-jae", "Park Ji-hoon", "Lee Seo-yeon", "Choi Dong-hyun", "Jung Hae-in",
          "Kang Mi-rae", "Yoon Ha-eun", "Han Jae-won", "Tanaka Hiroshi", "Suzuki Aiko",
          "Sato Kenji", "Takahashi Yumi", "Watanabe Ren", "Ito Sakura", "Yamamoto Daichi",
          "Nakamura Emi", "Kobayashi Sho", "Kato Natsuki", "Yoshida Kaito", "Matsumoto Rin"]
ROLES = ["foreign minister", "defense minister", "trade envoy", "deputy spokesperson",
         "fisheries commissioner", "coast guard chief", "central bank governor",
         "education minister", "ambassador", "national security adviser"]
PLACES = ["Seoul", "Tokyo", "Busan", "Osaka", "Fukuoka", "Incheon", "Sapporo", "Daegu",
          "Nagoya", "Gwangju", "Sendai", "Ulsan", "Kobe", "Jeju", "Hiroshima", "Daejeon"]
TOPICS = ["semiconductor supply chains", "fishing quotas", "student exchanges",
          "hydrogen research", "missile early warning", "tourism visas", "shipbuilding",
          "disaster relief drills", "port security", "wartime labour compensation",
          "battery recycling", "maritime search and rescue", "film co-production",
          "rice tariffs", "cyber defence", "rail links", "nuclear safety", "steel quotas"]
VERBS = ["agreed on", "discussed", "signed a memorandum on", "postponed talks on",
         "announced a review of", "criticised the delay in", "proposed a fund for",
         "launched a working group on"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
UNITS = ["tonnes", "students", "billion won", "million yen", "vessels", "visitors", "jobs",
         "megawatts"]

TEMPLATES = [
    "{person}, the {role}, said in {place} on {date} that both governments {verb} {topic}.",
    "Officials from {place} {verb} {topic}, according to {person}.",
    "The plan covers {num} {unit} and runs until {year}, the {role} said.",
    "{person} met counterparts in {place} on {date} to discuss {topic}.",
    "Critics in {place} argued that the {num} {unit} pledged for {topic} fall short.",
    "A joint statement issued on {date} set a target of {num} {unit} for {topic}.",
    "Talks on {topic} are expected to resume in {place} in {month} {year}.",
    "{person} told reporters that {topic} would top the agenda when the {role} visits "
    "{place}.",
    "Trade between the two sides in {topic} reached {num} {unit} last year.",
    "The {role} of the other side, {person}, welcomed the move on {topic}.",
]


def _fill(rng: random.Random, template: str) -> str:
    year = rng.randint(2019, 2026)
    month = rng.choice(MONTHS)
    return template.format(
        person=rng.choice(PEOPLE), role=rng.choice(ROLES), place=rng.choice(PLACES),
        verb=rng.choice(VERBS), topic=rng.choice(TOPICS), num=f"{rng.randint(2, 9800):,}",
        unit=rng.choice(UNITS), year=year, month=month,
        date=f"{rng.randint(1, 28)} {month} {year}")


def article(n: int, sentences: int = 10) -> tuple[str, str]:
    """(file stem, text) of synthetic article ``n``."""
    rng = random.Random(n)
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    title = f"{place} talks on {topic} (report {n})"
    body = [_fill(rng, rng.choice(TEMPLATES)) for _ in range(sentences)]
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return f"syn_{n:06d}", title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def articles(count: int, sentences: int = 10, start: int = 0) -> Iterator[Article]:
    """The same articles as ``write_corpus``, parsed in memory (no files)."""
    for n in range(start, start + count):
        stem, text = article(n, sentences)
        yield parse_text(stem, text, f"synthetic/{stem}.txt")


def write_corpus(folder: Path, count: int, sentences: int = 10) -> list[Path]:
    """Write ``count`` articles into ``folder`` (kept when already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        stem, text = article(n, sentences)
        path = folder / f"{stem}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
