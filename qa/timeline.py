"""Timeline: every readout of a participant, a pair or a country, in event-date order, each cited to a
paragraph; with a topic, only the readouts that speak of it, each with the sentence that does
(CONTRACT.md "Timeline").

The readout set comes from the metadata filters (Library.readouts), so it is exhaustive, not a search's
top k. A readout speaks of the topic when one of its sentences holds every content word of the topic,
or shares one of them and comes within TOPIC_MIN cosine ("U.S. policy on Taiwan has not changed" for
"one China policy"), or comes within TOPIC_STRONG without any; the quote is the sentence with the best
cosine plus LEXICAL_WEIGHT per share of topic words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from index.api import MAX_QUESTION_CHARS, Library, ReadoutSummary
from index.metadata import Participant, match_participant
from index.query import lexical_terms, mentioned
from index.types import InputError, Readout, check_text, parse_iso_date

from .contacts import one_contact
from .readout_sentences import Sentence, encode_sentences, is_attribution, lead_sentence, sentences_of

TOPIC_MIN = 0.40  # cosine at which a sentence sharing a topic word speaks of it (read off Biden–Xi and Kuleba)
TOPIC_STRONG = 0.50  # cosine at which a sentence speaks of the topic without any of its words
LEXICAL_WEIGHT = 0.2  # a sentence naming the topic outranks a merely similar one
SENTENCE_BUDGET = 600  # beyond this many sentences, embed only those a search or the topic's words point at
SEARCHED = 100  # paragraphs a search contributes when the budget is exceeded


@dataclass(frozen=True)
class TimelineEntry:
    """One readout on the timeline, cited to one paragraph: the topic sentence, else the lead."""

    readout_id: str
    event_date: str
    title: str
    kind: str
    participants: tuple[Participant, ...]
    paragraph: int
    quote: str
    source: str = ""
    same_event: tuple[str, ...] = ()
    similarity: float | None = None  # the quote's cosine to the topic; None without a topic

    def to_json(self) -> dict:
        return {"readout_id": self.readout_id, "event_date": self.event_date, "title": self.title, "kind": self.kind,
                "participants": [p.to_json() for p in self.participants], "paragraph": self.paragraph,
                "quote": self.quote}


@dataclass(frozen=True)
class Timeline:
    """Entries in event-date order and contacts per month (readouts of one event count once)."""

    entries: tuple[TimelineEntry, ...]
    by_month: tuple[tuple[str, int], ...]
    topic: str = ""

    def to_json(self) -> dict:
        return {"entries": [e.to_json() for e in self.entries], "by_month": dict(self.by_month)}


@dataclass(frozen=True)
class TimelineQuery:
    """Who, which country, what topic and which days, checked."""

    participant: str | None = None
    with_: str | None = None
    country: str | None = None
    topic: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def checked(cls, participant=None, with_=None, country=None, topic=None, date_from=None, date_to=None):
        """Strip and validate; at least a participant or a country is needed."""
        values = {}
        for key, value in (("participant", participant), ("with", with_), ("country", country), ("topic", topic)):
            if value is not None and not isinstance(value, str):
                raise InputError(f"{key}: expected a string")
            text = value.strip() if value else ""
            values[key] = check_text(text, key) if text else None
        if values["topic"] and len(values["topic"]) > MAX_QUESTION_CHARS:
            raise InputError(f"topic: {len(values['topic'])} characters, the limit is {MAX_QUESTION_CHARS}")
        if not (values["participant"] or values["with"] or values["country"]):
            raise InputError("participant: give a participant (and optionally `with`), or a country")
        start = parse_iso_date(date_from, "date_from") if date_from else None
        end = parse_iso_date(date_to, "date_to") if date_to else None
        if start and end and start > end:
            raise InputError(f"date_from {start} is after date_to {end}")
        return cls(values["participant"], values["with"], values["country"], values["topic"], start, end)


def matching_readouts(library: Library, query: TimelineQuery) -> list[ReadoutSummary]:
    """Readouts with the participant (and the other one), or with a participant of the country, in the date range."""
    found: dict[str, ReadoutSummary] | None = None
    names = [name for name in (query.participant, query.with_) if name]
    for name in names or [None]:
        filters = {key: value for key, value in (("participant", name), ("country", query.country)) if value}
        rows = {r.id: r for r in library.readouts(filters=filters)}
        found = rows if found is None else {i: r for i, r in found.items() if i in rows}
    # Dates are event dates, not the publication dates the shared date filters read.
    rows = [r for r in (found or {}).values() if (query.date_from or "") <= r.event_date <= (query.date_to or "9999")]
    return sorted(rows, key=lambda r: (r.event_date, r.date, r.id))


def timeline(library: Library, participant: str | None = None, with_: str | None = None, country: str | None = None,
             topic: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Timeline:
    """Every matching readout in event-date order, each cited to its topic sentence (or its lead)."""
    query = TimelineQuery.checked(participant, with_, country, topic, date_from, date_to)
    rows = matching_readouts(library, query)
    readouts = [r for r in (library.readout(row.id) for row in rows) if r is not None]  # None: removed meanwhile
    quotes: dict[str, tuple[Sentence, float | None]] = {}
    if query.topic:
        for readout_id, found in topic_sentences(library, query, readouts).items():
            quotes[readout_id] = found[0]
    else:
        for readout in readouts:
            lead = lead_sentence(readout)
            if lead is not None:
                quotes[readout.id] = (lead, None)
    entries = []
    for r in rows:
        if r.id not in quotes:
            continue  # off the topic (or a readout with no text)
        meta = library.readout_metadata(r.id)
        sentence, similarity = quotes[r.id]
        people = tuple(Participant.from_json(p) for p in meta.get("participants") or ())
        entries.append(TimelineEntry(r.id, r.event_date, r.title, r.kind, people, sentence.paragraph, sentence.text,
                                     r.source, tuple(meta.get("same_event") or ()), similarity))
    return Timeline(tuple(entries), contacts_by_month(entries), query.topic or "")


def contacts_by_month(entries) -> tuple[tuple[str, int], ...]:
    """Contacts per "YYYY-MM": readouts linked as one event (a White House and a State readout) count once.
    An undated readout (a file without a date) stays on the timeline but in no month."""
    seen: set[str] = set()
    months: dict[str, int] = {}
    by_id = {entry.readout_id: entry for entry in entries}
    for entry in entries:
        if entry.readout_id in seen or len(entry.event_date) < 7:
            continue
        names = [p.name for p in entry.participants]
        seen.update(other for other in entry.same_event if other in by_id and one_contact(
            entry.source, entry.title, names, by_id[other].source, by_id[other].title,
            [p.name for p in by_id[other].participants]))
        month = entry.event_date[:7]
        months[month] = months.get(month, 0) + 1
    return tuple(sorted(months.items()))


def topic_words(query: TimelineQuery) -> list[str]:
    """The topic's content words, without the names already asked for ("Kuleba grain" -> "grain")."""
    asked = " ".join(n for n in (query.participant, query.with_, query.country) if n)
    return [w for w in lexical_terms(query.topic or "") if not match_participant(w, [asked])]


