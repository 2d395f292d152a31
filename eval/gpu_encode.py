"""Encode-only GPU benchmark: plain sentence-transformers in fp32 and fp16 against the fast path of index/embed.py
(tokenizing worker processes, length-sorted batches, pinned memory), on the corpus paragraphs.

Self-contained for the GPU machine (torch, sentence-transformers, tokenizers, numpy; no faiss): the fast path is
loaded from index/embed.py by file path, so the `index` package and its FAISS import are never touched.

    python eval/gpu_encode.py prepare                    # here: .gpu/model (fp16, ~45 MB) + .gpu/paragraphs.jsonl
    python eval/gpu_encode.py --device cpu --limit 200   # here: a smoke test
    python eval/gpu_encode.py --device cuda              # on the GPU machine (carry .gpu)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
GPU = REPO / ".gpu"


def load_embed_module():
    """index/embed.py without index/__init__.py (which would import FAISS): a bare `index` package whose
    modules load on demand from the folder, so embed.py's relative imports (tokens, gpu_feed) still work."""
    import types

    if "index" not in sys.modules:
        package = types.ModuleType("index")
        package.__path__ = [str(REPO / "index")]
        sys.modules["index"] = package
    return importlib.import_module("index.embed")


def prepare(index: str | None) -> None:
    """Save the bundled model in fp16 and the texts ingest embeds (title prefix and all) under .gpu/."""
    sys.path.insert(0, str(REPO))
    from sentence_transformers import SentenceTransformer

    from index.embed import resolve_model

    GPU.mkdir(exist_ok=True)
    model = SentenceTransformer(resolve_model(None)[1], device="cpu")
    model.half().save(str(GPU / "model"))
    texts = _corpus_texts(index, model)
    with open(GPU / "paragraphs.jsonl", "w", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps(text, ensure_ascii=False) + "\n")
    size = sum(p.stat().st_size for p in GPU.rglob("*") if p.is_file()) / 2**20
    print(f"wrote {GPU}/model (fp16) and {len(texts)} paragraphs; {size:.1f} MiB to carry")


def _corpus_texts(index: str | None, model) -> list[str]:
    if index:  # an existing index: its paragraphs with the title prefix ingest adds
        import sqlite3

        db = sqlite3.connect(f"file:{Path(index) / 'readouts.sqlite'}?mode=ro", uri=True)
        rows = db.execute("SELECT r.title, r.date, p.text FROM paragraphs p JOIN readouts r ON r.id = p.readout_id "
                          "ORDER BY p.id").fetchall()
        return [f"{t} ({d}): {x}" if d else f"{t}: {x}" for t, d, x in rows]
    from index.chunk import ChunkSettings, chunk_readout, embedded_text
    from index.load import load_paths

    shared = Path(os.environ.get("READOUTS_SHARED", REPO.parent / "shared"))
    settings, tokenizer = ChunkSettings(), model.tokenizer
    fits = lambda text: len(tokenizer(text, verbose=False)["input_ids"]) <= model.max_seq_length  # noqa: E731
    readouts = load_paths([shared / "corpus", shared / "seeds"]).readouts
    return [embedded_text(c, r, settings) for r in readouts for c in chunk_readout(r, settings, fits)]


def timed(label: str, count: int, call, results: dict, sync) -> np.ndarray | None:
    start = time.perf_counter()
    out = call()
    sync()
    seconds = time.perf_counter() - start
    results[label] = {"paragraphs": count, "seconds": round(seconds, 3), "per_second": round(count / seconds, 1)}
    print(f"{label:<34} {count:>8} paragraphs {seconds:8.2f} s {count / seconds:>10.1f} paragraphs/s", flush=True)
    return out


