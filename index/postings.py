"""The arrays behind the lexical index, as one immutable value: writers build a new one and swap it in,
so a reader keeps a consistent snapshot without a lock. Saved as a plain .npz (no pickle)."""
from __future__ import annotations

import json
import mmap
import struct
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Postings:
    """Term-major postings (CSR: `offsets` into `slots`/`freqs`) and per-slot paragraph data.

    A slot is one indexed paragraph; `freqs` are FTS5-weighted counts (title words count twice).
    Removed paragraphs only lose their `alive` flag until `compact` drops them.
    """

    terms: tuple[str, ...]  # term id -> the FTS5 (porter) term
    offsets: np.ndarray  # int64, len(terms) + 1 (may lag behind `terms` until a term gets postings)
    slots: np.ndarray  # int32
    freqs: np.ndarray  # uint16
    pids: np.ndarray  # int64 paragraph id per slot
    rix: np.ndarray  # int32 readout row per slot
    lengths: np.ndarray  # int32 tokens per slot (title + text, as FTS5 counts a row)
    alive: np.ndarray  # bool per slot
    readouts: tuple[str, ...]  # readout row -> readout id
    dates: np.ndarray  # int32 per readout row: YYYYMMDD, 0 for none (dates are ISO or empty, see load.py)
    readout_source: np.ndarray  # int32 per readout row -> `sources`
    sources: tuple[str, ...]
    chunk_ids: np.ndarray  # int64
    chunk_slots: np.ndarray  # int32 slot of each chunk's paragraph

    @classmethod
    def empty(cls) -> "Postings":
        return cls((), np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.uint16), np.zeros(0, np.int64),
                   np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, bool), (), np.zeros(0, np.int32),
                   np.zeros(0, np.int32), (), np.zeros(0, np.int64), np.zeros(0, np.int32))

    def span(self, term: int) -> tuple[int, int]:
        """Where a term's postings lie in `slots`/`freqs` (empty for a term with none yet)."""
        if term + 1 >= len(self.offsets):
            return 0, 0
        return int(self.offsets[term]), int(self.offsets[term + 1])

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """(slots in increasing order, weighted counts) of one term; empty for a term with none yet."""
        if term + 1 >= len(self.offsets):
            return self.slots[:0], self.freqs[:0]
        start, end = self.offsets[term], self.offsets[term + 1]
        return self.slots[start:end], self.freqs[start:end]

    def with_readouts(self, rows: dict[str, tuple[str, str]], index: dict[str, int]) -> "Postings":
        """Readout rows added (ids new to `index`, already numbered there) or updated (date, source)."""
        total = len(index)
        readouts = self.readouts + tuple(sorted((r for r in index if index[r] >= len(self.readouts)), key=index.get))
        dates = np.concatenate([self.dates, np.zeros(total - len(self.dates), np.int32)])
        source_of = np.concatenate([self.readout_source, np.zeros(total - len(self.readout_source), np.int32)])
        sources = list(self.sources)
        known = {s: i for i, s in enumerate(sources)}
        for readout_id, (date, source) in rows.items():
            if source not in known:
                known[source] = len(sources)
                sources.append(source)
            dates[index[readout_id]] = day_number(date)
            source_of[index[readout_id]] = known[source]
        return replace(self, readouts=readouts, dates=dates, readout_source=source_of.astype(np.int32),
                       sources=tuple(sources))

    def extend(self, pids, rix, lengths, new_terms, new_slots, new_freqs, vocabulary, chunk_ids, chunk_slots,
               terms) -> "Postings":
        """Add slots and their postings (`new_terms` sorted, slots increasing within a term, all past the old ones)."""
        old_counts = np.zeros(vocabulary, np.int64)
        old_counts[:len(self.offsets) - 1] = np.diff(self.offsets)
        new_counts = np.bincount(new_terms, minlength=vocabulary)
        offsets = np.zeros(vocabulary + 1, np.int64)
        np.cumsum(old_counts + new_counts, out=offsets[1:])
        slots = np.empty(int(offsets[-1]), np.int32)
        freqs = np.empty(int(offsets[-1]), np.uint16)
        # Old entries keep their order and move by how much earlier terms grew.
        shift = offsets[:-1] - np.concatenate([self.offsets[:-1], np.full(vocabulary - len(self.offsets) + 1, self.offsets[-1])])
        old_where = np.arange(len(self.slots), dtype=np.int64) + np.repeat(shift, old_counts)
        slots[old_where] = self.slots
        freqs[old_where] = self.freqs
        # New entries go after the old ones of their term, in their given order.
        first_new = np.cumsum(new_counts) - new_counts
        rank = np.arange(len(new_terms), dtype=np.int64) - first_new[new_terms]
        new_where = offsets[new_terms] + old_counts[new_terms] + rank
        slots[new_where] = new_slots
        freqs[new_where] = new_freqs
        return replace(self, terms=terms, offsets=offsets, slots=slots, freqs=freqs,
                       pids=np.concatenate([self.pids, pids]), rix=np.concatenate([self.rix, rix]),
                       lengths=np.concatenate([self.lengths, lengths]),
                       alive=np.concatenate([self.alive, np.ones(len(pids), bool)]),
                       chunk_ids=np.concatenate([self.chunk_ids, chunk_ids]),
                       chunk_slots=np.concatenate([self.chunk_slots, chunk_slots]))

    def with_alive(self, alive: np.ndarray) -> "Postings":
        return replace(self, alive=alive)

    def compact(self) -> "Postings":
        """Drop removed paragraphs and their postings; slots are renumbered in order."""
        renumber = np.cumsum(self.alive) - 1
        term_of = np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))
        kept = self.alive[self.slots]
        offsets = np.zeros(len(self.offsets), np.int64)
        np.cumsum(np.bincount(term_of[kept], minlength=len(self.offsets) - 1), out=offsets[1:])
        chunk_kept = self.alive[self.chunk_slots]
        return replace(self, offsets=offsets, slots=renumber[self.slots[kept]].astype(np.int32), freqs=self.freqs[kept],
                       pids=self.pids[self.alive], rix=self.rix[self.alive], lengths=self.lengths[self.alive],
                       alive=np.ones(int(self.alive.sum()), bool), chunk_ids=self.chunk_ids[chunk_kept],
                       chunk_slots=renumber[self.chunk_slots[chunk_kept]].astype(np.int32))

    def nbytes(self) -> int:
        arrays = (self.offsets, self.slots, self.freqs, self.pids, self.rix, self.lengths, self.alive,
                  self.readout_source, self.chunk_ids, self.chunk_slots)
        return sum(a.nbytes for a in arrays) + sum(len(t) + 50 for t in self.terms)


