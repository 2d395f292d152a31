"""ask(): retrieval plus an answerer, the one call every interface uses."""
from __future__ import annotations

from typing import Any

from index.api import Library, check_k
from index.types import parse_history

from . import extract
from .types import Answer


def ask(library: Library, question: str, filters: Any = None, history: Any = None, k: int = 5,
        answerer=None) -> Answer:
    """Answer a question from the library with citations (default: extractive, no LLM)."""
    check_k(k)
    turns = parse_history(history)
    scored = library.retrieve(question, filters, turns, k=max(k, 5))
    if answerer is not None:
        return _trim_hits(answerer(question, scored, turns), k)
    result = extract.answer(question.strip(), scored, turns, readout_texts=readout_texts(library, scored),
                            count=library.count_paragraphs_with)
    return _trim_hits(result, k)


def readout_texts(library: Library, scored, top: int = 5) -> dict[str, str]:
    """Whole text of the readouts behind the top hits, for checking what they mention."""
    out = {}
    for s in scored[:top]:
        if s.hit.readout_id not in out:
            readout = library.readout(s.hit.readout_id)
            out[s.hit.readout_id] = " ".join(readout.paragraphs) if readout else s.hit.text
    return out


def _trim_hits(result: Answer, k: int) -> Answer:
    from dataclasses import replace

    return replace(result, hits=result.hits[:k])
