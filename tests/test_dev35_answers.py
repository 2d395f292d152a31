"""The thirty-fifth session's blind sets (analyst_dev48 and analyst_dev49) had "Biden and AMLO" read as Biden alone,
"In what year was NATO founded?" and "At which hotel did they meet?" answered with a lead, a when-question about one of
Harris's 142 contacts answered with all of them, "which civil liberties did Harris single out" refused for "single", a
yes/no opened by "The morning after the Kabul airport bombing, did ...?" answered without its "Yes", and analyst words
("nuclear umbrella", "Uyghurs", "lenders") refused; these tests ask the same kinds of thing in other words, on the real
corpus index with the bundled model.

A shorthand of a participant's initials that no paragraph writes ("MBS") names that participant, the most frequent of
those initials (Tuning.name_initials); the first test fails with it off, the second checks the initials themselves. A
year asked for, of something other than a contact, is refused where no sentence of the readouts found gives one as when
something came about ("founded in 1949"), and a venue asked for by its kind where none names one
(Tuning.year_venue_given); the third and fourth tests fail with it off, the fifth checks that a readout saying "launched
in 2021" still answers. Of a person with more contacts than are read whole, a when-question takes those retrieved that
have most of its words (Tuning.when_retrieved); the sixth test fails with it off. A verb before "out" says how it was
said (Tuning.phrasal_out); the seventh test fails with it off. A time counted from an event opens a scene
(Tuning.counted_scene); the eighth test fails with it off. The ninth checks the new entries of the table of official
words, the tenth (Tuning.official_words) fails with it off. A when-question about what was discussed, of people
described by office (never refused on words, so every contact "supports" it), takes the contacts that say most of it
(Tuning.subject_said_most); the eleventh test fails with it off. A compound modifier in lower case that no matching
readout has ("two-way") of a noun one has ("communication") is the asker's description (Tuning.modifier_head); the
twelfth test fails with it off, and checks that such a modifier of a noun no readout has is still refused. A "Yes"
quotes the sentence with a readout's words of several for an analyst's word ("Northern Ireland" for "Ulster",
Tuning.official_phrases); the thirteenth test fails with it off. A yes/no naming no one the index knows is refused
where none of the readouts found has a rare word of what it asks about (Tuning.unnamed_yes: before, "Yes" and a
sentence on Oman's role in Yemen); the fifteenth test fails with it off. A question asking one thing is answered by the
later paragraph quoted without the lead's opening "X convened Y today" sentence (Tuning.lead_first_dropped); the last
test fails with it off. A word no paragraph has before "out" ("being flown out") is no unknown word either
(Tuning.phrasal_out in qa/extract.refusal_reason); the seventh test checks it too."""
from __future__ import annotations

from qa import ask
from qa.given import ASKS_YEAR
from qa.parts import scene_and_ask
from qa.spelling import initials
from qa.vocabulary import official_words

JEDDAH = "wh-2023-07-27-readout-of-national-security-advisor-jake-sullivans-trip-to-saudi-arabia"
INDIANA = "wh-2022-07-25-readout-of-vice-president-kamala-harriss-meeting-with-indiana-state-legislators-on-reproductive-rights"
YOUTH = "wh-2022-10-11-readout-of-white-house-task-force-to-address-online-harassment-and-abuse-youth-roundtable"
KISHIDA_VIRTUAL = "wh-2022-01-21-readout-of-president-bidens-meeting-with-prime-minister-kishida-of-japan"
SUGA = "wh-2021-01-27-readout-of-president-joseph-r-biden-jr-call-with-prime-minister-yoshihide-suga-of-japan"
HICHILEMA = "wh-2023-03-31-readout-of-vice-president-kamala-harriss-meeting-with-president-hakainde-hichilema-of-zambia-2"


def test_a_leader_named_by_initials(library):
    answer = ask(library, "When did Sullivan sit down with MBS in Jeddah?")
    # (before: "325 readouts of Jake Sullivan in this index": "MBS" named no one)
    assert not answer.refused, answer.text
    assert "2023-07-27" in answer.text and {c.readout_id for c in answer.citations} == {JEDDAH}, answer.citations


def test_initials_of_a_name():
    assert initials("Andrés Manuel López Obrador") == ("AMLO",)
    assert set(initials("Mohamed bin Zayed Al Nahyan")) == {"MBZAN", "MBZ"}
    assert initials("Meir Ben-Shabbat") == ()  # (a hyphenated family name is one word: two initials, too few)
    assert initials("Joe Biden") == ()


def test_a_founding_year_no_readout_gives_is_refused(library):
    answer = ask(library, "In what year was the G20 founded, according to the readouts?")
    # (before: a Biden-Modi-Widodo paragraph on Indonesia's G20 Presidency)
    assert answer.refused and "year" in answer.text, answer.text
    assert ASKS_YEAR.search("The OAS turns up here; which year did it come into being?")
    assert not ASKS_YEAR.search("What did they say about the year ahead?")


def test_a_venue_no_readout_names_is_refused(library):
    answer = ask(library, "Which restaurant did Biden take Albanese to during the state visit?")
    # (before: the lead of Biden's call congratulating the Prime Minister-Designate)
    assert answer.refused and "restaurant" in answer.text, answer.text


