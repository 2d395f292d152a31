"""The thirty-seventh session's blind sets (analyst_dev54 to analyst_dev56) had yes/no questions on whether a place or
a body was there ("Was South Dakota represented ...?", "Did the Army's engineers send anyone ...?", "Was an autistic
advocacy group at the table ...?") answered with the lead, while the answer was a line of the readout's list of who
took part; "the wildfires that tore through Colorado" refused for "tore"; and analyst words ("beating cancer", "the
borrowing limit", "the shortlist", "corner drugstores", "three-way meetings") refused. These tests ask the same kinds
of thing in other words and of other readouts, on the real corpus index with the bundled model.

A yes/no asking whether a place or a body was represented, sent anyone, or was there ("one of the union presidents
from ...") asks who was there (Tuning.present_forms); the first two tests fail with it off. A bulleted list of who
took part answers such a question, its one line naming them alone (Tuning.present_rosters); the third fails with it
off. So too "Was Tom Barrett among those at ...?", someone named as written (Tuning.present_forms); the fourth fails
with it off. A country the question names as what was discussed ("a call with allies about Ukraine") is no party where
it is named again ("Ukraine's economy"), unless as one there (Tuning.topic_country_once); the fifth fails with it
off. A past tense after "that" or "which" is a verb, which says how, not what (Tuning.relative_past); the sixth fails
with it off. A readout's word for an analyst's word no passage has counts for the sentences of any answer, not only
a "Yes" (Tuning.official_all); the seventh fails with it off. "What is the official currency of ...?" is out of the
readouts' domain, "official" no word of diplomacy there (Tuning.world_facts); the eighth fails with it off. A year
asked for is given only by a sentence with at least half the name asked about (Tuning.year_of_subject); the ninth fails with it
off. The last two check the new entries of the table of official words (Tuning.official_words); the last
fails with it off."""
from __future__ import annotations

from qa import ask
from qa.parties import countries_of
from qa.present import present_asked
from qa.question import Question
from qa.verbs import says_how
from qa.vocabulary import official_words

EVICTION = "wh-2021-07-21-readout-of-the-second-white-house-eviction-prevention-convening"
POLICING = "wh-2021-10-31-readout-of-white-house-meetings-with-leaders-of-law-enforcement-groups-on-police-reform"
LABOR = "wh-2021-02-17-readout-of-labor-leaders-meeting-to-discuss-the-american-rescue-plan-and-infrastructure"
TRANSATLANTIC = "wh-2022-02-18-readout-of-president-bidens-call-with-transatlantic-leaders"
UNIONS = ("wh-2023-07-03-readout-of-white-house-listening-session-with-union-leaders-on-advancing-responsible-"
          "artificial-intelligence-innovation")
VIETNAM = "wh-2024-09-25-readout-of-president-joe-bidens-meeting-with-general-secretary-to-lam-of-vietnam"
STORMS = "wh-2021-12-11-readout-of-president-bidens-call-with-governors-of-states-impacted-by-severe-weather"
MCCARTHY = "wh-2023-02-01-readout-of-president-bidens-meeting-with-speaker-mccarthy"
JUDICIARY = ("wh-2022-02-01-readout-of-the-presidents-meeting-with-senate-judiciary-committee-chair-durbin-and-"
             "ranking-member-grassley")


def _asked(text: str) -> list[str]:
    return present_asked(Question(text=text, intent="yes_no"))[0]


def test_whom_a_place_or_a_body_asks_was_there():
    assert _asked("Was Ohio represented at the governors' meeting?") == ["ohio"]
    assert _asked("Did the Navy send anyone to the summit?") == ["navy"]
    assert _asked("Was a veterans group at the table when she met them?") == ["veteran", "group"]
    # (whom it asks about, not what describes them)
    assert _asked("Was one of the striking nurses from the Boston hospital at the roundtable?") == ["strik", "nurs"]
    # (still a topic, not someone: "Was climate represented in the talks?" names nothing that sends people)
    assert _asked("Did trade come up at the summit?") == []


def test_a_place_or_a_body_there_is_quoted_by_name(library):
    answer = ask(library, "Was Milwaukee represented at the second White House eviction prevention convening in "
                          "July 2021?")
    # (before: "Yes" and a sentence on the June summit that the convening built on)
    assert answer.text.startswith("Yes.") and "City of Milwaukee" in answer.text, answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(EVICTION, 5)}, answer.citations
    answer = ask(library, "Did the Major Cities Chiefs Association send anyone to the White House meetings with law "
                          "enforcement groups on policing in October 2021?")
    assert "Chief Jeri Williams" in answer.text, answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(POLICING, 5)}, answer.citations
    answer = ask(library, "Was one of the union presidents from the Operating Engineers at the February 2021 labor "
                          "leaders meeting on the American Rescue Plan?")
    assert "James T. Callahan" in answer.text, answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(LABOR, 5)}, answer.citations


