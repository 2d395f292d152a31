"""The index folder: SQLite (readouts, paragraphs, chunks with their vectors, FTS5) plus two caches.

SQLite is the single source of truth and its transactions are the commit points. The FAISS file
(vectors) and the lexical file (BM25 postings, filters) are caches of what SQLite holds, written
after a commit under the generation they reflect and fingerprinted in SQLite (`caches.py`); one
that is missing, stale or damaged is rebuilt from SQLite on open, never used.

Concurrency: every thread reads through its own SQLite connection (WAL), so a write transaction is
never visible before it commits. One process writes a folder at a time (`locks.FolderLock`); inside
a process the in-memory caches are swapped under `rw` only for the moment after each commit, so
questions keep being answered while a write embeds. A process that did not write notices a newer
generation on its next read (`follow`) and loads it once the writer has finished.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from . import caches, readout_meta
from .caches import Caches
from .locks import FolderLock, ReadWriteLock
from .types import InputError

FORMAT_VERSION = 1
DB_NAME = "readouts.sqlite"
MANIFEST = "manifest.json"
METADATA_CHECKED = "metadata_checked"  # {"version": extractor, "generation": g}: no stale metadata at g
# Opening runs SQLite's quick_check on databases up to this size (~40 ms for the 25 MB corpus index);
# a larger one is checked before each write, and damage found by a query is reported the same way.
QUICK_CHECK_BYTES = 256 * 1024 * 1024
MMAP_BYTES = 2**31 - 2**16  # SQLite's usual compile-time ceiling (SQLITE_MAX_MMAP_SIZE); a larger file is mapped up to it

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS readouts(
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL,
    url TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, paragraphs INTEGER NOT NULL,
    updated TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS readouts_date ON readouts(date);
CREATE TABLE IF NOT EXISTS paragraphs(
    id INTEGER PRIMARY KEY, readout_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL,
    UNIQUE(readout_id, n));
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY, paragraph_id INTEGER NOT NULL, part INTEGER NOT NULL,
    text_hash TEXT NOT NULL, vector BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_paragraph ON chunks(paragraph_id);
CREATE INDEX IF NOT EXISTS chunks_hash ON chunks(text_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(title, text, tokenize='porter unicode61');
"""


def is_damage(error: BaseException) -> bool:
    """True for SQLite's "not a database" / "malformed" family, not for locks or constraint errors."""
    return (isinstance(error, sqlite3.DatabaseError)
            and not isinstance(error, (sqlite3.OperationalError, sqlite3.IntegrityError, sqlite3.ProgrammingError))) \
        or (isinstance(error, sqlite3.OperationalError) and "disk i/o" in str(error).lower())


def damaged(folder: Path, error: BaseException) -> InputError:
    """The error a damaged database file becomes, with what to do about it."""
    return InputError(f"{folder}: index database is damaged: {error} ({folder / DB_NAME}). Restore the folder from a "
                      f"backup, or move it aside and rebuild it with `readouts ingest PATH... --index {folder}`")


