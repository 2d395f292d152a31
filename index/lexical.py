"""In-memory BM25 over paragraphs (title + text): the lexical half of hybrid search, and filters.

SQLite FTS5 scores every paragraph matching any term of the question before it sorts, and at 100x
the corpus a question's common words ("minister", "secretary") match half a million paragraphs:
0.5 s a question. Here postings are numpy arrays and a question costs a few vectorised passes.
The score is FTS5's bm25() with the weights search used (title 2, text 1) and words are stemmed by
FTS5's own porter tokenizer, so the ranking is the one the SQLite index gives (tests compare them).
SQLite stays the source of truth: this is a cache, saved per generation like the FAISS file.
"""
from __future__ import annotations

import itertools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .postings import Postings, day_number, load_arrays, save_arrays
from .types import Filters
from .words import WORD, Stemmer

K1, B = 1.2, 0.75  # FTS5's bm25() constants
TITLE_WEIGHT = 2
ALLOWED_KEPT = 16  # filter masks kept (a bool per paragraph each: 0.5 MB at 100x)


@dataclass(frozen=True)
class _View:
    """What a reader needs, published together: postings, per-slot length norms, per-posting weights."""

    p: Postings
    norm: np.ndarray
    weights: np.ndarray
    live: int
    chunk_ids: np.ndarray  # live chunks, sorted
    chunk_pids: np.ndarray  # their paragraph ids


@dataclass(frozen=True)
class Paragraph:
    """What the lexical index needs of one stored paragraph."""

    id: int
    readout_id: str
    title: str
    text: str
    date: str
    source: str
    chunk_ids: tuple[int, ...]


