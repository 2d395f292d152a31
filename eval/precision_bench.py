"""fp32 against each precision candidate on N corpus paragraphs, side by side in one run.

    python -m eval.precision_bench --index .test-index/corpus -n 400 --rounds 2

Each round encodes the same paragraphs with every precision in turn (interleaved, so a busy shared
machine slows them alike), after an untimed warm-up. Prints paragraphs/s, the ratio to fp32 in the
same round, the min and mean cosine with fp32, whether each question's top paragraph is the same,
and what `--precision auto` would decide on this CPU. Candidates are run here even where the CPU
has no native support, to show why auto leaves them out.
"""
from __future__ import annotations

import argparse
import json
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


def run(index: Path, count: int, rounds: int, precisions: list[str], say=print) -> dict:
    from index.embed import Embedder
    from index.precision import capability, choose, cpu_features, cpu_name, native_candidates

    features = cpu_features()
    say(f"CPU: {cpu_name()}; torch capability {capability()}; native candidates: "
        f"{', '.join(native_candidates(features)) or 'none'}")
    embedder = Embedder()
    texts = paragraphs(index, count)
    asked = questions(40)
    say(f"{len(texts)} corpus paragraphs, {len(asked)} questions, {rounds} rounds, precisions {', '.join(precisions)}")
    for name in precisions:  # warm-up: kernels, exports
        embedder.encode(texts[:8], precision=name)
    seconds = {name: [] for name in precisions}
    vectors = {}
    for _ in range(rounds):
        for name in precisions:
            start = time.perf_counter()
            vectors[name] = embedder.encode(texts, precision=name)
            seconds[name].append(time.perf_counter() - start)
    reference = vectors["fp32"]
    query = embedder.encode(asked)  # questions in fp32, as searches embed them
    top = np.argmax(query @ reference.T, axis=1)
    out = {}
    for name in precisions:
        cosine = np.sum(vectors[name] * reference, axis=1)
        ratios = [f / s for f, s in zip(seconds["fp32"], seconds[name])]
        same_top = float(np.mean(np.argmax(query @ vectors[name].T, axis=1) == top))
        out[name] = {"per_s": [len(texts) / s for s in seconds[name]], "ratio": ratios,
                     "min_cosine": float(cosine.min()), "mean_cosine": float(cosine.mean()), "same_top": same_top}
        say(f"{name:5s} {' / '.join(f'{v:6.1f}' for v in out[name]['per_s'])} paragraphs/s   "
            f"ratio to fp32 {' / '.join(f'{r:.2f}x' for r in ratios)}   min cosine {cosine.min():.5f} "
            f"(mean {cosine.mean():.6f})   same top hit {same_top:.3f}")
    choice = choose("auto", embedder, texts * max(1, -(-1000 // len(texts))))
    say(f"--precision auto on this CPU: {choice.precision} ({choice.reason})")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", default=str(REPO / ".test-index" / "corpus"), help="index folder to take paragraphs from")
    parser.add_argument("-n", type=int, default=400, help="paragraphs (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--precisions", nargs="+", default=["fp32", "bf16", "int8"])
    args = parser.parse_args(argv)
    run(Path(args.index), args.n, args.rounds, args.precisions)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