class Store:
    """One index folder opened for reading and writing; every method is safe across threads."""

    def __init__(self, folder: str | os.PathLike, model: str, dimension: int, chunking: dict,
                 create: bool = True):
        self.folder = Path(folder)
        if not (self.folder / DB_NAME).exists():
            if not create:
                raise InputError(f"{self.folder}: no index here (run `readouts ingest PATH --index {self.folder}`)")
            self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()  # one transaction of this process at a time
        self.rw = ReadWriteLock()  # readers vs the swap of the in-memory caches after a commit
        self.folder_lock = FolderLock(self.folder)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._follow_lock = threading.Lock()
        self.notices: list[str] = []
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA + readout_meta.SCHEMA)
            self.settings = self._check_settings(model, dimension, chunking)
            if (self.folder / DB_NAME).stat().st_size <= QUICK_CHECK_BYTES:
                self.check_database()
            loaded = self._load_caches()
            if loaded.rebuilt:
                self._save_if_unlocked(loaded)
            elif loaded.hashed:
                self._learn_stats_if_unlocked(loaded)
            self._install(loaded)
            if not self._metadata_current():  # the scan of every readout (~1 s at 100x) runs once per generation
                self._refresh_metadata_if_unlocked()
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                self.close()
                raise damaged(self.folder, error) from None
            raise
        # Bumped after the in-memory caches follow a write; what was computed before it is stale.
        self.changes = 0

    # --- connections ----------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection: it sees committed data only, whatever other threads are writing."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.folder / DB_NAME, check_same_thread=False, isolation_level=None,
                                         timeout=30)
            connection.execute("PRAGMA synchronous=NORMAL")
            # Reads map the file instead of copying each page through read(): a search reads ~200 scattered
            # paragraph rows, 4.8 -> 3.3 ms at 100x. (Nothing here ever shrinks the file, which a map would not survive.)
            connection.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._local.connection = connection
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    # --- settings -------------------------------------------------------------------------
    def _check_settings(self, model: str, dimension: int, chunking: dict) -> dict:
        stored = self.meta("settings")
        wanted = {"format_version": FORMAT_VERSION, "model": model, "dimension": dimension, "chunking": chunking}
        if stored is None:
            with self.transaction():
                self.set_meta("settings", wanted)
                self.set_meta("generation", 0)
            return wanted
        if stored.get("format_version") != FORMAT_VERSION:
            raise InputError(f"{self.folder}: index format {stored.get('format_version')} is not {FORMAT_VERSION}; re-ingest into a new folder")
        if stored["model"] != model or stored["dimension"] != dimension:
            raise InputError(f"{self.folder}: this index was built with model {stored['model']!r} "
                             f"({stored['dimension']} dims), not {model!r}; open it with --model {stored['model']!r} or use a new folder")
        if stored["chunking"] != chunking:
            raise InputError(f"{self.folder}: this index was built with chunking {stored['chunking']}, not {chunking}")
        return stored

    def meta(self, key: str):
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, json.dumps(value)))

    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    # --- transactions ---------------------------------------------------------------------
    def transaction(self):
        return _Transaction(self)

    @contextmanager
    def snapshot(self):
        """A read transaction: every query inside sees one committed generation."""
        self.db.execute("BEGIN")
        try:
            yield self.db
        finally:
            self.db.execute("COMMIT")

    @contextmanager
    def writing(self, wait: float = 0.0):
        """Hold the folder for writing: other processes wait or fail; caches are current and agree with SQLite."""
        with self.folder_lock.exclusive(wait):
            try:
                self.check_database()
            except sqlite3.DatabaseError as error:
                if is_damage(error):
                    raise damaged(self.folder, error) from None
                raise
            if self.generation() != self.loaded_generation or not self._caches_agree():
                # Another process wrote since these caches were loaded, or they drifted: re-read before writing.
                loaded = self._load_caches()
                if loaded.rebuilt:
                    self._record(caches.save(self.folder, loaded), loaded)
                self._install(loaded)
            self.refresh_metadata()
            yield self

    def check_database(self) -> None:
        """Raise sqlite3.DatabaseError when SQLite's quick_check finds damage."""
        check = self.db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")

    def _caches_agree(self) -> bool:
        return caches.agrees(self.vectors, self.lexical, caches.counts(self.db))

    # --- caches ---------------------------------------------------------------------------
    def _load_caches(self) -> Caches:
        """Caches of the committed generation: verified files, else rebuilt from one snapshot of SQLite."""
        with self.snapshot() as db:
            generation = self.generation()
            loaded = caches.load(self.folder, db, self.settings["dimension"], generation, self.meta(caches.CACHES_KEY))
        if loaded.rebuilt and loaded.rebuilt != ("new index",):
            message = f"{self.folder}: rebuilt the search caches from the database: {'; '.join(loaded.rebuilt)}"
            self.notices.append(message)
            caches.notice(message)
        return loaded

    def _save_if_unlocked(self, loaded: Caches) -> None:
        """Write rebuilt caches unless another process is writing (then it will write its own)."""
        try:
            with self.folder_lock.exclusive(0.0):
                if self.generation() == loaded.generation:
                    self._record(caches.save(self.folder, loaded), loaded)
        except InputError:
            pass

    def _learn_stats_if_unlocked(self, loaded: Caches) -> None:
        """Record the stat of cache files that had to be hashed (no stat recorded, or a copied folder)."""
        try:
            with self.folder_lock.exclusive(0.0), self.transaction():
                record = self.meta(caches.CACHES_KEY)
                if self.generation() == loaded.generation and record and record.get("generation") == loaded.generation:
                    self.set_meta(caches.CACHES_KEY, caches.with_stats(record, loaded.hashed))
        except InputError:
            pass  # a writer holds the folder: it records fresh files itself

    def refresh_metadata(self) -> None:
        """Extract metadata that is missing or from an older extractor (the caller holds the folder)."""
        if self._metadata_current():
            return
        stale = readout_meta.stale(self.db)
        if stale:
            caches.notice(f"{self.folder}: extracting readout metadata for {len(stale)} readout(s)")
        for start in range(0, len(stale), 500):
            with self.transaction() as db:
                readout_meta.recompute(db, stale[start:start + 500])
        with self.transaction():
            self.set_meta(METADATA_CHECKED, {"version": readout_meta.EXTRACTOR_VERSION, "generation": self.generation()})

    def _metadata_current(self) -> bool:
        """True when every readout's metadata was found current at this generation: no need to scan them."""
        return self.meta(METADATA_CHECKED) == {"version": readout_meta.EXTRACTOR_VERSION, "generation": self.generation()}

    def next_generation(self) -> None:
        """Bump the generation inside the caller's write transaction. The writes of this code (ingest, remove)
        store current metadata with every readout, so a clean check carries over; a writer that does not
        bump this way (an older version, a script) leaves the check behind and the next open scans again."""
        generation = self.generation()
        if self._metadata_current():
            self.set_meta(METADATA_CHECKED, {"version": readout_meta.EXTRACTOR_VERSION, "generation": generation + 1})
        self.set_meta("generation", generation + 1)

    def _refresh_metadata_if_unlocked(self) -> None:
        try:
            with self.folder_lock.exclusive(0.0):
                self.refresh_metadata()
        except InputError:
            pass  # a writer holds the folder; it refreshes the metadata itself

    def _install(self, loaded: Caches) -> None:
        with self.rw.write():
            self.vectors, self.lexical, self.loaded_generation = loaded.vectors, loaded.lexical, loaded.generation
            self.changes = getattr(self, "changes", 0) + 1

    def follow(self) -> None:
        """Load a generation another process committed, once it has finished writing its cache files."""
        if self.generation() == self.loaded_generation:
            return
        with self._follow_lock:
            if self.generation() == self.loaded_generation:
                return
            with self.folder_lock.shared() as quiet:
                if not quiet:  # a writer is mid-way: keep answering from the last complete generation
                    return
                loaded = self._load_caches()
            self._install(loaded)

    def save_caches(self) -> None:
        """Write the FAISS and lexical caches of the committed generation, record their checksums, drop older files."""
        loaded = Caches(self.generation(), self.vectors, self.lexical)
        self._record(caches.save(self.folder, loaded), loaded)

    def _record(self, record: dict, loaded: Caches) -> None:
        with self.transaction():
            self.set_meta(caches.CACHES_KEY, record)
        manifest = dict(self.settings, generation=loaded.generation, index_type=loaded.vectors.kind,
                        faiss_file=caches.faiss_path(self.folder, loaded.generation).name,
                        lexical_file=caches.lexical_path(self.folder, loaded.generation).name,
                        database=DB_NAME, files=record["files"], precision=self.meta("precision"))
        caches.write_atomically(self.folder / MANIFEST, lambda tmp: tmp.write_text(json.dumps(manifest, indent=2)))
        caches.drop_older(self.folder, record)

    def all_vectors(self):
        """Every chunk id and vector stored in SQLite."""
        return caches.all_vectors(self.db, self.settings["dimension"])

    # --- reads ----------------------------------------------------------------------------
    def readout_row(self, readout_id: str):
        return self.db.execute("SELECT id, title, date, source, url, metadata, hash, paragraphs, updated "
                               "FROM readouts WHERE id=?", (readout_id,)).fetchone()

    def readout_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM readouts"))

    def paragraphs_of(self, readout_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT text FROM paragraphs WHERE readout_id=? ORDER BY n", (readout_id,))]

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT under the store lock; rolls back on any exception (or a kill)."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        self.store.lock.acquire()
        try:
            self.store.db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self.store.lock.release()
            raise
        return self.store.db

    def __exit__(self, kind, value, traceback):
        try:
            self.store.db.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self.store.lock.release()
        return False
