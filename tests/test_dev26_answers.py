"""Failures of the dev sets (twenty-sixth session), in other words, most of them about how people are named:
- a given name no one of a family name has ("Imran Khan", where the index knows Lina Khan) is someone the index
  does not know, and is refused; so is one read past "bin" ("Mansour bin Zayed" is not Mohamed bin Zayed);
- of the people a family name means, the one whose given name is asked ("Vjosa Osmani", not Bujar Osmani);
- a hyphenated word of a name counts by its parts ("Al-Thani"): Qatar's prime minister is not also its Emir;
- the metadata's spellings of one person are one ("Tahnoun bin Zayed", "Tahnoon bin Zayed Al Nahyan"), and a name
  spelled as no paragraph does is the participant spelled alike ("President Zelensky", "Crown Prince Meshal");
- a person asked with a given name is mentioned in a time's readouts only by the whole name (Simon Harris, not
  Vice President Harris);
- an office named: "acting Haitian Prime Minister" is no wrong office; an office before a name is no topic word
  ("U.S. envoy Sung Kim"); an office selects the contacts whose readouts give it (the defense minister's visit,
  not the vice minister's);
- of two contacts compared, the person who met each of the others in the time named is the one both share;
- the kind of thing asked for, described ("which regional body"), need not be said; "which countries ...,
  according to her call" asks what the readout says, not which contacts; "EU-UK" is said where the readout
  names "the European Union and the United Kingdom".
Real corpus index and bundled model (the hyphen test: a small names table); each fails with its Tuning switch off
(given_unmet, given_inside, given_names, whole_hyphens, spelled_names, spelled_lookup, mentioned_whole, under_of,
described_words, office_selects, pivot_dated_each, answer_kinds, according_said, compound_initials)."""
from __future__ import annotations

from qa import ask
from qa.people import Names

OSMANI = "sd-secretary-blinkens-meeting-with-kosovan-president-osmani-and-prime-minis"


def test_a_given_name_no_one_of_that_family_has_is_refused(library):
    answer = ask(library, "What did President Biden discuss with Pakistani Prime Minister Imran Khan about "
                          "Afghanistan's future?")
    assert answer.refused and "Imran Khan" in answer.text, answer.text
    assert "Lina Khan" not in answer.text
    # ... and the Khan the index knows is answered
    answer = ask(library, "What did FTC Chair Lina Khan discuss with state legislators about junk fees?")
    assert not answer.refused and "junk fees" in answer.text, answer.text


def test_the_given_name_picks_the_person_of_a_family_name(library):
    answer = ask(library, "What did Secretary Blinken discuss with Vjosa Osmani?")
    cited = {c.readout_id for c in answer.citations}
    assert cited and all(r.startswith(OSMANI) for r in cited), cited  # not Bujar Osmani of North Macedonia
    answer = ask(library, "What did Secretary Blinken discuss with Senegal's Foreign Minister Aissata Tall Sall?")
    cited = {c.readout_id for c in answer.citations}
    assert cited and all("tall-sall" in r for r in cited), cited  # not President Macky Sall


def test_a_hyphenated_family_name_is_one_person(library):
    answer = ask(library, "What did President Biden discuss with Qatar's Mohammed bin Abdulrahman Al-Thani in "
                          "November 2023?")
    took_part = {r.id for r in library.readouts() if any("Abdulrahman" in name for name in r.participants)}
    cited = {c.readout_id for c in answer.citations}
    assert cited and cited <= took_part, cited  # not the Emir's calls without him


def test_an_acting_office_with_a_country_between_is_no_wrong_office(library):
    answer = ask(library, "In Secretary Blinken's call with acting Haitian Prime Minister Claude Joseph in July 2021, "
                          "what did Blinken offer?")
    assert not answer.refused, answer.text
    assert any("claude" in c.readout_id or "joseph" in c.readout_id for c in answer.citations), answer.text


def test_two_contacts_compared_share_the_person_who_met_each(library):
    answer = ask(library, "During his Gulf trip in December 2023, how did Sullivan's talks with Mohammed bin Salman "
                          "differ from his talks with Tahnoun bin Zayed?")
    cited = {c.readout_id for c in answer.citations}
    assert any("mohammed-bin-salman" in r for r in cited) and any("tahnoun" in r for r in cited), answer.text


