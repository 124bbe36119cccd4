import shutil
from pathlib import Path

import pytest

from rag.corpus import load_corpus
from rag.retrieve import outlets_named
from tests.conftest import SEEDS, build_pipeline


def test_ingest_twice_adds_nothing(tmp_path: Path):
    pipeline = build_pipeline(tmp_path)
    before = pipeline.index.chunk_count()
    articles, _ = load_corpus([SEEDS])
    report = pipeline.index.ingest(articles)
    assert report.added == report.updated == () and len(report.unchanged) == 5
    assert report.chunks_added == 0 and pipeline.index.chunk_count() == before
    texts = pipeline.index.chunk_texts()
    assert len(texts) == before and any("Shangri-La Dialogue" in t for t in texts)


def test_an_index_split_by_an_older_sentence_splitter_is_split_again(tmp_path: Path):
    from rag import sentences

    pipeline = build_pipeline(tmp_path)
    index = pipeline.index
    got = index._articles.get(include=["metadatas"])
    assert all(m["fingerprint"].endswith(f":s{sentences.VERSION}") for m in got["metadatas"])
    # as an index built before the splitter recorded its version
    index._articles.update(ids=got["ids"], metadatas=[
        {**m, "fingerprint": m["fingerprint"].rsplit(":", 1)[0]} for m in got["metadatas"]])
    articles, _ = load_corpus([SEEDS])
    report = index.ingest(articles)
    assert len(report.updated) == 5 and report.chunks_added == index.chunk_count()
    assert index.ingest(articles).unchanged == report.updated


