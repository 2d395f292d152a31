"""Run a question set over a Library: retrieve, answer, score each question, summarise overall and by kind."""
from __future__ import annotations

import datetime as _dt
import json
import subprocess
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from index.api import Library, check_k
from index.search import MODES, build_query
from index.types import Hit, InputError, parse_history
from qa import extract
from qa.types import Answer

from . import metrics as m
from .questions import KINDS, Question

REPO = Path(__file__).resolve().parents[1]
CUTOFFS = (1, 5, 10)
STAGES = ("embed", "search", "answer", "total")
# Higher is better for all but the false-refusal rate; the order is the order of every table.
ANSWER_METRICS = ("answer_recall@5", "containment", "count_exact", "token_f1", "citation_precision",
                  "citation_doc_precision", "citation_recall", "quote_validity", "marker_consistency",
                  "refusal_precision", "refusal_recall", "false_refusal_rate")
LOWER_IS_BETTER = frozenset({"false_refusal_rate"})
Answerer = Callable[..., Answer]


def retrieval_metrics(k: int) -> tuple[str, ...]:
    """Names of the retrieval metrics for a run at depth k."""
    cutoffs = sorted({c for c in CUTOFFS if c <= k} | {k})
    return tuple(f"recall@{c}" for c in cutoffs) + (f"mrr@{k}", f"ndcg@{k}")


@dataclass(frozen=True)
class Result:
    """What one question got: the hits, the answer (None when it failed), its scores and stage times."""

    question: Question
    hits: tuple[Hit, ...]
    answer: Answer | None
    scores: Mapping[str, float | None]
    latency_ms: Mapping[str, float]
    error: str = ""

    def to_json(self) -> dict:
        q, a = self.question, self.answer
        return {"id": q.id, "kind": q.kind, "question": q.question, "gold": q.to_json()["gold"],
                "answers": list(q.answers), "history": list(q.history), "error": self.error or None,
                "retrieved": [{"doc": h.readout_id, "paragraph": h.paragraph, "score": round(h.score, 6)} for h in self.hits],
                "answer": a.text if a else None, "refused": a.refused if a else None, "notice": a.notice if a else None,
                "citations": [{"n": c.n, "doc": c.readout_id, "paragraph": c.paragraph, "quote": c.quote}
                              for c in a.citations] if a else [],
                "scores": dict(self.scores), "latency_ms": {s: round(v, 3) for s, v in self.latency_ms.items()}}


@dataclass(frozen=True)
class Run:
    """A finished run: how it was made, each question's result and the summary."""

    settings: Mapping[str, Any]
    results: tuple[Result, ...]
    summary: Mapping[str, Any] = field(default_factory=dict)


def score_question(q: Question, hits: Sequence[Hit], answer: Answer, k: int,
                   paragraph_text: Callable[[str, int], str | None]) -> dict[str, float | None]:
    """Every per-question metric; None where it does not apply (see eval/metrics.py)."""
    ranked = [(h.readout_id, h.paragraph) for h in hits]
    ranks = [h.score for h in hits]
    gold = set(q.gold)
    scores: dict[str, float | None] = {f"recall@{c}": m.recall_at_k(ranked, gold, c, ranks)
                                       for c in sorted({c for c in CUTOFFS if c <= k} | {k})}
    scores[f"mrr@{k}"] = m.reciprocal_rank(ranked, gold, k, ranks)
    scores[f"ndcg@{k}"] = m.ndcg_at_k(ranked, gold, k, ranks)
    # The plain engine's hits above are not what a user gets: ask() gathers its own evidence (the readouts
    # that match who and when, then their passages), and the answer carries those passages as its hits
    # (the API's "hits"). The share of gold paragraphs among the first 5 of them, beside the engine's.
    shown = answer.hits
    scores["answer_recall@5"] = m.recall_at_k([(h.readout_id, h.paragraph) for h in shown], gold, 5,
                                              [h.score for h in shown])
    cited = [(c.readout_id, c.paragraph) for c in answer.citations]
    answerable = q.answerable
    scores["containment"] = m.answer_containment(answer.text, q.answers) if answerable else None
    # (A refusal states no count, though its reason may hold one: "they appear in 14 readouts, and none ...".)
    count = m.count_exact(answer.text, q.answers) if answerable and q.kind == "how_many" else None
    scores["count_exact"] = 0.0 if count is not None and answer.refused else count
    scores["token_f1"] = m.token_f1(answer.text, q.answers) if answerable else None
    # Citations on an unanswerable question are scored by the refusal figures, not here.
    scores["citation_precision"] = m.citation_precision(cited, gold) if answerable else None
    gold_docs = {d for d, _ in gold}
    scores["citation_doc_precision"] = (m.citation_precision([(d, 0) for d, _ in cited], [(d, 0) for d in gold_docs])
                                        if answerable else None)
    scores["citation_recall"] = m.citation_recall(cited, gold)
    scores["quote_validity"] = m.quote_validity([(c.quote, paragraph_text(c.readout_id, c.paragraph))
                                                 for c in answer.citations])
    scores["marker_consistency"] = m.markers_consistent(answer.text, [c.n for c in answer.citations])
    # Refusal figures as per-question values, so that their mean is the figure (and bootstraps like one):
    # precision = share of refused questions that were unanswerable, recall = share of unanswerable refused,
    # false-refusal rate = share of answerable refused.
    scores["refusal_precision"] = float(not answerable) if answer.refused else None
    scores["refusal_recall"] = float(answer.refused) if not answerable else None
    scores["false_refusal_rate"] = float(answer.refused) if answerable else None
    return scores


