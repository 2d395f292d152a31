"""People a question describes by office and place instead of by name: "Oslo's top diplomat", "the
White House security adviser", "the Japanese prime minister", "a Baltic foreign minister".

Each description becomes a `Person` whose names are the participants the index's metadata gives that
office and country (in the question's time, when it names one). Such a reading is inferred, so it
selects readouts but never decides a refusal on its own: when nothing matches, the question is read
as if the description were not there.
"""
from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass, replace
from functools import lru_cache

from index.officials import OFFICIALS
from index.countries import capital_country, country_of
from index.query import lexical_terms

from .offices import (ASKED_LESSER, BARE_SECRETARY, CONTACT_AFTER, CONTACT_AFTER_DATED, FOREIGN, HOLY_SEE, LESSER,
                      NATO_HEAD, OFFICES, PARTY_CHIEF, PRESIDENTS, REGIONS, TAOISEACH, UN_HEAD, US, US_DEFAULT, US_WORDS,
                      WINDOW)
from .parties import epithet_country
from .people import Person
from .question import Question
from .spelling import PARTICLES, alike, name_words
from .tuning import TUNING


@dataclass(frozen=True)
class Described:
    """An office a question names, with the places it is tied to (none: the question does not say)."""

    words: str  # the phrase as the question says it ("Oslo's top diplomat")
    roles: tuple[str, ...]
    places: tuple[str, ...]


_NAME = r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}"
# Places listed after an office: "of Washington, Tokyo and Manila", "from Paris, Berlin and London".
PLACE_LIST = re.compile(rf"\s+(?:of|from|in) (?:the )?({_NAME}(?:,\s*{_NAME})*,?\s+and\s+{_NAME})")


ITS = re.compile(r"\bits\s+(?:own\s+|new\s+|top\s+)?$", re.IGNORECASE)


def _place_of(name: str) -> str | None:
    """The country a name of a place stands for ("Manila", "Japan"; "Washington" for the United States)."""
    name = name.strip()
    return US if name == "Washington" else country_of(name) or capital_country(name)


def _listed(names: str) -> tuple[str, ...]:
    """The countries of a list of places ("Washington, Tokyo and Manila"), each once, in order."""
    return tuple(dict.fromkeys(p for p in map(_place_of, re.split(r",\s*(?:and\s+)?|\s+and\s+", names)) if p))


def _places(before: str, after: str) -> tuple[tuple[str, ...], int]:
    """The countries named just before an office ("Oslo's", "the Turkish") or just after it ("of Denmark"),
    with where the place starts in `before` (its length when the place follows)."""
    if TUNING.its_office and (its := ITS.search(before)):
        # "a Zambian delegation led by its foreign minister": the country named before "its" (the nearest), not the
        # place the contact was held ("came to Washington")
        for word in reversed(list(re.finditer(r"[A-Z][\w’'.-]+", before[:its.start()]))):
            country = country_of(word.group()) or capital_country(word.group()) or epithet_country(word.group())
            if country:
                return (country,), its.start()
    us = US_WORDS.search(before) or (TUNING.president_possessive and PRESIDENTS.search(before))
    if us:
        return (US,), us.start()
    low = before.lower()
    for region, countries in REGIONS.items():
        found = re.search(rf"\b{region}\b(?: \w+)?(?:['’]s)?\s*$", low)
        if found:
            return countries, found.start()
    spans = list(re.finditer(r"[\w’'.-]+", before))[-WINDOW:]
    for i, span in enumerate(spans):
        phrase = before[span.start():].strip()
        first = re.sub(r"['’](?:s\b|(?=\s)).*$", "", phrase)  # "Oslo's top", "Laos' deputy"
        first = re.sub(r"\s+(?:deputy|acting|assistant)$", "", first, flags=re.IGNORECASE)  # "the Laotian deputy ..."
        epithet = epithet_country(first)
        country = country_of(first) or capital_country(first) or epithet
        if not country and re.fullmatch(r"[A-Z][\w-]+ government", first):
            country = capital_country(first.split()[0]) or country_of(first.split()[0])  # "the Nicosia government's"
        if country and (first[:1].isupper() or epithet):
            return (country,), span.start()
    if TUNING.place_lists and (listed := PLACE_LIST.match(after)):
        # "the leaders of Paris, Berlin, Rome and London", "the security advisers of Washington, Tokyo and Manila"
        places = _listed(listed.group(1))
        if len(places) >= 2:
            return places, len(before)
    if TUNING.ministry_official and (owner := re.match(r"\s+(?:of|at|in) ([A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s\b", after)):
        # "the top career official of Italy's foreign ministry"
        if country := country_of(owner.group(1)) or capital_country(owner.group(1)):
            return (country,), len(before)
    tail = re.match(r"\s+(?:of|from|for) (?:the )?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})", after)
    if tail:
        name = tail.group(1).split()
        for end in range(len(name), 0, -1):
            country = country_of(" ".join(name[:end]))
            if country:
                return (country,), len(before)
    return (), len(before)


