"""The citation contract, measured end to end with scripted LLMs.

Starts the project's scripted OpenAI-compatible server (rag.scripted_llm) on
127.0.0.1 once with the faithful script and once with the liar script, and runs
every question of evals/dev.jsonl and evals/dev-more.jsonl through the public
pipeline (``Pipeline.answer``, as ``rag.answer`` does) with ``--llm openai``
pointed at it. Writes benchmarks/results/contract.json and prints a table.

    python -m benchmarks.contract [--split tune|check|all]

- keep rate (faithful): answerable questions whose answer is the LLM's text, kept
  whole (llm) or in part (llm_partial), rather than replaced by quotes
- accuracy: answerable questions answered correctly; abstention: unanswerable ones
  abstained on
- leak rate (liar): answers whose kept LLM text holds one of the entry's wrong words;
  "quoted" counts the answers that hold one only inside a quoted article sentence
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

from rag.evaluate import load_questions, score
from rag.markers import strip_markers
from rag.scripted_llm import ScriptedLLMServer, load_script, normalise
from rag.settings import PROJECT_ROOT, Settings

EVALS = PROJECT_ROOT / "evals"
OUT = PROJECT_ROOT / "benchmarks" / "results" / "contract.json"
SETS = ("dev", "dev-more")


def split_ids(split: str) -> set[str] | None:
    if split == "all":
        return None
    data = json.loads((EVALS / "split.json").read_text())
    dev = {q.id for q in load_questions(EVALS / "dev.jsonl")}
    return set(data[split]) | (dev if split == "tune" else set())


def has_wrong(text: str, wrong: tuple[str, ...]) -> bool:
    low = normalise(strip_markers(text)).lower()
    return any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", low) for w in wrong)


def run(split: str) -> dict[str, Any]:
    from rag.backends import make_llm
    from rag.pipeline import Pipeline, ensure_index

    ids = split_ids(split)
    base = ensure_index(Pipeline.from_settings(Settings(llm="none")))
    results: dict[str, Any] = {"split": split, "modes": {}, "sentences": []}
    for mode in ("faithful", "liar"):
        rows = []
        for name in SETS:
            questions = [q for q in load_questions(EVALS / f"{name}.jsonl")
                         if ids is None or q.id in ids]
            script = load_script(EVALS / "llm-scripts" / f"{mode}.{name}.json")
            wrong = {e.id: e.wrong for e in script.values()}
            with ScriptedLLMServer(script) as server:
                settings = Settings(llm="openai", openai_base_url=server.base_url,
                                    openai_model="scripted")
                pipeline = base.with_llm(make_llm(settings, "openai"), "openai")
                for q in questions:
                    a = pipeline.answer(q.question)
                    v = score(q, a)
                    llm_text = a.mode in ("llm", "llm_partial")
                    rows.append({"id": q.id, "answerable": q.answerable, "mode": a.mode,
                                 "correct": v.correct, "abstained": a.abstained,
                                 "leak": llm_text and has_wrong(a.text, wrong.get(q.id, ())),
                                 "quoted_wrong": not llm_text and has_wrong(
                                     a.text, wrong.get(q.id, ())),
                                 "text": a.text, "refused": [list(r) for r in a.refused]})
                    if llm_text:
                        for c in a.citations:
                            results["sentences"].append({"mode": mode, "id": q.id,
                                                         "quote": c.quote})
                if server.unknown:
                    print(f"{mode}.{name}: {len(server.unknown)} questions not in the script")
        ans = [r for r in rows if r["answerable"]]
        una = [r for r in rows if not r["answerable"]]
        full = sum(r["mode"] == "llm" for r in ans)
        part = sum(r["mode"] == "llm_partial" for r in ans)
        results["modes"][mode] = {
            "questions": len(rows),
            "keep_rate": (full + part) / max(1, len(ans)),
            "kept_full": full, "kept_partial": part,
            "accuracy": sum(r["correct"] for r in ans) / max(1, len(ans)),
            "abstention": sum(r["abstained"] for r in una) / max(1, len(una)),
            "leak_rate": sum(r["leak"] for r in rows) / max(1, len(rows)),
            "leaks": [r["id"] for r in rows if r["leak"]],
            "quoted_wrong": sum(r["quoted_wrong"] for r in rows),
            "answers": rows,
        }
    return results


def table(results: dict[str, Any]) -> str:
    f, li = results["modes"]["faithful"], results["modes"]["liar"]
    return "\n".join([
        f"| split {results['split']} | faithful LLM | liar LLM |",
        "|---|---|---|",
        f"| questions | {f['questions']} | {li['questions']} |",
        f"| keep rate (whole + partial) | {f['keep_rate']:.3f} ({f['kept_full']} + "
        f"{f['kept_partial']}) | {li['keep_rate']:.3f} |",
        f"| accuracy (answerable) | {f['accuracy']:.3f} | {li['accuracy']:.3f} |",
        f"| abstention (unanswerable) | {f['abstention']:.3f} | {li['abstention']:.3f} |",
        f"| leak rate (kept LLM text with a wrong word) | {f['leak_rate']:.3f} | "
        f"{li['leak_rate']:.3f} ({len(li['leaks'])}) |",
        f"| wrong word only inside a quote | {f['quoted_wrong']} | {li['quoted_wrong']} |",
    ])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=["tune", "check", "all"])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    began = time.perf_counter()
    results = run(args.split)
    results["seconds"] = round(time.perf_counter() - began, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out = args.out if args.split == "all" else args.out.with_name(
        f"{args.out.stem}.{args.split}.json")
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(table(results))
    print(f"written {out}")


if __name__ == "__main__":
    main()
