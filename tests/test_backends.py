"""The backend table: names, concurrency and factories, and everything that reads it."""

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from rag.backends import BACKENDS, backend, make_llm
from rag.cli import app
from rag.errors import ConfigError
from rag.settings import Settings


@pytest.mark.parametrize(("name", "concurrent"), [
    ("local", False), ("openai", True), ("none", False),
])
def test_the_table_says_which_backends_take_concurrent_requests(name: str, concurrent: bool
                                                                ) -> None:
    assert backend(name).concurrent is concurrent and backend(name).summary


def test_an_unknown_backend_is_refused_everywhere_with_the_known_ones() -> None:
    with pytest.raises(ConfigError) as info:
        backend("gpt5")
    assert all(name in info.value.hint for name in BACKENDS)
    with pytest.raises(ValidationError, match="use one of local, openai, none"):
        Settings(llm="gpt5")
    result = CliRunner().invoke(app, ["ask", "--llm", "gpt5", "Who is Kishi?"])
    assert result.exit_code == 2 and "gpt5" in result.output  # click's usage error


def test_none_makes_no_llm_and_openai_makes_a_client_without_contacting_it() -> None:
    assert make_llm(Settings(llm="none")) is None
    llm = make_llm(Settings(), "openai")
    assert llm is not None and type(llm).__name__ == "OpenAILike"


def test_the_pipeline_drafts_one_answer_at_a_time_only_for_a_non_concurrent_backend(
        real_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert real_pipeline.with_llm(None, "local").generator.exclusive
    assert not real_pipeline.with_llm(None, "openai").generator.exclusive
