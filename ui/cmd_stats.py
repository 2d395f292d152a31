"""The `readouts stats` verb: counts and settings of an index, with the precision its vectors were computed in."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    from .cli import add_index_options

    p = sub.add_parser("stats", help="counts, model, index type and embedding precision of the index")
    p.add_argument("--json", action="store_true", help="print the stats as one JSON object")
    add_index_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from .cli import open_library

    stats = open_library(args).stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    print(f"{stats['folder']}: {stats['readouts']} readouts, {stats['paragraphs']} paragraphs, {stats['chunks']} chunks "
          f"({stats['index_type']}); model {stats['model']} ({stats['dimension']} dims); last update {stats['last_update']}")
    print(f"precision: {describe(stats['precision'])}")
    return 0


def describe(precision: dict | None) -> str:
    """One line for the recorded precision choice (None: an index from before it was recorded, fp32)."""
    if not precision:
        return "fp32 (not recorded: built before --precision existed)"
    measured = ""
    if precision.get("speedup") is not None:
        measured = f"; sample of {precision['sample']}: {precision['speedup']:.2f}x, min cosine {precision['min_cosine']:.4f}"
    cpu = f" on {precision['cpu']}" if precision.get("cpu") else ""
    return f"{precision['precision']} (asked {precision['requested']}{cpu}: {precision['reason']}{measured})"
