"""The rag command as a user runs it: real processes, real models, a temp index."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def rag(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=Path(__file__).parent.parent)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("cli")
    return {**os.environ, "RAG_INDEX_DIR": str(tmp / "index"), "RAG_LLM": "none",
            "RAG_FEEDBACK_PATH": str(tmp / "feedback.jsonl")}


def test_ingest_reports_and_is_idempotent(env):
    first = rag("ingest", env=env)
    assert first.returncode == 0, first.stderr
    assert "added 5, updated 0, unchanged 0" in first.stdout
    second = rag("ingest", env=env)
    assert "added 0, updated 0, unchanged 5" in second.stdout
    assert "0 chunks embedded" in second.stdout


def test_sources_lists_articles(env):
    out = rag("sources", env=env).stdout
    assert "RT.com" in out and "2023-04-17" in out and "003_a4737b3ecd6f7523" in out


def test_ask_json(env):
    p = rag("ask", "When did Seoul scrap its intelligence-sharing agreement with Japan?",
            "--json", env=env)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert "August 2019" in data["text"] and data["citations"][0]["doc_id"].startswith("001")


def test_empty_question_is_a_clear_error(env):
    p = rag("ask", "   ", env=env)
    assert p.returncode == 1 and "question is empty" in p.stderr and "Traceback" not in p.stderr


def test_eval_writes_report_and_gates(env, tmp_path: Path):
    out = tmp_path / "run"
    p = rag("eval", "evals/dev.jsonl", "--out", str(out), "--limit", "6",
            "--min-accuracy", "1.01", env=env)
    assert p.returncode == 1 and "below threshold" in p.stderr
    for name in ("answers.jsonl", "summary.json", "report.md", "accuracy_by_kind.png",
                 "latency_by_stage.png"):
        assert (out / name).stat().st_size > 0
    summary = json.loads((out / "summary.json").read_text())["rag"]
    assert summary["questions"] == 6 and 0 <= summary["accuracy"] <= 1
    assert len((out / "answers.jsonl").read_text().splitlines()) == 6


@pytest.mark.reliability('Bad input', '`rag eval` on a malformed question file')
def test_eval_rejects_a_malformed_file(env, tmp_path: Path, happened):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "kind": "fact", "question": "q?", "facts": [["x"]]}\n{oops\n')
    p = rag("eval", str(bad), env=env)
    assert p.returncode == 1 and "line 2" in p.stderr and "not valid JSON" in p.stderr
    happened("exit 1, 'line 2: not valid JSON' and what to do; no traceback")


def test_ask_answers_the_kishi_question_and_finds_no_teaser(env):
    p = rag("ask", "--json", "Who was Lee Jong-sup's Japanese counterpart at the Shangri-La "
            "Dialogue?", env=env)
    data = json.loads(p.stdout)
    assert "Nobuo Kishi" in data["text"]
    assert any(c["doc_id"] == "000_ad989b7582d59421" and "Nobuo Kishi" in c["quote"]
               for c in data["citations"])
    p = rag("ask", "--json", "What happened with Boeing's fraud case?", env=env)
    data = json.loads(p.stdout)
    assert data["abstained"] and data["citations"] == []
    assert "Boeing" not in json.dumps(data["related"])


def test_ask_with_llm_none_loads_no_heavy_library(env):
    """What keeps a one-off `rag ask --llm none` quick: spaCy's thinc would import
    torch, and the CLI used to load the default local LLM before replacing it."""
    code = ("import sys\nfrom rag.cli import app\n"
            "try:\n    app(['ask', 'Who is Nobuo Kishi?', '--llm', 'none'])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "print([m for m in ('torch', 'gradio', 'llama_cpp', 'transformers', "
            "'sentence_transformers', 'llm') if m in sys.modules])")
    local = {k: v for k, v in env.items() if k != "RAG_LLM"}  # the default: local
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=local, timeout=300, cwd=Path(__file__).parent.parent)
    assert p.returncode == 0, p.stderr
    assert "Nobuo Kishi" in p.stdout and p.stdout.strip().endswith("[]")


def test_rebuild_embeds_the_collection_again_from_its_own_files(env, tmp_path: Path):
    """After a model change the index is refused; --rebuild re-reads the files the
    collection was built from (a folder of the user's, not the seeds)."""
    import shutil

    own = tmp_path / "mine"
    own.mkdir()
    for name in ("001_3331d411a437cf58.txt", "003_a4737b3ecd6f7523.txt"):
        shutil.copy(Path(__file__).parent.parent / "seeds" / name, own)
    mine = {**env, "RAG_COLLECTION": "mine"}
    assert "added 2," in rag("ingest", str(own), env=mine).stdout
    (own / "003_a4737b3ecd6f7523.txt").unlink()
    p = rag("ingest", "--rebuild", env=mine)
    assert p.returncode == 0, p.stderr
    assert "added 1, updated 0, unchanged 0" in p.stdout and "index holds" in p.stdout
    assert "gone" in p.stderr and "003_a4737b3ecd6f7523.txt" in p.stderr
    assert "001_3331d411a437cf58" in rag("sources", env=mine).stdout


def test_ask_markdown_prints_the_answer_with_numbered_sources(env):
    p = rag("ask", "--markdown", "When did Seoul scrap its intelligence-sharing agreement "
            "with Japan?", env=env)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("**When did Seoul") and "[1]" in lines[2]
    assert any(line.startswith("1. *") and "RT.com" in line for line in lines)
