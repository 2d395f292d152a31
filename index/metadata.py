"""Readout metadata by rules: event date, kind, participants and the speaker of every sentence.

Pure functions, no model and no I/O; `extract_metadata` never raises. The rules live in their own
modules: participants.py (title + lead -> people), speakers.py (sentence -> speaker), event_date.py,
sentences.py, with the data in countries.py and officials.py. Bump EXTRACTOR_VERSION when a rule
changes, so an index recomputes what it stored.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from index.countries import fold
from index.event_date import resolve_event_date
from index.officials import OFFICIALS
from index.participants import Context, Found, Person, extract_people, issuer_of
from index.sentences import split_sentences
from index.speakers import Speaker, attribute
from index.types import Readout

EXTRACTOR_VERSION = 14
KINDS = ("call", "meeting", "visit", "statement", "other")
__all__ = ["EXTRACTOR_VERSION", "KINDS", "Participant", "SpokenSpan", "ReadoutMetadata", "extract_metadata",
           "link_same_events", "split_sentences", "match_participant", "family_name", "same_person"]


@dataclass(frozen=True)
class Participant:
    """A person taking part in the contact: common English name, lower-case office, country or organisation."""

    name: str
    role: str | None
    country: str | None

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role, "country": self.country}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> "Participant":
        return cls(str(value["name"]), value.get("role"), value.get("country"))


@dataclass(frozen=True)
class SpokenSpan:
    """One sentence: character offsets into paragraph `paragraph` (from 1) and who speaks in it."""

    paragraph: int
    start: int
    end: int
    speaker: str | None  # a participant's name, "both", None, or the spokesperson a line is attributed to

    def to_json(self) -> dict:
        return {"paragraph": self.paragraph, "start": self.start, "end": self.end, "speaker": self.speaker}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> "SpokenSpan":
        return cls(int(value["paragraph"]), int(value["start"]), int(value["end"]), value.get("speaker"))


@dataclass(frozen=True)
class ReadoutMetadata:
    """Everything the rules read from one readout; `notice` says why it is empty when extraction failed."""

    event_date: str
    kind: str
    participants: tuple[Participant, ...]
    sentences: tuple[SpokenSpan, ...]
    notice: str | None = None

    def to_json(self) -> dict:
        return {
            "event_date": self.event_date,
            "kind": self.kind,
            "participants": [p.to_json() for p in self.participants],
            "sentences": [s.to_json() for s in self.sentences],
            "notice": self.notice,
            "version": EXTRACTOR_VERSION,
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> "ReadoutMetadata":
        return cls(
            str(value.get("event_date") or ""),
            str(value.get("kind") or "other"),
            tuple(Participant.from_json(p) for p in value.get("participants") or ()),
            tuple(SpokenSpan.from_json(s) for s in value.get("sentences") or ()),
            value.get("notice"),
        )

    def speaker_at(self, paragraph: int, offset: int) -> str | None:
        """The speaker of the sentence of `paragraph` that contains character `offset`, or None."""
        for span in self.sentences:
            if span.paragraph == paragraph and span.start <= offset < span.end:
                return span.speaker
        return None


# Kinds, from the title first and then the lead's contact sentence.
CALL = re.compile(r"\b(?:calls?|phone|telephone|video|videoconference|teleconference|virtual|virtually|"
                  r"conversation|spoke|speaks)\b(?! to action)", re.IGNORECASE)
CALL_LEAD = re.compile(r"\b(?:virtual(?:ly)?|video|videoconference|video-conference|teleconference|by (?:tele)?phone|"
                       r"phone call|(?:held|hold|had|have) (?:a|an|his|her|their) (?:[\w-]+ )?call|call with)\b",
                       re.IGNORECASE)
SPOKE_LEAD = re.compile(r"\b(?:spoke|speaks|talked|called)\b(?! (?:at|before|to reporters|about))")
VISIT = re.compile(r"\b(?:trip|travels?|traveled|travelled|visit|visits|visited|tour|delegation travel)\b",
                   re.IGNORECASE)
MEETING = re.compile(
    r"\b(?:meeting|meetings|meets|met|bilateral|trilateral|roundtables?|convenings?|convenes|convened|summit|"
    r"listening sessions?|sessions?|dialogue|consultations?|discussions?|briefings?|event|celebration|workshop|"
    r"panel|reception|dinner|luncheon|talks|engagements?|hosts|hosted|participation|gathering|forum|conference|"
    r"task force|audience|retreat|ministerial)\b", re.IGNORECASE)
IN_PERSON_LEAD = re.compile(r"\b(?:met|meets|hosted|hosts|welcomed|received|sat down)\b")
VISIT_LEAD = re.compile(r"\b(?:traveled|travelled|travels|visited|led (?:a|an) [\w\s-]*delegation)\b")


# Events styled as a roundtable, convening, forum, listening or engagement session or "event" are `other`
# (the gold guide's convention, which beats "virtual = call"), and so are reports of several calls or
# meetings ("Calls with European Leaders"). The title's first event noun names the event; a forum that only
# names the body whose officials meet ("ASEAN Regional Forum Foreign Ministers' Meeting") does not count.
EVENT_NOUN = re.compile(
    r"\b(?:(?P<styled>Roundtables?|Convenings?|Convenes|Forums?|(?:Listening|Engagement) Sessions?|Events?)"
    r"(?!\s+(?:[A-Z][\w’'-]*\s+)+Meetings?\b)|(?P<several>Calls|Meetings)|Call|Meeting|Summit|Trip|Travel|Visit)\b",
    re.IGNORECASE)
# The lead styles it so with an article: "hosted a roundtable" ("convened the Major Economies Forum" does not).
LEAD_STYLED = re.compile(r"\b(?:hosted|held|convened|led|moderated|co-hosted|participated in)\s+(?:a|an)\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:roundtables?|listening sessions?|convenings?|forums?|"
                         r"engagement sessions?)\b", re.IGNORECASE)


def kind_of(title: str, contact: list[str], full_title: str = "") -> str:
    """call, meeting, visit, statement or other, from the title without lead-ins, then the contact sentence."""
    lead = contact[0] if contact else ""
    noun = EVENT_NOUN.search(title)
    if noun and noun.group("several") and re.match(r"\s+in\s+[A-Z]", title[noun.end():]):
        return "visit"  # "Meetings in Saudi Arabia and Israel": a trip report
    if noun and (noun.group("styled") or noun.group("several")) or LEAD_STYLED.search(lead):
        return "other"
    if CALL.search(title):
        return "call"
    if CALL_LEAD.search(lead):
        return "call"
    if VISIT.search(title) and not MEETING.search(title):
        return "visit"
    if MEETING.search(title):
        return "meeting"
    if re.match(r"(?:Joint\s+)?Statement\b", (full_title or title).strip()):
        return "statement"
    if SPOKE_LEAD.search(lead):
        return "call"
    if VISIT_LEAD.search(lead):
        return "visit"
    if IN_PERSON_LEAD.search(lead) or re.search(r"\b(?:convened|joined|participated)\b", lead):
        return "meeting"
    return "other"


def _speakers(people: list[Person], context: Context) -> list[Speaker]:
    speakers = []
    for person in people:
        aliases: tuple[str, ...] = ()
        for official in OFFICIALS:
            if official.name == person.name and (not context.date or official.start <= context.date <= official.end):
                aliases = official.aliases
        speakers.append(Speaker(person.name, fold(person.role or ""), person.country or "", aliases))
    return speakers


def _empty(readout: Any, notice: str) -> ReadoutMetadata:
    date = getattr(readout, "date", "") or ""
    return ReadoutMetadata(date if isinstance(date, str) else "", "other", (), (), notice)


def extract_metadata(readout: Readout) -> ReadoutMetadata:
    """Event date, kind, participants and per-sentence speakers of a readout; never raises."""
    try:
        return _extract(readout)
    except Exception as error:  # a rule's bug must not stop an ingest: record why and go on
        return _empty(readout, f"metadata extraction failed: {type(error).__name__}: {error}"[:300])


def _extract(readout: Readout) -> ReadoutMetadata:
    paragraphs = tuple(p if isinstance(p, str) else "" for p in (readout.paragraphs or ()))
    title = readout.title if isinstance(readout.title, str) else ""
    date = readout.date if isinstance(readout.date, str) else ""
    try:
        date = _dt.date.fromisoformat(date).isoformat() if date else ""
    except ValueError:
        date = ""
    context = Context(date, issuer_of(readout.source or "", readout.url or "", readout.id or ""))
    found: Found = extract_people(title, paragraphs, context)
    lead = paragraphs[found.lead_index] if paragraphs else ""
    lead_sentences = [lead[s:e] for s, e in split_sentences(lead)]
    # (the first paragraph's opening sentence too: "On July 17, the Office ... convened ...", where the people were
    # found in a later roster paragraph)
    first = split_sentences(paragraphs[0]) if paragraphs else []
    opening = paragraphs[0][slice(*first[0])] if first else ""
    event_date = resolve_event_date(found.contact, lead_sentences, date, opening)
    kind = kind_of(found.title, found.contact, title)
    participants = tuple(Participant(p.name, p.role, p.country) for p in found.people)
    spans = attribute(paragraphs, _speakers(found.people, context), found.author)
    sentences = tuple(SpokenSpan(n, s, e, speaker) for n, s, e, speaker in spans)
    return ReadoutMetadata(event_date, kind, participants, sentences)


# --- names -----------------------------------------------------------------------------------------

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
# First names too common to tell two people apart ("Mohammed bin Salman" vs "Mohammed bin Zayed").
COMMON_GIVEN = frozenset("""
mohammed mohamed muhammad mohammad ahmed ahmad ali hassan hussein abdullah abdul omar khalid sheikh bin
john james david michael robert william mary maria anne jose juan carlos luis jean pierre peter paul mark
""".split())


def _name_tokens(name: str) -> list[str]:
    tokens = [t.strip(".,") for t in fold(name).replace("-", " - ").split()]
    tokens = [t for t in tokens if t and t != "-"]
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    return tokens


def family_name(name: str) -> str:
    """Last word of a name, lower-case, accents folded, suffixes such as "Jr." dropped ("Marcos")."""
    tokens = _name_tokens(name)
    return tokens[-1] if tokens else ""


def same_person(a: str, b: str) -> bool:
    """Whether two names denote the same person by the scoring rule.

    Family names (last words) equal; or, for names of two or three words, which may put the family
    name first ("Kishida Fumio" / "Fumio Kishida", "Moon Jae-in"), any shared word of three or more
    letters that is not a common given name; or the names equal case-insensitively (offices used as
    names: "Prime Minister of Japan").
    """
    if not a or not b:
        return False
    if fold(a).strip() == fold(b).strip():
        return True
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1] and len(ta[-1]) >= 2:
        return True
    if len(ta) <= 3 and len(tb) <= 3:
        shared = {t for t in ta if len(t) >= 3 and t not in COMMON_GIVEN} & set(tb)
        return bool(shared)
    return False


def participant_pattern(query: str) -> re.Pattern | None:
    """The folded query's words, whole and in order, any spacing between them; None for an empty query."""
    words = fold(query or "").split()
    if not words:
        return None
    return re.compile(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])")


