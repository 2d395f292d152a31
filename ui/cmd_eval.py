"""The `readouts eval` verb: run a question set, compare two runs, or turn chat feedback into questions."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from index.types import InputError

MODES = ("dense", "lexical", "hybrid")
METADATA_GOLD = Path(__file__).resolve().parents[1] / "eval" / "metadata" / "gold.jsonl"


def add_parser(sub) -> None:
    from .cli import add_index_options, add_llm_options

    p = sub.add_parser("eval", help="evaluate retrieval, answers, citations and refusals on a question set",
                       description="readouts eval QUESTIONS --index DIR | --compare RUN_A RUN_B | "
                                   "--from-feedback FEEDBACK.jsonl --out QUESTIONS.jsonl")
    p.add_argument("questions", nargs="?", help="question-set JSONL (CONTRACT.md \"Question sets\")")
    p.add_argument("-k", type=int, default=10, help="paragraphs retrieved per question (default %(default)s)")
    p.add_argument("--answer-k", type=int, default=5,
                   help="hits given to the answerer, as `readouts ask -k` (default %(default)s)")
    p.add_argument("--answerer", choices=("extractive", "llm"), default="extractive")
    p.add_argument("--modes", default="hybrid",
                   help="retrieval mode, or several comma-separated to run side by side: dense,lexical,hybrid")
    p.add_argument("--out", help="folder for results.jsonl, summary.json, report.md, chart.png "
                                 "(one sub-folder per mode with several); with --from-feedback, the questions file")
    p.add_argument("--json", action="store_true", help="print the summary (or comparison) as JSON")
    p.add_argument("--compare", nargs=2, metavar=("RUN_A", "RUN_B"), help="compare two --out folders")
    p.add_argument("--from-feedback", metavar="FEEDBACK", help="the chat app's feedback JSONL to turn into questions")
    p.add_argument("--metadata", nargs="?", const=str(METADATA_GOLD), metavar="GOLD",
                   help="score the index's readout metadata (participants, kind, event date, speakers) against "
                        f"a hand-checked gold file (default {METADATA_GOLD.relative_to(METADATA_GOLD.parents[2])})")
    p.add_argument("--replay", action="store_true",
                   help="ask a follow-up's earlier turns first and pass on the readouts their answers cited, as the "
                        "chat does (the question sets give earlier turns as plain questions)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default %(default)s)")
    p.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_index_options(p)
    add_llm_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    # Heavy imports (numpy, matplotlib, the engine) stay in here so that building the parser, which every
    # `readouts` command does, keeps `readouts search` quick to start.
    if args.compare:
        return _compare(args)
    if args.from_feedback:
        return _from_feedback(args)
    if args.metadata:
        return _metadata(args)
    if not args.questions:
        print("readouts eval: give QUESTIONS, --compare RUN_A RUN_B or --from-feedback FILE", file=sys.stderr)
        return 2
    return _evaluate(args)


def _metadata(args) -> int:
    """Participants P/R/F1, kind, event date and speaker accuracy of what the index stores, on the gold readouts."""
    from eval.metadata_score import TARGETS, _table, score
    from index.readout_meta import load

    from .cli import open_library

    library = open_library(args)
    gold = [json.loads(line) for line in open(args.metadata, encoding="utf-8") if line.strip()]
    predicted, paragraphs = {}, {}
    for record in gold:
        stored = load(library.store.db, record["readout_id"])
        if stored is not None:
            predicted[record["readout_id"]] = stored
            paragraphs[record["readout_id"]] = tuple(library.store.paragraphs_of(record["readout_id"]))
    result = score(gold, predicted, paragraphs)
    result.pop("errors")
    if args.json:
        print(json.dumps({**result, "targets": TARGETS, "gold": args.metadata}, ensure_ascii=False))
    else:
        print(_table(result))
    return 0 if not result["missing_predictions"] else 1


def _compare(args) -> int:
    from eval.report import format_comparison
    from eval.run import compare

    comparison = compare(*args.compare)
    print(json.dumps(comparison.to_json(), ensure_ascii=False) if args.json else format_comparison(comparison))
    return 0


def _from_feedback(args) -> int:
    from eval.questions import feedback_to_questions, write_questions

    if not args.out:
        raise InputError("--from-feedback needs --out QUESTIONS.jsonl")
    converted = feedback_to_questions(args.from_feedback)
    out = Path(args.out)
    ready = write_questions(out, converted.ready)
    print(f"{out}: {ready} questions", file=sys.stderr)
    if converted.to_fill:
        todo = out.with_name(out.stem + ".todo.jsonl")
        write_questions(todo, converted.to_fill)
        print(f"{todo}: {len(converted.to_fill)} answers marked wrong; fill their gold (and answers), drop "
              f"\"needs_gold\", then add them to a question set", file=sys.stderr)
    for error in converted.errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if converted.errors else 0


def _answerer(args):
    if args.answerer == "extractive":
        return None, "extractive"
    if not args.llm_base_url or not args.llm_model:
        raise InputError("--answerer llm needs --llm-base-url and --llm-model (or READOUTS_LLM_BASE_URL/_MODEL)")
    from qa.llm import LLMAnswerer

    return LLMAnswerer(args.llm_base_url, args.llm_model), f"llm {args.llm_model} at {args.llm_base_url}"


def _evaluate(args) -> int:
    import hashlib

    from eval.questions import read_questions
    from eval.report import draw_modes_chart, modes_table, summary_tables
    from eval.run import evaluate_modes, write_run

    from .cli import open_library

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        raise InputError(f"--modes: expected some of {', '.join(MODES)}, got {args.modes!r}")
    answerer, answerer_name = _answerer(args)
    loaded = read_questions(args.questions)
    for error in loaded.errors:
        print(f"error: {error}", file=sys.stderr)
    if not loaded.questions:
        raise InputError(f"{args.questions}: no questions to run")
    library = open_library(args)
    source = {"file": str(args.questions), "count": len(loaded.questions), "malformed": list(loaded.errors),
              "sha256": hashlib.sha256(Path(args.questions).read_bytes()).hexdigest()}
    runs = evaluate_modes(library, loaded.questions, list(dict.fromkeys(modes)), k=args.k, answerer=answerer,
                          answerer_name=answerer_name, answer_k=args.answer_k, progress=not args.quiet,
                          resamples=args.resamples, seed=args.seed, source=source, replay=args.replay)
    if args.out:
        out = Path(args.out)
        for mode, result in runs.items():
            folder = write_run(result, out / mode if len(runs) > 1 else out)
            print(f"{mode}: wrote {folder}/report.md", file=sys.stderr)
        if len(runs) > 1:
            (out / "modes.md").write_text(f"# Retrieval modes on {args.questions}\n\n{modes_table(runs)}\n",
                                          encoding="utf-8")
            (out / "modes.json").write_text(json.dumps({m: r.summary for m, r in runs.items()}, indent=2) + "\n",
                                            encoding="utf-8")
            draw_modes_chart(runs, out / "modes.png")
    if args.json:
        shown = {m: {"settings": r.settings, **r.summary} for m, r in runs.items()}
        print(json.dumps(shown if len(runs) > 1 else next(iter(shown.values())), ensure_ascii=False))
    elif len(runs) > 1:
        print(modes_table(runs))
    else:
        print(summary_tables(next(iter(runs.values()))))
    if args.answerer == "llm":
        for mode, result in runs.items():
            fallbacks = [r.answer.notice for r in result.results if r.answer and "extractive" in r.answer.notice]
            if fallbacks:
                print(f"warning: {mode}: {len(fallbacks)} of {len(result.results)} answers fell back to the "
                      f"extractive answerer, e.g. \"{fallbacks[0]}\"", file=sys.stderr)
    failed = sum(r.summary["overall"]["errors"] for r in runs.values())
    if failed:
        print(f"error: {failed} question runs failed (see results.jsonl / report.md)", file=sys.stderr)
    return 1 if loaded.errors or failed else 0
