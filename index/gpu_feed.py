"""Feeding a GPU: token ids for length-sorted batches are made off the critical path, so the model sets the pace.

Two feeds, timed side by side by eval/gpu_encode.py (one H200, 16 cores, two machines, 116,000 corpus
paragraphs, batches of 512, two rounds each):
- "processes" (the default): a torch DataLoader whose forked workers tokenize (one Rust thread each);
  batches come back through shared memory and the loader's pinning thread. 26,581 and 25,710
  paragraphs/s on the first machine, 23,524 and 27,645 on the second.
- "threads": one background thread tokenizes each batch with the Rust tokenizer's own thread pool
  (`encode_batch_fast` lets go of the GIL while it works), pads it to int32 in pinned memory and hands
  it over a bounded queue; no processes. 17,712 and 18,473 on the first machine, 27,191 and 28,573 on
  the second: as fast at best, and the GIL-bound padding leaves it short where the pool is slower.

Either way only int32 ids and lengths cross to the device (the mask is built there), widths are rounded
up to a multiple of 8, and results land in one pinned buffer with no synchronisation until the end. The
rounding matters most: the model alone on the same batches ran 55,869 paragraphs/s with widths a multiple
of 8 and 14,620/s with widths as tokenized (not profiled; odd widths likely keep fp16 attention and
matrix products off their tensor-core kernels).
"""
from __future__ import annotations

import os
import queue
import threading
from typing import Iterator, Sequence

import numpy as np

from .tokens import Tokens

FEEDS = ("threads", "processes")
# Which feed Embedder.encode uses on CUDA; READOUTS_GPU_FEED picks the other one for a comparison.
DEFAULT_FEED = os.environ.get("READOUTS_GPU_FEED", "processes")


def encode_batches(model, tokens: Tokens, texts: Sequence[str], device: str, dimension: int, *,
                   batch_size: int = 512, feed: str = DEFAULT_FEED, workers: int = 1, prefetch: int = 4) -> np.ndarray:
    """L2-normalised float32 vectors of texts, in their order, from a sentence-transformers model on device."""
    import torch

    if feed not in FEEDS:
        raise ValueError(f"feed must be one of {', '.join(FEEDS)}, got {feed!r}")
    texts = list(texts)
    order = np.argsort([-len(t) for t in texts], kind="stable")
    batches = [order[i:i + batch_size] for i in range(0, len(texts), batch_size)]
    target = torch.device(device)
    pin = target.type == "cuda"
    done = torch.empty((len(texts), dimension), dtype=torch.float32, pin_memory=pin)
    position = 0
    source = (_thread_feed(texts, batches, tokens, pin, depth=prefetch * 2) if feed == "threads"
              else _process_feed(texts, batches, tokens, pin, workers, prefetch))
    with torch.inference_mode():
        for ids, lengths in source:  # in order: batch i holds order[position:position + len(ids)]
            features = model_inputs(ids.to(target, non_blocking=True).long(), lengths.to(target, non_blocking=True),
                                    tokens.names)
            vectors = torch.nn.functional.normalize(model(features)["sentence_embedding"].float(), dim=-1)
            done[position:position + len(vectors)].copy_(vectors, non_blocking=True)
            position += len(vectors)
    if pin:
        torch.cuda.synchronize(target)
    out = np.empty((len(texts), dimension), dtype=np.float32)
    out[order] = done.numpy()
    return out


def model_inputs(ids, lengths, names: Sequence[str]) -> dict:
    """The model's inputs for int64 ids and their lengths already on the device: the mask is built there, token
    types are all 0 (one segment)."""
    import torch

    features = {"input_ids": ids,
                "attention_mask": (torch.arange(ids.shape[1], device=ids.device)[None, :] < lengths[:, None]).long()}
    if "token_type_ids" in names:
        features["token_type_ids"] = torch.zeros_like(ids)
    return features


def _thread_feed(texts: list[str], batches: list[np.ndarray], tokens: Tokens, pin: bool, depth: int) -> Iterator:
    """Batches tokenized by a background thread, at most `depth` ahead of the consumer."""
    import torch

    handed: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def offer(item) -> bool:
        while not stop.is_set():  # a consumer that gave up must not leave this thread blocked for ever
            try:
                handed.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                ids, lengths = tokens.ids([texts[j] for j in batch], multiple=8)
                ids, lengths = torch.from_numpy(ids), torch.from_numpy(lengths)
                if pin:  # pinned here, so the consumer's copy to the device can be asynchronous
                    ids, lengths = ids.pin_memory(), lengths.pin_memory()
                if not offer((ids, lengths)):
                    return
            offer(None)
        except BaseException as error:  # handed to the consumer, which raises it
            offer(error)

    worker = threading.Thread(target=produce, name="gpu-feed", daemon=True)
    worker.start()
    try:
        while (item := handed.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _process_feed(texts: list[str], batches: list[np.ndarray], tokens: Tokens, pin: bool, workers: int, prefetch: int):
    import torch

    return torch.utils.data.DataLoader(
        _TokenizedBatches(texts, batches, tokens), batch_size=None, num_workers=max(1, workers),
        pin_memory=pin, prefetch_factor=prefetch,
        # fork: the workers inherit the tokenizer (no re-import of this module) and never touch CUDA.
        worker_init_fn=_one_thread_per_worker, multiprocessing_context="fork")


def _one_thread_per_worker(worker_id: int) -> None:
    # The workers are the parallelism; a Rust thread pool in each of them would only oversubscribe the cores.
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    os.environ["RAYON_NUM_THREADS"] = "1"


class _TokenizedBatches:
    """A map-style dataset whose items are whole batches: (int32 ids padded to a multiple of 8, lengths)."""

    def __init__(self, texts: list[str], batches: list[np.ndarray], tokens: Tokens):
        self.texts, self.batches, self.tokens = texts, batches, tokens

    def __len__(self) -> int:
        return len(self.batches)

    def __getitem__(self, i: int):
        import torch

        ids, lengths = self.tokens.ids([self.texts[j] for j in self.batches[i]], multiple=8)
        return torch.from_numpy(ids), torch.from_numpy(lengths)
