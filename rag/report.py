"""Files of an eval run: answers.jsonl, summary.json, report.md and PNG plots."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rag.evaluate import EvalRun

FIGURES = (
    ("hit_rate", "retrieval hit rate@k"),
    ("mrr", "retrieval MRR"),
    ("accuracy", "answerable accuracy"),
    ("abstention", "abstention on unanswerable"),
    ("false_abstention", "false abstention"),
    ("hallucination_rate", "hallucination rate"),
    ("crag_score", "CRAG score"),
    ("citation_coverage", "citation coverage"),
    ("cited_article_precision", "cited-article precision"),
    ("citation_recall", "citation recall (ALCE)"),
    ("citation_precision", "citation precision (ALCE)"),
    ("median_words", "median answer words"),
)


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def figures_table(summaries: dict[str, dict[str, Any]]) -> str:
    names = list(summaries)
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label in FIGURES:
        lines.append(f"| {label} | " + " | ".join(_fmt(summaries[n][key]) for n in names) + " |")
    for stage in ("retrieve", "generate", "cite", "total"):
        for p in ("p50", "p95"):
            values = [summaries[n]["latency_s"][stage][p] for n in names]
            # a peer that does not time a stage separately reports 0 for it: say so
            cells = [f"{v:.3f}" if v or stage == "total" else "not timed" for v in values]
            if len(names) == 2 and values[0] and values[1]:
                cells[1] += f" (x{values[1] / values[0]:.1f})"
            lines.append(f"| latency {stage} {p} (s) | " + " | ".join(cells) + " |")
    lines.append("| answer paths | " + " | ".join(
        ", ".join(f"{k} {v}" for k, v in sorted(summaries[n]["modes"].items())) for n in names)
        + " |")
    return "\n".join(lines)


def write_run(out: Path, runs: dict[str, EvalRun]) -> dict[str, dict[str, Any]]:
    """Write every file of the run(s); the first run is ours, any other a peer."""
    out.mkdir(parents=True, exist_ok=True)
    summaries = {name: run.summary for name, run in runs.items()}
    ours = next(iter(runs))
    run = runs[ours]
    with (out / "answers.jsonl").open("w", encoding="utf-8") as f:
        for q, a, v in zip(run.questions, run.answers, run.verdicts, strict=True):
            f.write(json.dumps({"id": q.id, "kind": q.kind, **a.to_dict(),
                                "verdict": asdict(v)}, ensure_ascii=False) + "\n")
    (out / "summary.json").write_text(json.dumps(summaries, indent=2), encoding="utf-8")
    rows = ["| id | kind | verdict | mode | words | answer |", "|---|---|---|---|---|---|"]
    for q, a, v in zip(run.questions, run.answers, run.verdicts, strict=True):
        text = a.text.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| {q.id} | {q.kind} | {'right' if v.correct else 'WRONG'} | {a.mode} "
                    f"| {v.words} | {text[:160]}{'…' if len(text) > 160 else ''} |")
    (out / "report.md").write_text(
        "# Eval report\n\n## Figures\n\n" + figures_table(summaries)
        + "\n\n## Questions\n\n" + "\n".join(rows) + "\n\n" + llm_sentences(run) + "\n\n"
        "![accuracy by kind](accuracy_by_kind.png)\n\n![latency by stage](latency_by_stage.png)\n",
        encoding="utf-8")
    _plots(out, summaries)
    return summaries


def llm_sentences(run: EvalRun) -> str:
    """Every LLM sentence shown to a user with the quotes it cites, and every LLM
    sentence the check refused with its reason, so a reader can check the check."""
    from rag.cite import parse_claims

    shown = ["## LLM sentences shown, with their quotes", ""]
    refused = ["## LLM sentences refused, with the reason", ""]
    for q, a in zip(run.questions, run.answers, strict=True):
        if a.mode in ("llm", "llm_partial"):
            by_n = {c.n: c for c in a.citations}
            for text, markers in parse_claims(a.text):
                quotes = " / ".join(f"“{by_n[n].quote}”" for n in markers if n in by_n)
                shown.append(f"- **{q.id}** {text} — {quotes}")
        for text, reason in a.refused:
            refused.append(f"- **{q.id}** {text} — *{reason}*")
    if len(shown) == 2:
        shown.append("(none)")
    if len(refused) == 2:
        refused.append("(none)")
    return "\n".join(shown + [""] + refused)


def _plots(out: Path, summaries: dict[str, dict[str, Any]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(summaries)
    width = 0.8 / len(names)
    kinds = sorted({k for s in summaries.values() for k in s["by_kind"]})
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for i, name in enumerate(names):
        vals = [summaries[name]["by_kind"].get(k, {}).get("accuracy", 0) for k in kinds]
        ax.bar([x + i * width for x in range(len(kinds))], vals, width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(kinds))], kinds)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy")
    ax.set_title("Accuracy by question kind")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "accuracy_by_kind.png", dpi=100)
    plt.close(fig)

    stages = ("retrieve", "generate", "cite", "total")
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for i, name in enumerate(names):
        p50 = [summaries[name]["latency_s"][s]["p50"] for s in stages]
        p95 = [summaries[name]["latency_s"][s]["p95"] for s in stages]
        xs = [x + i * width for x in range(len(stages))]
        ax.bar(xs, p50, width, label=f"{name} p50")
        ax.scatter(xs, p95, marker="_", s=200, color="black")
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(stages))], stages)
    ax.set_ylabel("seconds (bar p50, tick p95)")
    ax.set_title("Latency by stage")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "latency_by_stage.png", dpi=100)
    plt.close(fig)
