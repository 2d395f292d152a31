"""The fortieth session's read sets (analyst_dev59, read after last session's end, and analyst_dev60, read after its
blind figure was taken) had: "did Blinken bring up Myanmar when he met Thailand's Foreign Minister ...?" answered with
the lead's "U.S.-Thailand alliance", as "bring up" was no way of saying what was raised, "Thailand's" was read as a
topic and "Myanmar" was never found as the readout's "Burma"; "did Blinken highlight the C5+1 format?" refused for
"format"; "just ahead of the first anniversary of the invasion" read as that day; analysts' words ("foreign meddling",
"anti-Jewish hatred", "a worldwide floor on corporate taxes", "sparing civilians", and dev61's "at the helm of the
bloc") refused where the readout says "interference", "antisemitism", "global minimum tax", "protecting civilian lives",
"chairmanship"; "help with Afghan evacuees" read as who ("Afghan") and not as what was asked; "how many people died in
the landslide?" answered with a lead that gives no number; and an event named by its title dated in the question's
opening scene ("At the first meeting of ... in autumn 2022, ...") answered from the same body's meeting of the next
year. These tests ask the same kinds of thing in other words and mostly of other readouts, on the real corpus index with
the bundled model.

Each test fails with its switch off (checked with READOUTS_TUNING='{"switch": false}'): the table of official words
(Tuning.official_words), a country's other names (place_names), "bring up" as raising (raised_place), "format"
(format_word), the days near an anniversary (near_anniversary), a country before an office (office_country), a demonym
before a thing (demonym_thing), persons counted by what befell them (people_counted), a year in the scene
(scene_time), and "According to ..." as a scene (according_scene, read from the older dev sets' "According to the
readout of ..., how many ...?")."""
from __future__ import annotations

from conftest import cited

from qa import ask
from qa.ask import understand
from qa.parts import scene_and_ask

CAMBODIA = "sd-secretary-blinkens-meeting-with-cambodian-deputy-prime-minister-foreign-minister-sokhonn"
JAISHANKAR = "sd-secretary-blinkens-meeting-with-indian-external-affairs-minister-jaishankar-2"
KAMILOV = "sd-secretary-blinkens-meeting-with-uzbekistan-foreign-minister-kamilov"
ROUNDTABLE = "wh-2022-11-01-readout-of-the-inaugural-meeting-of-the-national-academy-of-sciences-roundtable"


def test_an_analysts_word_is_found_as_the_readouts_word(library):
    # (before: refused, "... does not mention meddling")
    answer = ask(library, "Did Biden raise Russian meddling in the 2020 election with Putin in January 2021?")
    assert answer.text.startswith("Yes.") and "interference in the 2020 United States election" in answer.text, \
        answer.text
    # (before: refused, "... does not mention anti-Jewish hatred")
    answer = ask(library, "Did Harris and Herzog talk about fighting anti-Jewish hatred in January 2023?")
    assert answer.text.startswith("Yes.") and "combat antisemitism" in answer.text, answer.text
    # (before: refused, "... does not mention sparing")
    answer = ask(library, "When Harris called Bahrain's crown prince in November 2023, did she stress sparing civilians?")
    assert answer.text.startswith("Yes.") and "protecting civilian lives" in answer.text, answer.text
    # (before: refused, "... does not mention helm")
    answer = ask(library, "Did John Kerry and Putin talk about Russia's time at the helm of the Arctic Council in July "
                          "2021?")
    assert answer.text.startswith("Yes.") and "chairmanship of the Arctic Council" in answer.text, answer.text


def test_a_country_asked_by_another_of_its_names_is_found(library):
    # (before: refused, "... does not mention Myanmar"; the readout says "ASEAN Special Envoy on Burma")
    answer = ask(library, "Did Blinken bring up Myanmar when he met Cambodia's Foreign Minister Prak Sokhonn in May 2022?")
    assert answer.text.startswith("Yes.") and "Burma" in answer.text, answer.text
    assert cited(answer, CAMBODIA) == {(CAMBODIA, 2)}, answer.citations


