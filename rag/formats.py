"""Text out of the file formats users bring: HTML, Markdown and PDF.

Each function returns plain text laid out one paragraph per line, because
``corpus.parse_text`` cleans line by line; offsets of citations then point into
this extracted text, which is what the index stores and the reader shows.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from rag.dates import parse_date
from rag.errors import InputError

log = logging.getLogger(__name__)

# Containers whose text is never article text.
_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "button", "svg", "iframe", "select", "head"}
# Tags that end a paragraph: their text goes on a line of its own.
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "figcaption", "figure", "blockquote", "pre", "dd", "dt", "table",
               "ul", "ol", "main", "hr"}
_DATE_META = ("article:published_time", "date", "pubdate", "publish-date", "dc.date",
              "dcterms.date", "og:published_time", "datepublished", "sailthru.date")


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self.title = ""
        self.h1 = ""
        self._in_h1 = False
        self.meta: dict[str, str] = {}

    def _break(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.lines.append(line)
        self._line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
            return
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
            return
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:  # a self-closed container holds no text
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip_depth:
            return
        if self._in_h1:
            self.h1 += data
        self._line.append(data)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str
    date: str  # ISO yyyy-mm-dd or ""
    outlet: str  # og:site_name or application-name, or ""


def html_article(markup: str) -> HtmlArticle:
    """An HTML page's text (markup, scripts and navigation stripped), title, date and
    outlet (the site's own name in ``og:site_name``)."""

    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    parser._break()
    title = " ".join((parser.meta.get("og:title") or parser.h1 or parser.title).split())
    date_iso = ""
    for key in _DATE_META:
        if value := parser.meta.get(key):
            date_iso = parse_date(value[:10]) or parse_date(value)
            if date_iso:
                break
    lines = parser.lines
    # The page's own <h1> heads the text so titles are searchable and never duplicated.
    if title and (not lines or lines[0] != title):
        lines = [title, *[ln for ln in lines if ln != title]]
    outlet = " ".join((parser.meta.get("og:site_name")
                       or parser.meta.get("application-name") or "").split())
    # the parser already decoded character references (convert_charrefs)
    return HtmlArticle("\n\n".join(lines), title, date_iso, outlet)


_MD_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.M)
_MD_FRONT_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*[\"']?(.+?)[\"']?\s*\n(?:.*\n)*?---",
                             re.M)


def markdown_title(text: str) -> str:
    """The first level-one heading (or front-matter title) of a Markdown file, or ''."""
    if m := _MD_FRONT_TITLE.match(text):
        return m[1].strip()
    if m := _MD_HEADING.search(text):
        return m[1].strip()
    return ""


def pdf_text(raw: bytes, source: str) -> str:
    """Text of a PDF's pages, paragraphs separated by blank lines (pypdf)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{source}: unreadable PDF ({exc})",
                         hint="re-export the PDF or save the article as text") from exc
    lines = [ln.strip() for page in pages for ln in page.splitlines()]
    if not any(lines):
        raise InputError(f"{source}: the PDF has no text layer (scanned image?)",
                         hint="run OCR on it first or save the article as text")
    # pypdf breaks lines at the page width. A line as long as the widest ones that does
    # not end a sentence was wrapped, so the next line continues its paragraph; short
    # lines (headlines, datelines) and blank lines end one.
    width = max(len(ln) for ln in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        wrapped = len(line) >= 0.7 * width and not line.endswith((".", "?", "!", '"', "”"))
        if current and not (line and wrapped):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
