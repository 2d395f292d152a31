"""Ingest is incremental, replaces changed readouts, reports bad input and never loses what is stored."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.api import Library
from index.types import InputError

from conftest import CORPUS, REPO

READOUTS_BIN = str(Path(sys.executable).with_name("readouts"))


def write_subset(path: Path, count: int, offset: int = 0) -> list[dict]:
    """The first `count` State Department readouts of the real corpus, as a JSONL file."""
    lines = (CORPUS / "state_department_readouts.jsonl").read_text(encoding="utf-8").splitlines()[offset:offset + count]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(line) for line in lines]


@pytest.fixture
def small(tmp_path, embedder):
    records = write_subset(tmp_path / "subset.jsonl", 12)
    library = Library(tmp_path / "index", embedder=embedder)
    report = library.ingest_paths([tmp_path / "subset.jsonl"])
    assert len(report.added) == 12 and not report.failed
    yield library, records, tmp_path
    library.close()


def test_reingest_of_unchanged_readouts_does_no_work(small):
    library, records, tmp = small
    report = library.ingest_paths([tmp / "subset.jsonl"])
    assert report.embedded == 0 and len(report.unchanged) == 12 and not report.added and not report.updated


def test_changed_readout_replaces_its_chunks_and_nothing_else_is_embedded(small):
    library, records, tmp = small
    changed = dict(records[3])
    changed["text"] = changed["text"] + "\n\nThe two ministers also agreed to open a joint saffron research institute."
    before = library.stats()["chunks"]
    (tmp / "changed.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    report = library.ingest_paths([tmp / "changed.jsonl"])
    assert report.updated == (changed["id"],)
    assert report.embedded == 1  # the new paragraph only: unchanged paragraphs reuse their vectors
    assert library.stats()["chunks"] == before + 1
    hits = library.search("joint saffron research institute", k=3)
    assert hits[0].readout_id == changed["id"] and "saffron" in hits[0].text
    # Change a paragraph's wording: the old wording is gone from the index.
    changed["text"] = changed["text"].replace("saffron", "pistachio")
    (tmp / "changed.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    library.ingest_paths([tmp / "changed.jsonl"])
    stored = library.readout(changed["id"])
    assert "pistachio" in stored.paragraphs[-1] and all("saffron" not in p for p in stored.paragraphs)
    assert library.stats()["chunks"] == before + 1
    assert all("saffron" not in h.text for h in library.search("saffron research institute", k=10))


def test_remove_deletes_only_the_named_readouts(small):
    library, records, _ = small
    removed, unknown = library.remove([records[0]["id"], "no-such-id"])
    assert removed == [records[0]["id"]] and unknown == ["no-such-id"]
    assert library.readout(records[0]["id"]) is None
    assert all(h.readout_id != records[0]["id"] for h in library.search(records[0]["title"], k=10))
    assert library.stats()["readouts"] == 11


def test_reopened_index_has_everything_and_refuses_another_model(small):
    library, records, tmp = small
    stats = library.stats()
    library.close()
    reopened = Library(tmp / "index", create=False, embedder=library.embedder)
    assert reopened.stats()["chunks"] == stats["chunks"]
    manifest = json.loads((tmp / "index" / "manifest.json").read_text())
    assert manifest["model"] == "sentence-transformers/all-MiniLM-L6-v2" and manifest["dimension"] == 384
    assert manifest["chunking"]["max_tokens"] > 0 and manifest["format_version"] == 1
    with pytest.raises(InputError, match="built with model"):
        Library(tmp / "index", model="sentence-transformers/paraphrase-MiniLM-L3-v2")
    reopened.close()


def test_lost_faiss_file_is_rebuilt_from_sqlite(small):
    library, records, tmp = small
    hits = library.search(records[5]["title"], k=3)
    library.close()
    for f in (tmp / "index").glob("vectors-*.faiss"):
        f.unlink()
    (tmp / "index" / "vectors-0.faiss").write_bytes(b"left by an older generation")
    reopened = Library(tmp / "index", create=False, embedder=library.embedder)
    assert [h.readout_id for h in reopened.search(records[5]["title"], k=3)] == [h.readout_id for h in hits]
    generation = reopened.store.generation()
    assert [f.name for f in (tmp / "index").glob("vectors-*.faiss")] == [f"vectors-{generation}.faiss"]
    reopened.close()


BAD_FILES = {
    "binary.txt": (b"abc\x00\x01\x02", "binary"),
    "latin1.txt": ("Caf\xe9 meeting".encode("latin-1"), "not UTF-8"),
    "empty.md": (b"", "empty"),
}


def run_cli(*args, **kwargs):
    return subprocess.run([READOUTS_BIN, *args], capture_output=True, text=True, cwd=REPO, **kwargs)


def test_bad_input_is_reported_by_file_line_field_and_nothing_is_lost(small):
    library, records, tmp = small
    library.close()
    bad = tmp / "bad"
    bad.mkdir()
    for name, (data, _) in BAD_FILES.items():
        (bad / name).write_bytes(data)
    good = {"id": "good-one", "title": "Readout of a Good Call", "date": "2022-03-04", "source": "test",
            "url": "", "text": "The leaders discussed kelp farming cooperation."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "no-text", "title": "T", "date": "2022-01-01"}),
             json.dumps({"id": "bad-date", "title": "T", "date": "March 5", "text": "x"}),
             json.dumps(dict(good, text="Different text under the same id."))]
    (bad / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (bad / "fine.jsonl").write_text(json.dumps({"id": "fine-one", "title": "Readout of a Fine Call",
                                                "date": "2022-03-05", "text": "They talked about tide pools."}) + "\n")
    result = run_cli("ingest", str(bad), "--index", str(tmp / "index"), "--quiet")
    assert result.returncode != 0
    err = result.stderr
    for name, (_, message) in BAD_FILES.items():
        assert any(name in line and message in line for line in err.splitlines()), (name, err)
    assert "mixed.jsonl:2" in err  # malformed JSON line
    assert any("mixed.jsonl:3" in l and "text" in l for l in err.splitlines())
    assert any("mixed.jsonl:4" in l and "date" in l for l in err.splitlines())
    assert any("mixed.jsonl:1" in l and "id" in l for l in err.splitlines())  # same id, different content
    assert "failed" in err
    reopened = Library(tmp / "index", create=False, embedder=library.embedder)
    assert reopened.readout("fine-one") is not None  # the rest of the batch went on
    assert reopened.readout("good-one") is None  # neither conflicting copy was taken
    assert all(reopened.readout(r["id"]) is not None for r in records)  # nothing stored was lost
    reopened.close()


def test_ingest_killed_half_way_leaves_the_previous_index_working(small, tmp_path):
    library, records, tmp = small
    library.close()
    big = tmp_path / "big.jsonl"
    write_subset(big, 400, offset=20)
    process = subprocess.Popen([READOUTS_BIN, "ingest", str(big), "--index", str(tmp / "index")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
    # Kill it while it is embedding (the progress bar has started), long before it can finish.
    deadline = time.time() + 120
    buffer = ""
    while time.time() < deadline and "embedding" not in buffer:
        buffer += process.stderr.read(1) or ""
        if process.poll() is not None:
            break
    time.sleep(4)
    assert process.poll() is None, "ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reopened = Library(tmp / "index", create=False, embedder=library.embedder)
    for record in records:
        assert reopened.readout(record["id"]) is not None
    hits = reopened.search(records[2]["title"], k=5)
    assert records[2]["id"] in [h.readout_id for h in hits]
    # Running the ingest again completes it.
    report = reopened.ingest_paths([big])
    assert not report.failed and reopened.stats()["readouts"] == 12 + 400
    reopened.close()


def test_repeated_question_is_served_from_cache_until_the_index_changes(small):
    library, records, tmp = small
    question = "semiconductors export controls"
    first = library.search(question, k=3)
    cached = len(library._results)
    assert library.search(question, k=3) == first and len(library._results) == cached  # a hit adds nothing
    new = {"id": "test-semiconductors", "title": "Readout of a Call on Chips", "date": "2023-01-05",
           "source": "Test", "url": "https://example.org/chips",
           "text": "The officials discussed semiconductors and export controls on advanced chips."}
    (tmp / "new.jsonl").write_text(json.dumps(new) + "\n")
    library.ingest_paths([tmp / "new.jsonl"])
    assert library.search(question, k=3)[0].readout_id == "test-semiconductors"
    library.remove(["test-semiconductors"])
    assert all(h.readout_id != "test-semiconductors" for h in library.search(question, k=3))


def test_next_batch_embeds_in_a_worker_while_this_one_is_written(tmp_path, embedder, monkeypatch):
    """The embedding of batch k+1 starts (in the worker thread) before batch k is written, and the index is the same
    as one built in a single batch holds: the same texts, each distinct text embedded once."""
    import threading

    import index.ingest as ingest_module
    from index.load import load_paths

    write_subset(tmp_path / "subset.jsonl", 9)
    readouts = list(load_paths([tmp_path / "subset.jsonl"]).readouts)
    events: list[tuple[str, str]] = []
    real_encode, real_commit = embedder.encode, ingest_module.commit_batch

    def encode(texts, *args, **kwargs):
        events.append(("encode", threading.current_thread().name))
        return real_encode(texts, *args, **kwargs)

    def commit(store, batch, *args):
        events.append(("commit", batch[0][0].id))
        return real_commit(store, batch, *args)

    monkeypatch.setattr(embedder, "encode", encode)
    monkeypatch.setattr(ingest_module, "commit_batch", commit)
    library = Library(tmp_path / "index", embedder=embedder)
    report = ingest_module.ingest(library.store, embedder, library.chunking, readouts, batch_size=3)
    assert len(report.added) == 9
    kinds = [kind for kind, _ in events]
    assert kinds == ["encode", "encode", "commit", "encode", "commit", "commit"]
    assert all(name.startswith("readouts-embed") for kind, name in events if kind == "encode")
    monkeypatch.undo()
    # The same readouts in one batch: the same texts stored.
    alone = Library(tmp_path / "alone", embedder=embedder)
    ingest_module.ingest(alone.store, embedder, alone.chunking, readouts, batch_size=100)
    ours = dict(library.store.db.execute("SELECT text_hash, vector FROM chunks").fetchall())
    theirs = dict(alone.store.db.execute("SELECT text_hash, vector FROM chunks").fetchall())
    assert ours.keys() == theirs.keys() and report.embedded == len(ours)
    library.close()
    alone.close()
