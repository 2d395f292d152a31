"""Sentences of a readout, each with its paragraph, and their vectors for the analyst views.

The timeline, language-over-time and compare views all read readouts sentence by sentence. Sentences
are embedded with the library's own model; a bounded per-process cache keeps repeated views (the same
participant asked about twice, a compare opened from the app after a timeline) from re-embedding them.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.embed import Embedder
from index.metadata import split_sentences
from index.types import Readout

# State Department releases open with "The below is attributable to Spokesperson Ned Price:", a line
# about who speaks, not about the contact; the lead is the paragraph after it.
ATTRIBUTION = re.compile(r"^\s*(?:The\s+)?(?:below|following)\s+is\s+attributable\s+to\b", re.IGNORECASE)
CACHED_SENTENCES = 20000  # ~30 MB of 384-dimension vectors


@dataclass(frozen=True)
class Sentence:
    """One sentence of a readout: the paragraph it is in (from 1) and its exact text there."""

    readout_id: str
    paragraph: int
    text: str


def sentences_of(readout: Readout) -> list[Sentence]:
    """Every sentence of a readout in reading order (index.metadata's splitter, so offsets agree with speakers)."""
    out = []
    for n, paragraph in enumerate(readout.paragraphs, start=1):
        for start, end in split_sentences(paragraph):
            out.append(Sentence(readout.id, n, paragraph[start:end]))
    return out


def is_attribution(text: str) -> bool:
    return bool(ATTRIBUTION.match(text))


# A sentence that points to a web page ("For further information, please visit https://usoecd.usmission.gov/").
POINTER = re.compile(r"https?://|\bwww\.|\bplease visit\b", re.IGNORECASE)


def is_pointer(text: str) -> bool:
    """Whether a sentence only says where to read more: never quoted (Tuning.pointers_out)."""
    return bool(POINTER.search(text))


def lead_sentence(readout: Readout) -> Sentence | None:
    """The lead's first sentence: the first sentence that is not an attribution line."""
    for sentence in sentences_of(readout):
        if not is_attribution(sentence.text):
            return sentence
    return None


class _VectorCache:
    """Sentence text -> vector for one model, least recently used dropped first."""

    def __init__(self, size: int):
        self.size = size
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        keys = [(embedder.name, text) for text in texts]
        with self._lock:
            found = {key: self._vectors[key] for key in keys if key in self._vectors}
            for key in found:
                self._vectors.move_to_end(key)
        missing = list(dict.fromkeys(key for key in keys if key not in found))
        if missing:
            fresh = embedder.encode_sentences([text for _, text in missing])
            with self._lock:
                for key, vector in zip(missing, fresh):
                    vector.setflags(write=False)
                    found[key] = self._vectors[key] = vector
                while len(self._vectors) > self.size:
                    self._vectors.popitem(last=False)
        if not keys:
            return np.zeros((0, embedder.dimension), dtype=np.float32)
        return np.stack([found[key] for key in keys])


_CACHE = _VectorCache(CACHED_SENTENCES)


def encode_sentences(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """L2-normalised vectors of these texts (rows in order), embedding only those not seen recently."""
    return _CACHE.encode(embedder, texts)