def run_questions(library: Library, questions: Sequence[Question], k: int = 10, modes: Sequence[str] = ("hybrid",),
                  answerer: Answerer | None = None, answer_k: int = 5,
                  progress: bool = True, replay: bool = False) -> dict[str, tuple[Result, ...]]:
    """Per mode, retrieve k paragraphs and answer from the first answer_k (as `readouts ask` does) per question.

    Modes take turns question by question, so a busy machine slows every mode alike.
    Results keep the order of the questions. `replay`: a follow-up's earlier turns are asked first (`replayed`).
    """
    from tqdm import tqdm

    answerer = answerer or default_answerer(library)
    texts: dict[str, tuple[str, ...]] = {}

    def paragraph_text(doc: str, n: int) -> str | None:
        if doc not in texts:
            readout = library.readout(doc)
            texts[doc] = readout.paragraphs if readout else ()
        return texts[doc][n - 1] if 1 <= n <= len(texts[doc]) else None

    _warm_up(library, modes)
    results: dict[str, list[Result]] = {mode: [] for mode in modes}
    for i, q in enumerate(tqdm(questions, desc=",".join(modes), unit="q", disable=not progress, leave=False)):
        # Rotate which mode goes first: the first pays for the question's cold caches (SQLite pages, word counts).
        for mode in list(modes[i % len(modes):]) + list(modes[:i % len(modes)]):
            try:
                asked = replayed(library, q, k, mode, answerer, answer_k) if replay else q
                results[mode].append(_run_one(library, asked, k, mode, answerer, answer_k, paragraph_text))
            except Exception as error:  # one failing question (a bad filter, an LLM timeout) must not stop the run
                results[mode].append(Result(q, (), None, {}, {}, f"{type(error).__name__}: {error}"))
    return {mode: tuple(found) for mode, found in results.items()}


def _warm_up(library: Library, modes: Sequence[str]) -> None:
    # The first query pays for lazy set-up (model kernels, SQLite pages); a running server has paid it already.
    for mode in modes:
        library.retrieve("warm-up question about a meeting", k=1, mode=mode)
    _forget_query(library, "warm-up question about a meeting")


def default_answerer(library: Library) -> Answerer:
    """`qa.ask.ask` itself: the question read once, its evidence, the answer by intent (the retrieval
    passed in is used for retrieval metrics only; ask gathers its own evidence, as `readouts ask` does)."""
    from qa.ask import ask

    def answer(question: str, scored, turns, filters=None) -> Answer:
        return ask(library, question, filters, list(turns), k=max(len(scored), 1))

    answer.takes_filters = True  # type: ignore[attr-defined]
    return answer


def _run_one(library: Library, q: Question, k: int, mode: str, answerer: Answerer, answer_k: int,
             paragraph_text) -> Result:
    turns = parse_history(list(q.history))
    # Embed on a cache miss, then search with the vector cached: embed and search timed apart.
    dense_text = build_query(q.question.strip(), turns).dense_text
    _forget_query(library, dense_text)
    start = time.perf_counter()
    library.embedder.encode_query(dense_text)
    embedded = time.perf_counter()
    scored = library.retrieve(q.question, q.filters, list(q.history), k, mode)
    searched = time.perf_counter()
    answer = _answer(answerer, q.question.strip(), scored[:answer_k], turns, q.filters)
    answered = time.perf_counter()
    latency = {"embed": (embedded - start) * 1000, "search": (searched - embedded) * 1000,
               "answer": (answered - searched) * 1000, "total": (answered - start) * 1000}
    hits = tuple(s.hit for s in scored)
    return Result(q, hits, answer, score_question(q, hits, answer, k, paragraph_text), latency)


