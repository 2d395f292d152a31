"""The quality gate: `python -m eval.gate --index DIR` runs the shipped question set and fails (exit 1) when a
metric in eval/gate.json is past its threshold. Exit 2 when the gate cannot run at all."""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from index.types import InputError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = Path(__file__).with_name("gate.json")


@dataclass(frozen=True)
class Check:
    """One threshold against one run's figure."""

    metric: str
    bound: str  # "min" or "max"
    threshold: float
    value: float | None
    measured: float | None  # the figure when the threshold was set

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.threshold if self.bound == "min" else self.value <= self.threshold

    def describe(self) -> str:
        shown = "undefined (no question it applies to)" if self.value is None else f"{self.value:.3f}"
        word = "at least" if self.bound == "min" else "at most"
        then = f"; {self.measured:.3f} when the gate was set" if self.measured is not None else ""
        return f"{'ok  ' if self.passed else 'FAIL'} {self.metric} = {shown}, must be {word} {self.threshold:.3f}{then}"


def load_gate(path: str | Path = DEFAULT_CONFIG) -> dict:
    """The gate settings and thresholds; raise InputError on a file that does not hold them."""
    try:
        config = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: {error}") from None
    thresholds = config.get("thresholds")
    if not isinstance(thresholds, dict) or not thresholds:
        raise InputError(f"{path}: no \"thresholds\" object")
    for metric, rule in thresholds.items():
        bounds = [b for b in ("min", "max") if b in rule] if isinstance(rule, dict) else []
        if len(bounds) != 1 or not isinstance(rule[bounds[0]], (int, float)):
            raise InputError(f"{path}: thresholds.{metric}: give exactly one of \"min\" or \"max\", a number")
    return config


def check_gate(summary: Mapping, config: Mapping) -> tuple[Check, ...]:
    """Each threshold of the config against the overall figures of a run summary."""
    figures = summary["overall"]["metrics"]
    checks = []
    for metric, rule in config["thresholds"].items():
        bound = "min" if "min" in rule else "max"
        value = figures[metric]["value"] if metric in figures else None
        checks.append(Check(metric, bound, float(rule[bound]), value, rule.get("measured")))
    return tuple(checks)


def reset_thresholds(config: Mapping, summary: Mapping, date: str, commit: str | None) -> dict:
    """The config with each threshold moved to the measured figure less its margin, rounded outward to 0.01."""
    figures = summary["overall"]["metrics"]
    thresholds = {}
    for metric, rule in config["thresholds"].items():
        bound = "min" if "min" in rule else "max"
        measured, margin = figures[metric]["value"], float(rule.get("margin", 0.0))
        if measured is None:
            raise InputError(f"{metric}: the run has no figure for it, so no threshold can be set")
        limit = measured - margin if bound == "min" else measured + margin
        limit = math.floor(limit * 100 + 1e-9) / 100 if bound == "min" else math.ceil(limit * 100 - 1e-9) / 100
        thresholds[metric] = {bound: limit, "measured": round(measured, 4), "margin": margin,
                              **({"why": rule["why"]} if "why" in rule else {})}
    measured_on = {"date": date, "commit": commit, "questions_sha256": summary.get("questions_sha256")}
    return {**config, "thresholds": thresholds, "measured_on": measured_on}


def questions_path(config: Mapping, base: Path = REPO) -> Path:
    path = Path(config.get("questions", "eval/questions/readouts.jsonl"))
    return path if path.is_absolute() else base / path


def run_gate(library, config: Mapping, progress: bool = False, questions: str | Path | None = None):
    """Run the gate's question set with the gate's settings; returns (run, checks, problems)."""
    from .questions import read_questions
    from .run import evaluate

    path = Path(questions) if questions else questions_path(config)
    loaded = read_questions(path)
    settings = config.get("settings", {})
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    run = evaluate(library, loaded.questions, k=settings.get("k", 10), mode=settings.get("mode", "hybrid"),
                   answer_k=settings.get("answer_k", 5), progress=progress,
                   source={"file": str(path), "count": len(loaded.questions), "malformed": list(loaded.errors),
                           "sha256": digest})
    problems = list(loaded.errors)
    problems += [f"{r.question.id}: {r.error}" for r in run.results if r.error]
    if not loaded.questions:
        problems.append(f"{path}: no questions")
    return run, check_gate(run.summary, config), tuple(problems)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=os.environ.get("READOUTS_INDEX", "data/index"),
                        help="index folder (env READOUTS_INDEX; default %(default)s)")
    parser.add_argument("--config", default=str(DEFAULT_CONFIG), help="thresholds file (default eval/gate.json)")
    parser.add_argument("--questions", help="question set (default: the one the config names)")
    parser.add_argument("--out", help="also write the run (results.jsonl, summary.json, report.md, chart.png) here")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--reset", action="store_true",
                        help="measure now and rewrite the config's thresholds as the figures less each margin")
    args = parser.parse_args(argv)
    try:
        config = load_gate(args.config)
        from index.api import Library

        library = Library(args.index, create=False)
        run, checks, problems = run_gate(library, config, progress=not args.quiet, questions=args.questions)
    except InputError as error:
        print(f"gate: cannot run: {error}", file=sys.stderr)
        return 2
    if args.out:
        from .run import write_run

        write_run(run, args.out)
    digest = run.settings["questions"]["sha256"]
    if args.reset:
        if problems:
            print("gate: not reset: " + "; ".join(problems), file=sys.stderr)
            return 1
        try:
            config = reset_thresholds(config, {**run.summary, "questions_sha256": digest}, run.settings["date"],
                                      run.settings["git"]["commit"])
        except InputError as error:
            print(f"gate: not reset: {error}", file=sys.stderr)
            return 1
        Path(args.config).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        checks = check_gate(run.summary, config)
        print(f"gate: thresholds reset in {args.config}")
    set_on = config.get("measured_on", {}).get("questions_sha256")
    if set_on and set_on != digest:
        print("note: the question set changed since the thresholds were set; if that was meant, "
              "measure again with --reset")
    for check in checks:
        print(check.describe())
    for problem in problems:
        print(f"FAIL {problem}")
    failed = [c for c in checks if not c.passed]
    if failed or problems:
        names = ", ".join([c.metric for c in failed] + (["question set problems"] if problems else []))
        print(f"gate: FAILED ({names}); see {args.out + '/report.md' if args.out else 'the lines above'}",
              file=sys.stderr)
        return 1
    print(f"gate: passed ({len(checks)} thresholds, {run.summary['overall']['questions']} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
