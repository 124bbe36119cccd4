import rag
from rag import errors


def test_public_api_is_pinned():
    assert sorted(rag.__all__) == sorted([
        "Answer", "BackendError", "Citation", "ConfigError", "EvalFileError",
        "IndexCorruptError", "InputError", "RagError", "Settings",
        "StoreUnavailableError", "answer", "get_settings", "stream_answer"])


def test_errors_form_one_tree_and_say_what_to_do():
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.RagError)
    e = errors.StoreUnavailableError("no server", hint="start it")
    assert str(e) == "no server - start it"


def test_settings_come_from_rag_environment(monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "9")
    monkeypatch.setenv("RAG_LLM", "none")
    s = rag.Settings()
    assert s.top_k == 9 and s.llm == "none"
