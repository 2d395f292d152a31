"""Where and when select readouts, as names do: the place a question names ("in Honolulu") among the
readouts found, and the filters a question's own time and countries set when it names nobody the index knows."""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library, ReadoutSummary
from index.query import mentioned, read_dates
from index.types import Filters

from .dates import shift_day, undated
from .parts import ABOUT
from .question import Question
from .tuning import TUNING, Tuning


def narrowed(library: Library, question: Question) -> Filters | None:
    """The filters a question's time and countries set when it names no participant the index knows
    ("In their September 2021 phone conversation, what did the American and Chinese heads of state ..."):
    time and place select readouts here too, not words in sentences. None when the question names neither
    (ask.plan searches the whole index too when nothing passes these filters). A question that names people was read
    by its people (their readouts in that time, or none, which `gather` has already judged).

    The time is the publication date's, a week of slack after the event's (a readout comes out on the day
    or within days): the event dates would have to be read row by row, ~1 s at 100x the corpus."""
    own_time = has_own_time(question)
    if question.people or question.intent == "compare" or not (own_time or question.countries):
        return None
    filters = question.filters
    if own_time:
        filters = replace(filters, date_from=question.date_from,
                          date_to=shift_day(question.date_to, PUBLISHED_WITHIN) if question.date_to else None)
    if question.countries:
        # (Nothing checks here that any readout passes both: with none, retrieval finds nothing and the
        # whole index is searched instead, see ask.plan.)
        there = frozenset().union(*(library.readout_ids(replace(question.filters, country=c)) for c in question.countries))
        filters = replace(filters, readouts=there) if there else filters
    return filters if filters != question.filters else None


def has_own_time(question: Question) -> bool:
    """Whether the question names its own time: a time carried from an earlier turn was read with that turn's people.
    ("at the end of 2023" is the question's own too, though no month or day is named.)"""
    return bool(question.dates or read_dates(question.text, TUNING.event_times)[0]) \
        and bool(question.date_from or question.date_to)


def held_within(library: Library, question: Question, scored: list) -> list:
    """Of passages found by publication date (a week of slack), those of readouts whose contact was held in the time
    asked, where some are: "In June 2022, did the Secretary of State ...?" is not answered from a readout of July 6
    (an event date read for the few readouts found only, not row by row over the time)."""
    ids = frozenset(s.hit.readout_id for s in scored)
    held = {r.id for r in library.readouts(filters=Filters(readouts=ids), participants=False,
                                           held=(question.date_from, question.date_to))}
    if not held or len(held) == len(ids):
        return scored
    # ("Last week, ... hosted two virtual roundtables": a readout that dates its contact only so has its publication
    # date as the event's, and may be of the time asked)
    held |= {i for i in ids - held if undated(library.readout(i))}
    return [s for s in scored if s.hit.readout_id in held]


PUBLISHED_WITHIN = 7  # days from an event to its readout's publication, at most (nearly always 0-2)


PLACE_WORDS = 60  # at most this many readouts are read to find the place a question names


def at_place(library: Library, question: Question, readouts: tuple[ReadoutSummary, ...],
              tuning: Tuning = TUNING) -> tuple[ReadoutSummary, ...]:
    """"What did they discuss in Honolulu?": the readouts whose title or lead names the place, when some do
    and others do not (a place selects readouts as a date does)."""
    places = [p for p in question.places if not any(p.lower() in person.words.lower() for person in question.people)
              and not (tuning.subject_place and asked_about(p, question.text))]
    if not places or len(readouts) > PLACE_WORDS:
        return readouts
    leads = {}
    for summary in readouts:
        readout = library.readout(summary.id)
        # Title and the first two paragraphs (the first is often "The below is attributable to ...").
        leads[summary.id] = f"{readout.title} {' '.join(readout.paragraphs[:2])}" if readout else ""
    there = tuple(r for r in readouts if any(mentioned([p.lower()], leads[r.id]) for p in places))
    return there if there and len(there) < len(readouts) else readouts


def asked_about(place: str, text: str) -> bool:
    """Whether a place is part of what was asked about ("about civilians in Gaza in their October calls"), not
    where the contact was ("about Haiti when they met in Nassau")."""
    found = re.search(ABOUT + r"((?:[\w'’\-]+\s+){0,3}?)in\s+(?:the\s+)?" + re.escape(place)
                      + r"\b", text, re.IGNORECASE)
    return bool(found) and not CLAUSE.search(found.group(1))


