"""The code's own checks, run with the tests so CI holds them: ruff and mypy --strict
(settings in pyproject.toml) on the package."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=900)


def test_ruff_finds_nothing() -> None:
    p = _run("ruff", "check", "rag", "ui", "tests", "benchmarks")
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]


def test_mypy_strict_finds_nothing() -> None:
    p = _run("mypy")  # files and strict = true come from pyproject.toml
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
