"""The one exception tree of the project.

Every error meant for a user says what went wrong and what to do next; the CLI and
the UI turn these into messages at their edge, never into stack traces.
"""

from __future__ import annotations

__all__ = [
    "RagError",
    "ConfigError",
    "InputError",
    "IndexMissingError",
    "IndexCorruptError",
    "StoreUnavailableError",
    "BackendError",
    "EvalFileError",
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


class IndexMissingError(RagError):
    """There is no index yet where the settings point."""


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
