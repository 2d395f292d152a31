"""The readout listing: a row per readout, and every row kept in memory once a large id set is asked for."""
from __future__ import annotations

import sqlite3
import sys
import threading
from dataclasses import dataclass, fields
from typing import Callable, Iterable


@dataclass(frozen=True, slots=True)  # slots: at 100x the kept listing is 200,000 of these
class ReadoutSummary:
    """A row of the library listing."""

    id: str
    title: str
    date: str
    source: str
    url: str
    paragraphs: int
    event_date: str = ""
    kind: str = "other"
    participants: tuple[str, ...] = ()  # names

    def to_json(self) -> dict:
        return {**{f.name: getattr(self, f.name) for f in fields(self)}, "participants": list(self.participants)}


# The listing's columns; the event date is the metadata's, else the publication date, as every filter reads it.
COLUMNS = ("r.id, r.title, r.date, r.source, r.url, r.paragraphs, coalesce(m.event_date, r.date), "
           "coalesce(m.kind, 'other')")
FROM = "FROM readouts r LEFT JOIN readout_meta m ON m.readout_id = r.id"
ORDER = " ORDER BY r.date DESC, r.id"  # newest first, as readouts() lists


@dataclass(frozen=True)
class Listing:
    """Every readout's row without participants, newest first, and where each id sits in that order."""

    rows: tuple[ReadoutSummary, ...]
    position: dict[str, int]

    def of(self, ids: frozenset[str], held: tuple[str | None, str | None],
           admits: Callable[[ReadoutSummary], bool] | None) -> Iterable[ReadoutSummary]:
        """The rows of these ids, in the listing's order, held between two ISO days (either may be None)."""
        if len(ids) * 8 > len(self.rows):
            # A large part of the index (a frequent person's readouts): one pass over the listing is faster
            # than sorting that many positions.
            chosen: Iterable[ReadoutSummary] = (row for row in self.rows if row.id in ids)
        else:
            position = self.position
            chosen = (self.rows[p] for p in sorted(position[i] for i in ids if i in position))
        low, high = held
        if low:
            chosen = (row for row in chosen if row.event_date >= low)
        if high:
            chosen = (row for row in chosen if row.event_date <= high)
        return (row for row in chosen if admits(row)) if admits is not None else chosen


def read_listing(db: sqlite3.Connection) -> Listing:
    """Every readout's row, read once (about 2 s and 150 MiB at 100x; 200,000 readouts)."""
    intern = sys.intern  # dates, sources and kinds repeat: one string each
    rows = tuple(ReadoutSummary(i, title, intern(date), intern(source), url, paragraphs, intern(held), intern(kind))
                 for i, title, date, source, url, paragraphs, held, kind
                 in db.execute(f"SELECT {COLUMNS} {FROM}{ORDER}"))
    return Listing(rows, {row.id: n for n, row in enumerate(rows)})


class KeptListing:
    """The listing of one index state, read the first time it is needed and again once the index moves."""

    def __init__(self) -> None:
        self._kept: tuple[tuple, Listing | None] = ((), None)
        self._lock = threading.Lock()  # two threads asking at once read it once

    def get(self, state: tuple, db: sqlite3.Connection) -> Listing:
        known_state, listing = self._kept
        if known_state == state and listing is not None:
            return listing
        with self._lock:
            known_state, listing = self._kept
            if known_state != state or listing is None:
                listing = read_listing(db)
                self._kept = (state, listing)  # one assignment: readers see a whole pair
            return listing
