"""Stage 1: load articles, strip boilerplate, read metadata, keep character offsets.

Cleaning never rewrites the article. It decides which spans of the source text are
news text (``Segment``), so every sentence and chunk keeps offsets into the text a
citation quotes and the UI highlights. For ``.txt`` and ``.md`` that text is the
file itself; for ``.html`` and ``.pdf`` it is the extracted text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rag.dates import DATE_LINE, parse_date
from rag.errors import InputError
from rag.formats import html_article, markdown_title, pdf_text
from rag.sentences import sentence_spans

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_FILE_BYTES = 5_000_000

# Outlets we recognise by name when the text credits them.
KNOWN_OUTLETS = {
    "kyodo": "Kyodo",
    "rt.com": "RT.com",
    "reuters": "Reuters",
    "yonhap": "Yonhap",
    "afp": "AFP",
    "associated press": "AP",
    "ap": "AP",
    "nhk": "NHK",
    "korea herald": "The Korea Herald",
    "korea times": "The Korea Times",
    "japan times": "The Japan Times",
    "nikkei": "Nikkei",
    "bbc": "BBC",
}


def outlet_name(outlet: str) -> str:
    """An outlet's name without its web address's suffix ("RT" for "RT.com"), as a
    question or a sentence names it."""
    return re.sub(r"\.(?:com|net|org|co\.\w+|\w{2})$", "", outlet.strip())


# Where each outlet is based, so "which Japanese news agency" can be answered.
OUTLET_COUNTRY = {
    "Kyodo": "JPN", "NHK": "JPN", "Nikkei": "JPN", "The Japan Times": "JPN",
    "Yonhap": "KOR", "The Korea Herald": "KOR", "The Korea Times": "KOR",
    "RT.com": "RUS", "Reuters": "GBR", "BBC": "GBR", "AFP": "FRA", "AP": "USA",
}
_OUTLET_ALT = "|".join(sorted((re.escape(k) for k in KNOWN_OUTLETS), key=len, reverse=True))
# "SEOUL Kyodo," or "TOKYO (Reuters) -": a dateline that names the wire service.
_DATELINE = re.compile(rf"\b[A-Z]{{3,}}(?:,? [A-Z]{{3,}})*,? \(?({_OUTLET_ALT})\)?\b", re.I)
_OUTLET_LINE = re.compile(rf"^\W*({_OUTLET_ALT})\W*$", re.I)
_CREDIT_END = re.compile(rf"\(({_OUTLET_ALT})\)\s*$", re.I)

# "date 2023-04-17 " prefix that some scrapers put before the first paragraph.
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")

# Everything from one of these lines on is site furniture, not the article.
_FOOTER_START = re.compile(
    r"^\s*(?:Get a daily dose|Publish news of your|More Information|Related Posts?\b|"
    r"Read more:|Subscribe to|Sign up for|Share this article|Click here to)",
    re.I,
)
# "RIYADH, Saudi Arabia: Tesla is finally ...": a teaser for another story.
_TEASER = re.compile(r"^[A-Z][A-Z .,/'-]{2,}(?:,[ .]?[A-Za-z .]+)?\s*[:\-–]\s.*(?:\.\.\.|…)\s*$")
_PERCENT_JUNK = re.compile(r"(?:%[0-9a-fA-F]{2}){3,}")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_BULLET = re.compile(r"^[\s•·*\-–—]+")
_BYLINE = re.compile(r"^(?:By|Written by|Reporting by|Editing by)\s+[A-Z][\w.' -]+$")
# Captions name people's positions in the photo or end with a photo credit.
_CAPTION = re.compile(
    r"\((?:far |second |third )?(?:from )?(?:left|right|centre|center)\)"
    r"|\|\s*[A-Z][A-Z /.-]+$|\((?:Photo|Yonhap|AP|AFP|Reuters)[^)]*\)\s*$"
)


@dataclass(frozen=True)
class Segment:
    """A span of news text in the article: a title, a paragraph or a photo caption."""

    start: int
    end: int
    kind: str  # "title" | "body" | "caption"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with offsets into the article's text."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str = "body"


@dataclass(frozen=True, kw_only=True)
class Article:
    doc_id: str
    source: str
    text: str
    title: str
    outlet: str
    date: str  # ISO yyyy-mm-dd, or "" when the text states none
    segments: tuple[Segment, ...] = field(repr=False)

    @property
    def date_num(self) -> int:
        """yyyymmdd as a number (0 when unknown), so Chroma can filter on it."""
        return int(self.date.replace("-", "")) if self.date else 0

    @property
    def content_hash(self) -> str:
        body = "\x1e".join(self.text[s.start : s.end] for s in self.segments)
        meta = f"{self.title}\x1f{self.outlet}\x1f{self.date}\x1f"
        return hashlib.sha256((meta + body).encode()).hexdigest()[:16]

    @property
    def clean_text(self) -> str:
        """The news text alone, without the furniture cleaning left out."""
        return "\n".join(self.text[s.start : s.end] for s in self.segments)

    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for seg in self.segments:
            for s, e in sentence_spans(self.text, seg.start, seg.end):
                out.append(Sentence(self.doc_id, s, e, self.text[s:e], seg.kind))
        return out


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without the line break."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, pos + len(stripped)
        pos += len(line)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_headline(line: str) -> bool:
    return 3 <= len(line.split()) <= 25 and not line.rstrip().endswith((".", "?\"", ".\""))


def parse_text(doc_id: str, text: str, source: str = "", *, title: str = "", date_iso: str = "",
               outlet: str = "") -> Article:
    """Split plain article text into news segments and read its metadata."""
    segments: list[Segment] = []
    seen: set[str] = set()
    for start, end in _lines(text):
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        line = text[start:end]
        bullet = _BULLET.match(line)
        if bullet:
            start += bullet.end()
            line = text[start:end]
        if _FOOTER_START.match(line):
            break
        if _TEASER.match(line) or _PERCENT_JUNK.search(line) or _SLUG.match(line):
            continue
        if m := _OUTLET_LINE.match(line):
            outlet = outlet or KNOWN_OUTLETS[m[1].lower()]
            continue
        if DATE_LINE.match(line):
            date_iso = date_iso or parse_date(line)
            continue
        if _BYLINE.match(line):
            continue
        if m := _DATE_PREFIX.match(line):
            date_iso = date_iso or parse_date(m[1])
            start += m.end()
            line = text[start:end]
        if line in seen:  # a headline printed twice
            continue
        seen.add(line)
        if not segments and not title and _looks_like_headline(line):
            title = line
            segments.append(Segment(start, end, "title"))
            continue
        kind = "caption" if _CAPTION.search(line) else "body"
        if kind == "caption" and (m := _CREDIT_END.search(line)):
            outlet = outlet or KNOWN_OUTLETS[m[1].lower()]
        segments.append(Segment(start, end, kind))

    if not any(s.kind != "title" for s in segments):
        raise InputError(f"{source or doc_id}: no article text found",
                         hint="check that the file holds an article in plain text")
    body = " ".join(text[s.start : s.end] for s in segments if s.kind == "body")
    if not outlet and (m := _DATELINE.search(body)):
        outlet = KNOWN_OUTLETS[m[1].lower()]
    if not title:
        first = next(s for s in segments if s.kind == "body")
        words = text[first.start : first.end].split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return Article(doc_id=doc_id, source=source, text=text, title=title.strip(), outlet=outlet,
                   date=date_iso, segments=tuple(segments))


def decode_bytes(raw: bytes, source: str) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Binary files (NUL bytes, many control characters) are refused.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{source}: binary file", hint="only text, HTML, Markdown and PDF")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: not valid UTF-8 or cp1252 text",
                             hint="re-save the file as UTF-8") from exc
        log.warning("%s is not UTF-8; read it as cp1252", source)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * max(1, len(text[:4096])):
        raise InputError(f"{source}: binary file", hint="only text, HTML, Markdown and PDF")
    return text


def load_file(path: Path) -> Article:
    """Read one article file; raises InputError for files that cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}",
                         hint=f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file", hint="remove it or add the article text")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit",
                         hint="split the file into articles")
    raw = path.read_bytes()
    doc_id = path.stem
    if suffix == ".pdf":
        return parse_text(doc_id, pdf_text(raw, str(path)), str(path))
    text = decode_bytes(raw, str(path))
    if suffix in (".html", ".htm"):
        page = html_article(text)
        return parse_text(doc_id, page.text, str(path), title=page.title, date_iso=page.date,
                          outlet=page.outlet)
    if suffix == ".md":
        return parse_text(doc_id, text, str(path), title=markdown_title(text))
    return parse_text(doc_id, text, str(path))


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.parts))
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder", hint="check the path")


def load_corpus(paths: Iterable[Path]) -> tuple[list[Article], list[Skipped]]:
    """Every usable article under ``paths``; unusable files are reported, not fatal."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for path in iter_files(paths):
        try:
            article = load_file(path)
        except InputError as exc:
            log.warning("skipped %s", exc)
            skipped.append(Skipped(str(path), exc.message))
            continue
        if article.doc_id in seen:
            skipped.append(Skipped(str(path), f"same id as {seen[article.doc_id]}"))
            continue
        seen[article.doc_id] = str(path)
        articles.append(article)
    return articles, skipped
