"""Human-readable views of runs: report.md, the PNG charts, and the text of comparisons and mode tables."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

NOISE_NOTE = ("> Small sets are noisy. Intervals are 95% percentile-bootstrap intervals over the questions "
              "({resamples} resamples, seed {seed}); where two runs' intervals overlap, this set does not show "
              "them to differ. In a kind with 20 questions one question moves a share by 5 points.")
CHART_METRICS = ("recall@5", "mrr@{k}", "ndcg@{k}", "citation_precision", "containment", "refusal_recall",
                 "false_refusal_rate")
LABELS = {"answer_recall@5": "Recall@5 of the answer's passages", "marker_consistency": "[n] markers match",
          "citation_doc_precision": "citation precision (readout level)",
          "false_refusal_rate": "false-refusal rate (lower is better)"}


def _fmt(value, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _cell(fig: Mapping) -> str:
    if fig["value"] is None:
        return "—"
    return f"{fig['value']:.3f} ({_fmt(fig['low'], 2)}–{_fmt(fig['high'], 2)})"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def describe_settings(settings: Mapping) -> list[str]:
    """Bullet lines saying what produced a run."""
    index, git, source = settings.get("index", {}), settings.get("git", {}), settings.get("questions", {})
    chunking = index.get("chunking") or {}
    lines = []
    if source:
        lines.append(f"- Questions: `{source.get('file')}` ({source.get('count')} loaded, "
                     f"{len(source.get('malformed', []))} malformed lines; sha256 {str(source.get('sha256'))[:12]})")
    lines += [f"- Retrieval: {settings['mode']}, k={settings['k']}; answers from the first {settings['answer_k']} "
              f"hits by the {settings['answerer']} answerer",
              f"- Index: `{index.get('folder')}`: {index.get('model')} ({index.get('dimension')} dims), chunks of "
              f"≤{chunking.get('max_tokens')} tokens with {chunking.get('context')} context, {index.get('index_type')} "
              f"index; {index.get('readouts')} readouts, {index.get('paragraphs')} paragraphs, {index.get('chunks')} chunks",
              f"- Code: commit {git.get('commit') or 'unknown'}{' with local changes' if git.get('dirty') else ''}; "
              f"run {settings.get('date')}"]
    return lines


def summary_tables(run) -> str:
    """The overall and by-kind tables of a run (used by report.md and the terminal)."""
    overall, by_kind = run.summary["overall"], run.summary["by_kind"]
    rows = [[LABELS.get(name, name), _fmt(fig["value"]), f"{_fmt(fig['low'], 2)}–{_fmt(fig['high'], 2)}", fig["n"]]
            for name, fig in overall["metrics"].items()]
    parts = [f"## Overall ({overall['questions']} questions, {overall['errors']} failed)",
             _table(["metric", "value", "95% CI", "n"], rows)]
    kinds = list(by_kind)
    rows = [["questions", overall["questions"], *(by_kind[k]["questions"] for k in kinds)]]
    rows += [[LABELS.get(name, name), _cell(overall["metrics"][name]), *(_cell(by_kind[k]["metrics"][name]) for k in kinds)]
             for name in overall["metrics"]]
    parts += ["## By kind", "Each cell: value (95% CI); — where the metric does not apply.",
              _table(["metric", "overall", *kinds], rows)]
    rows = [[stage, _fmt(fig["p50"], 1), _fmt(fig["p95"], 1)] for stage, fig in overall["latency_ms"].items()]
    parts += ["## Latency per question (ms)", "Embed is timed on a cache miss; search excludes embedding.",
              _table(["stage", "p50", "p95"], rows),
              _table(["kind", "total p50", "total p95"],
                     [[k, _fmt(by_kind[k]["latency_ms"]["total"]["p50"], 1), _fmt(by_kind[k]["latency_ms"]["total"]["p95"], 1)]
                      for k in kinds])]
    return "\n\n".join(parts)


def _misses(run) -> str:
    k = run.settings["k"]
    groups = {f"Answerable, no gold paragraph in the top {k}": [], "Answerable but refused": [],
              "Unanswerable but answered": [], "Answered with no gold paragraph cited": [], "Failed": []}
    for r in run.results:
        q, s = r.question, r.scores
        line = f"- `{q.id}` ({q.kind}): {q.question[:140]}"
        if r.error:
            groups["Failed"].append(f"{line} — {r.error}")
        elif not q.answerable:
            if not r.answer.refused:
                groups["Unanswerable but answered"].append(line)
        else:
            if s.get(f"recall@{k}") == 0:
                groups[f"Answerable, no gold paragraph in the top {k}"].append(line)
            if r.answer.refused:
                groups["Answerable but refused"].append(f"{line} — {r.answer.notice}")
            elif s.get("citation_precision") == 0:
                groups["Answered with no gold paragraph cited"].append(line)
    parts = ["## Questions to look at"]
    for title, lines in groups.items():
        if lines:
            parts.append(f"### {title} ({len(lines)})\n\n" + "\n".join(lines))
    return "\n\n".join(parts)


def render_report(run) -> str:
    """report.md: what ran, the tables, the note on noise, and the questions that went wrong."""
    boot = run.settings["bootstrap"]
    malformed = run.settings.get("questions", {}).get("malformed", [])
    parts = ["# Evaluation report", "\n".join(describe_settings(run.settings)),
             NOISE_NOTE.format(**boot), summary_tables(run), _misses(run)]
    if malformed:
        parts.append("## Malformed lines (not run)\n\n" + "\n".join(f"- {e}" for e in malformed))
    return "\n\n".join(parts) + "\n"


def _bars(ax, groups: Sequence[str], series: Mapping[str, Sequence[tuple]], title: str) -> None:
    """Grouped bars; each series value is (value, low, high), None values left out."""
    import numpy as np

    width = 0.8 / max(len(series), 1)
    x = np.arange(len(groups))
    for i, (name, values) in enumerate(series.items()):
        heights = [v[0] if v[0] is not None else 0.0 for v in values]
        errors = [[max(v[0] - v[1], 0) if v[1] is not None and v[0] is not None else 0 for v in values],
                  [max(v[2] - v[0], 0) if v[2] is not None and v[0] is not None else 0 for v in values]]
        has_ci = any(v[1] is not None for v in values)
        ax.bar(x + (i - (len(series) - 1) / 2) * width, heights, width, label=name,
               **({"yerr": errors, "capsize": 2} if has_ci else {}))
    ax.set_xticks(x, groups, rotation=20, ha="right")
    ax.set_title(title, pad=10 + 12 * -(-len(series) // 4))  # room for the legend's rows above the bars
    ax.legend(fontsize=7, ncol=min(len(series), 4), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)


def _figure(panels: int):
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    return plt, *plt.subplots(1, panels, figsize=(7 * panels, 5), squeeze=False)


def draw_chart(run, path: str | Path) -> None:
    """PNG: the main metrics by kind with their 95% intervals (none where a metric does not apply), and latency."""
    plt, fig, axes = _figure(2)
    k = run.settings["k"]
    groups = {"overall": run.summary["overall"], **run.summary["by_kind"]}
    series = {}
    for name in (n.format(k=k) for n in CHART_METRICS):
        series[name] = [(g["metrics"][name]["value"], g["metrics"][name]["low"], g["metrics"][name]["high"])
                        for g in groups.values()]
    _bars(axes[0][0], list(groups), series, f"{run.settings['mode']} retrieval, {run.settings['answerer']} answers")
    axes[0][0].set_ylim(0, 1.05)
    latency = run.summary["overall"]["latency_ms"]
    stages = list(latency)
    _bars(axes[0][1], stages, {p: [(latency[s][p], None, None) for s in stages] for p in ("p50", "p95")},
          "latency per question (ms)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def modes_table(runs: Mapping) -> str:
    """Markdown table of the overall figures of several runs side by side (one column per mode)."""
    names = list(next(iter(runs.values())).summary["overall"]["metrics"])
    rows = [[LABELS.get(n, n), *(_cell(r.summary["overall"]["metrics"][n]) for r in runs.values())] for n in names]
    for stage in ("embed", "search", "answer", "total"):
        rows.append([f"{stage} ms p50 / p95", *(f"{_fmt(r.summary['overall']['latency_ms'][stage]['p50'], 1)} / "
                                                f"{_fmt(r.summary['overall']['latency_ms'][stage]['p95'], 1)}"
                                                for r in runs.values())])
    return _table(["metric", *runs], rows)


def draw_modes_chart(runs: Mapping, path: str | Path) -> None:
    """PNG: the main overall metrics, one bar per mode."""
    plt, fig, axes = _figure(1)
    k = next(iter(runs.values())).settings["k"]
    names = [n.format(k=k) for n in CHART_METRICS]
    series = {mode: [tuple(run.summary["overall"]["metrics"][n][f] for f in ("value", "low", "high")) for n in names]
              for mode, run in runs.items()}
    _bars(axes[0][0], names, series, "retrieval modes, same questions")
    axes[0][0].set_ylim(0, 1.05)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def format_comparison(comparison) -> str:
    """Text for `readouts eval --compare`: settings, overall and by-kind deltas, changed questions."""
    a, b = comparison.a, comparison.b
    lines = [f"A: {a['folder']} ({a['mode']}, {a['answerer']}, commit {str(a['commit'])[:10]}, {a['date']})",
             f"B: {b['folder']} ({b['mode']}, {b['answerer']}, commit {str(b['commit'])[:10]}, {b['date']})"]
    if a["questions"] != b["questions"]:
        lines.append("note: the runs used different question files; only shared ids are compared")
    for scope in dict.fromkeys(d["scope"] for d in comparison.deltas):
        rows = [[LABELS.get(d["metric"], d["metric"]), _fmt(d["a"]), _fmt(d["b"]),
                 "—" if d["delta"] is None else f"{d['delta']:+.3f}"] for d in comparison.deltas if d["scope"] == scope]
        lines += ["", f"## {scope}", _table(["metric", "A", "B", "B − A"], rows)]
    lines += ["", f"## Questions that changed outcome ({len(comparison.changed)})"]
    for c in comparison.changed:
        diffs = ", ".join(f"{key} {c['a'].get(key)}→{c['b'].get(key)}" for key in ("found@5", "refused", "right", "error")
                          if c["a"].get(key) != c["b"].get(key))
        lines.append(f"- `{c['id']}` ({c['kind']}): {diffs} — {c['question'][:100]}")
    for label, ids in (("only in A", comparison.only_a), ("only in B", comparison.only_b)):
        if ids:
            lines.append(f"{label}: {', '.join(ids)}")
    return "\n".join(lines)
