"""The one path from a question to an Answer: retrieve -> generate -> cite.

``Pipeline`` gets its backends (index, embedder, LLM) injected; ``rag.answer`` uses
a default one built from the settings, building the index from ``seeds/`` the
first time it finds none.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import LLM

from rag import referents, timeline
from rag.abstain import (
    contradicted,
    other_kind_counted,
    other_time,
    others_act,
    type_name,
    unacted,
    unasserted,
    unhappened_premise,
    unheld_occasion,
    unnamed_actor,
    unnamed_attribute,
    unnamed_body,
    unsaid,
    untied_count,
    untold_event,
    untold_topic,
    untyped_answer,
)
from rag.align import Tuning
from rag.backends import BACKENDS, make_llm
from rag.chunks import fits_tokens, truncate_tokens
from rag.cite import (
    REFUSAL,
    CitationChecker,
    Claim,
    assemble,
    related_reading,
    resolve_opening,
)
from rag.corpus import Sentence
from rag.errors import BackendError, InputError
from rag.evidence import (
    WEIGHTS,
    Ranked,
    Weights,
    clauses,
    coverage_gap,
    credits,
    diversify,
    from_header,
    has_type,
    question_type,
    rank_sentences,
    report_date,
    select,
    type_strength,
    wants_summary,
)
from rag.excerpt import (
    excerpt,
    llm_passages,
    sentence_passages,
    trim,
)
from rag.generate import Generator, build_messages
from rag.index import Index
from rag.lexicon import PEOPLE_FILES, lexicon
from rag.markers import render, strip_markers
from rag.question import profile, typed_query
from rag.results import Answer, Draft, Passage
from rag.retrieve import Retriever
from rag.sentences import draft_sentences
from rag.settings import Settings, get_settings
from rag.terms import content_terms, key_terms, words
from rag.vectors import SentenceVectors

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Answer types whose strength measures the answer's own precision (a day and month, a
# number with its unit), not its context.
PRECISE_KINDS = frozenset({"date", "number"})

ABSTAIN_TEXT = "The articles don't say."
_FOLLOWUP_START = re.compile(r"^\s*(?:and|but|also|so|then|what about|how about|and what)\b", re.I)
_MARKUP = re.compile(r"<[^<>]{0,500}>")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|them|their|it|its|this|that|those|there)\b",
                      re.I)

History = Sequence[Any]


def _turns(history: History | None, role: str) -> list[str]:
    """The texts of one role's turns in a chat history: dicts with role/content
    (OpenAI, Gradio) or (user, assistant) pairs."""
    at = {"user": 0, "assistant": 1}[role]
    out: list[str] = []
    for turn in history or []:
        if isinstance(turn, dict):
            if turn.get("role") == role and isinstance(turn.get("content"), str):
                out.append(turn["content"])
        elif isinstance(turn, list | tuple) and len(turn) > at and isinstance(turn[at], str):
            out.append(turn[at])
    return out


def previous_questions(history: History | None) -> list[str]:
    """The user's turns of a chat history."""
    return _turns(history, "user")


def previous_answer(history: History | None) -> str:
    """The last assistant turn's text, markers removed ("" without one)."""
    answers = _turns(history, "assistant")
    return strip_markers(answers[-1]) if answers else ""


def not_repeated(ranked: list[Ranked], shown: str) -> list[Ranked]:
    """The ranked sentences that the previous answer did not already show: "And what
    did Japan do then?" should not get the complaint it was just told about."""
    seen = " ".join(shown.split()).lower()
    return [r for r in ranked
            if not seen or " ".join(r.sentence.text.split()).lower()[:80] not in seen]


def resolve_followup(question: str, history: History | None) -> str:
    """The retrieval query: a follow-up ("And his Japanese counterpart?") carries the
    previous question with it; a self-contained question stands alone."""
    earlier = previous_questions(history)
    if not earlier:
        return question
    follows = _FOLLOWUP_START.search(question) or (
        _PRONOUN.search(question) and len(key_terms(question)) < 2)
    return f"{earlier[-1]} {question}" if follows else question


