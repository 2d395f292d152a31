"""The FAISS side of the index: chunk ids to vectors, exact inner product for now."""
from __future__ import annotations

import threading
from pathlib import Path

import faiss
import numpy as np


class VectorIndex:
    """Chunk vectors keyed by chunk id; searches and updates are serialised by one lock."""

    def __init__(self, index, kind: str):
        self.index = index
        self.kind = kind
        self.lock = threading.Lock()

    @classmethod
    def build(cls, dimension: int, ids: np.ndarray, matrix: np.ndarray) -> "VectorIndex":
        """An exact index over the given vectors."""
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(matrix, dtype=np.float32), np.asarray(ids, dtype=np.int64))
        return cls(index, "flat")

    @classmethod
    def read(cls, path: Path, dimension: int) -> "VectorIndex":
        index = faiss.read_index(str(path))
        if index.d != dimension:
            raise ValueError(f"{path}: {index.d} dimensions, expected {dimension}")
        return cls(index, "flat")

    def write(self, path: Path) -> None:
        with self.lock:
            faiss.write_index(self.index, str(path))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, matrix: np.ndarray) -> None:
        if len(ids):
            with self.lock:
                self.index.add_with_ids(np.ascontiguousarray(matrix, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def remove(self, ids) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            with self.lock:
                self.index.remove_ids(faiss.IDSelectorBatch(ids))

    def search(self, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Up to n (chunk id, cosine) pairs, best first; `allowed` restricts to those chunk ids."""
        if n <= 0 or len(self) == 0:
            return []
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return []
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64)))
        with self.lock:
            scores, ids = self.index.search(query.reshape(1, -1).astype(np.float32), min(n, len(self)), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
