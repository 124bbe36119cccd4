from pathlib import Path

import pytest

from rag.errors import EvalFileError
from rag.evaluate import (
    Question,
    facts_found,
    load_questions,
    missed_thresholds,
    score,
    summarise,
)
from rag.results import Answer, Citation

Q = Question("q1", "fact", "Who was Lee's Japanese counterpart?", (("Nobuo Kishi", "Kishi"),),
             ("000_ad989b7582d59421",))
U = Question("u1", "unanswerable", "What is the population of Busan?", (), ())
QUOTE = "His Japanese counterpart Nobuo Kishi was also in attendance."
CITE = Citation(n=1, doc_id="000_ad989b7582d59421", title="t", outlet="Kyodo", date="",
                quote=QUOTE, start=485, end=545)


def answer(text: str, *, abstained: bool = False, citations=(CITE,), retrieved=()) -> Answer:
    return Answer(question="q", text=text, abstained=abstained, citations=citations,
                  mode="evidence",
                  timings={"retrieve": 0.01, "generate": 0.0, "cite": 0.001, "total": 0.02},
                  retrieved=retrieved)


def test_correct_answer_scores_right(real_pipeline):
    v = score(Q, answer("His counterpart was Nobuo Kishi. [1]",
                        retrieved=("001_3331d411a437cf58", "000_ad989b7582d59421")),
              real_pipeline.checker)
    assert v.correct and v.hit_rank == 2 and v.cited_sentences == v.sentences == 1
    assert v.supported_sentences == 1 and v.precise_citations == v.citations == 1


def test_wrong_answer_is_a_hallucination(real_pipeline):
    v = score(Q, answer("His counterpart was Yoon Suk Yeol. [1]"), real_pipeline.checker)
    assert not v.correct and v.answered and v.supported_sentences == 0
    s = summarise([Q], [answer("x")], [v])
    assert s["hallucination_rate"] == 1.0 and s["crag_score"] == -1.0


def test_abstention_is_right_only_when_unanswerable():
    assert score(U, answer("The articles don't say.", abstained=True, citations=())).correct
    v = score(Q, answer("The articles don't say.", abstained=True, citations=()))
    assert not v.correct and not v.answered
    s = summarise([Q, U], [answer("", abstained=True)] * 2, [v, score(U, answer(
        "", abstained=True, citations=()))])
    assert s["false_abstention"] == 1.0 and s["abstention"] == 1.0 and s["accuracy"] == 0.0


def test_uncited_sentence_lowers_coverage(real_pipeline):
    v = score(Q, answer("Nobuo Kishi attended. [1] He also likes golf."), real_pipeline.checker)
    assert (v.sentences, v.cited_sentences) == (2, 1)
    assert summarise([Q], [answer("x")], [v])["citation_coverage"] == 0.5


def test_fact_matching_follows_the_readme():
    assert facts_found("Relations were normalized [2].", [["normaliz"]]) == [True]
    assert facts_found("abnormalization", [["normaliz"]]) == [False]
    assert facts_found("Lee Jong-sup spoke.", [["Lee Jong Sup"], ["spoke"]]) == [True, True]


@pytest.mark.parametrize("line, problem", [
    ('{"id": "a", "kind": "fact", "question": "q?", "facts": [["x"]]', "not valid JSON"),
    ('{"id": "a", "kind": "opinion", "question": "q?", "facts": [["x"]]}', "'kind'"),
    ('{"id": "a", "kind": "fact", "question": "", "facts": [["x"]]}', "'question'"),
    ('{"id": "a", "kind": "fact", "question": "q?", "facts": "x"}', "'facts'"),
    ('{"id": "a", "kind": "fact", "question": "q?", "facts": []}', "at least one fact"),
    ('["a"]', "JSON object"),
])
def test_malformed_line_names_its_number_and_problem(tmp_path: Path, line: str, problem: str):
    f = tmp_path / "set.jsonl"
    good = '{"id": "ok", "kind": "unanswerable", "question": "q?", "facts": [], "sources": []}'
    f.write_text(good + "\n\n" + line + "\n")
    with pytest.raises(EvalFileError) as info:
        load_questions(f)
    assert info.value.line == 3 and problem in str(info.value)


def test_dev_set_loads():
    qs = load_questions(Path("evals/dev.jsonl"))
    assert len(qs) == 31 and sum(not q.answerable for q in qs) == 3


def test_thresholds():
    s = {"accuracy": 0.8, "abstention": 1.0, "citation_coverage": 1.0}
    assert missed_thresholds(s, min_accuracy=0.9) == ["accuracy 0.800 < 0.9"]
    assert missed_thresholds(s, min_accuracy=0.5, min_abstention=1.0) == []


def test_report_lists_every_shown_llm_sentence_with_its_quote_and_every_refusal():
    from rag.evaluate import EvalRun, Question
    from rag.report import llm_sentences

    q = Question("x1", "fact", "Who attended?", (("Kishi",),), ("d",))
    quote = Citation(n=1, doc_id="d", title="t", outlet="Kyodo", date="",
                     quote="Kishi was also in attendance.", start=0, end=29)
    kept = Answer(question="Who attended?", text="Kishi attended. [1]", abstained=False,
                  citations=(quote,), mode="llm",
                  refused=(("Yoon attended too", "'Yoon' is in no cited sentence"),))
    text = llm_sentences(EvalRun([q], [kept], []))
    assert "**x1** Kishi attended. — “Kishi was also in attendance.”" in text
    assert "**x1** Yoon attended too — *'Yoon' is in no cited sentence*" in text
    evidence = Answer(question="Who attended?", text="Kishi was also in attendance. [1]",
                      abstained=False, citations=(quote,), mode="evidence")
    assert llm_sentences(EvalRun([q], [evidence], [])).count("(none)") == 2