# "Kishida invited Yoon to the G7 summit - what additional meeting did he propose?": a
# statement, a dash, then the question, which may open with its preposition ("in which
# country ...")
_LEAD = re.compile(r"^(?P<lead>[^?]{12,}?)\s+[-–—]+\s+(?P<ask>(?:(?:in|on|at|for|from|to|"
                   r"with|by|during|under|since|until|of|after|before)\s+(?=wh))?"
                   r"(?:what|which|who|whom|whose|"
                   r"when|where|why|how|did|does|do|is|was|were|are|has|had|have|can|"
                   r"could|will|would)\b[^?]*\?)\s*$", re.I)


def asked_part(question: str) -> str:
    """The question a statement leads into ("Seoul scrapped the pact in 2019 - what
    information had the two shared under it?": the part after the dash), which decides
    what is asked and which words a sentence must share; the statement, like an earlier
    question, only steers the search. A request put as a command is asked as the question
    it stands for (see ``as_question``). The question itself when it has no such lead."""
    question = as_question(question)
    m = _LEAD.match(question)
    if m is None:
        return question
    from rag.language import parse

    # "Japan placed new restrictions - to which country?": a question part with no verb
    # of its own asks about the statement, which it leaves out
    if not any(t.pos_ in ("VERB", "AUX") for t in parse(m.group("ask"))):
        return question
    return _he_named(m.group("ask"), m.group("lead"))


# "Name the chipmakers that ...", "Please list the disputes ...", "Tell me who led ...":
# a request put as a command, by a verb whose object is the thing asked for
_COMMAND = re.compile(r"^(?:please\s+|can you\s+|could you\s+)?(?P<verb>name|list|identify|"
                      r"give|state|specify|mention|cite|tell)(?:\s+(?:me|us))?\s+(?P<rest>.+?)[.?!]*$",
                      re.I)
_WH = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how|whether|if)\b", re.I)


def as_question(question: str) -> str:
    """The question a command stands for: "Name the South Korean chipmakers that lost
    out" asks "Which South Korean chipmakers lost out?", "Tell me who led the delegation"
    asks "who led the delegation?". The question word decides what kind of answer is
    wanted, so without it a command would be asked for nothing in particular. A command
    with no object to ask for ("Tell me about the radar incident") stays as it is."""
    m = _COMMAND.match(question.strip())
    if m is None:
        return question
    rest = m.group("rest")
    if _WH.match(rest):
        return rest[0].upper() + rest[1:] + "?"
    if m.group("verb").lower().startswith("tell"):
        return question
    from rag.align import RELATIVE_PRONOUNS
    from rag.language import parse

    doc = parse(rest)
    # "the chipmakers that lost out": the relative pronoun gives way to the question word
    dropped = {c.i for t in doc if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN")
               for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
               and c.lower_ in RELATIVE_PRONOUNS and c.i == t.head.i + 1}
    start = 1 if len(doc) and doc[0].lower_ in ("the", "a", "an", "any", "all") else 0
    words = "".join(t.text_with_ws for t in doc[start:] if t.i not in dropped).strip()
    return f"Which {words}?" if words else question


def _he_named(ask: str, lead: str) -> str:
    """``ask`` with its first "he" or "she" named by the person the statement is about
    ("Hayashi met Yoon's delegation - what did he say ...": Hayashi), when the statement's
    subject is one person; its first "they" by the statement's parties: a subject that is
    several ("Yoon and Kishida met"), or a subject and the people it met or talked with
    ("Hagiuda met the delegation - what topic did they take up?")."""
    from rag.language import parse

    doc = parse(lead)
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    if len(subjects) != 1:
        return ask
    subject = subjects[0]
    if re.search(r"\bthey\b", ask, re.I):
        parties = _parties(subject)
        return re.sub(r"\bthey\b", parties, ask, count=1, flags=re.I) if parties else ask
    # a name, alone, and no place's: "he" names a person, whom the tagger may take for an
    # organisation or a product ("Hayashi" as an ORG)
    if subject.pos_ != "PROPN" or subject.ent_type_ in ("GPE", "NORP", "LOC", "FAC") \
            or any(c.dep_ == "conj" for c in subject.children):
        return ask
    parts = [w.i for w in subject.subtree if w.pos_ == "PROPN"]
    name = doc[min(parts): max(parts) + 1].text  # "Lee Jong-sup", hyphen and all
    return re.sub(r"\b(?:he|she)\b", name, ask, count=1, flags=re.I)


