import pytest

import rag
from rag import errors


def test_public_api_is_pinned():
    assert sorted(rag.__all__) == sorted([
        "Answer", "BackendError", "Citation", "ConfigError", "Draft", "EvalFileError",
        "IndexCorruptError", "InputError", "RagError", "Settings",
        "StoreUnavailableError", "answer", "get_settings", "stream_answer"])


def test_errors_form_one_tree_and_say_what_to_do():
    classes = [getattr(errors, n) for n in errors.__all__ if n != "map_exceptions"]
    assert len(classes) == 7 and all(issubclass(c, errors.RagError) for c in classes)
    e = errors.StoreUnavailableError("no server", hint="start it")
    assert str(e) == "no server - start it"


def test_settings_come_from_rag_environment(monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "9")
    monkeypatch.setenv("RAG_LLM", "none")
    s = rag.Settings()
    assert s.top_k == 9 and s.llm == "none"


@pytest.mark.parametrize(("raised", "when", "expected"), [
    (OSError("disk gone"), True, "StoreUnavailableError: store {x} failed: disk gone (OSError)"),
    (OSError("disk gone"), False, "OSError: disk gone"),  # nothing to add: passes through
    (rag.InputError("bad question"), True, "InputError: bad question"),  # already ours
])
def test_map_exceptions_turns_library_errors_into_the_tree(raised, when, expected):
    from rag.errors import StoreUnavailableError, map_exceptions

    with pytest.raises(Exception) as info:
        with map_exceptions(StoreUnavailableError, "store {x} failed: {exc} ({kind})",
                            hint="start it", when=when):
            raise raised
    assert f"{type(info.value).__name__}: {info.value.args[0]}" == expected
    if isinstance(info.value, StoreUnavailableError):
        assert info.value.hint == "start it" and info.value.__cause__ is raised