def read_offices(text: str) -> tuple[Described, ...]:
    """Each office the question names, with its place (the earliest office wins where two overlap)."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for pattern, roles in OFFICES:
        if pattern == BARE_SECRETARY and not TUNING.bare_secretary or pattern == PARTY_CHIEF and not TUNING.party_chief:
            continue
        for match in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), roles))
    out = []
    for start, end, roles in sorted(found):
        if TUNING.described_more and roles == NATO_HEAD:
            out.append(Described(text[start:end], roles[:2], ("NATO",)))
            continue
        if roles == UN_HEAD:
            out.append(Described(text[start:end], roles[:2], ("United Nations",)))
            continue
        if TUNING.described_more and re.search(r"\bthe President['’]s\s+(?:[\w-]+\s+)?$", text[:start]):
            # "the President's security chief": in US readouts, the US President's (not "the Turkish president's")
            out.append(Described(text[start:end], roles, (US,)))
            continue
        if re.match(r"['’]s\b", text[end:]) and not CONTACT_AFTER.match(text, end) \
                and not (TUNING.dated_contact_after and CONTACT_AFTER_DATED.match(text, end)):
            continue  # "the Turkish president's top aide": whose side, not who took part ("... minister's meetings" is)
        if re.search(r"[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){0,2}$", text[:start]) and not _places(text[:start], "")[0]:
            continue  # "Lula's top foreign-policy aide": someone's office, not a participant
        if re.search(r"\b[A-Z][\w-]+,\s+(?:the|his|her)\s+(?:[\w’'-]+\s+){0,3}$", text[:start]):
            continue  # "Phil Gordon, the Vice President's national security adviser": the named person
        listed = TUNING.place_lists and PLACE_LIST.match(text, end) is not None  # "... of Washington, Tokyo and Manila"
        if text[start:end].lower() in ("leaders", "rulers") and not listed:
            continue  # "Armenia's leaders", "Nordic leaders": more people than one office; only a list names each's
        places, head = _places(text[:start], text[end:])
        if TUNING.place_each and listed and len(places) >= 2:
            # "the security advisers of Washington, Tokyo and Manila": one of each, all of them in the contact
            described = text[head:end].strip()
            out.extend(Described(f"{described} ({place})", roles, (place,)) for place in places)
            continue
        if TUNING.appositive_office and re.search(r"\b[A-Z][\w-]+,\s+(?:the\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){0,4}"
                                                  r"(?:of|to)\s+(?:the\s+)?$", text[:min(head, start)]):
            continue  # "Frédéric Bernard, head of cabinet of the European Council President": whose staff he is
        if not places and re.search(r"['’]s\s+(?:[\w-]+\s+){0,2}$", text[:start]):
            continue  # "the Mesopotamian republic's top diplomat": of a place not known, so not the US one
        if not places and TUNING.office_of_elsewhere and re.match(
                r"\s+(?:of|from)\s+(?:the\s+)?(?!(?:President|Vice|White|United|U\.?S\b|America|Biden|Harris|Trump|State)\b)\w",
                text[end:]):
            continue  # "the top diplomat of the Pacific archipelago famed for Guadalcanal": not the US one
        if roles == FOREIGN and re.search(r"white house", text[head:start], re.IGNORECASE):
            roles = ("national security advis",)  # "the White House's top foreign-policy aide" is not at State
        if roles == ("pope",):
            places, head = (HOLY_SEE,), start
        if roles == TAOISEACH:
            places, head = ("Ireland",), start
        if not places and roles == ("president",) and TUNING.the_president and text[start:end] == "President" \
                and re.search(r"\bthe\s+$", text[:start]) and not re.match(r"['’]s\b|\s+of\b", text[end:]):
            places = (US,)  # "the President and the alliance's civilian head": in US readouts, the US President
        lesser = re.search(r"\b(?:deputy|acting|assistant)\s+$", text[:start], re.IGNORECASE)
        head = min(head, lesser.start()) if lesser else head  # "the deputy secretary-general of NATO" is the deputy
        out.append(Described(text[head:end].strip(), roles, places))
    return tuple(out)


class Directory:
    """The index's participants with role, country and dates, cached per index state."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key = None
        self._rows: list[dict] = []

    def rows(self, key, load) -> list[dict]:
        with self._lock:
            if key != self._key:
                self._rows, self._key = load(), key
            return self._rows


_DIRECTORIES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def directory_of(library) -> list[dict]:
    """Participants of this library's index (name, role, country, readouts, first, last)."""
    found = _DIRECTORIES.setdefault(library, Directory())
    return found.rows((library.store.loaded_generation, library.store.changes), library.participants)


