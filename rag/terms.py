"""Words, stems and key terms: the lexical side of support checks and ranking.

A *key term* is what a sentence must not get wrong: a name (a capitalised word),
a number or a month. Content terms are stemmed (Snowball, via PyStemmer, which
the BM25 retriever already needs) so "normalize" and "normalization" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rag.dates import MONTHS

_WORD = re.compile(r"[^\W_][\w'’]*(?:-[^\W_][\w'’]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "eleventh": "11th", "twelfth": "12th",
}
STOPWORDS = frozenset(
    """a about above according after again against ago all also although am among an and any
    are as at be because been before being below between both but by can could did do does
    doing during each either few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like many me
    meanwhile more most much must my myself no nor not now of off on once only or other our
    ours out over own per said same say says she should since so some such than that the their
    theirs them themselves then there these they this those through thus to too under until up
    upon us very was we were what when where whether which while who whom whose why will with
    within would yet you your yours did what's who's where's when's how's mr ms mrs dr
    according tell told please answer question""".split()
)
# Words that are capitalised for grammar, not because they name something.
_NOT_NAMES = STOPWORDS | {"yes", "no", "ok", "oh", "well", "so", "and", "or", "but"}


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # PyStemmer has no type information
    import Stemmer

    return Stemmer.Stemmer("english")


# British -> American spelling, applied to both sides before stemming.
# British doubling of a final "l" happens after an unstressed second syllable only
# ("travelled", "cancelling", "fuelled"), never in "called" or "killed", which the rule
# made "caled" and "kiled" (stems "cale", "kile": no longer "call" and "kill").
_SPELLING = ((re.compile(r"ence$"), "ense"), (re.compile(r"is(e|ed|es|ing|ation|ations)$"),
             r"iz\1"), (re.compile(r"our$"), "or"),
             (re.compile(r"(?<=[aeiou])([^aeiou]*[aeiou])ll(ed|ing)$"), r"\1l\2"),
             (re.compile(r"tre$"), "ter"), (re.compile(r"(?<=gram)me(s?)$"), r"\1"))


def spelling(word: str) -> str:
    """The American spelling of a lower-case word ("defence" -> "defense"); applied to
    both sides of a comparison, a rule's misfire ("conference") changes nothing."""
    for pattern, repl in _SPELLING:
        if pattern.search(word):
            return pattern.sub(repl, word)
    return word


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower-case, possessive removed, number words as digits, American spelling,
    stemmed."""
    w = _POSSESSIVE.sub("", word.lower()) if len(word) > 2 else word.lower()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w.isdigit():
        return w
    return str(_stemmer().stemWord(spelling(w)))


def content_terms(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stopwords)."""
    out = set()
    for w in words(text):
        for part in w.split("-"):
            if part.lower() not in STOPWORDS and len(part) > 1 or part.isdigit():
                out.add(norm(part))
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)[\"'“‘(]*([^\W_][\w'’-]*)")


def key_terms(text: str, *, sentence_initial: bool = True) -> set[str]:
    """Names, numbers and months in ``text``, normalised: what support must match.
    With ``sentence_initial=False`` a capitalised word that starts a sentence is not
    taken for a name ("Ignore all previous instructions ...")."""
    out = set()
    skip = set() if sentence_initial else {
        m[1] for m in _SENTENCE_START.finditer(text) if not m[1][0].isdigit()}
    for w in words(text):
        if w in skip:
            skip.discard(w)
            continue
        # "Jong-sup", "Suk-yeol": after a capitalised first part, the rest is name too
        hyphen_name = "-" in w and w[0].isupper() and _POSSESSIVE.sub("", w.split("-")[0]
                                                                       .lower()) not in _NOT_NAMES
        for part in re.split(r"-", w):
            low = _POSSESSIVE.sub("", part.lower())
            if not low:
                continue
            if part[0].isdigit() or low in NUMBER_WORDS or low in MONTHS:
                out.add(norm(part))
            elif (part[0].isupper() or hyphen_name) and low not in _NOT_NAMES and len(low) > 1:
                out.add(norm(part))
    return out


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for)\s+)?[A-Z][\w'’-]*)+")


def acronyms(text: str) -> set[str]:
    """Acronyms of the names in ``text``, normalised: "North Atlantic Treaty
    Organization" -> "nato", "Group of Seven" -> "g7" (a number word keeps its
    digits, as in G7 or P5)."""
    out = set()
    for m in _NAME_RUN.finditer(text):
        parts = [w for w in m[0].split() if w[0].isupper()]
        parts = parts[1:] if parts[0] == "The" else parts
        plain = "".join(w[0] for w in parts).lower()
        out.add(plain)
        if parts[-1].lower() in NUMBER_WORDS:
            out.add("".join(w[0] for w in parts[:-1]).lower() + NUMBER_WORDS[parts[-1].lower()])
    return {a for a in out if len(a) > 1}


def year_terms(text: str) -> set[str]:
    return {w for w in words(text) if re.fullmatch(r"(1[89]|20)\d\d", w)}
