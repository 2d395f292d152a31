"""Shared fixtures: where ../shared lives, the real bundled model and a real-corpus index built once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("READOUTS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the real corpus is missing at {CORPUS} (set READOUTS_SHARED)")
    return SHARED


# The real-corpus index is kept between runs in .test-index/ (git-ignored): ingest is incremental,
# so a later run only re-checks hashes, and a clean clone (CI) builds it once.
TEST_INDEX = Path(os.environ.get("READOUTS_TEST_INDEX", REPO / ".test-index" / "corpus"))


@pytest.fixture(scope="session")
def embedder():
    """The real bundled model, loaded once for the whole session."""
    from index.embed import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def corpus_index(shared_dir, embedder) -> Path:
    """Folder of an index over ../shared/corpus and ../shared/seeds. Read-only: copy it to change it."""
    import shutil

    from index.api import Library
    from index.types import InputError

    try:
        library = Library(TEST_INDEX, embedder=embedder)
    except InputError:  # built by an older format or other settings: start over
        shutil.rmtree(TEST_INDEX)
        library = Library(TEST_INDEX, embedder=embedder)
    report = library.ingest_paths([CORPUS, SEEDS])
    assert not report.failed, report.failed[:5]
    library.close()
    return TEST_INDEX


@pytest.fixture(scope="session")
def library(corpus_index, embedder):
    """The corpus index opened once, sharing the session's model."""
    from index.api import Library

    opened = Library(corpus_index, embedder=embedder, create=False)
    yield opened
    opened.close()


def cited(answer, readout: str) -> set[tuple[str, int]]:
    """(readout id cut to the length of `readout`, paragraph) of each citation of an answer: equal to {(readout, n),
    ...} only when every citation is of that readout (readout ids are long; tests name them by a prefix)."""
    return {(c.readout_id[:len(readout)], c.paragraph) for c in answer.citations}
