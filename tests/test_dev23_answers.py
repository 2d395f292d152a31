"""Failures of the blind analyst_dev23/24 sets (twenty-third session), in other words: a question of several things
that names no participant (an event at the White House) cites only the paragraphs answering one of its questions
best, as a question naming people does. Real corpus index and bundled model; fails with Tuning.unnamed_needed off."""
from __future__ import annotations

from qa import ask

ISLAMOPHOBIA = "wh-2023-05-03-readout-of-white-house-listening-session-on-islamophobia"
SSBCI = ("wh-2022-10-28-readout-white-house-treasury-and-state-officials-discuss-american-rescue-plan-investments-in-"
         "manufacturing-through-the-state-small-business-credit")


def test_a_question_of_two_things_about_an_event_cites_the_paragraph_that_answers(library):
    answer = ask(library, "Which holiday reception had just happened before the May 2023 session on anti-Muslim bigotry "
                          "hosted by the Vice President's spouse, and which interagency effort was it part of?")
    assert [(c.readout_id, c.paragraph) for c in answer.citations] == [(ISLAMOPHOBIA, 2)], answer.text
    assert "Eid al-Fitr" in answer.text


def test_each_question_of_an_event_keeps_its_own_paragraph(library):
    answer = ask(library, "At the October 2022 session on the rescue plan's state small-business credit money for "
                          "manufacturers, how much private investment was each dollar expected to attract, and what loan "
                          "program was Minnesota creating?")
    cited = {(c.readout_id, c.paragraph) for c in answer.citations}
    assert {(SSBCI, 4), (SSBCI, 9)} <= cited and (SSBCI, 1) not in cited, answer.text
