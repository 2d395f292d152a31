"""Core value types of the index: readouts, chunks, hits and filters (shapes pinned in CONTRACT.md)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping


class InputError(ValueError):
    """Bad input from a user or a file; the message names what is wrong and where."""


@dataclass(frozen=True)
class Readout:
    """One readout: paragraphs numbered from 1 by their position (paragraphs[0] is paragraph 1)."""

    id: str
    title: str
    date: str  # ISO YYYY-MM-DD, or "" when unknown
    source: str
    url: str
    paragraphs: tuple[str, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded; always inside one paragraph, so a hit maps to (readout, paragraph)."""

    readout_id: str
    paragraph: int
    part: int  # 0 for the first chunk of a paragraph, 1.. when a long paragraph was split
    text: str  # the paragraph text (or the part of it) without any context prefix


@dataclass(frozen=True)
class Hit:
    """A search result: one paragraph, best first in a list (CONTRACT.md "Hit")."""

    readout_id: str
    paragraph: int
    title: str
    date: str
    source: str
    url: str
    score: float
    text: str
    event_date: str = ""  # the day of the contact (readout metadata); "" when unknown
    # (start, end, speaker) of each sentence of the paragraph, so a citation can name who speaks in its quote.
    spans: tuple = field(default=(), compare=False, repr=False)

    def to_json(self) -> dict:
        return {
            "readout_id": self.readout_id,
            "paragraph": self.paragraph,
            "title": self.title,
            "date": self.date,
            "event_date": self.event_date or self.date,
            "source": self.source,
            "url": self.url,
            "score": round(float(self.score), 6),
            "text": self.text,
        }

    def speaker_of(self, quote: str) -> str | None:
        """Who the sentence holding the start of `quote` reports as speaking (None if nobody, or unknown)."""
        at = self.text.find(quote)
        for start, end, speaker in self.spans:
            if start <= at < end:
                return speaker
        return None

    def speakers_in(self, quote: str) -> tuple[str, ...]:
        """Every speaker the sentences overlapping `quote` report, in order (a quote may run over two)."""
        at = self.text.find(quote)
        if at < 0:
            return ()
        return tuple(dict.fromkeys(speaker for start, end, speaker in self.spans
                                   if speaker and start < at + len(quote) and at < end))


def check_text(value: str, what: str) -> str:
    """Reject a string that cannot be written as UTF-8 (a lone surrogate such as JSON's "\\ud800")."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(f"{what}: invalid Unicode (an unpaired surrogate U+{ord(value[error.start]):04X} "
                         f"at character {error.start + 1})") from None
    return value


def parse_iso_date(value: Any, what: str = "date") -> str:
    """Return value as a checked ISO date string, or raise InputError naming `what`."""
    if not isinstance(value, str):
        raise InputError(f"{what}: expected a YYYY-MM-DD string, got {value!r}")
    try:
        return _dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date in YYYY-MM-DD form") from None


KINDS = ("call", "meeting", "visit", "statement", "other")
TEXT_FILTERS = ("source", "readout", "participant", "country", "kind")


@dataclass(frozen=True)
class Filters:
    """Restrictions on which readouts may answer (CONTRACT.md "Filters"); every field optional.

    `participant`, `country` and `kind` are read from the readout metadata; the Library resolves them
    into `readouts` (the ids that pass) before searching, so the search itself needs no metadata.
    """

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    readout: str | None = None
    participant: str | None = None
    country: str | None = None
    kind: str | None = None
    readouts: frozenset[str] | None = field(default=None, compare=True)

    @classmethod
    def from_json(cls, value: Any) -> "Filters":
        """Build from the contract's filter object (None or {} means no filter)."""
        if value is None:
            return cls()
        if isinstance(value, Filters):
            return value
        if not isinstance(value, dict):
            raise InputError(f"filters: expected an object, got {type(value).__name__}")
        unknown = set(value) - {"date_from", "date_to", *TEXT_FILTERS}
        if unknown:
            raise InputError(f"filters: unknown key(s) {', '.join(sorted(unknown))}")
        date_from = parse_iso_date(value["date_from"], "filters.date_from") if value.get("date_from") else None
        date_to = parse_iso_date(value["date_to"], "filters.date_to") if value.get("date_to") else None
        if date_from and date_to and date_from > date_to:
            raise InputError(f"filters: date_from {date_from} is after date_to {date_to}")
        for key in TEXT_FILTERS:
            if value.get(key) is not None and not isinstance(value[key], str):
                raise InputError(f"filters.{key}: expected a string")
            if value.get(key):
                check_text(value[key], f"filters.{key}")
        kind = (value.get("kind") or "").strip().lower() or None
        if kind and kind not in KINDS:
            raise InputError(f"filters.kind: {value['kind']!r} is not one of {', '.join(KINDS)}")
        return cls(date_from, date_to, value.get("source") or None, value.get("readout") or None,
                   (value.get("participant") or "").strip() or None, (value.get("country") or "").strip() or None,
                   kind)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v and k != "readouts"}

    def is_empty(self) -> bool:
        return self.readouts is None and not any(v for k, v in self.__dict__.items() if k != "readouts")

    def needs_metadata(self) -> bool:
        """True when participant, country or kind must still be resolved into `readouts`."""
        return bool(self.participant or self.country or self.kind) and self.readouts is None

    def admits(self, readout_id: str, date: str, source: str) -> bool:
        """True when a readout with these fields passes every filter (metadata filters once resolved)."""
        if self.readout and readout_id != self.readout:
            return False
        if self.readouts is not None and readout_id not in self.readouts:
            return False
        if self.source and self.source.lower() not in (source or "").lower():
            return False
        if self.date_from and (not date or date < self.date_from):
            return False
        if self.date_to and (not date or date > self.date_to):
            return False
        return True


@dataclass(frozen=True)
class Turn:
    """An earlier turn of a conversation: the question and the readouts its answer cited."""

    question: str
    cited: tuple[str, ...] = ()


def parse_history(value: Any) -> tuple[Turn, ...]:
    """Accept the contract's history: a list of strings or {"question", "cited"} objects."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise InputError("history: expected a list of earlier turns")
    turns = []
    for i, item in enumerate(value):
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, str):
            turns.append(Turn(check_text(item, f"history[{i}]")))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            cited = item.get("cited") or []
            if not isinstance(cited, list) or not all(isinstance(c, str) for c in cited):
                raise InputError(f"history[{i}].cited: expected a list of readout ids")
            for j, c in enumerate(cited):
                check_text(c, f"history[{i}].cited[{j}]")
            turns.append(Turn(check_text(item["question"], f"history[{i}].question"), tuple(cited)))
        else:
            raise InputError(f"history[{i}]: expected a string or an object with a 'question' string")
    return tuple(turns)
