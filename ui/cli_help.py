"""What the `readouts` command says about itself: its version, and which verb a mistyped one meant."""
from __future__ import annotations

import argparse
import difflib
from pathlib import Path


def version() -> str:
    """The installed package's version; a source checkout that was never installed reads pyproject.toml."""
    from importlib import metadata

    try:
        return metadata.version("readouts-qa")
    except metadata.PackageNotFoundError:
        import re

        text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
        return found.group(1) if found else "unknown"


class PrintVersion(argparse.Action):
    """--version, looked up only when asked: reading package metadata costs ~0.1 s of every other command."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"readouts {version()}")
        parser.exit()


def unknown_command(argv: list[str], verbs: tuple[str, ...]) -> str | None:
    """The error for a first word that is no verb, naming the closest verb ('serach' -> 'search'); else None."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    if word is None or word in verbs:
        return None
    close = difflib.get_close_matches(word, verbs, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"the commands are {', '.join(verbs)}"
    return f"unknown command {word!r}; {hint}"
