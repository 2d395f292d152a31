"""The `readouts bench` verb (not built yet)."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="(not built yet)")
    p.set_defaults(run=lambda args: print("readouts bench: not built yet") or 2)