def run(args) -> dict:
    import sentence_transformers
    import torch

    texts = [json.loads(line) for line in open(GPU / "paragraphs.jsonl", encoding="utf-8")][: args.limit]
    many = texts * args.repeat
    plain = many[: args.plain_limit]
    device = args.device
    sync = (lambda: torch.cuda.synchronize()) if device.startswith("cuda") else (lambda: None)
    name = torch.cuda.get_device_name() if device.startswith("cuda") else platform.processor() or "cpu"
    print(f"device {name}; {os.cpu_count()} CPU cores; torch {torch.__version__}, sentence-transformers "
          f"{sentence_transformers.__version__}, Python {platform.python_version()}")
    print(f"{len(texts)} corpus paragraphs x {args.repeat} = {len(many)} for the fast path, {len(plain)} for plain encode")
    embed = load_embed_module()
    embedder = embed.Embedder(str(GPU / "model"), device=device, workers=args.workers)  # fp16 on CUDA
    model = embedder.model
    results: dict = {"device": name, "cores": os.cpu_count(), "torch": torch.__version__}
    model.encode(texts[:256], batch_size=32)  # warm-up: kernels, allocator
    tokenizer = model.tokenizer
    timed("tokenize only (1 process, batch 32)", len(plain), lambda: [
        tokenizer(plain[i:i + 32], padding=True, truncation=True, max_length=model.max_seq_length, return_tensors="pt")
        for i in range(0, len(plain), 32)], results, sync)
    model.float()
    reference = timed("plain encode fp32 (batch 32)", len(plain), lambda: model.encode(
        plain, batch_size=32, normalize_embeddings=True, convert_to_numpy=True), results, sync)
    if device.startswith("cuda"):
        model.half()
        timed("plain encode fp16 (batch 32)", len(plain), lambda: model.encode(
            plain, batch_size=32, normalize_embeddings=True, convert_to_numpy=True), results, sync)
        timed("plain encode fp16 (batch 512)", len(plain), lambda: model.encode(
            plain, batch_size=512, normalize_embeddings=True, convert_to_numpy=True), results, sync)
    tokens = embedder.tokens
    timed("tokenize only (Rust pool, batch 512)", len(many), lambda: [
        tokens.ids(many[i:i + 512], multiple=8) for i in range(0, len(many), 512)], results, sync)
    fast = {}
    runs = [(feed, batch) for batch in [args.batch, *args.also_batch] for feed in args.feeds]
    for feed, batch in runs:  # warm-up: worker start, new batch shapes
        embedder.encode_fast(texts[:2048], batch_size=batch, feed=feed)
    for round_ in range(args.rounds):  # alternating, so a slow minute of the machine hits every path
        for feed, batch in runs:
            label = f"fast path {feed} ({embedder.workers if feed == 'processes' else 'Rust pool'}, batch {batch})"
            fast[feed, batch] = timed(f"{label} round {round_ + 1}", len(many),
                                      lambda: embedder.encode_fast(many, batch_size=batch, feed=feed), results, sync)
    timed_gpu_only(embedder, many, args.batch, results, sync)
    timed_gpu_only(embedder, many, args.batch, results, sync, multiple=1)
    for (feed, batch), vectors in fast.items():
        cosine = np.sum(vectors[: len(plain)] * reference, axis=1)
        results[f"cosine_{feed}_{batch}_vs_fp32"] = {"min": float(cosine.min()), "mean": float(cosine.mean())}
        print(f"cosine fast path {feed} batch {batch} vs plain fp32: min {cosine.min():.5f}, mean {cosine.mean():.6f}")
    return results


def timed_gpu_only(embedder, texts: list[str], batch: int, results: dict, sync, multiple: int = 8) -> None:
    """The ceiling: the same batches tokenized beforehand and already on the device; only the model runs.
    multiple=1 keeps each batch's width as tokenized, to show what rounding widths up to 8 buys."""
    import torch

    from index.gpu_feed import model_inputs  # (under the bare package load_embed_module set up)

    order = np.argsort([-len(t) for t in texts], kind="stable")
    ready = []
    for i in range(0, len(texts), batch):  # the very batches the fast path makes: widths a multiple of 8
        ids, lengths = embedder.tokens.ids([texts[j] for j in order[i:i + batch]], multiple=multiple)
        ready.append(model_inputs(torch.from_numpy(ids).to(embedder.device).long(),
                                  torch.from_numpy(lengths).to(embedder.device), embedder.tokens.names))

    def forward():
        with torch.inference_mode():
            for features in ready:
                embedder.model(features)["sentence_embedding"]

    timed(f"model only (on device, widths x{multiple})", len(texts), forward, results, sync)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run", choices=("run", "prepare"))
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--limit", type=int, help="only the first N corpus paragraphs")
    parser.add_argument("--repeat", type=int, default=20, help="corpus copies for the fast path (default %(default)s)")
    parser.add_argument("--plain-limit", type=int, default=20_000, help="paragraphs for plain encode (default %(default)s)")
    parser.add_argument("--batch", type=int, default=512, help="fast-path batch size (default %(default)s)")
    parser.add_argument("--also-batch", type=int, nargs="*", default=[1024], help="more batch sizes to time, each feed")
    parser.add_argument("--feeds", nargs="*", default=["threads", "processes"], help="fast-path feeds to time")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds of each fast path (default %(default)s)")
    parser.add_argument("--workers", type=int, help="tokenizing processes (default: cores - 2, at most 16)")
    parser.add_argument("--index", help="prepare: take paragraphs from this index instead of ../shared/corpus")
    out = os.path.join(os.environ["OUT"], "gpu_encode.json") if os.environ.get("OUT") else None
    parser.add_argument("--json", default=out, help="also write the figures here (default $OUT/gpu_encode.json if OUT is set)")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.index)
        return 0
    results = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
