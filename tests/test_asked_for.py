"""What a question asks for, read from its words, on the real corpus index and the bundled model:
- the noun of "What new dialogue did ... propose?" picks the sentence quoted;
- "at President Biden's C5+1 summit ... at UNGA" names neither a place (whose summit) nor a party (the UN General
  Assembly is where it met);
- a country asked about ("about Cuba") that the contact's readout never names is refused;
- of a pair's contacts, the one titled with the event asked about answers;
- "in the Italian capital" is where (Rome), not who (nor is the host of a gathering held there);
- an event named with "U.S." in it is found by its title (also where the title spells out "United States"), and so
  is an event's name shorter than its title's ("U.S.-PRC Counternarcotics Working Group", titled "U.S.-PRC
  Bilateral ...");
- a follow-up naming no one is about the event the last turn named; "the Secretary" alone is the Secretary of State;
- a lead that only says who met is left out beside the paragraphs that answer, and so is a lead whose topic words
  only name the event;
- a close second from another contact, titled otherwise, is quoted only with a word of the topic the best lacks;
- a question of several things quotes only the sentences that answer one of them best;
- "European counterparts" are people from Europe, not of the EU.
Each fails with its Tuning switch off (asked_noun, whose_event, assembly_venue, named_subject, event_of_contacts,
capital_venue, lead_context, dotted_names, run_rest, event_of_turn, bare_secretary, name_suffix, gathering_venue,
elsewhere_adds, titled_turns, title_words_only, needed_only, european_region)."""
from __future__ import annotations

from qa import ask
from qa.cover import ASKS_THING
from qa.parties import countries_of
from qa.parts import asked_nouns
from qa.topic import places_of


def test_the_noun_asked_for_picks_the_sentence_quoted(library):
    question = ("What new dialogue did the United States propose at President Biden's C5+1 summit with the Central "
                "Asian presidents at UNGA?")
    answer = ask(library, question)
    assert not answer.refused, answer.text
    assert "C5+1 Critical Minerals Dialogue" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "wh-2023-09-19-readout-of-president-bidens-meeting-with-the-c51-leaders-at-unga"}


def test_asked_nouns_reads_one_part_only():
    assert asked_nouns("What new dialogue did the United States propose?") == ["dialogue"]
    assert asked_nouns("At the fifth ministerial, what action plan was signed on the margins?") == ["plan"]
    assert asked_nouns("What did they discuss?") == []
    # two questions in one: each part is answered on its own (qa/cover.py), so no noun is preferred
    assert asked_nouns("Which African charter did they cite, and how much did the United States plan to provide?") == []


def test_whose_event_is_no_place():
    assert places_of("What did they agree at President Biden's C5+1 summit at UNGA?") == ("UNGA",)
    assert places_of("Whom did she meet in Japan's capital?")[:1] == ("Japan",)


def test_a_country_asked_about_that_the_readout_never_names_is_refused(library):
    answer = ask(library, "What did Secretary Blinken and former President Jimmy Carter discuss about Cuba?")
    assert answer.refused and "does not mention Cuba" in answer.text, answer.text
    # ... but not a country said in other words, nor a region, city or crossing
    answer = ask(library, "Did Jake Sullivan and Argentina's Gustavo Beliz discuss Argentina's negotiations with the IMF?")
    assert not answer.refused, answer.text


def test_of_several_contacts_the_one_titled_with_the_event_asked_about_answers(library):
    # Biden and Lourenço met in November 2023 and co-hosted the Lobito summit in December 2024: only the summit's
    # readout answers "at the Lobito Trans-Africa Corridor Summit".
    answer = ask(library, "How much new funding did President Biden announce at the Lobito Trans-Africa Corridor "
                          "Summit with Angolan President Lourenço?")
    assert "more than $560 million in new funding" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {"wh-2024-12-04-readout-of-the-lobito-trans-africa-corridor-summit"}


def test_a_capital_said_by_its_country_is_where_they_met(library):
    # Sullivan met Yang Jiechi in Rome on March 14, 2022 and Prime Minister Draghi there the next day: Italy is
    # only where the first took place.
    question = ("When the White House's top security aide sat down with Beijing's senior foreign-policy official in "
                "the Italian capital in March 2022, what took up much of their conversation?")
    assert countries_of(question, ()) == ("China",)
    assert "Rome" in places_of(question)
    answer = ask(library, question)
    assert "substantial discussion of Russia’s war against Ukraine" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "wh-2022-03-14-readout-of-national-security-advisor-jake-sullivans-meeting-with-politburo-member-yang-jiechi-2"}
    # with no other country named, the host is the party
    assert countries_of("During her stop in the Spanish capital, what did she and her host discuss?", ()) == ("Spain",)
    assert places_of("During her stop in the Spanish capital, what did she and her host discuss?") == ("Madrid",)


