"""Faults a careless operator or a hostile file causes, on real index folders with the real model:
two writers at once, a CLI ingest under a running server, cache files that are stale or damaged,
a damaged database, and one bad line among good ones."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.servers import start_server

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "ui.cli"]


def _records(start: int, count: int) -> list[dict]:
    with open(CORPUS / "state_department_readouts.jsonl", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return rows[start:start + count]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _cli(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=REPO, capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, embedder) -> Path:
    """An index of 12 State Department readouts, built once; tests copy it."""
    from index.api import Library

    folder = tmp_path_factory.mktemp("faults") / "index"
    library = Library(folder, embedder=embedder)
    source = _write_jsonl(folder.parent / "twelve.jsonl", _records(0, 12))
    assert not library.ingest_paths([source]).failed
    library.close()
    return folder


def _copy(small_index: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(small_index, folder)
    return folder


def test_a_second_writer_fails_naming_the_first_or_waits(tmp_path):
    first = _write_jsonl(tmp_path / "first.jsonl", _records(100, 40))
    second = _write_jsonl(tmp_path / "second.jsonl", _records(200, 40))
    folder = tmp_path / "index"
    writer = subprocess.Popen([*CLI, "ingest", str(first), "--index", str(folder), "--quiet"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (folder / "readouts.sqlite").exists():  # the first writer has opened the index
        assert writer.poll() is None and time.monotonic() < deadline, writer.communicate()
        time.sleep(0.05)
    time.sleep(1.0)  # it is chunking or embedding now (40 readouts take well over 10 s here)
    assert writer.poll() is None
    second_run = _cli("ingest", str(second), "--index", str(folder), "--quiet")
    if second_run.returncode != 0:  # refused, naming the writer; --wait then queues behind it
        assert f"index is being written by PID {writer.pid}" in second_run.stderr, second_run.stderr
        second_run = _cli("ingest", str(second), "--index", str(folder), "--quiet", "--wait", "600")
    assert writer.wait(timeout=600) == 0
    assert second_run.returncode == 0, second_run.stderr
    assert "added 40" in second_run.stderr
    # Every readout of both runs is stored and found by the caches, not only by SQLite.
    from index.api import Library

    library = Library(folder, create=False)
    try:
        assert library.stats()["readouts"] == 80
        missing = [row["id"] for row in _records(100, 40) + _records(200, 40)
                   if [h.readout_id for h in library.search(row["title"], filters={"readout": row["id"]}, k=1)]
                   != [row["id"]]]
        assert missing == []
    finally:
        library.close()
    rerun = _cli("ingest", str(first), str(second), "--index", str(folder), "--quiet")
    assert rerun.returncode == 0 and "unchanged 80" in rerun.stderr


def test_a_server_loads_what_a_cli_ingest_wrote(small_index, tmp_path):
    folder = _copy(small_index, tmp_path)
    new = _records(300, 3)
    with start_server(folder, tmp_path) as client:
        assert client.get(f"/api/readouts/{new[0]['id']}").status_code == 404
        done = _cli("ingest", str(_write_jsonl(tmp_path / "new.jsonl", new)), "--index", str(folder), "--quiet")
        assert done.returncode == 0, done.stderr
        for row in new:  # by id (SQLite) and by search (the caches the server had to reload)
            assert client.get(f"/api/readouts/{row['id']}").status_code == 200
            hits = client.get("/api/search", params={"q": row["title"], "readout": row["id"], "k": 1}).json()["hits"]
            assert [h["readout_id"] for h in hits] == [row["id"]]
        assert client.get("/api/health").json()["readouts"] == 15
    with start_server(folder, tmp_path) as client:  # and after a restart
        hits = client.get("/api/search", params={"q": new[1]["title"], "readout": new[1]["id"], "k": 1}).json()["hits"]
        assert [h["readout_id"] for h in hits] == [new[1]["id"]]


def _generation_files(folder: Path) -> tuple[Path, Path]:
    return next(folder.glob("vectors-*.faiss")), next(folder.glob("lexical-*.npz"))


def test_stale_cache_files_are_found_and_a_rerun_repairs_them(small_index, tmp_path, embedder):
    from index.api import Library

    folder = _copy(small_index, tmp_path)
    stale_vectors, stale_lexical = [p.read_bytes() for p in _generation_files(folder)]
    extra = _write_jsonl(tmp_path / "extra.jsonl", _records(400, 2))
    library = Library(folder, embedder=embedder)
    library.ingest_paths([extra])
    library.close()
    # Two writers that raced used to leave exactly this: caches of an older state under the new name.
    vectors, lexical = _generation_files(folder)
    vectors.write_bytes(stale_vectors)
    lexical.write_bytes(stale_lexical)
    rerun = _cli("ingest", str(extra), "--index", str(folder), "--quiet")
    assert rerun.returncode == 0 and "unchanged 2" in rerun.stderr
    assert "rebuilt the search caches" in rerun.stderr and "does not match its recorded checksum" in rerun.stderr
    library = Library(folder, embedder=embedder, create=False)
    try:
        assert library.store.notices == []  # repaired on disk: opening again uses the files
        row = _records(400, 1)[0]
        assert [h.readout_id for h in library.search(row["title"], filters={"readout": row["id"]}, k=1)] == [row["id"]]
    finally:
        library.close()


def test_caches_that_disagree_with_sqlite_are_rebuilt_even_with_a_matching_checksum(small_index, tmp_path, embedder):
    from index import caches
    from index.api import Library

    folder = _copy(small_index, tmp_path)
    stale = {p.name: p.read_bytes() for p in _generation_files(folder)}
    library = Library(folder, embedder=embedder)
    library.ingest_paths([_write_jsonl(tmp_path / "extra.jsonl", _records(400, 2))])
    generation = library.store.generation()
    # Stale content, and a record that vouches for it: only the counts against SQLite can tell.
    for old_name, data in stale.items():
        (folder / old_name.replace(old_name.split("-")[1].split(".")[0], str(generation))).write_bytes(data)
    record = {"generation": generation, "files": {p.name: caches.fingerprint(p) for p in _generation_files(folder)}}
    with library.store.transaction():
        library.store.set_meta(caches.CACHES_KEY, record)
    library.close()
    reopened = Library(folder, embedder=embedder, create=False)
    try:
        assert any("caches hold" in n for n in reopened.store.notices), reopened.store.notices
        assert reopened.stats()["readouts"] == 14 and len(reopened.store.vectors) == caches.counts(reopened.store.db)[0]
    finally:
        reopened.close()


def test_garbage_in_the_faiss_file_is_detected_and_rebuilt(small_index, tmp_path, embedder):
    from index.api import Library

    folder = _copy(small_index, tmp_path)
    library = Library(folder, embedder=embedder, create=False)
    question = "Secretary Blinken discussed Ukraine with his counterpart"
    before = [(h.readout_id, h.paragraph) for h in library.search(question, k=5, mode="dense")]
    library.close()
    vectors, _ = _generation_files(folder)
    size = vectors.stat().st_size
    with open(vectors, "r+b") as handle:  # garbage over the middle, in place: the file still parses
        handle.seek(size // 3)
        handle.write(os.urandom(min(4 * 1024 * 1024, size // 3)))
    damaged = Library(folder, embedder=embedder, create=False)
    try:
        assert [(h.readout_id, h.paragraph) for h in damaged.search(question, k=5, mode="dense")] == before
        assert any("does not match its recorded checksum" in n for n in damaged.store.notices)
    finally:
        damaged.close()


def test_a_normal_open_trusts_the_stat_and_garbage_with_the_mtime_put_back_is_still_found(
        small_index, tmp_path, embedder, monkeypatch):
    from index import caches
    from index.api import Library

    folder = _copy(small_index, tmp_path)
    Library(folder, embedder=embedder, create=False).close()  # a copied folder: hashed once, its stat learned
    hashed = []
    real_digest = caches.digest
    monkeypatch.setattr(caches, "digest", lambda path: hashed.append(path.name) or real_digest(path))
    library = Library(folder, embedder=embedder, create=False)
    assert hashed == [] and library.store.notices == []  # untouched files: no full read at open
    question = "Secretary Blinken discussed Ukraine with his counterpart"
    before = [(h.readout_id, h.paragraph) for h in library.search(question, k=5, mode="dense")]
    library.close()
    vectors, _ = _generation_files(folder)
    kept = vectors.stat()
    with open(vectors, "r+b") as handle:  # same size, garbage in the middle, then the mtime put back
        handle.seek(kept.st_size // 3)
        handle.write(os.urandom(min(1024 * 1024, kept.st_size // 3)))
    os.utime(vectors, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert vectors.stat().st_mtime_ns == kept.st_mtime_ns and vectors.stat().st_size == kept.st_size
    damaged = Library(folder, embedder=embedder, create=False)
    try:
        assert vectors.name in hashed  # the ctime moved, so the file was hashed
        assert any("does not match its recorded checksum" in n for n in damaged.store.notices)
        assert [(h.readout_id, h.paragraph) for h in damaged.search(question, k=5, mode="dense")] == before
    finally:
        damaged.close()


@pytest.mark.parametrize("where", ["header", "middle"])
def test_a_damaged_database_is_reported_as_damaged(small_index, tmp_path, embedder, where):
    from index.api import Library
    from index.types import InputError

    folder = _copy(small_index, tmp_path)
    database = folder / "readouts.sqlite"
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        handle.seek(0 if where == "header" else size // 2)
        handle.write(os.urandom(min(64 * 1024, size // 4)))
    with pytest.raises(InputError, match="index database is damaged") as raised:
        Library(folder, embedder=embedder, create=False)
    assert "no index here" not in str(raised.value)
    shown = _cli("search", "Ukraine", "--index", str(folder))
    assert shown.returncode == 2 and "index database is damaged" in shown.stderr and "Traceback" not in shown.stderr
    assert "move it aside and rebuild it" in shown.stderr


def test_one_bad_line_fails_alone_and_the_rest_is_stored(tmp_path):
    rows = _records(450, 3)
    lines = [json.dumps(r) for r in rows]
    lines[1] = lines[1].replace('"title": "', '"title": "\\ud800', 1)  # a lone surrogate, escaped as JSON allows
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(("\n".join(lines[:2]) + "\n").encode() + b"\xff" + lines[2].encode() + b"\n"
                       + json.dumps(_records(460, 1)[0]).encode() + b"\n")
    folder = tmp_path / "index"
    done = _cli("ingest", str(source), "--index", str(folder), "--quiet")
    assert done.returncode == 1
    assert f"{source}:2: title: " in done.stderr and "surrogate" in done.stderr
    assert f"{source}:3: " in done.stderr and "not UTF-8" in done.stderr
    assert "added 2" in done.stderr
    shown = _cli("show", _records(460, 1)[0]["id"], "--index", str(folder))
    assert shown.returncode == 0


def test_chunking_reports_progress_before_embedding(tmp_path, embedder):
    from index.api import Library

    library = Library(tmp_path / "index", embedder=embedder)
    seen: list[tuple[int, int, str]] = []
    library.ingest_paths([_write_jsonl(tmp_path / "some.jsonl", _records(40, 70))],
                         lambda done, total, stage: seen.append((done, total, stage)))
    library.close()
    stages = [stage for _, _, stage in seen]
    assert stages[0] == "chunking" and stages[-1] == "embedding"
    assert stages.index("embedding") > 1  # chunking moved more than once before embedding began
    assert (70, 70, "chunking") in seen
    last_chunks = seen[-1]
    assert last_chunks[0] == last_chunks[1] > 70
