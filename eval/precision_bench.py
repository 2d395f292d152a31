"""fp32 against each precision candidate on N corpus paragraphs, side by side in one run.

    python -m eval.precision_bench --index .test-index/corpus -n 400 --rounds 2
    python -m eval.precision_bench --ingest --rounds 1      # whole-corpus ingest (auto) against raw fp32 encode

Each round encodes the paragraphs in blocks of 10, every precision in turn on each block (so a busy
shared machine slows them alike), after an untimed warm-up; CPU time is counted beside wall-clock. Prints paragraphs/s, the ratio to fp32 in the
same round, the min and mean cosine with fp32, whether each question's top paragraph is the same,
and what `--precision auto` would decide on this CPU. Candidates are run here even where the CPU
has no native support, to show why auto leaves them out.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]


def paragraphs(index: Path, count: int) -> list[str]:
    """`count` paragraphs spread over the index (id order), as stored."""
    db = sqlite3.connect(index / "readouts.sqlite")
    total = db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    step = max(1, total // count)
    rows = db.execute("SELECT text FROM paragraphs WHERE id % ? = 0 ORDER BY id LIMIT ?", (step, count)).fetchall()
    db.close()
    return [r[0] for r in rows]


def questions(count: int) -> list[str]:
    path = REPO / "eval" / "questions" / "readouts.jsonl"
    return [json.loads(line)["question"] for line in path.read_text().splitlines()[:count] if line.strip()]


def run(index: Path, count: int, rounds: int, precisions: list[str], say=print, block: int = 10) -> dict:
    from index.embed import Embedder
    from index.precision import capability, choose, cpu_features, cpu_name, native_candidates

    features = cpu_features()
    say(f"CPU: {cpu_name()}; torch capability {capability()}; native candidates: "
        f"{', '.join(native_candidates(features)) or 'none'}")
    embedder = Embedder()
    texts = paragraphs(index, count)
    asked = questions(40)
    say(f"{len(texts)} corpus paragraphs, {len(asked)} questions, {rounds} rounds in blocks of {block}")
    say("| precision | paragraphs/s | per CPU-second | ratio to fp32 | per CPU-second | min cosine | mean cosine | same top hit |")
    say("|---|---|---|---|---|---|---|---|")
    for name in precisions:  # warm-up: kernels, exports
        embedder.encode(texts[:8], precision=name)
    # Blocks of `block` paragraphs, every precision in turn on each: on a shared machine the load moves
    # within seconds, and CPU time (all threads of this process) is counted beside wall-clock.
    wall = {name: 0.0 for name in precisions}
    cpu = {name: 0.0 for name in precisions}
    parts = {name: [] for name in precisions}
    for round_ in range(rounds):
        for start in range(0, len(texts), block):
            for name in precisions:
                started, started_cpu = time.perf_counter(), time.process_time()
                vectors = embedder.encode(texts[start:start + block], precision=name)
                wall[name] += time.perf_counter() - started
                cpu[name] += time.process_time() - started_cpu
                if round_ == 0:
                    parts[name].append(vectors)
    done = rounds * len(texts)
    reference = np.concatenate(parts["fp32"])
    query = embedder.encode(asked)  # questions in fp32, as searches embed them
    top = np.argmax(query @ reference.T, axis=1)
    out = {}
    for name in precisions:
        vectors = np.concatenate(parts[name])
        cosine = np.sum(vectors * reference, axis=1)
        same_top = float(np.mean(np.argmax(query @ vectors.T, axis=1) == top))
        out[name] = {"per_s": done / wall[name], "per_cpu_s": done / cpu[name], "ratio": wall["fp32"] / wall[name],
                     "ratio_cpu": cpu["fp32"] / cpu[name], "min_cosine": float(cosine.min()),
                     "mean_cosine": float(cosine.mean()), "same_top": same_top}
        say(f"| {name} | {out[name]['per_s']:.1f} | {out[name]['per_cpu_s']:.1f} | {out[name]['ratio']:.2f}x | "
            f"{out[name]['ratio_cpu']:.2f}x | {cosine.min():.5f} | {cosine.mean():.6f} | {same_top:.3f} |")
    choice = choose("auto", embedder, texts * max(1, -(-1000 // len(texts))))
    say(f"--precision auto on this CPU: {choice.precision} ({choice.reason})")
    return out


def ingest_ratio(corpus: list[str], limit: int | None, rounds: int, say=print) -> list[dict]:
    """The issue's ingest target: a whole ingest with `--precision auto` (one trial, then the chosen precision for
    every chunk) against plain fp32 `SentenceTransformer.encode` of the same chunk texts, in the same run
    (each round a fresh scratch index; ingest first, then the raw encode)."""
    import tempfile

    from eval.bench import BenchSettings, bench_ingest

    results, embedder = [], None
    for round_ in range(rounds):
        with tempfile.TemporaryDirectory() as scratch:
            settings = BenchSettings(corpus=tuple(corpus), work=scratch, limit=limit)
            out, embedder = bench_ingest(settings, Path(scratch) / "index", say, embedder=embedder, block=10 ** 9)
            from index.api import Library

            library = Library(Path(scratch) / "index", embedder=embedder)
            chosen = library.stats().get("precision") or {}
            library.close()
        out["ratio"] = out["raw_s"] / out["ingest_s"]
        out["precision"] = chosen.get("precision")
        say(f"round {round_ + 1}: ingest with --precision auto ({chosen.get('precision')}: {chosen.get('reason')}) "
            f"{out['ingest_s']:.1f} s against raw fp32 encode {out['raw_s']:.1f} s, same {out['chunks']} chunks: "
            f"**{out['ratio']:.2f}x**")
        results.append(out)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", default=str(REPO / ".test-index" / "corpus"), help="index folder to take paragraphs from")
    parser.add_argument("-n", type=int, default=400, help="paragraphs (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--precisions", nargs="+", default=["fp32", "bf16", "int8"])
    parser.add_argument("--ingest", nargs="*", metavar="PATH",
                        help="instead: time a whole ingest (--precision auto) of these files or folders (default: "
                             "../shared/corpus) against raw fp32 encode of the same chunks")
    parser.add_argument("--limit", type=int, default=None, help="with --ingest: only the first N readouts")
    args = parser.parse_args(argv)
    if args.ingest is not None:
        shared = Path(os.environ.get("READOUTS_SHARED", REPO.parent / "shared"))
        ingest_ratio(args.ingest or [str(shared / "corpus")], args.limit, args.rounds)
        return 0
    run(Path(args.index), args.n, args.rounds, args.precisions)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
