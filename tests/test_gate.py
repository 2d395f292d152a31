"""The quality gate: the shipped question set passes it on the real corpus, and a threshold past reach fails it."""
from __future__ import annotations

import json

import pytest

from eval import gate

REQUIRED = {"recall@5", "citation_precision", "quote_validity", "refusal_recall", "false_refusal_rate"}


def test_gate_file_sets_each_threshold_a_little_beyond_its_measured_figure():
    thresholds = gate.load_gate()["thresholds"]
    assert REQUIRED <= set(thresholds)
    for metric, rule in thresholds.items():
        if "min" in rule:
            assert rule["measured"] - 0.1 <= rule["min"] <= rule["measured"], metric
        else:
            assert rule["measured"] <= rule["max"] <= rule["measured"] + 0.1, metric


@pytest.mark.slow
def test_shipped_set_passes_the_gate(library):
    config = gate.load_gate()
    run, checks, problems = gate.run_gate(library, config)
    failed = [c.describe() for c in checks if not c.passed]
    assert not failed and not problems, "\n".join(failed + list(problems))
    assert run.summary["overall"]["questions"] >= 150


def test_check_gate_bounds():
    summary = {"overall": {"metrics": {"recall@5": {"value": 0.8}, "false_refusal_rate": {"value": 0.2},
                                       "refusal_recall": {"value": None}}}}
    config = {"thresholds": {"recall@5": {"min": 0.8, "measured": 0.85}, "false_refusal_rate": {"max": 0.19},
                             "refusal_recall": {"min": 0.5}, "ndcg@10": {"min": 0.1}}}
    checks = {c.metric: c for c in gate.check_gate(summary, config)}
    assert checks["recall@5"].passed  # equal to the threshold passes
    assert not checks["false_refusal_rate"].passed
    assert not checks["refusal_recall"].passed and "undefined" in checks["refusal_recall"].describe()
    assert not checks["ndcg@10"].passed  # a metric the run lacks fails rather than passing silently
    assert checks["recall@5"].describe().startswith("ok") and "0.850 when the gate was set" in checks["recall@5"].describe()


def test_impossible_threshold_fails_with_a_clear_message(corpus_index, tmp_path, capsys):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps({
        "id": "s1", "question": "How many consensuses did Wang Yi and Foreign Minister Kang Kyung-wha reach?",
        "answers": ["10 consensuses"], "gold": [{"doc": "000_95fd29420489899a", "paragraph": 6}], "kind": "fact",
        "filters": {}, "history": []}) + "\n", encoding="utf-8")
    config = tmp_path / "gate.json"
    config.write_text(json.dumps({"questions": str(questions), "settings": {"mode": "hybrid", "k": 10},
                                  "thresholds": {"recall@5": {"min": 1.01, "measured": 1.0},
                                                 "quote_validity": {"min": 1.0}}}), encoding="utf-8")
    code = gate.main(["--index", str(corpus_index), "--config", str(config), "--quiet", "--out", str(tmp_path / "run")])
    captured = capsys.readouterr()
    assert code == 1
    assert "FAIL recall@5 = 1.000, must be at least 1.010" in captured.out
    assert "ok   quote_validity" in captured.out
    assert "gate: FAILED (recall@5)" in captured.err
    assert (tmp_path / "run" / "report.md").exists()


def test_a_gate_that_cannot_run_exits_2(corpus_index, tmp_path, capsys):
    config = tmp_path / "gate.json"
    config.write_text(json.dumps({"thresholds": {"recall@5": {"min": 0.5, "max": 0.9}}}), encoding="utf-8")
    assert gate.main(["--index", str(corpus_index), "--config", str(config), "--quiet"]) == 2
    assert "exactly one of" in capsys.readouterr().err
    config.write_text(json.dumps({"thresholds": {"recall@5": {"min": 0.5}}}), encoding="utf-8")
    assert gate.main(["--index", str(tmp_path / "nothing"), "--config", str(config), "--quiet"]) == 2
    assert "no index here" in capsys.readouterr().err
