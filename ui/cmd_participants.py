"""The `readouts participants` verb: who took part in the readouts, how often, first and last contact, and
with whom (qa.directory's counterparts)."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    from .cli import add_index_options

    p = sub.add_parser("participants", help="each participant with role, country, readouts, first and last contact")
    p.add_argument("text", nargs="?", default="", help="only names (or countries) containing this text")
    p.add_argument("--limit", type=int, help="at most this many rows")
    p.add_argument("--json", action="store_true", help='print {"participants": [...]} as JSON (with counterparts)')
    add_index_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from qa.directory import directory

    from .cli import open_library

    rows = directory(open_library(args), args.text or "", args.limit)
    if args.json:
        print(json.dumps({"participants": rows}, ensure_ascii=False))
        return 0
    for row in rows:
        role = f", {row['role']}" if row["role"] else ""
        country = f" ({row['country']})" if row["country"] else ""
        print(f"{row['readouts']:5d}  {row['first']} .. {row['last']}  {row['name']}{role}{country}")
        if row["counterparts"]:
            print(f"{'':31}with " + ", ".join(f"{c['name']} ({c['readouts']})" for c in row["counterparts"]))
    return 0
