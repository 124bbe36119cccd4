"""Ingest throughput and peak memory with the real bundled embedder.

    .venv/bin/python -m benchmarks.ingest [--articles 120] [--chunk-size 256]

Writes benchmarks/results/ingest.json. Target (issue 14): >= 50 chunks/s of 256 tokens.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.common import peak_rss_mb, save
from benchmarks.synthetic import articles
from rag.chunks import count_tokens
from rag.index import Index, load_embed_model, open_client
from rag.language import nlp
from rag.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--chunk-size", type=int, default=256)
    args = ap.parse_args()

    settings = Settings(chunk_size=args.chunk_size, chunk_overlap=16)
    began = time.perf_counter()
    embed = load_embed_model(settings)
    embed.get_text_embedding("warm up")
    docs = list(articles(args.articles, sentences=40))
    docs[0].sentences()  # loads the sentence splitter (nltk, 2 s): once a process
    nlp()  # and spaCy's tagger, which it asks about a stop inside a name (1 s): once
    count_tokens("warm up")  # and tiktoken's encoding (0.25 s): once a process
    load_s = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings(index_dir=Path(tmp), chunk_size=args.chunk_size, chunk_overlap=16)
        index = Index(client=open_client(s), collection=s.collection, embed_model=embed,
                      chunk_size=s.chunk_size, chunk_overlap=s.chunk_overlap)
        t = time.perf_counter()
        report = index.ingest(docs)
        seconds = time.perf_counter() - t
        tokens = [count_tokens(d) for d in index.chunk_texts()]
    result = {
        "articles": args.articles,
        "chunk_size_tokens": args.chunk_size,
        "chunks": report.chunks_added,
        "mean_chunk_tokens": round(sum(tokens) / len(tokens), 1),
        "seconds": round(seconds, 2),
        "chunks_per_s": round(report.chunks_added / seconds, 1),
        "model_load_s": round(load_s, 2),
        "peak_rss_mb": round(peak_rss_mb()),
        "target_chunks_per_s": 50,
    }
    result["target_met"] = result["chunks_per_s"] >= 50
    print(save("ingest", result))
    for k, v in result.items():
        print(f"{k:>22}: {v}")


if __name__ == "__main__":
    main()
