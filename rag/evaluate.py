"""Question sets, the scorer, and the figures of ``rag eval``.

The question format is documented in ``evals/README.md``. Scoring follows it: an
answer is correct when, after removing citation markers, lower-casing and turning
punctuation into spaces, every fact group has an alias that occurs at a word start.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.cite import CitationChecker, parse_claims
from rag.corpus import Sentence
from rag.errors import EvalFileError
from rag.markers import MARKED_PIECE, strip_markers
from rag.results import Answer, Citation, Passage
from rag.sentences import split_sentences
from rag.terms import words

KINDS = ("fact", "number", "date", "why", "yesno", "multi", "compare", "followup",
         "unanswerable")
_PUNCT = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    question: str
    facts: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"


def load_questions(path: Path) -> list[Question]:
    """Every question of a JSON Lines file; a bad line raises EvalFileError naming it."""
    out: list[Question] = []
    ids: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"cannot read {path}: {exc}", line=0) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"not valid JSON ({exc.msg})", line=n,
                                hint="each line must be one JSON object") from exc
        out.append(_question(row, n, ids))
    if not out:
        raise EvalFileError(f"{path} holds no questions", line=0)
    return out


def _question(row: Any, n: int, ids: set[str]) -> Question:
    def bad(msg: str) -> EvalFileError:
        return EvalFileError(msg, line=n, hint="see evals/README.md for the format")

    if not isinstance(row, dict):
        raise bad("a line must be a JSON object")
    for key in ("id", "kind", "question"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise bad(f"'{key}' must be a non-empty string")
    if row["id"] in ids:
        raise bad(f"duplicate id {row['id']!r}")
    ids.add(row["id"])
    if row["kind"] not in KINDS:
        raise bad(f"'kind' is {row['kind']!r}; use one of {', '.join(KINDS)}")
    facts = row.get("facts", [])
    if not isinstance(facts, list) or not all(
            isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g)
            for g in facts):
        raise bad("'facts' must be a list of non-empty lists of strings")
    sources = row.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise bad("'sources' must be a list of article ids")
    if row["kind"] == "unanswerable" and (facts or sources):
        raise bad("an unanswerable question has no facts and no sources")
    if row["kind"] != "unanswerable" and not facts:
        raise bad("an answerable question needs at least one fact group")
    return Question(row["id"], row["kind"], row["question"],
                    tuple(tuple(g) for g in facts), tuple(sources))


def in_split(questions: list[Question], split: str, path: Path) -> list[Question]:
    """The questions of ``split`` ('tune' or 'check'), as fixed in split.json beside the
    question file: a file split.json does not list is wholly 'tune'."""
    if split not in ("tune", "check"):
        raise EvalFileError(f"unknown split {split!r}", line=0, hint="use tune or check")
    table = path.with_name("split.json")
    try:
        data = json.loads(table.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalFileError(f"cannot read {table}: {exc}", line=0,
                            hint="see evals/README.md for the split") from exc
    listed = set(data["tune"]) | set(data["check"])
    ids = set(data[split])
    return [q for q in questions if q.id in ids or (split == "tune" and q.id not in listed)]


def normalise(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", strip_markers(text).lower()).split())


def facts_found(answer_text: str, facts: Iterable[Iterable[str]]) -> list[bool]:
    text = normalise(answer_text)
    return [any(re.search(rf"(?<!\w){re.escape(normalise(a))}", text) for a in group)
            for group in facts]


def answer_sentences(text: str) -> list[str]:
    """Sentences of an answer; markers close the sentence they follow, so text is
    first cut after each marker group, then split into sentences."""
    out = []
    for piece in MARKED_PIECE.findall(text.strip()):
        out += [s for s in split_sentences(piece.strip()) if words(strip_markers(s))]
    return out


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """How one answer scored."""

    correct: bool  # right answer, or a right abstention
    answered: bool
    facts: tuple[bool, ...]
    hit_rank: int  # 1-based rank of the first gold article among the retrieved; 0 = none
    sentences: int
    cited_sentences: int
    cited_docs: tuple[str, ...]
    cited_gold: int
    supported_sentences: int
    citations: int
    precise_citations: int
    words: int


def _quote_passage(c: Citation) -> Passage:
    s = Sentence(c.doc_id, c.start, c.end, c.quote)
    return Passage(chunk_id=f"{c.doc_id}:{c.start}", doc_id=c.doc_id, title=c.title,
                   outlet=c.outlet, date=c.date, text=c.quote, start=c.start, end=c.end, score=0.0,
                   sentences=(s,))


def score(q: Question, a: Answer, checker: CitationChecker | None = None) -> Verdict:
    answered = not a.abstained
    found = tuple(facts_found(a.text, q.facts)) if answered else ()
    if q.answerable:
        correct = answered and all(found)
    else:
        correct = not answered
    gold = set(q.sources)
    hit = next((i for i, d in enumerate(a.retrieved, 1) if d in gold), 0)
    sents = answer_sentences(a.text) if answered else []
    cited = [s for s in sents if parse_claims(s) and parse_claims(s)[-1][1]]
    by_n = {c.n: c for c in a.citations}
    supported = precise = total_cites = 0
    if checker is not None:
        for s in cited:
            ns = [n for _, markers in parse_claims(s) for n in markers]
            cs = [by_n[n] for n in ns if n in by_n]
            passages = [_quote_passage(c) for c in cs]
            claim = strip_markers(s)
            ok = bool(checker.support(claim, passages, range(len(passages)))[0])
            supported += ok
            for i in range(len(cs)):
                total_cites += 1
                alone = bool(checker.support(claim, passages, [i])[0])
                rest = [j for j in range(len(cs)) if j != i]
                without = bool(rest) and bool(checker.support(claim, passages, rest)[0])
                precise += ok and (alone or not without)
    docs = tuple(c.doc_id for c in a.citations)
    return Verdict(correct=correct, answered=answered, facts=found, hit_rank=hit,
                   sentences=len(sents), cited_sentences=len(cited), cited_docs=docs,
                   cited_gold=sum(d in gold for d in docs), supported_sentences=supported,
                   citations=total_cites, precise_citations=precise,
                   words=len(words(strip_markers(a.text))) if answered else 0)


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def summarise(questions: list[Question], answers: list[Answer],
              verdicts: list[Verdict]) -> dict[str, Any]:
    ans = [(q, a, v) for q, a, v in zip(questions, answers, verdicts, strict=True)]
    answerable = [x for x in ans if x[0].answerable]
    unanswerable = [x for x in ans if not x[0].answerable]
    correct_ans = sum(v.correct for _, _, v in answerable)
    hallucinated = sum(v.answered and not v.correct for _, _, v in ans)
    answered = [v for _, _, v in ans if v.answered]
    stages = ("retrieve", "generate", "cite", "total")
    latency = {s: {"p50": _pct([a.timings.get(s, 0.0) for a in answers], 0.5),
                   "p95": _pct([a.timings.get(s, 0.0) for a in answers], 0.95)} for s in stages}
    by_kind = {}
    for kind in KINDS:
        xs = [v for q, _, v in ans if q.kind == kind]
        if xs:
            by_kind[kind] = {"n": len(xs), "accuracy": _ratio(sum(v.correct for v in xs), len(xs))}
    return {
        "questions": len(ans),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit_rate": _ratio(sum(v.hit_rank > 0 for _, _, v in answerable), len(answerable)),
        "mrr": _ratio(sum(1 / v.hit_rank for _, _, v in answerable if v.hit_rank),
                      len(answerable)),
        "accuracy": _ratio(correct_ans, len(answerable)),
        "abstention": _ratio(sum(v.correct for _, _, v in unanswerable), len(unanswerable)),
        "abstained_unanswerable": sum(not v.answered for _, _, v in unanswerable),
        "false_abstention": _ratio(sum(not v.answered for _, _, v in answerable),
                                   len(answerable)),
        "hallucination_rate": _ratio(hallucinated, len(ans)),
        "crag_score": _ratio(sum(v.correct for _, _, v in ans) - hallucinated, len(ans)),
        "citation_coverage": _ratio(sum(v.cited_sentences for v in answered),
                                    sum(v.sentences for v in answered)),
        "cited_article_precision": _ratio(sum(v.cited_gold for _, _, v in answerable),
                                          sum(len(v.cited_docs) for _, _, v in answerable)),
        "citation_recall": _ratio(sum(v.supported_sentences for v in answered),
                                  sum(v.sentences for v in answered)),
        "citation_precision": _ratio(sum(v.precise_citations for v in answered),
                                     sum(v.citations for v in answered)),
        "median_words": statistics.median([v.words for v in answered]) if answered else 0,
        "modes": dict(Counter(a.mode for a in answers)),
        "by_kind": by_kind,
        "latency_s": latency,
    }


@dataclass
class EvalRun:
    questions: list[Question]
    answers: list[Answer] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        return summarise(self.questions, self.answers, self.verdicts)


def run_eval(questions: list[Question], answer_fn: Callable[[str], Answer],
             checker: CitationChecker | None,
             progress: Callable[[int], None] | None = None) -> EvalRun:
    run = EvalRun(questions)
    for i, q in enumerate(questions):
        a = answer_fn(q.question)
        run.answers.append(a)
        run.verdicts.append(score(q, a, checker))
        if progress:
            progress(i + 1)
    return run


THRESHOLDS = {"min_accuracy": "accuracy", "min_abstention": "abstention",
              "min_citation_coverage": "citation_coverage"}


def missed_thresholds(summary: dict[str, Any], **limits: float | None) -> list[str]:
    out = []
    for option, key in THRESHOLDS.items():
        limit = limits.get(option)
        if limit is not None and summary[key] < limit:
            out.append(f"{key} {summary[key]:.3f} < {limit}")
    return out
