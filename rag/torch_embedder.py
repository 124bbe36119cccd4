"""The sentence-transformers path (``RAG_EMBED_RUNTIME=torch``), kept apart so that
the default ONNX path never imports torch."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from llama_index.embeddings.huggingface import HuggingFaceEmbedding


class TorchEmbedding(HuggingFaceEmbedding):
    """sentence-transformers' model with the word-piece vectors the citation check
    aligns (its runtime, for :func:`rag.embedder.identity`, is torch by default)."""

    def __init__(self, model_name: str, *, device: str, embed_batch_size: int) -> None:
        super().__init__(model_name=model_name, device=device,
                         embed_batch_size=embed_batch_size)

    @classmethod
    def class_name(cls) -> str:
        return "TorchEmbedding"

    def token_vectors(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """Contextual vectors of ``text``'s word pieces (normalised) with their
        character offsets, as :meth:`rag.embedder.OnnxEmbedding.token_vectors`."""
        model: Any = self._model  # a SentenceTransformer; [0] is its transformer
        enc = model.tokenizer(text, return_offsets_mapping=True, return_tensors="pt",
                              truncation=True, max_length=model.max_seq_length)
        offsets = [(int(a), int(b)) for a, b in enc.pop("offset_mapping")[0].tolist()]
        enc = enc.to(model.device)
        with torch.no_grad():
            out = model[0].auto_model(**enc).last_hidden_state[0].cpu().numpy()
        out = out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-12)
        return out.astype(np.float32), offsets
