"""How ingest, index size, retrieval and answers grow with the corpus.

    .venv/bin/python -m benchmarks.scale [--sizes 1000 10000 100000] [--embed hashed|real]

A deterministic synthetic corpus (benchmarks/synthetic.py) is ingested at each size
(in chunks). The default ``hashed`` embedder costs microseconds, so ingest figures are
the store's own cost; retrieval is timed with hashed queries (the store's cost) and
with the real model's query embedding, and answers end to end use the real model
for the query and the sentence ranking, as a user's answer does. Built indexes are
kept in benchmarks/.cache so reruns skip ingest. Writes benchmarks/results/scale-*.json.
Target: retrieval p50 <= 50 ms at 100 k chunks.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import threading
import time

from benchmarks.common import CACHE, HashedEmbedding, dir_size_mb, p50, pct, save
from benchmarks.synthetic import PEOPLE, PLACES, TOPICS, articles
from rag.index import Index, load_embed_model, open_client
from rag.pipeline import Pipeline
from rag.settings import Settings

CHUNKS_PER_ARTICLE = 2  # 10 synthetic sentences at the default 128-token chunks


def queries(n: int) -> list[str]:
    rng = random.Random(7)
    forms = ["What did {p} say about {t}?", "When did officials in {c} discuss {t}?",
             "How many {u} does the plan on {t} cover?", "Who met counterparts in {c}?"]
    return [rng.choice(forms).format(p=rng.choice(PEOPLE), t=rng.choice(TOPICS),
                                     c=rng.choice(PLACES), u="tonnes") for _ in range(n)]


def build(size: int, embed_name: str, embed, fresh: bool) -> tuple[Index, Settings, dict]:  # type: ignore[no-untyped-def]
    folder = CACHE / f"scale-{embed_name}-{size}"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    settings = Settings(index_dir=folder, collection="scale")
    index = Index(client=open_client(settings), collection=settings.collection,
                  embed_model=embed, chunk_size=settings.chunk_size,
                  chunk_overlap=settings.chunk_overlap)
    stats: dict = {}
    if index.chunk_count() == 0:
        n_articles = size // CHUNKS_PER_ARTICLE
        t = time.perf_counter()
        report = index.ingest(articles(n_articles))
        stats["ingest_s"] = round(time.perf_counter() - t, 1)
        stats["chunks_per_s"] = round(report.chunks_added / stats["ingest_s"], 1)
        (folder / "ingest.json").write_text(json.dumps(stats))
    else:
        stats = json.loads((folder / "ingest.json").read_text())
    stats["chunks"] = index.chunk_count()
    stats["index_mb"] = round(dir_size_mb(folder), 1)
    return index, settings, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--embed", choices=["hashed", "real"], default="hashed")
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--fresh", action="store_true", help="rebuild cached indexes")
    args = ap.parse_args()
    real = load_embed_model(Settings())
    embed = HashedEmbedding(384) if args.embed == "hashed" else real
    qs = queries(args.queries)
    t_embed = []
    for q in qs[:30]:
        t = time.perf_counter()
        real.get_query_embedding(q)
        t_embed.append(time.perf_counter() - t)
    query_embed_ms = round(1000 * p50(t_embed), 1)
    rows = []
    for size in args.sizes:
        index, settings, stats = build(size, args.embed, embed, args.fresh)
        # the same collection seen through the real model: its query and sentence
        # embeddings are what a user's answer pays for (search cost does not depend on
        # what the stored vectors mean)
        # (Index refuses to open a collection with another model, so the view is a copy)
        real_view = copy.copy(index)
        real_view.embed_model = real
        real_view._lock = threading.Lock()
        store = Pipeline.build(settings, index=index, llm=None)
        user = Pipeline.build(settings, index=real_view, llm=None)
        t = time.perf_counter()
        store.retriever.retrieve(qs[0])  # builds BM25 over every chunk
        stats["bm25_build_s"] = round(time.perf_counter() - t, 1)
        user.retriever.retrieve(qs[0])
        retrieve, retrieve_real, answer = [], [], []
        for q in qs:
            t = time.perf_counter()
            store.retriever.retrieve(q)
            retrieve.append(time.perf_counter() - t)
            t = time.perf_counter()
            user.retriever.retrieve(q)
            retrieve_real.append(time.perf_counter() - t)
        for q in qs:
            answer.append(user.answer(q).timings["total"])
        stats.update(
            size=size,
            retrieve_p50_ms=round(1000 * p50(retrieve), 1),
            retrieve_p95_ms=round(1000 * pct(retrieve, 95), 1),
            retrieve_p50_ms_real_query=round(1000 * p50(retrieve_real), 1),
            retrieve_p95_ms_real_query=round(1000 * pct(retrieve_real, 95), 1),
            answer_p50_ms=round(1000 * p50(answer), 1),
        )
        rows.append(stats)
        print(json.dumps(stats), flush=True)
    for prev, cur in zip(rows, rows[1:], strict=False):
        factor = cur["chunks"] / prev["chunks"]
        cur["growth_vs_previous"] = {
            k: round(cur[k] / prev[k], 2) for k in
            ("ingest_s", "index_mb", "retrieve_p50_ms", "answer_p50_ms") if prev.get(k)}
        cur["growth_vs_previous"]["chunks"] = round(factor, 2)
    last = rows[-1]
    result = {"embed": args.embed, "query_embedding_p50_ms_real_model": query_embed_ms,
              "rows": rows, "target_retrieve_p50_ms_at_100k": 50,
              "target_met": last["size"] >= 100000 and last["retrieve_p50_ms"] <= 50}
    print(save(f"scale-{args.embed}", result))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
