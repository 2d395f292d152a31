"""Answers about one contact narrowed to what was asked: the readout that holds the whole of a question of several
parts, the sentences that give the number a "how many" asks for, and of sentences tied on the topic's words the one
closest in meaning. Candidates are qa.types.Candidate, as qa/sentences.sentence_scores scores them."""
from __future__ import annotations

import re
from typing import Callable

from index.query import stem

from .cover import has
from .details import ORDINAL, gives_number
from .parts import scene_and_ask
from .question import Question
from .tuning import Tuning
from .types import Candidate


def covering_readout(question: Question, candidates: list[Candidate], tuning: Tuning,
                     rarity: Callable[[str], float]) -> list[Candidate]:
    """The candidates of one readout, for a question of several parts about one contact: by default that of the
    best sentence; another only where its passages and title have between them topic words worth
    `readout_cover_margin` more, each word weighted by its rarity in the index ("how much did the health department
    make available ..., and how many states had extended year-long postpartum Medicaid?": the readout answering both,
    not one with a sentence of "states", "postpartum" and "Medicaid")."""
    words = {stem(t): t for t in question.topic}
    stems = list(words)
    found: dict[str, set[str]] = {}
    for c in candidates:
        rid = c.hit.readout_id
        if rid not in found:  # (the title says what the contact was about: the question's scene is often there)
            found[rid] = has(c.hit.title, stems)
        found[rid] |= has(c.sentence, stems)
    if len(found) < 2:
        return candidates
    weight = {rid: sum(rarity(words[t]) for t in got) for rid, got in found.items()}
    first = candidates[0].hit.readout_id
    best = max(found, key=lambda rid: weight[rid])
    if weight[best] < weight[first] + tuning.readout_cover_margin:
        best = first
    return [c for c in candidates if c.hit.readout_id == best]


def number_given(question: Question, candidates: list[Candidate], chosen: list[Candidate],
                 part_meaning: Callable[[str, list[str]], list[float]], tuning: Tuning) -> list[Candidate]:
    """Of a question asking one number ("how many", "how much"): the chosen sentences that give one, of the paragraph
    whose sentence is closest in meaning to what is asked where they are in several (`count_only`: a lead that says
    who met, or another figure of the readout, answers nothing). Where none gives a number: the sentence of the same
    readout that gives one and is closest in meaning ("So far in 2022, 12 states have enacted more than 25 bills" for
    "how many statehouses had adopted how many measures", asked in none of its words), if close enough."""
    asked = scene_and_ask(question.text)[1] or question.text
    giving = [c for c in chosen if gives_number(c.sentence)]
    if giving and not tuning.count_only:
        return chosen
    if not giving:
        readout = chosen[0].hit.readout_id
        pool = [c for c in candidates if c.hit.readout_id == readout and gives_number(c.sentence)][: tuning.count_sentences]
        if not pool:
            return chosen
        cosines = part_meaning(asked, [c.sentence for c in pool])
        best = max(range(len(pool)), key=cosines.__getitem__)
        return [pool[best]] if cosines[best] >= tuning.count_cosine else chosen
    paragraphs = {(c.hit.readout_id, c.hit.paragraph) for c in giving}
    if len(paragraphs) > 1:
        cosines = part_meaning(asked, [c.sentence for c in giving])
        best = giving[max(range(len(giving)), key=cosines.__getitem__)]
        paragraphs = {(best.hit.readout_id, best.hit.paragraph)}
    return [c for c in giving if (c.hit.readout_id, c.hit.paragraph) in paragraphs]


# A question asking which one of a series a contact was ("which installment of the forum series", "which numbered
# session", "was which meeting in the task force's series"): the answer is an ordinal ("the twenty-ninth in a series").
ASKS_ORDINAL = re.compile(r"\bwhich\s+(?:installment|instalment|edition|iteration|numbered)\b|"
                          r"\bwhich\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|round|convening|gathering|forum|summit|event)\b"
                          r"(?=.*\bseries\b)", re.IGNORECASE)


def ordinal_given(question: Question, candidates: list[Candidate], chosen: list[Candidate], tuning: Tuning) -> list[Candidate]:
    """Of a question asking which of a series a contact was: the chosen sentences that give an ordinal, else the best
    ranked sentence of the first chosen readout that gives one ("The forum was the twenty-ninth in a series of ...")."""
    if not tuning.ordinal_given or not chosen or not ASKS_ORDINAL.search(question.text):
        return chosen
    giving = [c for c in chosen if ORDINAL.search(c.sentence)]
    if giving:
        return giving
    readout = chosen[0].hit.readout_id
    return next(([c] for c in candidates if c.hit.readout_id == readout and ORDINAL.search(c.sentence)), chosen)


def closest_of_tied(question: Question, candidates: list[Candidate], part_meaning: Callable[[str, list[str]], list[float]],
                     tuning: Tuning) -> list:
    """The candidates with, first, the one closest in meaning to the question proper of those of the best one's readout
    that have as many topic words: five sentences of Harris's meeting with Gantz name Hamas, and "She called on Hamas
    to accept the terms on the table" is the one that answers "who urged Hamas to take the deal on offer?" (the first
    of them in the paragraph was quoted before)."""
    best = candidates[0]
    # (not the lead that says who met where: the question's own scene makes it close to any question on the contact)
    tied = [c for c in candidates if c.overlap == best.overlap and c.hit.readout_id == best.hit.readout_id
            and not (c.hit.paragraph == 1 and c.position == 0)][:tuning.tie_meaning]
    if len(tied) < 2 or tied[0] is not best:
        return candidates
    cosines = part_meaning(scene_and_ask(question.text)[1] or question.text, [c.sentence for c in tied])
    top = max(range(len(tied)), key=cosines.__getitem__)
    if cosines[top] - cosines[0] < tuning.tie_margin:
        return candidates  # (as close as the best, within the noise of the measure: the words' order stands)
    return [tied[top]] + [c for c in candidates if c is not tied[top]]
