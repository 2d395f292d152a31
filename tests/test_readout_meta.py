"""Readout metadata stored in the index: the contract's fields, filters, citations' speakers, the
participants directory, same-event links and recomputation, on the real corpus index."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO, SEEDS

SEED_ID = "000_95fd29420489899a"


def test_a_readout_carries_event_date_kind_and_participants(library):
    meta = library.readout_metadata(SEED_ID)
    assert meta["event_date"] == "2020-11-26" and meta["kind"] == "meeting"
    assert {p["name"] for p in meta["participants"]} == {"Moon Jae-in", "Wang Yi"}
    assert set(meta) == {"event_date", "kind", "participants", "same_event"}


def test_participant_country_and_kind_filters(library):
    hits = library.search("talks about the war", k=10, filters={"participant": "kuleba"})
    assert hits
    for hit in hits:
        names = [p["name"] for p in library.readout_metadata(hit.readout_id)["participants"]]
        assert any("Kuleba" in n for n in names), (hit.readout_id, names)
    calls = library.search("talks about the war", k=10, filters={"participant": "kuleba", "kind": "call"})
    assert calls and all(library.readout_metadata(h.readout_id)["kind"] == "call" for h in calls)
    ukrainian = library.search("grain", k=10, filters={"country": "Ukraine"})
    assert ukrainian and all(any(p["country"] == "Ukraine" for p in library.readout_metadata(h.readout_id)["participants"])
                             for h in ukrainian)
    assert library.search("grain", k=5, filters={"participant": "nobody-at-all"}) == []


def test_hits_and_citations_carry_event_date_and_speaker(library):
    from qa import ask

    answer = ask(library, "What did Wang Yi say about the Winter Olympics?")
    assert not answer.refused
    assert all(c.event_date for c in answer.citations)
    seed = [c for c in answer.citations if c.readout_id == SEED_ID]
    assert seed and {c.speaker for c in seed} <= {"Wang Yi", "Moon Jae-in", "both", None}
    assert "Wang Yi" in {c.speaker for c in seed}
    assert set(answer.citations[0].to_json()) >= {"event_date", "speaker", "quote"}
    assert answer.hits[0].to_json()["event_date"]


def test_the_participants_directory_agrees_with_the_filter(library):
    rows = [r for r in library.participants("kuleba") if r["name"].endswith("Kuleba")]
    assert len(rows) == 1 and rows[0]["country"] == "Ukraine"
    listed = library.readouts(filters={"participant": "kuleba"})
    assert rows[0]["readouts"] == len(listed) > 5
    dates = sorted(r.event_date for r in listed)
    assert (rows[0]["first"], rows[0]["last"]) == (dates[0], dates[-1])


def test_names_are_matched_in_one_pass_as_one_by_one(library):
    from index.metadata import match_participant
    from index.readout_meta import participant_names

    names = participant_names(library.store.db)
    assert len(names.names) > 500
    queries = ["Biden", "kuleba", "Joe Biden", "President Xi", "López Obrador", "lopez", "Moon Jae-in", "al", "bin Zayed",
               "Jake", "Prime Minister", "nobody-at-all", ""] + list(names.names[::25]) + [n.split()[-1] for n in names.names[::40]]
    for query in queries:
        assert names.matching(query) == [n for n in names.names if match_participant(query, [n])], query


def test_a_capped_paragraph_count_is_exact_below_the_cap(library):
    for word in ["discussed", "Ukraine", "fentanyl", "Zaporizhzhia", "xyzzy"]:
        whole = library.count_paragraphs_with(word)
        assert library.count_paragraphs_with(word, at_most=61) == min(whole, 61)
    assert library.count_paragraphs_with("discussed") > 61


def test_same_event_links_are_symmetric_and_cross_sources(library):
    db = library.store.db
    linked = [(rid, json.loads(links)) for rid, links in db.execute(
        "SELECT readout_id, same_event FROM readout_meta WHERE same_event != '[]'")]
    assert linked
    for readout_id, others in linked:
        for other in others:
            assert readout_id in library.readout_metadata(other)["same_event"]
    sources = {library.readout(r).source.split(" ")[1] for r, _ in linked}  # "White", "Department"
    assert len(sources) >= 2


def test_stale_metadata_is_recomputed_on_open(tmp_path, embedder):
    from index.api import Library
    from index.metadata import EXTRACTOR_VERSION

    library = Library(tmp_path / "index", embedder=embedder)
    library.ingest_paths([SEEDS])
    with library.store.transaction() as db:
        db.execute("UPDATE readout_meta SET version = version - 1, kind = 'other'")
        # What the older extractor recorded with them: its own clean check, which this version must not trust.
        db.execute("UPDATE meta SET value = json_set(value, '$.version', json_extract(value, '$.version') - 1) "
                   "WHERE key = 'metadata_checked'")
    library.close()
    reopened = Library(tmp_path / "index", embedder=embedder, create=False)
    try:
        row = reopened.store.db.execute("SELECT version, kind FROM readout_meta WHERE readout_id=?", (SEED_ID,)).fetchone()
        assert row == (EXTRACTOR_VERSION, "meeting")
    finally:
        reopened.close()


def test_an_extractor_failure_never_fails_an_ingest(tmp_path, embedder, monkeypatch):
    # A fault injected into the rules (none of the real corpus makes them fail): the readout is still stored.
    import index.metadata
    from index.api import Library

    def broken(readout):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(index.metadata, "_extract", broken)
    library = Library(tmp_path / "index", embedder=embedder)
    report = library.ingest_paths([SEEDS])
    try:
        assert report.added == (SEED_ID,) and not report.failed
        assert library.readout_metadata(SEED_ID)["participants"] == []
        notice = library.store.db.execute("SELECT notice FROM readout_meta").fetchone()[0]
        assert "rule bug" in notice
        assert library.search("Winter Olympics", k=1)[0].readout_id == SEED_ID
    finally:
        library.close()


def test_cli_show_and_participants(corpus_index, tmp_path):
    folder = tmp_path / "index"
    shutil.copytree(corpus_index, folder)
    shown = subprocess.run([sys.executable, "-m", "ui.cli", "show", SEED_ID, "--json", "--index", str(folder)],
                           cwd=REPO, capture_output=True, text=True, timeout=300)
    body = json.loads(shown.stdout)
    assert body["event_date"] == "2020-11-26" and body["paragraphs"] and body["same_event"] == []
    listed = subprocess.run([sys.executable, "-m", "ui.cli", "participants", "kuleba", "--json", "--index", str(folder)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    rows = json.loads(listed.stdout)["participants"]
    assert rows and all(set(r) == {"name", "role", "country", "readouts", "first", "last", "counterparts"} for r in rows)
    assert rows[0]["counterparts"][0] == {"name": "Antony Blinken", "readouts": 27}  # who met whom (qa.directory)


@pytest.mark.parametrize("bad, message", [({"kind": "phone"}, "filters.kind"), ({"participant": 3}, "filters.participant")])
def test_bad_metadata_filters_are_named(library, bad, message):
    from index.types import InputError

    with pytest.raises(InputError, match=message):
        library.search("grain", filters=bad)


def test_stale_readouts_come_in_event_date_order(corpus_index, tmp_path):
    # Each batch of re-extracted readouts relinks the readouts around its dates: batches of a few days each, not
    # batches spanning every year (each of a 100x index's 411 batches relinked most of it).
    import shutil
    import sqlite3

    from index import readout_meta

    folder = tmp_path / "copy"
    shutil.copytree(corpus_index, folder, ignore=shutil.ignore_patterns("write.lock"))
    db = sqlite3.connect(folder / "readouts.sqlite")
    db.execute("UPDATE readout_meta SET version = version - 1")
    order = readout_meta.stale(db)
    dates = dict(db.execute("SELECT readout_id, event_date FROM readout_meta"))
    assert len(order) == len(dates) > 2000
    assert [dates[r] for r in order] == sorted(dates.values())
    db.close()
