"""What a conversation of plain-string turns was about, for a question that only points back at it ("When was that?")."""
from __future__ import annotations

import re
from typing import Any, Callable

from index.api import Library
from index.types import Turn

from .thread import CONTACTS_ASKED
from .tuning import TUNING
from .types import Answer

# "When was that?", "And when exactly was he there?": the time of the contact the conversation is about
WHEN_THAT = re.compile(r"^\W*(?:and\s+|so\s+)?when\s+(?:exactly\s+)?(?:was|were|did)\s+(?:that|this|it|they|he|she)\b"
                       r"[\w\s]{0,24}\?\s*$", re.IGNORECASE)


# "Which countries only attended as observers?", "How many firms signed on?": a list or count of things, naming no
# one (no capital past the first word), which only the readout last quoted can answer
_THINGS = re.compile(r"^\W*(?:[Aa]nd\s+)?(?:[Ww]hich|[Hh]ow\s+many)\s+[a-z][^A-Z?]*\?\s*$")


def _asks_things(question: str) -> bool:
    return bool(_THINGS.match(question)) and not CONTACTS_ASKED.search(question)


def replayed(ask: Callable[..., Answer], library: Library, question: str, turns: tuple[Turn, ...],
             filters: Any = None, k: int = 5) -> tuple[Turn, ...]:
    """For "When was that?" after plain-string turns, the turns with what the last answered one cites, as the app showed
    it: "When was that?" after "What did Biden and the Nordic leaders say in Helsinki about ...?" is of the readout
    that answer quoted (before: Biden's 15 contacts with Finland and NATO). The turns as they were otherwise. (For any
    follow-up, dev: 7 answers better, 7 worse.) So too for a list or count of things naming no one ("Which countries
    only attended as observers?"), asked of that readout (Tuning.thread_things). `ask` is qa.ask.ask, which calls this."""
    if not turns or turns[-1].cited or not (TUNING.cited_when and WHEN_THAT.match(question)
                                            or TUNING.thread_things and _asks_things(question)):
        return turns
    # (a turn refused cites nothing: the one before it, then, as far back as two turns)
    for at in range(len(turns) - 1, max(-1, len(turns) - 3), -1):
        if turns[at].cited:
            break
        earlier = ask(library, turns[at].question, filters, turns[:at], k, replay=False)
        if not earlier.refused and earlier.citations:
            cited = tuple(dict.fromkeys(c.readout_id for c in earlier.citations))
            return turns[:at] + (Turn(turns[at].question, cited),) + turns[at + 1:]
    return turns
