"""index.load: files -> Readouts, paragraph rules of CONTRACT.md, and one clear error per bad input."""
from __future__ import annotations

import json
import re
from pathlib import Path

from index.load import LoadError, Loaded, find_files, load_paths, slugify, split_paragraphs
from tests.conftest import CORPUS, SEEDS

GOOD = {"id": "good-1", "title": "Good", "date": "2021-05-20", "source": "S", "url": "u", "text": "One.\n\nTwo."}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def jsonl(path: Path, *lines: object) -> Path:
    return write(path, "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")


def only_error(loaded: Loaded) -> LoadError:
    assert len(loaded.errors) == 1, [str(e) for e in loaded.errors]
    return loaded.errors[0]


def ids(loaded: Loaded) -> list[str]:
    return [r.id for r in loaded.readouts]


# --- paragraphs and slugs -------------------------------------------------------------------------

def test_split_paragraphs_blank_and_whitespace_lines_separate_blocks():
    text = "  First line\nstill first  \n\n\n \t \nSecond\r\n\r\nThird\rline\r\rFourth\n  "
    assert split_paragraphs(text) == ("First line\nstill first", "Second", "Third\nline", "Fourth")


def test_split_paragraphs_of_nothing_is_empty():
    assert split_paragraphs("") == ()
    assert split_paragraphs(" \n\t\n ") == ()


def test_split_paragraphs_keeps_list_lines_inside_one_paragraph():
    assert split_paragraphs("Participants:\n- A\n- B\n\nEnd.") == ("Participants:\n- A\n- B", "End.")


def test_slugify():
    assert slugify("000_95fd29420489899a") == "000_95fd29420489899a"
    assert slugify("2021-05-20 Secretary Blinken’s Call — with Café!") == "2021-05-20-secretary-blinken-s-call-with-cafe"
    assert slugify("  A - B  ") == "a-b"
    assert slugify("中文") == ""
    assert slugify("Call with 王毅") == "call-with"


def test_load_error_str_names_path_line_and_field():
    assert str(LoadError("a.jsonl", 3, "date", "bad")) == "a.jsonl:3: date: bad"
    assert str(LoadError("a.txt", None, None, "empty file")) == "a.txt: empty file"
    assert str(LoadError("a.json", None, "text", "missing")) == "a.json: text: missing"


# --- JSONL and JSON -------------------------------------------------------------------------------

def test_jsonl_good_records_and_fields(tmp_path):
    record = dict(GOOD, published="2021-05-20T21:10:41-04:00", author="X")
    path = jsonl(tmp_path / "r.jsonl", record, "", "   ", {"title": "No Id", "date": "2021-05-20T21:10:41-04:00", "text": "T"})
    loaded = load_paths([path])
    assert loaded.errors == () and loaded.files == 1
    first, second = loaded.readouts
    assert (first.id, first.title, first.date, first.source, first.url) == ("good-1", "Good", "2021-05-20", "S", "u")
    assert first.paragraphs == ("One.", "Two.")
    assert dict(first.metadata) == {"published": "2021-05-20T21:10:41-04:00", "author": "X"}
    assert (second.id, second.date, second.source, second.url) == ("2021-05-20-no-id", "2021-05-20", "", "")


def test_jsonl_keeps_a_given_id_as_is(tmp_path):
    loaded = load_paths([jsonl(tmp_path / "r.jsonl", dict(GOOD, id="Mixed Case/ID"))])
    assert ids(loaded) == ["Mixed Case/ID"]