def test_changed_article_replaces_its_chunks_and_sync_removes(tmp_path: Path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    pipeline = build_pipeline(tmp_path, paths=[folder])
    index = pipeline.index
    target = folder / "002_2a060b5815092e32.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "in 12 years", "in twelve long years"), encoding="utf-8")
    (folder / "004_0013d773590689b8.txt").unlink()
    articles, _ = load_corpus([folder])
    report = index.ingest(articles, sync=True)
    assert report.updated == ("002_2a060b5815092e32",)
    assert report.removed == ("004_0013d773590689b8",)
    hits = pipeline.retriever.retrieve("first visit by a Japanese leader to Seoul")
    texts = [p.text for p in hits]
    assert any("twelve long years" in t for t in texts)
    assert not any("in 12 years" in t for t in texts)
    assert {a.doc_id for a in index.articles()} == {a.doc_id for a in articles}
    assert all(p.doc_id != "004_0013d773590689b8"
               for p in pipeline.retriever.retrieve("Security Policy Consultation Seoul"))


def test_retrieval_is_hybrid_deduplicated_and_never_returns_boilerplate(real_pipeline):
    passages = real_pipeline.retriever.retrieve("wildfires Boeing Tesla mortgage coffee tariffs")
    ids = [p.chunk_id for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
        for junk in ("Wildfires", "Boeing", "Tesla", "mortgage"):
            assert junk not in p.text
    top = real_pipeline.retriever.retrieve("Takeshima Dokdo islets")[0]
    assert "Takeshima" in top.text
    assert real_pipeline.retriever.retrieve("   ") == []


def test_passage_sentences_carry_article_offsets(real_pipeline):
    info = {a.doc_id: a for a in real_pipeline.index.articles(with_text=True)}
    for p in real_pipeline.retriever.retrieve("radar lock-on dispute patrol plane"):
        for s in p.sentences:
            assert info[p.doc_id].text[s.start:s.end] == s.text


def test_remove_and_list_sources(tmp_path: Path):
    pipeline = build_pipeline(tmp_path)
    listed = pipeline.index.articles()
    assert [a.outlet for a in listed][:3] == ["Kyodo", "RT.com", "Reuters"]
    assert all(a.chunks > 0 for a in listed)
    assert pipeline.index.remove("001_3331d411a437cf58")
    assert not pipeline.index.remove("001_3331d411a437cf58")
    assert len(pipeline.index.articles()) == 4


def test_an_index_refuses_a_different_embedding_model(tmp_path: Path):
    from benchmarks.common import HashedEmbedding
    from rag.errors import ConfigError
    from rag.index import Index, open_client
    from tests.conftest import make_settings

    build_pipeline(tmp_path)
    settings = make_settings(tmp_path)
    with pytest.raises(ConfigError) as refused:
        Index(client=open_client(settings), collection=settings.collection,
              embed_model=HashedEmbedding(128), chunk_size=settings.chunk_size,
              chunk_overlap=settings.chunk_overlap)
    assert "hashed-128" in refused.value.message and "RAG_COLLECTION" in refused.value.hint
    assert "rag ingest --rebuild" in refused.value.hint


def test_whole_collections_are_read_in_pages(tmp_path: Path):
    # 100 k chunks in one get() hit SQLite's variable limit (benchmarks/scale.py)
    from rag.index import get_all

    pipeline = build_pipeline(tmp_path)
    chunks = pipeline.index._chunks
    whole = get_all(chunks, ["metadatas"], page=7)
    assert len(whole["ids"]) == len(set(whole["ids"])) == chunks.count()
    assert get_all(chunks, ["metadatas"], page=chunks.count())["ids"] == whole["ids"]


def test_a_corpus_smaller_than_top_k_still_answers(tmp_path: Path):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(SEEDS / "000_ad989b7582d59421.txt", one)
    pipeline = build_pipeline(tmp_path, paths=[one], chunk_size=512)
    assert pipeline.index.chunk_count() < 10
    # a change-over-time question retrieves 2 x top_k candidates; this article has no
    # 2018 in it, so the answer is an abstention with the article as related reading
    a = pipeline.answer("How did relations change between 2018 and 2022?", top_k=8)
    assert a.abstained and {c.doc_id for c in a.related} == {"000_ad989b7582d59421"}
    b = pipeline.answer("Who was Lee Jong-sup's Japanese counterpart?", top_k=8)
    assert not b.abstained and "Nobuo Kishi" in b.text
    assert {c.doc_id for c in b.citations} == {"000_ad989b7582d59421"}


def test_concurrent_retrievals_with_different_k_each_get_their_own(tmp_path: Path):
    import threading
    import time

    from tests.conftest import FakeEmbedding

    class SlowQueries(FakeEmbedding):  # widens the window in which threads interleave
        def _get_query_embedding(self, query: str) -> list[float]:
            time.sleep(0.01)
            return super()._get_query_embedding(query)

    pipeline = build_pipeline(tmp_path, embed=SlowQueries())
    query = "security cooperation Japan Korea"
    alone = {k: [p.chunk_id for p in pipeline.retriever.retrieve(query, top_k=k)]
             for k in (2, 9)}
    wrong: list[tuple[int, list[str]]] = []

    def worker(k: int) -> None:
        for _ in range(15):
            got = [p.chunk_id for p in pipeline.retriever.retrieve(query, top_k=k)]
            if got != alone[k]:  # same ranking as when asked alone
                wrong.append((k, got))

    threads = [threading.Thread(target=worker, args=(k,)) for k in (2, 9, 2, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


@pytest.mark.parametrize(("question", "named", "outlet"), [
    # the named outlet's article is searched first, whatever words the question shares
    ("What triggered the 2018 downturn in Seoul-Tokyo ties?", "as RT tells it", "RT.com"),
    ("How are Seoul and Tokyo described?", "in the Reuters piece", "Reuters"),
])
def test_a_named_outlets_articles_are_retrieved_first(real_pipeline, question: str, named: str,
                                                      outlet: str) -> None:
    k = real_pipeline.settings.top_k
    plain = [p.outlet for p in real_pipeline.retriever.retrieve(question)]
    passages = real_pipeline.retriever.retrieve(f"{question[:-1]}, {named}?")
    outlets = [p.outlet for p in passages]
    assert len(passages) == k and outlets.count(outlet) > plain.count(outlet)
    assert any(o != outlet for o in outlets)  # room for a report of it elsewhere
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


@pytest.mark.parametrize(("query", "named"), [
    ("What triggered the downturn, as RT tells it?", {"rt"}),
    ("What does RT's piece say?", {"rt"}),
    ("According to the Japan Times, who met?", {"jt"}),
    ("What did Japan say at the times it met?", set()),  # a word of a name is not it
    ("according to reuters, what happened?", {"reuters"}),  # typed in lower case
    ("Who started the talks?", set()),  # "rt" inside a word is not RT
])
def test_a_query_names_an_outlet_by_its_name(query: str, named: set[str]) -> None:
    outlets = {"rt": "RT.com", "jt": "The Japan Times", "reuters": "Reuters"}
    assert outlets_named(query, outlets) == named
