"""Which chunk size retrieves best: hit rate@k and MRR of the gold articles of
evals/dev.jsonl, and answer accuracy on the evidence path, per chunk size.

    .venv/bin/python -m benchmarks.chunking [--sizes 64 128 256 512] [--overlap 16]

Writes benchmarks/results/chunking.json.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.common import save
from rag.corpus import load_corpus
from rag.evaluate import load_questions, run_eval
from rag.index import Index, load_embed_model, open_client
from rag.pipeline import Pipeline
from rag.settings import PROJECT_ROOT, Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[64, 128, 256, 512])
    ap.add_argument("--overlap", type=int, default=16)
    args = ap.parse_args()
    questions = load_questions(PROJECT_ROOT / "evals" / "dev.jsonl")
    embed = load_embed_model(Settings())
    articles, _ = load_corpus([PROJECT_ROOT / "seeds"])
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            s = Settings(index_dir=Path(tmp), chunk_size=size, chunk_overlap=args.overlap,
                         llm="none")
            index = Index(client=open_client(s), collection=s.collection, embed_model=embed,
                          chunk_size=size, chunk_overlap=args.overlap)
            index.ingest(articles)
            pipeline = Pipeline.build(s, index=index, llm=None)
            summary = run_eval(questions, pipeline.answer, pipeline.checker).summary
            row = {"chunk_size": size, "chunks": index.chunk_count(),
                   "hit_rate_at_5": round(summary["hit_rate"], 3),
                   "mrr": round(summary["mrr"], 3),
                   "accuracy_evidence_path": round(summary["accuracy"], 3),
                   "cited_article_precision": round(summary["cited_article_precision"], 3)}
            rows.append(row)
            print(row, flush=True)
    print(save("chunking", {"overlap": args.overlap, "top_k": Settings().top_k, "rows": rows}))


if __name__ == "__main__":
    main()
