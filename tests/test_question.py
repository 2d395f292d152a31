"""The question read once (qa/question.py) and the answers composed from its evidence (qa/evidence.py,
qa/compose.py), on the real corpus index: the cases a new user met in the browser, and each intent."""
from __future__ import annotations

import re

import pytest

from qa import ask
from qa.ask import understand

XI_2023 = "wh-2023-11-15-readout-of-president-joe-bidens-meeting-with-president-xi-jinping-of-the-peoples-republic-of-china"


@pytest.mark.parametrize("text, intent", [
    ("How many times did Blinken and Kuleba speak in 2022?", "how_many"),
    ("List Blinken's calls with Kuleba in June 2022.", "list"),
    ("When did Biden last speak with the Amir of Qatar?", "when"),
    ("Who raised fentanyl in the meeting between Biden and Xi?", "who_said"),
    ("Did Biden and Xi discuss fentanyl?", "yes_no"),
    ("How did the two readouts of the meeting differ?", "compare"),
    ("What did Blinken and Kuleba discuss?", "discuss"),
])
def test_intents(library, text, intent):
    assert understand(library, text).intent == intent


def test_people_time_order_and_topic_are_read_once(library):
    q = understand(library, "When did President Biden last speak with President Xi about Taiwan in 2023?")
    assert [p.names[0] for p in q.people] == ["Joe Biden", "Xi Jinping"]
    assert (q.date_from, q.date_to, q.order) == ("2023-01-01", "2023-12-31", "last")
    assert q.topic == ("taiwan",)
    follow = understand(library, "Did they discuss fentanyl?",
                        history=[{"question": "What did Biden and Xi say about Taiwan in November 2023?", "cited": []}])
    assert [p.names[0] for p in follow.people] == ["Joe Biden", "Xi Jinping"] and follow.carried
    assert (follow.date_from, follow.topic) == ("2023-11-01", ("fentanyl",))
    moon = understand(library, "What did Moon say about the pandemic?")
    assert moon.speaker is not None and moon.speaker.names == ("Moon Jae-in",)
    assert understand(library, "What did Blinken and Kuleba say about grain?").speaker is None


def test_time_and_names_select_readouts_not_sentences(library):
    answer = ask(library, "What did Biden and Xi say about Taiwan in November 2023?")
    assert answer.citations and all(c.readout_id.startswith(XI_2023) for c in answer.citations)  # two copies exist
    assert "Taiwan" in answer.text
    follow = ask(library, "Did they discuss fentanyl?",
                 history=[{"question": "What did Biden and Xi say about Taiwan in November 2023?",
                           "cited": [c.readout_id for c in answer.citations]}])
    assert not follow.refused and follow.text.startswith("Yes")
    assert any(c.readout_id.startswith(XI_2023) and c.paragraph == 3 for c in follow.citations)
    harris = ask(library, "What did Harris discuss with Tedros?")
    assert harris.citations and all("tedros" in c.readout_id for c in harris.citations)


def test_refusals_say_what_was_found(library):
    none_in_2023 = ask(library, "What did Blinken and Kuleba discuss?",
                       filters={"date_from": "2023-01-01", "date_to": "2023-12-31"})
    assert none_in_2023.refused and not none_in_2023.citations
    assert "2023" in none_in_2023.text and "Kuleba" in none_in_2023.text
    topic = ask(library, "Did Blinken and Kuleba discuss Venezuela in 2022?")
    assert topic.refused and re.search(r"do not cover this: .+ in \d+ readouts of 2022, and none of them mentions venezuela",
                                       topic.text)
    assert ask(library, "What is the capital of France?").refused


def test_how_many_list_and_when_come_from_every_matching_readout(library):
    matching = [r for r in library.readouts(filters={"participant": "kuleba"})
                if any("Blinken" in p for p in r.participants) and r.event_date.startswith("2022")]
    counted = ask(library, "How many times did Blinken and Kuleba speak in 2022?")
    assert counted.text.startswith(f"{len(matching)} readouts") and len(counted.citations) == len(matching)
    listed = ask(library, "List Blinken's calls with Kuleba in 2022.")
    calls = [r for r in matching if r.kind == "call"]
    assert len(listed.citations) == len(calls)
    assert all(r.event_date in listed.text for r in calls)
    last = ask(library, "When did Blinken last speak with Kuleba?")
    latest = max(r.event_date for r in library.readouts(filters={"participant": "kuleba"})
                 if any("Blinken" in p for p in r.participants))
    assert latest in last.text and len(last.citations) == 1


def test_one_number_per_paragraph_and_quotes_shown_verbatim(library):
    for question in ("What did Moon say about the pandemic?", "What did Biden and Xi discuss about climate in 2021?",
                     "How many times did Blinken and Kuleba speak in 2022?"):
        answer = ask(library, question)
        keys = [(c.readout_id, c.paragraph) for c in answer.citations]
        assert len(keys) == len(set(keys)), question
        assert sorted(int(n) for n in set(re.findall(r"\[(\d+)\]", answer.text))) == [c.n for c in answer.citations]
        for c in answer.citations:
            assert c.quote in library.readout(c.readout_id).paragraphs[c.paragraph - 1]
