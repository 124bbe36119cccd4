"""The peer we measure against: LlamaIndex's CitationQueryEngine over the same
Chroma collection, embedder and LLM (``rag eval --compare llamaindex``)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from llama_index.core.base.response.schema import Response

from rag.cite import REFUSAL
from rag.pipeline import Pipeline
from rag.results import Answer, Citation


def llamaindex_answerer(pipeline: Pipeline) -> Callable[[str], Answer]:
    from llama_index.core import VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.query_engine import CitationQueryEngine

    index = VectorStoreIndex.from_vector_store(pipeline.index.vector_store,
                                               embed_model=pipeline.index.embed_model)
    engine = CitationQueryEngine.from_args(index, llm=pipeline.generator.llm or MockLLM(),
                                           similarity_top_k=pipeline.settings.top_k)

    def answer(question: str) -> Answer:
        began = time.perf_counter()
        response = engine.query(question)
        assert isinstance(response, Response)  # not streaming: one whole response
        total = time.perf_counter() - began
        text = str(response.response or "").strip()
        citations = []
        for n, hit in enumerate(response.source_nodes, 1):
            meta = hit.node.metadata
            quote = re.sub(r"^Source \d+:\s*", "", hit.node.get_content())
            citations.append(Citation(n=n, doc_id=meta.get("doc_id", ""),
                                      title=meta.get("title", ""), outlet=meta.get("outlet", ""),
                                      date=meta.get("date", ""), quote=quote,
                                      start=int(meta.get("start", 0)), end=int(meta.get("end", 0))))
        used = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
        abstained = not text or bool(REFUSAL.search(text))
        return Answer(question=question, text=text, abstained=abstained,
                      citations=tuple(c for c in citations if c.n in used), mode="llamaindex",
                      timings={"retrieve": 0.0, "generate": total, "cite": 0.0, "total": total},
                      retrieved=tuple(c.doc_id for c in citations))

    return answer
