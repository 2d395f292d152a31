"""What every composed answer shares: the refusal, citations numbered once per paragraph, a lead's first sentence."""
from __future__ import annotations

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
