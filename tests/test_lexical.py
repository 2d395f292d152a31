"""The in-memory BM25 index gives SQLite FTS5's scores and filters, and follows ingest, removal and reopening."""
import json
import sqlite3

import numpy as np
import pytest

from index.api import Library
from index.lexical import LexicalIndex, paragraphs_from
from index.query import lexical_terms
from index.types import Filters

from conftest import REPO
from test_ingest import write_subset

QUESTIONS = [json.loads(line)["question"] for line in (REPO / "eval/questions/readouts.jsonl").read_text().splitlines()]


def fts5_scores(db, terms) -> dict[int, float]:
    match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
    rows = db.execute("SELECT rowid, -bm25(paragraphs_fts, 2.0, 1.0) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?",
                      (match,))
    return dict(rows)


def scores_by_paragraph(index: LexicalIndex, terms, filters=Filters()) -> dict[int, float]:
    postings, scores = index.scores(terms, filters)
    found = np.flatnonzero(scores)
    return dict(zip(postings.pids[found].tolist(), scores[found].tolist()))


@pytest.fixture(scope="module")
def corpus(corpus_index):
    db = sqlite3.connect(corpus_index / "readouts.sqlite")
    yield db, LexicalIndex.build(paragraphs_from(db))
    db.close()


def test_scores_equal_fts5_bm25_on_the_corpus(corpus):
    db, index = corpus
    checked = 0
    for question in QUESTIONS:
        # Hyphenated words are phrases to FTS5 (adjacency checked); here only co-occurrence: compared apart.
        terms = [t for t in lexical_terms(question) if t.isalnum()]
        if not terms:
            continue
        theirs, mine = fts5_scores(db, terms), scores_by_paragraph(index, terms)
        assert mine.keys() == theirs.keys(), question
        for pid, score in theirs.items():
            assert mine[pid] == pytest.approx(score, rel=1e-4), (question, pid)
        checked += 1
    assert checked >= 150


def test_top_hits_match_fts5_with_phrases_too(corpus):
    """With hyphenated phrases left in, the top 10 is still FTS5's top 10 (up to ties) for almost every question."""
    db, index = corpus
    valid = []
    for question in QUESTIONS:
        terms = lexical_terms(question)
        theirs = fts5_scores(db, terms)
        tenth = sorted(theirs.values(), reverse=True)[:10][-1] if theirs else 0.0
        mine = index.search(terms, 10)
        valid.append(sum(theirs.get(pid, -1.0) >= tenth * (1 - 1e-5) for pid in mine) / max(1, min(10, len(theirs))))
    assert np.mean(valid) >= 0.99
    assert sum(v == 1.0 for v in valid) >= len(valid) - 5


@pytest.mark.parametrize("filters", [
    Filters(date_from="2022-01-01", date_to="2022-12-31"),
    Filters(source="white house"),
    Filters(source="State", date_to="2021-06-30"),
    Filters(readout="wh-2024-11-16-readout-of-president-joe-bidens-meeting-with-president-xi-jinping-of-the-peoples-republic-of-china-3"),
    Filters(readout="no-such-readout"),
])
def test_filters_admit_what_sql_admits(corpus, filters):
    db, index = corpus
    clauses, args = ["1"], []
    if filters.readout:
        clauses.append("r.id = ?"), args.append(filters.readout)
    if filters.source:
        clauses.append("instr(lower(r.source), ?) > 0"), args.append(filters.source.lower())
    if filters.date_from:
        clauses.append("r.date >= ? AND r.date != ''"), args.append(filters.date_from)
    if filters.date_to:
        clauses.append("r.date <= ? AND r.date != ''"), args.append(filters.date_to)
    where = " AND ".join(clauses)
    paragraphs = {r[0] for r in db.execute(f"SELECT p.id FROM paragraphs p JOIN readouts r ON r.id = p.readout_id WHERE {where}", args)}
    chunks = {r[0] for r in db.execute("SELECT c.id FROM chunks c JOIN paragraphs p ON p.id = c.paragraph_id "
                                       f"JOIN readouts r ON r.id = p.readout_id WHERE {where}", args)}
    mask = index.allowed(filters)
    assert set(index.p.pids[mask].tolist()) == paragraphs
    assert set(index.allowed_chunks(filters).tolist()) == chunks
    hits = index.search(["president", "climate"], 50, filters)
    assert set(hits) <= paragraphs
    assert bool(hits) == bool(paragraphs & set(scores_by_paragraph(index, ["president", "climate"])))


