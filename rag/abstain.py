"""Why the chosen evidence does not answer a question: each check gives a reason a
reader can verify ("no passage about it gives a date", "the passages place it in
1998, not 2023") or "" when the evidence answers. The pipeline abstains on the first
reason; ``rag/evidence.py`` ranks and chooses the sentences these checks read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rag.align import (
    DOCUMENTS,
    FRAME_NOUNS,
    HEDGE_WORDS,
    PERSONAL_PRONOUNS,
    agree,
    country_of,
    key,
    opposite,
    span_keys,
)
from rag.corpus import OUTLET_COUNTRY, Sentence
from rag.dates import placed_years
from rag.evidence import (
    DURATION_STEMS,
    NAME_PATTERN,
    WEIGHTS,
    Ranked,
    Weights,
    agents_of,
    ahead,
    clause_of,
    event_agents,
    from_header,
    named_instance,
    names_actor,
    near_noun,
    new_entity,
    offices,
    other_agent,
    outlets_in,
    question_type,
    same_name,
    tells_of,
    unsettled,
)
from rag.language import parse
from rag.lexicon import (
    ABSTRACT_FILES,
    COMMUNICATION_FILE,
    EVENT_FILES,
    OCCASION_FILES,
    lexicon,
)
from rag.question import (
    CAUSE_VERBS,
    DURATION_UNITS,
    REPORTING_VERBS,
    TYPE_NOUNS,
    phrasal,
    profile,
    says,
)
from rag.results import Passage
from rag.terms import (
    NUMBER_WORDS,
    key_terms,
    norm,
    words,
    year_terms,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Types the reader ranks by but does not abstain for: a degree has more wordings than
# comparisons and adverbs of degree ("the best ever", "to a new level"), so a sentence
# without one may still answer, as a server LLM that reads it may show (tune m043 with
# the faithful script, 2026-11-27)
_RANKING_ONLY = frozenset({"degree"})


def untyped_answer(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence does not answer a question that asks for a type ("no
    passage about it gives a date"), or "" when it does or nothing is asked for. The
    first chosen sentence must give it (the best, or the one before it that a pronoun
    points to): a sentence chosen for a word the first lacks may carry a name or a date,
    but of something else (sweep of 1042, 2026-11-28: 5 unanswerables more abstained,
    no answer lost)."""
    kind = question_type(question)
    if not kind or kind in _RANKING_ONLY or not chosen or chosen[0].has_type \
            or (profile(question).publication and from_header(question, chosen[0])):
        return ""
    if profile(question).counted == DURATION_UNITS:
        return "no passage about it gives a length of time"
    return f"no passage about it gives {type_name(kind)}"


def unnamed_actor(question: str, chosen: list[Ranked],
                  earlier: Callable[[Passage], tuple[Sentence, ...]] | None = None) -> str:
    """Why the chosen evidence is not about the question's actors: a person the question
    says acted ("what did Park Jin and Hayashi agree on"), or was acted on ("who replaced
    Nobuo Kishi"), is named neither in a chosen sentence nor in the sentence before it
    (where "he" or "the two" would point; for a passage's first sentence, the one
    ``earlier`` gives); "" when each is. One acted on is named in the sentence before
    only when a pronoun may point there: "his successor" after "Shinzo Abe" is not
    Kishi's, though the sentence before names Kishi."""
    asked = profile(question)
    if not (asked.actors or asked.participants) or not chosen:
        return ""
    own: list[tuple[list[set[str]], set[str]]] = []
    before: list[tuple[list[set[str]], set[str]]] = []
    for r in chosen:
        # an outlet is named by its own article ("How does RT describe ...")
        own.append(([key_terms(r.passage.outlet)], set()))
        own.append(_named_in(r.sentence.text))
        sentences = r.passage.sentences
        at = next((i for i, s in enumerate(sentences) if s.start == r.sentence.start), 0)
        prior = [sentences[at - 1]] if at else list(earlier(r.passage))[-1:] if earlier else []
        back = _points_back(parse(r.sentence.text))
        for p in prior:
            (own if back else before).append(_named_in(p.text))

    def named(a: str, found: list[tuple[list[set[str]], set[str]]]) -> bool:
        # a country by any of its names ("Seoul" for "South Korea")
        return any(same_name(key_terms(a), n) for ns, _ in found for n in ns) \
            or country_of(parse(a)[-1]) in {c for _, cs in found for c in cs}
    missing = [a for a in asked.actors if not named(a, own + before)] + [
        a for a in asked.participants if not named(a, own)]
    return f"no passage about it names {', '.join(missing)}" if missing else ""


def _named_in(text: str) -> tuple[list[set[str]], set[str]]:
    """The names of people (each as its key terms) and the countries ``text`` names."""
    doc = parse(text)
    names = [key_terms(e.text) for e in doc.ents if e.label_ == "PERSON"]
    names += [key_terms(m) for m in NAME_PATTERN.findall(text)]
    # a surname standing alone ("Hayashi and the delegation"), not a part of a longer
    # name ("Jin" of "Chung Jin-suk")
    names += [key_terms(t.text) for t in doc if t.pos_ == "PROPN" and not any(
        0 <= j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text == "-")
        for j in (t.i - 1, t.i + 1))]
    return names, {country_of(t) for t in doc} - {""}


# third-person pronouns (general English)
_THIRD_PERSON = frozenset("he him his she her hers it its they them their theirs".split())


