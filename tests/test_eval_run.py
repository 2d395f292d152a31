"""Evaluation runs over the real corpus index: question files, the written report files, compare, modes, feedback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.metrics import recall_at_k
from eval.questions import feedback_to_questions, read_questions, write_questions
from eval.run import compare, evaluate, evaluate_modes, load_run, write_run

SEED = "000_95fd29420489899a"  # the seed readout: Wang Yi meets Moon Jae-in, Seoul, November 2020
QUESTIONS = [
    {"id": "s1", "question": "How many consensuses did Wang Yi and Foreign Minister Kang Kyung-wha reach?",
     "answers": ["10 consensuses"], "gold": [{"doc": SEED, "paragraph": 6}], "kind": "fact", "filters": {},
     "history": []},
    {"id": "s2", "question": "Whose message did Wang Yi deliver to President Moon Jae-in in Seoul?",
     "answers": ["Xi Jinping"], "gold": [{"doc": SEED, "paragraph": 2}], "kind": "fact",
     "filters": {"date_from": "2020-11-01", "date_to": "2020-12-31"}, "history": [], "note": "kept"},
    {"id": "u1", "question": "What did President Biden say to Kim Jong Un when they met?", "answers": [], "gold": [],
     "kind": "unanswerable", "filters": {}, "history": []},
    {"id": "f1", "question": "How many consensuses did they reach?", "answers": ["10 consensuses"],
     "gold": [{"doc": SEED, "paragraph": 6}], "kind": "followup", "filters": {},
     "history": [{"question": "Whom did Wang Yi hold talks with in Seoul in November 2020?", "cited": [SEED]}]},
    {"id": "o1", "question": "What did Wang Yi say about the Belt and Road initiative in Seoul?",
     "answers": ["Belt and Road"], "gold": [{"doc": SEED, "paragraph": 3}], "kind": "odd_kind"},
]


def write_set(tmp_path: Path, extra_lines: tuple[str, ...] = ()) -> Path:
    path = tmp_path / "questions.jsonl"
    lines = [json.dumps(q) for q in QUESTIONS[:3]] + list(extra_lines) + [json.dumps(q) for q in QUESTIONS[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def questions(tmp_path_factory):
    return read_questions(write_set(tmp_path_factory.mktemp("questions"))).questions


@pytest.fixture(scope="module")
def hybrid(library, questions):
    return evaluate(library, questions, k=10, mode="hybrid", progress=False, resamples=200)


def test_malformed_lines_are_reported_and_the_rest_load(tmp_path):
    path = write_set(tmp_path, ('{"id": "bad", "question": ""}', "not json", "",
                                json.dumps({"id": "s1", "question": "again?"}),
                                json.dumps({"id": "g", "question": "q?", "gold": [{"doc": SEED, "paragraph": 0}]})))
    loaded = read_questions(path)
    assert [q.id for q in loaded.questions] == ["s1", "s2", "u1", "f1", "o1"]
    assert [e.split(": ", 1)[0] for e in loaded.errors] == [f"{path}:{n}" for n in (4, 5, 7, 8)]
    assert "question" in loaded.errors[0] and "not JSON" in loaded.errors[1]
    assert "earlier line" in loaded.errors[2] and "gold[0].paragraph" in loaded.errors[3]


def test_questions_keep_unknown_fields_and_defaults(questions):
    by_id = {q.id: q for q in questions}
    assert by_id["s2"].extra == {"note": "kept"} and by_id["s2"].to_json()["note"] == "kept"
    assert by_id["o1"].filters == {} and by_id["o1"].history == ()
    assert not by_id["u1"].answerable and by_id["s1"].gold == ((SEED, 6),)


def test_run_scores_each_question(hybrid):
    by_id = {r.question.id: r for r in hybrid.results}
    assert not any(r.error for r in hybrid.results)
    for qid in ("s1", "s2", "f1", "o1"):
        assert by_id[qid].scores["recall@10"] == 1.0, qid  # the gold paragraph is in the top 10
    assert by_id["u1"].scores["recall@10"] is None
    assert by_id["u1"].scores["refusal_recall"] in (0.0, 1.0)
    for r in hybrid.results:
        assert set(r.latency_ms) == {"embed", "search", "answer", "total"}
        assert all(v >= 0 for v in r.latency_ms.values())
        assert r.scores["quote_validity"] in (None, 1.0)


def test_embedding_is_timed_on_a_cache_miss(library, questions, hybrid):
    again = evaluate(library, questions, progress=False, resamples=10)  # every question vector is cached now
    # A real encoding takes milliseconds; a cache hit, microseconds.
    assert min(r.latency_ms["embed"] for r in again.results) > 0.5


def test_summary_by_kind_in_contract_order(hybrid):
    summary = hybrid.summary
    assert list(summary["by_kind"]) == ["fact", "followup", "unanswerable", "odd_kind"]
    assert summary["overall"]["questions"] == 5 and summary["by_kind"]["fact"]["questions"] == 2
    recall = summary["overall"]["metrics"]["recall@5"]
    assert recall["n"] == 4 and recall["low"] <= recall["value"] <= recall["high"]
    assert summary["by_kind"]["unanswerable"]["metrics"]["recall@5"]["value"] is None
    assert set(summary["overall"]["latency_ms"]["total"]) == {"p50", "p95"}


def test_eval_answers_as_ask_does(library, hybrid):
    from qa import ask

    for r in hybrid.results:
        q = r.question
        expected = ask(library, q.question, q.filters, list(q.history), k=5)
        assert (r.answer.text, r.answer.refused, r.answer.citations) == (expected.text, expected.refused,
                                                                        expected.citations), q.id
        # Recall@5 of the passages the answer carries (the API's hits), beside the plain engine's recall@5.
        shown = [(h.readout_id, h.paragraph) for h in expected.hits]
        assert r.scores["answer_recall@5"] == recall_at_k(shown, set(q.gold), 5, [h.score for h in expected.hits])
        assert (r.scores["answer_recall@5"] is None) == (not q.gold), q.id


def test_written_run_files_parse(hybrid, tmp_path):
    out = write_run(hybrid, tmp_path / "run")
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2", "u1", "f1", "o1"]
    assert {"retrieved", "answer", "refused", "citations", "scores", "latency_ms", "gold"} <= set(lines[0])
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    settings = summary["settings"]
    assert settings["index"]["model"] and settings["index"]["chunking"] and settings["index"]["index_type"]
    assert settings["answerer"] == "extractive" and settings["mode"] == "hybrid" and "commit" in settings["git"]
    assert settings["date"]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "Small sets are noisy" in report and "## By kind" in report and "odd_kind" in report
    assert "recall@5" in report and "p95" in report
    assert (out / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert load_run(out)[0]["overall"] == json.loads(json.dumps(hybrid.summary["overall"]))


def test_a_failing_answerer_is_recorded_and_the_run_goes_on(library, questions):
    def broken(question, scored, turns):
        raise TimeoutError("the model did not answer")

    run = evaluate(library, questions[:2], answerer=broken, answerer_name="broken", progress=False, resamples=50)
    assert all("TimeoutError" in r.error for r in run.results)
    assert run.summary["overall"]["errors"] == 2


def test_an_invalid_quote_is_caught(library, questions):
    from qa.types import Answer, Citation

    def misquoting(question, scored, turns):
        hit = scored[0].hit
        citation = Citation(1, hit.readout_id, hit.paragraph, hit.title, hit.date, hit.source, hit.url, "not in it")
        return Answer(question, "Made up [1] and [2].", (citation,), tuple(s.hit for s in scored), False)

    run = evaluate(library, questions[:1], answerer=misquoting, progress=False, resamples=50)
    assert run.results[0].scores["quote_validity"] == 0.0
    assert run.results[0].scores["marker_consistency"] == 0.0


def test_modes_side_by_side_and_compare(library, questions, hybrid, tmp_path):
    from eval.report import format_comparison, modes_table

    runs = evaluate_modes(library, questions, ["dense", "lexical"], progress=False, resamples=100)
    assert [r.settings["mode"] for r in runs.values()] == ["dense", "lexical"]
    assert [r.question.id for r in runs["dense"].results] == [r.question.id for r in runs["lexical"].results]
    table = modes_table({**runs, "hybrid": hybrid})
    assert "| metric | dense | lexical | hybrid |" in table and "recall@5" in table
    a, b = write_run(runs["lexical"], tmp_path / "a", chart=False), write_run(hybrid, tmp_path / "b", chart=False)
    comparison = compare(a, b)
    overall = {d["metric"]: d for d in comparison.deltas if d["scope"] == "overall"}
    assert overall["recall@5"]["delta"] == pytest.approx(overall["recall@5"]["b"] - overall["recall@5"]["a"])
    assert not comparison.only_a and not comparison.only_b
    text = format_comparison(comparison)
    assert "B − A" in text and "changed outcome" in text
    same = compare(b, b)
    assert not same.changed and all(d["delta"] in (0.0, None) for d in same.deltas)


def test_compare_lists_changed_outcomes(hybrid, tmp_path):
    a = write_run(hybrid, tmp_path / "a", chart=False)
    b = write_run(hybrid, tmp_path / "b", chart=False)
    lines = (b / "results.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first.update(refused=not first["refused"], citations=[])
    (b / "results.jsonl").write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    changed = compare(a, b).changed
    assert [c["id"] for c in changed] == ["s1"]
    assert changed[0]["a"]["refused"] != changed[0]["b"]["refused"]


def test_cli_eval_runs_modes_and_reports_bad_lines(corpus_index, tmp_path, capsys):
    from ui.cli import main

    path = write_set(tmp_path, ("{broken",))
    code = main(["eval", str(path), "--index", str(corpus_index), "--modes", "dense,hybrid",
                 "--out", str(tmp_path / "runs"), "--quiet", "--resamples", "100"])
    captured = capsys.readouterr()
    assert code == 1  # a malformed line makes the run fail after it ran everything else
    assert f"{path}:4: not JSON" in captured.err
    assert "| metric | dense | hybrid |" in captured.out
    for mode in ("dense", "hybrid"):
        assert len((tmp_path / "runs" / mode / "results.jsonl").read_text().splitlines()) == 5
    assert (tmp_path / "runs" / "modes.md").exists() and (tmp_path / "runs" / "modes.png").exists()
    code = main(["eval", "--compare", str(tmp_path / "runs" / "dense"), str(tmp_path / "runs" / "hybrid"), "--json"])
    assert code == 0 and "deltas" in json.loads(capsys.readouterr().out)


def test_feedback_becomes_questions(tmp_path):
    cited = [{"doc": SEED, "paragraph": 6}]
    lines = [
        {"id": "fb1", "question": "How many consensuses?", "gold": cited, "kind": "feedback", "filters": {},
         "history": [], "feedback": "helpful", "comment": "", "answer": "Ten [1].", "cited": cited, "refused": False},
        {"id": "fb2", "question": "Kim Jong Un?", "feedback": "helpful", "answer": "Not covered.", "refused": True},
        {"id": "fb3", "question": "Belt and Road?", "feedback": "wrong", "comment": "wrong paragraph",
         "answer": {"answer": "X [1]", "refused": False,
                    "citations": [{"n": 1, "readout_id": SEED, "paragraph": 1, "quote": "On"}]}},
        {"id": "fb4", "question": "Anything?", "feedback": "meh"},
    ]
    path = tmp_path / "feedback.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    converted = feedback_to_questions(path)
    assert [q["id"] for q in converted.ready] == ["fb1", "fb2"]
    assert converted.ready[0]["gold"] == cited and converted.ready[0]["comment"] == ""
    assert converted.ready[1]["gold"] == [] and converted.ready[1]["kind"] == "unanswerable"
    assert [q["id"] for q in converted.to_fill] == ["fb3"]
    assert converted.to_fill[0]["wrong_citations"] == [{"doc": SEED, "paragraph": 1}]
    assert converted.errors and ":4:" in converted.errors[0]
    write_questions(tmp_path / "ready.jsonl", converted.ready)
    assert [q.id for q in read_questions(tmp_path / "ready.jsonl").questions] == ["fb1", "fb2"]
    write_questions(tmp_path / "todo.jsonl", converted.to_fill)
    todo = read_questions(tmp_path / "todo.jsonl")
    assert not todo.questions and "needs_gold" in todo.errors[0]
    raw = read_questions(path)  # the raw feedback file: a wrong line is not taken as unanswerable
    assert "fb3" not in [q.id for q in raw.questions] and any("--from-feedback" in e for e in raw.errors)


def test_replay_asks_the_earlier_turns_as_the_chat_does(library):
    from eval.questions import parse_question
    from eval.run import run_questions
    from qa import ask

    turn = "Whom did Wang Yi hold talks with in Seoul in November 2020?"
    follow = parse_question({"id": "r1", "question": "How many consensuses did they reach?", "answers": ["10 consensuses"],
                             "gold": [{"doc": SEED, "paragraph": 6}], "kind": "followup", "history": [turn]})
    plain = run_questions(library, [follow], progress=False)["hybrid"][0]
    replay = run_questions(library, [follow], progress=False, replay=True)["hybrid"][0]
    assert plain.question.history == (turn,)  # as given
    cited = sorted({c.readout_id for c in ask(library, turn).citations})
    assert cited and replay.question.history == ({"question": turn, "cited": cited},)  # what the chat passes on
    assert replay.scores["containment"] == 1.0 and SEED in {c.readout_id for c in replay.answer.citations}
    assert replay.to_json()["history"] == [{"question": turn, "cited": cited}]  # results.jsonl shows what was asked
    run = evaluate(library, [follow], replay=True, progress=False, resamples=10)
    assert run.settings["replay"] is True  # recorded with the run
