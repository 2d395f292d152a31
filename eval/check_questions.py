"""Check evaluation question sets against the corpus: `python -m eval.check_questions FILE...`.

Every line must be a question of the shape in CONTRACT.md ("Question sets"), and its gold must hold
up against the readouts themselves: the gold paragraphs exist, each answer string occurs in a gold
paragraph, no other readout that passes the question's filters has a paragraph holding all the
answer strings, and an unanswerable question's `absent` terms never occur together in one readout.
The analyst kinds (dates, counts, speakers, comparisons) add their own rules from eval.check_analyst.
Problems are printed as FILE:LINE: message; the exit status is 1 when there is any.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from eval import check_analyst
from eval.check_corpus import (Doc, InputError, Matcher, _read_simple, fold_accents, load_corpus,  # noqa: F401
                               normalize)  # (_read_simple is read from here by the tests)


BASE_KINDS = ("fact", "paraphrase", "date_filtered", "followup", "multi_paragraph", "unanswerable")
KINDS = BASE_KINDS + check_analyst.ANALYST_KINDS
REQUIRED = ("id", "question", "answers", "gold", "kind", "filters", "history")
MAX_ANSWERS = 3
MAX_ANSWER_WORDS = 8
# The State Department's attribution line: a paragraph that answers nothing.
BOILERPLATE = re.compile(r"^the (below|following) is attributable to", re.IGNORECASE)


FILTER_KEYS = ("date_from", "date_to", "source", "readout", "participant", "country", "kind")
READOUT_KINDS = ("call", "meeting", "visit", "statement", "other")


@dataclass(frozen=True)
class Filters:
    """The contract's filter object ("Filters"), metadata keys included.

    A copy of index.types.Filters' rules, because importing anything from `index` runs its package
    __init__, which needs index.load: the checker must work before and without that module. The
    checker has no readout metadata, so `participant` and `country` are approximated by a whole-word
    mention in the readout's title or lead, and `kind` is validated but not applied. Both err towards
    admitting more readouts, which only makes the uniqueness and `absent` scans stricter.
    """

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    readout: str | None = None
    participant: str | None = None
    country: str | None = None
    kind: str | None = None

    @classmethod
    def from_json(cls, value: dict) -> "Filters":
        """Parse and validate a filter object; raise InputError naming the bad key."""
        unknown = sorted(set(value) - set(FILTER_KEYS))
        if unknown:
            raise InputError(f"filters: unknown key(s) {', '.join(unknown)}")
        for key, text in value.items():
            if text is not None and not isinstance(text, str):
                raise InputError(f"filters.{key}: expected a string, got {text!r}")
        for key in ("date_from", "date_to"):
            if value.get(key):
                try:
                    _dt.date.fromisoformat(value[key])
                except ValueError:
                    raise InputError(f"filters.{key}: {value[key]!r} is not a YYYY-MM-DD date") from None
        if value.get("kind") and value["kind"].strip().lower() not in READOUT_KINDS:
            raise InputError(f"filters.kind: {value['kind']!r} is not one of {', '.join(READOUT_KINDS)}")
        filters = cls(*((value.get(k) or "").strip() or None for k in FILTER_KEYS))
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise InputError(f"filters: date_from {filters.date_from} is after date_to {filters.date_to}")
        return filters

    def admits(self, readout_id: str, date: str, source: str) -> bool:
        """True when a readout with these fields passes every filter (dates inclusive)."""
        return ((not self.readout or readout_id == self.readout)
                and (not self.source or self.source.lower() in (source or "").lower())
                and (not self.date_from or bool(date) and date >= self.date_from)
                and (not self.date_to or bool(date) and date <= self.date_to))

    def admits_doc(self, doc: "Doc") -> bool:
        """admits() plus the metadata filters, approximated on the title and lead (see the class)."""
        if not self.admits(doc.id, doc.date, doc.source):
            return False
        if not (self.participant or self.country):
            return True
        lead = check_analyst.lead_paragraph(doc.paragraphs, lambda p: bool(BOILERPLATE.match(p)))
        text = fold_accents(doc.title + "\n" + (doc.paragraphs[lead - 1] if doc.paragraphs else ""))
        return all(re.search(rf"(?<!\w){re.escape(fold_accents(term))}(?!\w)", text)
                   for term in (self.participant, self.country) if term)


@dataclass
class Report:
    """Problems (as 'FILE:LINE: message') and the number of questions per kind, for one file."""

    path: str
    problems: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    gold_docs: set[str] = field(default_factory=set)
    ids: dict[str, int] = field(default_factory=dict)  # question id -> line


def _field_problems(q: dict) -> list[str]:
    """Shape problems of one question (missing fields, wrong types); empty when the shape is right."""
    problems = [f"missing field '{name}'" for name in REQUIRED if name not in q]
    if problems:
        return problems
    if not isinstance(q["id"], str) or not q["id"].strip():
        problems.append("'id' must be a non-empty string")
    if not isinstance(q["question"], str) or not q["question"].strip():
        problems.append("'question' must be a non-empty string")
    if not isinstance(q["answers"], list) or not all(isinstance(a, str) and a.strip() for a in q["answers"]):
        problems.append("'answers' must be a list of non-empty strings")
    if not isinstance(q["gold"], list) or not all(
        isinstance(g, dict) and isinstance(g.get("doc"), str) and type(g.get("paragraph")) is int
        for g in q["gold"]
    ):
        problems.append("'gold' must be a list of {\"doc\": readout id, \"paragraph\": integer}")
    if not isinstance(q["kind"], str):
        problems.append("'kind' must be a string")
    if not isinstance(q["filters"], dict):
        problems.append("'filters' must be an object ({} for none)")
    if not isinstance(q["history"], list):
        problems.append("'history' must be a list ([] for none)")
    return problems


def check_question(q: dict, matcher: Matcher) -> list[str]:
    """Every problem with one well-formed question, checked against the corpus."""
    problems: list[str] = []
    docs = matcher.docs
    kind, answers, gold = q["kind"], q["answers"], q["gold"]
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    try:
        filters = Filters.from_json(q["filters"])
    except InputError as error:
        return problems + [str(error)]
    if filters.readout and filters.readout not in docs:
        problems.append(f"filters.readout {filters.readout!r} is not a readout in the corpus")

    for i, turn in enumerate(q["history"]):
        if isinstance(turn, str) and turn.strip():
            continue
        if not (isinstance(turn, dict) and isinstance(turn.get("question"), str) and turn["question"].strip()):
            problems.append(f"history[{i}] must be a string or {{\"question\": str, \"cited\": [ids]}}")
            continue
        cited = turn.get("cited", [])
        if not isinstance(cited, list) or not all(isinstance(c, str) for c in cited):
            problems.append(f"history[{i}].cited must be a list of readout ids")
            continue
        problems += [f"history[{i}].cited: unknown readout {c!r}" for c in cited if c not in docs]

    if kind == "date_filtered" and not (filters.date_from or filters.date_to or filters.source):
        problems.append("a date_filtered question needs date_from/date_to or source in 'filters'")
    if kind == "followup" and not q["history"]:
        problems.append("a followup question needs 'history'")
    if kind == "unanswerable":
        if gold or answers:
            problems.append("an unanswerable question has empty 'gold' and 'answers'")
        return problems + _absent_problems(q, filters, matcher)

    if not gold:
        problems.append("empty 'gold' is only for kind 'unanswerable'")
        return problems
    if not answers:
        problems.append("an answerable question needs at least one answer string")
    if len(answers) > MAX_ANSWERS:
        problems.append(f"{len(answers)} answer strings; keep to at most {MAX_ANSWERS}")
    problems += [f"answer {a!r} is longer than {MAX_ANSWER_WORDS} words" for a in answers
                 if len(a.split()) > MAX_ANSWER_WORDS]

    gold_texts: list[str] = []
    gold_docs: list[Doc] = []
    for g in gold:
        doc = docs.get(g["doc"])
        if doc is None:
            problems.append(f"gold doc {g['doc']!r} is not a readout in the corpus")
            continue
        if not 1 <= g["paragraph"] <= len(doc.paragraphs):
            problems.append(f"gold {g['doc']} paragraph {g['paragraph']} does not exist "
                            f"(it has {len(doc.paragraphs)})")
            continue
        text = doc.paragraphs[g["paragraph"] - 1]
        if BOILERPLATE.match(text):
            problems.append(f"gold {g['doc']} paragraph {g['paragraph']} is the attribution line")
        if not filters.admits_doc(doc):
            problems.append(f"gold doc {doc.id} ({doc.date}) does not pass the question's own filters")
        gold_docs.append(doc)
        gold_texts.append(normalize(text))
    if len(gold_texts) != len(gold):
        return problems

    if kind in check_analyst.ANALYST_KINDS:
        problems += check_analyst.kind_problems(q, gold_docs, gold_texts, normalize, fold_accents,
                                                lambda text: bool(BOILERPLATE.match(text)))
    verbatim = check_analyst.verbatim_answers(kind, answers)  # dates, counts, names and "Yes" are not copied
    wanted = [normalize(a) for a in verbatim]
    problems += [f"answer {a!r} occurs in no gold paragraph" for a, w in zip(verbatim, wanted)
                 if not any(w in t for t in gold_texts)]
    # An answer already in the question is satisfied by echoing it, so it tests nothing.
    question = normalize(q["question"])
    problems += [f"answer {a!r} is given away by the question itself" for a, w in zip(verbatim, wanted)
                 if w in question]
    if kind in ("fact", "paraphrase") and len(gold) != 1:
        problems.append(f"a {kind} question is answered by exactly one gold paragraph, not {len(gold)}")
    if kind == "multi_paragraph":
        if len({(g["doc"], g["paragraph"]) for g in gold}) < 2 or len({g["doc"] for g in gold}) != 1:
            problems.append("a multi_paragraph question needs two or more paragraphs of one readout as gold")
        problems += [f"gold paragraph {g['paragraph']} holds none of the answer strings"
                     for g, t in zip(gold, gold_texts) if not any(w in t for w in wanted)]
        problems += [f"gold paragraph {g['paragraph']} alone holds every answer string: not multi-paragraph"
                     for g, t in zip(gold, gold_texts) if all(w in t for w in wanted)]

    reported = {g["doc"] for g in gold}
    if wanted and kind not in check_analyst.NO_UNIQUENESS:
        for doc, n in matcher.paragraphs_with_all(wanted):
            if doc.id not in reported and filters.admits_doc(doc):
                reported.add(doc.id)
                problems.append(f"every answer string also occurs in {doc.id} paragraph {n} "
                                f"({doc.date}), which passes the filters: the gold is not unique")
    return problems


def _absent_problems(q: dict, filters: Filters, matcher: Matcher) -> list[str]:
    """An unanswerable question names in `absent` the terms that must never meet in one readout.

    Each item is a term or a list of alternative spellings; the check fails when some readout that
    passes the filters contains every item (any alternative), i.e. the corpus may answer after all.
    """
    absent = q.get("absent")
    if not absent or not isinstance(absent, list):
        return ["an unanswerable question needs 'absent': the terms that no readout holds together"]
    groups = []
    for item in absent:
        alternatives = [item] if isinstance(item, str) else item
        if not isinstance(alternatives, list) or not alternatives or not all(
                isinstance(a, str) and a.strip() for a in alternatives):
            return ["'absent' items must be strings or non-empty lists of strings"]
        groups.append([fold_accents(a) for a in alternatives])
    for doc in matcher.admitted(filters):
        text = matcher.folded[doc.id]
        if all(any(a in text for a in group) for group in groups):
            return [f"the 'absent' terms {absent!r} all occur in {doc.id} ({doc.date}): "
                    "the corpus may answer this question"]
    return []


def check_file(path: Path | str, docs: dict[str, Doc], matcher: Matcher | None = None) -> Report:
    """Check every line of one question file; the report lists problems and counts kinds."""
    path = Path(path)
    matcher = matcher or Matcher(docs)
    report = Report(str(path))
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        report.problems.append(f"{path}: cannot read: {error}")
        return report
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as error:
            report.problems.append(f"{where}: not valid JSON: {error}")
            continue
        if not isinstance(q, dict):
            report.problems.append(f"{where}: expected a JSON object")
            continue
        shape = _field_problems(q)
        if shape:
            report.problems += [f"{where}: {q.get('id', '?')}: {p}" for p in shape]
            continue
        if q["id"] in seen:
            report.problems.append(f"{where}: {q['id']}: duplicate id (first on line {seen[q['id']]})")
        seen.setdefault(q["id"], number)
        report.kinds[q["kind"]] += 1
        report.gold_docs |= {g["doc"] for g in q["gold"]}
        report.problems += [f"{where}: {q['id']}: {p}" for p in check_question(q, matcher)]
    if not seen:
        report.problems.append(f"{path}: no questions")
    report.ids = seen
    return report


def is_dev(path: Path | str) -> bool:
    """Whether a question file is a dev set (tuned on): dev.jsonl, analyst_dev*.jsonl."""
    return re.fullmatch(r"(?:analyst_)?dev\w*\.jsonl", Path(path).name) is not None


def check_files(paths: Sequence[Path | str], docs: dict[str, Doc]) -> list[Report]:
    """Check several files; an id in two of them is a problem, and so is a readout gold in two unless both are dev
    sets: dev must not leak into a held-out set, but a count or a list of one pair's contacts may be asked in two
    dev sets (few readouts are gold nowhere yet)."""
    matcher = Matcher(docs)
    reports = [check_file(p, docs, matcher) for p in paths]
    for i, first in enumerate(reports):
        for second in reports[i + 1:]:
            shared = [] if is_dev(first.path) and is_dev(second.path) else sorted(first.gold_docs & second.gold_docs)
            if shared:
                second.problems.append(f"{second.path}: {len(shared)} gold readout(s) also gold in "
                                       f"{first.path}, e.g. {shared[0]}")
            second.problems += [f"{second.path}:{line}: {qid}: id also used in {first.path}:{first.ids[qid]}"
                                for qid, line in second.ids.items() if qid in first.ids]
    return reports


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.check_questions", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="question files (JSONL)")
    parser.add_argument("--shared", type=Path, default=None,
                        help="folder with corpus/ and seeds/ (default: $READOUTS_SHARED or ../shared)")
    args = parser.parse_args(argv)
    try:
        docs = load_corpus(args.shared)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    reports = check_files(args.files, docs)
    failed = False
    for report in reports:
        for problem in report.problems:
            print(problem)
        counts = ", ".join(f"{k} {report.kinds[k]}" for k in sorted(report.kinds, key=_kind_order))
        status = f"{len(report.problems)} problem(s)" if report.problems else "ok"
        print(f"{report.path}: {sum(report.kinds.values())} questions ({counts}): {status}")
        failed = failed or bool(report.problems)
    return 1 if failed else 0


def _kind_order(kind: str) -> tuple[int, str]:
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


if __name__ == "__main__":
    sys.exit(main())
