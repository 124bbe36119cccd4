"""The chat window in a real browser: Debian's Chromium driven by Playwright against
the UI served on a free loopback port. Screenshots land in test-artifacts/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import build_pipeline
from tests.servers import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def ui(tmp_path_factory: pytest.TempPathFactory, real_embed) -> Iterator[dict]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: ./run test installs it (apt-get install "
                    "chromium chromium-driver)")
    from ui.app import launch

    tmp = tmp_path_factory.mktemp("ui")
    pipeline = build_pipeline(tmp, embed=real_embed)
    port = free_port()
    feedback = tmp / "feedback.jsonl"
    demo = launch(host="127.0.0.1", port=port, block=False, get_pipeline=lambda: pipeline,
                  feedback_path=feedback)
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "feedback": feedback}
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, ui) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.hosts = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.hosts.append(urlparse(r.url).hostname))
    page.goto(ui["url"])
    page.wait_for_selector("#question textarea", timeout=30_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ask(page, question: str) -> None:
    before = page.locator("#chat .rag-timing").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        f"document.querySelectorAll('#chat .rag-timing').length > {before}", timeout=60_000)


def last_answer(page):
    return page.locator("#chat .message.bot, #chat [data-testid='bot']").last


def test_cited_answer_then_marker_opens_highlighted_quote(page, request):
    ask(page, "When did Seoul scrap its intelligence-sharing agreement with Japan?")
    assert page.locator("#chat .rag-marker").count() >= 1
    assert page.locator("#chat .rag-card").count() >= 1
    assert "August 2019" in page.locator("#chat").inner_text()
    shot(page, "01-cited-answer")
    page.locator("#chat .rag-marker").first.click()
    page.wait_for_selector("#reader mark#rag-hl", timeout=20_000)
    assert "August 2019" in page.locator("#reader mark#rag-hl").inner_text()
    shot(page, "02-marker-opens-article")
    if request.config.getoption("--publish-docs"):
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "cited-answer.png"))


def test_unanswerable_question_looks_different(page):
    ask(page, "What is the population of Busan?")
    abstain = page.locator("#chat .rag-abstain")
    assert abstain.count() == 1 and "don't say" in abstain.inner_text()
    assert "Why: nothing in them mentions busan." in page.locator("#chat .rag-why").inner_text()
    assert page.locator("#chat .rag-marker").count() == 0
    shot(page, "03-abstention")


def test_follow_up_uses_the_first_turn_and_new_chat_clears(page):
    ask(page, "Who was South Korea's defense minister at the Shangri-La Dialogue?")
    ask(page, "And who was his Japanese counterpart?")
    assert "Kishi" in page.locator("#chat .rag-timing").last.locator("xpath=..").inner_text()
    shot(page, "04-follow-up")
    page.click("#new-chat")
    page.wait_for_function("document.querySelectorAll('#chat .rag-timing').length == 0")
    assert "Click a [n] marker" in page.locator("#reader").inner_text()  # the hint stays


def test_the_chat_s_trash_icon_forgets_the_conversation(page):
    ask(page, "Who is Nobuo Kishi?")
    labels = page.eval_on_selector_all("#chat button", "bs => bs.map(b => b.ariaLabel || '')")
    # every icon says what it does (a share icon without a label that did nothing is gone)
    assert labels and all(labels), labels
    page.locator("#chat button[aria-label='Clear']").first.click()
    page.wait_for_function("document.querySelectorAll('#chat .rag-timing').length == 0")
    # a follow-up now has nothing to follow: it is not read as a question about Kishi,
    # and alone it asks nothing the articles answer
    ask(page, "And what did he say about it?")
    assert page.locator("#chat .rag-abstain").count() == 1


def test_thumbs_up_is_saved_with_question_answer_and_citations(page, ui):
    before = len(ui["feedback"].read_text().splitlines()) if ui["feedback"].exists() else 0
    ask(page, "Why was bilateral security cooperation suspended in 2018?")
    page.locator("#chat button[aria-label='Dislike']").last.click()
    page.wait_for_timeout(1000)
    page.locator("#chat button[aria-label='Like']").last.click()  # changed mind
    page.wait_for_timeout(1500)
    rows = [json.loads(x) for x in ui["feedback"].read_text().splitlines()]
    assert len(rows) == before + 1  # the 👎 was replaced, not left beside the 👍
    row = rows[-1]
    assert row["liked"] is True and "suspended" in row["question"]
    assert "radar" in row["answer"] and row["citations"]
    shot(page, "05-thumbs-up")


@pytest.mark.reliability("Bad input", "A question holding `<script>` and an `onerror` image, "
                         "asked in the browser")
def test_html_in_a_question_is_shown_not_run(page, happened):
    ask(page, "<script>window.pwned=1</script><img src=x onerror='window.pwned=2'> "
              "When did Seoul scrap its intelligence-sharing agreement with Japan?")
    assert page.evaluate("window.pwned") is None
    assert "<script>" in page.locator("#chat").inner_text()
    happened("shown as text in the chat; no script ran (window.pwned stayed undefined)")


def test_sources_tab_lists_and_reads_articles(browser, ui):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(ui["url"])
    page.wait_for_selector("#question textarea", timeout=30_000)
    page.get_by_role("tab", name="Sources").click()
    page.wait_for_selector("#sources-table >> text=RT.com", timeout=20_000)
    shot(page, "06-sources")
    # every column in view at 1366 px (the chunk counts were cut off), dates named
    # for what they are: the page's
    header = page.locator("#sources-table th", has_text="chunks").first.bounding_box()
    table = page.locator("#sources-table").bounding_box()
    assert header and table and header["x"] + header["width"] <= table["x"] + table["width"]
    assert page.locator("#sources-table th", has_text="page date").count() >= 1
    # the reader's list names articles by title, not by id
    page.locator("#source-pick input").click()
    option = page.get_by_role("option", name="Seoul plans to \"normalize\" cooperation",
                              exact=False)
    option.first.click()
    page.wait_for_selector("#source-view >> text=intelligence-sharing", timeout=20_000)
    assert page.locator("#source-pick input").input_value().startswith("Seoul plans to")
    assert "page date 2022-06-13" in page.locator("#source-view .rag-head").inner_text()
    # the headline is the header, not also the first paragraph
    first = page.locator("#source-view .rag-article p").first.inner_text()
    assert not first.startswith("Seoul plans to \"normalize\" cooperation")
    context.close()


def test_page_talks_only_to_its_own_host(page):
    ask(page, "Where was the 12th Security Policy Consultation held?")
    assert set(page.hosts) == {"127.0.0.1"}, set(page.hosts)


# WCAG 2 contrast of every visible text under the given roots, against the background
# it is painted on (semi-transparent layers composited); what falls below 4.5:1.
LOW_CONTRAST_JS = """
(selectors) => {
  const rgba = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
  const background = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let out = [255, 255, 255];
    for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out; };
  const lum = (c) => { const l = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const low = []; let checked = 0;
  for (const root of selectors.flatMap(s => [...document.querySelectorAll(s)])) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
      if (!own.length || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const bg = background(el), fg = over(rgba(style.color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05); checked++;
      if (ratio < 4.5) low.push(`${ratio.toFixed(2)}:1 ${el.tagName}.${el.className} `
                                + `'${own[0].textContent.trim().slice(0, 30)}'`); } }
  return {checked, low};
}
"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_reaches_wcag_aa_in_both_themes(browser, ui, theme, request):
    """The highlighted sentence, a hovered card, the abstention box, timings and
    markers: 4.5:1 or more against what they are painted on, in either theme."""
    context = browser.new_context(viewport={"width": 1366, "height": 900},
                                  color_scheme="dark" if theme == "dark" else "light")
    page = context.new_page()
    try:
        page.goto(ui["url"] + ("?__theme=dark" if theme == "dark" else "?__theme=light"))
        page.wait_for_selector("#question textarea", timeout=30_000)
        assert page.evaluate("document.body.classList.contains('dark') || "
                             "!!document.querySelector('.dark')") == (theme == "dark")
        ask(page, "What is the population of Busan?")
        ask(page, "When did Seoul scrap its intelligence-sharing agreement with Japan?")
        page.locator("#chat .rag-marker").first.click()
        page.wait_for_selector("#reader mark#rag-hl", timeout=20_000)
        page.locator("#chat .rag-card").first.hover()
        result = page.evaluate(LOW_CONTRAST_JS, ["#chat", "#reader"])
        shot(page, f"contrast-{theme}")
        if request.config.getoption("--publish-docs"):
            page.screenshot(path=str(DOCS / f"answer-{theme}.png"))
        assert result["checked"] >= 10  # the answer, its card, the quote, the article
        assert result["low"] == [], result["low"]
    finally:
        context.close()


