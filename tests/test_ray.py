"""The Ray paths on a real local Ray cluster (2 worker processes): ingest bit for bit, serve with replicas."""
from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.api import Library
from index.ingest import ingest
from index.load import load_paths
from index.ray_ingest import connect, ingest_ray  # imports Ray only when called

# Small batches and windows so 31 readouts exercise what a large archive does: several commits,
# two windows, a text already written by an earlier window.
BATCH, WINDOW = 8, 2
TABLES = {  # every stored row, in id order: the Ray index must hold exactly the local one's
    "readouts": "SELECT id, title, date, source, url, metadata, hash, paragraphs FROM readouts ORDER BY id",
    "paragraphs": "SELECT id, readout_id, n, text FROM paragraphs ORDER BY id",
    "chunks": "SELECT id, paragraph_id, part, text_hash, vector FROM chunks ORDER BY id",
    "fts": "SELECT rowid, title, text FROM paragraphs_fts ORDER BY rowid",
    "meta": "SELECT readout_id, event_date, kind, participants, same_event FROM readout_meta ORDER BY readout_id",
    "generation": "SELECT value FROM meta WHERE key='generation'",
}


def test_default_paths_never_import_ray(tmp_path):
    """Ray is an optional extra: the CLI, the server and the Python API load without it."""
    code = ("import sys; from ui import cli; from ui import cmd_serve, service; import index.api, qa.ask; "
            f"cli.main(['list', '--index', {str(tmp_path / 'none')!r}]); "
            "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr[-2000:]


@pytest.fixture(scope="module")
def cluster():
    """A local Ray cluster of 2 CPUs (2 worker processes for the actor pools), shut down afterwards."""
    ray = pytest.importorskip("ray", reason="the optional 'ray' extra is not installed")
    started = connect(num_cpus=2)
    yield
    if started:
        try:
            from ray import serve

            serve.shutdown()
        finally:
            ray.shutdown()


@pytest.fixture()
def corpus_file(shared_dir, tmp_path):
    """The 30 shortest real readouts (the test embeds everything twice on 2 cores), plus a copy of the
    second under another id (same texts: the dedup path)."""
    lines = (shared_dir / "corpus" / "state_department_readouts.jsonl").read_text(encoding="utf-8").splitlines()
    lines = sorted(lines, key=len)[:30]
    copy = dict(json.loads(lines[1]), id="copy-of-second")
    path = tmp_path / "readouts.jsonl"
    path.write_text("\n".join(lines + [json.dumps(copy)]) + "\n", encoding="utf-8")
    return path


def rows(folder) -> dict:
    db = sqlite3.connect(folder / "readouts.sqlite")
    try:
        return {name: db.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        db.close()


def assert_same_index(local, distributed):
    ours, theirs = rows(local.folder), rows(distributed.folder)
    for name in TABLES:
        assert ours[name] == theirs[name], f"{name} differs"
    local_ids, local_vectors = local.store.all_vectors()
    ray_ids, ray_vectors = distributed.store.all_vectors()
    assert np.array_equal(local_ids, ray_ids)
    assert np.array_equal(local_vectors, ray_vectors)  # bit for bit, not "close"


def test_ray_ingest_matches_local_ingest_bit_for_bit(cluster, corpus_file, tmp_path, embedder):
    readouts = list(load_paths([corpus_file]).readouts)
    local = Library(tmp_path / "local", embedder=embedder)
    distributed = Library(tmp_path / "ray", embedder=embedder)
    expected = ingest(local.store, embedder, local.chunking, readouts, batch_size=BATCH)
    got = ingest_ray(distributed, readouts, actors=2, window=WINDOW, batch_readouts=BATCH)
    assert got == expected
    assert len(got.added) == 31 and got.embedded > 0
    # The copy's texts were embedded once, in an earlier window, and reused: not one vector more.
    assert got.embedded == len(set(r[3] for r in rows(local.folder)["chunks"]))
    assert_same_index(local, distributed)
    assert [h.readout_id for h in distributed.search(readouts[5].title, k=3)] \
        == [h.readout_id for h in local.search(readouts[5].title, k=3)]

    # An update across two batches: 9 readouts gain a paragraph, one loses all but one, and a new
    # readout in the later batch repeats the lost paragraphs (same title and date, so the same texts):
    # by then the earlier batch has deleted their vectors, so they are embedded again, not reused.
    shrunk = replace(readouts[9], paragraphs=("Only this paragraph remains.",))
    grown = [replace(r, paragraphs=r.paragraphs + ("A closing paragraph added later.",)) for r in readouts[:9]]
    repeat = replace(readouts[9], id="zz-repeats-the-lost-paragraphs")
    again = [shrunk] + grown + readouts[10:] + [repeat]
    expected = ingest(local.store, embedder, local.chunking, again, batch_size=BATCH)
    got = ingest_ray(distributed, again, actors=2, window=WINDOW, batch_readouts=BATCH)
    assert got == expected
    assert (len(got.added), len(got.updated), got.embedded) == (1, 10, expected.embedded)
    assert_same_index(local, distributed)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_serve_replicas_answer_and_follow_a_new_generation(cluster, corpus_file, tmp_path, embedder):
    from ray import serve

    from ui import ray_serve

    readouts = list(load_paths([corpus_file]).readouts)
    library = Library(tmp_path / "index", embedder=embedder)
    library.ingest(readouts[:10])
    port = free_port()
    # Half a CPU each: two replicas fit the 2-CPU cluster beside nothing else.
    ray_serve.start(str(library.folder), replicas=2, port=port, cpus_per_replica=0.5)
    try:
        assert ray_serve.running_replicas() == 2
        base = f"http://127.0.0.1:{port}/api"
        status, health = get(f"{base}/health")
        assert status == 200 and health["readouts"] == 10
        status, found = get(f"{base}/search?" + urllib.parse.urlencode({"q": readouts[0].title, "k": 3}))
        assert status == 200 and readouts[0].id in [hit["readout_id"] for hit in found["hits"]]
        assert get(f"{base}/readouts/{readouts[12].id}")[0] == 404

        library.ingest(readouts[10:13])  # a new generation while the replicas serve
        # Every request, on whichever replica the router picks, sees it without a restart.
        answers = [get(f"{base}/readouts/{readouts[12].id}") for _ in range(12)]
        assert [status for status, _ in answers] == [200] * 12
        assert answers[0][1]["title"] == readouts[12].title
        assert {get(f"{base}/health")[1]["readouts"] for _ in range(6)} == {13}
    finally:
        serve.delete(ray_serve.APP_NAME)
        library.close()
    shutil.rmtree(tmp_path / "index", ignore_errors=True)