def test_jsonl_bad_lines_are_reported_and_good_lines_still_load(tmp_path):
    path = jsonl(
        tmp_path / "r.jsonl",
        GOOD,                                               # 1
        '{"id": "x", "title": ',                            # 2 malformed JSON
        "[1, 2]",                                           # 3 not an object
        {"id": "t1", "title": "T"},                         # 4 text missing
        {"id": "t2", "title": "T", "text": 5},              # 5 text not a string
        {"id": "t3", "title": "T", "text": " \n\n \t"},     # 6 text without a paragraph
        {"id": "n1", "text": "x"},                          # 7 title missing
        {"id": "d1", "title": "T", "date": "20 May 2021", "text": "x"},  # 8 bad date
        {"id": 7, "title": "T", "text": "x"},               # 9 id not a string
        {"id": "", "title": "T", "text": "x"},              # 10 empty id
        {"id": "d2", "title": "T", "date": "2021-02-30", "text": "x"},   # 11 impossible date
        dict(GOOD, id="good-2"),                            # 12
    )
    loaded = load_paths([path])
    assert ids(loaded) == ["good-1", "good-2"]
    found = {(e.line, e.field) for e in loaded.errors}
    assert found == {(2, None), (3, None), (4, "text"), (5, "text"), (6, "text"), (7, "title"),
                     (8, "date"), (9, "id"), (10, "id"), (11, "date")}
    by_line = {e.line: e for e in loaded.errors}
    assert all(e.path == str(path) for e in loaded.errors)
    assert str(by_line[2]).startswith(f"{path}:2: invalid JSON: ")
    assert "expected a JSON object" in by_line[3].message
    assert str(by_line[8]) == f"{path}:8: date: '20 May 2021' is not a date in YYYY-MM-DD form"
    assert all("\n" not in str(e) for e in loaded.errors)


def test_json_single_object_and_list(tmp_path):
    single = write(tmp_path / "one.json", json.dumps(dict(GOOD, id="single")))
    many = write(tmp_path / "many.json", json.dumps([dict(GOOD, id="a"), "oops", {"id": "b", "title": "B"}, dict(GOOD, id="c")]))
    loaded = load_paths([single, many])
    assert sorted(ids(loaded)) == ["a", "c", "single"]
    assert [(e.path, e.line, e.field) for e in loaded.errors] == [(str(many), 2, None), (str(many), 3, "text")]


def test_json_whole_file_errors(tmp_path):
    broken = write(tmp_path / "broken.json", '{"id": "a",\n "title": }')
    scalar = write(tmp_path / "scalar.json", "42")
    empty_list = write(tmp_path / "empty.json", "[]")
    loaded = load_paths([broken, scalar, empty_list])
    assert loaded.readouts == () and loaded.files == 3
    messages = {e.path: str(e) for e in loaded.errors}
    assert messages[str(broken)].startswith(f"{broken}: invalid JSON: ") and "line 2" in messages[str(broken)]
    assert "expected a JSON object or a list" in messages[str(scalar)]
    assert "no records" in messages[str(empty_list)]


# --- bytes: empty, binary, encodings --------------------------------------------------------------

def test_file_level_errors_do_not_stop_the_batch(tmp_path):
    empty = write(tmp_path / "a_empty.txt", b"")
    blank = write(tmp_path / "b_blank.md", b"  \n\t\n")
    binary = write(tmp_path / "c_binary.jsonl", b'{"id": "x"}\x00\n')
    latin = write(tmp_path / "d_latin.txt", "Caf\u00e9 ok".encode("latin-1"))
    good = write(tmp_path / "e_good.txt", "Fine text.")
    loaded = load_paths([tmp_path])
    assert ids(loaded) == ["e_good"] and loaded.files == 5
    assert [str(e) for e in loaded.errors] == [
        f"{empty}: empty file",
        f"{blank}: empty file",
        f"{binary}: binary file, not text",
        f"{latin}: not UTF-8 text: invalid byte 0xe9 at offset 3 (line 1, column 4)",
    ]
    assert good.exists()


def test_utf8_bom_is_stripped(tmp_path):
    txt = write(tmp_path / "bom.txt", "\ufefftitle: With BOM\nBody.".encode("utf-8"))
    lines = write(tmp_path / "bom.jsonl", ("\ufeff" + json.dumps(GOOD) + "\n").encode("utf-8"))
    loaded = load_paths([txt, lines])
    assert loaded.errors == ()
    assert [(r.title, r.paragraphs) for r in loaded.readouts] == [("With BOM", ("Body.",)), ("Good", ("One.", "Two."))]