def test_reader_keeps_its_header_in_view(page):
    ask(page, "When did Seoul scrap its intelligence-sharing agreement with Japan?")
    page.locator("#chat .rag-marker").first.click()
    page.wait_for_selector("#reader mark#rag-hl", timeout=20_000)
    page.wait_for_function("document.querySelector('#reader .rag-article').scrollTop > 0",
                           timeout=10_000)  # the quote is further down: the reader scrolled
    box = page.locator("#reader .rag-article").bounding_box()
    head = page.locator("#reader .rag-head h3").bounding_box()
    assert box["y"] - 1 <= head["y"] <= box["y"] + 20
    assert page.locator("#reader .rag-head").inner_text().count("·") >= 1  # outlet · date


@pytest.mark.parametrize("theme", ["light"])
def test_phone_reader_jumps_back_to_the_answer(browser, ui, theme, request):
    """At 390 x 844 the question box and Ask fit on the first screen; tapping [1]
    scrolls down to the article, and its sticky 'Back to the answer' returns."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(ui["url"])
        page.wait_for_selector("#question textarea", timeout=30_000)
        ask_box = page.locator("#ask").bounding_box()
        assert ask_box["y"] + ask_box["height"] <= 844
        ask(page, "When did Seoul scrap its intelligence-sharing agreement with Japan?")
        marker = page.locator("#chat .rag-marker").first
        marker.click()
        page.wait_for_selector("#reader mark#rag-hl", timeout=20_000)
        page.wait_for_function("(() => { const r = document.getElementById('rag-hl')"
                               ".getBoundingClientRect(); return r.top >= 0 && "
                               "r.bottom <= innerHeight; })()", timeout=10_000)
        assert page.evaluate("scrollY") > 200  # the page went down to the article
        if request.config.getoption("--publish-docs"):
            page.screenshot(path=str(DOCS / "phone-reader.png"))
        shot(page, "phone-reader")
        page.locator("#reader .rag-back").click()
        page.wait_for_function("(() => { const r = document.querySelector('#chat "
                               ".rag-marker').getBoundingClientRect(); return r.top >= 0 "
                               "&& r.bottom <= innerHeight; })()", timeout=10_000)
    finally:
        context.close()


@pytest.fixture(scope="module")
def slow_ui(tmp_path_factory: pytest.TempPathFactory, real_embed) -> Iterator[dict]:
    """The UI over an LLM that takes about 3 s an answer (a fake, so it is the same
    every time)."""
    from tests.conftest import FakeLLM
    from ui.app import launch

    tmp = tmp_path_factory.mktemp("slow-ui")
    claim = "Seoul scrapped an intelligence-sharing agreement with Japan in August 2019. [1]"
    slow = FakeLLM(*[claim] * 4, delay=0.25)
    pipeline = build_pipeline(tmp, embed=real_embed, llm=slow)
    port = free_port()
    demo = launch(host="127.0.0.1", port=port, block=False, get_pipeline=lambda: pipeline,
                  feedback_path=tmp / "feedback.jsonl")
    try:
        yield {"url": f"http://127.0.0.1:{port}/", "llm": slow}
    finally:
        demo.close()


def test_a_question_typed_during_an_answer_stays_in_the_box(browser, slow_ui):
    """The box empties once, when a question is taken; what is typed while the answer
    streams is kept (every update used to wipe it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(slow_ui["url"])
        page.wait_for_selector("#question textarea", timeout=30_000)
        asked = len(slow_ui["llm"].prompts)
        page.fill("#question textarea",
                  "When did Seoul scrap its intelligence-sharing agreement with Japan?")
        page.click("#ask")
        page.wait_for_function("document.querySelector('#question textarea').value === ''")
        page.fill("#question textarea", "And what did Japan do then?")
        page.wait_for_function(
            "document.querySelectorAll('#chat .rag-timing').length > 0", timeout=60_000)
        page.wait_for_timeout(500)  # the last updates of the first answer
        assert "August 2019" in page.locator("#chat").inner_text()
        assert page.input_value("#question textarea") == "And what did Japan do then?"
        assert len(slow_ui["llm"].prompts) == asked + 1  # the second is not sent yet
    finally:
        context.close()


def test_the_quoted_answer_shows_before_the_llm_is_done(browser, slow_ui):
    """First text does not wait for the LLM: the checked direct answer and its card
    are on the page while the LLM still writes; the final answer follows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(slow_ui["url"])
        page.wait_for_selector("#question textarea", timeout=30_000)
        page.fill("#question textarea",
                  "When did Seoul scrap its intelligence-sharing agreement with Japan?")
        page.click("#ask")
        page.wait_for_selector("#chat .rag-pending", timeout=20_000)
        assert page.locator("#chat .rag-timing").count() == 0  # the LLM is not done
        assert page.locator("#chat .rag-card").count() >= 1
        assert "August 2019" in page.locator("#chat").inner_text()
        page.wait_for_function(
            "document.querySelectorAll('#chat .rag-timing').length > 0", timeout=60_000)
        assert page.locator("#chat .rag-pending").count() == 0
    finally:
        context.close()


def test_a_pipeline_that_cannot_start_is_explained_on_each_answer(tmp_path):
    """The page comes up before the models load; when they cannot (an index of other
    vectors, say), each answer says so and what to do, instead of a dead page."""
    from gradio_client import Client

    from rag.errors import ConfigError
    from ui.app import launch

    def broken():
        raise ConfigError("the collection 'articles' was built with the embedding model 'x'",
                          hint="run rag ingest --rebuild to embed its articles again")

    port = free_port()
    demo = launch(host="127.0.0.1", port=port, block=False, get_pipeline=broken,
                  feedback_path=tmp_path / "feedback.jsonl")
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        out = client.predict("Who is Nobuo Kishi?", [], "none", 5, api_name="/chat")
        shown = out[0][-1]["content"]
        shown = shown if isinstance(shown, str) else str(shown)
        assert "rag-error" in shown and "rag ingest --rebuild" in shown
        again = client.predict("Who is Nobuo Kishi?", None, api_name="/ask")
        assert again["hint"].startswith("run rag ingest --rebuild")
    finally:
        demo.close()


def test_copy_answer_with_sources_puts_markdown_on_the_clipboard(browser, ui):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(ui["url"])
        page.wait_for_selector("#question textarea", timeout=30_000)
        ask(page, "When did Seoul scrap its intelligence-sharing agreement with Japan?")
        page.click("#copy-md")
        copied = ""
        for _ in range(100):  # the copy runs after a server round trip: poll, 10 s at most
            copied = page.evaluate("navigator.clipboard.readText()")
            if copied:
                break
            page.wait_for_timeout(100)
        lines = copied.splitlines()
        assert lines[0] == "**When did Seoul scrap its intelligence-sharing agreement with Japan?**"
        assert "August 2019" in lines[2] and "[1]" in lines[2]
        assert "Sources:" in lines
        assert any(line.startswith("1. *") and "RT.com" in line and "August 2019" in line
                   for line in lines)
    finally:
        context.close()


def test_a_question_about_change_shows_a_timeline_that_opens_its_sources(page):
    ask(page, "How did Japan-South Korea relations change between 2018 and 2023?")
    events = page.locator("#chat .rag-timeline li")
    assert events.count() >= 3
    whens = [events.nth(i).locator(".rag-when").inner_text() for i in range(events.count())]
    assert "2018" in whens and "August 2019" in whens
    assert whens.index("2018") < whens.index("August 2019")
    events.nth(whens.index("August 2019")).locator(".rag-event").click()
    page.wait_for_selector("#reader mark#rag-hl", timeout=20_000)
    assert "August 2019" in page.locator("#reader mark#rag-hl").inner_text()
