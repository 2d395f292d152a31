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
