"""CI's gate: the question sets with the default settings (local LLM included) must
keep the figures reached so far (README, "Eval figures"). dev.jsonl and the tune part
of dev-more were looked at while choosing; the check part never was, and its gate
only guards against regressions."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
GATES = {"--min-accuracy": "0.95", "--min-abstention": "1.0", "--min-citation-coverage": "1.0"}


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
    # the three unanswerable questions abstain (--min-abstention 1.0); an answerable one
    # may too, within the false-abstention gate, rather than be answered wrongly
    assert s["modes"].get("abstained", 0) >= 3
    assert s["cited_article_precision"] >= 0.95 and s["median_words"] <= 40


# measured 2026-11-27 (README): tune accuracy 0.886, abstention 1.000; check 0.633,
# 0.667 (0.633, 0.556 that morning); probe (tune data) 0.800, 1.000; probe9 1.000,
# 1.000 and probe10 0.700, 0.800 (tune data since their as-written runs: 0.700 / 0.500
# and 0.500 / 0.700). The gates sit a little below, to guard against loss; check is not
# where issue 12 wants it (0.90).
PART_GATES = {
    ("evals/dev-more.jsonl", "tune"): ("0.85", "0.9", 45),
    ("evals/dev-more.jsonl", "check"): ("0.6", "0.3", 39),
    ("evals/probe.jsonl", ""): ("0.8", "0.7", 38),
    ("evals/probe9.jsonl", ""): ("0.9", "0.9", 20),
    ("evals/probe10.jsonl", ""): ("0.6", "0.7", 20),
    # reworded questions, the check part's hardest shape (as written: 0.538 / 0.571 and
    # 1.000 / 0.429; now 0.846 / 0.857 and 1.000 / 0.714)
    # (2026-11-30, a new machine and the fp32 embedder: 0.769 / 1.000, with either
    # backend and with the code the session started from: a04 and a03 abstained on)
    ("evals/probe11.jsonl", ""): ("0.75", "0.8", 20),
    ("evals/probe12.jsonl", ""): ("0.9", "0.7", 20),
    # reworded and tempting, written in the third session of 2026-11-27 (as written,
    # --llm none: 0.231 / 0.714, 0.462 / 0.714 and 0.615 / 0.571; now 0.538 / 1.000,
    # 0.692 / 0.857 and 0.846 / 0.571)
    ("evals/probe13.jsonl", ""): ("0.5", "0.9", 20),
    ("evals/probe14.jsonl", ""): ("0.55", "0.8", 20),
    ("evals/probe15.jsonl", ""): ("0.75", "0.5", 20),
}


@pytest.mark.parametrize(("questions", "split"), list(PART_GATES))
def test_question_set_parts_meet_their_gates(tmp_path: Path, questions: str, split: str):
    env = {**os.environ, "RAG_INDEX_DIR": str(tmp_path / "index")}
    env.pop("RAG_LLM", None)
    out = tmp_path / "run"
    accuracy, abstention, count = PART_GATES[(questions, split)]
    args = [sys.executable, "-m", "rag", "eval", questions, *(["--split", split] if split else []),
            "--out", str(out), "--min-accuracy", accuracy, "--min-abstention", abstention,
            "--min-citation-coverage", "1.0"]
    p = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1800,
                       cwd=Path(__file__).parent.parent)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    s = json.loads((out / "summary.json").read_text())["rag"]
    assert s["questions"] == count


# The sets written in the fourth session of 2026-11-27 (probe16-17 reworded and tempting;
# probe18-22 in dev-more's mix of kinds), each committed before its first run. Gated with
# `--llm none`, the evidence path the answers stand on (with the local LLM a kept LLM
# answer may word them differently; README): a little below their figures then, 0.846 /
# 0.857, 0.923 / 0.857, 0.938 / 1.000 (probe18-20), 0.875 / 1.000 and 0.750 / 0.500;
# probe22 at 0.750 / 0.750 and probe23 (written in the fifth session, run as written) at
# 0.875 / 0.750 as of that session; probe24 to probe26 (written in the sixth session,
# each committed before its first run) at 1.000 / 0.600, 0.929 / 0.833 and 0.900 / 0.900
# after it; probe27 to probe29 (written in the seventh session, the same way) at 1.000 /
# 0.800, 0.800 / 1.000 and 1.000 / 0.727 after it (probe28 at 1.000 / 1.000 since the
# eighth); probe30 to probe35 (written in the eighth session, the same way) at 0.929 /
# 1.000, 0.857 / 1.000, 0.857 / 0.833, 0.857 / 0.500, 1.000 / 0.833 and 0.857 / 1.000
# after it (probe35 at 0.929 / 1.000 since the ninth); probe36 and probe37 (written in the
# ninth session in the check part's mix of kinds, the same way) at 0.786 / 1.000 and
# 0.857 / 1.000 after it; probe38 and probe39 (written in the tenth session the same way;
# as written 0.571 / 0.667 and 0.643 / 0.500) at 0.643 / 1.000 and 0.714 / 0.667 after it;
# probe40 to probe47 (written in the eleventh session the same way; as written 0.769 /
# 1.000, 0.846 / 0.667, 0.769 / 0.667, 0.769 / 0.667, 0.769 / 1.000, 0.615 / 1.000, 0.846 /
# 1.000 and 0.800 / 1.000) at 0.846 / 1.000, 0.923 / 0.667, 0.769 / 0.667, 0.846 / 1.000,
# 0.846 / 1.000, 0.769 / 1.000, 1.000 / 1.000 and 0.800 / 1.000 after it; probe48 to
# probe50 (written in the thirteenth session the same way; as written 0.800 / 0.500,
# 1.000 / 0.750 and 0.800 / 0.750) at 0.900 / 1.000, 1.000 / 1.000 and 0.800 / 0.750
# after it; probe51 to probe54 (written in the fourteenth session, reworded more heavily;
# as written 0.636 / 0.333, 0.818 / 0.333, 0.727 / 0.667 and 0.545 / 0.333) at 0.818 /
# 0.667, 0.818 / 0.333, 0.818 / 0.667 and 0.545 / 0.667 after it; probe55 and probe56
# (fifteenth session, reworded the same way; as written 0.400 / 0.250 and 0.545 / 0.667)
# at 0.500 / 0.250 and 0.545 / 0.667 after it; probe57 (twenty-first session, 10 new
# questions; as written 0.750 / 1.000) the same after it; probe58 (twenty-second session,
# 15 new questions; as written 0.900 / 0.400) at 1.000 / 0.800 after it; probe59
# (twenty-third session, 19 new questions; as written 0.714 / 0.600) at 0.714 / 1.000
# after it; probe60 (twenty-fourth session, 19 new questions; as written 0.750 / 0.571) at
# 0.917 / 0.714 after it; probe61 (same session, 18 new questions; as written 1.000 /
# 0.833) the same after it; probe62 (same session, 14 new questions; as written 0.625 /
# 0.667) at 0.750 / 0.833 after it; probe63 (twenty-fifth session, 20 new questions; as
# written 0.571 / 0.833 with the fp32 embedder, 0.571 / 0.667 with int8) at 0.929 / 1.000
# after it.
# 2026-11-30: on a new machine (AVX512-VNNI and AMX), with the same packages, the int8
# embedder's vectors moved (its kernels differ by CPU) and five of these gates failed
# before any code changed; the embedder now runs fp32 by default (torch's vectors on any
# CPU). With it, probe36 (bi01, bi02, bi04: "when" questions abstained on) and probe59 fall
# below the figures of the old machine: their gates sit below those measured here, 0.714 /
# 1.000 and 0.643 / 0.800.
# 2026-11-29: on a new machine, whose packages pip resolved to newer releases (pinned since
# in constraints.txt), probe18, probe21, probe30, probe37 and probe51 each lost one question
# before any code changed (of those failing now: probe18 i07, i11; probe21 ae07, ae14, ae16;
# probe30 ax06; probe37 bk04, bk09, bk12; probe51 cb01, cb04, cb08): their gates sit below
# the figures measured there, 0.875 / 1.000, 0.812 / 1.000, 0.929 / 0.833, 0.786 / 1.000
# and 0.727 / 1.000.
EVIDENCE_GATES = {
    "evals/probe16.jsonl": ("0.8", "0.8"),
    "evals/probe17.jsonl": ("0.9", "0.8"),
    "evals/probe18.jsonl": ("0.85", "0.9"),
    "evals/probe19.jsonl": ("0.9", "0.9"),
    "evals/probe20.jsonl": ("0.9", "0.9"),
    "evals/probe21.jsonl": ("0.8", "0.9"),
    "evals/probe22.jsonl": ("0.7", "0.7"),
    "evals/probe23.jsonl": ("0.8", "0.7"),
    "evals/probe24.jsonl": ("0.9", "0.6"),
    "evals/probe25.jsonl": ("0.9", "0.8"),
    "evals/probe26.jsonl": ("0.85", "0.85"),
    "evals/probe27.jsonl": ("0.9", "0.75"),
    "evals/probe28.jsonl": ("0.9", "0.9"),
    "evals/probe29.jsonl": ("0.9", "0.7"),
    "evals/probe30.jsonl": ("0.9", "0.8"),
    "evals/probe31.jsonl": ("0.8", "0.9"),
    "evals/probe32.jsonl": ("0.8", "0.8"),
    "evals/probe33.jsonl": ("0.8", "0.5"),
    "evals/probe34.jsonl": ("0.9", "0.8"),
    "evals/probe35.jsonl": ("0.9", "0.9"),
    "evals/probe36.jsonl": ("0.7", "0.9"),
    "evals/probe37.jsonl": ("0.75", "0.9"),
    "evals/probe38.jsonl": ("0.6", "0.9"),
    "evals/probe39.jsonl": ("0.7", "0.6"),
    "evals/probe40.jsonl": ("0.8", "0.9"),
    "evals/probe41.jsonl": ("0.9", "0.6"),
    "evals/probe42.jsonl": ("0.7", "0.6"),
    "evals/probe43.jsonl": ("0.8", "0.9"),
    "evals/probe44.jsonl": ("0.8", "0.9"),
    "evals/probe45.jsonl": ("0.7", "0.9"),
    "evals/probe46.jsonl": ("0.9", "0.9"),
    "evals/probe47.jsonl": ("0.75", "0.9"),
    "evals/probe48.jsonl": ("0.85", "0.9"),
    "evals/probe49.jsonl": ("0.9", "0.9"),
    "evals/probe50.jsonl": ("0.75", "0.7"),
    "evals/probe51.jsonl": ("0.7", "0.6"),
    "evals/probe52.jsonl": ("0.8", "0.3"),
    "evals/probe53.jsonl": ("0.8", "0.6"),
    "evals/probe54.jsonl": ("0.5", "0.6"),
    "evals/probe55.jsonl": ("0.45", "0.2"),
    "evals/probe56.jsonl": ("0.5", "0.6"),
    "evals/probe57.jsonl": ("0.7", "0.9"),
    "evals/probe58.jsonl": ("0.85", "0.75"),
    "evals/probe59.jsonl": ("0.6", "0.8"),
    "evals/probe60.jsonl": ("0.85", "0.7"),
    "evals/probe61.jsonl": ("0.9", "0.8"),
    "evals/probe62.jsonl": ("0.7", "0.8"),
    "evals/probe63.jsonl": ("0.85", "0.8"),
}


@pytest.mark.parametrize("questions", list(EVIDENCE_GATES))
def test_the_evidence_path_meets_the_newest_sets_gates(tmp_path: Path, questions: str):
    env = {**os.environ, "RAG_INDEX_DIR": str(tmp_path / "index")}
    accuracy, abstention = EVIDENCE_GATES[questions]
    out = tmp_path / "run"
    args = [sys.executable, "-m", "rag", "eval", questions, "--llm", "none", "--out", str(out),
            "--min-accuracy", accuracy, "--min-abstention", abstention,
            "--min-citation-coverage", "1.0"]
    p = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1800,
                       cwd=Path(__file__).parent.parent)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    asked = sum(1 for line in (Path(__file__).parent.parent / questions).open() if line.strip())
    assert json.loads((out / "summary.json").read_text())["rag"]["questions"] == asked


def test_answers_do_not_change_with_the_hash_seed(tmp_path: Path):
    """Python orders a set of strings by a hash salted per process: a choice made by a
    set's order ("Lee Jong-sup" or "Lee Jong Sup", two spellings of one name) changed an
    answer between runs. The same questions under two seeds get the same answers."""
    texts: list[dict[str, str]] = [{}, {}]
    # probe31 holds the question the two spellings answered differently (ay01)
    for questions, split in (("evals/dev-more.jsonl", "tune"), ("evals/probe31.jsonl", "")):
        for n, seed in enumerate(("1", "4")):
            env = {**os.environ, "RAG_INDEX_DIR": str(tmp_path / "index"),
                   "PYTHONHASHSEED": seed}
            out = tmp_path / f"run{seed}"
            p = subprocess.run([sys.executable, "-m", "rag", "eval", questions,
                                *(["--split", split] if split else []), "--llm", "none",
                                "--out", str(out)],
                               capture_output=True, text=True, env=env, timeout=1800,
                               cwd=Path(__file__).parent.parent)
            assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
            rows = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
            texts[n] |= {r["id"]: r["text"] for r in rows}
    assert len(texts[0]) == 45 + 20
    changed = {i: (texts[0][i], texts[1][i]) for i in texts[0] if texts[0][i] != texts[1][i]}
    assert not changed, changed
