"""The forty-second session's blind sets (analyst_dev64, 65 and 66, each read after its blind figure was taken) had:
"At the 2023 Vilnius NATO summit, ..." answered from another contact of the pair (the capital "At" and "the 2023" hid the
place, and the call "in advance of the NATO Summit in Vilnius" names it too); "the wider Atlantic Ocean region" refused
where the readout has "the Atlantic Basin region"; analysts' words refused ("restocking", "coronavirus", "rainforest",
"congestion", "overhauling" where the table has "overhaul"); "How many veterans and military-family groups joined
Blinken and McDonough's call?" answered as a count of their contacts, then, read as a question on the call, from the
paragraphs past the lead that gives "75 veteran, military family, caregiver and survivor organizations"; a quotation
answered with no one named where "..., said First Lady Melania Trump" follows it; "was Biden expected to raise ...?"
refused for "expected"; "just before Christmas 2023" read as no date; and "Besides Petro himself, whom ...?" read as a
person named "Besides Petro". These tests ask the same kinds of thing in other words, on the real corpus index with the
bundled model.

Each test fails with its switch off (checked with READOUTS_TUNING='{"switch": false}'): a place after a capital "At"
or after "the" and a year (Tuning.place_forms), a contact at a place being in person (place_in_person), a sea's name
put another way (geo_heads), the table of official words (official_words), whose call it was read as a noun
(possessive_contact), a number asked that the lead gives (number_in_lead), who said a quotation (quote_speaker), a
participle before "to" and a verb (participle_to), the days just before a holiday (near_holiday), a word opening the
question before a name (opening_words) and a verb's "-ing" form in the table (verb_entries)."""
from __future__ import annotations

from conftest import cited

from qa import ask
from qa.dates import all_dates
from qa.intent import intent_of
from qa.quotes import quoted_by
from qa.topic import places_of
from qa.unsaid import unsaid_name
from qa.verbs import says_how
from qa.vocabulary import official_words

VILNIUS = "wh-2023-07-11-readout-of-president-joe-bidens-meeting-with-president-recep-tayyip-erdogan-of-turkiye"
CRAVINHO = ("wh-2022-08-22-readout-of-national-security-advisor-jake-sullivans-call-with-portuguese-foreign-minister-"
            "joao-gomes-cravinho")
NAACP = "wh-2022-09-23-readout-of-vice-president-kamala-harriss-meeting-with-naacp-youth-and-college-leaders"
VETERANS = "wh-2021-08-27-readout-of-white-house-meeting-with-veteran-and-military-family-organizations"
NETANYAHU_XMAS = "wh-2023-12-23-readout-of-president-joe-bidens-call-with-prime-minister-netanyahu-of-israel"
MPOX = "wh-2024-09-16-readout-of-white-house-convening-on-mpox"
BENNETT = "wh-2022-02-06-readout-of-president-joseph-r-biden-jr-s-call-with-prime-minister-naftali-bennett-of-israel"


def test_a_place_opening_the_question_or_after_a_year_is_where_the_contact_was():
    # (before: no place; "at" and "in" were read in lower case only, right before the name)
    assert places_of("At the 2022 Madrid summit, what did they agree?") == ("Madrid",)
    assert places_of("In Kyiv, what did Blinken announce?") == ("Kyiv",)
    assert places_of("What did they discuss in Honolulu?") == ("Honolulu",)  # (as before)


def test_a_contact_at_a_summit_is_the_meeting_there_not_the_call_before_it(library):
    # (before: their May 2023 call on his re-election, then the Vilnius meeting; or, with the place read, the call "in
    # advance of the NATO Summit in Vilnius")
    answer = ask(library, "At the 2023 Vilnius summit, what did Biden congratulate Erdoğan on?")
    assert {c.readout_id for c in answer.citations} == {VILNIUS}, answer.citations
    assert "Sweden" in answer.text


def test_a_sea_put_another_way_is_said():
    texts = {"r": "They promoted a peaceful and prosperous Atlantic Basin region."}
    assert not unsaid_name("Atlantic Ocean", ["atlantic", "ocean"], texts)
    # (not the name alone: "Black" of a readout on Black History Month is no Black Sea)
    assert unsaid_name("Black Sea", ["black", "sea"], {"r": "They marked Black History Month."})