def _answer(answerer: Answerer, question: str, scored, turns, filters) -> Answer:
    if getattr(answerer, "takes_filters", False):
        return answerer(question, scored, turns, filters=filters)
    return answerer(question, scored, turns)


def replayed(library: Library, q: Question, k: int, mode: str, answerer: Answerer, answer_k: int) -> Question:
    """The question with its earlier turns asked first, as the chat asks a follow-up: each turn given as a string
    becomes {"question", "cited"} with the readouts its own answer cited (CONTRACT.md "History"), so that a
    wrong earlier answer leads the follow-up astray as it would in the browser."""
    if not any(isinstance(turn, str) for turn in q.history):
        return q
    turns: list = []
    for turn in q.history:
        if isinstance(turn, str):
            scored = library.retrieve(turn, q.filters, list(turns), k, mode)
            answer = _answer(answerer, turn.strip(), scored[:answer_k], parse_history(list(turns)), q.filters)
            turn = {"question": turn, "cited": sorted({c.readout_id for c in answer.citations})}
        turns.append(turn)
    return replace(q, history=tuple(turns))


def _forget_query(library: Library, text: str) -> None:
    # A question seen before (another mode, a repeated run) would time as a free cache hit.
    library.forget_cached(text)


def summarize_group(results: Sequence[Result], names: Sequence[str], resamples: int, seed: int) -> dict:
    """Mean, 95% bootstrap interval and count of each metric, and p50/p95 of each stage, over some results."""
    done = [r for r in results if not r.error]
    # A notice is how an answerer says something went aside (the LLM one falls back to extractive answers).
    out: dict[str, Any] = {"questions": len(results), "errors": len(results) - len(done),
                           "notices": sum(bool(r.answer.notice) for r in done), "metrics": {}, "latency_ms": {}}
    for name in names:
        values = [r.scores.get(name) for r in done]
        low, high = m.bootstrap_ci(values, resamples=resamples, seed=seed)
        out["metrics"][name] = {"value": m.mean(values), "low": low, "high": high,
                                "n": sum(v is not None for v in values)}
    for stage in STAGES:
        out["latency_ms"][stage] = m.percentiles([r.latency_ms[stage] for r in done])
    return out


def summarize(results: Sequence[Result], k: int, resamples: int = 1000, seed: int = 0) -> dict:
    """Overall and per-kind figures; kinds in the contract's order, then any others as given."""
    names = retrieval_metrics(k) + ANSWER_METRICS
    kinds = [k_ for k_ in KINDS if any(r.question.kind == k_ for r in results)]
    kinds += sorted({r.question.kind for r in results} - set(kinds))
    return {"overall": summarize_group(results, names, resamples, seed),
            "by_kind": {kind: summarize_group([r for r in results if r.question.kind == kind], names, resamples, seed)
                        for kind in kinds}}


