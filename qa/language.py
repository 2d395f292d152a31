"""Language over time: the phrases that recur, appear or disappear across a timeline's readouts, each
with its first and last use cited, so "what changed in how they describe Taiwan" has a cited answer.

Phrases are word 2-4-grams of the sentences about the topic (timeline.topic_sentences: the best few of
each readout), or of every sentence when no topic is given. A phrase counts once per readout and must
be used in at least MIN_READOUTS of them. Over the timeline's span (first to last event date):
"appears" when its first use falls after the first third, "disappears" when its last use falls before
the last third, else "recurs". A phrase is dropped when a longer one holding it is used in exactly the
same readouts ("one China" beside "one China policy"), and so is one made only of names and offices.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from index.api import Library
from index.query import GENERIC, STOPWORDS

from .readout_sentences import Sentence, is_attribution, sentences_of
from .timeline import TimelineQuery, matching_readouts, topic_sentences

SIZES = (2, 3, 4)
MIN_READOUTS = 2
PER_READOUT = 3  # topic sentences read per readout
WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9’'\-]|\.(?=[A-Za-z]))*")  # "U.S" stays one word
OFFICES = GENERIC | frozenset("""excellency majesty highness mr mrs ms dr jr sr h.e official officials spokesperson
counterpart counterparts leaders two both today yesterday u.s u.k""".split())
STATUSES = ("appears", "disappears", "recurs")


@dataclass(frozen=True)
class Use:
    """Where a phrase was used: the readout, its event date and the sentence (verbatim in that paragraph)."""

    readout_id: str
    event_date: str
    paragraph: int
    quote: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Phrase:
    """A phrase with how many readouts use it and its first and last use."""

    text: str
    status: str  # appears, disappears or recurs
    readouts: int
    first: Use
    last: Use

    def to_json(self) -> dict:
        return {"phrase": self.text, "status": self.status, "readouts": self.readouts,
                "first": self.first.to_json(), "last": self.last.to_json()}


@dataclass(frozen=True)
class Language:
    """Phrases over a timeline: the span it covers and the readouts it read."""

    topic: str
    date_from: str
    date_to: str
    readouts: int
    phrases: tuple[Phrase, ...]

    def to_json(self) -> dict:
        return {"topic": self.topic, "from": self.date_from, "to": self.date_to, "readouts": self.readouts,
                "phrases": [p.to_json() for p in self.phrases]}


def words_of(text: str) -> list[str]:
    """Lower-case words, possessives dropped, so "“one China” policy" and "one China policy" agree."""
    return [re.sub(r"['’]s$", "", w.lower()).strip("-'’") for w in WORD.findall(text)]


def phrases_of(text: str, names: frozenset[str]) -> set[str]:
    """The 2-4-grams of a sentence that start and end on a content word (not a name or an office)."""
    words = words_of(text)
    plain = [bool(w) and w not in STOPWORDS and w not in OFFICES and w not in names for w in words]
    out = set()
    for size in SIZES:
        for i in range(len(words) - size + 1):
            if plain[i] and plain[i + size - 1] and all(words[i:i + size]):
                out.add(" ".join(words[i:i + size]))
    return out


def _day(value: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def language_over_time(library: Library, topic: str | None = None, participant: str | None = None,
                       with_: str | None = None, country: str | None = None, date_from: str | None = None,
                       date_to: str | None = None, limit: int = 60) -> Language:
    """The phrases that recur, appear or disappear across the timeline, each with its first and last use."""
    query = TimelineQuery.checked(participant, with_, country, topic, date_from, date_to)
    rows = matching_readouts(library, query)
    readouts = [r for r in (library.readout(row.id) for row in rows) if r is not None]
    dates = {row.id: row.event_date for row in rows}
    if query.topic:
        found = topic_sentences(library, query, readouts, per_readout=PER_READOUT)
        sentences = {rid: [s for s, _ in found[rid]] for rid in dates if rid in found}
    else:
        sentences = {r.id: [s for s in sentences_of(r) if not is_attribution(s.text)] for r in readouts}
    names = frozenset(w for r in readouts for p in library.readout_metadata(r.id).get("participants") or ()
                      for w in words_of(p.get("name") or ""))
    uses: dict[str, dict[str, Sentence]] = {}  # phrase -> readout -> the sentence using it (best sentence first)
    for readout_id, chosen in sentences.items():
        for sentence in chosen:
            for phrase in phrases_of(sentence.text, names):
                uses.setdefault(phrase, {}).setdefault(readout_id, sentence)
    kept = _maximal(_merged({p: u for p, u in uses.items() if len(u) >= MIN_READOUTS}))
    used = sorted({dates[rid] for rid in sentences}, key=str)
    start, end = (used[0], used[-1]) if used else ("", "")
    phrases = [_phrase(text, by_readout, dates, start, end) for text, by_readout in kept.items()]
    phrases.sort(key=lambda p: (STATUSES.index(p.status), -p.readouts, -len(p.text.split()), p.text))
    return Language(query.topic or "", start, end, len(sentences), tuple(_spread(phrases, limit)))


def _merged(uses: dict[str, dict[str, Sentence]]) -> dict[str, dict[str, Sentence]]:
    """Overlapping phrases used in the same readouts become the one longer phrase they are pieces of
    ("strongly opposes unilateral efforts" + "unilateral efforts to change" + ...), where every one of
    those readouts uses the whole of it."""
    groups: dict[frozenset, list[str]] = {}
    for phrase, by_readout in uses.items():
        groups.setdefault(frozenset(by_readout), []).append(phrase)
    out: dict[str, dict[str, Sentence]] = {}
    for readouts, phrases in groups.items():
        sample = min(readouts)
        by_sentence: dict[Sentence, list[str]] = {}  # pieces merge only within one sentence
        for phrase in phrases:
            by_sentence.setdefault(uses[phrase][sample], []).append(phrase)
        for sentence, pieces in by_sentence.items():
            words = words_of(sentence.text)
            spans = sorted(span for p in pieces for span in _spans(words, p.split()))
            merged: list[list[int]] = []
            for start, end in spans:
                if merged and start < merged[-1][1]:  # overlapping pieces (sharing a word at least)
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            wholes = [" ".join(words[a:b]) for a, b in merged]
            for phrase in pieces:
                whole = next((w for w in wholes if f" {phrase} " in f" {w} "), phrase)
                if whole != phrase and not all(f" {whole} " in f" {' '.join(words_of(uses[phrase][r].text))} "
                                               for r in readouts):
                    whole = phrase
                out.setdefault(whole, {r: uses[phrase][r] for r in readouts})
    return out


def _spans(words: list[str], gram: list[str]) -> list[tuple[int, int]]:
    size = len(gram)
    return [(i, i + size) for i in range(len(words) - size + 1) if words[i:i + size] == gram][:1]


def _maximal(uses: dict[str, dict[str, Sentence]]) -> dict[str, dict[str, Sentence]]:
    """Drop a phrase when a longer kept phrase containing it is used in exactly the same readouts."""
    kept: dict[str, dict[str, Sentence]] = {}
    for phrase in sorted(uses, key=lambda p: -len(p.split())):
        readouts = set(uses[phrase])
        padded = f" {phrase} "
        if any(padded in f" {longer} " and set(kept[longer]) == readouts for longer in kept):
            continue
        kept[phrase] = uses[phrase]
    return kept


def _phrase(text: str, by_readout: dict[str, Sentence], dates: dict[str, str], start: str, end: str) -> Phrase:
    ordered = sorted(by_readout, key=lambda rid: (dates[rid], rid))
    first, last = ordered[0], ordered[-1]
    status = "recurs"
    begin, finish = _day(start), _day(end)
    if begin and finish and finish > begin:
        third = (finish - begin) / 3
        first_day, last_day = _day(dates[first]), _day(dates[last])
        if first_day and first_day > begin + third:
            status = "appears"
        elif last_day and last_day < finish - third:
            status = "disappears"

    def use(rid: str) -> Use:
        s = by_readout[rid]
        return Use(rid, dates[rid], s.paragraph, s.text)

    return Phrase(text, status, len(by_readout), use(first), use(last))


def _spread(phrases: list[Phrase], limit: int) -> list[Phrase]:
    """At most `limit` phrases, shared fairly among the statuses so one kind cannot crowd out the others."""
    if len(phrases) <= limit:
        return phrases
    share = max(limit // len(STATUSES), 1)
    chosen = [p for status in STATUSES for p in [q for q in phrases if q.status == status][:share]]
    rest = [p for p in phrases if p not in chosen]
    chosen += rest[:limit - len(chosen)]
    return sorted(chosen, key=phrases.index)