def test_the_atlantic_asked_as_the_ocean_is_answered(library):
    # (before: refused, "none of the readouts of Sullivan and Gomes Cravinho mentions Atlantic Ocean")
    answer = ask(library, "Did Sullivan and Portugal's Gomes Cravinho talk about the Atlantic Ocean?")
    assert not answer.refused
    assert (CRAVINHO, 1) in cited(answer, CRAVINHO), answer.citations
    assert "Atlantic Basin" in answer.text


def test_restocking_is_said_as_replenishing(library):
    # (before: refused, "none of them mentions restocking"; the readout has "replenishing Israel's Iron Dome system")
    answer = ask(library, "What did Biden promise Bennett about restocking Iron Dome?")
    assert not answer.refused
    assert BENNETT in {c.readout_id for c in answer.citations}, answer.citations
    assert "replenishing Israel’s Iron Dome" in answer.text


def test_whose_call_it_was_is_no_contact_counted():
    # (before: "how_many", counting the contacts of the two: "1 call of Antony Blinken and Denis McDonough ...")
    assert intent_of("How many veteran groups joined McDonough's call in August 2021?") == "discuss"
    assert intent_of("How many times has McDonough called Blinken?") == "how_many"  # (as before)


def test_a_number_asked_that_the_lead_gives_is_quoted_from_the_lead(library):
    # (before: paragraphs 2 and 3, on what the participants discussed, past the lead that gives the number)
    answer = ask(library, "How many students and young leaders took part in Harris's roundtable with NAACP youth in "
                          "September 2022?")
    assert cited(answer, NAACP) == {(NAACP, 1)}, answer.citations
    assert "25 students and young leaders" in answer.text
    answer = ask(library, "How many veterans' groups attended the White House's August 2021 meeting on Afghanistan?")
    assert cited(answer, VETERANS) == {(VETERANS, 1)}, answer.citations
    assert "over 70 veteran" in answer.text


def test_who_said_a_quotation_is_whom_it_is_attributed_to(library):
    # (before: the quotation alone, no one named: its sentences report no speaker of their own)
    answer = ask(library, "At the September 2024 White House convening on mpox, who said the U.S. would keep leading the "
                          "way, at home and abroad, in being better prepared?")
    assert cited(answer, MPOX) == {(MPOX, 3)}, answer.citations
    assert answer.text.startswith("Dr. Liz Sherwood-Randall: “By building on the lessons"), answer.text
    # ... attributed before it too, and not a sentence outside quotation marks
    assert quoted_by("Senator Ted Cruz, commented: “Life can change. Everyone has the right.”", "Everyone has the right.”") \
        == "Senator Ted Cruz"
    assert quoted_by("He said no. Then he left.", "Then he left.") is None


def test_a_participle_before_to_and_a_verb_says_how_it_was_put():
    # (before: a65-028 was refused, "none of them mentions expected")
    assert says_how("expected", "Was Biden expected to raise the war's effect on food supplies?")
    assert says_how("scheduled", "Were they scheduled to sign the compact in Lima?")
    assert not says_how("committed", "Which groups committed to democracy?")  # ("democracy" is no verb)


def test_just_before_a_holiday_is_the_days_before_it(library):
    # (before: no date at all, so all of 2023, and "Christmas" a word of what was discussed: refused)
    assert all_dates("What did they discuss just before Christmas 2023?") == (("2023-12-18", "2023-12-24"),)
    assert all_dates("What did they discuss on Christmas Eve 2021?") == (("2021-12-24", "2021-12-24"),)  # (as before)
    answer = ask(library, "What did Biden and Netanyahu discuss just before Christmas 2023?")
    assert not answer.refused, answer.text
    assert {c.readout_id for c in answer.citations} == {NETANYAHU_XMAS}, answer.citations


def test_a_word_opening_the_question_is_no_part_of_a_name(library):
    # (before: refused, "nothing in the index mentions Besides Petro")
    answer = ask(library, "Besides Petro, whom did Biden congratulate on winning Colombia's June 2022 election?")
    assert not answer.refused, answer.text
    assert "Francia Marquez" in answer.text


def test_a_verbs_ing_form_is_its_table_entry(library):
    # (before: refused, "does not mention overhauling"; the table has "overhaul" as "reform")
    assert official_words("overhauling") == official_words("overhaul") != ()
    answer = ask(library, "In June 2021, did Blinken and Jimmy Carter talk about overhauling Nicaragua's elections?")
    assert not answer.refused, answer.text
    assert "electoral reform" in answer.text
