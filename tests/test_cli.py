"""The `readouts` command's JSON output, as other tools parse it (CONTRACT.md)."""
import json
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from conftest import REPO

READOUTS_BIN = str(Path(sys.executable).with_name("readouts"))
HIT_KEYS = {"readout_id", "paragraph", "title", "date", "event_date", "source", "url", "score", "text"}
CITATION_KEYS = {"n", "readout_id", "paragraph", "title", "date", "event_date", "source", "url", "quote", "speaker"}


def run(*args, stdin=None, env=None):
    return subprocess.run([READOUTS_BIN, *args], input=stdin, capture_output=True, text=True, cwd=REPO, timeout=300,
                          env=None if env is None else {**os.environ, **env})


def check_hits(hits):
    assert hits and all(set(h) == HIT_KEYS for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert len({(h["readout_id"], h["paragraph"]) for h in hits}) == len(hits)


def check_answer(data):
    assert {"answer", "refused", "citations", "hits"} <= set(data)
    check_hits(data["hits"])
    for c in data["citations"]:
        assert set(c) == CITATION_KEYS and f"[{c['n']}]" in data["answer"]
        paragraph = next(h["text"] for h in data["hits"] if (h["readout_id"], h["paragraph"]) == (c["readout_id"], c["paragraph"]))
        assert c["quote"] in paragraph


def test_search_and_ask_json(corpus_index):
    result = run("search", "Blinken Ashkenazi ceasefire", "--index", str(corpus_index), "-k", "3", "--json",
                 "--source", "state", "--date-from", "2021-05-01", "--date-to", "2021-05-31")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    check_hits(hits)
    assert len(hits) == 3 and all("2021-05" in h["date"] for h in hits)
    result = run("ask", "What did Blinken and Ashkenazi say about Egypt?", "--index", str(corpus_index), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_answer(data)
    assert data["refused"] is False and data["citations"]


def test_ask_with_history_file(corpus_index, tmp_path):
    history = tmp_path / "history.json"
    history.write_text(json.dumps(["What did Blinken and Ashkenazi discuss?"]))
    result = run("ask", "Whose mediation did they appreciate?", "--index", str(corpus_index), "--json",
                 "--history-file", str(history))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_answer(data)
    assert "Egypt" in data["answer"]


def test_batch_lines_in_order_with_error_lines(corpus_index):
    lines = [
        {"id": "a", "question": "What did the President and Lula discuss about climate?", "k": 3},
        {"id": "b", "question": "", "k": 3},
        "not json",
        {"id": "d", "question": "Colorado wildfires", "filters": {"date_from": "2021-12-01"}, "k": 2},
        {"id": "e", "question": "x", "filters": {"date_from": "yesterday"}},
        {"id": "f", "question": "What did they say about Afghanistan?",
         "history": [{"question": "Biden call with Boris Johnson", "cited": []}], "k": 4},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    for verb in ("search", "ask"):
        result = run(verb, "--batch", "-", "--index", str(corpus_index), stdin=stdin)
        assert result.returncode != 0  # some lines failed
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert [o["id"] for o in out] == ["a", "b", 3, "d", "e", "f"]
        assert [("error" in o) for o in out] == [False, True, True, False, True, False]
        assert "question" in out[1]["error"] and "line 3" in out[2]["error"] and "date_from" in out[4]["error"]
        for o in (out[0], out[3], out[5]):
            if verb == "search":
                check_hits(o["hits"])
            else:
                check_answer(o)
        search_hits = out[3]["hits"]
        assert all(h["date"] >= "2021-12-01" for h in search_hits)


def test_errors_are_clear_and_nonzero(corpus_index, tmp_path):
    result = run("search", "anything", "--index", str(tmp_path / "missing"))
    assert result.returncode == 2 and "no index" in result.stderr
    result = run("search", "anything", "--index", str(corpus_index), "--date-from", "2021-02-30")
    assert result.returncode == 2 and "date_from" in result.stderr
    result = run("remove", "no-such-readout", "--index", str(tmp_path / "missing"))
    assert result.returncode == 2


def test_ingest_context_is_recorded_and_cannot_change(tmp_path):
    from test_ingest import write_subset

    write_subset(tmp_path / "subset.jsonl", 3)
    index = str(tmp_path / "index")
    result = run("ingest", str(tmp_path / "subset.jsonl"), "--index", index, "--context", "none", "--quiet")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "index/manifest.json").read_text())["chunking"]["context"] == "none"
    again = run("ingest", str(tmp_path / "subset.jsonl"), "--index", index, "--context", "title", "--quiet")
    assert again.returncode != 0 and "chunking" in again.stderr
    assert run("ingest", str(tmp_path / "subset.jsonl"), "--index", index, "--quiet").returncode == 0


def test_version_is_the_package_version():
    result = run("--version")
    assert result.returncode == 0, result.stderr
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert result.stdout == f"readouts {metadata.version('readouts-qa')}\n" == f"readouts {declared}\n"


def test_a_mistyped_verb_names_the_one_meant():
    result = run("serach", "Blinken")
    assert result.returncode == 2 and not result.stdout
    assert "unknown command 'serach'; did you mean 'search'?" in result.stderr
    assert "did you mean 'chat'?" in run("caht").stderr
    far = run("florp")
    assert far.returncode == 2 and "did you mean" not in far.stderr and "search" in far.stderr


def test_a_cold_ask_prints_one_notice_and_no_progress_bars(corpus_index, tmp_path):
    """With no query model cached, torch loads and the ONNX export is made: no "Loading weights" or tqdm bar
    on stderr, one notice saying why this call is slow, and nothing at all the next time."""
    cache = {"READOUTS_CACHE": str(tmp_path / "cache")}
    question = ("ask", "What did Blinken and Ashkenazi say about Egypt?", "--index", str(corpus_index), "--json")
    cold = run(*question, env=cache)
    assert cold.returncode == 0, cold.stderr
    check_answer(json.loads(cold.stdout))
    assert "Loading weights" not in cold.stderr and "it/s" not in cold.stderr and "\r" not in cold.stderr
    lines = cold.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("notice: preparing the fast query model once"), lines
    assert str(tmp_path / "cache") in lines[0]
    warm = run(*question, env=cache)
    assert warm.returncode == 0 and warm.stderr == "" and warm.stdout == cold.stdout