def holders(rows: list[dict], office: Described, date_from: str | None, date_to: str | None) -> tuple[str, ...]:
    """Names of the participants who hold the office in one of its places during the time asked, most frequent first."""
    places = office.places or ((US,) if any(r in US_DEFAULT for r in office.roles) else ())
    if not places:
        return ()
    if places == (US,):
        # US offices are known with their dates (index/officials.py): the metadata's rarer US roles
        # ("acting assistant secretary of state") are not the office asked about.
        roles = office_roles(office)
        return tuple(o.name for o in OFFICIALS if o.country == US and o.role in roles
                     and not (date_from and o.end < date_from) and not (date_to and o.start > date_to))
    out = []
    for row in rows:
        role = (row.get("role") or "").lower()
        if row.get("country") not in places or not any(r in role for r in office.roles):
            continue
        # "Deputy prime minister and foreign minister" holds two offices: the deputy one is not the one asked.
        if all(_lesser(part, office) or not any(r in part for r in office.roles) for part in re.split(r"\s+(?:and|&)\s+|,\s*", role)):
            continue  # the deputy foreign minister is not the top diplomat
        if not all(w in role for w in _asked_lesser(office)):
            continue  # the deputy prime minister asked about is not the prime minister
        if (date_from and (row.get("last") or "") < date_from) or (date_to and (row.get("first") or "9") > date_to):
            continue
        out.append(row)
    out.sort(key=lambda row: -(row.get("readouts") or 0))
    return tuple(dict.fromkeys(row["name"] for row in out))


def office_roles(office: Described) -> set[str]:
    """The US offices (as index/officials.py names them) an office asked about can be."""
    asked = _asked_lesser(office)
    return {o.role for o in OFFICIALS if any(r in o.role for r in office.roles) and not _lesser(o.role, office)
            and all(w in o.role for w in asked)}


def _lesser(role: str, office: Described) -> bool:
    """A role with a word of LESSER the office asked about lacks ("deputy foreign minister" for "top diplomat")."""
    asked = _asked_lesser(office)
    return any(w in role and not any(w in r for r in office.roles) and w not in asked for w in LESSER)


@lru_cache(maxsize=1024)
def _asked_lesser(office: Described) -> frozenset[str]:
    """The words of LESSER the question's own description has ("Laos' Deputy Prime Minister": "deputy")."""
    words = f" {office.words.lower()} "
    if TUNING.caretaker_acting:
        words = re.sub(r"\b(?:caretaker|interim)\b", "acting", words)  # "Port-au-Prince's caretaker head of government"
    asked = ASKED_LESSER + (("vice ",) if TUNING.asked_vice else ())  # "Tokyo's vice foreign minister": Mori, not Hayashi
    return frozenset(w for w in asked if re.search(rf"\b{re.escape(w.strip())}\b", words))


COUNTERPART = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+)?(?:counterpart|opposite number)\b", re.IGNORECASE)


COUNTERPARTS = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?counterparts\b", re.IGNORECASE)


def _counterparts(question: Question, people: list[Person], offices: tuple[Described, ...]) -> tuple[Described, ...]:
    """"Blinken ... his opposite number in Japan's capital": the same office of the one other country named,
    when the question has one US official (named or described) whose office is known."""
    found = COUNTERPART.search(question.text)
    places = [c for c in question.countries if c != US]
    listed = COUNTERPARTS.search(question.text) if TUNING.place_each and TUNING.place_lists else None
    if listed and (named := PLACE_LIST.match(question.text, listed.end())):
        # "his counterparts from Paris, Berlin and London": the same office of each place listed
        found = listed
        places = [p for p in _listed(named.group(1)) if p != US]
        if len(places) < 2:
            return ()
    elif not found or len(places) != 1 or any(o.places == (places[0],) for o in offices):
        return ()
    held = {o.role for p in people for o in OFFICIALS if o.name in p.names and o.country == US}
    kinds = {next((roles for _, roles in OFFICES if any(_holds(role, r) for r in roles)), None) for role in held}
    kinds |= {o.roles for o in offices if o.places == (US,)}
    kinds.discard(None)
    if len(kinds) != 1:
        return ()
    kind = kinds.pop()
    if listed and found is listed:
        return tuple(Described(f"{found.group()} ({place})", kind, (place,)) for place in places)
    return (Described(found.group(), kind, (places[0],)),)


def _holds(role: str, office: str) -> bool:
    """Whether an official's role is of an office's kind ("vice president" is no "president": the Vice
    President's counterpart is a vice president)."""
    if TUNING.vice_counterpart:
        return re.search(rf"(?<!vice )(?<!vice-){re.escape(office)}", role) is not None
    return office in role