CLAUSE = re.compile(r"\b(?:when|while|as|they|their|he|she|his|her|met|meet|meeting|spoke|call|called|during|visit\w*)\b",
                    re.IGNORECASE)


TITLED_EVENTS = 5  # a name of several capitalised words in at most this many titles is the event asked about
_RUN_PLAIN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)?[A-Z][\w’'-]*)+")
# ... and one with "U.S." in it ("the Mekong-U.S. Partnership ministerial", "the U.S.-EU Trade and Technology Council")
_DOTTED = r"[A-Z](?:[\w’'-]|\.(?=[\w-]))*(?:\.(?<=U\.S\.))?"
_RUN_DOTTED = re.compile(rf"\b{_DOTTED}(?:\s+(?:(?:of|for|and|on|the)\s+)?{_DOTTED})+")
# An event's name has one of these, or is followed by one ("the Quad STEM fellows event")
EVENT_WORDS = re.compile(r"\b(?:day|forum|summit|meeting|dialogue|conference|platform|event|fellows(?:hip)?|ministerial|"
                         r"initiative|partnership|committee|roundtable|session|assembly|talks|week|festival|celebration|"
                         r"reception|convening|gathering|briefing|symposium|consultations?)\b", re.IGNORECASE)
# ... or a body that meets ("the U.S.-Israel Strategic Consultative Group", "the National Climate Task Force")
BODY_WORDS = re.compile(r"\b(?:group|task force|council|commission|mechanism)\b", re.IGNORECASE)
# An office after a body's name: the body names who, not what met ("the Gender Policy Council director")
_OFFICE_AFTER = re.compile(r"\s*(?:director|chair|chairs|chairman|chairwoman|head|adviser|advisor|spokesperson|"
                           r"administrator|coordinator|executive director)\b", re.IGNORECASE)
# ... or a capitalised name and lower-case words before an event word ("Blinken's U.S.-ASEAN foreign ministers' meeting")
_EVENT_NOUN = r"(?:meeting|summit|ministerial|dialogue|forum|conference|roundtable)s?"
LOWER_EVENT = re.compile(rf"\b({_DOTTED}(?:\s+[a-z][\w’'-]*){{1,3}}?\s+{_EVENT_NOUN})\b")
# ... or with none between: "the September 2023 U.S.-ASEAN summit", "the Quad summit" (Tuning.event_bare)
# (an acronym or a compound of names only: not "the White House roundtable", "his St. Patrick's Day meeting")
_NAMES = r"(?:[A-Z][A-Z0-9]+|(?:U\.S\.|[A-Z][\w.]*)(?:-(?:U\.S\.|[A-Z][\w.]*))+)"
BARE_EVENT = re.compile(rf"\b({_DOTTED}(?:\s+[a-z][\w’'-]*){{1,3}}?\s+{_EVENT_NOUN}|{_NAMES}\s+{_EVENT_NOUN})\b")
_OPENERS = frozenset("which what when where who whom whose how why did does do at in on during after before the a an "
                     "and or as".split())


TITLED_MANY = 200  # an event's titles read to find those of the time asked


def _time_of(library: Library, question: Question) -> Filters | None:
    """The filters of the time a question asks about (its own words or the request's dates), or None."""
    if question.filters.date_from or question.filters.date_to:
        return question.filters
    timed = narrowed(library, replace(question, countries=()))
    return timed if timed and (timed.date_from or timed.date_to) else None


def titled_event(library: Library, question: Question) -> frozenset[str]:
    """"At the White House's Venezuelan Day event, ...", "participants in Dominican Day": the readouts whose title
    has a name of several capitalised words the question says, where at most TITLED_EVENTS do (the name that
    fewest titles have; each one named, for a comparison). An event is named so, not by who took part;
    "Venezuelan" there is no country of a contact."""
    best: list[ReadoutSummary] = []
    # ("the White House's Venezuelan Day event": "White House", "Venezuelan Day"), each with the words after it
    run = _RUN_DOTTED if TUNING.dotted_names else _RUN_PLAIN
    pieces = []
    for found in run.finditer(question.text):
        start = found.start()
        for piece in re.split(r"['’]s?(?:\s+|$)", found.group()):
            # (what follows a piece is the rest of its run too: "U.S.-Nordic Leaders" of "... Leaders' Summit")
            at = question.text.find(piece, start)
            start = at + len(piece) if TUNING.run_rest else found.end()
            pieces.append((piece, question.text[start:], question.text[:max(at, 0)]))
    if TUNING.lower_event_names:
        pieces += [(m.group(1), question.text[m.end(1):], question.text[:m.start(1)])
                   for m in (BARE_EVENT if TUNING.event_bare else LOWER_EVENT).finditer(question.text)
                   if not any(m.group(1) in piece for piece, _, _ in pieces)]
    for piece, after, before in pieces:
        near = f"{piece} {' '.join(after.split()[:3])}"
        if not EVENT_WORDS.search(near) and not (TUNING.event_bodies and BODY_WORDS.search(near)):
            continue  # a name, a place ("the West Bank"), not an event
        if TUNING.body_office and not EVENT_WORDS.search(near) and _OFFICE_AFTER.match(after):
            continue  # "the Gender Policy Council director convened ...": a person of the body, not its meeting
        # "the Black History Month listening session": a month of observance names the event only where its
        # title says the kind of event asked as well ("... Roundtable with Human Rights Activists for LGBTQI+ Pride
        # Month"); many are held in its name.
        kind = EVENT_WORDS.search(" ".join(after.split()[:3])) \
            if TUNING.observance_months and _OBSERVANCE.search(piece) else None
        words = piece.split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]  # ("Which Commerce Department": "Commerce Department")
        if len(words) < 2:
            continue
        # ("the U.S.-Nordic Leaders' Summit" is titled "... United States-Nordic Leaders' Summit"; "the U.S.-PRC
        # Counternarcotics Working Group" "... U.S.-PRC Bilateral Counternarcotics Working Group ...": the name's
        # last words, as long as they stay a name of two words or more)
        names = [" ".join(words[i:]) for i in range(len(words) - 1 if TUNING.name_suffix else 1)]
        if TUNING.event_format:
            # (the last words of "House's virtual roundtable" or "U.S. foreign ministers' meeting" describe a meeting,
            # as many titles do; a name has a capital, or is a body's: "competition council meeting")
            names = [n for n in names if any(w[:1].isupper() for w in n.split()) or BODY_WORDS.search(n)
                     and not set(BODY_WORDS.sub(" ", EVENT_WORDS.sub(" ", n)).lower().split()) <= _FORMAT_WORDS]
            if not names:
                continue
        if TUNING.event_reordered:
            names = _reordered(names)
        said_as = [v for name in names for v in ((name, name.replace("U.S.", "United States"))
                                                  if "U.S." in name and TUNING.dotted_names else (name,))]
        for said in said_as:
            if TUNING.event_reordered:
                # ("Biden's second competition council meeting": the ordinal inside the run counts too)
                before_said = f"{before} {piece[:max(piece.find(said), 0)]}"
            ids = library.titled(said, TITLED_EVENTS + 1)
            rows = library.readouts(filters=Filters(readouts=ids), participants=False) if len(ids) <= TITLED_EVENTS else []
            if len(ids) > TITLED_EVENTS and TUNING.event_in_time and (EVENT_WORDS.search(said) or BODY_WORDS.search(said)) \
                    and (timed := _time_of(library, question)):
                # "the National Climate Task Force" (11 meetings) in the time asked: the few of that time
                rows = library.readouts(filters=replace(timed, readouts=library.titled(said, TITLED_MANY)), participants=False)
                rows = rows if len(rows) <= TITLED_EVENTS else []
            if len(ids) > 1 and TUNING.event_ordinal and (nth := _ordinal(before_said if TUNING.event_reordered
                                                                           else before, after)):
                # "the fourth Donor Coordination Platform steering committee meeting": the one its title numbers so
                rows = [r for r in library.readouts(filters=Filters(readouts=library.titled(said, TITLED_MANY)),
                                                    participants=False) if re.search(nth, r.title, re.IGNORECASE)] or rows
            # (the words as said, not their stems; a dash as a dash: "United States – Nordic Leaders’ Summit")
            rows = [r for r in rows if _dashed(said) in _dashed(r.title)]
            if kind:
                rows = [r for r in rows if kind.group().lower() in r.title.lower()]
            if rows:
                break
        if rows and len(rows) <= TITLED_EVENTS and question.intent == "compare":
            best += rows  # "How did Venezuelan Day and Dominican Day differ ...": each event compared
        elif rows and len(rows) <= TITLED_EVENTS and (not best or len(rows) < len(best)):
            best = rows
    return frozenset(r.id for r in best)


