"""The chat window: Gradio Blocks over ``Pipeline.stream``.

Answers stream as checked sentences with ``[n]`` markers; source cards sit under
each answer; clicking a marker or card opens the article in the side panel with
the quoted sentence highlighted. All text is HTML-escaped here before it is shown,
so a question or article holding ``<script>`` is displayed, never run.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
from gradio.events import api as gradio_api  # not re-exported by name for type checkers

from rag.backends import BACKENDS, make_llm
from rag.corpus import parse_text
from rag.errors import ConfigError, RagError
from rag.markers import link_markers
from rag.results import Answer, Citation, Draft, shorten
from rag.settings import get_settings

if TYPE_CHECKING:  # the pipeline (llama-index, 1 s of imports) loads beside the server
    from rag.pipeline import Pipeline

log = logging.getLogger(__name__)

EXAMPLES = [
    "Who was Lee Jong-sup's Japanese counterpart at the 2022 Asia Security Summit?",
    "When did Seoul scrap its intelligence-sharing agreement with Japan?",
    "What are the names of the disputed islets between Japan and South Korea?",
    "Why was bilateral security cooperation suspended in 2018?",
]
_REF = re.compile(r"^([\w.\-]{1,200}):(\d{1,9}):(\d{1,9})$")

CSS = """
#cite-ref, #cite-open { display: none !important; }
.rag-cards { display: grid; gap: 6px; margin-top: 8px; }
.rag-card { display: block; border: 1px solid #d0d7de; border-radius: 8px; padding: 6px 8px;
            text-decoration: none !important; color: inherit !important; cursor: pointer; }