def test_a_readouts_filter_masks_their_paragraphs_and_is_kept(corpus):
    db, index = corpus
    ids = [r[0] for r in db.execute("SELECT id FROM readouts ORDER BY id LIMIT 40")]
    filters = Filters(readouts=frozenset(ids[::3] + ["no-such-readout"]))
    wanted = {r[0] for r in db.execute(f"SELECT id FROM paragraphs WHERE readout_id IN ({','.join('?' * len(ids[::3]))})",
                                       ids[::3])}
    mask = index.allowed(filters)
    assert set(index.p.pids[mask].tolist()) == wanted
    assert index.allowed(Filters(readouts=frozenset(ids[::3] + ["no-such-readout"]))) is mask  # kept, not recomputed
    assert not index.allowed(Filters(readouts=frozenset(["no-such-readout"]))).any()


def test_follows_ingest_update_removal_and_compaction(tmp_path, embedder):
    write_subset(tmp_path / "first.jsonl", 10)
    records = write_subset(tmp_path / "second.jsonl", 10, offset=10)
    library = Library(tmp_path / "index", embedder=embedder)
    library.ingest_paths([tmp_path / "first.jsonl"])
    library.ingest_paths([tmp_path / "second.jsonl"])
    changed = dict(records[0], text="A new first paragraph about semiconductors and export controls.\n\n" + records[0]["text"])
    (tmp_path / "changed.jsonl").write_text(json.dumps(changed) + "\n")
    library.ingest_paths([tmp_path / "changed.jsonl"])
    gone_chunks = [r[0] for r in library.store.db.execute(
        "SELECT c.id FROM chunks c JOIN paragraphs p ON p.id = c.paragraph_id WHERE p.readout_id=?", (records[1]["id"],))]
    removed, _ = library.remove([records[1]["id"]])
    assert removed == [records[1]["id"]] and gone_chunks

    live = library.store.lexical
    fresh = LexicalIndex.build(paragraphs_from(library.store.db))
    chunks = library.store.db.execute("SELECT id, paragraph_id FROM chunks ORDER BY random()").fetchall()
    assert live.paragraphs_of(np.array([c for c, _ in chunks])).tolist() == [pid for _, pid in chunks]
    assert live.paragraphs_of(np.array(gone_chunks + [10**9])).tolist() == [-1] * (len(gone_chunks) + 1)
    for question in QUESTIONS[:40] + ["semiconductors export controls"]:
        terms = lexical_terms(question)
        assert scores_by_paragraph(live, terms) == pytest.approx(scores_by_paragraph(fresh, terms), rel=1e-5)
    assert live.search(["semiconductors"], 5)[0] in {r[0] for r in library.store.db.execute(
        "SELECT id FROM paragraphs WHERE readout_id=? AND text LIKE 'A new first%'", (changed["id"],))}
    assert not set(live.p.pids[live.allowed(Filters(readout=records[1]["id"]))].tolist())

    compacted = LexicalIndex(live.p.compact())
    assert len(compacted.p.pids) == live.live < len(live.p.pids)
    for question in QUESTIONS[:20]:
        terms = lexical_terms(question)
        assert compacted.search(terms, 20) == live.search(terms, 20)
    library.close()


def test_saved_per_generation_and_rebuilt_when_missing_or_torn(tmp_path, embedder):
    write_subset(tmp_path / "subset.jsonl", 8)
    library = Library(tmp_path / "index", embedder=embedder)
    library.ingest_paths([tmp_path / "subset.jsonl"])
    generation = library.store.generation()
    expected = library.store.lexical.search(["president", "security"], 20)
    library.close()
    files = sorted(p.name for p in (tmp_path / "index").glob("lexical-*.npz"))
    assert files == [f"lexical-{generation}.npz"]
    assert json.loads((tmp_path / "index/manifest.json").read_text())["lexical_file"] == files[0]

    reopened = Library(tmp_path / "index", embedder=embedder, create=False)
    assert reopened.store.lexical.search(["president", "security"], 20) == expected
    reopened.close()
    (tmp_path / "index" / files[0]).write_bytes(b"torn")
    rebuilt = Library(tmp_path / "index", embedder=embedder, create=False)
    assert rebuilt.store.lexical.search(["president", "security"], 20) == expected
    rebuilt.close()
    (tmp_path / "index" / files[0]).unlink()
    rebuilt = Library(tmp_path / "index", embedder=embedder, create=False)
    assert rebuilt.store.lexical.search(["president", "security"], 20) == expected
    assert (tmp_path / "index" / files[0]).exists()
    rebuilt.close()
