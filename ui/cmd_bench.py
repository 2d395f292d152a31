"""The `readouts bench` verb: speed, memory and recall figures in one run (eval/bench.py)."""
from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("READOUTS_SHARED", REPO.parent / "shared"))


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="benchmark ingest, search, ask, memory and recall at 1x/10x/100x the corpus",
                       description="Ingests the corpus into a scratch index (nothing is written to --index), then "
                                   "measures search and ask on scaled copies. Takes ~20 minutes on 2 cores at the defaults.")
    p.add_argument("--corpus", nargs="+", default=[str(SHARED / "corpus"), str(SHARED / "seeds")],
                   help="files or folders to ingest (default: ../shared/corpus and ../shared/seeds; env READOUTS_SHARED)")
    p.add_argument("--scale", nargs="+", type=int, default=[1, 10, 100], help="corpus multiples (default 1 10 100)")
    p.add_argument("--device", default=os.environ.get("READOUTS_DEVICE", "cpu"), help="cpu or cuda (env READOUTS_DEVICE)")
    p.add_argument("--backend", default=os.environ.get("READOUTS_BACKEND", "torch"),
                   choices=("torch", "openvino", "openvino-int8", "onnx", "onnx-int8"),
                   help="embedding backend (env READOUTS_BACKEND; default torch)")
    p.add_argument("--questions", default=str(REPO / "eval" / "questions" / "readouts.jsonl"),
                   help="question set: its questions are the queries and its gold gives Recall@5")
    p.add_argument("--queries", type=int, default=100, help="queries timed per scale (default %(default)s)")
    p.add_argument("--limit", type=int, help="only the first N readouts of the corpus (quick runs)")
    p.add_argument("--work", help="scratch folder for the benchmark's indexes (default: a temporary folder, removed)")
    p.add_argument("--no-threshold", action="store_true", help="skip the exact-vs-IVF table by corpus size")
    p.add_argument("--out", help="markdown file for the figures (between <!-- bench:start/end --> markers if present), "
                                 "e.g. docs/PERFORMANCE.md")
    p.set_defaults(run=run)


def run(args) -> int:
    from eval.bench import BenchSettings, run as run_bench, write_report

    from index.embed import resolve_backend

    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        print(line, flush=True)

    command = "readouts " + " ".join(shlex.quote(a) for a in sys.argv[1:]) if sys.argv[1:2] == ["bench"] else "readouts bench"
    with tempfile.TemporaryDirectory(prefix="readouts-bench-") as scratch:
        settings = BenchSettings(corpus=tuple(args.corpus), work=args.work or scratch, scales=tuple(args.scale),
                                 device=args.device, backend=resolve_backend(args.backend), questions=args.questions,
                                 limit=args.limit, queries=args.queries, threshold_table=not args.no_threshold)
        run_bench(settings, say, command)
    if args.out:
        write_report(Path(args.out), lines)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
