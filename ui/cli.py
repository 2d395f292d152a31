"""The `readouts` command: every verb of the Python API, plus chat, serve, eval and bench."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from index.load import DEFAULT_MAX_RECORD_BYTES, SUPPORTED, load_paths
from index.precision import PRECISIONS, requested_precision
from index.types import InputError

from . import cmd_chat
from .cli_help import PrintVersion, unknown_command

DEFAULT_INDEX = "data/index"


def add_index_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", default=os.environ.get("READOUTS_INDEX", DEFAULT_INDEX),
                        help="index folder (env READOUTS_INDEX; default %(default)s)")
    parser.add_argument("--model", default=os.environ.get("READOUTS_MODEL"),
                        help="sentence-transformers model name or path (default: the one the index was built with, "
                             "else the bundled all-MiniLM-L6-v2; env READOUTS_MODEL)")


def add_wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", type=float, default=float(os.environ.get("READOUTS_WAIT", "0")), metavar="SECONDS",
                        help="if another process is writing the index, wait this long for it (env READOUTS_WAIT; "
                             "default %(default)s: stop at once, naming the writer's PID)")


def add_query_options(parser: argparse.ArgumentParser, k: int) -> None:
    parser.add_argument("question", nargs="?", help="the question (omit with --batch)")
    parser.add_argument("-k", type=int, default=k, help="how many passages (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the contract's JSON")
    parser.add_argument("--batch", metavar="FILE", help="JSONL of {id, question, history, filters, k}; - for stdin")
    add_filter_options(parser)
    parser.add_argument("--history-file", help="JSON list of earlier turns (strings or {question, cited})")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date-from", help="YYYY-MM-DD, inclusive")
    parser.add_argument("--date-to", help="YYYY-MM-DD, inclusive")
    parser.add_argument("--source", help="substring of the readout's source, any case ('state')")
    parser.add_argument("--readout", help="only this readout id")
    parser.add_argument("--participant", help="only readouts with this participant (whole words: 'kuleba')")
    parser.add_argument("--country", help="only readouts with a participant of this country ('Ukraine')")
    parser.add_argument("--kind", choices=("call", "meeting", "visit", "statement", "other"), help="only this kind")


def filters_from(args) -> dict:
    return {k: v for k, v in {"date_from": args.date_from, "date_to": args.date_to, "source": args.source,
                              "readout": args.readout, "participant": args.participant, "country": args.country,
                              "kind": args.kind}.items() if v}


def open_library(args, create: bool = False):
    """The library for --index/--model; a missing index is an error except for ingest."""
    from index.api import Library

    chunking = None
    if getattr(args, "context", None):
        from index.chunk import ChunkSettings

        chunking = ChunkSettings(context=args.context)
    return Library(args.index, model=args.model, chunking=chunking, create=create)


def megabytes(text: str) -> float:
    """--max-record-mb: a positive, finite number of megabytes (MiB, as the load errors count them)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, got {text!r}")
    return value


