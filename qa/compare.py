"""Compare two readouts (say the White House's and the State Department's of one meeting) sentence by
sentence: what both say, and what only one side says (CONTRACT.md "Compare").

Sentences are embedded with the library's model and aligned one to one, greedily by cosine: the most
similar pair first, then the next among sentences still free, down to THRESHOLD. THRESHOLD was measured
on hand-labeled sentence pairs of real readout pairs (eval/compare/gold.jsonl, eval/compare_threshold.py,
docs/EVAL.md "Compare").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

from index.api import Library
from index.types import InputError

from .readout_sentences import Sentence, encode_sentences, sentences_of

THRESHOLD = 0.60  # F1 within 0.01 of the best on the gold, at higher precision (docs/EVAL.md "Compare")


class UnknownReadout(InputError):
    """A readout id that is not in the index (the HTTP API answers 404)."""


@dataclass(frozen=True)
class Side:
    """A sentence of one readout: its paragraph and its exact text there."""

    paragraph: int
    quote: str

    def to_json(self) -> dict:
        return {"paragraph": self.paragraph, "quote": self.quote}


@dataclass(frozen=True)
class AlignedPair:
    """Sentences said by both readouts, or one side's sentence alone (the other side None)."""

    left: Side | None
    right: Side | None
    similarity: float | None  # cosine of the two sentences; None when only one side has it

    @property
    def both(self) -> bool:
        return self.left is not None and self.right is not None

    def to_json(self) -> dict:
        return {"left": self.left.to_json() if self.left else None,
                "right": self.right.to_json() if self.right else None,
                "similarity": None if self.similarity is None else round(self.similarity, 4)}


@dataclass(frozen=True)
class Comparison:
    """Two readouts aligned: pairs in the left readout's order, then the right side's unmatched sentences."""

    left: str
    right: str
    pairs: tuple[AlignedPair, ...]
    threshold: float = THRESHOLD

    def to_json(self) -> dict:
        return {"left": self.left, "right": self.right, "pairs": [p.to_json() for p in self.pairs]}

    def counts(self) -> dict:
        """How many sentences both say, and how many only the left or only the right says."""
        return {"both": sum(p.both for p in self.pairs),
                "left_only": sum(p.left is not None and p.right is None for p in self.pairs),
                "right_only": sum(p.right is not None and p.left is None for p in self.pairs)}


def align(left: np.ndarray, right: np.ndarray, threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one (left row, right row, cosine) matches, greedily from the most similar, at or above threshold."""
    if not len(left) or not len(right):
        return []
    similarity = left @ right.T
    order = np.argsort(-similarity, axis=None, kind="stable")
    used_left, used_right, matches = set(), set(), []
    for flat in order:
        i, j = divmod(int(flat), similarity.shape[1])
        score = float(similarity[i, j])
        if score < threshold:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        matches.append((i, j, score))
    return matches


def compare_sentences(left: list[Sentence], right: list[Sentence], left_vectors: np.ndarray,
                      right_vectors: np.ndarray, threshold: float = THRESHOLD) -> tuple[AlignedPair, ...]:
    """The contract's pairs for two sentence lists and their vectors."""
    matches = {i: (j, score) for i, j, score in align(left_vectors, right_vectors, threshold)}
    matched_right = {j for j, _ in matches.values()}
    pairs = []
    for i, sentence in enumerate(left):
        mine = Side(sentence.paragraph, sentence.text)
        if i in matches:
            j, score = matches[i]
            pairs.append(AlignedPair(mine, Side(right[j].paragraph, right[j].text), score))
        else:
            pairs.append(AlignedPair(mine, None, None))
    pairs += [AlignedPair(None, Side(s.paragraph, s.text), None) for j, s in enumerate(right) if j not in matched_right]
    return tuple(pairs)


TITLES = r"(?:(?:Mr|Ms|Mrs|Dr|H\.E)\.\s+|His\s+Majesty\s+|Her\s+Majesty\s+)?"  # before a name


def masker(participants: list[dict]) -> Callable[[str], str]:
    """A function that writes each participant's mentions as "<country> official", for embedding only.

    Two governments' readouts name their own principals ("President Biden ...", "Secretary of State
    Antony J. Blinken ..."), and those names weigh on the model's vector as much as what was said. With
    each mention (role, title, name, "the Secretary") written as its country's official, sentences that
    say the same thing come out closer: on the gold, recall at precision 0.84 rose from 0.21 to 0.54
    (docs/EVAL.md "Compare").
    """
    patterns: list[tuple[re.Pattern, str]] = []
    for person in participants:
        words = [w for w in re.split(r"\s+", person.get("name") or "") if w]
        if not words:
            continue
        token = f"{person.get('country') or 'the'} official"
        last = re.escape(words[-1])
        name = (rf"(?:{re.escape(words[0])}\s+(?:[A-Z][\w.’'-]*\s+){{0,2}})?{last}"
                r"(?:,?\s+(?:Jr\.|Sr\.|III|II)(?![\w]))?" if len(words) > 1 else last)
        role = (person.get("role") or "").strip()
        roles = ""
        if role:  # "Secretary of State", or its head "Secretary"
            full = r"\s+".join(re.escape(w) for w in role.split())
            head = r"\s+".join(re.escape(w) for w in role.split(" of ")[0].split())
            roles = rf"(?i:{full}|{head})"
        lead = rf"(?:(?i:the)\s+)?{TITLES}(?:{roles}\s+)?" if role else rf"(?:(?i:the)\s+)?{TITLES}"
        patterns.append((re.compile(rf"(?<![\w-]){lead}{TITLES}{name}(?![\w-])"), token))
        if role:
            if len(words) > 1:  # "Foreign Minister Retno": a given name after the office
                patterns.append((re.compile(rf"(?<![\w-]){lead}{re.escape(words[0])}(?![\w-])"), token))
            patterns.append((re.compile(rf"\b(?i:the)\s+{roles}(?![\w-])"), token))  # "the Secretary"

    def apply(text: str) -> str:
        for pattern, token in patterns:
            text = pattern.sub(token, text)
        return text
    return apply


def sentence_vectors(library: Library, readout_id: str, sentences: list[Sentence]) -> np.ndarray:
    """Vectors of a readout's sentences with its participants masked (see `masker`)."""
    mask = masker(library.readout_metadata(readout_id).get("participants") or [])
    return encode_sentences(library.embedder, [mask(s.text) for s in sentences])


def compare(library: Library, left_id: str, right_id: str, threshold: float = THRESHOLD) -> Comparison:
    """Align two readouts of the library by meaning; an unknown id is an InputError naming it."""
    readouts = []
    for what, readout_id in (("left", left_id), ("right", right_id)):
        if not isinstance(readout_id, str) or not readout_id.strip():
            raise InputError(f"{what}: a readout id is required")
        readout = library.readout(readout_id.strip())
        if readout is None:
            raise UnknownReadout(f"{what}: no readout {readout_id.strip()!r} in this index")
        readouts.append(readout)
    left, right = (sentences_of(r) for r in readouts)
    pairs = compare_sentences(left, right, sentence_vectors(library, readouts[0].id, left),
                              sentence_vectors(library, readouts[1].id, right), threshold)
    return Comparison(readouts[0].id, readouts[1].id, pairs, threshold)