def _named_after(office: str, person: Person, text: str) -> bool:
    """Whether a person the question names is written right after an office's words, or from within them ("Slovenia's
    Prime Minister" and "Prime Minister Robert Golob"): the office says who they are."""
    if person.inferred or not person.words:
        return False
    said, named = re.search(re.escape(office), text, re.IGNORECASE), re.search(re.escape(person.words), text, re.IGNORECASE)
    return bool(said and named) and said.start() < named.start() \
        and (named.start() < said.end() or not text[said.end():named.start()].strip(" ,"))


# A capitalised run right after an office, which may be the name of who holds it ("Prime Minister Patrick Achi")
_NAME_AFTER = re.compile(r"[\s,]+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NOT_NAMES = frozenset("in on at of and or the this that during when while after before monday tuesday wednesday thursday "
                       "friday saturday sunday january february march april may june july august september october november "
                       "december".split())


def _someone_else_after(office: str, names: tuple[str, ...], text: str) -> bool:
    """Whether the office is followed by a name that is none of its holders' ("Japan's national security adviser Shigeru
    Kitamura" of 2022, when Akiba Takeo held it): the question asks about that person, not the holder."""
    said = re.search(re.escape(office), text, re.IGNORECASE)
    run = _NAME_AFTER.match(text, said.end()) if said else None
    if not run:
        return False
    words = [w for w in re.findall(r"[\w'’-]+", re.sub(r"['’]s\b", "", run.group(1))) if w.lower() not in _NOT_NAMES]
    if not words or any(country_of(w) for w in words):
        return False
    held = {w for name in names for w in name_words(name)}
    return not any(alike(w, h) for w in name_words(" ".join(words)) for h in held)


def add_described(question: Question, rows) -> Question:
    """The question with the people it describes by office added (as inferred readings) and their words
    taken out of its topic. `rows`: the participants directory, or a callable that loads it (read only when
    the question names an office: at 100x it is a second's query)."""
    people = list(question.people)
    taken = {name for p in people for name in p.names}
    offices = read_offices(question.text)
    # An office's words ("Foreign Minister bin Mubarak") say who, never what was discussed.
    used: set[str] = {w for office in offices for w in lexical_terms(office.words)
                      if not country_of(w) and not capital_country(w)} | set(PARTICLES)
    offices += _counterparts(question, people, offices)
    for office in offices:
        if any(office.words.lower() in p.words.lower() or p.words.lower() in office.words.lower() for p in people):
            continue
        if TUNING.office_named and any(_named_after(office.words, p, question.text) for p in people):
            continue  # "South Korean national security adviser Suh Hoon" in 2022: Suh Hoon, not the office's Kim Sung-han
        names = holders(rows() if callable(rows) else rows, office, question.date_from, question.date_to)
        if not names or set(names) & taken:
            continue  # named already ("Israeli Defense Minister Benny Gantz"), or no one holds it here
        if TUNING.office_other and _someone_else_after(office.words, names, question.text):
            continue  # "Japan's national security adviser Shigeru Kitamura" in 2022, when Akiba held the office
        # "Côte d'Ivoire's Prime Minister Patrick Achi": a name written after the office is who, too
        written = {w.lower() for name in names for w in name.split() if re.search(rf"\b{re.escape(w)}\b", question.text)} \
            if TUNING.inferred_names else set()
        people.append(Person(office.words, names, inferred=True))
        taken |= set(names)
        used |= set(lexical_terms(office.words)) | written
    topic = tuple(w for w in question.topic if w not in used)
    low = question.text.lower()
    for region, countries in REGIONS.items():
        # "And what about the South Caucasus?": the readouts name its countries ("Armenia and Azerbaijan").
        # (not "Florida's Gulf coast", "the Gulf of Aden": a coast or a sea)
        waters = r"(?!\s+(?:coasts?|coastal|of)\b)" if TUNING.gulf_coast else ""
        if re.search(rf"\b{region}\b{waters}", low) and not any(region in o.words.lower() for o in offices) \
                and set(lexical_terms(region)) & set(topic):
            topic += tuple(w for c in countries for w in lexical_terms(c) if w not in topic)
            break
    if len(people) == len(question.people) and topic == question.topic:
        return question
    # People described in the question's own words are its own ("And what did the Vice President take up with
    # Costa Rica's new president that day?"): not the thread's, whose readout must not answer for them.
    named = question.named or (TUNING.described_named and len(people) > len(question.people))
    topic = topic or question.topic
    # What was said is among the topic's words: an office's words ("Japan's Prime Minister" after "discuss with")
    # left the topic, so they leave it too.
    subject = tuple(w for w in question.subject if w in topic) if TUNING.subject_in_topic else question.subject
    return replace(question, people=tuple(people), topic=topic, named=named, subject=subject)