def _points_back(doc: Doc) -> bool:
    """Has ``doc`` a pronoun that may stand for someone of the sentence before: one
    with no person named ahead of it in its own sentence ("his successor" after
    "Shinzo Abe" is Abe's, whoever the sentence before names)?"""
    return any(t.lower_ in _THIRD_PERSON and not any(
        e.label_ == "PERSON" and e.end <= t.i for e in doc.ents) for t in doc)


def unnamed_body(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence does not answer "Who is the president of Korea
    University?": the office is of a body the question names, and no chosen sentence
    names it (a country by any of its names: "South Korean President Yoon" is the
    president of South Korea); "" otherwise."""
    asked = profile(question)
    if asked.kind != "person" or not asked.title or not chosen:
        return ""
    office = next((t for t in parse(question) if t.pos_ == "NOUN"
                   and t.lemma_.lower() == asked.title[-1]), None)
    body = [o for c in (office.children if office is not None else ())
            if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    if not body:
        return ""
    name = " ".join(t.text for t in body[0].subtree if t.pos_ == "PROPN")
    if any(names_actor(name, r.sentence.text) for r in chosen):
        return ""
    return f"no passage about it names {name}"


def unsaid(question: str, chosen: list[Ranked],
           earlier: Callable[[Passage], tuple[Sentence, ...]] | None = None,
           article_text: Callable[[str], str] | None = None) -> str:
    """Why the chosen evidence does not tell what was said: for "What did X say (about
    Y)?", no chosen sentence has X (or, with no name asked, anyone) saying something,
    in the same sentence as Y; "" when one does or the question asks no saying. X
    called by a common noun ("the US defense secretary") is one the sentence calls so
    or by a word WordNet puts near it ("the defense chief", "the head"). A
    sentence where another person speaks ("He told Kishi" after "Lee was quoted")
    or where the speaker speaks of something else does not answer it."""
    asked = profile(question)
    if not asked.saying or not chosen:
        return ""
    # "what did the Russian outlet say", "what does the Reuters piece say": an outlet,
    # and its article, says what the article says
    outlet = asked.sayer in TYPE_NOUNS["outlet"] | DOCUMENTS and not asked.actors
    called = [t for t in parse(question) if t.lemma_.lower() == asked.sayer]
    mods = [a for t in called for a in t.children if a.dep_ in ("amod", "compound", "poss")]
    country = next((c for a in mods for c in [country_of(a)] if c), "")
    named = " ".join(a.text for a in mods if a.pos_ == "PROPN" and not country_of(a))
    # a body the question names ("Japan's Foreign Ministry"): its country and its name
    # tell it from another country's ministry
    body = not outlet and not asked.actors and any(t.ent_type_ == "ORG" for t in called)
    for r in chosen:
        own = outlet and bool(r.passage.outlet) and (
            not country or OUTLET_COUNTRY.get(r.passage.outlet) == country) and (
            not named or names_actor(named, r.passage.outlet))
        if not own and not _said_by(r, asked.actors, asked.sayer, earlier, article_text,
                                    country=country if body else "",
                                    named=named if body else ""):
            continue
        # a topic word that only qualifies another noun ("the response capabilities of
        # the military") is not what is talked of ("Beijing's response")
        if not asked.about or any(near_noun(a, t, 1) for a in asked.about
                                  for t in parse(r.sentence.text)
                                  if t.dep_ not in ("compound", "amod")):
            return ""
    article = "an" if asked.sayer[:1] in tuple("aeiou") else "a"
    who = " or ".join(asked.actors) or (f"{article} {asked.sayer}" if asked.sayer else "anyone")
    return f"no passage about it has {who} saying it" + (
        f" about {' '.join(asked.about)}" if asked.about else "")


def untold_topic(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence does not answer "What was agreed about trade?": the
    question asks about a topic (not what someone said about it: see ``unsaid``), and
    no chosen sentence names it or a word WordNet puts next to it; "" otherwise."""
    asked = profile(question)
    if asked.saying or not asked.about or not chosen:
        return ""
    if any(near_noun(a, t, 1) for r in chosen for t in parse(r.sentence.text)
           for a in asked.about):
        return ""
    return f"no passage about it tells of {' '.join(asked.about)}"


