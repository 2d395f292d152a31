"""The shipped question sets pass eval.check_questions, and the checker catches broken lines."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from eval import check_analyst, check_questions

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions"
TEST_SET = QUESTIONS / "readouts.jsonl"
DEV_SET = QUESTIONS / "dev.jsonl"
ANALYST_SET = QUESTIONS / "analyst.jsonl"
ANALYST_DEV_SET = QUESTIONS / "analyst_dev.jsonl"
# Every shipped set, the later dev sets included (analyst_dev2 to analyst_dev9): checked together, so that no
# readout is gold in two of them.
ALL_SETS = [ANALYST_SET, ANALYST_DEV_SET, TEST_SET, DEV_SET] + sorted(
    p for p in QUESTIONS.glob("analyst_dev*.jsonl") if p != ANALYST_DEV_SET)
SEED = "000_95fd29420489899a"
# Harris's call with the WHO Director-General, 2021-01-21: four paragraphs, the lead first.
WHO = "wh-2021-01-21-readout-of-vice-president-harriss-call-with-world-health-organization-director-general-dr-tedros-adhanom-ghebreyesus"


@pytest.fixture(scope="module")
def corpus(shared_dir):
    return check_questions.load_corpus(shared_dir)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def kinds(path: Path) -> Counter:
    return Counter(q["kind"] for q in lines(path))


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
    reports = check_questions.check_files(ALL_SETS, corpus)
    problems = [p for report in reports for p in report.problems]
    assert problems == [], "\n".join(problems)


def test_shipped_sets_have_the_agreed_mix():
    test_kinds, dev_kinds = kinds(TEST_SET), kinds(DEV_SET)
    assert sum(test_kinds.values()) >= 150
    assert set(test_kinds) == set(check_questions.BASE_KINDS)
    assert test_kinds["unanswerable"] >= 25
    assert min(test_kinds.values()) >= 15
    assert sum(dev_kinds.values()) == 40
    assert set(dev_kinds) == set(check_questions.BASE_KINDS)


def test_analyst_sets_have_the_agreed_mix():
    held_out, dev = lines(ANALYST_SET), lines(ANALYST_DEV_SET)
    both = held_out + dev
    assert len(both) >= 150 and 0.25 <= len(dev) / len(both) <= 0.35
    assert {q["id"] for q in held_out} == {f"a{n:03d}" for n in range(1, len(held_out) + 1)}
    assert {q["id"] for q in dev} == {f"a-d{n:03d}" for n in range(1, len(dev) + 1)}
    analyst_kinds = set(check_analyst.ANALYST_KINDS) | {"unanswerable"}
    all_kinds, dev_kinds = Counter(q["kind"] for q in both), Counter(q["kind"] for q in dev)
    assert set(all_kinds) == analyst_kinds
    assert min(all_kinds.values()) >= 15 and all_kinds["unanswerable"] >= 25
    assert min(dev_kinds[kind] for kind in analyst_kinds) >= 4
    followups = [q for q in both if q["kind"] == "followup3"]
    assert 2 * sum(isinstance(q["history"][0], dict) for q in followups) >= len(followups)
    metadata = [q for q in both if set(q["filters"]) & {"participant", "country", "kind"}]
    assert 1 <= len(metadata) <= 10


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


def test_two_dev_sets_may_share_a_gold_readout_a_held_out_set_may_not(tmp_path, corpus):
    # A count of one pair's contacts may be asked in two dev sets; a held-out set shares nothing with any.
    one, two, held = tmp_path / "analyst_dev_a.jsonl", tmp_path / "analyst_dev_b.jsonl", tmp_path / "analyst.jsonl"
    one.write_text(json.dumps(question()) + "\n", encoding="utf-8")
    two.write_text(json.dumps(question(id="y1")) + "\n", encoding="utf-8")
    held.write_text(json.dumps(question(id="z1")) + "\n", encoding="utf-8")
    reports = check_questions.check_files([one, two, held], corpus)
    assert reports[0].problems == [] and reports[1].problems == []
    assert len(reports[2].problems) == 2 and all(SEED in p for p in reports[2].problems)


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
    reports = check_questions.check_files(ALL_SETS, fallback)
    assert [p for report in reports for p in report.problems] == []


def problems_of(tmp_path, corpus, *questions: dict) -> list[str]:
    return check_questions.check_file(write(tmp_path, list(questions)), corpus).problems


def test_when_and_list_answers_are_dates_of_gold_leads(tmp_path, corpus):
    lead = [{"doc": WHO, "paragraph": 1}]
    when = question(kind="when", question="When did Harris first call the WHO chief?", answers=["2021-01-21"], gold=lead)
    assert problems_of(tmp_path, corpus, when) == []
    # Up to three days before the readout ("yesterday", "on Monday") is allowed; four, or after, is not.
    assert problems_of(tmp_path, corpus, {**when, "answers": ["2021-01-18"]}) == []
    for wrong in ("2021-01-17", "2021-01-22"):
        problems = problems_of(tmp_path, corpus, {**when, "answers": [wrong]})
        assert len(problems) == 1 and f"answer {wrong} is not the date of a gold readout (2021-01-21)" in problems[0]
    assert "is not a YYYY-MM-DD date" in problems_of(tmp_path, corpus, {**when, "answers": ["21 January 2021"]})[0]
    assert "is not the readout's lead (paragraph 1)" in problems_of(
        tmp_path, corpus, {**when, "gold": [{"doc": WHO, "paragraph": 2}]})[0]
    # The seed's meeting (November 26) is four days before its date line (November 30): out of bounds.
    seed_when = {**when, "answers": ["2020-11-26"], "gold": [{"doc": SEED, "paragraph": 1}]}
    assert "2020-11-26 is not the date of a gold readout (2020-11-30)" in problems_of(tmp_path, corpus, seed_when)[0]
    listed = question(kind="list", question="List the readouts.", answers=["2021-01-21", "2020-11-29"],
                      gold=lead + [{"doc": SEED, "paragraph": 1}])
    assert problems_of(tmp_path, corpus, listed) == []
    twice = {**listed, "gold": lead + [{"doc": WHO, "paragraph": 2}]}
    assert any("lists each gold readout once" in p for p in problems_of(tmp_path, corpus, twice))


def test_how_many_counts_the_gold_readouts(tmp_path, corpus):
    gold = [{"doc": WHO, "paragraph": 1}, {"doc": SEED, "paragraph": 1}]
    counted = question(kind="how_many", question="How many readouts?", answers=["2"], gold=gold)
    assert problems_of(tmp_path, corpus, counted) == []
    for wrong in (["3"], ["two"], ["2", "3"]):
        problems = problems_of(tmp_path, corpus, {**counted, "answers": wrong})
        assert len(problems) == 1 and "the count of gold readouts as digits, [\"2\"]" in problems[0]


def test_who_said_and_yes_no_answers(tmp_path, corpus):
    who = question(kind="who_said", question="Who described the phased approach, Moon Jae-in or Wang Yi?",
                   answers=["Wang", "phased and synchronized approach"])
    assert problems_of(tmp_path, corpus, who) == []
    assert problems_of(tmp_path, corpus, {**who, "answers": ["Wang"]}) == []
    assert "the speaker 'Lavrov' is in neither" in problems_of(
        tmp_path, corpus, {**who, "answers": ["Lavrov", "phased and synchronized approach"]})[0]
    assert problems_of(tmp_path, corpus, {**who, "answers": ["Wang", "Olympic flame"]}) == [
        f"{tmp_path / 'questions.jsonl'}:1: x1: answer 'Olympic flame' occurs in no gold paragraph"]
    yes = question(kind="yes_no", question="Did Wang Yi describe a phased approach to denuclearization?",
                   answers=["Yes", "phased and synchronized approach"])
    assert problems_of(tmp_path, corpus, yes) == []
    for wrong in (["No", "phased and synchronized approach"], ["Yes"]):
        assert "a yes_no answer is" in problems_of(tmp_path, corpus, {**yes, "answers": wrong})[0]


def test_discuss_compare_paraphrase_hard_and_followup3_shapes(tmp_path, corpus):
    discuss = question(kind="discuss", question="What did Moon Jae-in and Wang Yi discuss?",
                       answers=["phased and synchronized approach", "Belt and Road initiative"],
                       gold=[{"doc": SEED, "paragraph": 5}, {"doc": SEED, "paragraph": 3}])
    assert problems_of(tmp_path, corpus, discuss) == []
    same_paragraph = {**discuss, "answers": ["phased and synchronized approach", "prevent war and chaos"]}
    assert any("from a different gold paragraph" in p for p in problems_of(tmp_path, corpus, same_paragraph))
    one = {**discuss, "answers": ["phased and synchronized approach"], "gold": [{"doc": SEED, "paragraph": 5}]}
    assert any("two or more gold paragraphs" in p for p in problems_of(tmp_path, corpus, one))
    # compare: one string from each readout; strings found elsewhere are fine (no uniqueness check).
    compare = question(kind="compare", question="How did the two readouts differ?",
                       answers=["climate change", "global public health and humanitarian response"],
                       gold=[{"doc": SEED, "paragraph": 3}, {"doc": WHO, "paragraph": 2}])
    assert problems_of(tmp_path, corpus, compare) == []
    one_readout = {**compare, "answers": ["climate change", "phased and synchronized approach"],
                   "gold": [{"doc": SEED, "paragraph": 3}, {"doc": SEED, "paragraph": 5}]}
    assert any("from two or more readouts" in p for p in problems_of(tmp_path, corpus, one_readout))
    one_side = {**compare, "answers": ["climate change", "Belt and Road initiative"]}
    assert any("at least two different gold readouts" in p for p in problems_of(tmp_path, corpus, one_side))
    # Uniqueness still applies to the other kinds: "climate change" is in many readouts.
    common = {**discuss, "answers": ["climate change"]}
    assert any("the gold is not unique" in p for p in problems_of(tmp_path, corpus, common))
    hard = question(kind="paraphrase_hard", gold=[{"doc": SEED, "paragraph": 5}, {"doc": SEED, "paragraph": 1}])
    assert any("exactly one gold paragraph, not 2" in p for p in problems_of(tmp_path, corpus, hard))
    follow = question(kind="followup3", question="And on the peninsula?",
                      history=["What did Moon and Wang discuss?", {"question": "On COVID-19?", "cited": [SEED]}])
    assert problems_of(tmp_path, corpus, follow) == []
    assert "exactly two earlier turns" in problems_of(tmp_path, corpus, {**follow, "history": follow["history"][:1]})[0]


def test_metadata_filters(tmp_path, corpus):
    # participant and country are looked for as whole words in the title and lead; kind is only validated.
    assert problems_of(tmp_path, corpus, question(filters={"participant": "Moon Jae-in", "kind": "meeting"})) == []
    assert "does not pass the question's own filters" in problems_of(
        tmp_path, corpus, question(filters={"participant": "Kuleba"}))[0]
    assert "does not pass the question's own filters" in problems_of(
        tmp_path, corpus, question(filters={"participant": "Moo"}))[0]
    assert "filters.kind: 'summit' is not one of" in problems_of(tmp_path, corpus, question(filters={"kind": "summit"}))[0]
    # The filters narrow the absent scan too: no readout with Kuleba in its lead mentions the Winter Olympics.
    refused = {"id": "u1", "question": "What did Kuleba say about the Winter Olympics?", "answers": [], "gold": [],
               "kind": "unanswerable", "filters": {"participant": "Kuleba"}, "history": [],
               "absent": [["Winter Olympics"]]}
    assert problems_of(tmp_path, corpus, refused) == []
    assert "may answer this question" in problems_of(tmp_path, corpus, {**refused, "filters": {}})[0]


def test_an_id_used_in_two_files_is_reported(tmp_path, corpus):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(question()) + "\n", encoding="utf-8")
    other = question(answers=["global public health and humanitarian response"], gold=[{"doc": WHO, "paragraph": 2}])
    second.write_text(json.dumps(other) + "\n", encoding="utf-8")
    reports = check_questions.check_files([first, second], corpus)
    assert reports[0].problems == []
    assert reports[1].problems == [f"{second}:1: x1: id also used in {first}:1"]
