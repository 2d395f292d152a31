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
    batches = [planned[start:start + batch_size] for start in range(0, len(planned), batch_size)]
    for batch, pending in _embedding(store, embedder, settings, batches, choice.precision if choice else "fp32"):
        # The batch embeds in a worker (the slow part: readers carry on) while its metadata is read (~1 ms a readout),
        # and the next batch embeds while this one is written: one after another these took 3.6 s of a 38 s corpus
        # ingest on a 2-core AMX Xeon.
        metas = [readout_meta.extract(r) for r, _, _ in batch]
        vectors, fresh = pending.vectors()
        embedded += fresh
        commit_batch(store, batch, pending.hashes, vectors, metas)
        done += len(pending.hashes)
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


def stored_vectors(store: Store, hashes: Iterable[str], besides: Sequence[str] = ()) -> dict[str, bytes]:
    """The stored vector of each text hash the index already holds (any readout's but those `besides`)."""
    known: dict[str, bytes] = {}
    unique = list(dict.fromkeys(hashes))
    for i in range(0, len(unique), 500):
        part = unique[i:i + 500]
        if besides:
            rows = store.db.execute(f"SELECT c.text_hash, c.vector FROM chunks c JOIN paragraphs p ON p.id = c.paragraph_id "
                                    f"WHERE c.text_hash IN ({','.join('?' * len(part))}) "
                                    f"AND p.readout_id NOT IN ({','.join('?' * len(besides))})", [*part, *besides])
        else:
            rows = store.db.execute(f"SELECT text_hash, vector FROM chunks WHERE text_hash IN ({','.join('?' * len(part))})",
                                    part)
        known.update(rows.fetchall())
    return known


def _embedding(store: Store, embedder: Embedder, settings: ChunkSettings, batches: list, precision: str):
    """(batch, its _Pending embedding) per batch, in order; the next batch starts to embed, in a worker thread, before
    this one is handed over to be written.

    Each batch reuses what the index will hold once the batch before is written, as one batch at a time did: a text
    stored by a readout that batch does not replace, or one of that batch's own texts; the rest is embedded, each
    distinct text once. Only the worker encodes; SQLite is read and written by the caller's thread alone."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="readouts-embed") as pool:
        before: dict[str, _Pending] = {}  # hash -> the batch before, which will have written it
        replaced: list[str] = []  # the readouts the batch before replaces: their old vectors will be gone
        ready = None
        for batch in [*batches, None]:
            following = None
            if batch is not None:
                texts = [embedded_text(c, r, settings) for r, _, chunks in batch for c in chunks]
                hashes = [hash_text(t) for t in texts]
                # (Looked up once the batch two before is written: only the one before can be pending.)
                known = stored_vectors(store, [h for h in hashes if h not in before], replaced)
                first: dict[str, int] = {}
                for i, h in enumerate(hashes):
                    if h not in known and h not in before:
                        first.setdefault(h, i)
                job = pool.submit(embedder.encode, [texts[i] for i in first.values()], precision=precision) \
                    if first else None
                pending = _Pending(job, hashes, first, known, before, store.settings["dimension"])
                following = (batch, pending)
                before, replaced = dict.fromkeys(hashes, pending), [r.id for r, _, _ in batch]
            if ready is not None:
                yield ready
            ready = following


class _Pending:
    """One batch's embedding in the worker (its texts by hash), and where its other vectors come from."""

    def __init__(self, job, hashes: list[str], first: dict[str, int], known: dict[str, bytes], before: dict,
                 dimension: int):
        self.job, self.hashes, self.first, self.known, self.before = job, hashes, first, known, before
        self.dimension = dimension
        self.computed: dict[str, np.ndarray] | None = None

    def vectors(self) -> tuple[np.ndarray, int]:
        """This batch's vectors, in the order of its texts (waits for the worker), and how many it embedded."""
        hashes = self.hashes
        if self.computed is None:
            fresh = self.job.result() if self.job is not None else ()
            self.computed = {h: fresh[j] for j, h in enumerate(self.first)}
            for h in hashes:
                if h not in self.computed:
                    self.computed[h] = np.frombuffer(self.known[h], dtype=np.float32) if h in self.known \
                        else self.before[h].computed[h]
            self.known, self.before = {}, {}  # the batch after needs only this batch's vectors
        return np.stack([self.computed[h] for h in hashes]) if hashes else \
            np.zeros((0, self.dimension), dtype=np.float32), len(self.first)


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