def _parties(subject: Token) -> str:
    """Who "they" are after a statement with this subject: the subject, if it is
    several; else the subject and the people or group its verb takes ("met the
    delegation", "talked with Park"); "" when the statement names no such pair."""
    def phrase(t: Token) -> str:
        return "".join(w.text_with_ws for w in t.subtree).strip()

    if any(c.dep_ == "conj" for c in subject.children) or subject.tag_ in ("NNS", "NNPS"):
        return phrase(subject)
    verb = subject.head
    others = [c for c in verb.children if c.dep_ == "dobj"]
    others += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj"]
    lx = lexicon()
    party = next((o for o in others if o.ent_type_ in ("PERSON", "ORG", "NORP")
                  or lx is not None and any(s.lexfile in PEOPLE_FILES
                                            for s in lx.synsets(o.lemma_.lower(), "n")[:1])),
                 None)
    return f"{phrase(subject)} and {phrase(party)}" if party is not None else ""



@dataclass
class Pipeline:
    settings: Settings
    index: Index
    retriever: Retriever
    vectors: SentenceVectors
    checker: CitationChecker
    generator: Generator
    weights: Weights = WEIGHTS  # the reader's tuned numbers; the checker holds its own

    @classmethod
    def build(cls, settings: Settings, *, index: Index, llm: LLM | None,
              weights: Weights = WEIGHTS, tuning: Tuning | None = None) -> Pipeline:
        vectors = SentenceVectors(index.embed_model)
        return cls(
            settings=settings,
            index=index,
            retriever=Retriever(index, top_k=settings.top_k),
            vectors=vectors,
            checker=CitationChecker(vectors, article_text=index.article_text,
                                    lexicon=lexicon(), tuning=tuning),
            weights=weights,
            generator=Generator(llm, timeout=settings.llm_timeout, wait=settings.llm_wait,
                                exclusive=not BACKENDS[settings.llm].concurrent,
                                name=settings.llm),
        )

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *,
                      embed_model: BaseEmbedding | None = None, llm: LLM | None = None,
                      use_llm_from_settings: bool = True, client: Any = None) -> Pipeline:
        settings = settings or get_settings()
        index = Index.from_settings(settings, embed_model=embed_model, client=client)
        if llm is None and use_llm_from_settings:
            llm = make_llm(settings)
        return cls.build(settings, index=index, llm=llm)

    def warm(self) -> Pipeline:
        """Load what a first question would otherwise wait for: the parser, the BM25
        index, the query embedder (the chat window does this beside its server)."""
        from rag.language import parse

        parse("Who met whom, and when?")
        self.retriever.retrieve("warm up the retrievers")
        return self

    def with_llm(self, llm: LLM | None, name: str = "") -> Pipeline:
        """The same index and caches with another LLM backend."""
        return replace(self, generator=Generator(llm, timeout=self.settings.llm_timeout,
                                                 wait=self.settings.llm_wait,
                                                 exclusive=not (name in BACKENDS
                                                                and BACKENDS[name].concurrent),
                                                 name=name))

    # ---- public --------------------------------------------------------------
    def answer(self, question: str, history: History | None = None, *,
               top_k: int | None = None) -> Answer:
        result = None
        for event in self.stream(question, history, top_k=top_k):
            if isinstance(event, Answer):
                result = event
        assert result is not None
        return result

    def stream(self, question: str, history: History | None = None, *,
               top_k: int | None = None) -> Iterator[Draft | Answer]:
        """Yields Drafts of checked answer text (never unchecked LLM text), then the
        final Answer. With an LLM, the quoted direct answer comes first, before the LLM
        is asked, unless the evidence is too weak to stand against an LLM that may
        find no answer (then a shown answer could turn into an abstention)."""
        began = time.perf_counter()
        asked, notices = self._normalise(question)
        # markup in a question ("<img …> Who is …?") stays in the Answer as typed (the UI
        # shows it as text) but is never searched for
        question = " ".join(_MARKUP.sub(" ", asked).split()) or asked
        timings: dict[str, float] = {}

        t = time.perf_counter()
        query = resolve_followup(question, history)
        whole, question = question, asked_part(question)
        k = top_k or self.settings.top_k
        summary = wants_summary(question)
        passages = self._retrieve(query, k, summary)
        # "the Japanese premier": the one person the passages give that office is named
        # in the question (rag/referents.py), and the passages that name him are searched
        # for (the LLM is asked the question as the user wrote it)
        asked_llm = query
        named = referents.resolve(question, passages)
        if named != question:
            query, question = query.replace(question, named), named
            passages = self._retrieve(query, k, summary)
        ranked = rank_sentences(question, passages, self.vectors, query=query,
                                earlier=self.index.sentences_before,
                                article_text=self.index.article_text,
                                weights=self.weights)
        if query != question:  # a follow-up asks for more than the last answer said
            ranked = not_repeated(ranked, previous_answer(history)) or ranked
        timings["retrieve"] = time.perf_counter() - t

        gap = coverage_gap(whole, passages, self.index.article_text)
        chosen = select(question, ranked, self.weights)
        # the chosen evidence lacks what is asked for, or is about other people
        unfit = self._unfit(question, chosen)
        if gap or not ranked or unfit or not self._relevant(question, ranked[0]):
            why = (f"nothing in them mentions {', '.join(sorted(gap))}" if gap
                   else unfit or "no passage is close enough to the question")
            log.info("abstained on %r: %s", question, why)
            timings["generate"] = timings["cite"] = 0.0
            timings["total"] = time.perf_counter() - began
            yield Answer(question=asked, text=ABSTAIN_TEXT, abstained=True, citations=(),
                         mode="abstained", timings=timings, notice=" ".join(notices),
                         related=related_reading(passages),
                         retrieved=tuple(p.doc_id for p in passages), why=why)
            return

        if self.generator.exclusive:  # the bundled local model: a few precise sentences
            shown = sentence_passages(chosen, ranked, self.settings.llm_sentences)
        else:  # a server model reads whole chunks and cites the sentence that says it
            shown = llm_passages(chosen, passages, self.settings.llm_passages)
        claims: list[Claim] = []
        draft = ""
        t = time.perf_counter()
        cite_time = 0.0
        evidence: list[tuple[str, tuple[Sentence, ...]]] | None = None  # made once
        if self.generator.llm is not None and not self._weak(question, chosen):
            # the LLM takes a second or more; its sentences, if kept, replace this
            evidence = self._evidence_items(question, chosen)
            yield Draft(*assemble(evidence, _by_doc(passages + shown)))
        previewed = evidence is not None
        if self.generator.llm is not None:
            try:
                for claim, spent in self._stream_checked(asked_llm, shown):
                    if not any(c.supported for c in claims):
                        claim = self._as_read(claim, question, shown)
                    if claim.supported and any(c.supported and c.text == claim.text
                                               for c in claims):
                        continue  # a model that says it twice is shown it once
                    claims.append(claim)
                    draft += " " + claim.text
                    cite_time += spent
                    if claim.supported and not previewed:
                        kept = [c for c in claims if c.supported]
                        yield Draft(*assemble([(c.text, c.support) for c in kept],
                                              _by_doc(shown)))
            except BackendError as exc:
                log.warning("LLM backend failed: %s", exc)
                notices.append(f"The language model was unavailable ({exc.message}); "
                               "this answer is quoted from the articles.")
        timings["generate"] = time.perf_counter() - t - cite_time
        refused = tuple((c.text, c.reason) for c in claims if not c.supported)
        for text_, reason in refused:
            log.info("refused LLM sentence %r: %s", text_, reason)

        t = time.perf_counter()
        kept = [c for c in claims if c.supported]
        if not kept and claims and all(REFUSAL.search(c.text) for c in claims) \
                and self._weak(question, chosen):
            # the LLM says the articles do not say, and the reader's own evidence for
            # what is asked is weak: believe it rather than quote a loose match
            why = "the LLM found no answer and the reader's evidence is weak"
            log.info("abstained on %r: %s", question, why)
            timings["cite"] = cite_time + time.perf_counter() - t
            timings["total"] = time.perf_counter() - began
            yield Answer(question=asked, text=ABSTAIN_TEXT, abstained=True, citations=(),
                         mode="abstained", timings=timings, notice=" ".join(notices),
                         related=related_reading(passages),
                         retrieved=tuple(p.doc_id for p in passages), refused=refused,
                         why=why)
            return
        unfit = self._unanswering(question, kept, ranked, chosen) if kept else ""
        if unfit:
            # supported, yet no answer: the quotes replace it, and the user is told why
            refused += tuple((c.text, f"supported, but {unfit}") for c in kept)
            log.info("LLM text set aside for %r: %s", question, unfit)
        if kept and not unfit:
            mode = "llm" if len(kept) == len(claims) else "llm_partial"
            items = [(c.text, c.support) for c in kept]
        else:
            mode = "evidence"
            items = evidence if evidence is not None else self._evidence_items(question, chosen)
        text, citations = assemble(items, _by_doc(passages + shown))
        timings["cite"] = cite_time + time.perf_counter() - t
        timings["total"] = time.perf_counter() - began
        yield Draft(text, citations)
        yield Answer(question=asked, text=text, abstained=False, citations=citations, mode=mode,
                     timings=timings, notice=" ".join(notices),
                     retrieved=tuple(p.doc_id for p in passages), refused=refused,
                     timeline=timeline.build(ranked) if summary else ())

    # ---- steps -----------------------------------------------------------------
    def _retrieve(self, query: str, k: int, summary: bool) -> list[Passage]:
        if summary:  # from more articles: a summary draws on each
            return diversify(self.retriever.retrieve(query, top_k=2 * k), k)
        return self.retriever.retrieve(typed_query(query), top_k=k)

    def _normalise(self, question: str) -> tuple[str, list[str]]:
        if not isinstance(question, str):
            raise InputError("the question must be text", hint="pass a string")
        question = " ".join(question.split())
        if not words(question):
            raise InputError("the question is empty",
                             hint="type a question about the articles, e.g. "
                                  "'When did Japan restrict chip material exports?'")
        notices = []
        if not fits_tokens(question, self.settings.max_question_tokens):
            question = truncate_tokens(question, self.settings.max_question_tokens)
            notices.append(f"The question was cut to its first "
                           f"{self.settings.max_question_tokens} tokens.")
        return question, notices

    def _stream_checked(self, question: str, shown: list[Passage]
                        ) -> Iterator[tuple[Claim, float]]:
        """Each sentence of the LLM's draft, checked as soon as it is complete."""
        buffer = ""
        for delta in self.generator.stream(build_messages(question, shown)):
            buffer += delta
            sentences = draft_sentences(buffer)
            # the last sentence may still grow; earlier ones are complete
            while len(sentences) > 1:
                done = sentences.pop(0)
                buffer = buffer[buffer.index(done) + len(done):]
                yield from self._check(done, shown)
        for rest in draft_sentences(buffer):
            yield from self._check(rest, shown)

    def _check(self, sentence: str, shown: list[Passage]) -> Iterator[tuple[Claim, float]]:
        t = time.perf_counter()
        claims = self.checker.check(sentence, shown)
        spent = time.perf_counter() - t
        for claim in claims:
            yield claim, spent / max(1, len(claims))

    def _as_read(self, claim: Claim, question: str, shown: list[Passage]) -> Claim:
        """An answer's first sentence checked as a reader takes it: its opening "he" or
        "his" means the question's person ("He is a member of the delegation" asked
        about Yoon is a claim about Yoon)."""
        resolved = resolve_opening(claim.text, question) if claim.supported else ""
        if not resolved:
            return claim
        again = self.checker.check(f"{resolved} {render(i + 1 for i in claim.passages)}", shown)
        if again and again[0].supported:
            return claim
        why = again[0].reason if again else "no support"
        return replace(claim, support=(), passages=(), reason=f"read as '{resolved}': {why}")

    def _title_sentence(self, passage: Passage) -> Sentence | None:
        """The headline of the passage's article, with its offsets in the text."""
        text = self.index.article_text(passage.doc_id)
        at = text.find(passage.title) if passage.title else -1
        if at < 0:
            return None
        return Sentence(passage.doc_id, at, at + len(passage.title), passage.title, "title")

    def _relevant(self, question: str, best: Ranked) -> bool:
        """Is the best sentence about the question: close to it, holding nearly all of
        its terms, or with one clause close to it (a long sentence dilutes its vector:
        "The delegation is on a five-day trip ..., as expectations of improved
        Tokyo-Seoul relations grow after ... the March presidential election")?"""
        floor = self.settings.abstain_relevance
        if best.semantic >= floor or best.lexical >= self.weights.whole_question:
            return True
        pieces = [best.sentence.text[a:b] for a, b in clauses(best.sentence.text)]
        pieces = [p for p in pieces if len(p.split()) >= self.weights.min_clause_words]
        return len(pieces) > 1 and float(self.vectors.similarities(question, pieces).max()
                                         ) >= self.weights.clause_relevance

    def _unfit(self, question: str, chosen: list[Ranked]) -> str:
        """Why ``chosen`` does not answer the question: it lacks what is asked for, or is
        about other people, another occasion, another act; "" when it answers."""
        return (untyped_answer(question, chosen)
                or unnamed_actor(question, chosen, self.index.sentences_before)
                or unnamed_body(question, chosen)
                or unheld_occasion(question, chosen, self.weights)
                or unhappened_premise(question, chosen, self.weights)
                or unnamed_attribute(question, chosen, self.weights)
                or unsaid(question, chosen, self.index.sentences_before, self.index.article_text)
                or untold_topic(question, chosen)
                or contradicted(question, chosen)
                or unasserted(question, chosen, self.weights)
                or untold_event(question, chosen, self.weights)
                or others_act(question, chosen, self.weights)
                or unacted(question, chosen, self.weights)
                or untied_count(question, chosen, self.weights)
                or other_kind_counted(question, chosen)
                or other_time(question, chosen))

    def _unanswering(self, question: str, kept: list[Claim], ranked: list[Ranked],
                     chosen: list[Ranked]) -> str:
        """Why the LLM's supported text does not answer the question, or "" when it
        does. It must say something the question does not, carry what is asked for (a
        date for "when", ...), and rest on one of the best few sentences for the
        question (not necessarily the one the ranker put first): a true but off-topic
        sentence does not answer."""
        text = " ".join(c.text for c in kept)
        if not content_terms(text) - content_terms(question):
            return "it says nothing the question does not"
        kind = question_type(question)
        if kind:
            # as precise as what the reader would quote: "11 security talks", not "the
            # two"; for other types the reader's second level is about context (the
            # question's own names beside the answer), which a claim need not repeat
            best_strength = max([type_strength(kind, r.sentence.text, question,
                                               r.passage.text, self.weights)
                                 for r in chosen] or [1])
            need = best_strength if kind in PRECISE_KINDS else min(1, best_strength)
            # an office the question names may be given by the sentences the claims cite
            quoted = " ".join(s.text for c in kept for s in c.support)
            strength = type_strength(kind, text, question, f"{text} {quoted}", self.weights)
            if strength < need:
                return (f"it gives {type_name(kind)} less precisely than the passages do"
                        if strength else f"it does not give {type_name(kind)}")
        # about whom the question asks: the sentences the LLM rests on name the people
        # it says acted, as the reader's own evidence must ("Atsushi Ando is deputy
        # director-general of which bureau?" is not answered by a list of attendees)
        rests = [r for r in ranked if any(r.sentence == s for c in kept for s in c.support)]
        if rests and (other := unnamed_actor(question, rests, self.index.sentences_before)):
            return f"it rests on sentences not about them: {other}"
        best = {(r.sentence.doc_id, r.sentence.start)
                for r in ranked[: self.settings.llm_support_rank]}
        if not any((s.doc_id, s.start) in best for c in kept for s in c.support):
            return (f"it rests on no sentence among the "
                    f"{self.settings.llm_support_rank} closest to the question")
        # "according to Park Jin, ...": when the reader found what the source said, the
        # LLM's text must rest on it too, not on what someone else said
        source = profile(question).source
        outlets = {p.doc_id: p.outlet for p in (r.passage for r in ranked)}
        if source and any(credits(r.sentence.text, source, r.passage.outlet)
                          for r in chosen) and not any(
                credits(s.text, source, outlets.get(s.doc_id, ""))
                for c in kept for s in c.support):
            return f"it does not rest on what {' '.join(source)} said"
        # "which came first: X or Y": an answer dates each event compared, as the
        # reader's does; one side alone does not say which came first
        sides = profile(question).sides
        if sides and sum(has_type("date", c.text, set()) for c in kept) < len(sides):
            return "it does not date each event compared"
        return ""

    def _evidence_items(self, question: str, chosen: list[Ranked]
                        ) -> list[tuple[str, tuple[Sentence, ...]]]:
        """The evidence answer: each chosen sentence's answering clause, citing the
        whole sentence; led by the article's header when that is what is asked."""
        items: list[tuple[str, tuple[Sentence, ...]]] = []
        # what a reaction responded to is the reason, whole: a trim would keep its
        # time and drop its cause ("soured in 2018[, after a Seoul court ordered ...]")
        causes = {(c.antecedent.doc_id, c.antecedent.start) for c in chosen
                  if c.antecedent is not None} if question_type(question) == "reason" else set()
        for r in chosen:
            short = r.sentence if (r.sentence.doc_id, r.sentence.start) in causes \
                else trim(r.sentence, question, self.weights)
            # the whole sentence is the citation's quote, the clause its answer
            text = excerpt(r.sentence, short)
            if dated := report_date(question, r):
                # which came first: an undated event is dated by its report's header
                text = f"{text.rstrip('.')} (reported by {dated})."
            items.append((text, (r.sentence,)))
        if (lead := from_header(question, chosen[0])) and (
                title := self._title_sentence(chosen[0].passage)):
            # the header answers; its headline is what the card can quote
            items.insert(0, (f"“{title.text.rstrip('.')}” ({lead}).", (title,)))
        return items

    def _weak(self, question: str, chosen: list[Ranked]) -> bool:
        """Is the reader's best evidence too weak to stand against an LLM that found
        no answer? Weak: it lacks the asked-for type, or is not close to the question."""
        if not chosen:
            return True
        best = chosen[0]
        kind = question_type(question)
        if kind and not best.has_type:
            return True
        return best.semantic < self.settings.refusal_relevance


def _by_doc(passages: list[Passage]) -> dict[str, Passage]:
    out: dict[str, Passage] = {}
    for p in passages:
        out.setdefault(p.doc_id, p)
    return out


_default: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The process-wide pipeline from the settings; builds the index on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ensure_index(Pipeline.from_settings(get_settings()))
        return _default


def ensure_index(pipeline: Pipeline) -> Pipeline:
    """The pipeline, with its index built from the seeds if it holds nothing yet."""
    if pipeline.index.chunk_count() == 0:
        from rag.corpus import load_corpus

        log.info("no index yet: building it from %s", pipeline.settings.seeds_dir)
        articles, _ = load_corpus([pipeline.settings.seeds_dir])
        pipeline.index.ingest(articles)
    return pipeline
