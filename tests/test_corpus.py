from pathlib import Path

import pytest

from rag.chunks import chunk_article, count_tokens
from rag.corpus import load_corpus, load_file, parse_text
from rag.errors import InputError
from rag.sentences import split_sentences
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    articles, skipped = load_corpus([SEEDS])
    assert skipped == []
    return {a.doc_id[:3]: a for a in articles}


def body(article) -> str:
    return " ".join(article.text[s.start:s.end] for s in article.segments)


def test_every_seed_loads_with_metadata(seeds):
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    assert (seeds["000"].outlet, seeds["000"].date) == ("Kyodo", "")
    assert (seeds["001"].outlet, seeds["001"].date) == ("RT.com", "2022-06-13")
    assert (seeds["002"].outlet, seeds["002"].date) == ("Reuters", "2023-12-11")
    assert (seeds["004"].outlet, seeds["004"].date) == ("Yonhap", "2023-04-17")
    assert seeds["004"].date_num == 20230417 and seeds["000"].date_num == 0
    assert seeds["002"].title == ("Japan, South Korea seek to deepen cooperation, "
                                  "overcome old disputes")


def test_boilerplate_is_gone(seeds):
    rt = body(seeds["001"])
    for junk in ("Wildfires", "Boeing", "Tesla", "daily dose", "Publish news", "More Information"):
        assert junk not in rt
    jt = body(seeds["003"])
    for junk in ("%c2", "japan-skorea-diplomacy", "Related Post"):
        assert junk not in jt
    assert body(seeds["000"]).count("South Korea willing to normalize security") == 1
    assert "•" not in body(seeds["002"]) and "Reuters" not in body(seeds["002"])
    assert "date 2023-04-17" not in body(seeds["004"])


def test_captions_are_kept_and_marked(seeds):
    kinds = {s.kind for s in seeds["003"].segments}
    assert "caption" in kinds
    caption = next(s for s in seeds["004"].segments if s.kind == "caption")
    assert seeds["004"].text[caption.start:caption.end].startswith("Seo Min-jung")


def test_sentence_offsets_quote_the_file_exactly(seeds):
    for a in seeds.values():
        raw = (SEEDS / f"{a.doc_id}.txt").read_text(encoding="utf-8")
        for s in a.sentences():
            assert raw[s.start:s.end] == s.text


def test_stray_full_stops_do_not_split_sentences(seeds):
    texts = [s.text for s in seeds["003"].sentences()]
    assert not any(len(t.split()) < 3 for t in texts)
    assert any("Chung Jin-suk, chief. of the delegation" in t for t in texts)
    # a stop inside a name, before a piece with no finite verb
    assert any("Prime Minister Fumio. Kishida despite opposition" in t for t in texts)


@pytest.mark.parametrize(("text", "pieces"), [
    ("They met Prime Minister Fumio. Kishida despite opposition from his party.", 1),
    # a real sentence after a name
    ("They met Prime Minister Fumio Kishida. Kishida said the talks went well.", 2),
    ("Lee met Foreign Minister Park Jin. His counterpart was also there.", 2),
    # no name before the stop: a verbless headline-like piece stays apart
    ("They met in the capital. Talks in Seoul and more to come soon.", 2),
])
def test_a_stop_inside_a_name_does_not_end_the_sentence(text: str, pieces: int) -> None:
    assert len(split_sentences(text)) == pieces


def test_chunks_respect_token_size_and_overlap(seeds):
    for a in seeds.values():
        chunks = chunk_article(a, 64, 16)
        for c in chunks:
            assert count_tokens(c.text) <= 64 or len(c.sentences) == 1
            assert a.text[c.start:c.sentences[0].end] == c.sentences[0].text
        order = [s.start for s in a.sentences()]
        covered = [s.start for c in chunks for s in c.sentences]
        assert set(covered) == set(order)  # no sentence is lost
        for prev, nxt in zip(chunks, chunks[1:], strict=False):
            # the next chunk starts at or before the sentence after the previous one
            after_prev = order.index(prev.sentences[-1].start) + 1
            assert order.index(nxt.sentences[0].start) <= after_prev
        # ids are content hashes: the same article chunks the same way twice
        assert [c.chunk_id for c in chunks] == [c.chunk_id for c in chunk_article(a, 64, 16)]


def test_unusable_files_are_skipped_by_name(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Headline here\n\nSeoul and Tokyo met on Monday to talk.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    articles, skipped = load_corpus([tmp_path])
    assert [a.doc_id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["blob.txt"]
    assert "unsupported" in reasons["notes.docx"]


def test_legacy_encoding_is_read(tmp_path: Path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Headline\n\nThe caf\u00e9 in Seoul hosted the talks on Monday.".encode("cp1252"))
    assert "café" in load_file(f).text


def test_article_without_text_is_refused():
    with pytest.raises(InputError, match="no article text"):
        parse_text("x", "Only A Headline\n")
