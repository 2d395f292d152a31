"""Question sets (CONTRACT.md "Question sets"): read JSONL into Questions, and turn chat feedback into questions.

A malformed line is reported as 'FILE:LINE: message' and the other lines still load.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from index.types import Filters, InputError, parse_history

KNOWN = ("id", "question", "answers", "gold", "kind", "filters", "history")
KINDS = ("fact", "paraphrase", "date_filtered", "followup", "multi_paragraph", "unanswerable")


@dataclass(frozen=True)
class Question:
    """One evaluation question; empty `gold` means the right response is a refusal."""

    id: str
    question: str
    answers: tuple[str, ...] = ()
    gold: tuple[tuple[str, int], ...] = ()  # (readout_id, paragraph)
    kind: str = "fact"
    filters: Mapping[str, Any] = field(default_factory=dict, hash=False)
    history: tuple = ()  # the contract's turns as given: strings or {"question", "cited"} objects
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)  # unknown fields, kept

    @property
    def answerable(self) -> bool:
        return bool(self.gold)

    def to_json(self) -> dict:
        return {"id": self.id, "question": self.question, "answers": list(self.answers),
                "gold": [{"doc": d, "paragraph": p} for d, p in self.gold], "kind": self.kind,
                "filters": dict(self.filters), "history": list(self.history), **self.extra}


@dataclass(frozen=True)
class QuestionSet:
    """The questions that loaded and the problems of the lines that did not."""

    questions: tuple[Question, ...]
    errors: tuple[str, ...]


def parse_question(item: Any, default_id: str = "") -> Question:
    """A Question from one decoded line; raise InputError naming the bad field."""
    if not isinstance(item, dict):
        raise InputError(f"expected a JSON object, got {type(item).__name__}")
    if item.get("needs_gold"):
        raise InputError("marked needs_gold: a person has to fill its gold (and drop the mark) first")
    if item.get("feedback") == "wrong" and not item.get("gold"):
        # Raw chat feedback: an empty gold here means "unknown", not "unanswerable".
        raise InputError("feedback marked wrong with no gold: convert with `readouts eval --from-feedback` "
                         "and fill the gold first")
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        raise InputError("question: must be a non-empty string")
    qid = item.get("id", default_id)
    if not isinstance(qid, (str, int)) or isinstance(qid, bool) or str(qid) == "":
        raise InputError("id: must be a non-empty string")
    answers = item.get("answers") or []
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        raise InputError("answers: must be a list of non-empty strings")
    gold = _parse_gold(item.get("gold") or [])
    kind = item.get("kind") or ("unanswerable" if not gold else "fact")
    if not isinstance(kind, str):
        raise InputError("kind: must be a string")
    filters = item.get("filters") or {}
    Filters.from_json(filters)  # validate now, so the run does not fail on this line later
    history = item.get("history") or []
    parse_history(history)
    extra = {k: v for k, v in item.items() if k not in KNOWN}
    return Question(str(qid), question, tuple(answers), gold, kind, dict(filters), tuple(history), extra)


def _parse_gold(gold: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(gold, list):
        raise InputError("gold: must be a list of {doc, paragraph}")
    out = []
    for i, g in enumerate(gold):
        if not isinstance(g, dict) or not isinstance(g.get("doc"), str) or not g["doc"]:
            raise InputError(f"gold[{i}]: expected {{\"doc\": readout id, \"paragraph\": n}}")
        n = g.get("paragraph")
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise InputError(f"gold[{i}].paragraph: must be a whole number from 1, got {n!r}")
        out.append((g["doc"], n))
    return tuple(dict.fromkeys(out))


def read_questions(path: str | Path) -> QuestionSet:
    """Load a question-set JSONL file; a file that cannot be read at all raises InputError."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: {error}") from None
    questions, errors, seen = [], [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = parse_question(json.loads(line), default_id=f"line{number}")
            if q.id in seen:
                raise InputError(f"id {q.id!r} is used by an earlier line")
        except json.JSONDecodeError as error:
            errors.append(f"{path}:{number}: not JSON ({error.msg} at column {error.colno})")
            continue
        except InputError as error:
            errors.append(f"{path}:{number}: {error}")
            continue
        seen.add(q.id)
        questions.append(q)
    return QuestionSet(tuple(questions), tuple(errors))


def write_questions(path: str | Path, lines: Iterable[dict]) -> int:
    """Write question lines as JSONL; returns how many."""
    rows = [json.dumps(line, ensure_ascii=False) for line in lines]
    Path(path).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return len(rows)


@dataclass(frozen=True)
class FeedbackQuestions:
    """Feedback turned into questions: ready ones, ones a person must finish, and bad lines."""

    ready: tuple[dict, ...]
    to_fill: tuple[dict, ...]
    errors: tuple[str, ...]


def feedback_to_questions(path: str | Path) -> FeedbackQuestions:
    """Turn the chat app's feedback JSONL into question lines.

    "helpful" on an answer: its cited paragraphs become the gold (no `answers` strings: we cannot know which
    words mattered, so containment is not scored for it). "helpful" on a refusal: an unanswerable question.
    "wrong": the right gold is unknown (other paragraphs, or a refusal), so the line goes to `to_fill`,
    marked `needs_gold` with the wrong answer and the comment for a person to fill in; a question file
    with that mark still on a line reports the line rather than scoring it as unanswerable.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: {error}") from None
    ready, to_fill, errors, seen = [], [], [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise InputError("expected a JSON object")
            out = _from_feedback(item, number)
        except json.JSONDecodeError as error:
            errors.append(f"{path}:{number}: not JSON ({error.msg} at column {error.colno})")
            continue
        except InputError as error:
            errors.append(f"{path}:{number}: {error}")
            continue
        key = json.dumps([out["question"], out["filters"], out["history"]], sort_keys=True)
        if key in seen:  # the same question rated twice: the first rating stands
            continue
        seen.add(key)
        (to_fill if out.get("needs_gold") else ready).append(out)
    return FeedbackQuestions(tuple(ready), tuple(to_fill), tuple(errors))


def _cited(item: dict) -> list[dict]:
    """The cited paragraphs of a feedback line, as gold entries, whichever way the line spells them."""
    answer = item.get("answer")
    found = []
    for c in item.get("cited") or []:  # the chat app's form: {"doc", "paragraph"}
        if isinstance(c, dict):
            found.append((c.get("doc"), c.get("paragraph")))
    citations = (answer.get("citations") if isinstance(answer, dict) else None) or item.get("citations") or []
    for c in citations:  # the contract's Citation: {"readout_id", "paragraph", ...}
        if isinstance(c, dict):
            found.append((c.get("readout_id"), c.get("paragraph")))
    return [{"doc": d, "paragraph": n} for d, n in dict.fromkeys(found)
            if isinstance(d, str) and d and isinstance(n, int) and not isinstance(n, bool) and n >= 1]


def _from_feedback(item: dict, number: int) -> dict:
    verdict = item.get("feedback")
    if verdict not in ("helpful", "wrong"):
        raise InputError(f"feedback: expected \"helpful\" or \"wrong\", got {verdict!r}")
    answer = item.get("answer")
    if isinstance(answer, dict):  # the contract's Answer object
        text, refused = answer.get("answer", ""), bool(answer.get("refused"))
    else:  # the answer's text, with "refused" beside it (as the chat app writes it)
        text, refused = answer or "", bool(item.get("refused"))
    cited = _cited(item)
    base = {"id": str(item.get("id") or f"feedback-{number}"), "question": item.get("question"), "answers": [],
            "filters": item.get("filters") or {}, "history": item.get("history") or []}
    dropped = ("feedback", "answer", "citations", "cited", "refused")
    keep = {k: v for k, v in item.items() if k not in KNOWN and k not in dropped}
    if verdict == "helpful":
        if not refused and not cited:
            raise InputError("helpful answer without citations: nothing to use as gold")
        kind = "unanswerable" if refused else (item.get("kind") or "feedback")
        line = {**base, "gold": [] if refused else cited, "kind": kind, **keep}
    else:
        line = {**base, "gold": [], "kind": item.get("kind") or "feedback", "needs_gold": True,
                "wrong_answer": text, "wrong_citations": cited, "wrong_refusal": refused, **keep}
    parse_question({k: v for k, v in line.items() if k != "needs_gold"})  # the line must load once filled
    return line
