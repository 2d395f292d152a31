"""Incremental ingest: unchanged readouts cost nothing, changed ones replace their rows, vectors are reused."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

from . import readout_meta
from .chunk import ChunkSettings, chunk_readout, embedded_text
from .embed import Embedder
from .lexical import Paragraph
from .precision import check, choose
from .store import Store
from .types import Readout

Progress = Callable[[int, int, str], None]  # (done, total, stage): "chunking" counts readouts, "embedding" chunks


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did, by readout id; `failed` holds the load errors as messages."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    embedded: int = 0  # chunks that went through the model (reused vectors are not counted)

    def summary(self) -> str:
        return (f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
                f"failed {len(self.failed)} ({self.embedded} chunks embedded)")

    def to_json(self) -> dict:
        return {"added": list(self.added), "updated": list(self.updated), "unchanged": list(self.unchanged),
                "failed": list(self.failed), "embedded": self.embedded}


def hash_readout(readout: Readout) -> str:
    """Content hash deciding whether a stored readout changed."""
    body = [readout.title, readout.date, readout.source, readout.url, list(readout.paragraphs),
            sorted((str(k), json.dumps(v, sort_keys=True, default=str)) for k, v in readout.metadata.items())]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def ingest(store: Store, embedder: Embedder, settings: ChunkSettings, readouts: Sequence[Readout],
           progress: Progress | None = None, batch_size: int = 256, wait: float = 0.0,
           precision: str = "auto") -> IngestReport:
    """Add or replace readouts; commits every `batch_size` readouts so an interrupted run keeps what it did.

    `precision` ("auto", "fp32", "bf16", "int8"; index/precision.py) is how new vectors are computed;
    the choice is recorded in the index.

    The folder is held for writing throughout (another writer waits `wait` seconds, then IndexBusy);
    questions go on meanwhile: only the commit and the swap of the caches after it hold readers back.
    """
    check(precision, embedder)  # a precision this CPU cannot run fails even when nothing needs embedding
    with store.writing(wait):
        return _ingest(store, embedder, settings, readouts, progress, batch_size, precision)


def _ingest(store: Store, embedder: Embedder, settings: ChunkSettings, readouts: Sequence[Readout],
            progress: Progress | None, batch_size: int, precision: str) -> IngestReport:
    stored, todo, unchanged, old_dates = plan(store, readouts)
    fits = lambda text: embedder.count_tokens(text) <= embedder.max_tokens  # noqa: E731
    planned = []
    for position, (readout, digest) in enumerate(todo, start=1):
        # Counting tokens is the slow part of chunking (minutes for a large archive): show it moving.
        planned.append((readout, digest, chunk_readout(readout, settings, fits)))
        if progress and (position % 64 == 0 or position == len(todo)):
            progress(position, len(todo), "chunking")
    choice = choose(precision, embedder, [embedded_text(c, r, settings) for r, _, chunks in planned for c in chunks]) \
        if planned else None
    total = sum(len(chunks) for _, _, chunks in planned)
    done = embedded = 0
    if progress:
        progress(0, total, "embedding")
    for start in range(0, len(planned), batch_size):
        batch = planned[start:start + batch_size]
        texts = [embedded_text(c, r, settings) for r, _, chunks in batch for c in chunks]
        hashes = [hash_text(t) for t in texts]
        vectors, fresh = _vectors_for(store, embedder, texts, hashes, choice.precision)  # the slow part: readers carry on
        embedded += fresh
        metas = [readout_meta.extract(r) for r, _, _ in batch]  # ~2 ms a readout, outside the lock too
        commit_batch(store, batch, hashes, vectors, metas)
        done += len(texts)
        if progress:
            progress(done, total, "embedding")
    return finish(store, planned, stored, unchanged, old_dates, embedded, choice)


def plan(store: Store, readouts: Sequence[Readout]):
    """(stored hashes by id, [(readout, digest)] to write, unchanged ids, old event dates of replaced readouts)."""
    stored = store.readout_hashes()
    todo, unchanged = [], []
    for readout in readouts:
        digest = hash_readout(readout)
        if stored.get(readout.id) == digest:
            unchanged.append(readout.id)
        else:
            todo.append((readout, digest))
    # A replaced readout's old event date may have had links that must go.
    old_dates = readout_meta.dates_of(store.db, [r.id for r, _ in todo if r.id in stored])
    return stored, todo, unchanged, old_dates


def commit_batch(store: Store, batch, hashes: list[str], vectors: np.ndarray, metas: list) -> None:
    """Write one batch of (readout, digest, chunks) in one transaction, then let the caches follow."""
    with store.rw.write():
        written = _write_batch(store, batch, hashes, vectors, metas)
        # The caches follow only after SQLite committed: a failed batch leaves them as they were.
        _follow_write(store, written)


def finish(store: Store, planned, stored: dict, unchanged: list, old_dates: set, embedded: int,
           choice=None) -> IngestReport:
    """Relink same-event readouts, record the precision of new vectors, save the caches, and report."""
    if planned:
        with store.transaction() as db:
            readout_meta.relink(db, readout_meta.dates_of(db, [r.id for r, _, _ in planned]) | old_dates)
            if embedded and choice is not None:  # an ingest that reused every vector changes nothing
                store.set_meta("precision", choice.to_json())
        store.save_caches()
    added = tuple(r.id for r, _, _ in planned if r.id not in stored)
    updated = tuple(r.id for r, _, _ in planned if r.id in stored)
    return IngestReport(added, updated, tuple(unchanged), (), embedded)


def _follow_write(store: Store, written: "_Written") -> None:
    """Bring the in-memory caches to the generation just committed (the caller holds `store.rw`)."""
    store.vectors.remove(written.old_chunks)
    if len(written.new_chunks):
        store.vectors.add(written.new_chunks, written.vectors)
    store.lexical.remove(written.old_paragraphs)
    store.lexical.add(written.new_paragraphs)
    store.loaded_generation = store.generation()
    store.changes += 1


def stored_vectors(store: Store, hashes: Iterable[str]) -> dict[str, bytes]:
    """The stored vector of each text hash the index already holds (any readout's)."""
    known: dict[str, bytes] = {}
    unique = list(dict.fromkeys(hashes))
    for i in range(0, len(unique), 500):
        part = unique[i:i + 500]
        rows = store.db.execute(f"SELECT text_hash, vector FROM chunks WHERE text_hash IN ({','.join('?' * len(part))})", part)
        known.update(rows.fetchall())
    return known


def _vectors_for(store: Store, embedder: Embedder, texts: list[str], hashes: list[str],
                 precision: str = "fp32") -> tuple[np.ndarray, int]:
    """Vectors for texts, taking any already stored for the same model input instead of re-embedding."""
    known = stored_vectors(store, hashes)
    missing = [i for i, h in enumerate(hashes) if h not in known]
    # Embed each distinct missing text once.
    first = {}
    for i in missing:
        first.setdefault(hashes[i], i)
    fresh = embedder.encode([texts[i] for i in first.values()], precision=precision) if first else None
    out = np.zeros((len(texts), store.settings["dimension"]), dtype=np.float32)
    computed = {h: fresh[j] for j, h in enumerate(first)} if first else {}
    for i, h in enumerate(hashes):
        out[i] = computed[h] if h in computed else np.frombuffer(known[h], dtype=np.float32)
    return out, len(first)


@dataclass(frozen=True)
class _Written:
    """What one committed batch changed, for the caches to follow."""

    old_chunks: list[int]
    new_chunks: np.ndarray
    old_paragraphs: list[int]
    new_paragraphs: list[Paragraph]
    vectors: np.ndarray


def _write_batch(store: Store, batch, hashes: list[str], vectors: np.ndarray, metas: list) -> _Written:
    """Replace the batch's readouts in one transaction."""
    now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    old_chunks: list[int] = []
    old_paragraphs: list[int] = []
    new_ids: list[int] = []
    new_paragraphs: list[Paragraph] = []
    position = 0
    with store.transaction() as db:
        for (readout, digest, chunks), meta in zip(batch, metas):
            chunk_ids, paragraph_ids = _delete_readout(db, readout.id)
            old_chunks.extend(chunk_ids)
            old_paragraphs.extend(paragraph_ids)
            db.execute("INSERT INTO readouts(id, title, date, source, url, metadata, hash, paragraphs, updated) "
                       "VALUES(?,?,?,?,?,?,?,?,?)",
                       (readout.id, readout.title, readout.date, readout.source, readout.url,
                        json.dumps(dict(readout.metadata), ensure_ascii=False, default=str), digest,
                        len(readout.paragraphs), now))
            paragraph_ids = {}
            for n, text in enumerate(readout.paragraphs, start=1):
                cursor = db.execute("INSERT INTO paragraphs(readout_id, n, text) VALUES(?,?,?)", (readout.id, n, text))
                paragraph_ids[n] = cursor.lastrowid
                db.execute("INSERT INTO paragraphs_fts(rowid, title, text) VALUES(?,?,?)", (cursor.lastrowid, readout.title, text))
            chunks_of: dict[int, list[int]] = {}
            for chunk in chunks:
                cursor = db.execute("INSERT INTO chunks(paragraph_id, part, text_hash, vector) VALUES(?,?,?,?)",
                                    (paragraph_ids[chunk.paragraph], chunk.part, hashes[position], vectors[position].tobytes()))
                new_ids.append(cursor.lastrowid)
                chunks_of.setdefault(chunk.paragraph, []).append(cursor.lastrowid)
                position += 1
            readout_meta.write(db, readout, meta, paragraph_ids)
            new_paragraphs.extend(Paragraph(pid, readout.id, readout.title, readout.paragraphs[n - 1], readout.date,
                                            readout.source, tuple(chunks_of.get(n, ())))
                                  for n, pid in paragraph_ids.items())
        store.next_generation()
    return _Written(old_chunks, np.asarray(new_ids, dtype=np.int64), old_paragraphs, new_paragraphs, vectors)


def _delete_readout(db, readout_id: str) -> tuple[list[int], list[int]]:
    """Delete a readout's rows; returns its (chunk ids, paragraph ids) so the caches can drop them."""
    paragraph_ids = [r[0] for r in db.execute("SELECT id FROM paragraphs WHERE readout_id=?", (readout_id,))]
    chunk_ids: list[int] = []
    for pid in paragraph_ids:
        chunk_ids.extend(r[0] for r in db.execute("SELECT id FROM chunks WHERE paragraph_id=?", (pid,)))
        db.execute("DELETE FROM chunks WHERE paragraph_id=?", (pid,))
        db.execute("DELETE FROM paragraphs_fts WHERE rowid=?", (pid,))
    db.execute("DELETE FROM paragraphs WHERE readout_id=?", (readout_id,))
    db.execute("DELETE FROM readouts WHERE id=?", (readout_id,))
    readout_meta.delete(db, readout_id, paragraph_ids)
    return chunk_ids, paragraph_ids


def remove(store: Store, readout_ids: Iterable[str], wait: float = 0.0) -> tuple[list[str], list[str]]:
    """Delete readouts; returns (removed ids, unknown ids). Nothing else is re-embedded."""
    removed, unknown, chunk_ids, paragraph_ids = [], [], [], []
    with store.writing(wait):
        with store.rw.write():
            with store.transaction() as db:
                dates = readout_meta.dates_of(db, readout_ids)
                for readout_id in dict.fromkeys(readout_ids):
                    if db.execute("SELECT 1 FROM readouts WHERE id=?", (readout_id,)).fetchone() is None:
                        unknown.append(readout_id)
                        continue
                    chunks, paragraphs = _delete_readout(db, readout_id)
                    chunk_ids.extend(chunks)
                    paragraph_ids.extend(paragraphs)
                    removed.append(readout_id)
                if removed:
                    readout_meta.relink(db, dates)
                    store.next_generation()
            if removed:
                nothing = np.zeros((0, store.settings["dimension"]), dtype=np.float32)
                _follow_write(store, _Written(chunk_ids, np.zeros(0, dtype=np.int64), paragraph_ids, [], nothing))
        if removed:
            store.save_caches()
    return removed, unknown
