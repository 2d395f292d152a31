"""The model's own tokenizer without torch: piece counts, and padded id batches for any runtime."""
from __future__ import annotations

import itertools
import threading
from typing import Sequence

import numpy as np


class Tokens:
    """The model's own tokenizer (tokenizers' Rust core, no torch): counts pieces and builds padded batches."""

    def __init__(self, tokenizer_json: str, max_tokens: int, names: Sequence[str]):
        from tokenizers import Tokenizer

        self._json = tokenizer_json  # kept so a copy can be sent to another process (Ray workers)
        self.max_tokens = max_tokens
        self.names = tuple(names)
        self._counter = Tokenizer.from_str(tokenizer_json)
        self._counter.no_truncation()
        self._counter.no_padding()
        self._batcher = Tokenizer.from_str(tokenizer_json)
        self._batcher.enable_truncation(max_tokens)
        self._batcher.no_padding()
        self._lock = threading.Lock()  # a Rust tokenizer is not re-entrant across Python threads

    def __reduce__(self):
        # The lock and the Rust tokenizers do not pickle; the JSON they were built from does.
        return (Tokens, (self._json, self.max_tokens, self.names))

    def count(self, text: str) -> int:
        with self._lock:
            return len(self._counter.encode(text).ids)

    def ids(self, texts: Sequence[str], multiple: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """(int32 ids padded with 0 to the longest text, rounded up to `multiple`; int32 lengths)."""
        with self._lock:
            # encode_batch_fast skips the character offsets, which nothing here uses.
            rows = [e.ids for e in self._batcher.encode_batch_fast(list(texts))]
        lengths = np.fromiter(map(len, rows), dtype=np.int32, count=len(rows))
        width = -(-int(lengths.max(initial=1)) // multiple) * multiple
        ids = np.zeros((len(rows), width), dtype=np.int32)  # 0 is BERT's [PAD]; the mask hides it either way
        ids[np.arange(width)[None, :] < lengths[:, None]] = np.fromiter(
            itertools.chain.from_iterable(rows), dtype=np.int32, count=int(lengths.sum()))
        return ids, lengths

    def batch(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Int64 arrays padded to the longest text, as the model's forward takes them."""
        ids, lengths = self.ids(texts)
        mask = np.arange(ids.shape[1])[None, :] < lengths[:, None]
        out = {"input_ids": ids.astype(np.int64), "attention_mask": mask.astype(np.int64),
               "token_type_ids": np.zeros(ids.shape, dtype=np.int64)}
        return {name: out[name] for name in self.names}
