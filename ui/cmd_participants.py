"""The `readouts participants` verb: who took part in the readouts, how often, first and last contact."""
from __future__ import annotations

import json


def add_parser(sub) -> None:
    from .cli import add_index_options

    p = sub.add_parser("participants", help="each participant with role, country, readouts, first and last contact")
    p.add_argument("text", nargs="?", default="", help="only names (or countries) containing this text")
    p.add_argument("--limit", type=int, help="at most this many rows")
    p.add_argument("--json", action="store_true", help='print {"participants": [...]} as JSON')
    add_index_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from .cli import open_library

    rows = open_library(args).participants(args.text or "")[: args.limit or None]
    if args.json:
        print(json.dumps({"participants": rows}, ensure_ascii=False))
        return 0
    for row in rows:
        role = f", {row['role']}" if row["role"] else ""
        country = f" ({row['country']})" if row["country"] else ""
        print(f"{row['readouts']:5d}  {row['first']} .. {row['last']}  {row['name']}{role}{country}")
    return 0
