"""The chat window's HTML, rendered without a browser."""

from __future__ import annotations

import re

import pytest

from tests.conftest import build_pipeline
from ui.app import render_article

DOC = "001_3331d411a437cf58"
TITLE = ('Seoul plans to "normalize" cooperation with Japan to help deal with threats '
         "from North Korea")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory):
    return build_pipeline(tmp_path_factory.mktemp("render"))


def paragraphs(html_text: str) -> list[str]:
    return re.findall(r'<p class="\w+">(.*?)</p>', html_text)


def test_the_headline_is_the_header_not_also_the_first_paragraph(pipeline):
    page = render_article(pipeline, f"{DOC}:0:0")
    assert "<h3>" in page and 'data-back' not in render_article(pipeline, f"{DOC}:0:0",
                                                                back=False)
    assert not paragraphs(page)[0].startswith("Seoul plans to")
    assert "rag-hl" not in page  # nothing quoted, nothing marked


def test_a_quoted_headline_is_shown_and_marked(pipeline):
    # a question about the report itself is answered from the header, quoting it
    text = pipeline.index.article(DOC).text
    start = text.index("Seoul plans to")
    page = render_article(pipeline, f"{DOC}:{start}:{start + len(TITLE)}")
    assert '<mark id="rag-hl">Seoul plans to &quot;normalize&quot;' in page


def test_an_unknown_reference_is_refused(pipeline):
    for ref in ("../../etc/passwd:0:1", "no-such-doc:0:5", "garbage"):
        assert "Not an indexed article." in render_article(pipeline, ref)
