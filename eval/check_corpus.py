"""The corpus as eval/check_questions reads it: the readouts by id from shared/corpus and shared/seeds (through
index.load, or a reader of its own with the same paragraph rule when that is missing), normalized text for matching,
and the whole corpus as one string for the "answered elsewhere" scans."""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

REPO = Path(__file__).resolve().parents[1]
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DATE_PREFIX = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")


class InputError(ValueError):
    """A question file or corpus folder that cannot be checked at all."""


def default_shared_dir() -> Path:
    """The shared folder: $READOUTS_SHARED, else ../shared next to the repository."""
    return Path(os.environ.get("READOUTS_SHARED") or REPO.parent / "shared")


@dataclass(frozen=True)
class Doc:
    """What the checks need of a readout."""

    id: str
    date: str
    source: str
    title: str
    paragraphs: tuple[str, ...]


def normalize(text: str) -> str:
    """Casefold, plain quotes and single spaces, so matching ignores case and typography."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def fold_accents(text: str) -> str:
    """normalize() without diacritics, for looking up names ("Arevalo" finds "Arévalo")."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _split_paragraphs(text: str) -> tuple[str, ...]:
    return tuple(b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip())


def _read_simple(paths: Sequence[Path]) -> list[Doc]:
    """Fallback reader (JSONL records and .txt files) for when index.load is not available."""
    docs: list[Doc] = []
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path])
    for path in files:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    docs.append(Doc(r["id"], r.get("date", ""), r.get("source", ""), r.get("title", ""),
                                    _split_paragraphs(r.get("text", ""))))
        elif path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            match = _DATE_PREFIX.match(text)
            date = match.group(1) if match else ""
            text = text[match.end():] if match else text
            docs.append(Doc(path.stem, date, "", path.stem, _split_paragraphs(text)))
    return docs


def load_corpus(shared_dir: Path | None = None) -> dict[str, Doc]:
    """Readouts by id from shared/corpus/*.jsonl and shared/seeds, through index.load when it exists."""
    shared_dir = Path(shared_dir) if shared_dir else default_shared_dir()
    corpus_dir, seeds_dir = shared_dir / "corpus", shared_dir / "seeds"
    if not corpus_dir.is_dir():
        raise InputError(f"no corpus folder at {corpus_dir} (set READOUTS_SHARED)")
    # The JSONL files by name, so documentation in the folder (SOURCES.md) is never read as a readout.
    paths = sorted(corpus_dir.glob("*.jsonl")) + ([seeds_dir] if seeds_dir.is_dir() else [])
    try:
        from index.load import load_paths
    except ImportError:
        docs = _read_simple(paths)
    else:
        loaded = load_paths(paths)
        # A record the loader rejects would surface below as "gold doc ... is not a readout"; say why here.
        for error in loaded.errors:
            print(f"warning: corpus: {error}", file=sys.stderr)
        docs = [Doc(r.id, r.date, r.source, r.title, tuple(r.paragraphs)) for r in loaded.readouts]
    return {d.id: d for d in docs}


class Matcher:
    """The corpus as one normalized text, built once per run, for the 'answered elsewhere' scans."""

    def __init__(self, docs: dict[str, Doc]):
        self.docs = docs
        self.paragraphs = {d.id: [normalize(p) for p in d.paragraphs] for d in docs.values()}
        # Every paragraph in one string, NUL-separated, so one find() per question scans the corpus.
        self.owners: list[tuple[str, int]] = []
        self.starts: list[int] = []
        parts, offset = [], 0
        for doc_id, texts in self.paragraphs.items():
            for n, text in enumerate(texts, 1):
                self.owners.append((doc_id, n))
                self.starts.append(offset)
                parts.append(text)
                offset += len(text) + 1
        self.blob = "\0".join(parts)

    @cached_property
    def folded(self) -> dict[str, str]:
        """Each readout's title and text without case or accents (only unanswerable checks need it)."""
        return {d.id: fold_accents(d.title + "\n" + "\n".join(d.paragraphs)) for d in self.docs.values()}

    def admitted(self, filters) -> Iterable[Doc]:
        """The readouts that pass a question's filters (eval.check_questions.Filters)."""
        return (d for d in self.docs.values() if filters.admits_doc(d))

    def paragraphs_with_all(self, wanted: Sequence[str]) -> Iterable[tuple[Doc, int]]:
        """Every (readout, paragraph number) whose paragraph contains every wanted string."""
        probe = max(wanted, key=len)  # the longest string is the rarest, so it finds the fewest candidates
        position = self.blob.find(probe)
        while position != -1:
            index = bisect_right(self.starts, position) - 1
            doc_id, n = self.owners[index]
            if all(w in self.paragraphs[doc_id][n - 1] for w in wanted):
                yield self.docs[doc_id], n
            following = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.blob)
            position = self.blob.find(probe, following)
