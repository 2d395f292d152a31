"""The `readouts ingest` and `readouts remove` verbs: the two that write an index."""
from __future__ import annotations

import argparse
import json
import os
import sys

from index.load import DEFAULT_MAX_RECORD_BYTES, SUPPORTED, load_paths
from index.precision import PRECISIONS, requested_precision
from index.types import InputError


def add_parser(sub) -> None:
    from .cli import add_index_options, add_wait_option

    p = sub.add_parser("ingest", help="add or update readouts from files and folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--context", choices=("title", "none"),
                   help="what a new index embeds before each chunk: its readout's title and date (the default; "
                        "Recall@5 0.920 against 0.888 without, docs/EVAL.md) or nothing")
    p.add_argument("--max-record-mb", type=megabytes,
                   default=os.environ.get("READOUTS_MAX_RECORD_MB", f"{DEFAULT_MAX_RECORD_BYTES / (1024 * 1024):g}"),
                   help="the largest text of one readout, in MB; a bigger one is an error, not loaded "
                        "(env READOUTS_MAX_RECORD_MB; default %(default)s)")
    p.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                   help="chunk and embed on a Ray cluster (the 'ray' extra): ADDRESS of a running one "
                        "('auto', 'HOST:6379'), or none for a local one; this process still writes the index")
    p.add_argument("--ray-actors", type=int, default=int(os.environ.get("READOUTS_RAY_ACTORS", "2")), metavar="N",
                   help="encoder actors on the cluster, and chunking tasks at a time (env READOUTS_RAY_ACTORS; "
                        "default %(default)s)")
    p.add_argument("--ray-gpus", type=float, default=0.0, metavar="G",
                   help="GPUs per embedding actor (0: CPU actors; default %(default)s)")
    p.add_argument("--precision", type=str.lower, choices=PRECISIONS, default=os.environ.get("READOUTS_PRECISION", "auto"),
                   help="how new vectors are computed: auto tries what this CPU runs natively (bf16 with AMX or "
                        "AVX512_BF16: OpenVINO's openvino-bf16, then torch's bf16; int8 with VNNI where bf16 is "
                        "not native) and keeps it only if it matches fp32 and is faster "
                        "(env READOUTS_PRECISION; default %(default)s; the choice shows in `readouts stats`)")
    add_index_options(p)
    add_wait_option(p)
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("remove", help="delete readouts by id")
    p.add_argument("ids", nargs="+")
    add_index_options(p)
    add_wait_option(p)
    p.set_defaults(run=cmd_remove)


def megabytes(text: str) -> float:
    """--max-record-mb: a positive, finite number of megabytes (MiB, as the load errors count them)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, got {text!r}")
    return value


def cmd_ingest(args) -> int:
    from dataclasses import replace

    from tqdm import tqdm

    from index.ingest import IngestReport

    # Load before opening the index: input with no readout files then creates no index folder and loads
    # no model, and the size limit reaches load_paths (Library.ingest_paths does not take it).
    precision = requested_precision(args.precision)  # a bad READOUTS_PRECISION fails before anything loads
    loaded = load_paths(args.paths, max_record_bytes=int(args.max_record_mb * 1024 * 1024))
    failed = tuple(str(error) for error in loaded.errors)
    if not loaded.files:
        failed += (f"no readout files found in {', '.join(args.paths)} (supported: {', '.join(SUPPORTED)})",)
        for message in failed:
            print(f"error: {message}", file=sys.stderr)
        if args.json:
            print(json.dumps(IngestReport(failed=failed).to_json()))
        return 1
    library = _open(args, create=True)
    bar, shown = None, ""

    def progress(done: int, total: int, stage: str = "embedding") -> None:
        nonlocal bar, shown
        if bar is not None and shown != stage:
            bar.close()
            bar = None
        if bar is None and total:
            bar = tqdm(total=total, unit="chunk" if stage == "embedding" else "readout", desc=stage,
                       disable=args.quiet)
            shown = stage
        if bar is not None:
            bar.n = done
            bar.refresh()

    if args.ray:
        report = replace(_ingest_on_ray(args, library, loaded.readouts, progress), failed=failed)
    else:
        report = replace(library.ingest(loaded.readouts, progress, wait=args.wait, precision=precision), failed=failed)
    if bar is not None:
        bar.close()
    for message in report.failed:
        print(f"error: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json()))
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def _ingest_on_ray(args, library, readouts, progress):
    """The same ingest with chunking and embedding on a Ray cluster (the optional extra; imported only here)."""
    try:
        import ray
    except ImportError:
        raise InputError("--ray needs the Ray extra: pip install 'readouts-qa[ray]'") from None
    from index.ray_ingest import connect, ingest_ray

    started = connect(None if args.ray == "local" else args.ray)
    try:
        return ingest_ray(library, readouts, actors=args.ray_actors, gpus_per_actor=args.ray_gpus,
                          progress=progress, wait=args.wait)
    finally:
        if started:
            ray.shutdown()


def cmd_remove(args) -> int:
    library = _open(args)
    removed, unknown = library.remove(args.ids, wait=args.wait)
    for readout_id in unknown:
        print(f"error: no readout {readout_id!r} in {args.index}", file=sys.stderr)
    print(f"removed {len(removed)}, unknown {len(unknown)}", file=sys.stderr)
    return 1 if unknown else 0


def _open(args, create: bool = False):
    from .cli import open_library

    return open_library(args, create)
