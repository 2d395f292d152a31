"""Ingest on a Ray cluster: chunking (Ray Data tasks) and embedding (an actor pool), one writer.

Needs the optional extra (`pip install 'readouts-qa[ray]'`); nothing else in the project imports this
module, so the default install and the default `readouts` path never load Ray.

The result is the index a local `Library.ingest` would build, id for id and bit for bit: the batch
composition of the model's forward passes changes float results in the last bits (~1e-7 measured),
so the texts each encoder actor receives are exactly the list the local path hands to
`Embedder.encode` for the same 256-readout batch (its distinct texts that neither the index nor an
earlier batch leaves in it). That dedup needs the index, so a run goes in windows of batches:
  1. chunk tasks: readouts -> chunks, model-input texts, text hashes, metadata (the CPU-heavy part
     of chunking is counting tokens);
  2. the driver: which texts are new, in the local path's order (one SQLite lookup a batch);
  3. encoder actors (CPU or GPU, the model loaded once per actor): the new texts -> vectors;
  4. the driver, the one writer: commits batch after batch in order under the folder's write lock,
     as `Library.ingest` does (same transactions, same generation bumps, caches saved at the end),
     while steps 1-3 run for the next window.
"""
from __future__ import annotations

import os
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np

from . import readout_meta
from .chunk import ChunkSettings, chunk_readout, embedded_text
from .embed import Embedder
from .ingest import IngestReport, Progress, commit_batch, finish, hash_text, plan, stored_vectors
from .types import Readout

BATCH_READOUTS = 256  # as index.ingest.ingest: the unit of a commit and of one encode call
WINDOW_BATCHES = 16  # batches per window: the driver holds one window's texts and vectors (~4k readouts)
LOCAL_OBJECT_STORE_MB = 300  # a local cluster on a shared machine: Ray's default takes 30% of memory


def connect(address: str | None = None, num_cpus: int | None = None) -> bool:
    """Start a local Ray cluster (address None or "local") or join one; True when this call started Ray."""
    import ray

    if ray.is_initialized():
        return False
    if address in (None, "", "local"):
        # Workers import this checkout, not whatever `readouts-qa` the interpreter would find first.
        root = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
        ray.init(num_cpus=num_cpus or int(os.environ.get("READOUTS_RAY_CPUS", os.cpu_count() or 2)),
                 object_store_memory=int(os.environ.get("READOUTS_RAY_OBJECT_STORE_MB", LOCAL_OBJECT_STORE_MB)) << 20,
                 include_dashboard=False, log_to_driver=False,
                 runtime_env={"env_vars": {"PYTHONPATH": path, "TOKENIZERS_PARALLELISM": "false"}})
    else:
        # A real cluster: every node needs the same `readouts-qa[ray]` install (and the model) as the driver.
        ray.init(address=address, log_to_driver=False)
    return True


def chunk(batch: dict, tokens, max_tokens: int, settings: ChunkSettings) -> dict:
    """A Ray Data task (no model, so no actor to keep): each row, one ingest batch of (readout, digest),
    becomes its chunks, model-input texts, text hashes and metadata."""
    fits = lambda text: tokens.count(text) <= max_tokens  # noqa: E731  as Embedder.count_tokens in index.ingest
    out = []
    for payload in batch["payload"]:
        todo = pickle.loads(payload)
        rows = [(readout, digest, chunk_readout(readout, settings, fits)) for readout, digest in todo]
        texts = [embedded_text(c, r, settings) for r, _, chunks in rows for c in chunks]
        # Metadata extraction (~2 ms a readout) is per readout too: here it runs on the cluster.
        metas = [readout_meta.extract(r) for r, _, _ in rows]
        out.append(pickle.dumps((rows, texts, [hash_text(t) for t in texts], metas)))
    return {"k": batch["k"], "payload": np.array(out, dtype=object)}


class Encoder:
    """A Ray Data actor holding the model: one row is the list of new texts of one ingest batch."""

    def __init__(self, model: str, device: str, backend: str, batch_size: int):
        # query_backend=backend: an encoder never embeds single queries, so it needs no ONNX export.
        self.embedder = Embedder(model, device=device, backend=backend, batch_size=batch_size, query_backend=backend)

    def __call__(self, batch: dict) -> dict:
        out = [pickle.dumps(self.embedder.encode(pickle.loads(payload))) for payload in batch["payload"]]
        return {"k": batch["k"], "payload": np.array(out, dtype=object)}