# A month of observance ("Black History Month", "AAPI Heritage Month")
_OBSERVANCE = re.compile(r"\b(?:History|Heritage|Awareness|Pride|Appreciation)\s+Month\b")


# Words that say how a body met, not which one it is ("a virtual council session", "the first joint commission").
_FORMAT_WORDS = frozenset("virtual in-person annual joint special informal formal high-level closed-door private public "
                          "open bilateral trilateral multilateral inaugural first second third last final regular "
                          "extraordinary emergency hybrid online".split())


_EVENT_END = re.compile(rf"\s+{_EVENT_NOUN}$", re.IGNORECASE)


def _reordered(names: list[str]) -> list[str]:
    """Each name and, after it, a body's name without its closing event word ("competition council meeting", then
    "competition council": titles say "Second Meeting of the White House Competition Council"; not "Black women's"
    of "the Black women's roundtable", no body); names of generic words only ("council meeting", "task force"),
    which many bodies' titles have, dropped."""
    out = []
    for name in names:
        bare = _EVENT_END.sub("", name)
        for said in (name, bare) if re.search(rf"{BODY_WORDS.pattern}$", bare, re.IGNORECASE) else (name,):
            rest = BODY_WORDS.sub(" ", EVENT_WORDS.sub(" ", said)).split()
            if rest and len(said.split()) >= 2 and said not in out:
                out.append(said)
    return out


ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\b", re.IGNORECASE)


