"""The Gradio chat UI (``rag chat``)."""