FILE_VERSION = 2  # a file of another version is rebuilt from SQLite (it is only a cache)
ARRAYS = ("offsets", "slots", "freqs", "pids", "rix", "lengths", "alive", "dates", "readout_source", "chunk_ids",
          "chunk_slots")


def day_number(date: str | None) -> int:
    """"2022-03-01" -> 20220301, comparable as the ISO strings are; "" -> 0."""
    return int(date.replace("-", "")) if date else 0


def save_arrays(postings: Postings, path: Path) -> None:
    """Write to `path` (the store writes a temporary name and renames it)."""
    names = {"version": FILE_VERSION, "terms": list(postings.terms), "readouts": list(postings.readouts),
             "sources": list(postings.sources)}
    with open(path, "wb") as out:
        np.savez(out, names=np.frombuffer(json.dumps(names).encode(), dtype=np.uint8),
                 **{name: getattr(postings, name) for name in ARRAYS})


def load_arrays(path: Path) -> Postings:
    """The arrays of a saved file, mapped from it rather than read: np.load of the .npz spent most of a normal
    open in zipfile's CRC-32 of every byte (0.6 of 0.9 s at 10x the corpus); the file's integrity is
    checked by index/caches.py before this runs. Pages are read as searches touch them."""
    arrays = _mapped(path)
    names = json.loads(arrays.pop("names").tobytes())
    if names.get("version") != FILE_VERSION:
        raise ValueError(f"{path}: lexical file version {names.get('version')}, not {FILE_VERSION}")
    return Postings(terms=tuple(names["terms"]), readouts=tuple(names["readouts"]), sources=tuple(names["sources"]),
                    **{name: arrays[name] for name in ARRAYS})


def _mapped(path: Path) -> dict[str, np.ndarray]:
    """Read-only arrays over an uncompressed .npz (what np.savez writes), one mmap for all of them."""
    with open(path, "rb") as handle:
        whole = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        out = {}
        with zipfile.ZipFile(handle) as archive:
            for info in archive.infolist():
                if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                    raise ValueError(f"{path}: {info.filename} is compressed or not an array")
                # The member's data follows its local header: 30 bytes, then the name and extra field.
                name_length, extra_length = struct.unpack("<HH", whole[info.header_offset + 26:info.header_offset + 30])
                handle.seek(info.header_offset + 30 + name_length + extra_length)
                version = np.lib.format.read_magic(handle)
                shape, fortran, dtype = (np.lib.format.read_array_header_1_0(handle) if version == (1, 0)
                                         else np.lib.format.read_array_header_2_0(handle))
                if fortran or dtype.hasobject:
                    raise ValueError(f"{path}: {info.filename} is not a plain C-ordered array")
                count = int(np.prod(shape))
                array = np.frombuffer(whole, dtype=dtype, count=count, offset=handle.tell()).reshape(shape)
                # Zip members start anywhere: an unaligned array is copied once rather than slowing every search.
                out[info.filename[:-4]] = array if array.flags.aligned else array.copy()
    return out
