"""Stage 4: hybrid retrieval (dense + BM25, reciprocal rank fusion), deduplicated."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING

from rag.corpus import outlet_name
from rag.errors import StoreUnavailableError, map_exceptions
from rag.index import Index, node_passage
from rag.results import Passage

if TYPE_CHECKING:
    from llama_index.core.retrievers import QueryFusionRetriever

log = logging.getLogger(__name__)

# How much wider the pool is from which a named outlet's passages are drawn (not tuned:
# wide enough to hold most of one article's chunks at the default top_k)
OUTLET_POOL = 3


def outlets_named(query: str, outlets: dict[str, str]) -> set[str]:
    """The ids of ``outlets`` ({doc_id: outlet}) whose outlet ``query`` names, by its
    name alone ("RT" for "RT.com") and as whole words ("The Japan Times", not "Japan")."""
    named = set()
    for doc_id, outlet in outlets.items():
        name = outlet_name(outlet)
        if name and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", query, re.I):
            named.add(doc_id)
    return named


class Retriever:
    def __init__(self, index: Index, *, top_k: int) -> None:
        self.index = index
        self.top_k = top_k
        self._fusion: QueryFusionRetriever | None = None
        self._built_for: tuple[int, int] | None = None
        # the fusion retriever and BM25's k are shared state: one query at a time sets
        # and uses them (retrieval takes milliseconds; the LLM is elsewhere)
        self._lock = threading.Lock()
        self._outlets: tuple[int, dict[str, str]] | None = None

    def retrieve(self, query: str, *, top_k: int | None = None) -> list[Passage]:
        """The ``top_k`` passages for ``query``, best first; [] for an empty query."""
        query = " ".join(query.split())
        if not query:
            return []
        # a server that went away after start-up; the next request retries it
        with map_exceptions(StoreUnavailableError,
                            f"the Chroma server at {self.index.server_url} does not answer",
                            hint="start it again (chroma run --path DIR --host 127.0.0.1 "
                                 "--port N); nothing else needs restarting",
                            when=bool(self.index.server_url)):
            top_k = top_k or self.top_k
            own = self._named_outlet_docs(query)
            if not own:
                return self._retrieve(query, top_k)
            # "as RT tells it", "according to the Reuters piece": the named outlet's own
            # articles come first among a wider pool (its passages may share few words
            # with the question), the rest keep their places as room allows; "according
            # to Kyodo" may also mean a sentence elsewhere that quotes Kyodo
            pool = self._retrieve(query, top_k * OUTLET_POOL)
            first = [p for p in pool if p.doc_id in own][: max(1, top_k - 1)]
            kept = first + [p for p in pool if p.doc_id not in own][: top_k - len(first)]
            return sorted(kept, key=pool.index)

    def _named_outlet_docs(self, query: str) -> set[str]:
        """The indexed articles whose outlet the query names by name ("RT" for
        "RT.com")."""
        if self._outlets is None or self._outlets[0] != self.index.version:
            self._outlets = (self.index.version, {
                a.doc_id: a.outlet for a in self.index.articles() if a.outlet})
        return outlets_named(query, self._outlets[1])

    def _retrieve(self, query: str, top_k: int) -> list[Passage]:
        duplicates = self.index.duplicates()
        top_k_fetch = top_k * 2 if duplicates else top_k  # room for the hits dropped below
        key = (top_k_fetch, self.index.version)
        with self._lock:
            if self._fusion is None or self._built_for != key:
                self._fusion = self.index.retriever(top_k_fetch)
                self._built_for = key
            hits = self._fusion.retrieve(query)
        passages: list[Passage] = []
        seen: set[str] = set()
        # a near-duplicate's chunks say what its earlier version says: cite that one
        for hit in hits:
            if hit.node.node_id in seen or hit.node.metadata.get("doc_id") in duplicates:
                continue
            seen.add(hit.node.node_id)
            passages.append(node_passage(hit.node, float(hit.score or 0.0)))
        return passages[:top_k]
