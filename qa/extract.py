"""The default answerer: sentences taken verbatim from the retrieved paragraphs, each cited, or a refusal."""
from __future__ import annotations

from dataclasses import dataclass

from index.chunk import split_sentences
from index.query import lexical_terms, mentions, read_hints, stem
from index.search import Scored, build_query
from index.types import Turn

from .types import Answer, Citation, cite

REFUSAL = "The readouts in this index do not cover this question."


@dataclass(frozen=True)
class Calibration:
    """Thresholds for refusing, set on the dev question set (eval/questions/dev.jsonl)."""

    min_cosine: float = 0.30  # best dense similarity below this: nothing relevant was found
    max_sentences: int = 3
    sentence_ratio: float = 0.5  # further sentences must score at least this share of the best


def _stems(text: str) -> set[str]:
    return {stem(w) for w in lexical_terms(text)}


def refusal_reason(question: str, scored: list[Scored], history: tuple[Turn, ...], calibration: Calibration,
                   readout_texts: dict[str, str] | None = None) -> str:
    """Why the hits do not support an answer, or "" when they do.

    A name the question asks about (a leader, a country) that no top readout mentions anywhere means
    the meeting asked about is not in the index, however close the wording of other readouts is.
    """
    if not scored:
        return "nothing in the index matched"
    best = max(s.dense for s in scored)
    if best < calibration.min_cosine:
        return f"no passage is close to the question (best similarity {best:.2f})"
    names = build_query(question, history).hints.names
    top = scored[:5]
    texts = readout_texts or {}
    haystack = " ".join(f"{s.hit.title} {texts.get(s.hit.readout_id, s.hit.text)}" for s in top)
    missing = [n for n in names if not mentions(n, haystack)]
    if missing:
        return f"no readout found mentions {', '.join(missing)}"
    return ""


def answer(question: str, scored: list[Scored], history: tuple[Turn, ...] = (),
           calibration: Calibration = Calibration(), answer_hits: int = 5,
           readout_texts: dict[str, str] | None = None) -> Answer:
    """Answer from the scored hits by quoting their best-matching sentences, or refuse."""
    hits = tuple(s.hit for s in scored)
    reason = refusal_reason(question, scored, history, calibration, readout_texts)
    if reason:
        return Answer(question, REFUSAL, (), hits, True, notice=f"Nothing was cited: {reason}.")
    query = build_query(question, history)
    wanted = _stems(" ".join(query.terms)) | {stem(n) for n in query.hints.names}
    names = set(read_hints(question).names)
    candidates = []
    for rank, s in enumerate(scored[:answer_hits]):
        for position, sentence in enumerate(split_sentences(s.hit.text)):
            if len(sentence) < 20 or sentence.endswith(":") and position == 0 and len(scored[:answer_hits]) > 1:
                continue
            overlap = len(wanted & _stems(sentence))
            bonus = sum(1 for n in names if mentions(n, sentence)) * 0.5
            # Earlier hits and earlier sentences carry the readout's lead; keep that as a tie-breaker.
            score = (overlap + bonus + 0.5) * (1.0 / (1 + 0.35 * rank)) * (1.0 - 0.03 * min(position, 5))
            candidates.append((score, rank, position, sentence, s.hit))
    if not candidates:
        return Answer(question, REFUSAL, (), hits, True, notice="Nothing was cited: the passages have no usable sentence.")
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    best = candidates[0][0]
    chosen = [c for c in candidates if c[0] >= calibration.sentence_ratio * best][: calibration.max_sentences]
    # Read in document order within a hit, hits in rank order.
    chosen.sort(key=lambda c: (c[1], c[2]))
    citations: list[Citation] = []
    parts = []
    for score, rank, position, sentence, hit in chosen:
        citation = cite(len(citations) + 1, hit, sentence)
        citations.append(citation)
        parts.append(f"{sentence} [{citation.n}]")
    return Answer(question, " ".join(parts), tuple(citations), hits, False)