def test_the_metadata_spellings_of_one_person_are_one(library):
    # The metadata has "Tahnoun bin Zayed" for that meeting and "Tahnoon bin Zayed Al Nahyan" elsewhere.
    answer = ask(library, "What field hospital did Sullivan thank the UAE for when he met Emirati national security "
                          "adviser Sheikh Tahnoon in Abu Dhabi in December 2023?")
    assert not answer.refused and any("tahnoun" in c.readout_id for c in answer.citations), answer.text


def test_a_name_spelled_as_no_paragraph_does_is_the_participant_spelled_alike(library):
    answer = ask(library, "What did Kamala Harris and President Zelensky discuss at the White House in December 2023?")
    assert not answer.refused and any("zelenskyy" in c.readout_id for c in answer.citations), answer.text
    answer = ask(library, "What did President Biden and Kuwait's Crown Prince Meshal discuss in Jeddah?")
    assert not answer.refused and any("mishal" in c.readout_id for c in answer.citations), answer.text


def test_a_given_name_asked_is_mentioned_only_by_the_whole_name(library):
    answer = ask(library, "What did President Biden and Taoiseach Simon Harris discuss in 2023?")
    assert answer.refused and "Simon Harris" in answer.text, answer.text  # they met in 2024, not 2023
    answer = ask(library, "What did President Biden and Taoiseach Simon Harris discuss in 2024?")
    assert not answer.refused and any("simon-har" in c.readout_id for c in answer.citations), answer.text


def test_an_office_before_a_name_is_no_topic_word(library):
    answer = ask(library, "Who hosted the June 2022 trilateral meeting on North Korea that U.S. envoy Sung Kim "
                          "attended in Seoul?")
    assert not answer.refused and "Kim Gunn" in answer.text, answer.text


def test_the_kind_of_thing_asked_for_need_not_be_said(library):
    answer = ask(library, "Which regional body did Guyana chair when Jon Finer called President Irfaan Ali in April 2024?")
    assert not answer.refused and "CARICOM" in answer.text, answer.text


def test_the_given_name_of_an_arabic_name_is_read_past_bin(library):
    answer = ask(library, "What did Vice President Harris and Sheikh Mansour bin Zayed discuss about Yemen?")
    assert answer.refused and "Mansour bin Zayed" in answer.text, answer.text  # not Mohamed bin Zayed


def test_an_office_named_selects_the_contacts_that_give_it(library):
    answer = ask(library, "What did Sullivan discuss about Yemen when he hosted Saudi Defense Minister Prince Khalid bin "
                          "Salman at the White House?")
    cited = {c.readout_id[:30] for c in answer.citations}
    assert cited == {"wh-2023-10-30-readout-of-natio"}, cited  # not his 2021 and 2022 visits as vice minister


def test_what_a_readout_says_is_no_list_of_contacts(library):
    answer = ask(library, "Which countries had Foreign Minister Penny Wong just travelled to, according to her early "
                          "June 2022 call with Secretary Blinken?")
    assert "Indonesia, Fiji, Samoa, and Tonga" in answer.text, answer.text


def test_a_hyphenated_word_of_a_name_counts_by_its_parts():
    # The metadata's own names, as a small participants table: "Al-Thani" is "Thani" of every spelling.
    names = Names()
    names.refresh(1, [("Mohammed bin Abdulrahman Al Thani", 3), ("Mohamed bin Abdulrahman Al-Thani", 1),
                      ("Tamim Bin Hamad Al-Thani", 13)])
    assert set(names.with_all(["Mohammed", "Abdulrahman", "Al-Thani"])) == {
        "Mohammed bin Abdulrahman Al Thani", "Mohamed bin Abdulrahman Al-Thani"}  # not the Emir


def test_a_compound_of_initials_is_said_by_the_names(library):
    answer = ask(library, "Which EU-UK negotiations did Jake Sullivan and Micheál Martin welcome when they met in "
                          "February 2023?")
    assert not answer.refused and "Northern Ireland Protocol" in answer.text, answer.text
