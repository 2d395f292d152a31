"""The `readouts` command: every verb of the Python API, plus chat, serve, eval and bench."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from index.types import InputError

from . import cmd_chat, cmd_ingest
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

    cmd_ingest.add_parser(sub)

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