def topic_sentences(library: Library, query: TimelineQuery, readouts: list[Readout],
                    per_readout: int = 1) -> dict[str, list[tuple[Sentence, float]]]:
    """Per readout that speaks of the topic, its best sentences about it (best first) with their cosine."""
    words = topic_words(query)
    topic_vector = library.embedder.encode_query(query.topic)
    candidates = {r.id: [s for s in sentences_of(r) if not is_attribution(s.text)] for r in readouts}
    if sum(map(len, candidates.values())) > SENTENCE_BUDGET:
        candidates = _pruned(library, query, words, candidates)
    flat = [s for sentences in candidates.values() for s in sentences]
    vectors = encode_sentences(library.embedder, [s.text for s in flat])
    cosines = dict(zip(((s.readout_id, s.paragraph, s.text) for s in flat), (vectors @ topic_vector).tolist()))
    out: dict[str, list[tuple[Sentence, float]]] = {}
    for readout_id, sentences in candidates.items():
        scored = []
        for s in sentences:
            cosine = cosines[(s.readout_id, s.paragraph, s.text)]
            share = len(mentioned(words, s.text)) / len(words) if words else 0.0
            if (words and share == 1.0) or cosine >= TOPIC_STRONG or (cosine >= TOPIC_MIN and (share or not words)):
                scored.append((cosine + LEXICAL_WEIGHT * share, s, cosine))
        scored.sort(key=lambda item: -item[0])
        if scored:
            out[readout_id] = [(s, cosine) for _, s, cosine in scored[:per_readout]]
    return out


def _pruned(library: Library, query: TimelineQuery, words: list[str],
            candidates: dict[str, list[Sentence]]) -> dict[str, list[Sentence]]:
    """Too many sentences to embed at once: keep those naming a topic word and those in the paragraphs a
    search for the topic ranks highest within these readouts."""
    names = [n for n in (query.participant, query.with_) if n]
    # The narrower participant filter, so the search's top paragraphs fall among these readouts.
    filters: dict[str, Any] = {"country": query.country} if query.country else {}
    if names:
        filters["participant"] = min(names, key=lambda n: len(library.readouts(filters={"participant": n})))
    searched = {(s.hit.readout_id, s.hit.paragraph) for s in library.retrieve(query.topic, filters, k=SEARCHED)}
    return {readout_id: [s for s in sentences if (s.readout_id, s.paragraph) in searched
                         or (words and mentioned(words, s.text))]
            for readout_id, sentences in candidates.items()}


def month_series(by_month: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    """Every month from the first to the last with its count, zeros included (for a chart)."""
    known = sorted(by_month)
    if not known:
        return []
    counts = dict(known)
    year, month = map(int, known[0][0].split("-"))
    last = known[-1][0]
    series = []
    while True:
        key = f"{year:04d}-{month:02d}"
        series.append((key, counts.get(key, 0)))
        if key >= last:
            return series
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
