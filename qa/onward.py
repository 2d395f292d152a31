"""Past a lead that only says a meeting took place: "What did Rice and Rodriguez discuss with the five Black state
House speakers?" is answered by the lead's "met with the historic five Black Speakers of the House ...", which has
every word of the question and says nothing of what was discussed; the paragraphs after it do ("During the meeting,
the Speakers discussed ...")."""
from __future__ import annotations

import re
from typing import Callable

from index.search import Scored

from .parts import scene_and_ask
from .question import Question
from .sentences import ASKS_LEAD, ASKS_WHO_OR_WHERE, is_roster, sentence_scores
from .tuning import TUNING, Tuning

# What the lead says, asked for: who took part, when, where (qa/sentences), and what the meeting was on as a whole
_OF_THE_MEETING = re.compile(r"\b(?:topic|purpose|occasion|focus|theme|subject)\s+of\b", re.IGNORECASE)


def beyond_lead(question: Question, candidates: list[tuple], chosen: list[tuple],
                part_hits: Callable[[str, frozenset], list[Scored]] | None, tuning: Tuning = TUNING) -> list[tuple]:
    """Chosen sentences (as sentence_scores makes them), with the best sentence of each of the next paragraphs of
    the same readout that has a topic word (up to `tuning.beyond_paragraphs` of them), where a discuss question's
    sentences are all of one readout's lead (not one asking what a lead says: who, when, where, the meeting's
    topic). `part_hits(text, readout ids)` retrieves that readout's passages when the candidates have none past its
    lead (the hits of a question naming the people are mostly leads)."""
    if not tuning.beyond_lead or question.intent != "discuss" or not question.topic or question.exclude \
            or not chosen or any(c[4].paragraph != 1 for c in chosen) or len({c[4].readout_id for c in chosen}) > 1:
        return chosen
    asked = scene_and_ask(question.text)[1] or question.text
    if ASKS_LEAD.search(asked) or ASKS_WHO_OR_WHERE.search(asked) or _OF_THE_MEETING.search(asked):
        return chosen
    readout = chosen[0][4].readout_id
    if part_hits is not None and not any(c[4].readout_id == readout and c[4].paragraph > 1 for c in candidates):
        candidates = sentence_scores(question, part_hits(question.text, frozenset({readout})), (), tuning)
    onward: dict[int, tuple] = {}
    for c in candidates:  # (best first)
        if c[4].readout_id == readout and c[4].paragraph > 1 and c[5] >= 1 and not is_roster(c[4].text):
            onward.setdefault(c[4].paragraph, c)
    if not onward:
        return chosen
    added = [onward[p] for p in sorted(onward)[: tuning.beyond_paragraphs]]
    return chosen + added