def match_participant(query: str, participants: Iterable[Any]) -> bool:
    """Case-insensitive whole-word containment: "kuleba" matches "Dmytro Kuleba"."""
    pattern = participant_pattern(query)
    if pattern is None:
        return False
    for participant in participants or ():
        if isinstance(participant, str):
            name = participant
        elif isinstance(participant, Mapping):
            name = str(participant.get("name") or "")
        else:
            name = str(getattr(participant, "name", "") or "")
        if pattern.search(fold(name)):
            return True
    return False


# --- same event ------------------------------------------------------------------------------------

KIND_FAMILY = {"call": "call", "meeting": "in person", "visit": "in person"}


def link_same_events(items: Iterable[tuple[str, str, ReadoutMetadata]]) -> dict[str, tuple[str, ...]]:
    """For each readout id, the ids of other readouts of the same contact.

    Same contact: the same kind family (a call; a meeting or visit), at least two participants in
    common by family name, one of them the first-named participant (the issuing side's principal)
    of either readout, and event dates at most two days apart across sources, equal within one
    source (two calls between the same leaders two days apart are two contacts). Statements and
    "other" never link.
    """
    entries = []
    for readout_id, source, metadata in items:
        family = KIND_FAMILY.get(metadata.kind)
        try:
            day = _dt.date.fromisoformat(metadata.event_date)
        except (TypeError, ValueError):
            day = None
        names = [p.name for p in metadata.participants]
        entries.append((readout_id, source or "", family, day, names))
    # Candidates by family name and day: by name alone, a frequent person's readouts were each compared with all
    # of that person's others (65,000 Biden readouts at 100x: ~4e9 pairs, hours on re-extraction).
    by_name_day: dict[tuple[str, _dt.date], set[int]] = {}
    for index, (_, _, family, day, names) in enumerate(entries):
        if family and day and len(names) >= 2:
            for name in names:
                by_name_day.setdefault((family_name(name), day), set()).add(index)
    near = [_dt.timedelta(days=d) for d in range(-2, 3)]  # the widest gap linked (two days, across sources)
    links: dict[str, list[str]] = {readout_id: [] for readout_id, *_ in entries}
    for index, (readout_id, source, family, day, names) in enumerate(entries):
        if not family or not day or len(names) < 2:
            continue
        candidates = set().union(*(by_name_day.get((family_name(n), day + d), set()) for n in names for d in near))
        candidates.discard(index)
        for other in sorted(candidates):
            other_id, other_source, other_family, other_day, other_names = entries[other]
            if other_id == readout_id or other_family != family:
                continue
            apart = abs((other_day - day).days)
            if apart > (0 if other_source == source else 2):
                continue
            common = [n for n in names if any(same_person(n, m) for m in other_names)]
            principal_shared = names[0] in common or any(same_person(other_names[0], n) for n in common)
            if len(common) >= 2 and principal_shared:
                links[readout_id].append(other_id)
    return {readout_id: tuple(dict.fromkeys(ids)) for readout_id, ids in links.items()}
