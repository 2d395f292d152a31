"""Answers and citations (shapes pinned in CONTRACT.md "Answer")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from index.types import Hit


class Candidate(NamedTuple):
    """A sentence an answer may quote, as qa.sentences.sentence_scores scores it for a question. A tuple, so that
    candidates sort and compare as they did when they were plain tuples (best first: score, then rank, position)."""

    score: float
    rank: int  # the paragraph's rank among the passages (-1: put in front, as a lead that says where)
    position: int  # the sentence's place in its paragraph, from 0 (-1: as rank)
    sentence: str
    hit: Hit
    overlap: float  # topic words the sentence has (a title's word counts for less)
    speaker: str | None  # whom the paragraph reports as saying it, "both", or None


@dataclass(frozen=True)
class Citation:
    """Marker [n] in an answer: a paragraph of a readout and the exact text quoted from it."""

    n: int
    readout_id: str
    paragraph: int
    title: str
    date: str
    source: str
    url: str
    quote: str
    event_date: str = ""
    speaker: str | None = None  # the participant the quoted sentence reports as speaking, "both", or None

    def to_json(self) -> dict:
        out = dict(self.__dict__)
        out["event_date"] = self.event_date or self.date
        return out


@dataclass(frozen=True)
class Answer:
    """An answer with its citations and the passages it was drawn from; `notice` is for the user only."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    refused: bool
    notice: str = ""

    def to_json(self) -> dict:
        out = {"answer": self.text, "refused": self.refused,
               "citations": [c.to_json() for c in self.citations], "hits": [h.to_json() for h in self.hits]}
        if self.notice:
            out["notice"] = self.notice
        return out

    def to_text(self) -> str:
        """Plain text with numbered sources, for copying."""
        lines = [self.text, ""]
        for c in self.citations:
            lines.append(f"[{c.n}] {c.title} ({c.date}), paragraph {c.paragraph}: \"{c.quote}\" {c.url}".rstrip())
        return "\n".join(lines).strip()


def span_quote(text: str, first: str, last: str, limit: int = 900) -> str:
    """A paragraph's own text from its sentence `first` to its sentence `last`, so that an answer shows exactly
    what it cites (the sentences in between come with it); far apart, `first` alone rather than a page."""
    start, end = text.find(first), text.find(last) + len(last)
    return text[start:end] if 0 <= start < end and end - start <= limit else first


def cite(n: int, hit: Hit, quote: str) -> Citation:
    """A citation of `quote` in a hit's paragraph; the quote must occur there verbatim."""
    if quote not in hit.text:
        raise ValueError(f"quote not found verbatim in {hit.readout_id} paragraph {hit.paragraph}")
    return Citation(n, hit.readout_id, hit.paragraph, hit.title, hit.date, hit.source, hit.url, quote,
                    hit.event_date or hit.date, hit.speaker_of(quote))
