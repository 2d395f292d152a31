"""The FAISS side of the index: chunk ids to vectors, exact for small corpora and IVF beyond a measured size.

Why IVF and not HNSW (docs/PERFORMANCE.md, "Index type"): at 100x the corpus (582,500 vectors) HNSW
(M=32) reached only 0.87 recall@10 against exact search even at efSearch=2048 and took 6 minutes to
build on 2 cores, while IVF reached 0.99-1.0 at ~3% of the lists probed, builds in about a
minute, and removes vectors natively, which HNSW cannot. IVF lists hold the vectors in fp16: the
same recall as float32 at 100x (1.000), 1.6x faster scans (a query scans ~70,000 vectors and is
bound by memory bandwidth) and half the memory; int8 (SQ8) lost too much (recall@10 0.971).
"""
from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np


@dataclass(frozen=True)
class IndexPolicy:
    """When exact search gives way to IVF, and how IVF is sized and searched."""

    flat_limit: int = 50_000  # exact search over more vectors costs > ~5 ms a query on 2 cores (a quarter of the search budget)
    probe_share: float = 1 / 8  # share of IVF lists probed: recall@10 vs exact 0.984 with real questions on real vectors
    min_probes: int = 16
    brute_force_limit: int = 20_000  # a filter admitting at most this many vectors is scored exactly (~5 ms)
    train_per_list: int = 64  # k-means training points per list (faiss warns below 39)

    def lists_for(self, count: int) -> int:
        # The usual 4*sqrt(n) lists: ~190 vectors a list at 100x the corpus.
        return max(16, int(4 * math.sqrt(max(count, 1))))

    def probes_for(self, lists: int) -> int:
        return min(lists, max(self.min_probes, math.ceil(lists * self.probe_share)))


RECONSTRUCT_LIMIT = 500  # IVF filters admitting at most this many vectors decode them and score exactly
DEFAULT_POLICY = IndexPolicy(flat_limit=int(os.environ.get("READOUTS_FLAT_LIMIT", IndexPolicy.flat_limit)))


