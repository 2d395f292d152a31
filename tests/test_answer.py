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
    # "the Pentagon's number two" resolves to nobody the metadata has; June 2022 and Hanoi still select readouts,
    # as they would beside a name. ("the State Department's number two" is read as the Deputy Secretary since
    # the eleventh session, and finds the same readout through her.)
    from qa import places
    from qa.ask import understand

    text = "Which war legacies did the Pentagon's number two promise to keep working on in Hanoi in June 2022?"
    question = understand(library, text)
    assert not question.people
    state = understand(library, text.replace("Pentagon's", "State Department's"))
    assert "Wendy Sherman" in state.people[0].names
    allowed = places.narrowed(library, question)
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
    # Nobody named ("Washington", "Downing Street"): time and country pick the readout, and the answer is
    # composed by intent as with names (the lead read whole, one [n] per paragraph), not sentence by sentence.
    # ("the President" is the US one now: tests/test_other_words.py)
    from qa.ask import understand

    text = "When Washington rang Downing Street in late March 2021, what did it say about the British G7 presidency?"
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



def test_the_sentence_path_cites_each_paragraph_once(library):
    # A question whose readouts are not known by name goes through qa/extract.py's sentence choice; two
    # sentences of one paragraph are one [n] there too, quoted from the first to the last, verbatim.
    from qa.extract import answer as extract_answer

    scored = library.retrieve("What did Sherman and Vseviov discuss about Ukraine and Putin's war of choice?", k=5)
    result = extract_answer("What did Sherman and Vseviov discuss about Ukraine and Putin's war of choice?", scored)
    keys = [(c.readout_id, c.paragraph) for c in result.citations]
    assert keys and len(keys) == len(set(keys))
    for c in result.citations:
        assert c.quote in library.readout(c.readout_id).paragraphs[c.paragraph - 1]


@pytest.mark.parametrize("flag,text", [
    # the part "how did the President describe Jordan" is answered past the "spoke today with ... of Jordan" lead
    ("cover_past_lead", "In their October 31, 2023 call, did Biden and King Abdullah say anything about Palestinians "
                        "being displaced, and how did the President describe Jordan?"),
    # ... and quoted with the first part's sentence though they stand far apart in the paragraph
    ("cover_span", "Did Biden and King Abdullah discuss humanitarian assistance on October 31, 2023, and how did the "
                   "President describe Jordan?"),
])
def test_each_question_of_a_yes_no_question_is_answered(library, flag, text):
    from qa import ask

    answer = ask(library, text)
    assert answer.text.startswith("Yes.") and "critical ally" in answer.text, flag
    for citation in answer.citations:
        assert citation.quote in answer.text


def test_a_count_of_either_pairs_contacts_stays_a_count(library):
    from qa.ask import plan

    # No readout has Biden, Harris and Marape together: the contacts of either pair are counted, not compared.
    read = plan(library, "How many times did President Biden and Vice President Harris speak with Prime Minister "
                         "James Marape in 2023?")
    assert read.question.intent == "how_many" and read.route == "metadata"
    assert {r.id[:13] for r in read.readouts} == {"wh-2023-05-18", "wh-2023-11-16"}
    answer = ask(library, "How many times did President Biden and Vice President Harris speak with Prime Minister "
                          "James Marape in 2023?")
    assert answer.text.startswith("2 readouts")


def test_every_cited_paragraph_is_among_the_hits(library):
    # Four contacts cited with k=3: each citation is shown from its hit, so none is cut from the hits; the hits
    # stay k long where the citations fit in k.
    answer = ask(library, "What did Biden and Lula discuss about climate?", k=3)
    cited = {(c.readout_id, c.paragraph) for c in answer.citations}
    assert len(cited) > 3 and cited <= {(h.readout_id, h.paragraph) for h in answer.hits}
    one = ask(library, "What did Biden and Lula discuss about Venezuela in September 2023?", k=3)
    assert len(one.hits) == 3 and {(c.readout_id, c.paragraph) for c in one.citations} <= {(h.readout_id, h.paragraph) for h in one.hits}
