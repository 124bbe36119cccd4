"""The rag command in process: typer's CliRunner with a pipeline passed in as the
context's obj (the seeds, the hashed fake embedder, no LLM), so these need no model
and no subprocess. tests/test_cli.py keeps the end-to-end runs of the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.pipeline import Pipeline
from tests.conftest import FakeLLM, build_pipeline


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return build_pipeline(tmp_path_factory.mktemp("cli-inprocess"))


def run(pipeline: Pipeline, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), obj=pipeline)
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_the_answer_and_its_sources(pipeline):
    code, out, _ = run(pipeline, "ask", "When did Seoul scrap its intelligence-sharing "
                       "agreement with Japan?")
    assert code == 0
    assert "August 2019" in out.splitlines()[0] and "[1]" in out.splitlines()[0]
    assert "RT.com" in out and "“Seoul scrapped" in out


@pytest.mark.parametrize(("flag", "check"), [
    ("--json", lambda out: json.loads(out)["citations"][0]["doc_id"].startswith("001")),
    ("--markdown", lambda out: out.startswith("**When did Seoul") and "\n1. *" in out),
])
def test_ask_as_json_and_as_markdown(pipeline, flag, check):
    code, out, _ = run(pipeline, "ask", flag, "When did Seoul scrap its intelligence-sharing "
                       "agreement with Japan?")
    assert code == 0 and check(out), out


def test_an_abstention_lists_related_reading(pipeline):
    code, out, _ = run(pipeline, "ask", "What is the population of Busan?")
    assert code == 0 and out.startswith("The articles don't say.")


@pytest.mark.parametrize(("question", "why"), [
    ("What is the population of Busan?", "abstained: nothing in them mentions busan"),
    ("How many Japanese troops are stationed in South Korea?",
     "abstained: no passage about it gives a number"),
])
def test_verbose_ask_says_why_it_abstained(pipeline, question, why):
    _, _, err = run(pipeline, "ask", "-v", question)
    assert why in err, err
    _, _, quiet = run(pipeline, "ask", question)
    assert "abstained:" not in quiet
    code, out, _ = run(pipeline, "ask", "--json", question)
    assert code == 0 and json.loads(out)["why"] == why.removeprefix("abstained: ")


@pytest.mark.parametrize(("args", "code", "says"), [
    (["ask", "   "], 1, "question is empty"),          # our error: exit 1, what to do
    (["remove", "no-such-article"], 1, "no article 'no-such-article'"),
    (["ask", "q?", "--llm", "gpt-9"], 2, "gpt-9"),     # click's usage error stays 2
    (["eval", "does-not-exist.jsonl"], 1, "does-not-exist.jsonl"),
])
def test_errors_exit_with_a_message_and_no_traceback(pipeline, args, code, says):
    got, out, err = run(pipeline, *args)
    assert got == code and says in out + err and "Traceback" not in out + err


def test_sources_lists_every_article_tab_separated_when_piped(pipeline):
    code, out, _ = run(pipeline, "sources")
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t")[:4] == ["id", "title", "outlet", "date"]
    assert len(lines) == 6 and any("\tRT.com\t2022-06-13\t" in line for line in lines)


def test_eval_writes_its_report_and_fails_below_a_threshold(pipeline, tmp_path: Path):
    out = tmp_path / "run"
    code, stdout, stderr = run(pipeline, "eval", "evals/dev.jsonl", "--out", str(out),
                               "--limit", "4", "--min-accuracy", "1.01")
    assert code == 1 and "below threshold" in stderr
    summary = json.loads((out / "summary.json").read_text())["rag"]
    assert summary["questions"] == 4 and "report.md" in stdout


def test_llm_option_swaps_the_backend_of_the_given_pipeline(pipeline):
    # "none" on a pipeline without an LLM is the same pipeline; a fake LLM's refusal
    # on a pipeline that has one is not shown as an answer
    with_llm = pipeline.with_llm(FakeLLM("The articles do not say."), "local")
    code, out, _ = run(with_llm, "ask", "--llm", "none", "Who was Lee Jong-sup's Japanese "
                       "counterpart?")
    assert code == 0 and "Nobuo Kishi" in out


@pytest.mark.parametrize("args", [["ask", "-v"], ["-v", "ask"]])
def test_verbose_ask_prints_each_refused_sentence_with_its_reason(pipeline, args):
    with_llm = pipeline.with_llm(FakeLLM(
        "Seoul scrapped an intelligence-sharing agreement with Japan in August 2019. [1] "
        "Seoul scrapped an intelligence-sharing agreement with China in 2017. [1]"), "local")
    code, _, err = run(with_llm, *args, "When did Seoul scrap its intelligence-sharing "
                       "agreement with Japan?")
    assert code == 0
    refused = [line for line in err.splitlines() if line.startswith("refused:")]
    assert len(refused) == 1 and "China" in refused[0] and " — " in refused[0], err
    _, _, quiet = run(pipeline.with_llm(FakeLLM(
        "Seoul scrapped an intelligence-sharing agreement with China in 2017. [1]"), "local"),
        "ask", "When did Seoul scrap its intelligence-sharing agreement with Japan?")
    assert "refused:" not in quiet