class VectorIndex:
    """Chunk vectors keyed by chunk id; searches and updates are serialised by one lock.

    `kind` ("flat" or "ivf") follows the size: it switches on add/remove and is recorded in the manifest.
    """

    def __init__(self, index, policy: IndexPolicy | None = None):
        self.index = index
        self.policy = policy = policy or DEFAULT_POLICY
        self.lock = threading.Lock()
        if isinstance(index, faiss.IndexIVF):
            index.nprobe = policy.probes_for(index.nlist)

    @property
    def kind(self) -> str:
        return "ivf" if isinstance(self.index, faiss.IndexIVF) else "flat"

    def describe(self) -> str:
        """The FAISS layout in a few words, for benchmarks and stats."""
        if self.kind == "ivf":
            codes = "Flat" if isinstance(self.index, faiss.IndexIVFFlat) else "SQfp16"
            return f"IVF{self.index.nlist},{codes} nprobe={self.index.nprobe}"
        return "Flat (exact)"

    @classmethod
    def build(cls, dimension: int, ids: np.ndarray, matrix: np.ndarray,
              policy: IndexPolicy | None = None) -> "VectorIndex":
        """An index over the given vectors, of the kind their number calls for."""
        policy = policy or DEFAULT_POLICY
        ids = np.asarray(ids, dtype=np.int64)
        matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        if len(ids) > policy.flat_limit:
            return cls(_ivf(dimension, ids, matrix, policy), policy)
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        if len(ids):
            index.add_with_ids(matrix, ids)
        return cls(index, policy)

    @classmethod
    def read(cls, path: Path, dimension: int, policy: IndexPolicy | None = None) -> "VectorIndex":
        index = faiss.read_index(str(path))
        if index.d != dimension:
            raise ValueError(f"{path}: {index.d} dimensions, expected {dimension}")
        if not isinstance(index, (faiss.IndexIDMap2, faiss.IndexIVFFlat, faiss.IndexIVFScalarQuantizer)):
            raise ValueError(f"{path}: unexpected FAISS index type {type(index).__name__}")
        return cls(index, policy)

    def write(self, path: Path) -> None:
        with self.lock:
            faiss.write_index(self.index, str(path))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    # --- updates --------------------------------------------------------------------------
    def add(self, ids: np.ndarray, matrix: np.ndarray) -> None:
        if len(ids):
            with self.lock:
                self.index.add_with_ids(np.ascontiguousarray(matrix, dtype=np.float32), np.asarray(ids, dtype=np.int64))
                self._adapt()

    def remove(self, ids) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            with self.lock:
                if self.kind == "ivf":
                    # The hash-table direct map finds each id at once; a batch selector would scan every list.
                    self.index.remove_ids(faiss.IDSelectorArray(ids))
                else:
                    self.index.remove_ids(faiss.IDSelectorBatch(ids))
                self._adapt()

    def _adapt(self) -> None:
        """Switch kind at the size limit (with slack, so a corpus near it does not flip back and forth),
        and retrain IVF once the corpus has grown 4x past what its lists were trained for."""
        count, policy = len(self), self.policy
        if self.kind == "flat" and count > policy.flat_limit:
            rebuild = True
        elif self.kind == "ivf":
            rebuild = count < policy.flat_limit // 2 or self.index.nlist < policy.lists_for(count) // 2
        else:
            rebuild = False
        if rebuild:
            ids, matrix = self.items()
            self.index = VectorIndex.build(self.index.d, ids, matrix, policy).index

    def items(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (chunk id, vector) held, in no particular order."""
        if self.kind == "flat":
            ids = faiss.vector_to_array(self.index.id_map)
            codes = faiss.vector_to_array(faiss.downcast_index(self.index.index).codes)
            return ids, codes.view(np.float32).reshape(len(ids), self.index.d)
        lists = self.index.invlists
        ids = np.concatenate([faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).astype(np.int64)
                              for i in range(lists.nlist)])
        # Vectors through the direct map (decoded from fp16: within 1e-3 of what SQLite stores).
        return ids, self.index.reconstruct_batch(ids)

    # --- search ---------------------------------------------------------------------------
    def search(self, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Up to n (chunk id, cosine) pairs, best first; `allowed` restricts to those chunk ids."""
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        # One query gains nothing from OpenMP threads, and their spinning after the search slowed the next
        # query's encoding from 20 to 426 ms at p95 on 2 cores (docs/PERFORMANCE.md); this thread runs it alone.
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            return self._search(query, n, allowed)
        finally:
            faiss.omp_set_num_threads(threads)

    def _search(self, query: np.ndarray, n: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        with self.lock:
            total = len(self)
            if n <= 0 or total == 0:
                return []
            if allowed is None:
                params = faiss.SearchParametersIVF(nprobe=self.index.nprobe) if self.kind == "ivf" else None
                scores, ids = self.index.search(query, min(n, total), params=params)
                return _pairs(ids[0], scores[0])
            allowed = _sorted_unique(np.asarray(allowed, dtype=np.int64))
            if len(allowed) == 0:
                return []
            few = len(allowed) <= self.policy.brute_force_limit
            # Decoding vectors one by one from IVF lists is slow (20,000 took 41 ms at 10x the corpus), so
            # IVF reconstructs only a handful; more go through the selector over every list (3 ms), exact too.
            if few and (self.kind == "flat" or len(allowed) <= RECONSTRUCT_LIMIT):
                exact = self._score_exactly(query[0], n, allowed)
                if exact is not None:
                    return exact
            bitmap = _bitmap(allowed)  # kept alive here: the selector only points at it
            selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))
            if self.kind == "ivf":
                # A filter leaves fewer candidates per list; probe more lists (up to 4x) to keep recall,
                # and every list when the filter admits few vectors (exact over them).
                boost = self.index.nlist if few else min(4.0, total / len(allowed)) * self.index.nprobe
                params = faiss.SearchParametersIVF(sel=selector, nprobe=min(self.index.nlist, math.ceil(boost)))
            else:
                params = faiss.SearchParameters(sel=selector)
            scores, ids = self.index.search(query, min(n, len(allowed)), params=params)
            return _pairs(ids[0], scores[0])

    def _score_exactly(self, query: np.ndarray, n: int, allowed: np.ndarray) -> list[tuple[int, float]] | None:
        """Cosines of the allowed vectors by one matrix product; None if some id is not held (a concurrent removal)."""
        try:
            matrix = self.index.reconstruct_batch(allowed)
        except RuntimeError:
            return None
        scores = matrix @ query
        top = np.argsort(-scores, kind="stable")[:n] if len(scores) <= n else np.argpartition(-scores, n)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(allowed[i]), float(scores[i])) for i in top]


def _ivf(dimension: int, ids: np.ndarray, matrix: np.ndarray, policy: IndexPolicy):
    lists = policy.lists_for(len(ids))
    index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dimension), dimension, lists,
                                          faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
    index.cp.min_points_per_centroid = 5  # small test corpora train fine on fewer points; faiss would warn
    sample = min(len(ids), lists * policy.train_per_list)
    rows = np.random.default_rng(0).choice(len(ids), sample, replace=False) if sample < len(ids) else slice(None)
    index.train(matrix[rows])
    # A hash-table direct map lets remove_ids and reconstruct find an id without scanning the lists.
    index.set_direct_map_type(faiss.DirectMap.Hashtable)
    index.add_with_ids(matrix, ids)
    index.nprobe = policy.probes_for(lists)
    return index


def _sorted_unique(ids: np.ndarray) -> np.ndarray:
    """np.unique without its cost when ids already come sorted (they do from the lexical index): numpy's
    hash-based unique took 93 ms for the 145,000 chunk ids of a one-year filter at 100x the corpus."""
    if len(ids) > 1 and not np.all(ids[1:] > ids[:-1]):
        ids = np.sort(ids)
        ids = ids[np.concatenate(([True], ids[1:] != ids[:-1]))]
    return ids


def _bitmap(ids: np.ndarray) -> np.ndarray:
    bits = np.zeros(int(ids.max()) + 1, dtype=bool)
    bits[ids[ids >= 0]] = True
    return np.packbits(bits, bitorder="little")


def _pairs(ids: np.ndarray, scores: np.ndarray) -> list[tuple[int, float]]:
    return [(int(i), float(s)) for i, s in zip(ids, scores) if i >= 0]
