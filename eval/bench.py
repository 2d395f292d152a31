"""`readouts bench`: ingest throughput against raw encode, search/ask latency at 1x/10x/100x the corpus,
memory, disk, cold start, and recall of approximate search against exact. A script, never a timed test.

Scaled indexes re-use the real paragraphs under new readout ids with their stored vectors plus a small
random perturbation (nothing is re-encoded); each scale is measured in a fresh child process so its
memory is its own.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.machine import anonymous_mib, describe_machine, folder_mib, peak_rss_mib, percentile, rss_mib

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BenchSettings:
    """One benchmark run; `limit` takes only the first readouts (tests use a handful)."""

    corpus: tuple[str, ...]
    work: str
    scales: tuple[int, ...] = (1, 10, 100)
    device: str = "cpu"
    backend: str = "torch"
    questions: str | None = None
    limit: int | None = None
    queries: int = 100
    noise: float = 0.2  # norm of the perturbation added to a copied unit vector: cosine ~0.98 with its source
    threshold_table: bool = True


# --- ingest -------------------------------------------------------------------------------------
def bench_ingest(settings: BenchSettings, folder: Path, say, embedder=None, block: int = 400) -> tuple[dict, object]:
    """Ingest the corpus into a fresh index and encode the same texts with the bare model; returns (figures, embedder).

    Both run block by block, alternating which goes first, so a machine shared with other jobs loads them alike.
    """
    from index.api import Library
    from index.chunk import ChunkSettings, chunk_readout, embedded_text
    from index.embed import Embedder, resolve_model
    from index.load import load_paths
    from index.metadata import extract_metadata

    readouts = load_paths(list(settings.corpus)).readouts[: settings.limit]
    start = time.perf_counter()
    embedder = embedder or Embedder(device=settings.device, backend=settings.backend,
                                    calibration=[p for r in readouts[:300] for p in r.paragraphs[:1]])
    if settings.backend == "torch":
        embedder.model  # noqa: B018  torch loads lazily; load it here, not inside the first timed block
    load_s = time.perf_counter() - start
    steps = {"ingest": None, "raw": embedder.encode}
    if settings.backend == "torch":  # the reference: plain SentenceTransformer.encode
        steps["raw"] = lambda texts: embedder.model.encode(texts, batch_size=embedder.batch_size,
                                                           normalize_embeddings=True, convert_to_numpy=True)
    else:
        from sentence_transformers import SentenceTransformer

        fp32 = SentenceTransformer(resolve_model(None)[1], device=settings.device)
        steps["fp32"] = lambda texts: fp32.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    library = Library(folder, embedder=embedder)
    chunking, embedded = ChunkSettings(), 0
    fits = lambda text: embedder.count_tokens(text) <= embedder.max_tokens  # noqa: E731  as ingest does
    clock = {name: [0.0, 0.0] for name in steps}
    vectors: dict[str, list] = {name: [] for name in steps}
    metadata_s = 0.0
    for number, first in enumerate(range(0, len(readouts), block)):
        part = readouts[first:first + block]
        started = time.perf_counter()  # the extraction ingest runs per readout, timed alone on the same block
        for readout in part:
            extract_metadata(readout)
        metadata_s += time.perf_counter() - started
        texts = [embedded_text(c, r, chunking) for r in part for c in chunk_readout(r, chunking, fits)]
        for name in (list(steps) if number % 2 == 0 else list(steps)[::-1]):
            wall, cpu = time.perf_counter(), time.process_time()
            if name == "ingest":
                embedded += library.ingest(part).embedded
            else:
                vectors[name].append(steps[name](texts))
            clock[name][0] += time.perf_counter() - wall
            clock[name][1] += time.process_time() - cpu
    library.close()
    chunks = sum(len(v) for v in vectors["raw"])
    paragraphs = sum(len(r.paragraphs) for r in readouts)
    (wall, cpu), (raw_wall, raw_cpu) = clock["ingest"], clock["raw"]
    out = {"readouts": len(readouts), "paragraphs": paragraphs, "chunks": chunks, "embedded": embedded,
           "model_load_s": load_s, "ingest_s": wall, "ingest_cpu_s": cpu, "paragraphs_per_s": paragraphs / wall,
           "chunks_per_s": chunks / wall, "raw_s": raw_wall, "overhead": wall / raw_wall - 1, "overhead_cpu": cpu / raw_cpu - 1,
           "metadata_s": metadata_s, "metadata_share": metadata_s / wall}
    say(f"ingest ({settings.backend}, {settings.device}): {len(readouts)} readouts, {paragraphs} paragraphs, "
        f"{chunks} chunks ({embedded} embedded) in {wall:.1f} s = {out['paragraphs_per_s']:.1f} paragraphs/s "
        f"({out['chunks_per_s']:.1f} chunks/s, {chunks / cpu:.1f} chunks per CPU-second); model load {load_s:.1f} s")
    say(f"raw {'SentenceTransformer.encode' if settings.backend == 'torch' else settings.backend + ' encode'}, same texts, "
        f"same run (interleaved by blocks of {block} readouts): {raw_wall:.1f} s = {chunks / raw_wall:.1f} chunks/s "
        f"({chunks / raw_cpu:.1f} per CPU-second); pipeline overhead {out['overhead'] * 100:+.1f}% wall-clock, "
        f"{out['overhead_cpu'] * 100:+.1f}% CPU time")
    say(f"readout metadata extraction (part of ingest), same readouts: {metadata_s:.2f} s = "
        f"{out['metadata_share'] * 100:.1f}% of ingest time ({1000 * metadata_s / max(len(readouts), 1):.1f} ms a readout)")
    if "fp32" in steps:
        raw, reference = np.vstack(vectors["raw"]), np.vstack(vectors["fp32"])
        cosine = np.sum(reference * raw, axis=1)
        (ref_wall, ref_cpu) = clock["fp32"]
        out.update(torch_fp32_s=ref_wall, speedup=ref_wall / raw_wall, speedup_cpu=ref_cpu / raw_cpu,
                   cosine_min=float(cosine.min()), cosine_mean=float(cosine.mean()),
                   cosine_p1=float(np.percentile(cosine, 1)), reference=reference)
        say(f"raw SentenceTransformer.encode fp32 torch, same texts: {ref_wall:.1f} s = {chunks / ref_wall:.1f} chunks/s "
            f"({chunks / ref_cpu:.1f} per CPU-second); {settings.backend} is {out['speedup']:.2f}x wall-clock, "
            f"{out['speedup_cpu']:.2f}x per CPU-second; cosine with fp32 min {cosine.min():.4f}, "
            f"1st percentile {out['cosine_p1']:.4f}, mean {cosine.mean():.5f}")
    return out, embedder


# --- scaled indexes -----------------------------------------------------------------------------
def build_scaled(source: Path, scale: int, target: Path, noise: float, seed: int = 0) -> float:
    """Copy an index and add scale-1 perturbed copies of every readout, straight into SQLite; returns seconds.

    The FAISS file is left out, so opening the copy builds it from SQLite as a real open after a crash would.
    """
    start = time.perf_counter()
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    src = sqlite3.connect(source / "readouts.sqlite")
    db = sqlite3.connect(target / "readouts.sqlite", isolation_level=None)
    src.backup(db)
    src.close()
    rng = np.random.default_rng(seed)
    para_step = db.execute("SELECT max(id) FROM paragraphs").fetchone()[0]
    chunk_step = db.execute("SELECT max(id) FROM chunks").fetchone()[0]
    base = db.execute("SELECT id, paragraph_id, part, text_hash, vector FROM chunks ORDER BY id").fetchall()
    vectors = np.frombuffer(b"".join(r[4] for r in base), dtype=np.float32).reshape(len(base), -1)
    db.execute("BEGIN")
    for copy in range(1, scale):
        suffix = f"~{copy}"
        db.execute("INSERT INTO readouts SELECT id || ?, title, date, source, url, metadata, hash, paragraphs, updated "
                   "FROM readouts WHERE instr(id, '~') = 0", (suffix,))
        db.execute("INSERT INTO paragraphs(id, readout_id, n, text) SELECT id + ?, readout_id || ?, n, text "
                   "FROM paragraphs WHERE id <= ?", (copy * para_step, suffix, para_step))
        db.execute("INSERT INTO paragraphs_fts(rowid, title, text) SELECT p.id + ?, r.title, p.text FROM paragraphs p "
                   "JOIN readouts r ON r.id = p.readout_id WHERE p.id <= ?", (copy * para_step, para_step))
        # The metadata rows come along, so that opening the copy does not extract it again for every
        # readout (minutes at 100x) and questions that name people find the copies' readouts too.
        db.execute("INSERT INTO readout_meta(readout_id, version, event_date, kind, participants, same_event, notice) "
                   "SELECT readout_id || ?, version, event_date, kind, participants, '[]', notice FROM readout_meta "
                   "WHERE instr(readout_id, '~') = 0", (suffix,))
        db.execute("INSERT INTO participants(readout_id, position, name, role, country) "
                   "SELECT readout_id || ?, position, name, role, country FROM participants "
                   "WHERE instr(readout_id, '~') = 0", (suffix,))
        db.execute("INSERT INTO paragraph_speakers(paragraph_id, spans) SELECT paragraph_id + ?, spans "
                   "FROM paragraph_speakers WHERE paragraph_id <= ?", (copy * para_step, para_step))
        scale_noise = np.float32(noise / np.sqrt(vectors.shape[1]))  # a numpy float64 here would upcast the vectors
        moved = vectors + rng.standard_normal(vectors.shape, dtype=np.float32) * scale_noise
        moved /= np.linalg.norm(moved, axis=1, keepdims=True)
        db.executemany("INSERT INTO chunks(id, paragraph_id, part, text_hash, vector) VALUES(?,?,?,?,?)",
                       ((cid + copy * chunk_step, pid + copy * para_step, part, digest, moved[i].tobytes())
                        for i, (cid, pid, part, digest, _) in enumerate(base)))
    generation = int(json.loads(db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]))
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('generation', ?)", (json.dumps(generation + 1),))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - start


# --- one scale, measured in a child process -----------------------------------------------------
def measure(folder: Path, questions: list[dict], backend: str, device: str) -> dict:
    """Latency, memory and recall on one index; runs in its own process (see `main`)."""
    from index import search
    from index.api import Library
    from index.embed import Embedder
    from index.types import Filters
    from qa import ask

    embedder = Embedder(device=device, backend=backend)
    embedder.encode_query("warm-up")
    before, before_anonymous = rss_mib(), anonymous_mib()
    start = time.perf_counter()
    library = Library(folder, embedder=embedder, create=False)
    open_s = time.perf_counter() - start  # the copy has no FAISS file: this open rebuilds the caches
    library.close()
    reopens = []
    for _ in range(3):  # caches valid: what every later open costs (best of 3 on a shared machine)
        start = time.perf_counter()
        library = Library(folder, embedder=embedder, create=False)
        reopens.append(time.perf_counter() - start)
        if len(reopens) < 3:
            library.close()
    store = library.store
    texts = [q["question"] for q in questions]
    timings = {name: [] for name in ("encode", "dense", "lexical", "search", "retrieval", "ask", "filtered", "repeat")}
    for text in texts:  # every question once, the query cache cold: what a new question costs
        library.forget_cached()
        timings["encode"].append(_seconds(lambda: embedder.encode_query(text)))
        qvec = embedder.encode_query(text)
        timings["dense"].append(_seconds(lambda: store.vectors.search(qvec, 200)))
        terms = search.build_query(text).terms  # the lexical side alone, the bottleneck at 100x
        timings["lexical"].append(_seconds(lambda: search._lexical(store, terms, Filters())))
        library.forget_cached()
        timings["search"].append(_seconds(lambda: library.search(text, k=10)))
        library.forget_cached()
        embedder.encode_query(text)  # the index's share of a search: everything but embedding the question
        timings["retrieval"].append(_seconds(lambda: library.search(text, k=10)))
        library.forget_cached()
        timings["ask"].append(_seconds(lambda: ask(library, text)))
        library.forget_cached()
        timings["filtered"].append(_seconds(lambda: library.search(text, ONE_YEAR, k=10)))
        timings["repeat"].append(_seconds(lambda: ask(library, text)))
    after, after_anonymous = rss_mib(), anonymous_mib()
    out = {"vectors": len(store.vectors), "index": store.vectors.describe(), "kind": store.vectors.kind,
           "query_backend": embedder.query_backend, "lexical_mib": store.lexical.describe()["bytes"] / 2**20,
           "open_s": open_s, "reopen_s": min(reopens), "index_rss_mib": after - before,
           "index_anonymous_mib": after_anonymous - before_anonymous, "disk_mib": folder_mib(folder),
           "raw_mib": _raw_mib(store)}
    out.update({f"{name}_p50_ms": percentile(v, 50) for name, v in timings.items()})
    out.update({f"{name}_p95_ms": percentile(v, 95) for name, v in timings.items()})
    if store.vectors.kind != "flat":
        out.update(_recall_against_exact(store.vectors, [embedder.encode_query(t) for t in texts]))
    out["peak_rss_mib"] = peak_rss_mib()
    library.close()
    return out


ONE_YEAR = {"date_from": "2022-01-01", "date_to": "2022-12-31"}


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _raw_mib(store) -> float:
    text = store.db.execute("SELECT sum(length(CAST(text AS BLOB))) FROM paragraphs").fetchone()[0] or 0
    return (len(store.vectors) * store.settings["dimension"] * 4 + text) / 2**20


def _recall_against_exact(vectors, queries: list[np.ndarray]) -> dict:
    """Overlap of the approximate and exact top 10 and top 200 (dense retrieval's depth) on the same queries."""
    from index.vectors import IndexPolicy, VectorIndex

    ids, matrix = vectors.items()
    exact = VectorIndex.build(matrix.shape[1], ids, matrix, IndexPolicy(flat_limit=len(ids) + 1))
    out = {}
    for k in (10, 200):
        shares = [len({i for i, _ in vectors.search(q, k)} & {i for i, _ in exact.search(q, k)}) / k for q in queries]
        out[f"recall_at_{k}"] = float(np.mean(shares))
    return out


def _questions(path: str | None, count: int | None = None) -> list[dict]:
    """Benchmark queries: the question set's (first `count`, repeated if it has fewer), else fixed ones."""
    texts: list[dict] = []
    if path and Path(path).exists():
        from eval.questions import read_questions

        texts = [{"question": q.question, "gold": list(q.gold), "filters": dict(q.filters), "history": list(q.history)}
                 for q in read_questions(path).questions]
    if not texts:
        texts = [{"question": q, "gold": [], "filters": {}, "history": []} for q in FALLBACK_QUESTIONS]
    if count is None:
        return texts
    return (texts * (count // len(texts) + 1))[:count]


FALLBACK_QUESTIONS = ("What did the leaders discuss about climate change?", "Which sanctions were discussed?",
                      "What was said about Ukraine?", "Who met to discuss trade and supply chains?")


# --- answer quality per backend -----------------------------------------------------------------
def bench_quality(settings: BenchSettings, folder: Path, ingest: dict, embedder, questions: list[dict], say) -> dict:
    """Recall@5 on the question set; for a non-torch backend also on a twin index holding fp32 vectors."""
    from index.api import Library
    from index.embed import Embedder

    answerable = [q for q in questions if q["gold"]]
    if not answerable:
        return {}
    library = Library(folder, embedder=embedder, create=False)
    out = {"recall_at_5": _recall_at_5(library, answerable), "questions": len(answerable)}
    library.close()
    line = f"Recall@5 ({len(answerable)} answerable questions, hybrid): {settings.backend} {out['recall_at_5']:.3f}"
    if "reference" in ingest:
        twin = folder.parent / "scale-1-fp32"
        _copy_with_vectors(folder, twin, ingest["reference"])
        library = Library(twin, embedder=Embedder(device=settings.device), create=False)
        out["recall_at_5_fp32"] = _recall_at_5(library, answerable)
        library.close()
        difference = out["recall_at_5"] - out["recall_at_5_fp32"]
        line += f", fp32 torch {out['recall_at_5_fp32']:.3f} (difference {difference:+.3f})"
    say(line)
    return out


def _recall_at_5(library, questions: list[dict]) -> float:
    from eval.metrics import recall_at_k

    values = []
    for q in questions:
        hits = library.search(q["question"], q["filters"] or None, q["history"] or None, k=5)
        values.append(recall_at_k([(h.readout_id, h.paragraph) for h in hits], [tuple(g) for g in q["gold"]], 5))
    return float(np.mean([v for v in values if v is not None]))


def _copy_with_vectors(source: Path, target: Path, vectors: np.ndarray) -> None:
    """The same index with other vectors for its chunks (in chunk-id order); FAISS is rebuilt on open."""
    build_scaled(source, 1, target, 0.0)
    db = sqlite3.connect(target / "readouts.sqlite", isolation_level=None)
    ids = [r[0] for r in db.execute("SELECT id FROM chunks ORDER BY id")]
    db.execute("BEGIN")
    db.executemany("UPDATE chunks SET vector=? WHERE id=?", ((v.tobytes(), cid) for v, cid in zip(vectors, ids)))
    db.execute("COMMIT")
    db.close()


# --- index type threshold -----------------------------------------------------------------------
def bench_threshold(folder: Path, questions: list[dict], say, sizes=(10_000, 25_000, 50_000, 100_000)) -> list[dict]:
    """Exact vs IVF search time (k=200, one query at a time) by corpus size: the measurement behind FLAT_LIMIT."""
    from index.embed import Embedder
    from index.vectors import IndexPolicy, VectorIndex

    db = sqlite3.connect(folder / "readouts.sqlite")
    dimension = json.loads(db.execute("SELECT value FROM meta WHERE key='settings'").fetchone()[0])["dimension"]
    base = np.frombuffer(b"".join(r[0] for r in db.execute("SELECT vector FROM chunks")), dtype=np.float32)
    base = base.reshape(-1, dimension)
    db.close()
    embedder = Embedder()
    queries = [embedder.encode_query(q["question"]) for q in questions[:50]]
    rng, rows = np.random.default_rng(1), []
    for size in sizes:
        picks = base[rng.integers(0, len(base), size)]
        matrix = picks + rng.standard_normal(picks.shape, dtype=np.float32) * np.float32(0.2 / np.sqrt(base.shape[1]))
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        ids = np.arange(size)
        flat = VectorIndex.build(matrix.shape[1], ids, matrix, IndexPolicy(flat_limit=size + 1))
        ivf = VectorIndex.build(matrix.shape[1], ids, matrix, IndexPolicy(flat_limit=0))
        flat_t = [_seconds(lambda: flat.search(q, 200)) for q in queries]
        ivf_t = [_seconds(lambda: ivf.search(q, 200)) for q in queries]
        recall = np.mean([len({i for i, _ in ivf.search(q, 10)} & {i for i, _ in flat.search(q, 10)}) / 10 for q in queries])
        rows.append({"vectors": size, "flat_p50_ms": percentile(flat_t, 50), "ivf_p50_ms": percentile(ivf_t, 50),
                     "ivf": ivf.describe(), "ivf_recall_at_10": float(recall)})
        say(f"  {size:>7} vectors: exact {rows[-1]['flat_p50_ms']:.2f} ms, {ivf.describe()} {rows[-1]['ivf_p50_ms']:.2f} ms "
            f"(recall@10 {recall:.3f})")
    return rows


# --- orchestration ------------------------------------------------------------------------------
def cold_start(folder: Path, question: str, backend: str = "torch") -> float:
    """Seconds from starting `readouts ask` in a new process to its answer on stdout (the same call through
    the Python API for a backend the CLI has no flag for)."""
    command = [sys.executable, "-m", "ui.cli", "ask", question, "--index", str(folder)]
    if backend != "torch":
        command = [sys.executable, "-c", "import sys; from index.api import Library; from qa import ask; "
                   "print(ask(Library(sys.argv[1], backend=sys.argv[2], create=False), sys.argv[3]).text)",
                   str(folder), backend, question]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def _measure_in_child(folder: Path, questions: list[dict], settings: BenchSettings) -> dict:
    spec = folder / "bench-questions.json"
    spec.write_text(json.dumps(questions))
    done = subprocess.run([sys.executable, "-m", "eval.bench", "measure", str(folder), str(spec), settings.backend,
                           settings.device], cwd=REPO, capture_output=True, text=True)
    spec.unlink()
    if done.returncode:
        raise RuntimeError(f"measuring {folder} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(settings: BenchSettings, say=print, command: str = "", embedder=None) -> dict:
    """Every figure of the benchmark, printed through `say` as it comes and returned (`embedder`: one to reuse)."""
    work = Path(settings.work)
    work.mkdir(parents=True, exist_ok=True)
    say(f"command: {command or 'readouts bench'}")
    say(f"machine: {describe_machine()}")
    one = work / "scale-1"
    shutil.rmtree(one, ignore_errors=True)
    ingest, embedder = bench_ingest(settings, one, say, embedder)
    result = {"ingest": ingest}
    result["quality"] = bench_quality(settings, one, ingest, embedder, _questions(settings.questions), say)
    questions = _questions(settings.questions, settings.queries)
    result["ingest"].pop("reference", None)
    result["scales"] = {}
    for scale in settings.scales:
        folder = one if scale == 1 else work / f"scale-{scale}"
        built = 0.0 if scale == 1 else build_scaled(one, scale, folder, settings.noise)
        figures = dict(_measure_in_child(folder, questions, settings), scale=scale, build_s=built)
        result["scales"][scale] = figures
        say(_scale_line(figures))
    largest = work / f"scale-{max(settings.scales)}" if max(settings.scales) > 1 else one
    result["cold_start_s"] = {str(f.name): cold_start(f, questions[0]["question"], settings.backend)
                              for f in dict.fromkeys([one, largest])}
    say(f"cold start of `readouts ask` (process start to answer, {settings.backend}): " +
        ", ".join(f"{name} {s:.1f} s" for name, s in result["cold_start_s"].items()))
    if settings.threshold_table:
        say("exact vs IVF by size (the measurement behind FLAT_LIMIT):")
        result["threshold"] = bench_threshold(one, questions, say)
    result["parent_peak_rss_mib"] = peak_rss_mib()
    say(f"peak RSS of the benchmark process {result['parent_peak_rss_mib']:.0f} MiB; "
        f"machine after the run: {describe_machine()}")
    return result


def _scale_line(f: dict) -> str:
    recall = f" recall vs exact @10 {f['recall_at_10']:.3f} @200 {f['recall_at_200']:.3f};" if "recall_at_10" in f else ""
    return (f"{f['scale']}x: {f['vectors']} vectors, {f['index']};{recall} search p50 {f['search_p50_ms']:.1f} / "
            f"p95 {f['search_p95_ms']:.1f} ms, ask p50 {f['ask_p50_ms']:.1f} / p95 {f['ask_p95_ms']:.1f} ms, "
            f"repeated ask p50 {f['repeat_p50_ms']:.1f} ms, filtered (one year) search p50 {f['filtered_p50_ms']:.1f} ms; "
            f"parts p50: query encode ({f.get('query_backend', '?')}) {f['encode_p50_ms']:.1f}, search without it "
            f"{f['retrieval_p50_ms']:.1f} (dense {f['dense_p50_ms']:.1f}, lexical {f['lexical_p50_ms']:.1f}) ms; "
            f"index memory {f['index_rss_mib']:.0f} MiB (lexical {f.get('lexical_mib', 0):.0f}) = "
            f"{f['index_rss_mib'] / f['raw_mib']:.2f}x raw ({f['raw_mib']:.0f} MiB vectors+text), of which anonymous "
            f"{f['index_anonymous_mib']:.0f} MiB = {f['index_anonymous_mib'] / f['raw_mib']:.2f}x raw "
            f"(the rest clean file pages), peak RSS {f['peak_rss_mib']:.0f} MiB, disk {f['disk_mib']:.0f} MiB, "
            f"open {f.get('reopen_s', float('nan')):.2f} s (caches valid; {f['open_s']:.1f} s building them), "
            f"built in {f['build_s']:.1f} s")


def write_report(path: Path, lines: list[str]) -> None:
    """Put the figures between the bench markers of a markdown file, or write them as the whole file."""
    block = "<!-- bench:start -->\n```\n" + "\n".join(lines) + "\n```\n<!-- bench:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if "<!-- bench:start -->" in text and "<!-- bench:end -->" in text:
        head, rest = text.split("<!-- bench:start -->", 1)
        text = head + block + rest.split("<!-- bench:end -->", 1)[1]
    else:
        text = f"# Benchmark\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    """The child side: `python -m eval.bench measure FOLDER QUESTIONS.json BACKEND DEVICE` prints one JSON line."""
    if len(argv) == 5 and argv[0] == "measure":
        questions = json.loads(Path(argv[2]).read_text())
        print(json.dumps(measure(Path(argv[1]), questions, argv[3], argv[4])))
        return 0
    print("usage: readouts bench --help (python -m eval.bench measure ... is the benchmark's own child)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