def test_a_year_a_readout_gives_is_answered(library):
    answer = ask(library, "In which year was the Supply Chain Disruptions Task Force set up?")
    assert not answer.refused, answer.text
    assert "launched in 2021" in answer.text, answer.text


def test_when_among_many_contacts_takes_those_retrieved(library):
    answer = ask(library, "When did the Vice President meet Indiana state lawmakers as their legislature weighed a "
                          "near-total abortion ban?")
    # (before: "142 readouts of Kamala Harris in this index (the first 40 listed)")
    assert not answer.refused, answer.text
    assert "142" not in answer.text and len(answer.citations) <= 3, answer.text
    assert INDIANA in {c.readout_id for c in answer.citations}, answer.citations


def test_a_verb_before_out_is_not_a_topic(library):
    answer = ask(library, "What did Blinken spell out to Wang Yi about fentanyl in Beijing?")
    # (the one readout of the two has no fentanyl: refused, for that word alone, not "spell")
    assert answer.refused, answer.text
    assert "fentanyl" in answer.text and "spell" not in answer.text, answer.text
    answer = ask(library, "What did the President say to her about the people being flown out?",
                 history=["What did Biden and Speaker Pelosi talk about on the phone on August 21, 2021?"])
    # (before: "nothing in the index mentions flown")
    assert not answer.refused and "vulnerable Afghans" in answer.text, answer.text


def test_a_time_counted_from_an_event_opens_a_yes_no(library):
    question = "Two days after Russia launched its full-scale invasion, did Blinken speak with Kuleba?"
    assert scene_and_ask(question)[1] == "did Blinken speak with Kuleba?"
    answer = ask(library, question)
    # (before: the lead of a call, without "Yes": read as a discuss question)
    assert answer.text.startswith("Yes."), answer.text


def test_new_official_words():
    assert "extended deterrence" in official_words("umbrella")
    assert "xinjiang" in official_words("Uyghurs")
    assert "creditors" in official_words("lenders")
    assert "50th" in official_words("half-century")
    assert "virtual" in official_words("video")
    assert "northern ireland" in official_words("Ulster")
    assert "thanked" in official_words("gratitude")
    assert "helicopters" in official_words("rotary-wing")
    assert "special role" in official_words("custodianship")
    assert "withdrawal" in official_words("quitting") and "reverse" in official_words("U-turn")
    assert "queen" in official_words("monarch") and "energy system" in official_words("grid")


def test_analyst_words_for_deterrence_and_creditors(library):
    answer = ask(library, "Did Biden and Suga talk about the U.S. nuclear umbrella in their first call?")
    # (before: "the one readout of Biden and Suga in this index does not mention umbrella")
    assert answer.text.startswith("Yes.") and "extended deterrence" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {SUGA}, answer.citations
    answer = ask(library, "When Harris met Zambia's Hichilema in Lusaka, what did she ask of the country's lenders?")
    assert not answer.refused, answer.text
    assert {c.readout_id for c in answer.citations} == {HICHILEMA}, answer.citations


def test_when_about_a_subject_with_a_leader_described_by_office(library):
    answer = ask(library, "When did Biden talk to Japan's prime minister about the Quad vaccine partnership?")
    # (before: "23 readouts of Joe Biden and Kishida Fumio in this index")
    assert not answer.refused, answer.text
    assert "2022-01-21" in answer.text and {c.readout_id for c in answer.citations} == {KISHIDA_VIRTUAL}, answer.citations


def test_a_compound_modifier_of_a_noun_said(library):
    answer = ask(library, "What did Biden and Xi say about two-way communication between their militaries in San "
                          "Francisco?")
    # (before: "Biden and Xi Jinping appear together in 11 readouts in this index, and none of them mentions two-way")
    assert not answer.refused, answer.text
    assert "military-to-military communication" in answer.text, answer.text
    answer = ask(library, "What did Blinken and Wang Yi discuss about unfair trade-distorting subsidies?")
    assert answer.refused, answer.text  # ("subsidies": no readout of theirs has the noun either)


def test_a_yes_quotes_the_official_words_of_several(library):
    answer = ask(library, "Did Biden and Sunak discuss Ulster when they met in Belfast?")
    # (before: "Yes. President Joseph R. Biden, Jr. met today with Prime Minister Rishi Sunak ... in Belfast.")
    assert answer.text.startswith("Yes.") and "Northern Ireland" in answer.text, answer.text


def test_a_yes_no_naming_no_one_needs_the_topic_in_a_readout_found(library):
    answer = ask(library, "Did American officials and the Omani sultan's envoys talk about desalination plants?")
    # (the one readout with "desalination" is Biden's meeting with Jordan's king, in July 2021)
    assert answer.refused and "desalination" in answer.text, answer.text


def test_one_thing_asked_is_answered_without_the_opening_sentence(library):
    answer = ask(library, "According to the White House roundtable with youth survivors of online harassment, what "
                          "share of young women had experienced it?")
    # (before: the lead's "Today, on International Day of the Girl, the White House Gender Policy Council ... convened
    # a roundtable ..." quoted beside paragraph 3)
    assert not answer.refused, answer.text
    assert {(c.readout_id, c.paragraph) for c in answer.citations} == {(YOUTH, 3)}, answer.citations
