"""The machine a benchmark runs on and the memory and disk it measures: CPU and its SIMD features, resident and
anonymous memory of this process, percentiles in milliseconds, the size of an index folder (eval/bench.py)."""
from __future__ import annotations

import os
import platform
import resource
from pathlib import Path

import numpy as np

from index.precision import cpu_features, cpu_name


def describe_machine() -> str:
    """CPU (with the SIMD features that decide int8 speed), cores, memory, load and library versions."""
    import faiss
    import torch

    flags = cpu_features()
    simd = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8") if f in flags]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu_name() or platform.processor()} ({'/'.join(simd) or 'no AVX2'}), {os.cpu_count()} cores, "
            f"{memory:.0f} GiB; load average {load}; Python {platform.python_version()}, torch {torch.__version__}, "
            f"faiss {faiss.__version__}")


def rss_mib() -> float:
    """Current resident memory of this process (Linux), else its peak; freed heap is returned to the OS first."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)  # what open() read from SQLite and let go is not index memory
    except (OSError, AttributeError):
        pass
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mib()


def anonymous_mib() -> float:
    """Anonymous resident memory of this process (Linux; NaN elsewhere): the heap the index holds, without
    the clean file pages of mmapped SQLite and FAISS files that RSS also counts (the kernel drops those under
    pressure and reads them again)."""
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Anonymous:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values, q: float) -> float:
    return float(np.percentile(values, q)) * 1000 if len(values) else float("nan")


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in Path(folder).iterdir() if p.is_file()) / 2**20