def test_raising_a_country_makes_it_the_topic(library):
    # (before: "Yes." with the lead, which welcomes Jaishankar: "Myanmar" was read as who, not what was raised)
    answer = ask(library, "Did Blinken raise Myanmar with India's External Affairs Minister Jaishankar in May 2021?")
    assert answer.text.startswith("Yes.") and "the coup in Burma" in answer.text, answer.text
    assert cited(answer, JAISHANKAR) == {(JAISHANKAR, 2)}, answer.citations


def test_a_format_is_the_group_it_names(library):
    # (before: refused, "... does not mention format")
    answer = ask(library, "Did Blinken highlight the C5+1 format when he met Uzbekistan's foreign minister Kamilov in "
                          "July 2021?")
    assert answer.text.startswith("Yes.") and "C5+1 regional diplomatic platform" in answer.text, answer.text
    assert cited(answer, KAMILOV), answer.citations


def test_just_before_an_anniversary_is_the_days_before_it(library):
    # (before: refused, "no readout between 2023-02-24 and 2023-02-24 records a contact with Biden and Maia Sandu")
    answer = ask(library, "When did Biden meet Moldova's President Sandu just before the first anniversary of Russia's "
                          "full-scale invasion of Ukraine?")
    assert not answer.refused and "2023-02-21" in answer.text, answer.text


def test_a_country_before_an_office_says_whose_office(library):
    # (before: "thailand" and "israel" were topic words, and the lead's "U.S.-Thailand alliance" answered)
    question = understand(library, "Did Blinken bring up Myanmar when he met Thailand's Foreign Minister Don "
                                   "Pramudwinai in Washington in May 2022?")
    assert question.topic == ("myanmar",), question.topic
    question = understand(library, "What did Sullivan tell Israel's national security adviser Tzachi Hanegbi about "
                                   "settlers in their June 2023 call?")
    assert "israel" not in question.topic and "settlers" in question.topic, question.topic
    # ... but a country's own thing stays the topic
    assert "taiwan" in understand(library, "What did Biden say about Taiwan's defense when he met Xi?").topic


def test_a_demonym_before_a_thing_is_asked_about(library):
    # (before: "afghan" was read as who, and "help with evacuees" answered from any readout of the two)
    question = understand(library, "In 2022, did Biden thank Mario Draghi for Italy's help with Afghan evacuees?")
    assert "afghan" in question.topic and "evacuees" in question.topic, question.topic
    answer = ask(library, "Did Biden and Draghi talk in 2022 about the Afghan evacuees Italy had helped?")
    assert answer.refused and "Afghan" in answer.text, answer.text
    # ... not a demonym before an office ("the Ukrainian foreign minister") nor the United States' ("American firms")
    assert "ukrainian" not in understand(library, "What did the Ukrainian foreign minister and Blinken discuss about "
                                                  "grain?").topic
    assert "american" not in understand(library, "What did Djibouti's president want to grow with American firms?").topic


def test_people_counted_by_what_befell_them(library):
    # (before: the call's lead, which speaks of "the tragic loss of life" and gives no number)
    answer = ask(library, "How many people were killed by the May 2024 landslide in Papua New Guinea, according to "
                          "Finer's call with its deputy prime minister?")
    assert answer.refused and "number" in answer.text, answer.text


def test_a_year_in_the_opening_scene_dates_the_event(library):
    # (before: the National Academies' workshop of June 2023, whose title names the body)
    answer = ask(library, "At the first meeting of the National Academies' roundtable on climate and macroeconomic risk "
                          "in autumn 2022, what had the executive order called on the CEA and OMB to identify?")
    assert not answer.refused and {readout for readout, _ in cited(answer, ROUNDTABLE)} == {ROUNDTABLE}, \
        answer.citations


def test_according_to_a_contact_sets_the_scene(library):
    # (before: "According to ..., how many ...?" was no scene, so "how many" did not open the question proper and the
    # call's lead, which gives no number, answered)
    scene, asked = scene_and_ask("According to Finer's call with Papua New Guinea's deputy prime minister in May 2024, "
                                 "how many people were killed by the landslide?")
    assert scene.startswith("According to") and asked == "how many people were killed by the landslide?", (scene, asked)
    answer = ask(library, "According to Finer's call with Papua New Guinea's deputy prime minister in May 2024, how many "
                          "people were killed by the landslide?")
    assert answer.refused and "number" in answer.text, answer.text
