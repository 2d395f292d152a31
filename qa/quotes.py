"""What every composed answer shares: the refusal, citations numbered once per paragraph, a lead's first sentence, and
whom a quotation in a paragraph is attributed to."""
from __future__ import annotations

import re

from index.chunk import split_sentences
from index.types import Hit

from .question import Question
from .types import Answer, Citation, cite

REFUSAL = "The readouts in this index do not cover this question."


class Cited:
    """Citations numbered as they are added; the same paragraph keeps its number."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_paragraph: dict[tuple[str, int], int] = {}

    def add(self, hit: Hit, quote: str) -> int:
        key = (hit.readout_id, hit.paragraph)
        if key not in self._by_paragraph:
            self.citations.append(cite(len(self.citations) + 1, hit, quote))
            self._by_paragraph[key] = len(self.citations)
        return self._by_paragraph[key]


def refuse(question: Question, reason: str, hits: tuple[Hit, ...]) -> Answer:
    return Answer(question.text, reason, (), hits, True, notice=f"Nothing was cited: {reason}")


def lead_sentence(hit: Hit) -> str:
    sentences = split_sentences(hit.text)
    return sentences[0] if sentences else hit.text


# A quotation's speaker: after it ("...,” said First Lady Melania Trump.") or before it ("Senator Ted Cruz, commented:
# “..."). Curly marks only: they tell an opening from a closing one, and the corpus has no straight double quotes.
_SAID_AFTER = re.compile(r"”\s*,?\s*(?:said|says|added|stated|noted)\s+((?:[A-Z][\w.’'-]*\s*){1,6})")
_SAID_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*),?\s+(?:said|says|commented|added|stated|noted)"
                          r"(?:\s+that)?\s*[:,]\s*“")


def quoted_by(text: str, sentence: str) -> str | None:
    """Who a paragraph's quotation holding the sentence is attributed to, or None (the sentence is not quoted)."""
    at = text.find(sentence)
    if at < 0:
        return None
    opened = text.rfind("“", 0, at + 1)
    closed = text.find("”", at)
    if opened < 0 or closed < 0 or "”" in text[opened:at]:
        return None  # (not inside one quotation)
    after = _SAID_AFTER.match(text, closed)
    before = next((m for m in _SAID_BEFORE.finditer(text, 0, opened + 1) if m.end() == opened + 1), None)
    found = after or before
    return found.group(1).strip().rstrip(".,") if found else None
