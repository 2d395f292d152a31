"""Library: one index folder opened once (model loaded once), then ingest, remove and search many times."""
from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import readout_meta
from .chunk import ChunkSettings
from .embed import Embedder, resolve_model
from .ingest import IngestReport, Progress, ingest, remove
from .listing import COLUMNS, FROM, KeptListing, Listing, ReadoutSummary
from .load import DEFAULT_MAX_RECORD_BYTES, load_paths
from .search import Scored, retrieve
from .store import DB_NAME, Store, damaged, is_damage
from .types import Filters, Hit, InputError, Readout, check_text, parse_history


def _stored_settings(folder: Path) -> dict | None:
    if not (folder / DB_NAME).exists():
        return None
    db = sqlite3.connect(folder / DB_NAME)
    try:
        row = db.execute("SELECT value FROM meta WHERE key='settings'").fetchone()
    except sqlite3.Error as error:
        if is_damage(error):  # never "no index here": following that advice would pile a new index on a broken one
            raise damaged(folder, error) from None
        return None
    finally:
        db.close()
    return json.loads(row[0]) if row else None


RESULTS_CACHED = 512  # retrieval results remembered per Library (a few MB at most)
MANY_READOUTS = 2000  # readouts() of this many known ids is remembered (8 sets) until the index moves


