"""The LLM backends in one table (as simonw/llm's model registry): each backend's
name, whether it takes several requests at once, what it is, and its factory.

The settings' allowed values, the CLI's ``--llm`` choices, the chat window's dropdown
and the pipeline's one-draft-at-a-time rule all read this table. Nothing heavy is
imported here: a factory imports its LLM class when it is called.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.errors import ConfigError, map_exceptions

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from rag.settings import Settings


@dataclass(frozen=True)
class Backend:
    name: str
    # takes several requests at once (a server); a local model holds one llama.cpp
    # context and drafts one answer at a time
    concurrent: bool
    summary: str
    factory: Callable[[Settings], LLM | None]


def _local(settings: Settings) -> LLM:
    from llama_index.core.llms import ChatMessage, MessageRole
    from llama_index.llms.llama_cpp import LlamaCPP

    from rag.generate import SEED, chatml, cited_grammar, default_gguf_path

    path = settings.llm_model_path or default_gguf_path()
    with map_exceptions(ConfigError, f"cannot load the GGUF model {path!r}: {{exc}}",
                        hint="set RAG_LLM_MODEL_PATH to a GGUF file, or RAG_LLM=none"):
        return LlamaCPP(
            model_path=path, temperature=0.0, max_new_tokens=settings.llm_max_tokens,
            context_window=settings.llm_context, messages_to_prompt=chatml,
            completion_to_prompt=lambda text: chatml(
                [ChatMessage(role=MessageRole.USER, content=text)]),
            model_kwargs={"seed": SEED, "n_threads": 2, "verbose": False},
            generate_kwargs={"top_k": 1, "stop": ["<|im_end|>", "\n\n\n"],
                             **({"grammar": cited_grammar()} if settings.llm_grammar else {})},
            verbose=False,
        )


def _openai(settings: Settings) -> LLM:
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        model=settings.openai_model, api_base=settings.openai_base_url,
        api_key=settings.api_key() or "not-needed", is_chat_model=True,
        temperature=0.0, max_tokens=settings.llm_max_tokens, timeout=settings.llm_timeout,
        max_retries=0, context_window=settings.llm_context,
    )


BACKENDS: dict[str, Backend] = {b.name: b for b in (
    Backend("local", False, "the bundled SmolLM2-135M through llama.cpp", _local),
    Backend("openai", True, "an OpenAI-compatible server (Ollama, vLLM, llama.cpp "
                            "server): RAG_OPENAI_BASE_URL", _openai),
    Backend("none", False, "no LLM: answers quote the evidence", lambda settings: None),
)}


def backend(name: str) -> Backend:
    """The backend called ``name``, or a ConfigError that lists the others."""
    if name not in BACKENDS:
        raise ConfigError(f"unknown LLM backend {name!r}",
                          hint=f"use one of {', '.join(BACKENDS)}")
    return BACKENDS[name]


def make_llm(settings: Settings, name: str | None = None) -> LLM | None:
    """The LLM for backend ``name`` (default: settings.llm); None for ``none``."""
    return backend(name or settings.llm).factory(settings)