def cmd_ingest(args) -> int:
    from dataclasses import replace

    from tqdm import tqdm

    from index.ingest import IngestReport

    # Load before opening the index: input with no readout files then creates no index folder and loads
    # no model, and the size limit reaches load_paths (Library.ingest_paths does not take it).
    precision = requested_precision(args.precision)  # a bad READOUTS_PRECISION fails before anything loads
    loaded = load_paths(args.paths, max_record_bytes=int(args.max_record_mb * 1024 * 1024))
    failed = tuple(str(error) for error in loaded.errors)
    if not loaded.files:
        failed += (f"no readout files found in {', '.join(args.paths)} (supported: {', '.join(SUPPORTED)})",)
        for message in failed:
            print(f"error: {message}", file=sys.stderr)
        if args.json:
            print(json.dumps(IngestReport(failed=failed).to_json()))
        return 1
    library = open_library(args, create=True)
    bar, shown = None, ""

    def progress(done: int, total: int, stage: str = "embedding") -> None:
        nonlocal bar, shown
        if bar is not None and shown != stage:
            bar.close()
            bar = None
        if bar is None and total:
            bar = tqdm(total=total, unit="chunk" if stage == "embedding" else "readout", desc=stage,
                       disable=args.quiet)
            shown = stage
        if bar is not None:
            bar.n = done
            bar.refresh()

    if args.ray:
        report = replace(_ingest_on_ray(args, library, loaded.readouts, progress), failed=failed)
    else:
        report = replace(library.ingest(loaded.readouts, progress, wait=args.wait, precision=precision), failed=failed)
    if bar is not None:
        bar.close()
    for message in report.failed:
        print(f"error: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json()))
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def _ingest_on_ray(args, library, readouts, progress):
    """The same ingest with chunking and embedding on a Ray cluster (the optional extra; imported only here)."""
    try:
        import ray
    except ImportError:
        raise InputError("--ray needs the Ray extra: pip install 'readouts-qa[ray]'") from None
    from index.ray_ingest import connect, ingest_ray

    started = connect(None if args.ray == "local" else args.ray)
    try:
        return ingest_ray(library, readouts, actors=args.ray_actors, gpus_per_actor=args.ray_gpus,
                          progress=progress, wait=args.wait)
    finally:
        if started:
            ray.shutdown()


def cmd_remove(args) -> int:
    library = open_library(args)
    removed, unknown = library.remove(args.ids, wait=args.wait)
    for readout_id in unknown:
        print(f"error: no readout {readout_id!r} in {args.index}", file=sys.stderr)
    print(f"removed {len(removed)}, unknown {len(unknown)}", file=sys.stderr)
    return 1 if unknown else 0


def _history(args):
    if not args.history_file:
        return None
    try:
        return json.loads(Path(args.history_file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{args.history_file}: {error}") from None


def _batch_lines(path: str):
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line


def run_batch(args, answer_line) -> int:
    """One JSON line out per line in; a bad line gives an error line and the rest go on."""
    failed = 0
    for number, line in _batch_lines(args.batch):
        line_id = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise InputError("expected a JSON object")
            line_id = item.get("id", number)
            out = answer_line(item)
            print(json.dumps({"id": line_id, **out}, ensure_ascii=False), flush=True)
        except (InputError, json.JSONDecodeError, ValueError) as error:
            failed += 1
            print(json.dumps({"id": line_id if line_id is not None else number,
                              "error": f"line {number}: {error}"}, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def cmd_search(args) -> int:
    library = open_library(args)
    if args.batch:
        return run_batch(args, lambda item: {"hits": [h.to_json() for h in library.search(
            item.get("question"), item.get("filters"), item.get("history"), item.get("k", args.k))]})
    hits = library.search(args.question, filters_from(args), _history(args), args.k)
    if args.json:
        print(json.dumps({"hits": [h.to_json() for h in hits]}, ensure_ascii=False))
        return 0
    for rank, hit in enumerate(hits, start=1):
        print(f"{rank}. {hit.title} ({hit.date}) [{hit.readout_id} ¶{hit.paragraph}] score {hit.score:.4f}")
        print(f"   {hit.text[:300]}{'…' if len(hit.text) > 300 else ''}")
    return 0


def make_answerer(args):
    """The LLM answerer when configured (flags or READOUTS_LLM_*), else None for the extractive one."""
    if not getattr(args, "llm_base_url", None) or not getattr(args, "llm_model", None):
        return None
    from qa.llm import LLMAnswerer

    return LLMAnswerer(args.llm_base_url, args.llm_model)


def print_answer(answer) -> None:
    print(answer.text)
    if answer.notice:
        print(f"({answer.notice})")
    print()
    for c in answer.citations:
        print(f"[{c.n}] {c.title} ({c.date}) — {c.readout_id} ¶{c.paragraph}  {c.url}")
    if answer.refused and answer.hits:
        print("Nearest passages:")
        for hit in answer.hits[:3]:
            print(f"  - {hit.title} ({hit.date}) ¶{hit.paragraph}: {hit.text[:160]}…")


def cmd_ask(args) -> int:
    from qa import ask

    library = open_library(args)
    answerer = make_answerer(args)
    if args.batch:
        return run_batch(args, lambda item: ask(library, item.get("question"), item.get("filters"),
                                                item.get("history"), item.get("k", args.k), answerer).to_json())
    answer = ask(library, args.question, filters_from(args), _history(args), args.k, answerer)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print_answer(answer)
    return 0


def cmd_list(args) -> int:
    library = open_library(args)
    rows = library.readouts(args.filter or "", args.limit)
    if args.json:
        print(json.dumps({"readouts": [r.to_json() for r in rows], "stats": library.stats()}, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r.date}  {r.id}  ({r.paragraphs} ¶)  {r.title}")
    return 0


def cmd_show(args) -> int:
    library = open_library(args)
    readout = library.readout(args.id)
    if readout is None:
        raise InputError(f"no readout {args.id!r} in {args.index}")
    meta = library.readout_metadata(readout.id)
    if args.json:
        print(json.dumps({"id": readout.id, "title": readout.title, "date": readout.date, "source": readout.source,
                          "url": readout.url, "paragraphs": list(readout.paragraphs), **meta}, ensure_ascii=False))
        return 0
    people = "; ".join(p["name"] + (f" ({p['country']})" if p.get("country") else "") for p in meta["participants"])
    print(f"{readout.title}\n{readout.date} — {readout.source}\n{readout.url}\n"
          f"{meta['kind']} on {meta['event_date'] or readout.date}" + (f" — {people}" if people else "") + "\n")
    for n, text in enumerate(readout.paragraphs, start=1):
        print(f"¶{n} {text}\n")
    return 0


def add_llm_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--llm-base-url", default=os.environ.get("READOUTS_LLM_BASE_URL"),
                        help="OpenAI-compatible API base URL (env READOUTS_LLM_BASE_URL); off by default")
    parser.add_argument("--llm-model", default=os.environ.get("READOUTS_LLM_MODEL"),
                        help="model name at that API (env READOUTS_LLM_MODEL)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="readouts", description="Question answering over diplomatic readouts.")
    parser.add_argument("--version", action=PrintVersion)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add or update readouts from files and folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--context", choices=("title", "none"),
                   help="what a new index embeds before each chunk: its readout's title and date (the default; "
                        "Recall@5 0.920 against 0.888 without, docs/EVAL.md) or nothing")
    p.add_argument("--max-record-mb", type=megabytes,
                   default=os.environ.get("READOUTS_MAX_RECORD_MB", f"{DEFAULT_MAX_RECORD_BYTES / (1024 * 1024):g}"),
                   help="the largest text of one readout, in MB; a bigger one is an error, not loaded "
                        "(env READOUTS_MAX_RECORD_MB; default %(default)s)")
    p.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                   help="chunk and embed on a Ray cluster (the 'ray' extra): ADDRESS of a running one "
                        "('auto', 'HOST:6379'), or none for a local one; this process still writes the index")
    p.add_argument("--ray-actors", type=int, default=int(os.environ.get("READOUTS_RAY_ACTORS", "2")), metavar="N",
                   help="encoder actors on the cluster, and chunking tasks at a time (env READOUTS_RAY_ACTORS; "
                        "default %(default)s)")
    p.add_argument("--ray-gpus", type=float, default=0.0, metavar="G",
                   help="GPUs per embedding actor (0: CPU actors; default %(default)s)")
    p.add_argument("--precision", type=str.lower, choices=PRECISIONS, default=os.environ.get("READOUTS_PRECISION", "auto"),
                   help="how new vectors are computed: auto tries what this CPU runs natively (bf16 with AMX or "
                        "AVX512_BF16, int8 with VNNI) and keeps it only if it matches fp32 and is faster "
                        "(env READOUTS_PRECISION; default %(default)s; the choice shows in `readouts stats`)")
    add_index_options(p)
    add_wait_option(p)
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("remove", help="delete readouts by id")
    p.add_argument("ids", nargs="+")
    add_index_options(p)
    add_wait_option(p)
    p.set_defaults(run=cmd_remove)

    p = sub.add_parser("search", help="the best paragraphs for a question")
    add_query_options(p, k=10)
    add_index_options(p)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("ask", help="an answer with paragraph citations")
    add_query_options(p, k=5)
    add_index_options(p)
    add_llm_options(p)
    p.set_defaults(run=cmd_ask)

    cmd_chat.add_parser(sub)

    p = sub.add_parser("list", help="the readouts in the index")
    p.add_argument("filter", nargs="?", help="substring of id, title or source")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    add_index_options(p)
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("show", help="one readout, whole, with paragraph numbers")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    add_index_options(p)
    p.set_defaults(run=cmd_show)

    for module in EXTRA_COMMANDS:
        module.add_parser(sub)
    parser.verbs = tuple(sub.choices)  # for unknown_command: argparse keeps them only in a private action
    return parser


def _extra_commands() -> list:
    # Each of these adds one verb; they import their heavy dependencies (Gradio, matplotlib) only when run.
    from . import cmd_bench, cmd_eval, cmd_mcp, cmd_participants, cmd_serve, cmd_stats, cmd_views

    return [cmd_participants, cmd_views, cmd_serve, cmd_mcp, cmd_eval, cmd_bench, cmd_stats]


EXTRA_COMMANDS: list = []


def main(argv: list[str] | None = None) -> int:
    global EXTRA_COMMANDS
    EXTRA_COMMANDS = _extra_commands()
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    # Before argparse, whose "invalid choice" lists every verb but does not say which one was meant.
    if (problem := unknown_command(argv, parser.verbs)) is not None:
        print(f"readouts: error: {problem}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    if args.command in ("search", "ask") and not args.batch and not args.question:
        print(f"readouts {args.command}: give a QUESTION or --batch FILE", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as error:
        from index.store import damaged, is_damage

        if not is_damage(error):
            raise
        print(f"error: {damaged(Path(getattr(args, 'index', '.')), error)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
