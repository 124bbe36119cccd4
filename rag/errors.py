"""The one exception tree of the project.

Every error meant for a user says what went wrong and what to do next; the CLI and
the UI turn these into messages at their edge, never into stack traces.

    RagError
    ├── ConfigError            a setting that cannot work (bad value, model missing)
    ├── InputError             a question or file that cannot be used as given
    │   └── EvalFileError      a malformed line of a question set (with its number)
    ├── IndexCorruptError      an index that cannot be read (rebuild it)
    ├── StoreUnavailableError  the Chroma server does not answer
    └── BackendError           the LLM server failed, timed out or answered garbage
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "RagError",
    "ConfigError",
    "InputError",
    "IndexCorruptError",
    "StoreUnavailableError",
    "BackendError",
    "EvalFileError",
    "map_exceptions",
]


class RagError(Exception):
    """Base of every error this package raises on purpose."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} - {self.hint}" if self.hint else self.message


class ConfigError(RagError):
    """A setting has a value that cannot work."""


class InputError(RagError):
    """The user's input (a question, a file) cannot be used as given."""


class IndexCorruptError(RagError):
    """The index exists but cannot be read."""


class StoreUnavailableError(RagError):
    """The Chroma server named in the settings does not answer."""


class BackendError(RagError):
    """The LLM backend failed, timed out or answered garbage."""


class EvalFileError(InputError):
    """A question-set file has a malformed line."""

    def __init__(self, message: str, *, line: int, hint: str = "") -> None:
        super().__init__(f"line {line}: {message}", hint=hint)
        self.line = line


@contextmanager
def map_exceptions(to: type[RagError], message: str, *, hint: str = "",
                   when: bool = True) -> Iterator[None]:
    """Turn what a library raises inside the block into ``to(message, hint=hint)``, the
    library's exception chained (as httpx's ``map_exceptions``). ``message`` may name the
    original as ``{exc}`` or ``{kind}``. Errors of this tree pass through unchanged, and
    with ``when=False`` everything does (the caller has nothing to add)."""
    try:
        yield
    except RagError:
        raise
    except Exception as exc:
        if not when:
            raise
        # replace, not str.format: a path or a name in the message may hold braces
        text = message.replace("{exc}", str(exc)).replace("{kind}", type(exc).__name__)
        raise to(text, hint=hint) from exc
