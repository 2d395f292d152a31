"""Which numeric precision an ingest embeds with: fp32, or a faster one the CPU runs natively.

`--precision auto` (the default) tries only candidates this CPU has instructions for: bf16 (the
OpenVINO export with bf16 inference, "openvino-bf16", and torch with bf16 weights, "bf16") needs AMX or
AVX512_BF16 (on AVX2 it is emulated, slower than fp32); int8 (ONNX Runtime) needs VNNI or AMX and is
tried only where bf16 is not native (without them int8 products run about as fast as fp32 FMA;
docs/PERFORMANCE.md). A candidate is timed
against fp32 on a sample of the texts being ingested and kept only when its vectors match fp32
(cosine >= MIN_COSINE for every sampled text) and it is measurably faster (>= MIN_SPEEDUP).
The choice, with why and what was measured, is recorded in the index (meta, manifest, stats).
"""
from __future__ import annotations

import importlib.util
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .types import InputError

PRECISIONS = ("auto", "fp32", "bf16", "int8", "openvino-bf16")
MIN_COSINE = 0.999
# Timings on a shared machine move by ~10% run to run: a smaller gain is not "measurably faster".
MIN_SPEEDUP = 1.15
# Below this many texts the trial (fp32 + each candidate on the sample) costs more than it could save.
TRIAL_MIN_TEXTS = 1000
# The trial's cost is paid by every ingest: on a 2-core AMX Xeon 64 texts took 3.6-4.1 s of a 36 s corpus ingest (fp32,
# openvino-bf16 and bf16 each on the sample, with warm-ups), 32 took 1.9-2.0 s; the speed-ups it measures (2.5-3.6x)
# stand far above MIN_SPEEDUP either way.
TRIAL_SAMPLE = 32
WARM_UP = 8  # first calls build kernels (oneDNN, ONNX Runtime); they are not timed
# Fastest first where each was measured (docs/PERFORMANCE.md, "Precision"): on a 2-core AMX Xeon OpenVINO
# with bf16 inference encoded corpus chunks 3.3x fp32 torch (min cosine 0.99997), torch with bf16 weights 2.8x.
NATIVE = {"openvino-bf16": ("amx_bf16", "avx512_bf16"), "bf16": ("amx_bf16", "avx512_bf16"),
          "int8": ("amx_int8", "avx512_vnni", "avx_vnni")}
NEEDS = {"openvino-bf16": ("openvino",), "int8": ("onnxruntime", "onnx")}  # optional packages


@dataclass(frozen=True)
class Choice:
    """The precision an ingest used, and why; speed-up and cosine are None when nothing was timed."""

    requested: str
    precision: str
    reason: str
    speedup: float | None = None
    min_cosine: float | None = None
    sample: int = 0
    cpu: str = ""
    capability: str = ""

    def to_json(self) -> dict:
        return asdict(self)