class Library:
    """An index folder with its embedding model; `model=None` takes the model the index was built with."""

    def __init__(self, folder: str | os.PathLike, model: str | None = None, chunking: ChunkSettings | None = None,
                 create: bool = True, device: str = "cpu", backend: str = "torch", embedder: Embedder | None = None):
        self.folder = Path(folder)
        stored = _stored_settings(self.folder)
        if stored is not None:
            if model is not None and resolve_model(model)[0] != stored["model"]:
                raise InputError(f"{self.folder}: this index was built with model {stored['model']!r}, "
                                 f"not {resolve_model(model)[0]!r}; use a new --index folder for another model")
            model = model or stored["model"]
            stored_chunking = stored["chunking"]
            chunking = chunking or ChunkSettings(stored_chunking["max_tokens"], stored_chunking["context"])
        elif not create:
            raise InputError(f"{self.folder}: no index here (run `readouts ingest PATH --index {self.folder}`)")
        self.chunking = chunking or ChunkSettings()
        self.embedder = embedder or Embedder(model, device=device, backend=backend)
        self._counts: dict[tuple[int, str], int] = {}
        self._results: OrderedDict[tuple, tuple[Scored, ...]] = OrderedDict()
        self._results_lock = threading.Lock()
        self._many: dict = {}  # readouts() of large id sets (a frequent person's), by index state and arguments
        self._listing = KeptListing()  # every readout's row, once a large id set is read without participants
        # Participant filters resolved to ids, kept until the index moves: (index state, names, ids by filter).
        self._matching: tuple[tuple, readout_meta.ParticipantNames | None, dict[tuple, frozenset[str]]] = ((), None, {})
        self.store = Store(self.folder, self.embedder.name, self.embedder.dimension, self.chunking.to_json(), create)

    # --- writes ---------------------------------------------------------------------------
    def ingest(self, readouts: Sequence[Readout], progress: Progress | None = None, wait: float = 0.0,
               precision: str = "auto") -> IngestReport:
        """Add new readouts, replace changed ones, skip unchanged ones.

        One process writes a folder at a time: if another is writing, wait up to `wait` seconds, then
        raise IndexBusy naming it.
        """
        return ingest(self.store, self.embedder, self.chunking, readouts, progress, wait=wait, precision=precision)

    def ingest_paths(self, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                     names: dict | None = None, wait: float = 0.0,
                     max_record_bytes: int | None = DEFAULT_MAX_RECORD_BYTES, precision: str = "auto") -> IngestReport:
        """Load files and folders, then ingest what loaded; load errors are reported as failed."""
        loaded = load_paths(list(paths), names=names, max_record_bytes=max_record_bytes)
        report = self.ingest(loaded.readouts, progress, wait, precision)
        return IngestReport(report.added, report.updated, report.unchanged,
                            tuple(str(e) for e in loaded.errors), report.embedded)

    def remove(self, readout_ids: Iterable[str], wait: float = 0.0) -> tuple[list[str], list[str]]:
        """Delete readouts by id; returns (removed, unknown)."""
        return remove(self.store, readout_ids, wait)

    # --- reads ----------------------------------------------------------------------------
    def retrieve(self, question: str, filters: Any = None, history: Any = None, k: int = 10,
                 mode: str = "hybrid") -> list[Scored]:
        """Search with the signals behind each hit (used by answerers and evaluation)."""
        check_question(question)
        check_k(k)
        filters, turns, question = Filters.from_json(filters), parse_history(history), question.strip()
        filters = self._resolved(filters)
        # A repeated question is a lookup until the index changes: `changes` moves once the in-memory
        # caches have followed a write (a result computed between a commit and that is never reused),
        # the generation when another process wrote.
        self.store.follow()
        key = (self.store.loaded_generation, self.store.changes, question, filters, turns, k, mode)
        with self._results_lock:
            cached = self._results.get(key)
            if cached is not None:
                self._results.move_to_end(key)
                return list(cached)
        with self.store.rw.read():
            key = (self.store.loaded_generation, self.store.changes) + key[2:]
            scored = retrieve(self.store, self.embedder, question, filters, turns, k, mode)
        with self._results_lock:
            self._results[key] = tuple(scored)
            while len(self._results) > RESULTS_CACHED:
                self._results.popitem(last=False)
        return scored

    def forget_cached(self, question: str | None = None) -> None:
        """Drop remembered results and query vectors for a question (all with none): to time a cold query."""
        with self._results_lock:
            for key in [key for key in self._results if question is None or key[2] == question.strip()]:
                del self._results[key]
        self.embedder.forget(question)

    def search(self, question: str, filters: Any = None, history: Any = None, k: int = 10,
               mode: str = "hybrid") -> list[Hit]:
        """The k best paragraphs for a question, best first."""
        return [s.hit for s in self.retrieve(question, filters, history, k, mode)]

    def readout(self, readout_id: str) -> Readout | None:
        """One stored readout, whole, or None."""
        self.store.follow()
        with self.store.snapshot():  # the row and its paragraphs from one committed generation
            row = self.store.readout_row(readout_id)
            if row is None:
                return None
            paragraphs = tuple(self.store.paragraphs_of(readout_id))
        return Readout(row[0], row[1], row[2], row[3], row[4], paragraphs, json.loads(row[5]))

    def readouts(self, text: str = "", limit: int | None = None, filters: Any = None,
                 participants: bool = True, held: tuple[str | None, str | None] = (None, None)) -> list[ReadoutSummary]:
        """Stored readouts, newest first; `text` filters on id, title or source (case-insensitive), `filters`
        as everywhere (participant, country, kind, dates, source); `held`: ISO days the event took place
        between (its event date, else its publication date)."""
        # The generation another process committed, as retrieve() does: the kept listing and the id look-ups
        # below are kept per generation, and would otherwise answer from the last one read.
        self.store.follow()
        filters = self._resolved(Filters.from_json(filters))
        big = filters.readouts is not None and len(filters.readouts) >= MANY_READOUTS
        key = (self.store.loaded_generation, self.store.changes, text, limit, filters, participants, held)
        if big:
            with self._results_lock:
                known = self._many.get(key)
            if known is not None:  # a frequent person's readouts, asked about again
                return list(known)
        rest = replace(filters, readouts=None) if filters.readouts is not None else filters
        if big and not participants and not text:
            # A frequent person's readouts (tens of thousands at 100x, ~10 us a row from SQLite): picked from
            # the listing kept in memory, the same rows in the same order.
            listing = self._listing.get((self.store.loaded_generation, self.store.changes), self.store.db)
            admits = None if rest.is_empty() else (lambda row: filters.admits(row.id, row.date, row.source))
            return self._kept_many(key, list(itertools.islice(listing.of(filters.readouts, held, admits),
                                                              int(limit) if limit else None)))
        # participants=False leaves the participants' JSON unread: at 100x a frequent person's readouts are
        # tens of thousands of rows.
        names = "coalesce(m.participants, '[]')" if participants else "'[]'"
        sql = f"SELECT {COLUMNS}, {names} {FROM}"
        args: list = []
        clauses = []
        if text:
            clauses.append("instr(lower(r.id || ' ' || r.title || ' ' || r.source), ?) > 0")
            args.append(text.lower())
        for bound, op in zip(held, (">=", "<=")):
            if bound:
                clauses.append(f"coalesce(m.event_date, r.date) {op} ?")
                args.append(bound)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if filters.readouts is not None:
            # The ids are known (a participant's readouts): read those rows only, not every readout of
            # the index (a question naming two people made ask() scan the whole table several times).
            ids = sorted(filters.readouts)
            found = []
            for i in range(0, len(ids), 900):  # under SQLite's bound-variable limit
                part = ids[i:i + 900]
                where = (" AND " if clauses else " WHERE ") + f"r.id IN ({','.join('?' * len(part))})"
                found += self.store.db.execute(sql + where, args + part).fetchall()
            found.sort(key=lambda row: row[0])
            found.sort(key=lambda row: row[2], reverse=True)  # stable: date descending, then id, as below
            raw = iter(found)
        else:
            raw = self.store.db.execute(sql + " ORDER BY r.date DESC, r.id", args)
        # On the raw rows (decoding participants is the costly part); read by id, only the other filters are left.
        if not rest.is_empty():
            raw = (row for row in raw if filters.admits(row[0], row[2], row[3]))
        # participants=False: the names are left out (empty), for callers that need only ids, dates and kinds.
        rows = (ReadoutSummary(*row[:8], tuple(p["name"] for p in json.loads(row[8])) if participants else ())
                for row in raw)
        out = list(itertools.islice(rows, int(limit) if limit else None))
        return self._kept_many(key, out) if big else out

    def _kept_many(self, key: tuple, out: list[ReadoutSummary]) -> list[ReadoutSummary]:
        """Remember the readouts of a large id set (the last 8 sets) until the index moves."""
        with self._results_lock:
            self._many[key] = tuple(out)
            while len(self._many) > 8:
                self._many.pop(next(iter(self._many)))
        return out

    def keep_listing(self) -> Listing | None:
        """Every readout's row, read now if the index is large enough for readouts() to use them (a server does
        it in a thread at start, so that no question waits ~2 s for it at 100x); None for a small index."""
        if self.store.db.execute("SELECT count(*) FROM readouts").fetchone()[0] < MANY_READOUTS:
            return None
        return self._listing.get((self.store.loaded_generation, self.store.changes), self.store.db)

    def readout_ids(self, filters: Any) -> frozenset[str]:
        """The ids of the readouts that pass `filters` (participant, country, kind, dates, source), without
        reading the readouts: what the evidence for a question starts from."""
        filters = self._resolved(Filters.from_json(filters))
        if filters.readouts is not None and not (filters.date_from or filters.date_to or filters.source or filters.readout):
            return frozenset(filters.readouts)
        return frozenset(r.id for r in self.readouts(filters=filters))

    def readout_metadata(self, readout_id: str) -> dict:
        """The contract's metadata of a readout: event_date, kind, participants, same_event."""
        return readout_meta.of(self.store.db, readout_id)

    def participants(self, text: str = "") -> list[dict]:
        """Each participant with role, country, number of readouts, first and last event date (most readouts first)."""
        return readout_meta.directory(self.store.db, text.strip())

    def _resolved(self, filters: Filters) -> Filters:
        """Filters with participant, country and kind resolved into the readout ids that pass them."""
        if not filters.needs_metadata():
            return filters
        key = (self.store.loaded_generation, self.store.changes)
        state, names, matching = self._matching
        if state != key:  # the index moved: names and ids are read again
            names, matching = None, {}
        if filters.participant and names is None:
            names = readout_meta.participant_names(self.store.db)
        # The same few people are asked about again and again ("Biden" is in ~1,000 readouts per 2,000).
        wanted = (filters.participant, filters.country, filters.kind)
        found = matching.get(wanted)
        if found is None:
            found = readout_meta.readouts_matching(self.store.db, filters, names)
            if len(matching) >= 512:
                matching = {}
            matching[wanted] = found
        self._matching = (key, names, matching)  # one assignment: threads see a whole state or the last one
        return replace(filters, readouts=found)

    def rarity(self, word: str) -> float:
        """How rare a word is among the paragraphs (BM25's idf; 0 for a word none has): see LexicalIndex.rarity."""
        return self.store.lexical.rarity(word)

    def count_paragraphs_with(self, term: str, at_most: int | None = None) -> int:
        """How many paragraphs contain a word (matched as the lexical index stems it); with `at_most`, the
        count stops there: callers that compare it with a small threshold need no more, and a common word is
        in hundreds of thousands of paragraphs at 100x ("discussed": 15 ms to count them all, 0.2 ms to 101)."""
        clean = term.replace('"', "").strip()
        if not clean:
            return 0
        key = (self.store.generation(), clean.lower(), at_most)
        if key not in self._counts:
            sql = "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?" + (" LIMIT ?" if at_most is not None else "")
            row = self.store.db.execute(f"SELECT count(*) FROM ({sql})",
                                        (f'text:"{clean}"',) + ((int(at_most),) if at_most is not None else ())).fetchone()
            if len(self._counts) > 10000:
                self._counts.clear()
            self._counts[key] = int(row[0])
        return self._counts[key]

    def titled(self, phrase: str, at_most: int) -> frozenset[str]:
        """Ids of readouts whose title has the words of a phrase in a row (as the lexical index stems them), at
        most `at_most`: read from the full-text index, not by scanning every title (205,400 of them at 100x)."""
        words = re.findall(r"\w+", phrase)
        if not words:
            return frozenset()
        rows = self.store.db.execute(
            "SELECT DISTINCT p.readout_id FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid "
            "WHERE paragraphs_fts MATCH ? LIMIT ?", (f'title:"{" ".join(words)}"', int(at_most))).fetchall()
        return frozenset(row[0] for row in rows)

    def stats(self) -> dict:
        """Counts and settings of the index."""
        self.store.follow()
        db = self.store.db
        last = db.execute("SELECT max(updated) FROM readouts").fetchone()[0]
        return {
            "readouts": db.execute("SELECT count(*) FROM readouts").fetchone()[0],
            "paragraphs": db.execute("SELECT count(*) FROM paragraphs").fetchone()[0],
            "chunks": len(self.store.vectors),
            "model": self.store.settings["model"],
            "dimension": self.store.settings["dimension"],
            "chunking": self.store.settings["chunking"],
            "index_type": self.store.vectors.kind,
            "format_version": self.store.settings["format_version"],
            "precision": self.store.meta("precision"),  # how the last ingest computed its vectors, and why
            "last_update": last,
            "folder": str(self.folder),
        }

    def close(self) -> None:
        self.store.close()


MAX_QUESTION_CHARS = 2000
MAX_K = 100


def check_question(question: Any) -> None:
    """Reject a missing, empty or oversized question with a clear message."""
    if not isinstance(question, str) or not question.strip():
        raise InputError("question: must be a non-empty string")
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"question: {len(question)} characters, the limit is {MAX_QUESTION_CHARS}")
    check_text(question, "question")


def check_k(k: Any) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k: must be a whole number from 1 to {MAX_K}, got {k!r}")
