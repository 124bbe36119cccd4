"""Answer latency on the seeds: warm p50/p95 per stage for each answer path, and
cold start (a new `rag ask` process, index already built) to the first answer.

    .venv/bin/python -m benchmarks.latency [--rounds 3] [--llm none local]

Writes benchmarks/results/latency.json. Target: warm evidence-path p50 <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import p50, pct, save
from rag.backends import make_llm
from rag.corpus import load_corpus
from rag.index import Index, load_embed_model, open_client
from rag.pipeline import Pipeline
from rag.settings import PROJECT_ROOT, Settings

STAGES = ("retrieve", "generate", "cite", "total")


def warm(pipeline: Pipeline, questions: list[str], rounds: int) -> dict[str, dict[str, float]]:
    for q in questions:  # first pass fills caches (BM25, sentence vectors)
        pipeline.answer(q)
    timings: dict[str, list[float]] = {s: [] for s in STAGES}
    by_mode: dict[str, list[float]] = {}
    for _ in range(rounds):
        for q in questions:
            a = pipeline.answer(q)
            for s in STAGES:
                timings[s].append(a.timings.get(s, 0.0))
            by_mode.setdefault(a.mode, []).append(a.timings["total"])
    out = {s: {"p50_ms": round(1000 * p50(v), 1), "p95_ms": round(1000 * pct(v, 95), 1)}
           for s, v in timings.items()}
    out["by_path"] = {m: {"n": len(v), "p50_ms": round(1000 * p50(v), 1),
                          "p95_ms": round(1000 * pct(v, 95), 1)} for m, v in by_mode.items()}
    return out


def cold_start(index_dir: Path, llm: str) -> float:
    env = {**os.environ, "RAG_INDEX_DIR": str(index_dir), "RAG_LLM": llm}
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "rag.cli", "ask", "--json",
                        "Who was Lee Jong-sup's Japanese counterpart?"],
                       capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    seconds = time.perf_counter() - t
    if p.returncode != 0 or "Kishi" not in json.loads(p.stdout)["text"]:
        raise SystemExit(f"cold start run failed: {p.stderr[-500:]}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--llm", nargs="+", default=["none", "local"])
    args = ap.parse_args()
    questions = [json.loads(x)["question"] for x in
                 (PROJECT_ROOT / "evals" / "dev.jsonl").read_text().splitlines() if x.strip()]
    result: dict[str, object] = {"questions": len(questions), "rounds": args.rounds}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index")
        index = Index(client=open_client(settings), collection=settings.collection,
                      embed_model=load_embed_model(settings), chunk_size=settings.chunk_size,
                      chunk_overlap=settings.chunk_overlap)
        index.ingest(load_corpus([settings.seeds_dir])[0])
        base = Pipeline.build(settings, index=index, llm=None)
        for llm in args.llm:
            pipeline = base if llm == "none" else base.with_llm(make_llm(settings, llm), llm)
            result[f"warm_{llm}"] = warm(pipeline, questions, args.rounds)
            result[f"cold_start_s_{llm}"] = round(cold_start(settings.index_dir, llm), 2)
    evidence = result.get("warm_none", {}).get("by_path", {}).get("evidence", {})  # type: ignore[union-attr]
    result["target_evidence_p50_ms"] = 100
    result["target_met"] = bool(evidence) and evidence["p50_ms"] <= 100
    print(save("latency", result))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