.rag-card:hover { background: var(--background-fill-secondary); }
.rag-card q { font-style: italic; }
.rag-timeline { margin-top: 10px; }
.rag-timeline ol { margin: 4px 0 0 1.2em; padding: 0; }
.rag-timeline li { margin-bottom: 6px; }
.rag-event { color: inherit !important; cursor: pointer; }
.rag-marker { font-weight: 600; cursor: pointer; text-decoration: none !important; }
.rag-timing, .rag-pending, .rag-why { color: #59636e; font-size: 0.8em; margin-top: 6px; }
.rag-notice { color: #7d5100; font-size: 0.85em; margin-top: 6px; }
.rag-abstain { border-left: 4px solid #bf8700; background: #fff8c5; padding: 6px 10px;
               border-radius: 4px; color: #3b2300; }
.rag-error { border-left: 4px solid #cf222e; background: #ffebe9; padding: 6px 10px;
             color: #5c0a12; }
.rag-article { max-height: 70vh; overflow-y: auto; line-height: 1.5; }
.rag-article mark { background: #ffd33d; color: #1f2328; padding: 1px 0; }
/* the reader keeps the article's title, outlet and date in view while it scrolls */
.rag-head { position: sticky; top: 0; z-index: 1; padding: 2px 0 6px;
            background: var(--block-background-fill); }
.rag-head h3 { margin: 0 0 2px; }
.rag-back { font-size: 0.85em; cursor: pointer; color: inherit !important;
            text-decoration: underline; }
/* on a phone the empty chat box would push the question box and Ask off screen */
@media (max-width: 640px) { #chat { height: 42vh !important; min-height: 240px; } }
.rag-article .caption { font-style: italic; color: #59636e; }
/* Gradio's dark theme (OS setting or ?__theme=dark) puts .dark on the page: every
   text keeps WCAG AA contrast (4.5:1) there too (tests/test_ui_browser.py) */
.dark .rag-card { border-color: #3d444d; }
.dark .rag-timing, .dark .rag-pending, .dark .rag-article .caption { color: #9198a1; }
.dark .rag-why { color: #9198a1; }
.dark .rag-notice { color: #d29922; }
.dark .rag-abstain { background: #2e2400; color: #f0e2b6; }
.dark .rag-error { background: #3c1618; color: #ffdcd7; }
"""
# One delegated listener: any element with data-cite opens the reader.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const back = event.target.closest('[data-back]');
    if (back) {  // from the reader to the marker or card that opened it
      event.preventDefault();
      (window.ragOpenedFrom || document.getElementById('chat'))
        .scrollIntoView({ block: 'center' });
      return;
    }
    const el = event.target.closest('[data-cite]');
    if (!el) return;
    event.preventDefault();
    window.ragOpenedFrom = el;
    const box = document.querySelector('#cite-ref textarea, #cite-ref input');
    box.value = el.dataset.cite;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => document.querySelector('#cite-open').click(), 30);
  });
}
"""
COPY_JS = """
(markdown) => { if (markdown) navigator.clipboard.writeText(markdown); }
"""
SCROLL_JS = """
() => { setTimeout(() => {
  const m = document.getElementById('rag-hl');
  if (m) m.scrollIntoView({ block: 'center' });
}, 100); }
"""


def _ref(c: Citation) -> str:
    return f"{c.doc_id}:{c.start}:{c.end}"


def render_text(text: str, citations: tuple[Citation, ...]) -> str:
    """Answer text, escaped, with each [n] a link that opens its quote."""
    by_n = {c.n: c for c in citations}

    def link(n: int, marker: str) -> str:
        c = by_n.get(n)
        if c is None:
            return marker
        return (f'<a class="rag-marker" href="#" data-cite="{html.escape(_ref(c))}" '
                f'title="{html.escape(c.title)}">[{c.n}]</a>')

    return link_markers(html.escape(text), link)


def render_cards(citations: tuple[Citation, ...], *, numbered: bool = True) -> str:
    cards = []
    for c in citations:
        meta = " · ".join(html.escape(x) for x in (c.outlet, c.date) if x)
        quote = html.escape(c.quote if len(c.quote) < 400 else c.quote[:400] + "…")
        label = f"[{c.n}] " if numbered else ""
        cards.append(f'<a class="rag-card" href="#" data-cite="{html.escape(_ref(c))}">'
                     f"<b>{label}{html.escape(c.title)}</b>"
                     f"{' — ' + meta if meta else ''}<br><q>{quote}</q></a>")
    return f'<div class="rag-cards">{"".join(cards)}</div>' if cards else ""


READER_HINT = ("<div class='rag-timing'>Click a [n] marker or a source card to read the "
               "article here.</div>")


def render_answer(a: Answer) -> str:
    t = a.timings
    timing = (f'<div class="rag-timing">retrieve {t.get("retrieve", 0):.2f} s · generate '
              f'{t.get("generate", 0):.2f} s · cite {t.get("cite", 0):.2f} s · {a.mode}</div>')
    notice = f'<div class="rag-notice">{html.escape(a.notice)}</div>' if a.notice else ""
    if a.abstained:
        related = (f"<div>Related reading, not an answer:</div>"
                   f"{render_cards(a.related, numbered=False)}" if a.related else "")
        # why, in the reader's words: the user can reword a question the check misread
        why = f'<div class="rag-why">Why: {html.escape(a.why)}.</div>' if a.why else ""
        return (f'<div class="rag-abstain">{html.escape(a.text)} Nothing in the indexed '
                f"articles answers this question.</div>{why}{related}{notice}{timing}")
    return f"<div>{render_text(a.text, a.citations)}</div>{render_cards(a.citations)}" \
           f"{render_timeline(a)}{notice}{timing}"


def render_timeline(a: Answer) -> str:
    """Dated sentences of the evidence, oldest first; each opens its article."""
    if not a.timeline:
        return ""
    items = []
    for e in a.timeline:
        c = e.citation
        quote = shorten(c.quote, 220)
        meta = " · ".join(html.escape(x) for x in (c.title, c.outlet) if x)
        items.append(f'<li><b class="rag-when">{html.escape(e.when)}</b> '
                     f'<a class="rag-event" href="#" data-cite="{html.escape(_ref(c))}">'
                     f"{html.escape(quote)}</a><div class='rag-timing'>{meta}</div></li>")
    return f'<div class="rag-timeline"><b>Timeline</b><ol>{"".join(items)}</ol></div>'



def render_draft(d: Draft) -> str:
    """Checked text shown before the final answer, with its cards: the quoted direct
    answer at once while the LLM works (issue 13: first text waited for the LLM)."""
    return (f"<div>{render_text(d.text, d.citations)}</div>{render_cards(d.citations)}"
            '<div class="rag-pending">checking for more…</div>')


def render_error(exc: Exception) -> str:
    if isinstance(exc, RagError):
        hint = f"<br><b>What to do:</b> {html.escape(exc.hint)}" if exc.hint else ""
        return f'<div class="rag-error">{html.escape(exc.message)}{hint}</div>'
    return ('<div class="rag-error">Something went wrong while answering '
            f"({html.escape(type(exc).__name__)}). The server log has the details.</div>")


def render_article(pipeline: Pipeline, ref: str, *, back: bool = True) -> str:
    """The article an indexed citation points to, with its quote highlighted, under a
    header that stays in view (with a way back to the answer when opened from one). Any
    reference that is not an indexed article is refused."""
    m = _REF.match(ref or "")
    info = pipeline.index.article(m[1]) if m else None
    if m is None or info is None:
        return '<div class="rag-error">Not an indexed article.</div>'
    start, end = int(m[2]), int(m[3])
    article = parse_text(info.doc_id, info.text, title=info.title)
    parts = []
    for seg in article.segments:
        body = info.text[seg.start:seg.end]
        quoted = end > start and (seg.start <= start < seg.end or seg.start < end <= seg.end)
        # the headline is the reader's header: not again as the first paragraph (the
        # stored title is given to parse_text, so it reads the headline line as body),
        # unless it is what an answer quotes (a question about the report itself)
        if (seg.kind == "title" or body.strip() == info.title.strip()) and not quoted:
            continue
        if quoted:
            a, b = max(start, seg.start) - seg.start, min(end, seg.end) - seg.start
            body_html = (html.escape(body[:a]) + f'<mark id="rag-hl">{html.escape(body[a:b])}'
                         f"</mark>" + html.escape(body[b:]))
        else:
            body_html = html.escape(body)
        parts.append(f'<p class="{seg.kind}">{body_html}</p>')
    meta = " · ".join(html.escape(x) for x in (
        info.outlet, f"page date {info.date}" if info.date else "", info.doc_id) if x)
    link = ('<a class="rag-back" href="#" data-back="1">↑ Back to the answer</a>'
            if back else "")
    return (f'<div class="rag-article"><div class="rag-head"><h3>{html.escape(info.title)}'
            f"</h3><div class='rag-timing'>{meta}</div>{link}</div>{''.join(parts)}</div>")


class FeedbackLog:
    """Thumbs up/down as JSON Lines, one row per answer: a changed vote (👎 then 👍)
    replaces the answer's earlier row instead of standing beside it. One writer at a
    time; the file is rewritten whole and swapped in, so a reader never sees half."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def add(self, liked: bool, record: dict[str, Any], *, key: str) -> None:
        row = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "liked": liked, "key": key,
               **record}
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            kept = [line for line in (self.path.read_text(encoding="utf-8").splitlines()
                                      if self.path.exists() else [])
                    if line.strip() and _row_key(line) != key]
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text("".join(f"{line}\n" for line in
                                   [*kept, json.dumps(row, ensure_ascii=False)]),
                           encoding="utf-8")
            tmp.replace(self.path)


def _row_key(line: str) -> str | None:
    try:
        key = json.loads(line).get("key")
    except (ValueError, AttributeError):
        return None  # a hand-edited or foreign line is kept as it is
    return key if isinstance(key, str) else None


def _default_pipeline() -> Pipeline:
    from rag.pipeline import default_pipeline

    return default_pipeline()


def build_app(get_pipeline: Callable[[], Pipeline] = _default_pipeline, *,
              feedback_path: Path | None = None) -> gr.Blocks:
    settings = get_settings()
    feedback = FeedbackLog(feedback_path or settings.feedback_path)
    backends: dict[str, Pipeline] = {}
    backends_lock = threading.Lock()

    def pipeline_for(backend: str) -> Pipeline:
        base = get_pipeline()
        if backend not in BACKENDS:
            raise ConfigError(f"unknown backend {backend!r}", hint="pick one from the list")
        with backends_lock:
            if backend not in backends:
                same = backend == settings.llm
                backends[backend] = base if same else base.with_llm(
                    make_llm(settings, backend), backend)
            return backends[backend]

    def respond(message: str, history: list[dict[str, Any]], answers: list[dict[str, Any]],
                backend: str, top_k: int) -> Iterator[tuple[Any, ...]]:
        history = list(history or [])
        answers = list(answers or [])
        question = (message or "").strip()
        if not question:
            yield history, answers, ""
            return
        history.append({"role": "user", "content": html.escape(question)})
        history.append({"role": "assistant", "content": "<i>Searching the articles…</i>"})
        yield history, answers, ""  # the box empties once, when the question is taken
        # afterwards the box is left alone: a question typed while this one is answered
        # stays there (it used to be wiped by every update)
        keep = gr.skip()
        convo = [t for a in answers for t in (
            {"role": "user", "content": a["question"]},
            {"role": "assistant", "content": a["text"]})]
        try:
            for event in pipeline_for(backend).stream(question, convo, top_k=int(top_k)):
                if isinstance(event, Answer):
                    history[-1] = {"role": "assistant", "content": render_answer(event)}
                    answers.append(event.to_dict())
                else:
                    history[-1] = {"role": "assistant", "content": render_draft(event)}
                yield history, answers, keep
        except Exception as exc:  # shown to the user as a message, never a trace
            if not isinstance(exc, RagError):
                log.exception("answer failed")
            history[-1] = {"role": "assistant", "content": render_error(exc)}
            answers.append({"question": question, "text": "", "error": str(exc)})
            yield history, answers, keep

    def on_like(data: gr.LikeData, history: list[dict[str, Any]],
                answers: list[dict[str, Any]]) -> None:
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        turn = sum(1 for m in history[: index + 1] if m["role"] == "assistant") - 1
        if 0 <= turn < len(answers):
            a = answers[turn]
            # one row per answer of this conversation: its question, text and turn
            key = hashlib.sha256(json.dumps([turn, a.get("question"), a.get("text")])
                                 .encode()).hexdigest()[:16]
            feedback.add(bool(data.liked), {"question": a.get("question"),
                                            "answer": a.get("text"),
                                            "citations": a.get("citations", []),
                                            "mode": a.get("mode")}, key=key)

    def last_markdown(answers: list[dict[str, Any]]) -> str:
        done = [a for a in answers or [] if "mode" in a]  # not the error rows
        if not done:
            gr.Info("Ask a question first: there is no answer to copy yet.")
            return ""
        gr.Info("The answer and its sources are on the clipboard, as Markdown.")
        return Answer.from_dict(done[-1]).to_markdown()

    def ask(question: str, history: list[Any] | None = None) -> dict[str, Any]:
        """The Answer as a dict, for scripts (gradio_client); errors as {"error", "hint"}."""
        try:
            return pipeline_for(settings.llm).answer(question, history).to_dict()
        except RagError as exc:
            return {"error": exc.message, "hint": exc.hint}

    def open_ref(ref: str) -> str:
        return render_article(get_pipeline(), ref)

    def sources_table() -> list[list[Any]]:
        return [[a.doc_id, a.title, a.outlet or "—", a.date or "—", a.chunks]
                for a in get_pipeline().index.articles()]

    def read_source(doc_id: str) -> str:
        return render_article(get_pipeline(), f"{doc_id}:0:0", back=False) if doc_id else ""

    with gr.Blocks(title="Japan–South Korea relations: cited answers") as demo:
        gr.Markdown("## Japan–South Korea relations, 2022–2023\nAnswers quote the indexed "
                    "news articles; every sentence carries a citation you can open.")
        answers = gr.State([])
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(elem_id="chat", height=520, sanitize_html=False,
                                         render_markdown=False, label="Conversation",
                                         # the floating label covered the top message
                                         # and was 3.6:1 on white (below WCAG AA)
                                         show_label=False,
                                         feedback_options=("Like", "Dislike"),
                                         buttons=["copy", "copy_all"])
                    with gr.Row():
                        box = gr.Textbox(placeholder="Ask about the articles…", scale=5,
                                         show_label=False, elem_id="question", max_lines=4)
                        send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    with gr.Row():
                        new = gr.Button("New chat", size="sm", elem_id="new-chat")
                        copy_md = gr.Button("Copy answer with sources", size="sm",
                                            elem_id="copy-md")
                    # the last answer as Markdown, for the clipboard (never shown)
                    markdown = gr.Textbox(visible=False, elem_id="answer-md")
                    gr.Examples(EXAMPLES, inputs=box, label="Try")
                    with gr.Accordion("Settings", open=False):
                        backend = gr.Dropdown(list(BACKENDS), value=settings.llm,
                                              label="LLM backend")
                        top_k = gr.Slider(1, 15, value=settings.top_k, step=1,
                                          label="Passages retrieved (top-k)")
                with gr.Column(scale=2):
                    reader = gr.HTML(READER_HINT, elem_id="reader")
            ref = gr.Textbox(elem_id="cite-ref", show_label=False, container=False)
            open_btn = gr.Button("open", elem_id="cite-open")
        with gr.Tab("Sources") as sources_tab:
            # "page date": the date the page gives, which can be later than the
            # events it reports (a page updated or republished)
            table = gr.Dataframe(headers=["id", "title", "outlet", "page date", "chunks"],
                                 interactive=False, elem_id="sources-table", wrap=True,
                                 column_widths=["19%", "51%", "11%", "11%", "8%"])
            pick = gr.Dropdown([], label="Read an article", elem_id="source-pick")
            source_view = gr.HTML(elem_id="source-view")

        inputs = [box, chatbot, answers, backend, top_k]
        outputs = [chatbot, answers, box]
        send.click(respond, inputs, outputs, concurrency_id="answer", api_name="chat")
        box.submit(respond, inputs, outputs, concurrency_id="answer",
                   api_visibility="undocumented")
        # New chat and the chat's own trash icon both forget everything: the
        # conversation the next question builds on, the feedback pairing, the reader
        new.click(lambda: ([], [], "", READER_HINT), None, [chatbot, answers, box, reader],
                  queue=False, api_visibility="private")
        chatbot.clear(lambda: ([], READER_HINT), None, [answers, reader], queue=False,
                      api_visibility="private")
        chatbot.like(on_like, [chatbot, answers], None, api_visibility="private")
        copy_md.click(last_markdown, answers, markdown, queue=False,
                      api_visibility="private").then(
            None, markdown, None, js=COPY_JS)
        open_btn.click(open_ref, ref, reader, api_name="article").then(None, js=SCROLL_JS)
        gradio_api(ask, api_name="ask", concurrency_id="answer")

        def refresh() -> tuple[Any, Any]:
            rows = sources_table()
            # titles to choose from; the article id is the value read
            return rows, gr.Dropdown(choices=[(f"{r[1]} ({r[2]})", r[0]) for r in rows])

        sources_tab.select(refresh, None, [table, pick], api_name="sources")
        pick.change(read_source, pick, source_view, api_name="source")
    blocks: gr.Blocks = demo
    return blocks


def theme() -> gr.themes.Base:
    # system fonts: the default theme would fetch Inter from Google Fonts
    return gr.themes.Soft(font=["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
                          font_mono=["ui-monospace", "Menlo", "Consolas", "monospace"])


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    auth = auth or os.environ.get("RAG_AUTH")
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise ConfigError("--auth needs the form user:password", hint="e.g. --auth ana:s3cret")
    return user, password


def _warm(get_pipeline: Callable[[], Pipeline]) -> None:
    try:
        get_pipeline().warm()
        log.info("the index and models are loaded")
    except RagError as exc:
        log.error("the pipeline cannot start: %s", exc)
    except Exception:
        log.exception("the pipeline cannot start")


def launch(*, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None,
           block: bool = True, get_pipeline: Callable[[], Pipeline] = _default_pipeline,
           feedback_path: Path | None = None) -> gr.Blocks:
    credentials = parse_auth(auth)
    if host not in ("127.0.0.1", "localhost", "::1") and credentials is None:
        log.warning("serving on %s without --auth: anyone on the network can use it", host)
    demo = build_app(get_pipeline, feedback_path=feedback_path)
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port or None, auth=credentials, share=False,
                prevent_thread_lock=True, show_error=False, theme=theme(), css=CSS,
                js=JS, footer_links=[], quiet=not block, ssr_mode=False)
    # The page needs no model: the pipeline (index, embedder, LLM; the index is built
    # on a first run) loads beside the server once it listens (loading it during the
    # server's start slowed the start, both being Python work under one lock), and a
    # question asked before it is ready waits for it. A failure is logged here and
    # shown, with what to do, on each answer.
    threading.Thread(target=_warm, args=(get_pipeline,), name="rag-warm", daemon=True).start()
    if block:
        demo.block_thread()
    return demo
