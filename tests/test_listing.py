"""The listing kept in memory for large id sets (a frequent person's readouts at 100x) gives the rows SQLite gives.

At 1x no person has MANY_READOUTS readouts, so these tests lower the threshold: every id set is then "large".
"""
from __future__ import annotations

import json

import pytest

import index.api as api
from index.api import Library
from index.listing import ReadoutSummary
from index.types import Filters
from tests.conftest import CORPUS


def read_both(library: Library, monkeypatch, **arguments) -> tuple[list, list]:
    """The same readouts() call by SQLite and by the kept listing."""
    monkeypatch.setattr(api, "MANY_READOUTS", 10 ** 9)
    by_sql = library.readouts(**arguments)
    monkeypatch.setattr(api, "MANY_READOUTS", 1)
    library._many.clear()  # computed, not remembered from an earlier call
    return by_sql, library.readouts(**arguments)


@pytest.mark.parametrize("arguments", [
    {"filters": {"participant": "Biden"}},
    {"filters": {"participant": "Blinken"}, "held": ("2022-02-01", "2022-03-31")},
    {"filters": {"participant": "Blinken"}, "held": ("2023-06-01", None)},
    {"filters": {"participant": "Sullivan"}, "held": (None, "2021-12-31")},
    {"filters": {"participant": "Blinken", "source": "state", "date_from": "2022-01-01", "date_to": "2022-06-30"}},
    {"filters": {"country": "Japan"}, "limit": 5},
    {"filters": {"participant": "Xi Jinping", "kind": "call"}},
])
def test_the_kept_listing_gives_the_rows_and_order_sqlite_gives(library, monkeypatch, arguments):
    by_sql, by_listing = read_both(library, monkeypatch, participants=False, **arguments)
    assert by_sql, arguments  # each case reads something: an empty pair would prove nothing
    assert by_listing == by_sql
    # Newest first, then by id, as the SQL orders them.
    assert by_listing == sorted(sorted(by_listing, key=lambda r: r.id), key=lambda r: r.date, reverse=True)


def test_participants_and_text_are_still_read_from_sqlite(library, monkeypatch):
    by_sql, by_listing = read_both(library, monkeypatch, filters={"participant": "Kishida"})
    assert by_listing == by_sql and all(r.participants for r in by_listing)  # names come from the metadata


def test_the_listing_follows_an_ingest(tmp_path, embedder, monkeypatch):
    lines = (CORPUS / "state_department_readouts.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[:6]]
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(lines[5] + "\n", encoding="utf-8")
    library = Library(tmp_path / "index", embedder=embedder)
    try:
        library.ingest_paths([tmp_path / "first.jsonl"])
        assert library.keep_listing() is None  # five readouts: nothing is read ahead for so few
        monkeypatch.setattr(api, "MANY_READOUTS", 1)
        every = frozenset(r["id"] for r in records)
        before = library.readouts(filters=Filters(readouts=every), participants=False)
        assert {r.id for r in before} == every - {records[5]["id"]}
        library.ingest_paths([tmp_path / "more.jsonl"])
        after = library.readouts(filters=Filters(readouts=every), participants=False)
        assert {r.id for r in after} == every  # a new index state: the listing is read again
        assert isinstance(after[0], ReadoutSummary) and after[0].to_json()["participants"] == []
    finally:
        library.close()


def test_the_listing_follows_another_writer(tmp_path, embedder, monkeypatch):
    # A server's Library reads; another (a `readouts ingest` in another process) commits a new generation.
    lines = (CORPUS / "state_department_readouts.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(lines[3] + "\n", encoding="utf-8")
    writer = Library(tmp_path / "index", embedder=embedder)
    writer.ingest_paths([tmp_path / "first.jsonl"])
    reader = Library(tmp_path / "index", embedder=embedder, create=False)
    try:
        monkeypatch.setattr(api, "MANY_READOUTS", 1)
        every = Filters(readouts=frozenset(json.loads(line)["id"] for line in lines))
        assert len(reader.readouts(filters=every, participants=False)) == 3
        writer.ingest_paths([tmp_path / "more.jsonl"])
        assert len(reader.readouts(filters=every, participants=False)) == 4
    finally:
        reader.close()
        writer.close()


def test_prepare_reads_the_listing_before_any_question(corpus_index, embedder):
    from qa.ask import prepare

    library = Library(corpus_index, embedder=embedder, create=False)
    try:
        prepare(library)  # what `readouts serve` runs in a thread at start
        kept = library._listing._kept[1]
        assert kept is not None and len(kept.rows) == library.stats()["readouts"]
        assert library.keep_listing() is kept  # read once: the next call finds it
        from qa import roles

        assert roles._DIRECTORIES[library]._rows  # the participants' directory, read too
    finally:
        library.close()
