"""The text of readouts as the answerer reads it (whole, for what they mention) and cites it (a paragraph
as a Hit, with its event date and speakers)."""
from __future__ import annotations

from index.api import Library, ReadoutSummary
from index.query import mentioned
from index.readout_meta import load
from index.types import Filters, Hit


def readout_texts(library: Library, ids) -> dict[str, str]:
    """Whole text of readouts, for checking what they mention."""
    out = {}
    for readout_id in dict.fromkeys(ids):
        readout = library.readout(readout_id)
        if readout is not None:
            out[readout_id] = readout.title + " " + " ".join(readout.paragraphs)
    return out


def titled_words(words, readouts) -> set[str]:
    """The words in the titles of more than half the readouts: they describe the contacts ("Amir ... of Qatar"),
    not what was said in one of them."""
    return {w for w in words if 2 * sum(bool(mentioned([w], r.title)) for r in readouts) > len(readouts)}


def any_mentions(library: Library, readouts: tuple[ReadoutSummary, ...], words: tuple[str, ...]) -> bool:
    """Whether the text of any of the readouts mentions any of the words."""
    return any(mentioned([w], text) for text in readout_texts(library, [r.id for r in readouts]).values() for w in words)


def lead_hit(library: Library, readout_id: str) -> Hit | None:
    """The readout's lead paragraph as a Hit (the first paragraph that is not an attribution line)."""
    readout = library.readout(readout_id)
    if readout is None or not readout.paragraphs:
        return None
    n = next((i for i, p in enumerate(readout.paragraphs, start=1)
              if not (len(p) < 100 and p.rstrip().endswith(":"))), 1)
    return paragraph_hit(library, readout_id, n, readout)


def paragraph_hit(library: Library, readout_id: str, n: int, readout=None) -> Hit | None:
    """Paragraph n (from 1) of a readout as a Hit, with its event date and speakers, for citing."""
    readout = readout or library.readout(readout_id)
    if readout is None or not 1 <= n <= len(readout.paragraphs):
        return None
    meta = load(library.store.db, readout_id)
    spans = tuple((s.start, s.end, s.speaker) for s in meta.sentences if s.paragraph == n) if meta else ()
    return Hit(readout.id, n, readout.title, readout.date, readout.source, readout.url, 0.0,
               readout.paragraphs[n - 1], meta.event_date if meta else readout.date, spans)


def name_texts(library: Library, name: str, readouts) -> dict[str, str]:
    """The readouts (of `readouts`) a lexical search for a name of several words finds first (ten), read whole."""
    allowed = Filters(readouts=frozenset(r.id for r in readouts))
    return readout_texts(library, [h.readout_id for h in library.search(name, filters=allowed, k=10, mode="lexical")])


def readouts_with(library: Library, words: list[str], readouts) -> list[str]:
    """The ids of the readouts (of `readouts`) a lexical search for each word finds first, up to three a word."""
    allowed = Filters(readouts=frozenset(r.id for r in readouts))
    return [h.readout_id for word in words for h in library.search(word, filters=allowed, k=3, mode="lexical")]
