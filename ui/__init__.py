"""The Gradio chat UI (``rag chat``)."""

# Imported before gradio so its analytics and Chroma's telemetry are off from the start.
import rag.settings  # noqa: F401
