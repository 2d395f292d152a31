"""Who took part in a contact, as a question says it: the company of an official ("Who went with Sullivan to
Brasilia") is a fact of the readout, not a speaker; an aide named by their boss ("Zelenskyy's chief of staff")
took part, the boss did not. On the real corpus index; each test fails with its Tuning switch off
(company_not_said, boss_not_party)."""
from __future__ import annotations

import pytest

from qa import ask
from qa.ask import understand

QUAD_AND_UKRAINE = "wh-2023-11-14-readout-of-national-security-advisor-sullivans-meeting-with-quad-and-ukrainian-counterparts"


@pytest.mark.parametrize("text, intent", [
    ("Who went with Jake Sullivan to Brasilia in December 2022, and what did he extend to President-elect Lula?",
     "discuss"),
    ("Who led the U.S. delegation that visited Haiti in October 2021?", "discuss"),
    ("Who was with Blinken when he met Kuleba in Kyiv?", "discuss"),
    ("Who co-chaired the November 2022 meeting of the U.S.-EU Task Force on Energy Security?", "discuss"),
    ("Who represented France on the call?", "discuss"),
    # still who said something
    ("Who raised fentanyl in the meeting between Biden and Xi?", "who_said"),
    ("In the February call, who thanked the other for hosting the summit?", "who_said"),
    ("Who leads on that?", "who_said"),  # ("led" as a word, not inside another)
])
def test_who_took_part_is_not_who_said(library, text, intent):
    assert understand(library, text).intent == intent


def test_the_company_of_an_official_is_quoted(library):
    answer = ask(library, "Who went with Jake Sullivan to Brasilia in December 2022, and what did he extend to "
                          "President-elect Lula?")
    # read as "who said", the answer had quoted the lead's first sentence only (the one Sullivan "said")
    assert "National Security Council and State Department" in answer.text
    assert "invitation on behalf of President Biden" in answer.text


def test_an_aide_named_by_their_boss_took_part_and_the_boss_did_not(library):
    read = understand(library, "What did Sullivan consult on with Meloni's diplomatic adviser Francesco Talo in "
                               "August 2023?")
    names = [p.names[0] for p in read.people]
    assert "Giorgia Meloni" not in names and any("Talo" in n for n in names), names
    # "Biden and Meloni" later in the question still names Meloni
    both = understand(library, "What did Sullivan discuss with Meloni's diplomatic adviser, and what did Biden and "
                               "Meloni discuss in March 2024?")
    assert "Giorgia Meloni" in [p.names[0] for p in both.people]
    # Zelenskyy was read as a party: the answer quoted Biden's December 2023 meeting with him
    answer = ask(library, "In November 2023, when the President's security chief met his Paris, Berlin and London "
                          "opposite numbers together with Zelenskyy's chief of staff, what did the Ukrainian brief "
                          "them on?")
    assert {c.readout_id for c in answer.citations} == {QUAD_AND_UKRAINE}
    assert "Ukraine’s counteroffensive" in answer.text