def cpu_features(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The CPU's instruction-set flags (empty where /proc/cpuinfo does not exist)."""
    try:
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("flags"):
                return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


def cpu_name(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    try:
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def capability() -> str:
    """Torch's own reading of the CPU ("AVX2", "AVX512", "AMX"...), or "" without torch."""
    try:
        import torch

        return str(torch.backends.cpu.get_cpu_capability())
    except Exception:  # an old torch without the call: the flags still decide
        return ""


def native_candidates(features: frozenset[str]) -> list[str]:
    """Candidates this CPU runs natively, fastest first (bf16 keeps more accuracy than int8).

    int8 is tried only where bf16 is not native: where both were, bf16 was the faster (AMX Xeon 2.9x
    fp32 against int8 0.6-0.7x; AVX512_BF16 EPYC 1.7x against 1.2x) and int8 never met the cosine bar
    (0.985-0.988 < 0.999), while its trial (ONNX export and session) cost 6-8 s of every ingest."""
    found = [name for name, flags in NATIVE.items() if features & set(flags)
             and all(importlib.util.find_spec(m) for m in NEEDS.get(name, ()))]
    if "bf16" in found and "int8" in found:
        found.remove("int8")
    return found


def requested_precision(value: str | None) -> str:
    """The --precision value, else READOUTS_PRECISION, else auto; an unknown name is an InputError."""
    value = (value or os.environ.get("READOUTS_PRECISION") or "auto").lower()
    if value not in PRECISIONS:
        raise InputError(f"precision must be one of {', '.join(PRECISIONS)}, got {value!r}")
    return value


def check_forced(requested: str, features: frozenset[str], name: str = "") -> None:
    """Refuse a forced precision the CPU cannot run natively (bf16 only: emulated bf16 is slower than fp32)."""
    if requested in ("bf16", "openvino-bf16") and not features & set(NATIVE["bf16"]):
        raise InputError(f"--precision {requested}: this CPU ({name or 'unknown'}) has no native bf16 (AMX or "
                         "AVX512_BF16); it would be emulated, slower than fp32. Use --precision auto or fp32")
    missing = [m for m in NEEDS.get(requested, ()) if not importlib.util.find_spec(m)]
    if missing:
        raise InputError(f"--precision {requested} needs {', '.join(missing)}: pip install 'readouts-qa[openvino]' "
                         "(scripts/setup installs it), or use --precision auto or fp32")


def check(requested: str, embedder, features: frozenset[str] | None = None) -> None:
    """Raise InputError for a precision that cannot be used here, before anything is read or written."""
    if requested not in PRECISIONS:
        raise InputError(f"precision must be one of {', '.join(PRECISIONS)}, got {requested!r}")
    if requested in ("auto", "fp32"):
        return
    if embedder.backend != "torch" or embedder.device != "cpu":
        raise InputError(f"--precision {requested} applies to the torch backend on the CPU, "
                         f"not {embedder.backend} on {embedder.device}")
    check_forced(requested, cpu_features() if features is None else features, cpu_name())


def decide(fp32_seconds: float, trials: dict[str, tuple[float, float]]) -> tuple[str, str, float | None, float | None]:
    """(precision, reason, speed-up, min cosine) from timed trials {candidate: (seconds, min cosine)}."""
    verdicts, best = [], None
    for name, (seconds, cosine) in trials.items():
        speedup = fp32_seconds / seconds if seconds > 0 else 0.0
        if cosine < MIN_COSINE:
            verdicts.append(f"{name} {speedup:.2f}x but min cosine {cosine:.4f} < {MIN_COSINE}")
        elif speedup < MIN_SPEEDUP:
            verdicts.append(f"{name} min cosine {cosine:.4f} but only {speedup:.2f}x (< {MIN_SPEEDUP}x)")
        else:
            verdicts.append(f"{name} {speedup:.2f}x, min cosine {cosine:.4f}")
            if best is None or speedup > best[1]:
                best = (name, speedup, cosine)
    if best is None:
        name, (seconds, cosine) = min(trials.items(), key=lambda item: item[1][0])
        return "fp32", "kept fp32: " + "; ".join(verdicts), fp32_seconds / seconds, cosine
    return best[0], "chose " + best[0] + ": " + "; ".join(verdicts), best[1], best[2]


def choose(requested: str, embedder, texts: Sequence[str], features: frozenset[str] | None = None,
           clock: Callable[[], float] = time.perf_counter) -> Choice:
    """The precision to ingest `texts` with (see the module docstring); forced values are checked, not timed."""
    features = cpu_features() if features is None else features
    check(requested, embedder, features)
    about = {"cpu": cpu_name(), "capability": capability()}
    if embedder.backend != "torch" or embedder.device != "cpu":
        return Choice(requested, "fp32", f"backend {embedder.backend} on {embedder.device} sets its own precision", **about)
    if requested != "auto":
        return Choice(requested, requested, "forced", **about)
    candidates = native_candidates(features)
    if not candidates:
        return Choice(requested, "fp32", "no native bf16 (AMX, AVX512_BF16) or int8 (VNNI, AMX) on this CPU", **about)
    if len(texts) < TRIAL_MIN_TEXTS:
        return Choice(requested, "fp32", f"small ingest ({len(texts)} texts < {TRIAL_MIN_TEXTS}): not timed; "
                      f"would try {', '.join(candidates)}", **about)
    # Spread over the input so short and long paragraphs are both timed.
    sample = [texts[i] for i in np.linspace(0, len(texts) - 1, TRIAL_SAMPLE).astype(int)]
    reference, fp32_seconds = _timed(embedder, sample, "fp32", clock)
    trials = {}
    for name in candidates:
        vectors, seconds = _timed(embedder, sample, name, clock)
        trials[name] = (seconds, float(np.min(np.sum(vectors * reference, axis=1))))
    precision, reason, speedup, cosine = decide(fp32_seconds, trials)
    return Choice(requested, precision, reason, round(speedup, 3), round(cosine, 5), len(sample), **about)


def _timed(embedder, texts: Sequence[str], precision: str, clock) -> tuple[np.ndarray, float]:
    embedder.encode(texts[:WARM_UP], precision=precision)
    start = clock()
    vectors = embedder.encode(texts, precision=precision)
    return vectors, clock() - start