def test_a_line_of_who_took_part_answers_alone(library):
    answer = ask(library, "Was Milwaukee's mayor among the officials at the second White House eviction prevention "
                          "convening?")
    # (before: the paragraphs on panels "on how mayors ... can champion local efforts", the roster left out)
    assert answer.text == "Yes. - Mayor Tom Barrett, City of Milwaukee [1]", answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(EVICTION, 5)}, answer.citations


def test_someone_named_among_those_there_is_quoted_by_name(library):
    assert _asked("Was Jane Doe among the guests at the dinner?") == ["jane", "doe"]
    answer = ask(library, "Was Randi Weingarten among the union leaders at the White House listening session in "
                          "July 2023?")
    # (before: "Yes" and the paragraph on which offices attended)
    assert answer.text == "Yes. - Randi Weingarten, President, AFT [1]", answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(UNIONS, 7)}, answer.citations


def test_a_country_discussed_is_no_party_where_named_again(library):
    assert countries_of("On the call with allies about Ukraine, did they discuss rebuilding Ukraine's ports?", ()) == ()
    # (a party where named as one: "with Ukraine's foreign minister")
    assert countries_of("What did Blinken say about Ukraine when he met Ukraine's foreign minister?", ()) == \
        ("Ukraine",)
    answer = ask(library, "On Biden's February 2022 call with transatlantic leaders about Ukraine, did they talk "
                          "about economic help for Ukraine's economy?")
    # (before: his calls with Zelenskyy, the party a second "Ukraine" made of the question)
    assert answer.text.startswith("Yes."), answer.text
    assert {c.readout_id for c in answer.citations} == {TRANSATLANTIC}, answer.citations


def test_a_past_tense_after_that_is_a_verb(library):
    assert says_how("battered", "the storms that battered their states")
    assert not says_how("battered", "the battered economy")  # (a participle describing the topic)
    answer = ask(library, "When did Biden call the governors about the storms that battered their states in "
                          "December 2021?")
    # (before: "none of them mentions battered")
    assert not answer.refused, answer.text
    assert answer.text.startswith("On 2021-12-11:") and {c.readout_id for c in answer.citations} == {STORMS}


def test_an_official_word_picks_the_sentence_of_any_answer(library):
    answer = ask(library, "What did Biden say about chips when he met Vietnam's General Secretary To Lam in New York "
                          "in September 2024?")
    # (before: the lead, on the partnership's one-year milestone)
    assert "semiconductor supply chains" in answer.text, answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(VIETNAM, 3)}, answer.citations


def test_a_fact_of_the_world_is_refused(library):
    answer = ask(library, "What is the official currency of Ghana?")
    # (before: "official" was read as a word of diplomacy, and the answer quoted Harris's meeting in Accra)
    assert answer.refused and "about diplomatic contacts" in answer.text, answer.text
    assert not ask(library, "What did Harris say about Ghana's official lenders?").refused  # (a question of a contact)


def test_a_year_is_given_of_what_is_asked_about(library):
    answer = ask(library, "In what year was the Lower Mekong Initiative created?")
    # (before: "since 2009", of U.S. grant assistance to the Mekong sub-region, counted as a year given)
    assert answer.refused and "year asked for" in answer.text, answer.text


def test_new_official_words():
    assert "debt" in official_words("borrowing")
    assert "pharmacies" in official_words("drugstores")
    assert "trilateral" in official_words("three-way")
    assert "nominees" in official_words("shortlist")
    assert "end" in official_words("beating")
    assert "abductions" in official_words("kidnapping")
    assert "repair" in official_words("fixing")


def test_analyst_words_for_the_debt_limit_and_a_shortlist(library):
    answer = ask(library, "What did Biden tell Speaker McCarthy about the borrowing limit?")
    # (before: "none of them mentions borrowing limit")
    assert not answer.refused, answer.text
    assert MCCARTHY in {c.readout_id for c in answer.citations}, answer.citations
    answer = ask(library, "What did Biden tell Durbin and Grassley about his shortlist for the Supreme Court in early "
                          "February 2022?")
    assert not answer.refused, answer.text
    assert {c.readout_id for c in answer.citations} == {JUDICIARY}, answer.citations