def test_a_lead_that_only_sets_the_scene_is_not_quoted(library):
    # The lead ("... met with Prime Minister Andrew Holness of Jamaica ...") has only the scene clause's words;
    # paragraphs 2 and 3 answer.
    question = ("When Vice President Harris met Prime Minister Holness of Jamaica in March 2022, what did they discuss "
                "about Jamaica's economic recovery and about crime, and what U.S. money did she announce for each?")
    answer = ask(library, question)
    assert "$20 million of investment over 5 years" in answer.text, answer.text
    assert {c.paragraph for c in answer.citations} == {2, 3}, answer.citations
    # ... but a lead with a word of what is asked stays ("marked the 25th anniversary of Poland's accession")
    answer = ask(library, "What occasion did Biden mark when he hosted Poland's President Duda and Prime Minister Tusk "
                          "together in March 2024, and which helicopters did he offer to sell Poland?")
    assert "25th anniversary" in answer.text and 1 in {c.paragraph for c in answer.citations}, answer.text


def test_an_event_named_with_us_in_it_is_found_by_its_title(library):
    # In August 2021 Blinken took part in four ASEAN meetings that all speak of Burma; one is titled with the event.
    answer = ask(library, "In August 2021, what did Secretary Blinken urge the countries of the Mekong-U.S. "
                          "Partnership ministerial to do about Burma?")
    assert "hold the Burmese military regime accountable" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "sd-secretary-blinkens-participation-in-the-mekong-u-s-partnership-ministers-meeting"}, answer.citations


NORDIC = "wh-2023-07-13-readout-of-the-third-united-states-nordic-leaders-summit"


def test_an_event_titled_with_united_states_is_found_as_us_and_a_follow_up_keeps_it(library):
    # Titled "Readout of the Third United States – Nordic Leaders’ Summit"; Biden's meeting with Niinistö that day
    # names "the third U.S.-Nordics Summit" too.
    first = "Where was the third U.S.-Nordic Leaders' Summit held, and when?"
    answer = ask(library, first)
    assert "met in Helsinki for the third U.S.-Nordic Leaders’ Summit" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {NORDIC}, answer.citations
    answer = ask(library, "What did the leaders welcome regarding Sweden's path into the alliance?", history=[first])
    assert {c.readout_id for c in answer.citations} == {NORDIC}, answer.citations


def test_the_secretary_alone_is_the_secretary_of_state(library):
    from qa.roles import read_offices

    answer = ask(library, "Which kinds of antisemitism did the Secretary name when he met the former Soviet refusenik "
                          "who chairs an institute on that hatred?")
    assert "Holocaust distortion and denial" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "sd-secretary-blinkens-meeting-with-chair-of-the-institute-for-the-study-of-global-antisemitism-and-policy-sharansky"}
    assert not read_offices("What did the Secretary-General say?")[0].roles[0].startswith("foreign")
    assert read_offices("What did the secretary say?") == ()  # (a capital S: the title, not a word)


def test_an_event_named_shorter_than_its_title_is_found(library):
    # Titled "Readout of the U.S.-PRC Bilateral Counternarcotics Working Group Inaugural Meeting"; Sullivan met
    # Wang Yi in Bangkok three days before.
    answer = ask(library, "Who headed the American delegation at the January 2024 U.S.-PRC Counternarcotics Working "
                          "Group meeting?")
    assert "Jennifer Daskal" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "wh-2024-01-30-readout-of-the-u-s-prc-bilateral-counternarcotics-working-group-inaugural-meeting"}


def test_the_host_of_a_gathering_held_in_its_capital_is_no_party(library):
    question = ("At the yearly gathering of Asia-Pacific leaders held in the Cambodian capital in November 2022, which "
                "maritime initiative did President Biden highlight?")
    assert countries_of(question, ()) == ()
    answer = ask(library, question)  # the East Asia Summit, not his meeting with Prime Minister Hun Sen the day before
    assert "Indo-Pacific Partnership for Maritime Domain Awareness" in answer.text, answer.text
    assert [c.readout_id for c in answer.citations] == [
        "wh-2022-11-13-readout-of-president-joe-bidens-participation-in-the-east-asia-summit"], answer.citations


