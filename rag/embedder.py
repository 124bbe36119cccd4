"""The sentence embedder: a sentence-transformers model run by ONNX Runtime.

Importing torch alone takes 2.3 s on two cores and embeds about 30 chunks/s; the same
MiniLM exported to ONNX with its MatMul weights quantised to int8 per channel runs at
about twice that, at mean cosine >= 0.99 to the torch vectors (benchmarks/README.md),
and ``onnxruntime`` with ``tokenizers`` imports in 0.1 s. The export needs torch, so it
happens once per model, on first use, into ``RAG_MODEL_CACHE``; every later process
loads the ``.onnx`` file only. ``RAG_EMBED_RUNTIME=torch`` keeps the sentence-transformers
path (with ``RAG_DEVICE`` for a GPU).

Vectors of different runtimes differ slightly, so the runtime is part of the model's
identity (:func:`identity`) and an index built with another one is refused.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from rag.errors import ConfigError

log = logging.getLogger(__name__)

RUNTIMES = ("onnx-int8", "onnx", "torch")
DEVICES = ("auto", "cpu", "cuda")
# Texts per forward pass of the torch and fp32 ONNX models; the ONNX embedder orders
# the texts it is handed by length first, so a pass pads little.
EMBED_BATCH = 8
# The int8 model runs one text per pass. Its activations are quantised with one scale
# per pass, so in a shared pass a text's vector depended on its pass-mates (cosine 0.99
# to itself alone): a sentence ranked differently after other questions had filled the
# cache, and a query (always alone) met chunk vectors made in company. Alone, a vector
# depends on its text only, and nothing is padded: 480 synthetic 256-token chunks
# embed at 52-62/s, as in passes of 8 ordered by length (55-59/s; in arrival order 55/s).
INT8_PASS = 1
# Texts LlamaIndex hands over at once (ingest writes WRITE_BATCH chunks per step)
EMBED_WINDOW = 256
_FORMAT = 1  # bump when the export changes, so old exports are rebuilt


def choose_device(requested: str, *, cuda_available: bool) -> str:
    """"cuda" or "cpu" for ``RAG_DEVICE``: auto takes a GPU when there is one."""
    if requested not in DEVICES:
        raise ConfigError(f"unknown device {requested!r}",
                          hint=f"set RAG_DEVICE to one of {', '.join(DEVICES)}")
    if requested == "cuda" and not cuda_available:
        raise ConfigError("RAG_DEVICE=cuda but no CUDA device is usable here",
                          hint="install a CUDA build of onnxruntime-gpu (or torch for "
                               "RAG_EMBED_RUNTIME=torch), or set RAG_DEVICE=auto")
    if requested == "auto":
        return "cuda" if cuda_available else "cpu"
    return requested


def onnx_providers(device: str) -> list[str]:
    if device == "cuda":
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


def pooling_of(model_dir: Path) -> str:
    """"mean" or "cls", as the sentence-transformers folder pools token vectors."""
    cfg_path = model_dir / "1_Pooling" / "config.json"
    if not cfg_path.exists():
        return "mean"  # a plain transformers folder: sentence-transformers' default
    cfg = json.loads(cfg_path.read_text())
    if cfg.get("pooling_mode_mean_tokens"):
        return "mean"
    if cfg.get("pooling_mode_cls_token"):
        return "cls"
    raise ConfigError(f"{model_dir} pools tokens in a way the ONNX runtime does not support",
                      hint="set RAG_EMBED_RUNTIME=torch for this model")


def _max_length(model_dir: Path) -> int:
    cfg = model_dir / "sentence_bert_config.json"
    if cfg.exists():
        return int(json.loads(cfg.read_text()).get("max_seq_length", 256))
    return 256


def export_dir(model_dir: Path, cache: Path, runtime: str) -> Path:
    """Where the export of ``model_dir`` for ``runtime`` lives: one folder per model
    (its path and weights' size, so a replaced model is exported again)."""
    weights = sorted(model_dir.glob("*.safetensors")) or sorted(model_dir.glob("*.bin"))
    stamp = f"{model_dir.resolve()}|{[w.stat().st_size for w in weights]}|{_FORMAT}"
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:12]
    return cache / f"{model_dir.name}-{runtime}-{digest}"


@contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """The quantizer advises through ``logging.warning``, which would also install a
    handler on the root logger for good; a NullHandler and a raised level stop both."""
    root, null = logging.getLogger(), logging.NullHandler()
    level = root.level
    root.addHandler(null)
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)
        root.removeHandler(null)


def export(model_dir: Path, dest: Path, *, quantize: bool) -> Path:
    """Export ``model_dir`` (a sentence-transformers folder) to ``dest/model.onnx`` with
    its tokenizer. Written into a temporary folder first and renamed, so a killed
    export or two processes exporting at once never leave a half-written model."""
    if (dest / "model.onnx").exists():
        return dest
    if not (model_dir / "tokenizer.json").exists():
        raise ConfigError(f"{model_dir} has no tokenizer.json (a fast tokenizer)",
                          hint="set RAG_EMBED_RUNTIME=torch for this model")
    # a warning, not info: the first command on a new machine would otherwise sit
    # silent for the ten seconds this takes
    log.warning("first use: exporting the embedding model %s to ONNX (about 10 s, once; "
                "kept in %s)", "/".join(model_dir.parts[-2:]), dest.parent)
    import torch
    from transformers import AutoModel, AutoTokenizer

    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    work.chmod(0o755)  # mkdtemp's 0700 would hide a shared cache from other users
    try:
        # eager attention exports as plain MatMul/Softmax, which ONNX Runtime's
        # optimizer fuses into its Attention op (SDPA's export is not recognised)
        model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
        tok = AutoTokenizer.from_pretrained(str(model_dir))
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids")
                 if n in tok.model_input_names]
        sample = tok(["a sample sentence", "another"], padding=True, return_tensors="pt")
        axes: dict[str, dict[int, str]] = {n: {0: "batch", 1: "tokens"} for n in names}
        axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
        traced = work / "traced.onnx"

        class ByName(torch.nn.Module):  # forward()'s positional order varies by model
            def __init__(self) -> None:
                super().__init__()
                self.inner = model

            def forward(self, *args: Any) -> Any:
                return self.inner(**dict(zip(names, args, strict=True))).last_hidden_state

        # the tracer's warnings are about shapes that the dynamic axes cover
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(ByName().eval(), tuple(sample[n] for n in names), str(traced),
                              input_names=names, output_names=["last_hidden_state"],
                              dynamic_axes=axes, opset_version=17, dynamo=False)
        fp32 = work / ("fp32.onnx" if quantize else "model.onnx")
        config = model.config
        if config.model_type == "bert":
            from onnxruntime.transformers.optimizer import optimize_model

            fused = optimize_model(str(traced), model_type="bert",
                                   num_heads=config.num_attention_heads,
                                   hidden_size=config.hidden_size)
            fused.save_model_to_file(str(fp32))
            traced.unlink()
        else:
            traced.rename(fp32)
        if quantize:
            from onnx import TensorProto
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # Per channel, the fused Attention op's weights too: 53 chunks/s at cosine
            # 0.993 to fp32 here; MatMul only 44/s at 0.995; per tensor 0.93 (too far)
            with _quiet_root_logger():
                quantize_dynamic(str(fp32), str(work / "model.onnx"), per_channel=True,
                                 op_types_to_quantize=["MatMul", "Attention"],
                                 weight_type=QuantType.QInt8,
                                 extra_options={"DefaultTensorType": TensorProto.FLOAT})
            fp32.unlink()
        shutil.copy(model_dir / "tokenizer.json", work / "tokenizer.json")
        (work / "export.json").write_text(json.dumps({
            "source": str(model_dir), "pooling": pooling_of(model_dir),
            "max_length": _max_length(model_dir), "inputs": names, "int8": quantize}))
        try:
            os.replace(work, dest)
        except OSError:  # another process finished first
            if not (dest / "model.onnx").exists():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dest


