"""Figures for the Ray paths (docs/PERFORMANCE.md): `python -m ui.ray_bench --readouts 120 -n 60 -c 4`.

On one local Ray cluster: ingest the first N corpus readouts locally and with `ingest_ray` (same index
checked bit for bit), then serve that index from 1 and from 2 Ray Serve replicas and run the API load
test (eval/api_load.py) against each, one after the other in one run. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(os.environ.get("READOUTS_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"


def _load_test(port: int, route: str, n: int, clients: int) -> dict:
    from eval import api_load

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        api_load.main(["--url", f"http://127.0.0.1:{port}", "-n", str(n), "-c", str(clients), "--route", route,
                       "--json"])
    return json.loads(out.getvalue().strip().splitlines()[-1])


def _rows(folder: Path) -> list:
    db = sqlite3.connect(folder / "readouts.sqlite")
    try:
        return db.execute("SELECT id, paragraph_id, part, text_hash, vector FROM chunks ORDER BY id").fetchall()
    finally:
        db.close()


def writer_stages(work: Path, readouts) -> dict:
    """Per-stage rates of what the Ray path leaves on one core each (chunking, metadata) and on the one
    writer (SQLite commits, caches), with stand-in unit vectors: writing does not look at their values."""
    import numpy as np

    from index import readout_meta
    from index.api import Library
    from index.chunk import chunk_readout, embedded_text
    from index.ingest import commit_batch, finish, hash_text, plan

    library = Library(work / "writer")
    store, settings, embedder = library.store, library.chunking, library.embedder
    fits = lambda text: embedder.count_tokens(text) <= embedder.max_tokens  # noqa: E731
    with store.writing():
        stored, todo, unchanged, old_dates = plan(store, readouts)
        started = time.process_time()
        planned = [(r, d, chunk_readout(r, settings, fits)) for r, d in todo]
        chunk_s = time.process_time() - started
        started = time.process_time()
        metas = [readout_meta.extract(r) for r, _, _ in planned]
        meta_s = time.process_time() - started
        rng = np.random.default_rng(0)
        started = time.perf_counter()
        for i in range(0, len(planned), 256):
            batch = planned[i:i + 256]
            texts = [embedded_text(c, r, settings) for r, _, chunks in batch for c in chunks]
            vectors = rng.standard_normal((len(texts), store.settings["dimension"])).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            commit_batch(store, batch, [hash_text(t) for t in texts], vectors, metas[i:i + 256])
        commit_s = time.perf_counter() - started
        started = time.perf_counter()
        finish(store, planned, stored, unchanged, old_dates, 0)
        finish_s = time.perf_counter() - started
    paragraphs = sum(len(r.paragraphs) for r, _, _ in planned)
    chunks = sum(len(c) for _, _, c in planned)
    library.close()
    return {"readouts": len(planned), "paragraphs": paragraphs, "chunks": chunks,
            "chunk_paragraphs_per_cpu_s": round(paragraphs / chunk_s),
            "metadata_readouts_per_cpu_s": round(len(planned) / meta_s),
            "writer_paragraphs_per_s": round(paragraphs / commit_s), "writer_commit_s": round(commit_s, 1),
            "finish_relink_and_caches_s": round(finish_s, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readouts", type=int, default=120, help="corpus readouts to ingest (default %(default)s)")
    parser.add_argument("-n", type=int, default=60, help="requests per load test (default %(default)s)")
    parser.add_argument("-c", type=int, default=4, help="concurrent clients (default %(default)s)")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray cluster (default %(default)s)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--writer", action="store_true",
                        help="only the per-stage rates of chunking, metadata and the one writer "
                             "(the whole corpus, no Ray)")
    args = parser.parse_args(argv)
    if args.writer:
        from index.load import load_paths

        work = Path(tempfile.mkdtemp(prefix="ray-bench-"))
        try:
            print(json.dumps(writer_stages(work, load_paths([CORPUS]).readouts)))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0

    import ray
    from ray import serve

    from index.api import Library
    from index.load import load_paths
    from index.ray_ingest import connect, ingest_ray

    from . import ray_serve

    lines = []
    for name in ("state_department_readouts.jsonl", "whitehouse_readouts.jsonl"):
        lines += (CORPUS / name).read_text(encoding="utf-8").splitlines()
    work = Path(tempfile.mkdtemp(prefix="ray-bench-"))
    source = work / "readouts.jsonl"
    source.write_text("\n".join(lines[:args.readouts]) + "\n", encoding="utf-8")
    readouts = load_paths([source]).readouts
    result: dict = {"readouts": len(readouts), "cpus": args.cpus, "machine_cores": os.cpu_count()}
    connect(num_cpus=args.cpus)
    try:
        local = Library(work / "local")
        started = time.perf_counter()
        report = local.ingest(readouts)
        result["ingest_local_s"] = round(time.perf_counter() - started, 1)
        result["chunks_embedded"] = report.embedded
        distributed = Library(work / "ray", embedder=local.embedder)
        started = time.perf_counter()
        ingest_ray(distributed, readouts, actors=args.cpus)
        result["ingest_ray_s"] = round(time.perf_counter() - started, 1)
        result["ray_index_bit_identical"] = _rows(work / "local") == _rows(work / "ray")
        local.close()
        distributed.close()
        for replicas in (1, 2):
            ray_serve.start(str(work / "local"), replicas, port=args.port, cpus_per_replica=args.cpus / 2)
            result[f"replicas_{replicas}"] = {route: _load_test(args.port, route, args.n, args.c)
                                              for route in ("search", "ask")}
            print(f"{replicas} replica(s): {json.dumps(result[f'replicas_{replicas}'])}", file=sys.stderr, flush=True)
    finally:
        with contextlib.suppress(Exception):
            serve.shutdown()
        ray.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