def _said_by(r: Ranked, actors: tuple[str, ...], sayer: str,
             earlier: Callable[[Passage], tuple[Sentence, ...]] | None = None,
             article_text: Callable[[str], str] | None = None, *,
             country: str = "", named: str = "") -> bool:
    """Does ``r`` have one of ``actors`` (or, with none, someone called ``sayer``, or
    with neither, anyone) saying something? A sayer of a ``country`` ("Japan's
    Foreign Ministry") is one the speaker's words give that country, and one ``named``
    ("Foreign") one they name so ("a Japanese foreign ministry official", not "South
    Korea's Defense and Foreign ministries")."""
    doc = parse(r.sentence.text)
    sayers = [_sayer(t, r, earlier) for t in doc if says(t)] + [
        " ".join(w.text for w in t.subtree) for t in doc
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"]
    # "did the news agency report": a known outlet ("Kyodo reported") is one
    outlet = sayer in TYPE_NOUNS["outlet"]
    # "did the two governments announce": a country speaking ("Seoul and Japan
    # announced") is its government
    state = sayer in _STATE_NOUNS
    # "the South Korean president promised": "Yoon", whom the article calls President
    # (its passage may not: an office is given once, with the full name)
    held = offices(article_text(r.passage.doc_id) if article_text else r.passage.text) \
        if sayer and not actors else {}
    return any((any(names_actor(actor, s) for actor in actors) if actors
                else not sayer or any(near_noun(sayer, t, 2) for t in parse(s))
                or any(sayer in held.get(key(w), ()) for w in words(s))
                or outlet and bool(outlets_in(s))
                or state and any(country_of(t) for t in parse(s)))
               and (not country or any(country_of(t) == country for t in parse(s)))
               and (not named or _lowered(named) <= _lowered(s))
               for s in sayers)


def _lowered(text: str) -> set[str]:
    return {norm(w.lower()) for w in words(text)}


# what a country speaking is called: its government, or the country or side itself
_STATE_NOUNS = frozenset({"government", "country", "nation", "side", "state", "administration"})


def _sayer(verb: Token, r: Ranked,
           earlier: Callable[[Passage], tuple[Sentence, ...]] | None = None) -> str:
    """Who ``verb`` says was speaking: its subject ("Lee was quoted ... as telling":
    the subject of the verb it hangs on), or, for a pronoun, the subject of the
    sentence before ("He told Kishi", after "Lee was quoted ...")."""
    t, subj = verb, None
    for _ in range(5):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or t.head.i == t.i:
            break
        t = t.head
    if subj is None:
        # the parser may hang the speaker of a quote's closing "..., a Japanese foreign
        # ministry official said." on the quote: the words between the comma and the verb
        left = list(verb.doc[: verb.i])
        cut = max((w.i for w in left if w.is_punct), default=-1)
        span = left[cut + 1:]
        return _spelled(span) if cut >= 0 and verb.doc[cut].text == "," \
            and any(w.pos_ in ("NOUN", "PROPN") for w in span) else ""
    if subj.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
        # "Defense Minister Nobuo Kishi, who said": the noun the clause is about
        return _spelled(w for w in t.head.subtree if w.i <= t.head.i)
    if subj.pos_ != "PRON":
        # an act or event does not speak ("Kishida's bilateral visit ... returns the
        # trip": "return" says something only in a rare sense), though a statement or a
        # report does
        lx = lexicon()
        if subj.pos_ == "NOUN" and lx is not None and any(
                s.lexfile in _NO_SPEAKER_FILES for s in lx.synsets(subj.lemma_.lower(), "n")[:1]):
            return ""
        return _spelled(subj.subtree)
    sentences = r.passage.sentences
    at = next((i for i, s in enumerate(sentences) if s.start == r.sentence.start), 0)
    before = sentences[at - 1:at] if at else list(earlier(r.passage))[-1:] if earlier else []
    if not before:
        return ""
    prior = parse(before[0].text)
    subjects = [c for c in prior if c.dep_ in ("nsubj", "nsubjpass")]
    if subj.lower_ in ("he", "she"):
        # one person: the first named subject, though the parser may make another
        # clause the root ("Lee was quoted as telling reporters that ..., they were able
        # to chat")
        one = [c for c in subjects if c.pos_ == "PROPN" or c.tag_ == "NN"]
        main = [c for c in one if c.head.dep_ == "ROOT"]
        subjects = (main or one)[:1]
    else:
        subjects = [c for c in subjects if c.head.dep_ == "ROOT"]
    return _spelled(w for c in subjects for w in c.subtree)


# What happens or is had never speaks: the event files but noun.cognition and
# noun.communication ("the statement said", "the analysis found")
_NO_SPEAKER_FILES = EVENT_FILES - {9, 10}


def _spelled(tokens: Iterable[Token]) -> str:
    """Tokens as the text spells them ("Lee Jong-sup", not "Lee Jong - sup", which
    names no one the question's "Lee Jong-sup" names)."""
    return "".join(w.text_with_ws for w in tokens).strip()


def unnamed_attribute(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer "what was the X (of Y)" or "which X":
    no chosen sentence has X or a word WordNet puts within ``event_links`` of one of its
    ``asked_senses`` most used senses ("ruling" is
    not in a sentence about the complaint, "hotel" not in one about the forum), or no
    chosen passage names Y ("the name of the pilot"); "" otherwise. A name is given, not
    called one: "name" or "title" itself need not be there, but the name of a person
    must be a person's name the question does not give."""
    links, senses = weights.event_links, weights.asked_senses
    asked, of = profile(question).attribute
    which = profile(question).instance_of
    if not (asked or which) or not chosen:
        return ""
    sentences = [parse(r.sentence.text) for r in chosen]
    lx = lexicon()
    # a name, or a kind of one ("title", "nickname"), is given, not called one
    label = lx is not None and lx.sense_of(asked or which, "name")
    if which:
        # "what topic did they take up": what a talk is about is its topic, however the
        # sentence names it ("discussed export controls")
        topic = lx is not None and lx.distance(which, "n", "topic", "n", limit=0) is not None
        # "which values", "what goal": an abstract kind has instances no word list or
        # WordNet link finds ("freedom, democracy and a market economy"), so a sentence
        # that names none is no reason to abstain; it still ranks by them
        abstract = lx is not None and bool(ss := lx.synsets(which, "n")) \
            and ss[0].lexfile in ABSTRACT_FILES
        # a country, or its capital, names its state and government ("which government
        # administers the islets": "controlled by Seoul")
        state = lx is not None and any(lx.kind_of(which, k, "n")
                                       for k in ("political_unit", "government"))
        # a verb names the thing only as the act its noun derives from ("agreed" for
        # "which agreement"), not as a broader act ("returns" is no "gift")
        if not label and not abstract and not any(
                near_noun(which, t, min(links, 1) if t.pos_ == "VERB" else links, senses)
                or topic and _talked_of(t) or state and bool(country_of(t))
                for d in sentences for t in d) and not any(
                named_instance(r.sentence.text, which, key_terms(question)) for r in chosen):
            return f"no passage about it names {'an' if which[:1] in 'aeiou' else 'a'} {which}"
        return ""
    if not label and not any(near_noun(asked, t, links, senses) for d in sentences for t in d):
        return f"no passage about it gives its {asked}"
    # the thing itself, not an act its noun derives from ("pilot" is no "controlled")
    if of and not any(near_noun(of, t, links, senses) for r in chosen for t in parse(r.passage.text)
                      if t.pos_ == "NOUN"):
        return f"no passage about it names the {of}"
    if not (label and of and lx is not None):
        return ""
    # a person in the word's most used sense ("pilot"; "material" is one only as in
    # "presidential material")
    if lx.kind_of(of, "person", senses=1):
        if not any(new_entity(r.sentence.text, {"PERSON"}, key_terms(question))
                   for r in chosen):
            return f"no passage about it gives the {of}'s name"
    # "the names of the materials": a name hangs on the thing ("islets known as
    # Takeshima", "the destroyer Gwanggaeto"), not merely somewhere in its sentence
    elif not any(_name_on(t, key_terms(question)) for d in sentences for t in d
                 if t.pos_ == "NOUN" and near_noun(of, t, links, senses)):
        return f"no passage about it gives the {of}'s name"
    return ""


def _talked_of(tok: Token) -> bool:
    """Is ``tok`` what a talk is about: the object of a verb of saying or discussing
    ("discussed export controls"), or what it is "about", "on" or "over"?"""
    lx = lexicon()
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in (
        "about", "on", "over") else tok.head if tok.dep_ == "dobj" else None
    return head is not None and head.pos_ == "VERB" and lx is not None and (
        says(head) or any(lx.kind_of(head.lemma_.lower(), k, "v") for k in _DISCOURSE))


# Verbs that give a thing its name ("known as", "called", "named"; general English)
_NAMING = frozenset("know call name dub be".split())
# WordNet verbs whose kinds talk something over (general English: "discuss",
# "debate", "talk about")
_DISCOURSE = ("discuss", "talk", "talk_about")


def _name_on(noun: Token, question_keys: set[str]) -> bool:
    """Does a name the question does not give hang on ``noun``, as a compound, an
    apposition or a phrase after it ("known as Takeshima", "such as Kyodo"), or on the
    verb that names it ("the islets are known as Takeshima")?"""
    kids = list(noun.children)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _NAMING:
        kids += [c for c in noun.head.children if c.i > noun.i]
    for c in kids:
        if c.dep_ in ("det", "amod", "punct", "cc") or c.i < noun.i and c.dep_ != "compound":
            continue
        if any(w.pos_ == "PROPN" and not key_terms(w.text) & question_keys for w in c.subtree):
            return True
    return False


_WITHIN = frozenset("in during at over from".split())


def other_time(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence tells of another time than the question puts its event
    in ("How many missile tests did North Korea carry out in 2017?" against "... at
    least 18 missile tests this year" in a 2022 report): every chosen sentence places
    what it reports in other years, by a year of its own or by a time read against its
    report's date ("this year", "later this month", "on Sunday"), and names none of the
    question's years. A sentence that places nothing in time may tell of any; "" then."""
    asked = placed_years(question, lead=True)
    if not asked or not chosen:
        return ""
    told: set[int] = set()
    for r in chosen:
        text = r.sentence.text
        years = placed_years(text, r.passage.date)
        if not years or asked & years or {str(y) for y in asked} & year_terms(text):
            return ""
        told |= years
    want = ", ".join(str(y) for y in sorted(asked))
    return f"the passages place it in {', '.join(str(y) for y in sorted(told))}, not {want}"


def untied_count(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not count what "how many X ... in Y" asks, where Y
    is an occasion ("how many people died in the 2018 radar incident"): no sentence
    that gives a number names Y, nor does the sentence before it. "The Korean War left
    nearly 5 million people dead" counts the dead of another occasion."""
    if question_type(question) not in ("number", "amount"):
        return ""
    asked = profile(question)
    agents = event_agents(question, asked.events)
    # "how many years were the rounds of talks spread over": the talks themselves,
    # the occasion the verb is said of, tell how long too
    events = (*asked.events, *_occasion_subjects(question, asked.events))
    # "how long since a Japanese leader last visited": the gap since, which "the first
    # visit in 12 years" gives
    gap = any(w.lower_ in _GAP for w in parse(question))
    # "the duration of the dialogue": the span of one, which "11 talks over two decades"
    # is not; "how many years were the rounds of talks spread over" asks of several
    one = not any(w.tag_ == "NNS" and w.lemma_.lower() in events for w in parse(question))
    if asked.events and {norm(c) for c in asked.counted} & DURATION_STEMS and not any(
            tells_of(t, events, 1, senses=weights.event_senses)
            and not other_agent(t, agents) and (gap or _lasts(t))
            and not (one and _counted_many(t))
            for r in chosen if r.has_type for t in parse(r.sentence.text)):
        # "how long has Price held his post": a span of time said of something else (one
        # WordNet link: at two, "post" tells of a "test"), or of someone else's act
        # ("Kishida's visit ... in 12 years" for Yoon's visit)
        return f"no passage says how long of '{asked.events[0]}'"
    lx = lexicon()
    # "during" takes an occasion or a time: a name after it ("during the Shangri-La
    # Dialogue") is an occasion the tagger may not know as an event
    anchors = [o for p in parse(question) if p.dep_ == "prep" and p.lower_ in _WITHIN
               for o in p.children if o.dep_ == "pobj" and (
                   o.ent_type_ == "EVENT" or o.pos_ == "NOUN" and lx is not None
                   and lx.kind_of(o.lemma_.lower(), "event", "n")
                   or p.lower_ == "during" and o.pos_ == "PROPN" and o.ent_type_ != "DATE")]
    if not anchors:
        return ""
    typed = [r for r in chosen if r.has_type]
    for anchor in anchors:
        words_ = [anchor, *(c for c in anchor.children if c.dep_ == "compound")]
        for r in typed:
            sents = r.passage.sentences
            at = next((i for i, x in enumerate(sents) if x.start == r.sentence.start), 0)
            told = [r.sentence.text] + ([sents[at - 1].text] if at else [])
            # by its nouns: "happened" tells of any occasion
            if any(near_noun(w.lemma_.lower(), t, weights.event_links) for text in told
                   for t in parse(text) if t.pos_ in ("NOUN", "PROPN") for w in words_):
                break
        else:
            phrase = " ".join(w.text for w in anchor.subtree if not w.is_punct
                              and w.dep_ != "det")
            return f"no passage gives the number for the {phrase}"
    return ""


def other_kind_counted(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence does not answer "how many nuclear tests": every number
    it gives for the counted noun counts another kind of it ("at least 18 missile
    tests"); "" when one counts that kind, the noun with no kind named, or when none
    counts the noun (other checks judge that). A kind is a noun or adjective the counted
    noun is named by ("nuclear tests", "Japanese companies"), not a comparison ("more
    tests")."""
    counted = profile(question).counted
    if question_type(question) != "number" or not counted:
        return ""
    noun = next((t for t in parse(question) if t.pos_ in ("NOUN", "PROPN")
                 and t.lemma_.lower() == counted[0]), None)
    kinds = _kinds(noun) if noun is not None else set()
    if not kinds:
        return ""
    other = ""
    for r in chosen:
        for t in parse(r.sentence.text):
            if t.lemma_.lower() not in counted or not any(c.dep_ == "nummod"
                                                          for c in t.children):
                continue
            theirs = _kinds(t)
            if not theirs - kinds or theirs & kinds:
                return ""
            other = other or _kind_phrase(t)
    if other and noun is not None:
        return f"the passages count {other}, not {_kind_phrase(noun)}"
    return ""


def _kind_words(noun: Token) -> list[Token]:
    """The words that name which kind of ``noun`` is meant ("missile" of "missile
    tests")."""
    return [c for c in noun.children
            if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN")
            and c.tag_ not in ("JJR", "JJS") and c.lower_ not in _HOW_MUCH]


def _kinds(noun: Token) -> set[str]:
    return {norm(str(c.lemma_).lower()) for c in _kind_words(noun)}


def _kind_phrase(noun: Token) -> str:
    return " ".join([c.text for c in _kind_words(noun)] + [noun.text])


# "how many", "how much": the question's count, not a kind
_HOW_MUCH = frozenset("many much few".split())


# words that say a thing is the first or last of a series (general English)
_ENDS = frozenset("first last latest previous".split())
# words that ask for the gap since something happened, not how long it lasted
_GAP = frozenset("since ago".split())


def _counted_many(noun: Token) -> bool:
    """Is ``noun`` counted as more than one ("11 security talks")?"""
    return any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in noun.children)


def _lasts(event: Token) -> bool:
    """Does a span of time in ``event``'s sentence say how long it lasted: one that hangs
    on it ("a five-day trip") or on the verb of its clause ("held a total of 11 talks
    over two decades"), not on an ordinal or a superlative on the way ("the first
    visit in 12 years": 12 years since the last one), nor on another clause's verb
    ("disputes that have dominated relations for decades")?"""
    for u in event.doc:
        if not {norm(p) for p in u.lower_.split("-")} & DURATION_STEMS:
            continue
        verb = None
        for a in u.ancestors:
            if a.ent_type_ == "ORDINAL" or a.tag_ in ("JJS", "RBS") or a.lower_ in _ENDS:
                break
            if a.i == event.i:
                return True
            if verb is None and a.pos_ in ("VERB", "AUX"):
                verb = a
        else:
            if verb is not None and verb.i == clause_of(event).i:
                return True
    return False


# Words that put an occasion a question asks about still ahead ("the next
# consultation"); general English, not tuned
_NEXT = frozenset("next upcoming forthcoming coming".split())


def unheld_occasion(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer a question about what was done at an
    occasion: it names the occasion only as planned or invited to; or, asked about the
    next one, only as held; "" otherwise, or when no chosen sentence names it (other
    checks judge that)."""
    coming = {str(t.lemma_).lower() for t in parse(question) if t.pos_ in ("NOUN", "PROPN")
              and any(c.dep_ == "amod" and c.lower_ in _NEXT for c in t.children)}
    told = [t for r in chosen for t in parse(r.sentence.text)
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in coming]
    if told and not any(ahead(t) for t in told):
        return f"no passage tells of the next {told[0].text}, only of one held before"
    asked = profile(question)
    # "what was the result of the seventh nuclear test": an event whose attribute is
    # asked is an occasion too (a group's aim is not); so is a meeting ("the outcome
    # of the NATO summit"), which WordNet files under gatherings, not events
    of, lx = asked.attribute[1], lexicon()
    event = bool(of) and lx is not None and any(
        lx.kind_of(of, kind, senses=weights.occasion_senses) for kind in ("event", "meeting"))
    occasion = (*asked.occasion, of) if event else asked.occasion
    if not occasion or not chosen:
        return ""
    mentions = [t for r in chosen for t in parse(r.sentence.text)
                if t.pos_ == "NOUN" and t.lemma_.lower() in occasion]
    if mentions and all(ahead(t) for t in mentions):
        return (f"no passage says the {mentions[0].text} took place: they are named only "
                f"as planned, hoped for or invited to")
    return ""


# Words that make a question's clause a premise, an event taken as past ("when Park
# visited Tokyo", "after Kishida met Yoon"); general English, not tuned
_PREMISE_MARKS = frozenset("when after while once".split())


def unhappened_premise(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer a question whose clause takes an event as
    past ("What did Park and Hayashi agree on when Park visited Tokyo?"): every chosen
    sentence that tells of the event tells of it only as planned, hoped for or ahead
    ("he will arrange a time for him to visit Japan"); "" otherwise, or when none tells
    of it (other checks judge that)."""
    premises = [t for t in parse(question) if t.pos_ == "VERB" and t.dep_ == "advcl"
                and t.tag_ in ("VBD", "VBN") and any(
                    c.dep_ in ("advmod", "mark") and c.lower_ in _PREMISE_MARKS
                    for c in t.children)]
    if not premises or not chosen:
        return ""
    docs = [parse(r.sentence.text) for r in chosen]
    for verb in premises:
        event = phrasal(verb)
        told = [t for d in docs for t in d
                if tells_of(t, (event,), weights.premise_links, senses=weights.event_senses)]
        if told and all(_planned(t) for t in told):
            return (f"the passages tell of '{verb.text}' only as planned or hoped for, "
                    f"not as having happened")
    return ""


def _planned(tok: Token) -> bool:
    """Is the event word ``tok`` only ahead: unsettled itself, or an infinitive that
    says what an unsettled word is for ("will arrange a time for him to visit")?"""
    while not unsettled(tok):
        if tok.dep_ not in ("xcomp", "relcl", "acl") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        tok = tok.head
    return True


def unasserted(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer a yes/no question about what someone
    did ("Did Japan apologise for the radar incident?"): no chosen sentence tells of the
    act (the verb, or a word WordNet puts within ``act_links`` of it),
    or the actor appears there only as the subject of a hedge or a plan ("Kishida is
    considering taking part in the gathering"), unless the question asks whether a
    decision was made (a word WordNet puts within a link of "decide"), which the hedge
    answers; "" otherwise."""
    act, actor = profile(question).act
    if not act or not chosen:
        return ""
    docs = [parse(r.sentence.text) for r in chosen]
    if not any(tells_of(t, (act,), weights.act_links, pos=("v",), senses=weights.event_senses)
               for d in docs for t in d):
        return f"no passage tells whether {actor} did {act}"
    names = key_terms(actor)
    verbs = [t.head for d in docs for t in d if t.dep_ == "nsubj" and t.pos_ == "PROPN"
             and same_name(names, key_terms(" ".join(x.text for x in t.subtree)))]
    # "Had Kishida decided to go?": that he is still considering it is the answer
    lx = lexicon()
    decision = lx is not None and lx.distance(act, "v", "decide", "v", limit=1) is not None
    # "Will Kishida push for talks?": a plan answers what is still to come
    if verbs and all(unsettled(v) for v in verbs) and not decision \
            and not profile(question).future:
        return f"the articles say only what {actor} planned or considered, not whether it happened"
    return ""


def untold_event(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer a question for the person or place of an
    event ("Which Japanese minister attended Yoon's inauguration?"): no chosen sentence
    tells of the question's event (the same word, a derived form or a word WordNet puts
    within ``event_links`` of it), so a person or a place it names did something else;
    "" otherwise. Only an event of the main clause: "who was prime minister when Yoon
    was sworn in" asks who held an office, and the swearing-in only dates it."""
    asked = profile(question)
    if asked.kind not in _EVENT_KINDS or not chosen:
        return ""
    doc = parse(question)
    main = [t for t in _main_events(doc, asked.events) if t.dep_ not in ("amod", "compound")]
    # "according to what source did Kishi vow ...": who reported it is asked, and a
    # sentence that names a source tells of the report, however it words the vow
    if not main or _asks_source(doc):
        return ""
    # "who said Tokyo would consider lifting the curbs": what was weighed is the act
    # asked of, and a sentence that tells only of talk or thought ("discussed") is not it
    main = [t for t in main if not (t.lemma_.lower() in HEDGE_WORDS and any(
        c.dep_ == "xcomp" and c in main for c in t.children))]
    # "what prompted the suspension of the talks" asks why they were suspended: a verb
    # of causing stands for the event it caused, which a sentence must tell of
    main = [_caused(t) or t for t in main]
    events = {phrasal(t) for t in main}
    # "who is described as Abe's successor", "who was named as envoy": a sentence that
    # gives someone the role tells it, however it words the describing
    events |= {n.lemma_.lower() for t in main for c in t.children
               if c.dep_ == "prep" and c.lower_ == "as"
               for n in c.children if n.dep_ == "pobj" and n.pos_ == "NOUN"}
    # a past event is told by a sentence where it took place, not one where it is only
    # possible or planned ("a possible meeting between Yoon and Kishida"); "who said
    # Kishida was weighing ..." asks who said it, not whether it happened
    settled = not asked.past or any(t.dep_ == "ROOT" and t.lemma_.lower() in REPORTING_VERBS
                                    for t in doc)
    # a participle that describes a noun ("Seoul-based", "Japanese-claimed") tells of
    # no event
    if any(tells_of(t, events, weights.event_links, senses=weights.event_senses)
           and (settled or not unsettled(t))
           and t.dep_ not in ("amod", "compound")
           for r in chosen for t in parse(r.sentence.text)):
        return ""
    # "which city hosted the Security Policy Consultation": where an occasion was held
    # is the place that hosted it, so a sentence naming the occasion tells where
    held = {n.lower_ for t in main for n in t.children
            if n.dep_ == "dobj" and _occasion(n.lemma_.lower())} if asked.kind == "place" else set()
    if held and any(t.lower_ in held for r in chosen for t in parse(r.sentence.text)):
        return ""
    asks = {"person": "who", "place": "where", "reason": "why"}[asked.kind]
    return f"no passage about it tells {asks} '{main[0].text}'"


def unacted(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer a question that names who did what ("What
    did the WTO rule on Seoul's complaint?"): the named doer is the subject of no verb in
    the chosen sentences ("a complaint with the World Trade Organization" only names it)
    and no chosen sentence tells of the act (a word within ``act_links`` of it); ""
    otherwise. Only for questions that ask for no type: a typed question has its own
    checks."""
    asked = profile(question)
    if asked.kind != "" or not chosen:
        return ""
    docs = [parse(r.sentence.text) for r in chosen]
    for verb in _main_events(parse(question), asked.events):
        # "how does RT describe the ties": telling is the article's own act, shown by
        # the sentence that tells; a passive has its doer elsewhere ("who is Suga
        # described as", whose "Suga" the small parser makes a subject)
        if _telling(verb) or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue
        doers = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                 and not outlets_in(c.text)]
        if not doers or any(_acts(d, docs) for d in doers):
            continue
        event = phrasal(verb)
        if not any(tells_of(t, (event,), weights.act_links, senses=weights.event_senses)
                   for d in docs for t in d):
            return f"no passage tells what {_spelled(doers[0].subtree)} did ('{verb.text}')"
    return ""


def _telling(verb: Token) -> bool:
    """Is ``verb`` a verb of communication in its most used sense ("describe", "say")?"""
    lx = lexicon()
    return lx is not None and any(s.lexfile == COMMUNICATION_FILE
                                  for s in lx.synsets(verb.lemma_.lower(), "v")[:1])


def _acts(doer: Token, docs: list[Doc]) -> bool:
    """Is ``doer`` (or, for all one can tell, a pronoun) the subject of a verb in one of
    ``docs``, or its agent ("by the WTO")?"""
    mine = span_keys(doer)
    for d in docs:
        for t in d:
            if t.dep_ == "nsubj" or t.dep_ == "pobj" and t.head.lower_ == "by":
                if t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS:
                    return True
                if t.pos_ in ("PROPN", "NOUN") and agree(mine, span_keys(t)):
                    return True
    return False


def others_act(question: str, chosen: list[Ranked], weights: Weights = WEIGHTS) -> str:
    """Why the chosen evidence does not answer: every chosen sentence that tells of the
    question's main event tells of it as done by someone other than the question says
    ("What did Japan restrict?" against "South Korea restricted ..."); "" otherwise, or
    when no sentence tells of the event at all (other checks judge that)."""
    asked = profile(question)
    doc = parse(question)
    main = _main_events(doc, asked.events)
    agents = frozenset().union(*(agents_of(t) for t in main))
    if not agents or not chosen:
        return ""
    events = {phrasal(t) for t in main}
    marks = [t for r in chosen for t in parse(r.sentence.text)
             if tells_of(t, events, weights.event_links, senses=weights.event_senses)]
    if marks and all(other_agent(t, agents) for t in marks):
        return f"the passages tell of '{main[0].text}' by someone else"
    return ""


def _occasion_subjects(question: str, events: tuple[str, ...]) -> tuple[str, ...]:
    """The occasions the question's event verbs are said of, as their subjects ("the
    rounds of security talks were spread over ..." -> talk), through a noun that only
    counts or frames them ("rounds of", "a series of"), or as the object of a
    preposition ("how many days did the group spend on its trip" -> trip)."""
    out = []
    for t in parse(question):
        if t.pos_ != "VERB" or phrasal(t) not in events:
            continue
        objects = [g for c in t.children if c.dep_ == "prep" for g in c.children
                   if g.dep_ == "pobj"]
        for n in [*t.children, *objects]:
            if n.dep_ not in ("nsubj", "nsubjpass", "pobj") or n.pos_ != "NOUN":
                continue
            if n.lemma_.lower() in FRAME_NOUNS:
                n = next((g for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), n)
            if _occasion(n.lemma_.lower()):
                out.append(n.lemma_.lower())
    return tuple(out)


def _occasion(noun: str) -> bool:
    """Does ``noun`` name something held (a consultation, a summit, a ceremony): in its
    first sense an act, a communication or an event, or in some sense a meeting?"""
    lx = lexicon()
    if lx is None:
        return False
    first = lx.synsets(noun, "n")[:1]
    return any(s.lexfile in OCCASION_FILES for s in first) or lx.kind_of(noun, "meeting")


def _asks_source(doc: Doc) -> bool:
    """Does the question ask whom a report is owed to ("According to what source ...",
    "according to whom")?"""
    return any(t.lower_ == "according" and any(
        w.lower_ in ("what", "which", "whom", "who") for c in t.children for w in c.subtree)
        for t in doc)


def _main_events(doc: Doc, events: tuple[str, ...]) -> list[Token]:
    """The question's verbs that name one of its ``events`` outside a clause that only
    qualifies it."""
    return [t for t in doc if t.pos_ == "VERB" and phrasal(t) in events
            and not _subordinate(t)]


def _caused(verb: Token) -> Token | None:
    """The event a verb of causing brings about: its object noun ("prompted the
    suspension", "triggered a row") or the verb it leads someone to ("led Seoul and
    Tokyo to fall out"). A verb of causing is one the question reader takes for it
    ("what led ...") or one WordNet makes a kind of "cause" in one of its two most used
    senses ("make" and "do" are only in rarer ones)."""
    lx = lexicon()
    lemma = verb.lemma_.lower()
    led = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"),
               None)
    if led is not None and lemma in CAUSE_VERBS:
        return led  # "led them to fall out"; "led the delegation" leads a group
    if lx is None or not lx.kind_of(lemma, "cause", "v", senses=CAUSE_SENSES):
        return None
    return led or next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"),
                       None)


# WordNet senses of a question's verb read as causing (general English: the first two
# senses of "prompt", "trigger", "provoke" cause; "make" and "do" cause only later)
CAUSE_SENSES = 2


def _subordinate(tok: Token) -> bool:
    """Is ``tok`` in a clause that only qualifies the question ("when Yoon was sworn
    in", "who met Kishida")?"""
    return any(t.dep_ in ("advcl", "relcl", "acl") for t in [tok, *tok.ancestors])


# the answer types an event's participant or place is asked for (tune, 2026-11-27:
# probe5 t25, probe7 w23; organisations were not tried)
_EVENT_KINDS = frozenset({"person", "place", "reason"})


def contradicted(question: str, chosen: list[Ranked]) -> str:
    """Why the chosen evidence does not answer: the question qualifies a noun one way
    and every chosen sentence that has the noun qualifies it the opposite way ("his
    closing remarks" where the article quotes "opening remarks"); "" otherwise."""
    for t in parse(question):
        if t.dep_ not in _QUALIFIERS or t.head.pos_ != "NOUN":
            continue
        nouns = [s for r in chosen for s in parse(r.sentence.text)
                 if s.pos_ == "NOUN" and s.lemma_.lower() == t.head.lemma_.lower()]
        # the word before the noun too: "in opening remarks" may parse as a gerund
        other = [next((m for m in [*s.children, *s.doc[s.i - 1: s.i]]
                       if (m.dep_ in _QUALIFIERS or m.i == s.i - 1)
                       and (opposite(m, t) or _other_rank(m, t))),
                      None) for s in nouns]
        if nouns and all(other):
            m = other[0]
            assert m is not None
            return (f"the question asks about {t.text} {t.head.text}, the article speaks of "
                    f"{m.text} {nouns[0].text}")
    return ""


_QUALIFIERS = frozenset({"amod", "compound"})
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _rank(tok: Token) -> int:
    """The place a qualifier gives its noun: "largest" 1, "second-largest" 2, "12th"
    12, "third" 3; 0 for none."""
    for w in [*(c for c in tok.children if c.i < tok.i), tok]:
        got = _ORDINAL.fullmatch(NUMBER_WORDS.get(w.lower_, w.lower_))
        if got:
            return int(got[1])
    return 1 if tok.tag_ in ("JJS", "RBS") else 0


def _other_rank(a: Token, b: Token) -> bool:
    """Do two qualifiers give different places ("second-largest" and "largest")?"""
    ra, rb = _rank(a), _rank(b)
    return bool(ra and rb) and ra != rb


_TYPE_NAMES = {"date": "a date", "weekday": "a day of the week", "day": "a day",
               "number": "a number", "amount": "an amount",
               "person": "a person's name", "organisation": "an organisation",
               "outlet": "a news outlet", "place": "a place", "reaction": "a response",
               "reason": "a reason", "significance": "what makes it notable",
               "clock": "a time of day", "owner": "whose it is",
               "party": "a party to it"}


def type_name(kind: str) -> str:
    """What a question of ``kind`` asks for, in words: "a date", "a person's name"."""
    return _TYPE_NAMES.get(kind, kind)
