"""The analyst question kinds' own rules, for eval.check_questions (see eval/questions/README.md).

Nine kinds join the original six. Their answers are not all verbatim strings: `when` and `list` answer
with ISO dates, `how_many` with a count, `who_said` with the speaker's family name first and
`yes_no` with "Yes" first. `verbatim_answers` says which answers must occur in a gold paragraph;
`kind_problems` checks the rest against the gold readouts.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Callable, Sequence

ANALYST_KINDS = ("discuss", "who_said", "when", "list", "how_many", "yes_no", "compare", "paraphrase_hard",
                 "followup3")
# Kinds whose answers are dates or a count: a string check against other readouts means nothing there,
# and `compare` is answered by several readouts on purpose.
NO_UNIQUENESS = ("when", "list", "how_many", "compare")
# Days a reported contact may precede its readout ("yesterday", "on Monday", "on February 9").
MAX_DAYS_BEFORE = 3
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def verbatim_answers(kind: str, answers: Sequence[str]) -> list[str]:
    """The answers that must be copied from a gold paragraph (all of them for the original kinds)."""
    if kind in ("when", "list", "how_many"):
        return []
    if kind in ("who_said", "yes_no"):
        return list(answers[1:])
    return list(answers)


def lead_paragraph(paragraphs: Sequence[str], is_boilerplate: Callable[[str], bool]) -> int:
    """Number of a readout's lead: its first paragraph that is not the attribution line."""
    return next((n for n, text in enumerate(paragraphs, 1) if not is_boilerplate(text)), 1)


def _date_problems(answer: str, dates: Sequence[str]) -> list[str]:
    """An ISO answer must be a gold readout's date or at most MAX_DAYS_BEFORE days before it."""
    if not _ISO.match(answer):
        return [f"answer {answer!r} is not a YYYY-MM-DD date"]
    try:
        day = _dt.date.fromisoformat(answer)
    except ValueError:
        return [f"answer {answer!r} is not a valid date"]
    for date in dates:
        try:
            gap = (_dt.date.fromisoformat(date) - day).days
        except ValueError:
            continue
        if 0 <= gap <= MAX_DAYS_BEFORE:
            return []
    return [f"answer {answer} is not the date of a gold readout ({', '.join(sorted(set(dates)))}) "
            f"or up to {MAX_DAYS_BEFORE} days before it"]


def _distinct_holders(wanted: Sequence[str], holders: Sequence[object], texts: Sequence[str]) -> int:
    """How many answers can be matched to distinct holders (paragraphs or readouts) that contain them."""
    options = [{h for h, t in zip(holders, texts) if w in t} for w in wanted]
    taken: dict[object, int] = {}

    def place(i: int, seen: set) -> bool:  # augmenting path: a tiny bipartite matching
        for holder in options[i]:
            if holder not in seen:
                seen.add(holder)
                if holder not in taken or place(taken[holder], seen):
                    taken[holder] = i
                    return True
        return False

    return sum(place(i, set()) for i in range(len(wanted)))


def kind_problems(q: dict, gold_docs: Sequence, gold_texts: Sequence[str], normalize: Callable[[str], str],
                  fold: Callable[[str], str], is_boilerplate: Callable[[str], bool]) -> list[str]:
    """Rules of one analyst kind. gold_docs/gold_texts run parallel to q["gold"] (texts normalized)."""
    kind, answers, gold, history = q["kind"], q["answers"], q["gold"], q["history"]
    problems: list[str] = []
    places = [(g["doc"], g["paragraph"]) for g in gold]
    readouts = {g["doc"] for g in gold}
    if len(set(places)) != len(places):
        problems.append("a gold paragraph is listed twice")

    if kind in ("when", "list", "how_many"):
        leads = [(d.id, lead_paragraph(d.paragraphs, is_boilerplate)) for d in gold_docs]
        problems += [f"gold {doc} paragraph {n} is not the readout's lead (paragraph {lead})"
                     for (doc, n), (_, lead) in zip(places, leads) if n != lead]
        if len(readouts) != len(gold):
            problems.append(f"a {kind} question lists each gold readout once, by its lead")
        dates = [d.date for d in gold_docs]
        if kind == "how_many":
            if answers != [str(len(readouts))]:
                problems.append(f"a how_many answer is the count of gold readouts as digits, "
                                f"[\"{len(readouts)}\"], not {answers!r}")
        else:
            if kind == "when" and len(answers) != 1:
                problems.append("a when question has exactly one answer, the ISO date")
            if len(set(answers)) != len(answers):
                problems.append("the same date is given twice")
            for answer in answers:
                problems += _date_problems(answer, dates)
        return problems

    wanted = [normalize(a) for a in verbatim_answers(kind, answers)]
    if kind in ("paraphrase_hard", "who_said") and len(gold) != 1:
        problems.append(f"a {kind} question is answered by exactly one gold paragraph, not {len(gold)}")
    if kind == "who_said":
        if not 1 <= len(answers) <= 2:
            problems.append("a who_said answer is the speaker's family name, optionally with one phrase")
        elif len(answers[0].split()) > 3:
            problems.append(f"who_said: {answers[0]!r} should be the speaker's family name")
        elif gold_docs:
            name = fold(answers[0])
            doc, text = gold_docs[0], fold(gold_docs[0].paragraphs[gold[0]["paragraph"] - 1])
            if name not in text and name not in fold(doc.title):
                problems.append(f"who_said: the speaker {answers[0]!r} is in neither the gold paragraph nor "
                                "its readout's title")
    if kind == "yes_no" and (len(answers) != 2 or answers[0] != "Yes"):
        problems.append("a yes_no answer is [\"Yes\", one verbatim phrase] (a No question is 'unanswerable')")
    if kind == "discuss":
        if len(set(places)) < 2:
            problems.append("a discuss question needs two or more gold paragraphs")
        elif _distinct_holders(wanted, places, gold_texts) < len(wanted):
            problems.append("each discuss answer string must come from a different gold paragraph")
    if kind == "compare":
        if len(readouts) < 2:
            problems.append("a compare question needs gold paragraphs from two or more readouts")
        elif _distinct_holders(wanted, [doc for doc, _ in places], gold_texts) < 2:
            problems.append("a compare question needs answer strings from at least two different gold readouts")
    if kind == "followup3":
        if len(history) != 2:
            problems.append(f"a followup3 question has exactly two earlier turns in 'history', not {len(history)}")
    return problems
