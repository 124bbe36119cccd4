"""An OpenAI-compatible chat-completions server that answers from a script.

It stands in for a real LLM so the citation contract can be measured with a
faithful writer and with a fluent liar (``evals/llm-scripts/``, format in its
README). Like a real LLM it sees only the numbered passages the pipeline shows it:
each scripted claim cites the first shown passage that contains its snippet, or
``[1]`` when none does. Streaming (SSE) and plain responses, on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from rag.generate import REFUSAL_TEXT

log = logging.getLogger(__name__)

_PASSAGE = re.compile(r"^\[(\d+)\][^\n]*\n(.*)$", re.S)
_QUESTION = re.compile(r"Question:\s*(.*?)\s*(?:\nAnswer:|$)", re.S)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    """Whitespace runs (non-breaking spaces too) as one space, curly quotes straight."""
    return " ".join(text.translate(_QUOTES).replace("\u00a0", " ").split())


@dataclass(frozen=True)
class ScriptEntry:
    id: str
    claims: tuple[tuple[str, str], ...]  # (text, snippet)
    abstain: bool
    wrong: tuple[str, ...]


def load_script(path: Path) -> dict[str, ScriptEntry]:
    """{normalised question: entry} of a script file."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for question, e in raw.items():
        claims = tuple((c["text"], c["snippet"]) for c in e.get("claims", []))
        out[normalise(question)] = ScriptEntry(e["id"], claims, bool(e.get("abstain")),
                                               tuple(e.get("wrong", [])))
    return out


def parse_prompt(messages: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The question and the numbered passages of the pipeline's prompt."""
    user = next((m.get("content") or "" for m in reversed(messages)
                 if m.get("role") == "user"), "")
    if isinstance(user, list):  # content parts
        user = " ".join(p.get("text", "") for p in user if isinstance(p, dict))
    found = _QUESTION.search(user)
    question = found.group(1) if found else user
    body = user.split("Passages:", 1)[-1].split("\n\nQuestion:", 1)[0]
    passages: dict[int, str] = {}
    for block in body.split("\n\n"):
        m = _PASSAGE.match(block.strip())
        if m:
            passages[int(m.group(1))] = m.group(2)
    return question, [passages[n] for n in sorted(passages)]


def scripted_reply(entry: ScriptEntry | None, passages: list[str]) -> str:
    if entry is None or entry.abstain or not entry.claims:
        return REFUSAL_TEXT
    shown = [normalise(p) for p in passages]
    parts = []
    for text, snippet in entry.claims:
        snip = normalise(snippet)
        n = next((i for i, p in enumerate(shown, 1) if snip in p), 1)
        parts.append(f"{text} [{n}].")
    return " ".join(parts)


class ScriptedLLMServer:
    """``with ScriptedLLMServer(script) as server: server.base_url`` -> ".../v1"."""

    def __init__(self, script: Path | dict[str, ScriptEntry], *, host: str = "127.0.0.1",
                 port: int = 0, chunk_words: int = 3) -> None:
        self.script = script if isinstance(script, dict) else load_script(script)
        self.unknown: list[str] = []
        self.requests = 0
        self._chunk_words = chunk_words
        self._httpd = ThreadingHTTPServer((host, port), self._handler())
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{name}:{port}/v1"

    def reply(self, messages: list[dict[str, Any]]) -> str:
        question, passages = parse_prompt(messages)
        entry = self.script.get(normalise(question))
        if entry is None:
            log.warning("no scripted answer for %r", question)
            self.unknown.append(question)
        return scripted_reply(entry, passages)

    def start(self) -> ScriptedLLMServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                log.debug("scripted llm: " + format, *args)

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [
                        {"id": "scripted", "object": "model", "owned_by": "rag"}]})
                else:
                    self._json(404, {"error": {"message": f"no route {self.path}"}})

            def do_POST(self) -> None:  # noqa: N802
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                try:
                    length = int(self.headers.get("Content-Length", 0))
                    body = json.loads(self.rfile.read(length) or b"{}")
                    messages = body["messages"]
                except (ValueError, KeyError, TypeError) as exc:
                    self._json(400, {"error": {"message": f"bad request: {exc}"}})
                    return
                server.requests += 1
                text = server.reply(messages)
                created = int(time.time())
                if not body.get("stream"):
                    self._json(200, {
                        "id": "scripted", "object": "chat.completion", "created": created,
                        "model": body.get("model", "scripted"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": text}}],
                        "usage": {"prompt_tokens": 0, "completion_tokens": 0,
                                  "total_tokens": 0}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                pieces = re.findall(rf"(?:\S+\s*){{1,{server._chunk_words}}}", text) or [text]
                for i, piece in enumerate(pieces):
                    delta = {"content": piece} if i else {"role": "assistant",
                                                          "content": piece}
                    self._event({"id": "scripted", "object": "chat.completion.chunk",
                                 "created": created, "model": body.get("model", "scripted"),
                                 "choices": [{"index": 0, "delta": delta,
                                              "finish_reason": None}]})
                self._event({"id": "scripted", "object": "chat.completion.chunk",
                             "created": created, "model": body.get("model", "scripted"),
                             "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        return Handler
