"""eval/meaning_probe.py: the model's choice of paragraphs, the scores set beside the rules', and the refusal probe on
the real corpus index with the bundled model (a dev set already read)."""
from __future__ import annotations

from eval.meaning_probe import QUESTIONS, UNREAD, choose, chooser_table, read_sets, refusal_closeness, refusal_table
from eval.questions import read_questions


def test_the_model_chooses_its_closest_paragraph_and_those_within_the_margin():
    # (paragraph 1 is the attribution line, never chosen however close)
    row = {"gold": [3], "cited": [3], "usable": [2, 3, 4, 5], "cosines": [0.9, 0.5, 0.7, 0.65, 0.2]}
    assert choose(row, 0.10, 3) == [3, 4]
    assert choose(row, 0.10, 1) == [3]
    assert choose(row, 0.25, 3) == [3, 4, 2]


def test_the_table_scores_the_rules_and_the_model_alike():
    rows = [{"gold": [2, 3], "cited": [2], "usable": [1, 2, 3], "cosines": [0.1, 0.8, 0.75]},
            {"gold": [1], "cited": [1, 2], "usable": [1, 2], "cosines": [0.3, 0.9]}]
    table = chooser_table(rows)
    # the rules: precision (1 + 0.5) / 2, recall (0.5 + 1) / 2, one answer with every gold paragraph
    assert "| the rules as they are | 0.750 | 0.750 | 1 |" in table
    # the model within 0.10: [2, 3] (both gold) and [2] (not gold)
    assert "| topic words, within 0.10, at most 3 | 0.500 | 0.500 | 1 |" in table


def test_the_default_sets_leave_the_unread_blind_sets_out():
    names = {p.name for p in read_sets()}
    assert "analyst_dev62.jsonl" in names and "dev.jsonl" in names
    assert not names & set(UNREAD)


def test_the_refusal_probe_measures_the_readouts_of_refused_questions(library):
    questions = read_questions(QUESTIONS / "analyst_dev62.jsonl").questions
    rows = refusal_closeness(library, questions)
    assert rows, "dev62 has questions refused on their topic"
    assert all(1 <= r["readouts"] <= 3 and -1.0 <= r["topic"] <= 1.0 and -1.0 <= r["question"] <= 1.0 for r in rows)
    assert any(r["unanswerable"] for r in rows)
    assert refusal_table(rows).count("\n") == 7  # a header, a rule and six thresholds
