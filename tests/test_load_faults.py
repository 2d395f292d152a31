"""index.load against hostile input (bad Unicode and bytes, deep or huge JSON, oversized records, non-Latin
file names) and `readouts ingest` of input with no readout files. Every error stays with its own line or file."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import unicodedata

import pytest

from index.load import DEFAULT_MAX_RECORD_BYTES, Loaded, load_paths
from tests.conftest import REPO
from tests.test_load import GOOD, jsonl, write
from ui.cli import build_parser, main

MB = 1024 * 1024


def ids(loaded: Loaded) -> list[str]:
    return [r.id for r in loaded.readouts]


def places(loaded: Loaded) -> list[tuple[int | None, str | None]]:
    return [(e.line, e.field) for e in loaded.errors]


def all_encodable(loaded: Loaded) -> bool:
    """What SQLite and the JSON API need: every string of every readout and error is valid UTF-8."""
    texts = [str(e) for e in loaded.errors]
    for r in loaded.readouts:
        texts += [r.id, r.title, r.date, r.source, r.url, *r.paragraphs, json.dumps(dict(r.metadata), ensure_ascii=False)]
    return all(t.encode("utf-8") is not None for t in texts)


def short_hash(stem: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", stem).encode("utf-8")).hexdigest()[:8]


# --- 1. lone surrogates -------------------------------------------------------------------------

def test_lone_surrogates_fail_their_own_line_and_name_the_field(tmp_path):
    path = jsonl(
        tmp_path / "r.jsonl",
        GOOD,                                                                     # 1
        dict(GOOD, id="t", text="bad \ud800 text"),                               # 2
        dict(GOOD, id="n", title="Bad \udfff"),                                   # 3
        dict(GOOD, id="\ud800x"),                                                 # 4
        dict(GOOD, id="m", people=["ok", {"name": "\udc00"}]),                    # 5 nested metadata
        dict(GOOD, id="k", **{"\ud801": 1}),                                      # 6 a field name
        dict(GOOD, id="s", source="\ud800", date="2021-05-20"),                   # 7
        dict(GOOD, id="pair", title="Emoji \U0001F600", note="\U0001F600"),        # 8 a real pair is fine
        dict(GOOD, id="good-2"),                                                  # 9
    )
    loaded = load_paths([path])
    assert ids(loaded) == ["good-1", "pair", "good-2"]
    assert loaded.readouts[1].title == "Emoji \U0001F600"
    assert places(loaded) == [(2, "text"), (3, "title"), (4, "id"), (5, "people"), (6, None), (7, "source")]
    assert str(loaded.errors[0]) == f"{path}:2: text: contains an unpaired surrogate \\ud800 (invalid Unicode)"
    assert "\\udc00" in loaded.errors[3].message and "field name" in loaded.errors[4].message
    assert all_encodable(loaded)


def test_lone_surrogate_in_a_json_list_fails_that_item_only(tmp_path):
    path = write(tmp_path / "r.json", json.dumps([GOOD, dict(GOOD, id="b", title="T\ud800"), dict(GOOD, id="c")]))
    loaded = load_paths([path])
    assert ids(loaded) == ["good-1", "c"]
    assert [str(e) for e in loaded.errors] == [f"{path}:2: title: contains an unpaired surrogate \\ud800 (invalid Unicode)"]


def test_undecodable_file_name_gives_a_readout_every_stage_can_store(tmp_path):
    # On Linux a name with a byte that is not UTF-8 arrives as a str with a lone surrogate (surrogateescape).
    name = tmp_path / "report\udcff.txt"
    try:
        write(name, "Text.")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take non-UTF-8 names")
    loaded = load_paths([tmp_path])
    (readout,) = loaded.readouts
    assert readout.title == "report\ufffd" and readout.id.startswith("report-")
    assert all_encodable(loaded)


# --- 2. bytes that are not UTF-8 ------------------------------------------------------------------

def test_invalid_utf8_in_jsonl_fails_that_line_only(tmp_path):
    bad = '{"id": "x", "title": "日本'.encode() + b"\xff" + b'", "text": "t"}'
    data = b"\n".join([json.dumps(GOOD).encode(), bad, json.dumps(dict(GOOD, id="good-2")).encode()]) + b"\n"
    path = write(tmp_path / "r.jsonl", data)
    loaded = load_paths([path])
    assert ids(loaded) == ["good-1", "good-2"]
    column = len('{"id": "x", "title": "日本') + 1  # in characters, as JSON errors count columns
    assert [str(e) for e in loaded.errors] == [f"{path}:2: not UTF-8 text: invalid byte 0xff at column {column}"]


def test_invalid_utf8_in_other_files_names_line_column_and_offset(tmp_path):
    text = write(tmp_path / "a.txt", b"First line.\n\nSecond caf\xe9.\n")
    whole = write(tmp_path / "b.json", b'[\n {"id": "a",\n  "title": "\xc3"}]')
    loaded = load_paths([text, whole])
    assert loaded.readouts == ()
    assert [str(e) for e in loaded.errors] == [
        f"{text}: not UTF-8 text: invalid byte 0xe9 at offset 23 (line 3, column 11)",
        f"{whole}: not UTF-8 text: invalid byte 0xc3 at offset 27 (line 3, column 13)",
    ]


# --- 3. deep nesting and huge numbers -----------------------------------------------------------

def test_deep_nesting_and_huge_numbers_fail_their_own_line(tmp_path):
    path = jsonl(
        tmp_path / "r.jsonl",
        GOOD,                                                             # 1
        "[" * 30000 + "]" * 30000,                                        # 2 deeper than json.loads can go
        '{"id": "x", "title": "T", "text": "t", "n": ' + "7" * 4400 + "}",  # 3 past Python's digit limit
        '{"id": "y", "title": "T", "text": "t", "n": -' + "7" * 4400 + "}",  # 4
        dict(GOOD, id="good-2"),                                          # 5
    )
    loaded = load_paths([path])
    assert ids(loaded) == ["good-1", "good-2"]
    assert places(loaded) == [(2, None), (3, None), (4, None)]
    assert all(e.message.startswith("invalid JSON: ") and len(str(e)) < 200 for e in loaded.errors)
    assert "4400 digits" in loaded.errors[1].message


def test_deep_nesting_in_a_json_file_is_one_file_error(tmp_path):
    path = write(tmp_path / "deep.json", "[" * 30000 + "]" * 30000)
    loaded = load_paths([path])
    assert loaded.readouts == () and places(loaded) == [(None, None)]


def test_nesting_json_accepts_but_ingest_could_not_store_is_a_line_error(tmp_path):
    # 500 levels parse, but json.dumps in ingest runs deeper in the stack and fails near Python's limit.
    deep = '{"id": "x", "title": "T", "text": "t", "tree": ' + "[" * 500 + "]" * 500 + "}"
    shallow = dict(GOOD, id="ok", tree=[[[{"a": [1]}]]])
    loaded = load_paths([jsonl(tmp_path / "r.jsonl", deep, shallow)])
    assert ids(loaded) == ["ok"]
    assert places(loaded) == [(1, "tree")] and "nested more than" in loaded.errors[0].message


def test_numbers_json_cannot_write_back_are_line_errors(tmp_path):
    lines = [f'{{"id": "n{i}", "title": "T", "text": "t", "value": {number}}}'
             for i, number in enumerate(["NaN", "Infinity", "-Infinity", "1e999", "-" + "9" * 400 + ".5"])]
    loaded = load_paths([jsonl(tmp_path / "r.jsonl", *lines, dict(GOOD, value=1e300))])
    assert ids(loaded) == ["good-1"] and loaded.readouts[0].metadata["value"] == 1e300
    assert places(loaded) == [(n, None) for n in range(1, 6)]
    assert all(e.message.startswith("invalid JSON: ") for e in loaded.errors)


# --- 4. one record over the size limit ---------------------------------------------------------

def test_record_over_the_size_limit_is_an_error_naming_it(tmp_path):
    assert DEFAULT_MAX_RECORD_BYTES == 4 * MB
    path = jsonl(
        tmp_path / "r.jsonl",
        dict(GOOD, id="big", text="x" * int(5.2 * MB)),       # 1
        dict(GOOD, id="wide", text="日" * (MB + MB // 2)),      # 2: 1.5 M characters, 4.5 MB of UTF-8
        dict(GOOD, id="at-limit", text="y" * (4 * MB)),         # 3: exactly the limit loads
    )
    loaded = load_paths([path])
    assert ids(loaded) == ["at-limit"]
    assert [str(e) for e in loaded.errors] == [
        f"{path}:1: text: 5.2 MB, over the 4 MB limit for one readout (raise it with --max-record-mb)",
        f"{path}:2: text: 4.5 MB, over the 4 MB limit for one readout (raise it with --max-record-mb)",
    ]
    assert ids(load_paths([path], max_record_bytes=6 * MB)) == ["big", "wide", "at-limit"]
    assert ids(load_paths([path], max_record_bytes=None)) == ["big", "wide", "at-limit"]


def test_document_over_the_size_limit_is_an_error_naming_it(tmp_path):
    small = write(tmp_path / "a.txt", "Short.")
    big = write(tmp_path / "b.md", "# Big\n\n" + "word " * 600)
    page = write(tmp_path / "c.html", "<p>" + "z" * 5000 + "</p>")
    loaded = load_paths([small, big, page], max_record_bytes=2048)
    assert ids(loaded) == ["a"]
    assert [str(e) for e in loaded.errors] == [
        f"{big}: 2.9 KB, over the 2 KB limit for one readout (raise it with --max-record-mb)",
        f"{page}: 4.9 KB, over the 2 KB limit for one readout (raise it with --max-record-mb)",
    ]


def test_a_size_just_over_the_limit_is_not_shown_as_equal(tmp_path):
    path = jsonl(tmp_path / "r.jsonl", dict(GOOD, text="x" * (2048 + 1)))
    (error,) = load_paths([path], max_record_bytes=2048).errors
    assert error.message.startswith("2,049 bytes, over the 2,048-byte limit")


# --- 5. non-Latin file names ----------------------------------------------------------------------

def test_non_latin_file_names_get_distinct_stable_ids(tmp_path):
    japan = write(tmp_path / "report 日本.txt", "About Japan.")
    china = write(tmp_path / "report 中国.txt", "About China.")
    only = write(tmp_path / "日本.md", "No Latin letters at all.")
    loaded = load_paths([japan, china, only])
    assert loaded.errors == ()
    assert ids(loaded) == [f"report-{short_hash('report 日本')}", f"report-{short_hash('report 中国')}", short_hash("日本")]
    assert ids(load_paths([china])) == ids(loaded)[1:2]  # stable from load to load
    assert [r.title for r in loaded.readouts] == ["report 日本", "report 中国", "日本"]


def test_ascii_and_accented_file_names_keep_their_ids(tmp_path):
    files = [write(tmp_path / f"{stem}.txt", f"Text of {stem}.") for stem in ("Call Notes", "Café", "000_95fd2942", "a—b")]
    assert ids(load_paths(files)) == ["call-notes", "cafe", "000_95fd2942", "a-b"]


def test_decomposed_and_composed_names_give_one_id(tmp_path):
    composed = unicodedata.normalize("NFC", "Café 日本")
    decomposed = unicodedata.normalize("NFD", "Café 日本")  # as macOS writes file names
    assert composed != decomposed
    first = load_paths([write(tmp_path / "a" / f"{composed}.txt", "Same text.")])
    second = load_paths([write(tmp_path / "b" / f"{decomposed}.txt", "Same text.")])
    assert ids(first) == ids(second) == [f"cafe-{short_hash(composed)}"]


def test_two_files_with_one_id_are_still_an_error_naming_both(tmp_path):
    first = write(tmp_path / "report 日本.txt", "One text.")
    second = write(tmp_path / "sub" / "report 日本.md", "Another text.")
    loaded = load_paths([first, second])
    assert loaded.readouts == () and places(loaded) == [(None, "id"), (None, "id")]
    assert str(second) in loaded.errors[0].message and str(first) in loaded.errors[1].message


# --- 6. `readouts ingest` with no readout files -------------------------------------------------

@pytest.mark.parametrize("contents", [{}, {"README.md": "# About", "notes.pdf": "%PDF", ".hidden.txt": "x"}])
def test_ingest_of_no_readout_files_says_so_and_fails(tmp_path, capsys, contents):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in contents.items():
        write(folder / name, text)
    index = tmp_path / "index"
    assert main(["ingest", str(folder), "--index", str(index), "--quiet"]) != 0
    err = capsys.readouterr().err
    assert f"no readout files found in {folder} (supported: .jsonl, .json, .txt, .md, .html, .htm)" in err
    assert not index.exists()  # nothing was created, and no model was loaded


def test_ingest_of_a_missing_path_names_it(tmp_path, capsys):
    missing = tmp_path / "nowhere.jsonl"
    assert main(["ingest", str(missing), "--index", str(tmp_path / "index"), "--json"]) != 0
    captured = capsys.readouterr()
    assert f"{missing}: no such file or folder" in captured.err and "no readout files found" in captured.err
    assert json.loads(captured.out)["failed"]


def test_max_record_mb_flag_and_environment(monkeypatch):
    monkeypatch.delenv("READOUTS_MAX_RECORD_MB", raising=False)
    assert build_parser().parse_args(["ingest", "x"]).max_record_mb * MB == DEFAULT_MAX_RECORD_BYTES
    assert build_parser().parse_args(["ingest", "x", "--max-record-mb", "0.5"]).max_record_mb == 0.5
    monkeypatch.setenv("READOUTS_MAX_RECORD_MB", "12.5")
    assert build_parser().parse_args(["ingest", "x"]).max_record_mb == 12.5
    for bad in ("0", "-1", "inf", "many"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["ingest", "x", "--max-record-mb", bad])


def test_ingest_end_to_end_rejects_an_oversized_record(tmp_path):
    path = jsonl(tmp_path / "r.jsonl", GOOD, dict(GOOD, id="big", text="x" * 3000))
    env = dict(os.environ, READOUTS_MAX_RECORD_MB="0.002")  # 2,097 bytes
    result = subprocess.run([sys.executable, "-m", "ui.cli", "ingest", str(path), "--index", str(tmp_path / "index"),
                             "--quiet", "--json"], capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
    assert result.returncode == 1, result.stderr
    assert f"error: {path}:2: text: 2.9 KB, over the 2 KB limit for one readout (raise it with --max-record-mb)" in result.stderr
    assert json.loads(result.stdout)["added"] == ["good-1"]
