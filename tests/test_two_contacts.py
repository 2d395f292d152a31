"""Questions about two contacts, each with its own date, counterpart or kind ("with Finland's President Niinistö in
March 2023 and with Sweden's Prime Minister Kristersson in July 2023"), on the real corpus index. Each case fails
with the Tuning switch named beside it off (cases from analyst_dev17.jsonl, a blind dev set)."""
from __future__ import annotations

import pytest

from qa import ask

CASES = [
    # dates_in_other_words: the August 2022 call says "a sovereign and independent Iraq", no word "sovereignty"
    ("What did Biden and Iraq's Prime Minister Kadhimi discuss about Iraq's sovereignty in their phone calls of "
     "February 2021 and August 2022?", ("Iraq’s sovereignty and independence", "sovereign and independent Iraq")),
    # dated_pair: no readout has Niinistö and Kristersson together; it was refused
    ("What did the White House discuss about NATO membership with Finland's President Niinistö in March 2023 and "
     "with Sweden's Prime Minister Kristersson in July 2023?",
     ("Finland and Sweden joining NATO", "welcoming Sweden to NATO as soon as possible")),
    # kind_at_date: the February meeting in Melbourne, not the February 24 call; the call with Modi, not the
    # preview of a "Virtual Meeting" (both "call" in the metadata)
    ("How did Blinken's February 2022 meeting with Jaishankar in Melbourne and Biden's April 2022 call with Modi each "
     "address Russia's war?", ("diplomatic efforts in response to Russian aggression", "particular focus on global food supply")),
    # titled_person: Sherman's own call with Delattre, not the group call of four that lists him
    ("What did Sherman discuss with France's Delattre in March 2022 and with the UK's national security adviser "
     "Lovegrove in July 2022?", ("impose costs on Russia for its aggression", "global food crisis")),
    # dated_contact: "during Jake Sullivan's July 2023 trip" dates a contact of its own
    ("What did the United States and Saudi Arabia discuss about Yemen in Biden's February 2021 call with King Salman "
     "and during Jake Sullivan's July 2023 trip to Jeddah?",
     ("renewed diplomatic efforts led by the United Nations", "benefits of the truce in Yemen")),
]


@pytest.mark.parametrize("question,said", CASES, ids=["dates_in_other_words", "dated_pair", "kind_at_date",
                                                       "titled_person", "dated_contact"])
def test_each_contact_is_quoted(library, question, said):
    answer = ask(library, question)
    assert not answer.refused
    assert all(s in answer.text for s in said), [s for s in said if s not in answer.text]


def test_a_year_named_beside_a_contact_is_no_second_contact(library):
    # "facing elections in 2023 in December 2022": the one meeting, not also a 2023 call of Sullivan's with Gabon
    answer = ask(library, "When Biden met six African presidents facing elections in 2023 in December 2022, which "
                          "African charter did the participants cite, and how much did the United States plan to "
                          "provide for elections and good governance in Africa in 2023?")
    assert {c.readout_id for c in answer.citations} == {
        "wh-2022-12-15-readout-of-meeting-between-president-joseph-r-biden-jr-and-the-presidents-of-the-democratic-"
        "republic-of-the-congo-gabon-liberia-madagascar-nigeria"}


def test_a_contact_whose_metadata_kind_is_other_is_still_the_calls_asked_about(library):
    # "Calls with ... Park and ... Hayashi" is "other" in the metadata; its title says the kind
    answer = ask(library, "On North Korea, what did the State Department's account of Blinken's separate May 2022 calls "
                          "with Foreign Ministers Park Jin and Hayashi say that the account of his July 2022 trilateral "
                          "meeting with them in Bali did not, and vice versa?")
    assert "sd-secretary-blinkens-calls-with-republic-of-korea-foreign-minister-park-and-japanese-foreign-minister-hayashi" \
        in {c.readout_id for c in answer.citations}


def test_two_contacts_that_each_touch_on_a_topic_are_compared(library):
    from qa.ask import understand

    read = understand(library, "How did Blinken's August 2021 meeting with Qatar's foreign minister and Jon Finer's "
                               "October 2022 meeting with Albania's foreign minister each touch on Afghans?")
    assert read.intent == "compare"
