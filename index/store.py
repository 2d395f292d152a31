"""The index folder: SQLite (readouts, paragraphs, chunks with their vectors, FTS5) plus two caches.

SQLite is the single source of truth and its transactions are the commit points. The FAISS file
(vectors) and the lexical file (BM25 postings, filters) are caches of what SQLite holds, written
after a commit under the generation they reflect; if one is missing or stale (a crash between commit
and write) it is rebuilt from SQLite on open.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import numpy as np

from .lexical import LexicalIndex, paragraphs_from
from .types import InputError
from .vectors import VectorIndex

FORMAT_VERSION = 1
DB_NAME = "readouts.sqlite"
MANIFEST = "manifest.json"

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


class Store:
    """One index folder opened for reading and writing; every method is safe across threads."""

    def __init__(self, folder: str | os.PathLike, model: str, dimension: int, chunking: dict,
                 create: bool = True):
        self.folder = Path(folder)
        if not (self.folder / DB_NAME).exists():
            if not create:
                raise InputError(f"{self.folder}: no index here (run `readouts ingest PATH --index {self.folder}`)")
            self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.db = sqlite3.connect(self.folder / DB_NAME, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.settings = self._check_settings(model, dimension, chunking)
        self.vectors = self._load_vectors()
        self.lexical = self._load_lexical()
        # Bumped after the in-memory caches follow a write; what was computed before it is stale.
        self.changes = 0

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

    # --- vectors --------------------------------------------------------------------------
    def _faiss_path(self, generation: int) -> Path:
        return self.folder / f"vectors-{generation}.faiss"

    def _load_vectors(self) -> VectorIndex:
        generation = self.generation()
        path = self._faiss_path(generation)
        if path.exists():
            try:
                return VectorIndex.read(path, self.settings["dimension"])
            except Exception:  # a torn or foreign file: SQLite still has every vector
                pass
        vectors = VectorIndex.build(self.settings["dimension"], *self.all_vectors())
        self._write_atomically(path, vectors.write)
        self._write_manifest(generation, vectors)
        self._drop_older("vectors-*.faiss", path)
        return vectors

    def _lexical_path(self, generation: int) -> Path:
        return self.folder / f"lexical-{generation}.npz"

    def _load_lexical(self) -> LexicalIndex:
        path = self._lexical_path(self.generation())
        if path.exists():
            try:
                return LexicalIndex.read(path)
            except Exception:  # torn or from another version: rebuilt from SQLite below
                pass
        lexical = LexicalIndex.build(paragraphs_from(self.db))
        self._write_atomically(path, lexical.write)
        self._drop_older("lexical-*.npz", path)
        return lexical

    def all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Every chunk id and vector stored in SQLite."""
        rows = self.db.execute("SELECT id, vector FROM chunks ORDER BY id").fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        dim = self.settings["dimension"]
        matrix = (np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
                  if rows else np.zeros((0, dim), dtype=np.float32))
        return ids, matrix

    def save_caches(self) -> None:
        """Write the FAISS and lexical caches for the committed generation atomically, then drop older files."""
        generation = self.generation()
        vectors_path, lexical_path = self._faiss_path(generation), self._lexical_path(generation)
        self._write_atomically(vectors_path, self.vectors.write)
        self._write_atomically(lexical_path, self.lexical.write)
        self._write_manifest(generation, self.vectors)
        self._drop_older("vectors-*.faiss", vectors_path)
        self._drop_older("lexical-*.npz", lexical_path)

    def _write_manifest(self, generation: int, vectors: VectorIndex) -> None:
        manifest = dict(self.settings, generation=generation, index_type=vectors.kind,
                        faiss_file=self._faiss_path(generation).name, lexical_file=self._lexical_path(generation).name,
                        database=DB_NAME)
        self._write_atomically(self.folder / MANIFEST, lambda tmp: tmp.write_text(json.dumps(manifest, indent=2)))

    @staticmethod
    def _write_atomically(path: Path, write) -> None:
        tmp = path.with_name(path.name + ".tmp")
        write(tmp)
        os.replace(tmp, path)

    def _drop_older(self, pattern: str, keep: Path) -> None:
        for old in self.folder.glob(pattern):
            if old != keep:
                old.unlink(missing_ok=True)

    # --- reads ----------------------------------------------------------------------------
    def readout_row(self, readout_id: str):
        return self.db.execute("SELECT id, title, date, source, url, metadata, hash, paragraphs, updated "
                               "FROM readouts WHERE id=?", (readout_id,)).fetchone()

    def readout_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM readouts"))

    def paragraphs_of(self, readout_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT text FROM paragraphs WHERE readout_id=? ORDER BY n", (readout_id,))]

    def close(self) -> None:
        self.db.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT under the store lock; rolls back on any exception (or a kill)."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        self.store.lock.acquire()
        self.store.db.execute("BEGIN IMMEDIATE")
        return self.store.db

    def __exit__(self, kind, value, traceback):
        try:
            self.store.db.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self.store.lock.release()
        return False
