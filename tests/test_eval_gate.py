"""CI's gate: the dev set with the default settings (local LLM included) must keep
the figures reached in issue 'Answers users can trust' (see README)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
GATES = {"--min-accuracy": "0.90", "--min-abstention": "1.0", "--min-citation-coverage": "1.0"}


def test_dev_set_meets_the_gates(tmp_path: Path):
    env = {**os.environ, "RAG_INDEX_DIR": str(tmp_path / "index")}
    env.pop("RAG_LLM", None)
    out = tmp_path / "run"
    args = [sys.executable, "-m", "rag.cli", "eval", "evals/dev.jsonl", "--out", str(out)]
    for k, v in GATES.items():
        args += [k, v]
    p = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1200,
                       cwd=Path(__file__).parent.parent)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    s = json.loads((out / "summary.json").read_text())["rag"]
    assert s["false_abstention"] <= 0.05 and s["citation_recall"] == 1.0
    assert s["modes"].get("abstained") == 3
    assert s["cited_article_precision"] >= 0.95 and s["median_words"] <= 40