def pass_order(lengths: list[int], size: int) -> list[list[int]]:
    """Row indices of texts grouped into passes of at most ``size``, shortest first, so
    that each pass pads to the longest of texts of similar length."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    return [order[i : i + size] for i in range(0, len(order), size)]


class OnnxEmbedding(BaseEmbedding):
    """A LlamaIndex embedding model over an ONNX export (see :func:`export`)."""

    runtime: str = "onnx-int8"
    _session: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()
    _pool: str = PrivateAttr()
    _inputs: list[str] = PrivateAttr()
    _pass: int = PrivateAttr()

    def __init__(self, folder: Path, *, model_name: str, runtime: str, device: str = "cpu",
                 embed_batch_size: int = EMBED_WINDOW) -> None:
        super().__init__(model_name=model_name, embed_batch_size=embed_batch_size)
        self.runtime = runtime
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((folder / "export.json").read_text())
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(folder / "model.onnx"), options,
                                             providers=onnx_providers(device))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=int(meta["max_length"]))
        self._tokenizer.enable_padding()
        self._pool = meta["pooling"]
        self._inputs = list(meta["inputs"])
        self._pass = INT8_PASS if runtime == "onnx-int8" else EMBED_BATCH

    @classmethod
    def class_name(cls) -> str:
        return "OnnxEmbedding"

    def _run(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        """The transformer's last hidden state for a pass of rows of word pieces."""
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        return np.asarray(self._session.run(None, {n: feeds[n] for n in self._inputs})[0])

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """Vectors of ``texts`` in their order, computed in passes of texts of similar
        length (padding is work thrown away)."""
        if not texts:
            return []
        encs = self._tokenizer.encode_batch(texts)  # padded to the longest of all
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
        types = np.array([e.type_ids for e in encs], dtype=np.int64)
        lengths = mask.sum(axis=1)
        done: list[int] = []
        parts: list[np.ndarray] = []
        for rows in pass_order(lengths.tolist(), self._pass):
            width = int(lengths[rows].max())
            hidden = self._run(ids[rows, :width], mask[rows, :width], types[rows, :width])
            parts.append(self._pooled(hidden, mask[rows, :width]))
            done.extend(rows)
        stacked = np.concatenate(parts)
        out = np.empty_like(stacked)
        out[done] = stacked
        return [list(map(float, v)) for v in out]

    def _pooled(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._pool == "cls":
            pooled = hidden[:, 0]
        else:
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms: np.ndarray = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / (norms + 1e-12))

    def token_vectors(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """Contextual vectors of ``text``'s word pieces (normalised) with their character
        offsets ((0, 0) for special tokens), as rag.vectors.SentenceVectors.tokens
        caches them."""
        enc = self._tokenizer.encode(text)
        hidden = self._run(np.array([enc.ids], dtype=np.int64),
                           np.array([enc.attention_mask], dtype=np.int64),
                           np.array([enc.type_ids], dtype=np.int64))
        out = hidden[0] / (np.linalg.norm(hidden[0], axis=1, keepdims=True) + 1e-12)
        return out.astype(np.float32), [(int(a), int(b)) for a, b in enc.offsets]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embed([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embed(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def identity(embed_model: BaseEmbedding) -> str:
    """What an index records as its model: the folder's last two parts, and the
    runtime unless it is torch (whose indexes predate the runtimes)."""
    name = "/".join(Path(embed_model.model_name).parts[-2:])
    runtime = getattr(embed_model, "runtime", "torch")
    return name if runtime == "torch" else f"{name} ({runtime})"


def load(model_dir: Path, *, runtime: str, device: str, cache: Path) -> BaseEmbedding:
    """The embedder for the settings' runtime and device."""
    if runtime not in RUNTIMES:
        raise ConfigError(f"unknown embedding runtime {runtime!r}",
                          hint=f"set RAG_EMBED_RUNTIME to one of {', '.join(RUNTIMES)}")
    if runtime == "torch":
        import torch

        from rag.torch_embedder import TorchEmbedding

        chosen = choose_device(device, cuda_available=torch.cuda.is_available())
        return TorchEmbedding(model_name=str(model_dir), device=chosen,
                              embed_batch_size=EMBED_BATCH)
    import onnxruntime as ort

    chosen = choose_device(device, cuda_available="CUDAExecutionProvider"
                           in ort.get_available_providers())
    folder = export(model_dir, export_dir(model_dir, cache, runtime),
                    quantize=runtime == "onnx-int8")
    return OnnxEmbedding(folder, model_name=str(model_dir), runtime=runtime, device=chosen)