def _ordinal(before: str, after: str) -> str | None:
    """The ordinal of a series' meeting said just before its name ("the fourth Donor Coordination Platform ...") or
    just after ("... Platform's second meeting"), as a title writes it ("Fourth Meeting of ..."), or None."""
    found = _ORDINAL.search(" ".join(before.split()[-2:])) or _ORDINAL.search(" ".join(after.split()[:3]))
    if not found:
        return None
    word = found.group(1).lower()
    if word[0].isdigit():
        number = int(re.match(r"\d+", word).group())
        word = ORDINALS[number - 1] if 1 <= number <= len(ORDINALS) else ""
    # (a series' first meeting is titled "Inaugural" as often)
    return rf"\b(?:{word}|inaugural)\b" if word == "first" else rf"\b{word}\b" if word else None


def _dashed(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text.lower())
    return text.replace("’", "'") if TUNING.lower_event_names else text


def at_titled_event(library: Library, question: Question, found: tuple[ReadoutSummary, ...]) -> tuple[ReadoutSummary, ...]:
    """The readouts of an event that readout titles name, where the question is about it; () otherwise.

    - Of several contacts found, the ones titled with the event ("How much did Biden announce at the Lobito
      Trans-Africa Corridor Summit with Lourenço?": not also their meeting of a year before; event_of_contacts).
    - One person and an event none of the person's contacts is ("What did Doug Emhoff stress when he welcomed guests
      to the Dominican Day reception?"): the event's readouts that name the person, in the time asked if any (no one
      is in the metadata of such an event; person_at_event).
    """
    one_person = TUNING.person_at_event and len(question.people) == 1 and not question.carried
    of_contacts = TUNING.event_of_contacts and len(found) > 1 and question.intent in ("discuss", "who_said", "yes_no")
    event = titled_event(library, question) if found and (one_person or of_contacts) else frozenset()
    if not event:
        return ()
    mine = tuple(r for r in found if r.id in event)
    if mine:
        return mine if of_contacts else ()
    if not one_person:
        return ()
    rows = library.readouts(filters=replace(question.filters, readouts=event), participants=False,
                            held=(question.date_from, question.date_to))
    family = sorted({name.split()[-1] for name in question.people[0].names if name.split()})
    readouts = {r.id: library.readout(r.id) for r in rows}
    return tuple(r for r in rows if readouts[r.id] is not None and mentioned(
        family, readouts[r.id].title + " " + " ".join(readouts[r.id].paragraphs)))
