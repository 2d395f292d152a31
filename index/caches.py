"""The two cache files of an index folder (FAISS vectors, lexical postings): written, fingerprinted, verified.

Each cache file is recorded in SQLite's meta table with its generation, size and SHA-256, in the
same folder as the database that is their source of truth. On open, a file is used only when its
record matches byte for byte and its contents agree with SQLite's row counts; anything else (a torn
write, garbage written over it, a file from another generation, two writers that raced) is rebuilt
from SQLite with a notice, never used.

Hashing both files was 40% of a normal open (0.22 s of 0.53 s at 10x the corpus, ~2 s at 100x), so
the record also keeps the file's inode, size, mtime and ctime as they were once it was hashed. A
file whose stat still matches is the recorded one: any write, truncation, rename over it or
`touch`/`os.utime` sets the ctime to the current time, which the kernel does not let a process set
back. The record is taken only once the clock has moved past the file's ctime by more than the
kernel's timestamp tick (`STAT_SETTLE_NS`), so a write in the same tick cannot leave the ctime
unchanged. Any difference in the stat (a copied or restored folder too) falls back to the full SHA-256.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .lexical import LexicalIndex, paragraphs_from
from .vectors import VectorIndex

CACHES_KEY = "caches"
STAT_SETTLE_NS = 50_000_000  # > the coarse clock tick file times come from (1-10 ms with HZ 100-1000)


@dataclass(frozen=True)
class Caches:
    """The in-memory caches of one committed generation."""

    generation: int
    vectors: VectorIndex
    lexical: LexicalIndex
    rebuilt: tuple[str, ...] = ()  # why each rebuilt file was not used, for notices and tests
    hashed: dict = field(default_factory=dict)  # file name -> stat, verified by full hash (caches.with_stats)


def faiss_path(folder: Path, generation: int) -> Path:
    return folder / f"vectors-{generation}.faiss"


def lexical_path(folder: Path, generation: int) -> Path:
    return folder / f"lexical-{generation}.npz"


def digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stat_key(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def fingerprint(path: Path) -> dict:
    """Size, SHA-256 and the stat that lets a later open skip the hash (see the module docstring)."""
    wait = path.stat().st_ctime_ns + STAT_SETTLE_NS - time.time_ns()
    if wait > 0:
        time.sleep(min(wait, STAT_SETTLE_NS) / 1e9)
    before = _stat_key(path)
    sha = digest(path)
    # Changed while being hashed: no stat to trust, every open hashes until the next save.
    stat = before if _stat_key(path) == before else None
    return {"name": path.name, "size": before[2], "sha256": sha, "stat": stat}


def notice(message: str) -> None:
    """A one-line notice on stderr: the index repaired itself and the user should know."""
    print(f"notice: {message}", file=sys.stderr, flush=True)


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def counts(db: sqlite3.Connection) -> tuple[int, int]:
    """(chunks, paragraphs) in SQLite: what the caches must hold."""
    return (db.execute("SELECT count(*) FROM chunks").fetchone()[0],
            db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])


def agrees(vectors: VectorIndex, lexical: LexicalIndex, expected: tuple[int, int]) -> bool:
    return (len(vectors), lexical.live) == expected


def _verified(path: Path, record: dict | None, generation: int, hashed: dict) -> str | None:
    """None when the file is the one recorded for this generation, else why not. A file verified by its
    full hash whose stat held still meanwhile is put in `hashed`, so the record can learn its stat."""
    if not path.exists():
        return f"{path.name} is missing"
    if not record or record.get("generation") != generation or path.name not in record.get("files", {}):
        return f"{path.name} has no checksum recorded for generation {generation}"
    wanted = record["files"][path.name]
    before = _stat_key(path)
    if wanted.get("stat") is not None and before == wanted["stat"]:
        return None  # untouched since it was hashed (ctime is set by the kernel on every change)
    if before[2] != wanted["size"] or digest(path) != wanted["sha256"]:
        return f"{path.name} does not match its recorded checksum (damaged or written by another process)"
    # A folder copied a moment ago: wait out the tick (at most 50 ms, once) so its stat can be learned.
    wait = before[4] + STAT_SETTLE_NS - time.time_ns()
    if wait > 0:
        time.sleep(min(wait, STAT_SETTLE_NS) / 1e9 + 0.001)
    if _stat_key(path) == before and time.time_ns() > before[4] + STAT_SETTLE_NS:
        hashed[path.name] = before
    return None


def with_stats(record: dict, hashed: dict) -> dict:
    """The record with the stat of files just verified by their hash (a copied or restored folder): the
    next open skips their hash."""
    files = {name: dict(entry, stat=hashed.get(name, entry.get("stat"))) for name, entry in record["files"].items()}
    return dict(record, files=files)


def load(folder: Path, db: sqlite3.Connection, dimension: int, generation: int, record: dict | None) -> Caches:
    """The caches of `generation` from their files when verified, else rebuilt from SQLite.

    The caller holds a read snapshot of `db` (or the folder's write lock), so the rows it rebuilds
    from and the counts it checks against are those of one generation.
    """
    expected = counts(db)
    problems = []
    hashed: dict[str, list[int]] = {}
    vectors = lexical = None
    path = faiss_path(folder, generation)
    problem = _verified(path, record, generation, hashed)
    if problem is None:
        try:
            vectors = VectorIndex.read(path, dimension)
        except Exception as error:  # a file that hashes right but will not parse: still rebuilt
            problem = f"{path.name} cannot be read ({error})"
    if problem:
        problems.append(problem)
    path = lexical_path(folder, generation)
    problem = _verified(path, record, generation, hashed)
    if problem is None:
        try:
            lexical = LexicalIndex.read(path)
        except Exception as error:
            problem = f"{path.name} cannot be read ({error})"
    if problem:
        problems.append(problem)
    if vectors is not None and lexical is not None and not agrees(vectors, lexical, expected):
        problems.append(f"caches hold {len(vectors)} chunks and {lexical.live} paragraphs, "
                        f"SQLite {expected[0]} and {expected[1]}")
        vectors = lexical = None
    if vectors is None:
        vectors = VectorIndex.build(dimension, *all_vectors(db, dimension))
    if lexical is None:
        lexical = LexicalIndex.build(paragraphs_from(db))
    if record is None and expected == (0, 0):
        problems = []  # a new, empty index: nothing was lost, nothing to say (the files are written all the same)
        return Caches(generation, vectors, lexical, ("new index",))
    return Caches(generation, vectors, lexical, tuple(problems), hashed if not problems else {})


def all_vectors(db: sqlite3.Connection, dimension: int):
    """Every chunk id and vector stored in SQLite."""
    import numpy as np

    rows = db.execute("SELECT id, vector FROM chunks ORDER BY id").fetchall()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    matrix = (np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dimension)
              if rows else np.zeros((0, dimension), dtype=np.float32))
    return ids, matrix


def save(folder: Path, caches: Caches) -> dict:
    """Write both files for the caches' generation; returns the record to keep in SQLite."""
    vectors_file, lexical_file = faiss_path(folder, caches.generation), lexical_path(folder, caches.generation)
    write_atomically(vectors_file, caches.vectors.write)
    write_atomically(lexical_file, caches.lexical.write)
    return {"generation": caches.generation,
            "files": {p.name: fingerprint(p) for p in (vectors_file, lexical_file)}}


def drop_older(folder: Path, keep: dict) -> None:
    """Delete cache files of other generations (and torn temporaries) once the new ones are recorded."""
    for pattern in ("vectors-*.faiss", "lexical-*.npz", "vectors-*.tmp", "lexical-*.tmp", "*.faiss.tmp", "*.npz.tmp"):
        for old in folder.glob(pattern):
            if old.name not in keep["files"]:
                old.unlink(missing_ok=True)