def ingest_ray(library, readouts: Sequence[Readout], actors: int = 2, gpus_per_actor: float = 0.0,
               progress: Progress | None = None, wait: float = 0.0, window: int = WINDOW_BATCHES,
               batch_readouts: int = BATCH_READOUTS) -> IngestReport:
    """`library.ingest(readouts)` with chunking and embedding on the connected Ray cluster (see `connect`).

    `batch_readouts` must equal the local ingest's `batch_size` for the vectors to match it bit for bit.
    """
    store, embedder, settings = library.store, library.embedder, library.chunking
    chunking = {"tokens": embedder.tokens, "max_tokens": embedder.max_tokens, "settings": settings}
    encoding = {"model": embedder.name, "device": "cuda" if gpus_per_actor else "cpu", "backend": embedder.backend,
                "batch_size": embedder.batch_size}
    with store.writing(wait):
        stored, todo, unchanged, old_dates = plan(store, readouts)
        batches = [todo[i:i + batch_readouts] for i in range(0, len(todo), batch_readouts)]
        windows = [batches[i:i + window] for i in range(0, len(batches), window)]
        earlier = _Earlier()

        def prepare(part: list) -> tuple[list, list, dict]:
            chunked = _run(chunk, part, actors, 0.0, chunking)
            new = [earlier.new_texts(store, rows, hashes) for rows, _, hashes, _ in chunked]
            jobs = {k: [chunked[k][1][i] for i in first.values()] for k, first in enumerate(new) if first}
            if not jobs:
                return chunked, new, {}
            return chunked, new, dict(zip(jobs, _run(Encoder, list(jobs.values()), actors, gpus_per_actor, encoding)))

        planned, embedded = [], 0
        # The cluster chunks and embeds window w+1 while this thread writes window w: which texts are
        # new does not depend on whether the earlier windows are written yet (see _Earlier).
        with ThreadPoolExecutor(1) as ahead:
            coming = ahead.submit(prepare, windows[0]) if windows else None
            for w in range(len(windows)):
                chunked, new, fresh = coming.result()
                if w + 1 < len(windows):
                    coming = ahead.submit(prepare, windows[w + 1])
                for k, (rows, _, hashes, metas) in enumerate(chunked):
                    commit_batch(store, rows, hashes, _assemble(store, hashes, new[k], fresh.get(k)), metas)
                    planned.extend(rows)
                    embedded += len(new[k])
                    if progress:  # readouts written: the number of chunks is known only once all are chunked
                        progress(len(planned), len(todo), "written")
        return finish(store, planned, stored, unchanged, old_dates, embedded)


class _Earlier:
    """What the local ingest's lookup would find for batch k once batches 1..k-1 were written: stored
    texts of readouts no earlier batch replaced, plus every text an earlier batch writes."""

    def __init__(self) -> None:
        self.written: set[str] = set()  # hashes of earlier batches (embedded or reused: all get written)
        self.replaced: set[str] = set()  # readout ids of earlier batches: their stored rows are gone by then

    def new_texts(self, store, rows: list, hashes: list[str]) -> dict[str, int]:
        """{hash: position of its first text} of the texts batch `rows` must embed, in the local order."""
        survives = set(self.written)
        unique = list(dict.fromkeys(hashes))
        for i in range(0, len(unique), 500):
            part = unique[i:i + 500]
            found = store.db.execute(
                "SELECT c.text_hash, p.readout_id FROM chunks c JOIN paragraphs p ON p.id = c.paragraph_id "
                f"WHERE c.text_hash IN ({','.join('?' * len(part))})", part)
            survives.update(digest for digest, readout_id in found if readout_id not in self.replaced)
        first: dict[str, int] = {}
        for i, digest in enumerate(hashes):
            if digest not in survives:
                first.setdefault(digest, i)
        self.written.update(hashes)
        self.replaced.update(readout.id for readout, _, _ in rows)
        return first


def _assemble(store, hashes: list[str], first: dict[str, int], fresh: np.ndarray | None) -> np.ndarray:
    """One vector per text: the freshly embedded one, else the one the index holds (as the local path)."""
    computed = dict(zip(first, fresh)) if fresh is not None else {}
    known = stored_vectors(store, [h for h in hashes if h not in computed])
    out = np.zeros((len(hashes), store.settings["dimension"]), dtype=np.float32)
    for i, digest in enumerate(hashes):
        out[i] = computed[digest] if digest in computed else np.frombuffer(known[digest], dtype=np.float32)
    return out


def _run(step, items: list, actors: int, gpus: float, arguments: dict) -> list:
    """items through `step`, one item a call, results in item order: a class runs as a pool of `actors`
    actors (each builds its state once), a function as up to `actors` tasks at a time."""
    import ray

    ray.data.DataContext.get_current().enable_progress_bars = False  # the caller's progress callback reports
    dataset = ray.data.from_items([{"k": k, "payload": pickle.dumps(item)} for k, item in enumerate(items)],
                                  override_num_blocks=max(1, len(items)))
    size = max(1, min(actors, len(items)))
    if isinstance(step, type):
        options = {"fn_constructor_kwargs": arguments, "compute": ray.data.ActorPoolStrategy(size=size)}
    else:
        options = {"fn_kwargs": arguments, "compute": ray.data.TaskPoolStrategy(size=size)}
    if gpus:
        options.update(num_gpus=gpus, num_cpus=0)
    else:
        options.update(num_cpus=1)
    mapped = dataset.map_batches(step, batch_size=1, **options)
    rows = sorted(mapped.take_all(), key=lambda row: int(row["k"]))
    return [pickle.loads(row["payload"]) for row in rows]