class LexicalIndex:
    """Postings by term, plus per-paragraph readout, date and source for filters; safe to read while written."""

    def __init__(self, postings: Postings, stemmer: Stemmer | None = None):
        self.p = postings
        self.stemmer = stemmer or Stemmer()
        self.term_ids = {t: i for i, t in enumerate(postings.terms)}
        self.readout_index = {r: i for i, r in enumerate(postings.readouts)}
        self._write = threading.Lock()
        self.view: _View
        self._allowed: dict[Filters, tuple[Postings, np.ndarray]] = {}  # recent masks: see `allowed`
        self._refresh()

    # --- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, paragraphs, block: int = 20000) -> "LexicalIndex":
        """Index paragraphs (an iterable of `Paragraph`), block by block to bound memory."""
        index = cls(Postings.empty())
        batch: list[Paragraph] = []
        for paragraph in paragraphs:
            batch.append(paragraph)
            if len(batch) >= block:
                index.add(batch)
                batch = []
        if batch:
            index.add(batch)
        return index

    @classmethod
    def read(cls, path: Path) -> "LexicalIndex":
        return cls(load_arrays(path))

    def write(self, path: Path) -> None:
        save_arrays(self.p, path)

    def _ids_of(self, words: list[str]) -> list[int]:
        """Term ids of a text's words, new terms numbered as they come (FTS5 may split a word in two)."""
        out = []
        for word in words:
            for term in self.stemmer.known[word]:
                tid = self.term_ids.get(term)
                if tid is None:
                    tid = self.term_ids[term] = len(self.term_ids)
                out.append(tid)
        return out

    def add(self, paragraphs: list[Paragraph]) -> None:
        """Index new paragraphs (their ids must not be live already: remove a replaced readout first)."""
        if not paragraphs:
            return
        texts = [WORD.findall(p.text.lower()) for p in paragraphs]
        titles = {p.readout_id: WORD.findall(p.title.lower()) for p in paragraphs}
        self.stemmer.learn(itertools.chain(itertools.chain.from_iterable(texts), *titles.values()))
        with self._write:  # writers number new terms and slots: one at a time
            title_ids = {r: self._ids_of(words) for r, words in titles.items()}
            text_ids = [self._ids_of(words) for words in texts]
            rix = self._readouts(paragraphs)
            p = self.p
            slots = np.arange(len(p.pids), len(p.pids) + len(paragraphs), dtype=np.int64)
            title_terms = [title_ids[par.readout_id] for par in paragraphs]
            counts = np.array([len(t) for t in text_ids], dtype=np.int64)
            title_counts = np.array([len(t) for t in title_terms], dtype=np.int64)
            terms = np.fromiter(itertools.chain(itertools.chain.from_iterable(text_ids),
                                                itertools.chain.from_iterable(title_terms)),
                                dtype=np.int64, count=int(counts.sum() + title_counts.sum()))
            owners = np.concatenate([np.repeat(slots, counts), np.repeat(slots, title_counts)])
            weights = np.concatenate([np.ones(int(counts.sum())), np.full(int(title_counts.sum()), float(TITLE_WEIGHT))])
            keys, inverse = np.unique(terms << 32 | owners, return_inverse=True)  # sorted by term, then slot
            # uint16 halves the postings; a word 65,535 times in one paragraph is clipped, not wrapped.
            freqs = np.minimum(np.bincount(inverse.ravel(), weights=weights), np.iinfo(np.uint16).max).astype(np.uint16)
            chunk_counts = [len(par.chunk_ids) for par in paragraphs]
            self.p = p.extend(
                pids=np.array([par.id for par in paragraphs], dtype=np.int64), rix=rix,
                lengths=(counts + title_counts).astype(np.int32),
                new_terms=(keys >> 32).astype(np.int64), new_slots=(keys & 0xFFFFFFFF).astype(np.int32),
                new_freqs=freqs, vocabulary=len(self.term_ids),
                chunk_ids=np.fromiter(itertools.chain.from_iterable(par.chunk_ids for par in paragraphs), dtype=np.int64, count=sum(chunk_counts)),
                chunk_slots=np.repeat(slots, chunk_counts).astype(np.int32),
                terms=tuple(sorted(self.term_ids, key=self.term_ids.get)) if len(self.term_ids) > len(p.terms) else p.terms)
            self._refresh()

    def _readouts(self, paragraphs: list[Paragraph]) -> np.ndarray:
        """Readout rows of the paragraphs; a re-added readout keeps its row and takes the new date and source."""
        rows = {par.readout_id: (par.date, par.source) for par in paragraphs}
        for readout_id in rows:
            self.readout_index.setdefault(readout_id, len(self.readout_index))
        self.p = self.p.with_readouts(rows, self.readout_index)
        return np.array([self.readout_index[par.readout_id] for par in paragraphs], dtype=np.int32)

    def remove(self, paragraph_ids) -> None:
        """Forget paragraphs; their postings stay until enough are dead to be worth compacting."""
        ids = np.asarray(list(paragraph_ids), dtype=np.int64)
        if not len(ids):
            return
        with self._write:
            alive = self.p.alive & ~np.isin(self.p.pids, ids)
            self.p = self.p.with_alive(alive)
            dead = len(alive) - int(alive.sum())
            if dead > max(1000, len(alive) // 4):
                self.p = self.p.compact()
            self._refresh()

    def _refresh(self) -> None:
        """Recompute what depends on the average length (it moves with every write) and publish a snapshot."""
        p = self.p
        live = int(p.alive.sum())
        average = float(p.lengths[p.alive].sum()) / live if live else 1.0
        norm = (K1 * (1 - B + B * p.lengths / average)).astype(np.float32)
        # Each posting's BM25 factor without the idf (which depends on the question's terms only):
        # a question then costs one multiply-add per posting (5 -> 2.5 ms at 100x the corpus).
        f = p.freqs.astype(np.float32)
        weights = f * np.float32(K1 + 1) / (f + norm[p.slots])
        # Live chunk ids, sorted, with their paragraph ids: dense hits map to paragraphs without SQLite.
        held = p.alive[p.chunk_slots]
        chunk_ids, chunk_pids = p.chunk_ids[held], p.pids[p.chunk_slots[held]]
        if len(chunk_ids) > 1 and not np.all(chunk_ids[1:] > chunk_ids[:-1]):
            order = np.argsort(chunk_ids, kind="stable")
            chunk_ids, chunk_pids = chunk_ids[order], chunk_pids[order]
        self.view = _View(p, norm, weights, live, chunk_ids, chunk_pids)  # one assignment: all of it or none

    # --- reading --------------------------------------------------------------------------
    def allowed(self, filters: Filters, p: Postings | None = None) -> np.ndarray | None:
        """Live paragraphs passing the filters (a boolean per slot of `p`), or None when no filter is set."""
        if filters.is_empty():
            return None
        p = self.view.p if p is None else p
        # Search asks twice per question (dense and lexical side), and the same few people's readouts come
        # back question after question: a mask is kept for the postings it was computed on (reading a frequent
        # person's ~100,000 readout ids into rows takes 50 ms at 100x; their frozenset keeps its hash).
        known = self._allowed.get(filters)
        if known is not None and known[0] is p:
            return known[1]
        mask = self._compute_allowed(filters, p)
        if len(self._allowed) >= ALLOWED_KEPT:
            try:  # the oldest; another thread may be trimming too
                self._allowed.pop(next(iter(self._allowed)), None)
            except (StopIteration, RuntimeError):
                pass
        self._allowed[filters] = (p, mask)
        return mask

    def _compute_allowed(self, filters: Filters, p: Postings) -> np.ndarray:
        keep = np.ones(len(p.readouts), dtype=bool)
        if filters.readout:
            keep[:] = False
            row = self.readout_index.get(filters.readout, len(keep))
            if row < len(keep):  # a readout being added right now is not searchable yet
                keep[row] = True
        if filters.readouts is not None:  # participant, country, kind: resolved into readout ids by the Library
            # One look-up per id, straight into an array (a frequent person has ~100,000 readouts at 100x);
            # an id past the end (a readout being added right now) lands on the spare last slot.
            index, n = self.readout_index, len(keep)
            rows = np.fromiter((index.get(r, n) for r in filters.readouts), dtype=np.int64, count=len(filters.readouts))
            chosen = np.zeros(n + 1, dtype=bool)
            chosen[rows] = True
            keep &= chosen[:n]
        if filters.source:
            wanted = filters.source.lower()
            keep &= np.array([wanted in s.lower() for s in p.sources] + [False], dtype=bool)[p.readout_source]
        if filters.date_from:
            keep &= (p.dates >= day_number(filters.date_from)) & (p.dates != 0)
        if filters.date_to:
            keep &= (p.dates <= day_number(filters.date_to)) & (p.dates != 0)
        return keep[p.rix] & p.alive

    def allowed_chunks(self, filters: Filters) -> np.ndarray | None:
        """Chunk ids whose paragraph passes the filters, for the dense side; None when no filter is set."""
        p = self.view.p
        mask = self.allowed(filters, p)
        return None if mask is None else p.chunk_ids[mask[p.chunk_slots]]

    def paragraphs_of(self, chunk_ids: np.ndarray) -> np.ndarray:
        """Paragraph id of each chunk id; -1 for a chunk not held (removed since the dense search ran)."""
        view = self.view
        chunk_ids = np.asarray(chunk_ids, dtype=np.int64)
        at = np.minimum(np.searchsorted(view.chunk_ids, chunk_ids), max(len(view.chunk_ids) - 1, 0))
        found = view.chunk_ids[at] == chunk_ids if len(view.chunk_ids) else np.zeros(len(chunk_ids), bool)
        return np.where(found, view.chunk_pids[at] if len(view.chunk_ids) else -1, -1)

    def search(self, phrases, k: int, filters: Filters = Filters()) -> list[int]:
        """Paragraph ids by BM25 for the question's terms (each a word or a hyphenated phrase), best first."""
        p, scores = self.scores(phrases, filters)
        top = _at_least_kth(scores, k)
        ranked = top[np.lexsort((p.pids[top], -scores[top]))][:k]
        return [int(x) for x in p.pids[ranked]]

    def scores(self, phrases, filters: Filters = Filters()) -> tuple[Postings, np.ndarray]:
        """FTS5's bm25() (with the sign flipped) of every slot for an OR of the phrases; 0 where filtered out."""
        words = [WORD.findall(phrase.lower()) for phrase in phrases]
        self.stemmer.learn(itertools.chain.from_iterable(words))
        view = self.view  # one consistent snapshot against a concurrent write
        p, live = view.p, view.live
        mask = self.allowed(filters, p)
        scores = np.zeros(len(p.pids), dtype=np.float32)
        for phrase in words:
            terms = [self.term_ids.get(t) for w in phrase for t in self.stemmer.known[w]]
            if not terms or None in terms:
                continue
            start, end = p.span(terms[0])
            slots, weights = p.slots[start:end], view.weights[start:end]
            if len(terms) > 1:
                # A phrase ("jae-in") needs all its words in the paragraph; adjacency is not checked.
                freqs = p.freqs[start:end]
                for other in terms[1:]:
                    more, more_freqs = p.postings(other)
                    slots, a, b = np.intersect1d(slots, more, assume_unique=True, return_indices=True)
                    freqs = np.minimum(freqs[a], more_freqs[b])
                f = freqs.astype(np.float32)
                weights = f * np.float32(K1 + 1) / (f + view.norm[slots])
            hits = int(p.alive[slots].sum()) if live < len(p.alive) else len(slots)
            if hits:
                scores[slots] += np.float32(max(np.log((live - hits + 0.5) / (hits + 0.5)), 1e-6)) * weights
        if mask is not None:
            scores[~mask] = 0
        elif live < len(p.alive):
            scores[~p.alive] = 0
        return p, scores

    def rarity(self, word: str) -> float:
        """BM25's idf of a word as a question would search it (0 for one no paragraph has): how much finding it
        says. Read from the postings' offsets, so it costs a dictionary look-up at any scale."""
        words = WORD.findall(word.lower())
        self.stemmer.learn(words)
        view = self.view
        terms = [self.term_ids.get(t) for w in words for t in self.stemmer.known[w]]
        if not terms or None in terms:
            return 0.0
        # (a word split in two, "jae-in": its rarer part; dead postings left in count, as they are few)
        hits = min(end - start for start, end in map(view.p.span, terms))
        return float(max(np.log((view.live - hits + 0.5) / (hits + 0.5)), 0.0)) if hits else 0.0

    @property
    def live(self) -> int:
        return self.view.live

    def describe(self) -> dict:
        view = self.view
        return {"paragraphs": view.live, "terms": len(view.p.terms), "postings": int(len(view.p.slots)),
                "bytes": view.p.nbytes() + view.norm.nbytes + view.weights.nbytes}


def _at_least_kth(scores: np.ndarray, k: int, step: int = 32) -> np.ndarray:
    """Slots scoring > 0 and at least the k-th best score: the top k with every tie at the cut, so the
    caller breaks ties by paragraph id, not by chance. A strided sample gives a threshold that keeps a
    few hundred candidates (0.4 ms at 548,600 slots against 1-2 ms for a full partition)."""
    sample = scores[::step]
    wanted = max(1, 2 * k // step)
    candidates = None
    if len(sample) > wanted:
        threshold = np.partition(sample, len(sample) - wanted)[len(sample) - wanted]
        if threshold > 0:
            candidates = np.flatnonzero(scores >= threshold)
            if len(candidates) < k:  # the sample was unlucky: fall back to every nonzero slot
                candidates = None
    if candidates is None:
        candidates = np.flatnonzero(scores)
    if len(candidates) <= k:
        return candidates
    kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
    return candidates[scores[candidates] >= kth]


def paragraphs_from(db: sqlite3.Connection):
    """Every stored paragraph with what the lexical index needs, in id order, streamed."""
    chunks: dict[int, list[int]] = {}
    for cid, pid in db.execute("SELECT id, paragraph_id FROM chunks ORDER BY id"):
        chunks.setdefault(pid, []).append(cid)
    rows = db.execute("SELECT p.id, p.readout_id, r.title, p.text, r.date, r.source FROM paragraphs p "
                      "JOIN readouts r ON r.id = p.readout_id ORDER BY p.id")
    for pid, readout_id, title, text, date, source in rows:
        yield Paragraph(pid, readout_id, title, text, date, source, tuple(chunks.get(pid, ())))