def test_missing_and_unsupported_paths_are_errors(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    pdf = write(tmp_path / "paper.pdf", b"%PDF")
    good = jsonl(tmp_path / "ok.jsonl", GOOD)
    loaded = load_paths([missing, pdf, good])
    assert ids(loaded) == ["good-1"] and loaded.files == 1
    assert [(e.path, e.line, e.field) for e in loaded.errors] == [(str(missing), None, None), (str(pdf), None, None)]
    assert "no such file" in loaded.errors[0].message
    assert "unsupported file type .pdf" in loaded.errors[1].message


def test_find_files_walks_folders_sorted_supported_and_not_hidden(tmp_path):
    for name in ["b/2.md", "b/1.txt", "a.jsonl", "c.HTML", "notes.pdf", ".hidden.txt", ".git/x.json", "d/.cache/y.md"]:
        write(tmp_path / name, "x")
    direct = write(tmp_path / "other" / "z.json", "{}")
    found = find_files([tmp_path / "b", tmp_path, direct])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["b/1.txt", "b/2.md", "a.jsonl", "c.HTML", "other/z.json"]
    assert find_files(tmp_path / "missing") == []


# --- duplicate ids --------------------------------------------------------------------------------

def test_identical_duplicates_are_kept_once(tmp_path):
    first = jsonl(tmp_path / "a.jsonl", GOOD)
    second = jsonl(tmp_path / "b.jsonl", dict(GOOD, extra="metadata does not count"))
    loaded = load_paths([first, second])
    assert ids(loaded) == ["good-1"] and loaded.errors == ()


def test_conflicting_duplicates_error_on_each_copy_and_load_none(tmp_path):
    first = jsonl(tmp_path / "a.jsonl", dict(GOOD, id="other"), GOOD)
    second = jsonl(tmp_path / "b.jsonl", dict(GOOD, title="Changed"))
    loaded = load_paths([first, second])
    assert ids(loaded) == ["other"]
    assert [(e.path, e.line, e.field) for e in loaded.errors] == [(str(first), 2, "id"), (str(second), 1, "id")]
    assert f"{second}:1" in loaded.errors[0].message and f"{first}:2" in loaded.errors[1].message


def test_conflicting_duplicates_across_file_kinds(tmp_path):
    text_file = write(tmp_path / "good-1.txt", "Other words.")
    lines = jsonl(tmp_path / "r.jsonl", GOOD)
    loaded = load_paths([text_file, lines])
    assert loaded.readouts == ()
    assert [str(e) for e in loaded.errors] == [
        f"{text_file}: id: id 'good-1' is also at {lines}:1 with different content; no copy was loaded",
        f"{lines}:1: id: id 'good-1' is also at {text_file} with different content; no copy was loaded",
    ]


# --- .txt -----------------------------------------------------------------------------------------

def test_txt_title_line_and_date_prefix(tmp_path):
    path = write(tmp_path / "Call Notes.txt", "title: A Call\r\n date 2021-03-04 First para\nline two\r\n\r\nSecond.")
    (readout,) = load_paths([path]).readouts
    assert (readout.id, readout.title, readout.date) == ("call-notes", "A Call", "2021-03-04")
    assert readout.paragraphs == ("First para\nline two", "Second.")


def test_txt_without_title_line_uses_the_file_name(tmp_path):
    (readout,) = load_paths([write(tmp_path / "Plain File.txt", "Just text.\n\nMore.")]).readouts
    assert (readout.id, readout.title, readout.date, readout.paragraphs) == ("plain-file", "Plain File", "", ("Just text.", "More."))


def test_txt_with_only_a_title_has_no_paragraphs(tmp_path):
    path = write(tmp_path / "t.txt", "title: Only a title\n date 2021-01-01 \n")
    assert str(only_error(load_paths([path]))) == f"{path}: no paragraphs"


def test_txt_bad_date_prefix_is_a_date_error(tmp_path):
    path = write(tmp_path / "t.txt", "date 2021-13-40 Text.")
    error = only_error(load_paths([path]))
    assert (error.path, error.line, error.field) == (str(path), None, "date")


def test_names_give_the_display_name_and_id_of_an_upload(tmp_path):
    temp = write(tmp_path / "tmp8f2k1.txt", "Uploaded text.")
    empty = write(tmp_path / "tmp0000.md", "")
    loaded = load_paths([temp, empty], names={temp: "My Readout.txt", empty: "empty upload.md"})
    assert [(r.id, r.title) for r in loaded.readouts] == [("my-readout", "My Readout")]
    assert str(only_error(loaded)) == "empty upload.md: empty file"


# --- .md ------------------------------------------------------------------------------------------

def test_md_heading_is_the_title_and_never_a_paragraph(tmp_path):
    text = "```\n# not a title\n```\n\nIntro\n# The Title #\nAfter heading\n\n## Section\nBody"
    (readout,) = load_paths([write(tmp_path / "note.md", text)]).readouts
    assert readout.title == "The Title"
    assert readout.paragraphs == ("```\n# not a title\n```", "Intro", "After heading", "## Section\nBody")


def test_md_date_prefix_after_heading(tmp_path):
    (readout,) = load_paths([write(tmp_path / "m.md", "# Heading\n date 2022-01-02 Body **kept**.")]).readouts
    assert (readout.title, readout.date, readout.paragraphs) == ("Heading", "2022-01-02", ("Body **kept**.",))


def test_md_without_heading_uses_the_file_name(tmp_path):
    (readout,) = load_paths([write(tmp_path / "no_heading.md", "Text only.")]).readouts
    assert (readout.id, readout.title) == ("no_heading", "no_heading")


# --- .html ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title> Readout &amp; Call </title>
<meta name="date" content="2021-06-01"><style>p { color: red }</style></head>
<body><h1>Page heading</h1><script>var p = "<p>not text</p>";</script>
<p>First   paragraph
 &ldquo;quoted&rdquo; &lt;tag&gt;</p>
<ul><li>Item one</li><li>Item <b>two</b></li></ul>
<div class="body">Div text before<p>Inner para</p>div text after</div>
<div><div>  </div></div>
<p></p>
</body></html>"""


def test_html_paragraphs_title_entities_and_skipped_content(tmp_path):
    (readout,) = load_paths([write(tmp_path / "page.html", PAGE)]).readouts
    assert (readout.id, readout.title, readout.date) == ("page", "Readout & Call", "2021-06-01")
    assert readout.paragraphs == (
        "First paragraph “quoted” <tag>",
        "Item one",
        "Item two",
        "Div text before",
        "Inner para",
        "div text after",
    )


def test_html_first_h1_is_the_title_when_there_is_no_title_tag(tmp_path):
    page = "<body><h1>The  Heading</h1><p> date 2020-11-30 Dated text.</p><div>Div body.<h1>Second h1</h1>more</div></body>"
    (readout,) = load_paths([write(tmp_path / "x.htm", page)]).readouts
    assert (readout.title, readout.date) == ("The Heading", "2020-11-30")
    assert readout.paragraphs == ("Dated text.", "Div body.", "more")


def test_html_without_closing_head_still_reads_the_body(tmp_path):
    (readout,) = load_paths([write(tmp_path / "y.html", "<html><head><title>T</title><body><p>Body.")]).readouts
    assert (readout.title, readout.paragraphs) == ("T", ("Body.",))


def test_html_without_paragraphs_and_bad_meta_date(tmp_path):
    bare = write(tmp_path / "bare.html", "<html><head><title>Only</title></head><body><script>x()</script></body></html>")
    dated = write(tmp_path / "dated.html", '<meta name="date" content="soon"><p>Text.</p>')
    loaded = load_paths([bare, dated])
    assert loaded.readouts == ()
    assert [(e.path, e.field) for e in loaded.errors] == [(str(bare), None), (str(dated), "date")]
    assert loaded.errors[0].message == "no paragraphs"


# --- real data ------------------------------------------------------------------------------------

def count_paragraphs(text: str) -> int:
    return len([b.strip() for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if b.strip()])


def test_real_corpus_loads_completely(shared_dir):
    files = sorted(CORPUS.glob("*.jsonl"))
    records = [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    loaded = load_paths(files)
    assert loaded.errors == () and loaded.files == 2
    assert len(loaded.readouts) == len(records) == 2053
    total = sum(len(r.paragraphs) for r in loaded.readouts)
    assert total == sum(count_paragraphs(r["text"]) for r in records) == 5480
    assert {r.id for r in loaded.readouts} == {r["id"] for r in records}
    assert all(r.date == record["date"] for r, record in zip(loaded.readouts, records))


def test_real_seed(shared_dir):
    loaded = load_paths([SEEDS])
    assert loaded.errors == () and loaded.files == 1
    (seed,) = loaded.readouts
    assert (seed.id, seed.title, seed.date) == ("000_95fd29420489899a", "000_95fd29420489899a", "2020-11-30")
    assert seed.paragraphs[0].startswith("On November 26, 2020 local time")
    assert all("date 2020-11-30" not in p for p in seed.paragraphs)
