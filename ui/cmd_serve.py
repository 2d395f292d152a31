"""The `readouts serve` verb (not built yet)."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="(not built yet)")
    p.set_defaults(run=lambda args: print("readouts serve: not built yet") or 2)
