"""The benchmark runs at a tiny scale and prints every figure; no timing is asserted (benchmarks are scripts)."""
from __future__ import annotations

import math

import pytest

from eval.bench import BenchSettings, run, write_report

pytestmark = pytest.mark.slow


def test_bench_prints_its_figures(shared_dir, embedder, tmp_path):
    lines: list[str] = []
    settings = BenchSettings(corpus=(str(shared_dir / "corpus"),), work=str(tmp_path / "work"), scales=(1, 2),
                             limit=12, queries=3, threshold_table=False,
                             questions=str(tmp_path / "missing.jsonl"))  # fixed fallback questions
    result = run(settings, lines.append, "readouts bench --limit 12 --scale 1 2", embedder=embedder)
    text = "\n".join(lines)
    for figure in ("command: readouts bench", "machine:", "paragraphs/s", "pipeline overhead", "1x:", "2x:",
                   "search p50", "ask p50", "search without it", "index memory", "of which anonymous", "peak RSS", "disk", "cold start", "(caches valid;"):
        assert figure in text, figure
    assert set(result["scales"]) == {1, 2}
    assert result["scales"][2]["vectors"] == 2 * result["scales"][1]["vectors"]
    assert all(0 < f["reopen_s"] for f in result["scales"].values())
    # The heap the index holds, read from /proc/self/smaps_rollup (NaN if that could not be read).
    assert all(math.isfinite(f["index_anonymous_mib"]) for f in result["scales"].values())
    report = tmp_path / "PERFORMANCE.md"
    report.write_text("# Performance\n\nintro\n<!-- bench:start -->\nSTALE FIGURES\n<!-- bench:end -->\n\nanalysis\n")
    write_report(report, lines)
    written = report.read_text()
    assert "intro" in written and "analysis" in written and "STALE FIGURES" not in written and "pipeline overhead" in written
