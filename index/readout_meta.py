"""Readout metadata in SQLite: extracted at ingest (metadata.py's rules), stored beside the readout,
recomputed when the extractor's version changes, and read by filters, hits, citations and listings.

Tables: `readout_meta` (one row per readout: event date, kind, participants, same-event links),
`participants` (one row per participant, for look-ups and the directory) and `paragraph_speakers`
(sentence offsets and speakers of each paragraph, so a citation can say who speaks in its quote).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable

from .countries import fold
from .metadata import (EXTRACTOR_VERSION, ReadoutMetadata, extract_metadata, link_same_events, match_participant,
                       participant_pattern)
from .types import Filters, Readout

SCHEMA = """
CREATE TABLE IF NOT EXISTS readout_meta(
    readout_id TEXT PRIMARY KEY, version INTEGER NOT NULL, event_date TEXT NOT NULL, kind TEXT NOT NULL,
    participants TEXT NOT NULL, same_event TEXT NOT NULL DEFAULT '[]', notice TEXT);
CREATE INDEX IF NOT EXISTS readout_meta_event ON readout_meta(event_date);
CREATE TABLE IF NOT EXISTS participants(
    readout_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT, country TEXT,
    PRIMARY KEY(readout_id, position));
CREATE INDEX IF NOT EXISTS participants_name ON participants(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS participants_country ON participants(country COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS paragraph_speakers(paragraph_id INTEGER PRIMARY KEY, spans TEXT NOT NULL);
"""
LINK_DAYS = 2  # same-event links look this many days either side


def extract(readout: Readout) -> ReadoutMetadata:
    """The metadata of a readout (never raises: a readout the rules cannot read gets empty metadata and a notice)."""
    return extract_metadata(readout)


def write(db: sqlite3.Connection, readout: Readout, meta: ReadoutMetadata, paragraph_ids: dict[int, int]) -> None:
    """Store one readout's metadata (inside the caller's transaction, after its paragraphs)."""
    db.execute("INSERT OR REPLACE INTO readout_meta(readout_id, version, event_date, kind, participants, same_event, "
               "notice) VALUES(?,?,?,?,?,?,?)",
               (readout.id, EXTRACTOR_VERSION, meta.event_date or readout.date, meta.kind,
                json.dumps([p.to_json() for p in meta.participants], ensure_ascii=False), "[]", meta.notice))
    db.execute("DELETE FROM participants WHERE readout_id=?", (readout.id,))
    db.executemany("INSERT INTO participants(readout_id, position, name, role, country) VALUES(?,?,?,?,?)",
                   [(readout.id, i, p.name, p.role, p.country) for i, p in enumerate(meta.participants)])
    spans: dict[int, list] = {}
    for span in meta.sentences:
        spans.setdefault(span.paragraph, []).append([span.start, span.end, span.speaker])
    db.executemany("INSERT OR REPLACE INTO paragraph_speakers(paragraph_id, spans) VALUES(?,?)",
                   [(pid, json.dumps(spans.get(n, []), ensure_ascii=False)) for n, pid in paragraph_ids.items()])


def delete(db: sqlite3.Connection, readout_id: str, paragraph_ids: Iterable[int]) -> None:
    db.execute("DELETE FROM readout_meta WHERE readout_id=?", (readout_id,))
    db.execute("DELETE FROM participants WHERE readout_id=?", (readout_id,))
    db.executemany("DELETE FROM paragraph_speakers WHERE paragraph_id=?", [(pid,) for pid in paragraph_ids])


def stale(db: sqlite3.Connection) -> list[str]:
    """Readouts whose metadata is missing or from another extractor version, in event-date order: each batch
    re-extracted relinks the readouts around its dates, so a batch of a few days relinks a few days (by id, a
    batch spanned every year and each of the 411 batches of a 100x index relinked most of it)."""
    return [r[0] for r in db.execute(
        "SELECT r.id FROM readouts r LEFT JOIN readout_meta m ON m.readout_id = r.id "
        "WHERE m.readout_id IS NULL OR m.version != ? ORDER BY coalesce(m.event_date, r.date), r.id",
        (EXTRACTOR_VERSION,))]


def _shift(day: str, days: int) -> str:
    try:
        return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()
    except ValueError:
        return day


def dates_of(db: sqlite3.Connection, readout_ids: Iterable[str]) -> set[str]:
    """The event dates of these readouts (to relink around them, also once they are deleted)."""
    wanted = list(dict.fromkeys(readout_ids))
    dates: set[str] = set()
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        dates |= {r[0] for r in db.execute(
            f"SELECT event_date FROM readout_meta WHERE readout_id IN ({','.join('?' * len(part))})", part) if r[0]}
    return dates


def recompute(db: sqlite3.Connection, readout_ids: list[str]) -> None:
    """Extract and store the metadata of stored readouts again (inside the caller's transaction)."""
    for readout_id in readout_ids:
        row = db.execute("SELECT id, title, date, source, url FROM readouts WHERE id=?", (readout_id,)).fetchone()
        if row is None:
            continue
        paragraphs = db.execute("SELECT id, n, text FROM paragraphs WHERE readout_id=? ORDER BY n", (readout_id,)).fetchall()
        readout = Readout(*row, tuple(text for _, _, text in paragraphs))
        write(db, readout, extract(readout), {n: pid for pid, n, _ in paragraphs})
    relink(db, dates_of(db, readout_ids))


def relink(db: sqlite3.Connection, dates: Iterable[str]) -> None:
    """Recompute same-event links of every readout within 2 * LINK_DAYS of these event dates."""
    dates = set(dates)
    if not dates:
        return
    rows = []
    for day in sorted(dates):  # a window per date: neighbours of a changed readout may link or unlink
        rows += db.execute("SELECT m.readout_id, r.source, m.event_date, m.kind, m.participants FROM readout_meta m "
                           "JOIN readouts r ON r.id = m.readout_id WHERE m.event_date BETWEEN ? AND ?",
                           (_shift(day, -2 * LINK_DAYS), _shift(day, 2 * LINK_DAYS))).fetchall()
    items = {}
    for readout_id, source, event_date, kind, participants in rows:
        meta = ReadoutMetadata.from_json({"event_date": event_date, "kind": kind,
                                          "participants": json.loads(participants)})
        items[readout_id] = (readout_id, source, meta)
    links = link_same_events(items.values())
    db.executemany("UPDATE readout_meta SET same_event=? WHERE readout_id=?",
                   [(json.dumps(list(others)), readout_id) for readout_id, others in links.items()])


def of(db: sqlite3.Connection, readout_id: str) -> dict:
    """The contract's metadata fields of one readout (empty values when none is stored)."""
    row = db.execute("SELECT event_date, kind, participants, same_event FROM readout_meta WHERE readout_id=?",
                     (readout_id,)).fetchone()
    if row is None:
        return {"event_date": "", "kind": "other", "participants": [], "same_event": []}
    return {"event_date": row[0], "kind": row[1], "participants": json.loads(row[2]), "same_event": json.loads(row[3])}


def load(db: sqlite3.Connection, readout_id: str) -> ReadoutMetadata | None:
    """What the index stores for a readout, as the extractor's type (sentences included), or None."""
    row = db.execute("SELECT event_date, kind, participants, notice FROM readout_meta WHERE readout_id=?",
                     (readout_id,)).fetchone()
    if row is None:
        return None
    sentences = []
    for n, spans in db.execute("SELECT p.n, s.spans FROM paragraphs p JOIN paragraph_speakers s ON s.paragraph_id = p.id "
                               "WHERE p.readout_id=? ORDER BY p.n", (readout_id,)):
        sentences += [{"paragraph": n, "start": a, "end": b, "speaker": who} for a, b, who in json.loads(spans)]
    return ReadoutMetadata.from_json({"event_date": row[0], "kind": row[1], "participants": json.loads(row[2]),
                                      "sentences": sentences, "notice": row[3]})


@dataclass(frozen=True)
class ParticipantNames:
    """Every distinct participant name, folded once into one string: a new name asked about is matched by one
    regex pass over it, not by folding and matching a few thousand names one at a time (10 ms at 100x)."""

    names: tuple[str, ...]
    folded: str  # the folded names joined by NUL, which no name pattern can match across
    starts: tuple[int, ...]  # where each name starts in `folded`

    @classmethod
    def of(cls, names: Iterable[str]) -> "ParticipantNames":
        names = tuple(names)
        folded = [fold(name) for name in names]
        starts = list(itertools.accumulate((len(f) + 1 for f in folded[:-1]), initial=0)) if names else []
        return cls(names, "\0".join(folded), tuple(starts))

    def matching(self, query: str) -> list[str]:
        """The names `query` matches by `match_participant`'s rule, in their order."""
        pattern = participant_pattern(query)
        if pattern is None:
            return []
        hits = {bisect.bisect_right(self.starts, m.start()) - 1 for m in pattern.finditer(self.folded)}
        return [self.names[i] for i in sorted(hits)]


def readouts_matching(db: sqlite3.Connection, filters: Filters, names: ParticipantNames | None = None) -> frozenset[str] | None:
    """Readout ids passing the participant, country and kind filters; None when none of them is set.

    `names`: every distinct participant name, when the caller keeps them; the participant filter then
    matches names, not rows, and reads the ids of the matching names through the name index (a large
    index has hundreds of thousands of participant rows and a few thousand names)."""
    if not (filters.participant or filters.country or filters.kind):
        return None
    found: set[str] | None = None
    if filters.participant and names is not None:
        found = set()
        for name in names.matching(filters.participant):
            found |= {r for (r,) in db.execute("SELECT readout_id FROM participants WHERE name = ? COLLATE NOCASE "
                                                "AND name = ?", (name, name))}  # NOCASE: uses the name index
    elif filters.participant:
        words = filters.participant.lower().split()
        rows = db.execute("SELECT readout_id, name FROM participants WHERE instr(lower(name), ?) > 0",
                          (words[-1] if words else "",))
        matches: dict[str, bool] = {}  # one check per distinct name, not per row ("Biden": ~1,000 rows, 3 names)
        found = set()
        for readout_id, name in rows:
            if name not in matches:
                matches[name] = match_participant(filters.participant, [name])
            if matches[name]:
                found.add(readout_id)
    if filters.country:
        rows = db.execute("SELECT readout_id FROM participants WHERE country = ? COLLATE NOCASE", (filters.country,))
        ids = {r[0] for r in rows}
        found = ids if found is None else found & ids
    if filters.kind:
        ids = {r[0] for r in db.execute("SELECT readout_id FROM readout_meta WHERE kind = ?", (filters.kind,))}
        found = ids if found is None else found & ids
    return frozenset(found or ())


def directory(db: sqlite3.Connection, text: str = "") -> list[dict]:
    """Each participant (by name) with role, country, number of readouts, first and last event date."""
    rows = db.execute(
        "SELECT p.name, p.role, coalesce(p.country, max(p.country)), count(DISTINCT p.readout_id), min(m.event_date), "
        "max(m.event_date) "
        "FROM participants p JOIN readout_meta m ON m.readout_id = p.readout_id "
        + ("WHERE instr(lower(p.name), ?) > 0 OR instr(lower(coalesce(p.country, '')), ?) > 0 " if text else "")
        + "GROUP BY p.name ORDER BY count(DISTINCT p.readout_id) DESC, p.name",
        (text.lower(), text.lower()) if text else ())
    return [{"name": name, "role": role, "country": country, "readouts": count, "first": first, "last": last}
            for name, role, country, count, first, last in rows]


def participant_names(db: sqlite3.Connection) -> ParticipantNames:
    """Every distinct participant name."""
    return ParticipantNames.of(name for (name,) in db.execute("SELECT DISTINCT name FROM participants"))


def name_counts(db: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every participant name with the number of readouts it takes part in."""
    return db.execute("SELECT name, count(DISTINCT readout_id) FROM participants GROUP BY name").fetchall()


def roles_of(db: sqlite3.Connection, name: str, sample: int = 5000) -> set[str]:
    """The roles a person's participant rows give them (of their first `sample` rows: a frequent name has ~65,000 at
    100x the corpus, and a handful of roles)."""
    rows = db.execute("SELECT name, role FROM participants WHERE name = ? COLLATE NOCASE AND role IS NOT NULL LIMIT ?",
                      (name, sample)).fetchall()
    return {role for written, role in rows if written == name and role}


def roles_in(db: sqlite3.Connection, names, readout_ids: list[str]) -> dict[str, set[str]]:
    """The roles the metadata gives a person (any of their spellings) in each of these readouts."""
    out: dict[str, set[str]] = {}
    names = list(names)
    for start in range(0, len(readout_ids), 400):  # (SQLite's limit on bound values)
        ids = readout_ids[start:start + 400]
        rows = db.execute(f"SELECT readout_id, role FROM participants WHERE readout_id IN ({','.join('?' * len(ids))}) "
                          f"AND name IN ({','.join('?' * len(names))})", (*ids, *names)).fetchall()
        for readout_id, role in rows:
            out.setdefault(readout_id, set()).update([role] if role else [])
    return out


def us_share(db: sqlite3.Connection, names: tuple[str, ...], sample: int = 200) -> tuple[int, int]:
    """Of a person's first `sample` participant rows (any of their spellings), how many are on the U.S. side, and
    how many were read (a frequent name has ~65,000 rows at 100x the corpus; a sample tells the side)."""
    marks = ",".join("?" * len(names))
    row = db.execute(f"SELECT coalesce(sum(country = 'United States'), 0), count(*) FROM (SELECT country FROM "
                     f"participants WHERE name COLLATE NOCASE IN ({marks}) LIMIT ?)", (*names, sample)).fetchone()
    return row[0], row[1]


def speaker_spans(db: sqlite3.Connection, paragraph_ids: list[int]) -> dict[int, tuple]:
    """Per paragraph id, its sentences as (start, end, speaker) triples."""
    out: dict[int, tuple] = {}
    for i in range(0, len(paragraph_ids), 500):
        part = paragraph_ids[i:i + 500]
        for pid, spans in db.execute(f"SELECT paragraph_id, spans FROM paragraph_speakers "
                                     f"WHERE paragraph_id IN ({','.join('?' * len(part))})", part):
            out[pid] = tuple(tuple(s) for s in json.loads(spans))
    return out
