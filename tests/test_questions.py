"""The shipped question sets pass eval.check_questions, and the checker catches broken lines."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from eval import check_questions

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions"
TEST_SET = QUESTIONS / "readouts.jsonl"
DEV_SET = QUESTIONS / "dev.jsonl"
SEED = "000_95fd29420489899a"


@pytest.fixture(scope="module")
def corpus(shared_dir):
    return check_questions.load_corpus(shared_dir)


def kinds(path: Path) -> Counter:
    return Counter(json.loads(line)["kind"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def write(tmp_path: Path, questions: list[dict]) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    return path


def question(**fields) -> dict:
    base = {"id": "x1", "question": "What approach to denuclearization did Wang Yi describe to Moon Jae-in?",
            "answers": ["phased and synchronized approach"], "gold": [{"doc": SEED, "paragraph": 5}],
            "kind": "fact", "filters": {}, "history": []}
    return {**base, **fields}


def test_shipped_sets_have_no_problems(corpus):
    reports = check_questions.check_files([TEST_SET, DEV_SET], corpus)
    problems = [p for report in reports for p in report.problems]
    assert problems == [], "\n".join(problems)


def test_shipped_sets_have_the_agreed_mix():
    test_kinds, dev_kinds = kinds(TEST_SET), kinds(DEV_SET)
    assert sum(test_kinds.values()) >= 150
    assert set(test_kinds) == set(check_questions.KINDS)
    assert test_kinds["unanswerable"] >= 25
    assert min(test_kinds.values()) >= 15
    assert sum(dev_kinds.values()) == 40
    assert set(dev_kinds) == set(check_questions.KINDS)


def test_a_good_line_passes(tmp_path, corpus):
    report = check_questions.check_file(write(tmp_path, [question()]), corpus)
    assert report.problems == []
    assert report.kinds == Counter({"fact": 1})


def test_catches_answer_missing_from_gold(tmp_path, corpus):
    path = write(tmp_path, [question(), question(id="x2", answers=["Olympic flame"])])
    problems = check_questions.check_file(path, corpus).problems
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2: x2: answer 'Olympic flame' occurs in no gold paragraph")


def test_catches_unknown_doc_and_paragraph(tmp_path, corpus):
    path = write(tmp_path, [question(gold=[{"doc": "no-such-readout", "paragraph": 1}]),
                            question(id="x2", gold=[{"doc": SEED, "paragraph": 99}])])
    problems = check_questions.check_file(path, corpus).problems
    assert any(p.startswith(f"{path}:1: x1: gold doc 'no-such-readout' is not a readout") for p in problems)
    assert any(p.startswith(f"{path}:2: x2: gold {SEED} paragraph 99 does not exist") for p in problems)


def test_catches_shape_errors(tmp_path, corpus):
    path = tmp_path / "broken.jsonl"
    lines = ["{not json", json.dumps({"id": "x2", "question": "q"}), json.dumps(question(id="x3", kind="trivia")),
             json.dumps(question(id="x3"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_questions.check_file(path, corpus).problems
    assert any(p.startswith(f"{path}:1: not valid JSON") for p in problems)
    assert any(p.startswith(f"{path}:2: x2: missing field 'answers'") for p in problems)
    assert any(p.startswith(f"{path}:3: x3: unknown kind 'trivia'") for p in problems)
    assert any(p.startswith(f"{path}:4: x3: duplicate id") for p in problems)


def test_catches_an_answer_that_other_readouts_hold_too(tmp_path, corpus):
    # "climate change" is in the seed's paragraph 3 and in many U.S. readouts.
    path = write(tmp_path, [question(answers=["climate change"], gold=[{"doc": SEED, "paragraph": 3}])])
    problems = check_questions.check_file(path, corpus).problems
    assert problems and all("the gold is not unique" in p for p in problems)
    # A filter that leaves only the seed's date makes the same gold unique again.
    narrowed = question(answers=["climate change"], gold=[{"doc": SEED, "paragraph": 3}], kind="date_filtered",
                        filters={"date_to": "2020-12-31"})
    assert check_questions.check_file(write(tmp_path, [narrowed]), corpus).problems == []


def test_catches_a_multi_paragraph_question_answered_by_one_paragraph(tmp_path, corpus):
    multi = question(kind="multi_paragraph", answers=["phased and synchronized approach", "Korean Peninsula"],
                     gold=[{"doc": SEED, "paragraph": 5}, {"doc": SEED, "paragraph": 1}])
    problems = check_questions.check_file(write(tmp_path, [multi]), corpus).problems
    assert any("paragraph 1 holds none of the answer strings" in p for p in problems)
    assert any("paragraph 5 alone holds every answer string" in p for p in problems)


def test_unanswerable_needs_absent_terms_that_really_are_absent(tmp_path, corpus):
    base = {"id": "u1", "question": "What did Wang Yi and President Moon say about THAAD?", "answers": [],
            "gold": [], "kind": "unanswerable", "filters": {}, "history": []}
    good = {**base, "absent": [["Moon Jae-in"], ["THAAD"]]}
    present = {**base, "id": "u2", "absent": [["Moon Jae-in"], ["Winter Olympics"]]}
    missing = {**base, "id": "u3"}
    path = write(tmp_path, [good, present, missing])
    problems = check_questions.check_file(path, corpus).problems
    assert len(problems) == 2
    assert problems[0].startswith(f"{path}:2: u2: the 'absent' terms") and SEED in problems[0]
    assert problems[1].startswith(f"{path}:3: u3: an unanswerable question needs 'absent'")


def test_a_readout_gold_in_two_files_is_reported(tmp_path, corpus):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(question()) + "\n", encoding="utf-8")
    second.write_text(json.dumps(question(id="y1")) + "\n", encoding="utf-8")
    reports = check_questions.check_files([first, second], corpus)
    assert reports[0].problems == []
    assert len(reports[1].problems) == 1 and SEED in reports[1].problems[0]


def test_main_exit_status_and_messages(tmp_path, shared_dir, capsys):
    good = write(tmp_path, [question()])
    assert check_questions.main([str(good), "--shared", str(shared_dir)]) == 0
    assert "1 questions (fact 1): ok" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(question(answers=["no such words"])) + "\n", encoding="utf-8")
    assert check_questions.main([str(bad), "--shared", str(shared_dir)]) == 1
    assert f"{bad}:1: x1: answer 'no such words' occurs in no gold paragraph" in capsys.readouterr().out


def test_fallback_reader_agrees_with_index_load(shared_dir, corpus):
    pytest.importorskip("index.load")
    paths = sorted((shared_dir / "corpus").glob("*.jsonl")) + [shared_dir / "seeds"]
    simple = {doc.id: doc for doc in check_questions._read_simple(paths)}
    assert simple.keys() == corpus.keys()
    assert all(simple[i].paragraphs == corpus[i].paragraphs and simple[i].date == corpus[i].date for i in corpus)


def test_checker_works_without_index_load(monkeypatch, shared_dir, corpus):
    # None in sys.modules makes "from index.load import load_paths" raise ImportError.
    monkeypatch.setitem(sys.modules, "index.load", None)
    fallback = check_questions.load_corpus(shared_dir)
    assert fallback.keys() == corpus.keys()
    assert fallback[SEED].paragraphs == corpus[SEED].paragraphs and fallback[SEED].date == "2020-11-30"
    reports = check_questions.check_files([TEST_SET, DEV_SET], fallback)
    assert [p for report in reports for p in report.problems] == []