def git_commit() -> dict:
    """The commit the code ran at and whether the tree had changes; None values outside a git checkout."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain") if commit else None
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def evaluate(library: Library, questions: Sequence[Question], k: int = 10, mode: str = "hybrid",
             **options) -> Run:
    """Run and summarise one retrieval mode (options as for evaluate_modes)."""
    return evaluate_modes(library, questions, [mode], k=k, **options)[mode]


def evaluate_modes(library: Library, questions: Sequence[Question], modes: Sequence[str], k: int = 10,
                   answerer: Answerer | None = None, answerer_name: str = "extractive", answer_k: int = 5,
                   progress: bool = True, resamples: int = 1000, seed: int = 0,
                   source: Mapping | None = None, replay: bool = False) -> dict[str, Run]:
    """The same questions over several retrieval modes, one Run each; the settings record how it was made."""
    check_k(k)
    if not modes or any(mode not in MODES for mode in modes):
        raise InputError(f"modes: expected some of {', '.join(MODES)}, got {', '.join(modes) or 'none'}")
    if not 1 <= answer_k <= k:
        raise InputError(f"answer_k: must be from 1 to k={k}, got {answer_k}")
    started, git = _dt.datetime.now(_dt.timezone.utc), git_commit()  # the code as loaded, before anything changes
    results = run_questions(library, questions, k, modes, answerer, answer_k, progress, replay)
    stats = library.stats()
    from qa.tuning import TUNING

    settings = {"k": k, "answer_k": answer_k, "answerer": answerer_name, "replay": replay, "tuning": TUNING.to_json(),
                "bootstrap": {"resamples": resamples, "seed": seed, "level": 0.95},
                "index": {key: stats.get(key) for key in ("folder", "model", "dimension", "chunking", "index_type",
                                                           "format_version", "readouts", "paragraphs", "chunks",
                                                           "last_update")},
                "git": git, "date": started.isoformat(timespec="seconds"),
                **({"questions": dict(source)} if source else {})}
    return {mode: Run({"mode": mode, **settings}, found, summarize(found, k, resamples, seed))
            for mode, found in results.items()}


def write_run(run: Run, out: str | Path, chart: bool = True) -> Path:
    """results.jsonl, summary.json, report.md and chart.png in the folder `out`."""
    from .report import draw_chart, render_report

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "results.jsonl", "w", encoding="utf-8") as stream:
        for r in run.results:
            stream.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    (out / "summary.json").write_text(json.dumps({"settings": run.settings, **run.summary}, indent=2,
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "report.md").write_text(render_report(run), encoding="utf-8")
    if chart:
        draw_chart(run, out / "chart.png")
    return out


def load_run(folder: str | Path) -> tuple[dict, list[dict]]:
    """A written run's summary and result lines."""
    folder = Path(folder)
    try:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        results = [json.loads(line) for line in (folder / "results.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{folder}: not a run folder ({error})") from None
    return summary, results


def outcome(line: Mapping) -> dict[str, bool | None]:
    """What a result line came to: gold in the top 5, refused, and right overall (see docs/EVAL.md)."""
    if line.get("error"):
        return {"error": True}
    gold = {(g["doc"], g["paragraph"]) for g in line["gold"]}
    top = {(h["doc"], h["paragraph"]) for h in line["retrieved"][:5]}
    cited = {(c["doc"], c["paragraph"]) for c in line["citations"]}
    contained = line["scores"].get("containment")
    right = (line["refused"] if not gold else
             not line["refused"] and bool(cited & gold) and contained in (None, 1.0))
    return {"found@5": bool(top & gold) if gold else None, "refused": line["refused"], "right": right}


@dataclass(frozen=True)
class Comparison:
    """Run B against run A: metric deltas (overall and by kind) and the questions whose outcome changed."""

    a: Mapping[str, Any]
    b: Mapping[str, Any]
    deltas: tuple[dict, ...]  # {"scope", "metric", "a", "b", "delta"}
    changed: tuple[dict, ...]  # {"id", "kind", "question", "a", "b"} with outcome() dicts
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    def to_json(self) -> dict:
        return dict(self.__dict__)


def compare(run_a: str | Path, run_b: str | Path) -> Comparison:
    """Compare two written runs question by question (matched by id)."""
    summary_a, lines_a = load_run(run_a)
    summary_b, lines_b = load_run(run_b)
    deltas = []
    scopes = [("overall", summary_a["overall"], summary_b["overall"])]
    scopes += [(kind, summary_a["by_kind"][kind], summary_b["by_kind"][kind])
               for kind in summary_a["by_kind"] if kind in summary_b["by_kind"]]
    for scope, group_a, group_b in scopes:
        for metric, fig_a in group_a["metrics"].items():
            value_a, value_b = fig_a["value"], group_b["metrics"].get(metric, {}).get("value")
            delta = value_b - value_a if value_a is not None and value_b is not None else None
            deltas.append({"scope": scope, "metric": metric, "a": value_a, "b": value_b, "delta": delta})
    by_id_a, by_id_b = {l["id"]: l for l in lines_a}, {l["id"]: l for l in lines_b}
    changed = []
    for qid, line_a in by_id_a.items():
        if qid in by_id_b and outcome(line_a) != outcome(by_id_b[qid]):
            changed.append({"id": qid, "kind": line_a["kind"], "question": line_a["question"],
                            "a": outcome(line_a), "b": outcome(by_id_b[qid])})
    return Comparison(_describe(summary_a, run_a), _describe(summary_b, run_b), tuple(deltas), tuple(changed),
                      tuple(q for q in by_id_a if q not in by_id_b), tuple(q for q in by_id_b if q not in by_id_a))


def _describe(summary: Mapping, folder) -> dict:
    s = summary.get("settings", {})
    return {"folder": str(folder), "mode": s.get("mode"), "answerer": s.get("answerer"), "k": s.get("k"),
            "commit": (s.get("git") or {}).get("commit"), "date": s.get("date"),
            "questions": (s.get("questions") or {}).get("sha256")}