def test_a_close_second_from_a_contact_titled_otherwise_adds_a_topic_word_or_is_left_out(library):
    # The transatlantic leaders' video call answers in full; Biden's call with Johnson three days later says
    # "readiness to impose severe consequences" too, but with no word the first lacks, and its title names
    # another counterpart: it is not quoted (it was, as a close second).
    answer = ask(library, "What did President Biden and the transatlantic leaders say they were ready to impose on "
                          "Russia should it choose military escalation against Ukraine?",
                 filters={"date_from": "2022-02-07", "date_to": "2022-02-14"})
    assert "massive consequences and severe economic costs" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "wh-2022-02-11-readout-of-president-bidens-video-call-with-transatlantic-leaders"}, answer.citations
    # ... while both contacts of a pair named answer, whatever their titles (Sullivan and Al-Sheikh, 2022 and 2024)
    answer = ask(library, "What did Jake Sullivan and PLO Secretary General Hussein Al-Sheikh discuss about the West Bank?")
    assert len({c.readout_id for c in answer.citations}) == 2, answer.citations
    # ... and a follow-up's words include the questions it follows: "What did she congratulate him on?" after two
    # turns about Sherman and New Zealand's Secretary of Foreign Affairs and Trade quotes her meeting with Chris Seed,
    # not also her meeting with Israel's national security adviser, where she congratulated someone else
    answer = ask(library, "What did she congratulate him on?", history=[
        "Who was New Zealand's Secretary of Foreign Affairs and Trade in 2021?", "Did Wendy Sherman meet him that July?"])
    assert "Asia-Pacific Economic Cooperation" in answer.text, answer.text
    assert {c.readout_id for c in answer.citations} == {
        "sd-deputy-secretary-shermans-meeting-with-new-zealand-secretary-chris-seed"}, answer.citations
    # ... and words naming who are no title's event: "President" is in the East Asia Summit's title, not in that of
    # the call with Kishida ("Joseph R. Biden, Jr.'s Call ..."), which still answers
    answer = ask(library, "What did the President say about the Indo-Pacific?")
    assert "wh-2021-10-04-readout-of-joseph-r-biden-jr-s-call-with-prime-minister-kishida-of-japan" in {
        c.readout_id for c in answer.citations}, answer.citations


def test_a_lead_that_only_names_the_event_is_not_quoted_beside_the_sentence_that_answers(library):
    # "On January 30, the United States and the People's Republic of China launched their bilateral Counternarcotics
    # Working Group": every topic word it has is in the readout's title; the sentence that answers has "led" and
    # "delegation". The lead was quoted too, as a close second.
    answer = ask(library, "Who led the U.S. delegation at the U.S.-PRC Counternarcotics Working Group meeting?",
                 filters={"date_from": "2024-01-01", "date_to": "2024-01-31"})
    assert "Jennifer Daskal" in answer.text, answer.text
    assert [(c.readout_id, c.paragraph) for c in answer.citations] == [
        ("wh-2024-01-30-readout-of-the-u-s-prc-bilateral-counternarcotics-working-group-inaugural-meeting", 3)], answer.citations


def test_a_question_of_several_things_quotes_only_sentences_that_answer_one_best(library):
    # "which two U.S. universities ..., and which issue ...?": the partnerships' sentence and the abductions'
    # sentence answer; the lead (Biden met Kishida in Hiroshima) answers neither best, and was quoted.
    answer = ask(library, "When President Biden met Prime Minister Kishida in Hiroshima in May 2023, which two U.S. "
                          "universities were named in new partnerships with Japan, and which issue did Biden reaffirm "
                          "the U.S. commitment to resolving immediately?")
    assert "University of Chicago and Purdue University" in answer.text and "abductions issue" in answer.text, answer.text
    assert sorted(c.paragraph for c in answer.citations) == [2, 3], answer.citations


def test_only_questions_that_each_ask_for_a_thing_are_answered_by_one_sentence_each():
    assert ASKS_THING.search("how many arrests did the U.S. say it had made")
    assert ASKS_THING.search("and what program did Ecuador launch")
    assert ASKS_THING.search("Which White House official met her")
    # what was said about something is answered by every sentence on it
    assert not ASKS_THING.search("What did Phil Gordon tell the ambassadors about the outcome")
    assert not ASKS_THING.search("what should happen next")


def test_european_counterparts_are_from_europe_not_of_the_eu(library):
    # Read as the EU, the question found no EU contact that day and took one a week later (the EEAS on the line).
    question = "Which European counterparts did Deputy Secretary Sherman call on February 15, 2022?"
    assert "European Union" not in countries_of(question, ())
    cited = {c.readout_id for c in ask(library, question).citations}
    assert "sd-deputy-secretary-shermans-call-with-french-german-italian-and-uk-counterparts-4" in cited
    assert not any("geoana" in readout for readout in cited)
    assert countries_of("What did Blinken tell the European Union foreign ministers?", ()) == ("European Union",)
