"""The extractive answerer: verbatim cited quotes, contract shape, refusals for what the corpus lacks."""
import pytest

from qa import ask

ANSWERABLE = [
    ("In which city did Jake Sullivan meet Yang Jiechi in October 2021?", "Zurich"),
    ("What did the President tell Governor Polis about the Colorado wildfires?", "wildfire"),
    ("What did Blinken and Ashkenazi say about Egypt?", "Egypt"),
    ("What did Wang Yi say about the Beijing Winter Olympics when he met Moon Jae-in?", "Winter Olympics"),
]

NEVER_HAPPENED = [
    "What did President Biden discuss with the King of Narnia?",
    "What did Secretary Blinken agree with Foreign Minister Zorblax of Gondwana about lunar mining?",
    "Readout of the President's call with the Prime Minister of Wakanda",
    "What did Wang Yi and the President of Atlantis say about undersea cables?",
]


def check_contract(answer) -> None:
    data = answer.to_json()
    assert set(data) >= {"answer", "refused", "citations", "hits"}
    numbers = [c["n"] for c in data["citations"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for c in data["citations"]:
        assert set(c) == {"n", "readout_id", "paragraph", "title", "date", "event_date", "source", "url", "quote", "speaker"}
        assert f"[{c['n']}]" in data["answer"]
    for h in data["hits"]:
        assert set(h) == {"readout_id", "paragraph", "title", "date", "event_date", "source", "url", "score", "text"}


@pytest.mark.parametrize("question,expected", ANSWERABLE)
def test_answer_quotes_verbatim_and_cites_every_sentence(library, question, expected):
    answer = ask(library, question)
    assert not answer.refused, answer.notice
    assert answer.citations
    assert expected.lower() in answer.text.lower()
    for c in answer.citations:
        paragraph = library.readout(c.readout_id).paragraphs[c.paragraph - 1]
        assert c.quote in paragraph
        assert c.quote in answer.text
    check_contract(answer)


@pytest.mark.parametrize("question", NEVER_HAPPENED)
def test_meetings_that_never_happened_are_refused_with_nearest_passages(library, question):
    answer = ask(library, question)
    assert answer.refused, answer.text
    assert answer.citations == () and answer.hits
    assert answer.text.count(".") == 1 and "do not cover" in answer.text
    check_contract(answer)


def test_filters_and_history_reach_the_answer(library):
    history = [{"question": "What did Blinken and Ashkenazi discuss?",
                "cited": ["sd-secretary-blinkens-calls-with-israeli-foreign-minister-ashkenazi"]}]
    answer = ask(library, "Whose mediation did they appreciate?", history=history)
    assert not answer.refused and "Egypt" in answer.text
    filtered = ask(library, "What did the President discuss with Lula?", filters={"date_from": "2024-01-01"})
    assert all(c.date >= "2024-01-01" for c in filtered.citations)
    assert all(h.date >= "2024-01-01" for h in filtered.hits)


def test_a_question_naming_no_known_participant_is_read_within_its_time_and_countries(library):
    # "the State Department's number two" resolves to nobody the metadata has; June 2022 and Hanoi still
    # select readouts, as they would beside a name.
    from qa import evidence
    from qa.ask import understand

    text = "Which war legacies did the State Department's number two promise to keep working on in Hanoi in June 2022?"
    question = understand(library, text)
    assert not question.people
    allowed = evidence.narrowed(library, question)
    # Published in June 2022 or the week after; with someone from Vietnam.
    assert (allowed.date_from, allowed.date_to) == ("2022-06-01", "2022-07-07")
    for readout_id in allowed.readouts:
        assert "Vietnam" in {p["country"] for p in library.readout_metadata(readout_id)["participants"]}
    answer = ask(library, text)
    assert answer.citations and {c.readout_id for c in answer.citations} <= allowed.readouts
    assert all("2022-06-01" <= c.event_date <= "2022-06-30" for c in answer.citations)
    assert "war legacy" in answer.text


@pytest.mark.parametrize("question", [
    "What did Secretary Blinken and Foreign Minister Bourita say about Algeria?",
    "What did Secretary Blinken and Foreign Minister Bourita say about the IMF?",
])
def test_a_named_topic_none_of_the_pairs_readouts_has_is_refused_however_close(library, question):
    # The question names the people, so it is close to their readouts whatever it asks; a proper noun or an
    # acronym that none of those readouts has still decides.
    answer = ask(library, question)
    assert answer.refused and "bourita" in answer.text.lower(), answer.text


@pytest.mark.parametrize("question", [
    "What did President Biden and President Yoon say about North Korean missile launches?",  # "the DPRK"
    "What did Secretary Blinken and Tajik Foreign Minister Muhriddin discuss about Kyrgyz-Tajik border clashes?",
])
def test_a_named_topic_there_under_its_countrys_name_is_answered(library, question):
    assert not ask(library, question).refused


def test_a_lowercase_word_after_a_title_is_not_taken_for_an_unknown_name():
    from qa.extract import _is_counterpart

    # "Prime Minister Kishida did Biden quote": "quote" is in no paragraph, but it is no one's name.
    assert not _is_counterpart("quote", "Which declaration by Prime Minister Kishida did Biden quote approvingly?")
    assert _is_counterpart("japarov", "What did Blinken discuss with Kyrgyz President Japarov?")


def test_a_discuss_answer_from_the_lead_quotes_the_whole_lead(library):
    # The praise is the lead's later sentences; a quote of its first sentence alone ("... hosted President
    # Ramaphosa for breakfast") would cite the right paragraph and miss the answer.
    answer = ask(library, "What did Vice President Harris praise President Ramaphosa for at their breakfast in September 2022?")
    (citation,) = answer.citations
    assert citation.paragraph == 1
    assert citation.quote == library.readout(citation.readout_id).paragraphs[0]
    assert "vaccine equity" in answer.text


def test_a_question_naming_no_known_participant_is_composed_like_any_other(library):
    # Nobody named ("the President", "Downing Street"): time and country pick the readout, and the answer is
    # composed by intent as with names (the lead read whole, one [n] per paragraph), not sentence by sentence.
    from qa.ask import understand

    text = "When the President rang Downing Street in late March 2021, what did he say about the British G7 presidency?"
    assert not understand(library, text).people
    answer = ask(library, text)
    assert "Leaders Summit on Climate" in answer.text
    (citation,) = answer.citations  # the lead once, whole (sentence by sentence it was one [n] per sentence)
    assert citation.quote == library.readout(citation.readout_id).paragraphs[0]


def test_a_rare_topic_is_checked_even_for_someone_in_hundreds_of_readouts(library):
    # Sullivan is in 300+ readouts, too many to read whole: a lexical search within them finds where the
    # topic's rare words are, so the rule still tells "none of them mentions" from "too many to check".
    refused = ask(library, "What did Jake Sullivan say about the Rhodes Scholarship?")
    assert refused.refused and "none of them mentions Rhodes" in refused.text
    found = ask(library, "What did Jake Sullivan say about the Compact of Free Association?")
    assert not found.refused and "Compact of Free Association" in found.text


def test_a_hyphenated_family_name_finds_its_person(library):
    # Names are stored by their hyphen-split words: "Sherwood-Randall" is the person holding both.
    from qa.ask import understand

    read = understand(library, "What did Liz Sherwood-Randall discuss in Mexico in February 2024?")
    assert any("Liz Sherwood-Randall" in p.names for p in read.people)


def test_a_counterpart_the_metadata_misses_is_found_named_in_the_readout(library):
    # The trip's metadata lists the U.S. delegation only; López Obrador is named in paragraph 2. The trip is
    # still the readout of "Sherwood-Randall and López Obrador", and each of the two questions asked is answered.
    answer = ask(library, "On Homeland Security Advisor Liz Sherwood-Randall's February 2024 trip to Mexico, which Mexican "
                          "foreign secretary did she meet along with President López Obrador, and which committee's "
                          "fourth meeting did her delegation attend?")
    assert not answer.refused, answer.text
    assert "Alicia Bárcena" in answer.text and "Trilateral Fentanyl Committee" in answer.text
    assert {c.paragraph for c in answer.citations} == {2, 3}


def test_each_of_two_questions_gets_its_paragraph(library):
    # "what milestone did they commemorate" shares no word with "60 years of diplomatic relations": the
    # paragraph closest to that question alone is quoted beside the one the other question's words find.
    answer = ask(library, "When Secretary Blinken met Jamaica's Prime Minister Andrew Holness in Washington in April 2022, "
                          "what milestone did they commemorate, and what did Blinken thank Jamaica for regarding "
                          "Russia's invasion of Ukraine?")
    assert "60 years of diplomatic relations" in answer.text and "principled stance" in answer.text
    assert len({c.paragraph for c in answer.citations}) == 2


def test_questions_split_where_a_second_is_joined_on():
    from qa.parts import question_parts

    assert question_parts("When he met Holness, what milestone did they commemorate, and what did Blinken thank "
                          "Jamaica for?") == ["what milestone did they commemorate", "what did Blinken thank Jamaica for"]
    assert question_parts("What did Biden and Xi say about Taiwan and fentanyl?") == [
        "What did Biden and Xi say about Taiwan and fentanyl"]


@pytest.mark.parametrize("question,missing", [
    ("What did U.S. officials tell South Korea's President Yoon Suk Yeol about his declaration of martial law?", "martial"),
    ("Did Jake Sullivan and the Lithuanian president's advisers discuss the defense of the Suwałki Gap?", "suwałki"),
])
def test_a_specific_word_of_what_was_said_that_no_matching_readout_has_refuses(library, question, missing):
    # "declaration" is there (the Washington Declaration) and was enough before; the words after "about" /
    # "discuss" that only a few paragraphs of the index hold decide.
    answer = ask(library, question)
    assert answer.refused and missing in answer.text.lower(), answer.text


def test_a_subject_is_the_words_after_about_or_discuss():
    from qa.parts import subject_of

    topic = ("sham", "trial", "soldiers", "voiced", "concern")
    assert subject_of("Who voiced concern about a sham trial of soldiers?", topic) == ("sham", "trial", "soldiers")
    assert subject_of("What did they discuss besides Passover?", ("passover",)) == ()


def test_a_year_that_names_an_event_is_not_when_the_contact_was():
    from index.query import read_dates

    assert read_dates("What did Harris and Osinbajo discuss about Nigeria's 2023 elections?") == (None, None)
    assert read_dates("What did they discuss in their 2023 call?") == ("2023-01-01", "2023-12-31")


def test_a_scene_with_commas_still_leaves_the_question_proper():
    from qa.question import intent_of, scene_and_ask

    text = ("When Blinken met his French, German, Italian and British counterparts in Brussels on April 6, 2022, "
            "where did he condemn reported atrocities?")
    assert scene_and_ask(text)[1] == "where did he condemn reported atrocities?"
    assert intent_of("When Jake Sullivan met Akiba Takeo in October 2024, whose new government did he praise?") == "discuss"


def test_a_multilateral_readout_without_the_country_in_its_metadata_is_still_found(library):
    # Nobody named; "Australia" narrows to contacts with Australia, which the AUKUS group's readout is not
    # listed as: its time alone finds it when nothing close is left among those contacts.
    answer = ask(library, "At the AUKUS Joint Steering Group meetings in late July 2022, what kind of submarines was the "
                          "program working toward for Australia?")
    assert not answer.refused, answer.text
    assert "nuclear-powered submarines" in answer.text


def test_a_question_of_two_is_answered_when_one_is_supported(library):
    # "telecom" is in none of the visit's paragraphs (they say "Open Radio Access Network"); the first question is.
    answer = ask(library, "During Brett McGurk and Amos Hochstein's April 2023 visit to Saudi Arabia, what did both sides "
                          "say their close coordination had supported a year earlier, and which telecom technology "
                          "projects did they discuss investing in?")
    assert not answer.refused, answer.text
    assert "UN-led truce" in answer.text


def test_a_possessive_does_not_hide_a_named_model_behind_a_country(library):
    # "Poland's MiG-29": Poland is in the pair's readouts, the MiG-29 is not.
    answer = ask(library, "What did Secretary Blinken and Polish Foreign Minister Zbigniew Rau discuss about sending "
                          "Poland's MiG-29 fighter jets to Ukraine?")
    assert answer.refused and "MiG-29" in answer.text, answer.text


def test_may_before_another_month_is_a_month():
    from qa.dates import all_dates
    from qa.question import intent_of

    assert all_dates("What did they discuss in their May and July 2022 phone calls?") == (
        ("2022-05-01", "2022-05-31"), ("2022-07-01", "2022-07-31"))
    assert all_dates("What may they have discussed in July 2022?") == (("2022-07-01", "2022-07-31"),)
    # How many people fled is a fact in a paragraph; how many people he met is a count of contacts.
    assert intent_of("During the visit, how many people who fled the war did he credit Dublin with sheltering?") != "how_many"
    assert intent_of("How many people did Harris meet in Paris?") == "how_many"


def test_things_asked_about_together_are_each_answered(library):
    from qa.parts import subject_parts

    assert subject_parts("What did Biden and Xi say about Taiwan and fentanyl in November 2023?") == ["Taiwan", "fentanyl"]
    assert subject_parts("What did they discuss about Afghanistan in their May and July 2022 phone calls?") == ["Afghanistan"]
    # "strategic security and technology cooperation" (paragraph 1) does not answer "security concerns": the
    # paragraph closest to that alone (the Committee of Enquiry) is quoted too.
    answer = ask(library, "What did Jon Finer discuss with Indian officials in New Delhi in December 2023 about technology "
                          "cooperation and security concerns?")
    assert "intersessional review" in answer.text and "Committee of Enquiry" in answer.text


def test_a_year_alone_narrows_a_question_naming_nobody(library):
    # "at the end of 2023" and "Warsaw's" pick Sullivan's call with Siewiera, not Biden's 2022 meeting with Duda.
    answer = ask(library, "When a projectile briefly strayed over an Atlantic-alliance neighbour's territory at the end of "
                          "2023, what did the White House's top security aide offer the chief of Warsaw's presidential "
                          "defense office?")
    assert answer.citations and all(c.date.startswith("2023-") for c in answer.citations)
    assert "technical assistance" in answer.text


def test_a_day_without_a_year_takes_the_one_year_named():
    from qa.dates import all_dates

    assert all_dates("After ships blocked a reef in 2024, what did he say when he phoned Manila on April 1?") == (
        ("2024-04-01", "2024-04-01"),)


def test_a_question_naming_nobody_is_answered_from_one_readout(library):
    # The reef, Manila and April 1, 2024 pick Sullivan's call with Año; a China readout of the same day that
    # also scores is not quoted beside it.
    answer = ask(library, "After Chinese ships blocked a supply run to a contested reef in 2024, which reef did "
                          "Washington's top security aide name when he phoned his counterpart in Manila on April 1, and "
                          "what three-way leaders' meeting were they preparing for?")
    assert len({c.readout_id for c in answer.citations}) == 1
    assert "Second Thomas Shoal" in answer.text


def test_what_was_said_is_not_a_list_or_count_of_contacts():
    from qa.question import intent_of

    assert intent_of("Which countries did he say the U.S. would work with on a new deal?") == "discuss"
    assert intent_of("How many people did the vice president say the war had displaced?") == "discuss"
    assert intent_of("Which countries did Blinken visit in 2022?") == "list"


def test_what_was_asked_about_being_there_supports_the_question(library):
    # "about the Indo-Pacific" is in the readout; "voiced worry" is said there as "highlighted her concern".
    answer = ask(library, "On the April 12, 2022 call between Wendy Sherman and Australia's DFAT Secretary Kathryn "
                          "Campbell, who voiced worry about the Indo-Pacific?")
    assert not answer.refused, answer.text
    assert "Sherman" in answer.text
