"""``python -m rag …`` works as the ``rag`` command does."""

from rag.cli import app

app()
