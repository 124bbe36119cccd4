"""Who a question means when it calls a person by an office instead of a name.

Readers reword: "What did the Japanese premier say he hoped to talk about?" asks about
the man the articles call "Japanese Prime Minister Fumio Kishida" and then "Kishida".
A sentence that answers names him, not his office, so it shares few words with the
question and its similarity is low. ``resolve`` finds, among the people the retrieved
passages name with an office, the one person the question's description fits, and
names them in the question: a full name in the description's place ("What did Fumio
Kishida say ..."), a one-word name beside it ("According to Lee, the Korea University
academic, ..."), as "Lee" alone could be another Lee.

A description fits a person when its noun is their office or a broader word for it
(WordNet: a prime minister is a premier, a professor an academic, a minister a
diplomat), each of its qualifiers that some candidate's office has is theirs too
("defense", "Korea University"; "top" qualifies no one's office and is passed over),
and its country ("Tokyo's", "Japanese", "the American") is not another country's.
When more than one person fits, the question stays as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import permutations
from typing import TYPE_CHECKING

from rag.align import country_code, country_of, key
from rag.evidence import people_offices
from rag.language import parse
from rag.lexicon import lexicon
from rag.question import NOT_QUALIFIERS
from rag.results import Passage

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})


def resolve(question: str, passages: Sequence[Passage]) -> str:
    """``question`` with each description of a person that fits exactly one person of
    ``passages`` named (see the module's notes); ``question`` itself otherwise."""
    doc = parse(question)
    descriptions = [(t, d) for t in doc for d in [_description(t)] if d is not None]
    if not descriptions:
        return question
    # sentence by sentence: the ranker parses the same sentences (the parse is cached)
    people = [(name, parts, office) for p in passages for s in p.sentences
              for name, parts, office in people_offices(s.text, across_of=True)
              if office]
    named = {key(t.text) for t in doc if t.ent_type_ == "PERSON"}
    edits: list[tuple[int, int, str]] = []
    for t, (start, end, quals, country) in descriptions:
        fits = _fitting(str(t.lemma_).lower(), quals, country, people)
        persons = _persons(fits)
        if len(persons) != 1 or persons[0] & named:
            continue
        # the longest spelling, the best-ranked passage's among equals ("Lee Jong-sup"
        # and "Lee Jong Sup"): a set's order changes with the process's hash seed
        name = max(dict.fromkeys(name for name, parts in fits), key=len)
        edits.append((start, end, name))
    out = question
    for start, end, name in reversed(edits):  # right to left: offsets stay valid
        phrase = out[start:end]
        tail = out[end:]
        sep = "" if not tail or tail[0] in ",?.!'’" else ","
        if len(name.split()) > 1:  # a full name says who it is
            out = f"{out[:start]}{name}{tail}"
            continue
        if start == 0:
            phrase = phrase[:1].lower() + phrase[1:]
        out = f"{out[:start]}{name}, {phrase}{sep}{tail}"
    if out != question:
        log.info("read %r as %r", question, out)
    return out


def _description(t: Token) -> tuple[int, int, list[Token], str] | None:
    """The character span of the person description ``t`` heads ("the Japanese
    premier", "Tokyo's top diplomat"), its qualifying words and its country; None when
    ``t`` heads no such description or the question asks who it is."""
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.ent_type_:
        return None
    if not t.whitespace_ and t.i + 1 < len(t.doc) and t.nbor().text in "-–":
        return None  # part of a word: "president-elect" is no president yet
    lx = lexicon()
    if lx is None or not lx.kind_of(str(t.lemma_).lower(), "person", "n"):
        return None
    left = [c for c in t.children if c.dep_ in _MODIFIERS and c.i < t.i]
    words = [w for c in left for w in c.subtree if w.dep_ not in ("case", "punct", "det")]
    span = list(t.doc[t.left_edge.i: t.i])
    # one person in particular: "the Japanese premier", "Tokyo's top diplomat"; not "a
    # Japanese diplomat", "which minister", nor "in relation to"
    if any(w.tag_ in ("WDT", "WP", "WP$") or w.dep_ == "det" and w.lower_ != "the"
           for w in span) or not any(w.lower_ == "the" or w.dep_ == "poss" for w in span):
        return None
    if t.dep_ == "appos" or any(c.dep_ == "appos" for c in t.children):
        return None  # named beside it already: "Abe, Japan's prime minister"
    if t.head.lemma_ == "be" and (t.dep_ != "nsubj" or any(
            c.lower_ in ("who", "whom", "what") for c in t.head.children)):
        return None  # "who is the Japanese premier", "was Abe still the premier": no one
    if t.head.lower_ == "of" and t.head.head.lemma_ in ("name", "identity"):
        return None  # "the name of the official" asks who it is
    of = [w for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i
          for w in c.subtree if w.dep_ not in ("prep", "det", "punct")]
    if any(w.ent_type_ == "PERSON" for w in words + of):
        return None
    country = next((c for w in words + of for c in [country_of(w)] if c), "")
    quals = [w for w in words + of if not country_of(w) and w.pos_ in ("NOUN", "PROPN", "ADJ")
             and w.lower_ not in NOT_QUALIFIERS]
    last = t.doc[max([t.i, *(w.i for w in of)])]
    return t.left_edge.idx, last.idx + len(last.text), quals, country


def _fitting(noun: str, quals: list[Token], country: str,
             people: list[tuple[str, tuple[str, ...], set[str]]],
             ) -> list[tuple[str, tuple[str, ...]]]:
    """The mentions of ``people`` whose office the description fits, those of the
    description's own country first-class: when any names that country, only they."""
    lx = lexicon()
    if lx is None:
        return []
    held = [(name, parts, office) for name, parts, office in people
            if any(key(o) == key(noun) or lx.kind_of(o, noun, "n")
                   for o in _office_terms(office))]
    # every noun of the description is the office's; an adjective only when some
    # office has it ("foreign"), not when it grades the office ("top")
    offices_words = {key(w) for _, _, office in held for w in office}
    needed = {key(str(q.lemma_)) for q in quals
              if q.pos_ != "ADJ" or key(str(q.lemma_)) in offices_words}
    held = [h for h in held if needed <= {key(w) for w in h[2]}]
    if country:
        def countries(office: set[str]) -> set[str]:
            return {c for w in office for c in [country_code(key(w))] if c}
        held = [h for h in held if not countries(h[2]) or country in countries(h[2])]
        own = [h for h in held if country in countries(h[2])]
        held = own or held
    return [(name, parts) for name, parts, _ in held]


def _office_terms(office: set[str]) -> list[str]:
    """An office's words and its two-word terms ("prime minister" -> prime_minister),
    as WordNet spells them."""
    return [*office, *(f"{a}_{b}" for a, b in permutations(office, 2))]


def _persons(mentions: list[tuple[str, tuple[str, ...]]]) -> list[frozenset[str]]:
    """The distinct people among ``mentions``: mentions that share a word of their
    names are one person ("Fumio Kishida", "Kishida")."""
    groups: list[frozenset[str]] = []
    for _, parts in mentions:
        keys = frozenset(key(p) for p in parts)
        joined = [g for g in groups if g & keys]
        groups = [g for g in groups if not g & keys] + [keys.union(*joined)]
    return groups
