"""The chat window's start-up and streaming, as a user meets them.

    .venv/bin/python -m benchmarks.ui [--llm local]

Starts `rag chat` on a free port (index already built), times until Chromium shows
a usable page (the question box), then asks questions through the UI's /chat
endpoint and times the first streamed answer text and the full answer.
Writes benchmarks/results/ui.json.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import p50, save
from rag.settings import PROJECT_ROOT
from tests.servers import free_port, wait_http

QUESTIONS = [
    "When did Seoul scrap its intelligence-sharing agreement with Japan?",
    "Who was Lee Jong-sup's Japanese counterpart?",
    "Why was bilateral security cooperation suspended in 2018?",
    "Where was the 12th Security Policy Consultation held?",
    "What are the names of the disputed islets between Japan and South Korea?",
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--llm", default="local")
    args = ap.parse_args()
    from gradio_client import Client
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RAG_INDEX_DIR": str(Path(tmp) / "index"), "RAG_LLM": args.llm,
               "RAG_FEEDBACK_PATH": str(Path(tmp) / "fb.jsonl")}
        subprocess.run([sys.executable, "-m", "rag.cli", "ingest"], env=env, check=True,
                       capture_output=True, cwd=PROJECT_ROOT)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        proc: subprocess.Popen[bytes] | None = None
        try:
            with sync_playwright() as p:
                # the user's browser is already running: its launch is not start-up
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                page = browser.new_page()
                began = time.perf_counter()
                proc = subprocess.Popen(
                    [sys.executable, "-m", "rag.cli", "chat", "--port", str(port)],
                    env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, start_new_session=True)
                try:
                    wait_http(url, proc, timeout=300)
                    http_ready = time.perf_counter() - began
                    page.goto(url)
                    page.wait_for_selector("#question textarea")
                    usable = time.perf_counter() - began
                finally:
                    browser.close()
            client = Client(url, verbose=False)
            first, full = [], []
            for q in QUESTIONS:
                t = time.perf_counter()
                seen = None
                for out in client.submit(q, [], args.llm, 5, api_name="/chat"):
                    text = out[0][-1]["content"] if out and out[0] else ""
                    text = text if isinstance(text, str) else str(text)
                    if seen is None and text and "Searching" not in text:
                        seen = time.perf_counter() - t
                full.append(time.perf_counter() - t)
                first.append(seen if seen is not None else full[-1])
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
    result = {"llm": args.llm, "http_ready_s": round(http_ready, 2),
              "page_usable_s": round(usable, 2),
              "first_answer_text_p50_s": round(p50(first), 2),
              "full_answer_p50_s": round(p50(full), 2),
              "first_answer_text_s": [round(x, 2) for x in first]}
    print(save(f"ui-{args.llm}", result))
    for k, v in result.items():
        print(f"{k:>26}: {v}")


if __name__ == "__main__":
    main()
