"""Past a lead that only says a meeting took place: "What did Rice and Rodriguez discuss with the five Black state
House speakers?" is answered by the lead's "met with the historic five Black Speakers of the House ...", which has
every word of the question and says nothing of what was discussed; the paragraphs after it do ("During the meeting,
the Speakers discussed ..."). And "Which state senators were among the speakers?" is answered by the readout's list
of speakers, which the hits of a question naming the people (its lead) leave out."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from index.query import stem
from index.search import Scored

from .cover import has
from .parts import scene_and_ask
from .question import Question
from .sentences import ASKS_LEAD, ASKS_WHO_OR_WHERE, is_roster, sentence_scores
from .tuning import TUNING, Tuning
from .types import Candidate

# Who of a kind was among those who took part ("Which state senators were among the speakers?", "Who else attended?")
_AMONG = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?P<kind>[\w-]+s)\s+(?:were|was)\s+(?:among|on|part\s+of|at|"
                    r"in\s+attendance)\b|"
                    r"\bwho\s+(?:else\s+)?(?:attended|took\s+part|participated|(?:was|were)\s+among)\b", re.IGNORECASE)
# What the lead says, asked for: who took part, when, where (qa/sentences), and what the meeting was on as a whole
_OF_THE_MEETING = re.compile(r"\b(?:topic|purpose|occasion|focus|theme|subject)\s+of\b", re.IGNORECASE)


def _one_lead(chosen: list[Candidate]) -> bool:
    """Whether the chosen sentences are all of one readout's lead paragraph."""
    return bool(chosen) and all(c.hit.paragraph == 1 for c in chosen) and len({c.hit.readout_id for c in chosen}) == 1


def beyond_lead(question: Question, candidates: list[Candidate], chosen: list[Candidate],
                part_hits: Callable[[str, frozenset], list[Scored]] | None, tuning: Tuning = TUNING) -> list[Candidate]:
    """Chosen sentences (as sentence_scores makes them), with the best sentence of each of the next paragraphs of
    the same readout that has a topic word (up to `tuning.beyond_paragraphs` of them), where a discuss question's
    sentences are all of one readout's lead (not one asking what a lead says: who, when, where, the meeting's
    topic). `part_hits(text, readout ids)` retrieves that readout's passages when the candidates have none past its
    lead (the hits of a question naming the people are mostly leads)."""
    if not tuning.beyond_lead or question.intent != "discuss" or not question.topic or question.exclude \
            or not _one_lead(chosen):
        return chosen
    asked = scene_and_ask(question.text)[1] or question.text
    if ASKS_LEAD.search(asked) or ASKS_WHO_OR_WHERE.search(asked) or _OF_THE_MEETING.search(asked):
        return chosen
    readout = chosen[0].hit.readout_id
    if part_hits is not None and not any(c.hit.readout_id == readout and c.hit.paragraph > 1 for c in candidates):
        candidates = sentence_scores(question, part_hits(question.text, frozenset({readout})), (), tuning)
    onward: dict[int, tuple] = {}
    for c in candidates:  # (best first)
        if c.hit.readout_id == readout and c.hit.paragraph > 1 and c.overlap >= 1 and not is_roster(c.hit.text):
            onward.setdefault(c.hit.paragraph, c)
    if not onward:
        return chosen
    added = [onward[p] for p in sorted(onward)[: tuning.beyond_paragraphs]]
    return chosen + added


def roster_lines(question: Question, chosen: list[Candidate], part_hits: Callable[[str, frozenset], list[Scored]] | None,
                 tuning: Tuning = TUNING) -> list[Candidate]:
    """Chosen sentences, or the lines of the readout's roster of the kind asked for, where the question asks who of a
    kind was among those there and the sentences are all of one readout's lead ("- Senator Pat Spearman")."""
    among = _AMONG.search(question.text) if tuning.roster_fetched and part_hits is not None else None
    if not among or not _one_lead(chosen):
        return chosen
    # (the kind asked for, "senators" of "Senator Pat Spearman"; any line for "who else attended?")
    kind = [stem(among.group("kind"))] if among.group("kind") else []
    readout = chosen[0].hit.readout_id
    # (every sentence of the readout's passages, its roster's too: sentence_scores leaves a roster out otherwise)
    found = sentence_scores(question, part_hits(question.text, frozenset({readout})), (), replace(tuning, rosters=False))
    lines = [c for c in found if c.hit.readout_id == readout and is_roster(c.hit.text) and c.sentence.startswith(("- ", "• "))
             and (not kind or has(c.sentence, kind))]
    return sorted(lines, key=lambda c: (c.hit.paragraph, c.position)) or chosen
