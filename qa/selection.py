"""Which readouts a question's people and time select, from the metadata (all of them, not the top five): each
person's readouts under any of their names, the contacts of all of them (or, for a comparison, of the pairs named),
narrowed by the countries named beside them, by where a contact was held, by its kind and by first or last; where the
metadata has no one, the few readouts whose text names them. Split from qa/evidence.py, which judges the selection."""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library, ReadoutSummary
from index.countries import country_names, country_pattern
from index.query import lexical_terms, mentioned
from index.types import Filters

from .dates import shift_day, spans_between, undated
from .kinds import held_as, is_kind, of_kind
from .parts import scene_and_ask
from .named_words import possessive
from .question import Question
from .texts import readout_texts
from .tuning import TUNING


def person_ids(library: Library, person) -> frozenset[str]:
    """The ids of the readouts a person takes part in, under any of their names."""
    # The library keeps each name's ids: one name is used as it is, not copied (at 100x "Biden" is ~100,000).
    if len(person.names) == 1:
        return library.readout_ids({"participant": person.names[0]})
    return frozenset().union(*(library.readout_ids({"participant": name}) for name in person.names))


def select(library: Library, question: Question) -> tuple[ReadoutSummary, ...]:
    """Every readout with all the question's people (any of each person's names) in its time range."""
    found = _people_ids(library, question)
    if found is None:
        return ()
    per_person, ids = found
    # Compared contacts name a date each: the question's own dates do not narrow them (filters still do).
    # One time for both ("his two calls with Sullivan in May 2022") still narrows.
    date_from, date_to = (None, None) if question.intent == "compare" and len(question.dates) > 1 \
        else (question.date_from, question.date_to)

    def read(chosen) -> list[ReadoutSummary]:  # the time is read in SQL, on the same event date
        return library.readouts(filters=replace(question.filters, readouts=frozenset(chosen)), participants=False,
                                held=(date_from, date_to))
    rows = _rows_of(library, question, per_person, ids, (date_from, date_to), read)
    return tuple(_narrowed(library, question, rows))


def _people_ids(library: Library, question: Question) -> tuple[list, set] | None:
    """Each person's readout ids (within the filters) and the ids of their contacts together: of all of them, or for
    a comparison of the pairs named or of the one person they share; None when the question names no one."""
    per_person = [person_ids(library, person) for person in question.people]
    if not per_person:
        return None
    if question.filters.needs_metadata():
        # A participant, country or kind filter holds as well as the people asked about: the readout ids given
        # to the library below would stand in for it, so it is applied here ("Biden and Abinader" under
        # country "Kenya": none).
        allowed = library.readout_ids(replace(question.filters, date_from=None, date_to=None, source=None))
        per_person = [found & allowed for found in per_person]
    paired = [per_person[i] & per_person[i + 1] for i in range(0, len(per_person) - 1, 2)]
    if question.intent == "compare" and len(per_person) == 4 and not all(paired) and TUNING.any_pairing:
        # "What did Sullivan consult on with Meloni's adviser Talo, and what did Biden and Meloni discuss?": the
        # people are named Sullivan, Meloni, Talo, Biden; the two contacts are another pairing of them.
        for a, b, c, d in ((0, 2, 1, 3), (0, 3, 1, 2)):
            if per_person[a] & per_person[b] and per_person[c] & per_person[d]:
                per_person = [per_person[i] for i in (a, b, c, d)]
                paired = [per_person[0] & per_person[1], per_person[2] & per_person[3]]
                break
    if question.intent == "compare" and len(per_person) >= 4 and len(per_person) % 2 == 0 and all(paired):
        # "Sherman's meeting with Ngoc ... Blinken's meeting with Chinh": two contacts, each of the two
        # people named together.
        ids = set().union(*paired)
    elif question.intent == "compare" and len(per_person) > 2:
        # Two contacts compared ("Sullivan's meeting with Truss and Blinken's call with her"): the person
        # both share is the pivot; the readouts are the pivot's with any one of the others.
        # The pivot is the one who meets each of the others (on the dates named, if any); among those, the
        # one with the fewest readouts: the counterpart, not the principal who meets everyone.
        dated = {r.id: r.event_date or r.date for r in library.readouts(filters=Filters(readouts=frozenset().union(*per_person)), participants=False)} \
            if question.dates else {}

        def covered(pivot: int) -> tuple[int, int, int]:
            others = [per_person[pivot] & found for i, found in enumerate(per_person) if i != pivot]
            ids = set().union(*others)
            on_dates = sum(1 for lo, hi in question.dates if any(lo <= dated.get(i, "") <= hi for i in ids))
            if TUNING.pivot_dated_each:
                # (each other person met on a date named: Sullivan met Mohammed bin Salman and Tahnoun bin Zayed
                # in December 2023, where Mohammed bin Salman met Tahnoun in another month)
                on_dates = sum(1 for o in others if any(lo <= dated.get(i, "") <= hi for i in o for lo, hi in question.dates))
            return on_dates, sum(1 for o in others if o), -len(per_person[pivot])
        pivot = max(range(len(per_person)), key=covered)
        ids = set().union(*(per_person[pivot] & found for i, found in enumerate(per_person) if i != pivot))
    else:
        ids = frozenset.intersection(*sorted(per_person, key=len))  # the smallest first: iterates only it
    if question.intent == "compare" and question.dates:
        within = {r.id for r in library.readouts(filters=replace(question.filters, readouts=frozenset(ids)), participants=False)
                  if any(lo <= (r.event_date or r.date) <= hi for lo, hi in question.dates)}
        if len(within) < 2:
            # "Harris called Bahrain's Crown Prince and Herzog on January 8": the contacts of anyone named
            # on the dates named, when the people's shared readouts do not give two.
            anyone = set().union(*per_person)
            if question.countries:
                # "Qatar's Foreign Minister saw Sullivan on July 20 and Blinken on July 22": contacts with Qatar.
                there = anyone & set().union(*(library.readout_ids({"country": c}) for c in question.countries))
                anyone = there or anyone
            around = {r.id for r in library.readouts(filters=replace(question.filters, readouts=frozenset(anyone)), participants=False)
                      if any(lo <= (r.event_date or r.date) <= hi for lo, hi in question.dates)}
            within = around if 2 <= len(around) <= 6 else within
        ids = within if len(within) >= 2 else ids
    return per_person, ids


def _rows_of(library: Library, question: Question, per_person: list, ids: set, held: tuple, read) -> list[ReadoutSummary]:
    """The rows of the people's contacts in the time asked (`read`), narrowed to those with the countries named beside
    them; where the metadata has none, the few readouts whose title or text names the place, the countries or the
    people."""
    date_from, date_to = held
    rows = None
    subject_only = TUNING.subject_countries and question.subject and all(
        set(lexical_terms(c)) <= set(question.subject) and not possessive(c, question.text) for c in question.countries)
    if question.countries and not subject_only:
        # "the Amir of Qatar": a country named beside the people narrows to contacts with someone from it
        # (when there are any): the ids are narrowed before any row is read, as a frequent person has tens
        # of thousands of readouts at 100x.
        per_country = {c: library.readout_ids({"country": c}) for c in question.countries}
        there = set().union(*per_country.values())
        anyone_there = there
        # Countries that say who took part, not what was discussed ("tensions with Azerbaijan" is topic).
        whose = [ids_ for c, ids_ in per_country.items() if not set(lexical_terms(c)) <= set(question.topic)]
        if whose and len(whose) < len(per_country) and question.intent in ("discuss", "yes_no", "who_said") \
                and TUNING.whose_only:
            # "phoned Madrid's head of government ... about the fighting between Israel and Hamas": Spain's
            # contacts, not Israel's too.
            there = set().union(*whose)
        if len(whose) > 1 and question.intent in ("discuss", "yes_no", "who_said") and TUNING.all_countries:
            # "with the foreign ministers from Berlin and London and a senior official from Paris": the contact
            # with all of them (the group meeting), where there is one, not each one's own calls that week.
            together = ids & frozenset.intersection(*whose)
            anyone_there, there = there, set(together) or there
        if question.intent == "compare" and TUNING.compare_keeps_people \
                and any(found & ids and not found & ids & there for found in per_person):
            # Two contacts compared, one of them with no country in the metadata (Sullivan's meeting with
            # Mohammed bin Salman in Riyadh is not marked Saudi Arabia): the country does not drop that person.
            there = set(ids)
        rows = read(ids & there) if ids & there else None
        if not rows and anyone_there is not there and TUNING.together_in_time:
            # ... unless none of those contacts is of the time asked: then each one's contacts of it (Sung Kim,
            # read as of North Korea from "Special Representative for the DPRK", had a call with all three in
            # March, and the one asked about, "his February 2022 calls" with Seoul and Tokyo, only with two).
            rows = read(ids & anyone_there) or None
            there = anyone_there if rows else there
        if ids & there and not rows and date_to and not question.filters.date_to and TUNING.time_of_event \
                and not (TUNING.counts_in_time and question.intent in ("list", "how_many")):
            # "the vessel struck in late July 2021 that Blinken discussed with his British counterpart": the
            # time may be the event's; the contact with the country came in the fortnight after (August 4).
            # (Not for a list or a count, which are of the time asked: "How many times did he call them in July?")
            rows = library.readouts(filters=replace(question.filters, readouts=frozenset(ids & there)),
                                    participants=False, held=(date_from, shift_day(date_to, EVENT_SLACK)))
    timed = None  # the people's readouts in the time, read once
    if rows is not None and TUNING.titled_place and (date_from or date_to or TUNING.titled_place_untimed
                                                     and len(ids) <= TITLED_PLACE_READ):
        # "the two trilateral meetings he attended in Tokyo": a trip whose readout names its counterparts past
        # the lead has no one of the country in the metadata, but its title names the place ("Travel to Japan").
        # (With no time asked, of people with few readouts: "When did Gordon travel to Guatemala?" of his 10.)
        timed = read(ids)
        have = {r.id for r in rows}
        rows += [r for r in timed if r.id not in have and (_titles_place(r.title, question.countries)
                                                             or TUNING.titled_group and _titles_group(r.title, question.countries))]
    if not rows and question.countries and (date_from or date_to) and question.intent in ("discuss", "yes_no", "who_said") \
            and len(question.dates) < 2 and TUNING.countries_in_text:  # (two dates: a place may be one contact's)
        # "the foreign ministers of Kazakhstan, the Kyrgyz Republic, Tajikistan and Uzbekistan": a group call whose
        # metadata has none of them; of the people's few contacts in the time, those whose text names the most.
        timed = timed if timed is not None else read(ids)
        rows = _naming_countries(library, timed, [c for c in question.countries
                                                  if not set(lexical_terms(c)) <= set(question.topic)]) or None
    rows = rows or (timed if timed is not None else read(ids))
    if TUNING.mentioned_people and not rows and len(per_person) > 1 and question.intent in ("discuss", "yes_no", "who_said"):
        # None in the metadata: the metadata may miss a participant named past the lead.
        rows = list({r.id: r for r in _also_mentioning(library, question, per_person, ids, read)}.values())
    if TUNING.mentioned_alone and not rows and len(per_person) == 1 and date_from and date_to \
            and (len(ids) < MANY_IDS) and question.intent in ("discuss", "yes_no", "who_said"):
        # One person asked about, with no contact in the time in the metadata: a readout of that time naming
        # them past the lead (Tom Perez's visit, where "President Abinader" is in paragraph 1's last sentence).
        rows = _naming_alone(library, question, date_from, date_to)
    if TUNING.undated_after and not rows and date_to and ids and len(ids) < MANY_IDS \
            and question.intent in ("discuss", "yes_no", "who_said"):
        # "Last week, ... met with Lin-Manuel Miranda" in a readout of October 3: its event date is its publication
        # date, and the contact may be of the September asked about.
        later = library.readouts(filters=replace(question.filters, readouts=frozenset(ids)), participants=False,
                                 held=(shift_day(date_to, 1), shift_day(date_to, UNDATED_WITHIN)))
        rows = [r for r in later if undated(library.readout(r.id))]
    return rows


def _narrowed(library: Library, question: Question, rows: list[ReadoutSummary]) -> list[ReadoutSummary]:
    """The rows of the days, kind, company and setting asked, in event-date order; the first or last one if asked."""
    if len(question.dates) > 1 and question.intent != "compare" and not spans_between(question.text) \
            and not (question.filters.date_from or question.filters.date_to):
        # "their calls of December 21, 2023 and February 3, 2024": those days, not the weeks between.
        rows = [r for r in rows if any(lo <= (r.event_date or r.date) <= hi for lo, hi in question.dates)]
    if question.kind and question.intent in ("list", "how_many", "when"):
        # (a statement's kind is "other": "Statement by ... on Vice President Harris's Calls with Foreign Leaders"
        # is of calls by its title)
        rows = [r for r in rows if of_kind(r, question.kind)]
    if (question.company or question.setting) and rows:
        # "one-on-one calls" (a list, count or date): not the group calls the two took part in, or only those.
        rows = [r for r in rows if held_as(library, r, question.company, question.setting)]
    if question.kind == "call" and question.intent in ("discuss", "yes_no", "who_said") and TUNING.kind_narrows:
        # "When the President phoned Starmer in July 2024, ...": his call, not the meeting five days later. Only
        # calls: a meeting held by video is a call in the metadata, so "in the meeting" cannot rule calls out.
        rows = [r for r in rows if r.kind in ("call", "other")] or rows
    if (question.kind == "meeting" or question.kind is None and TUNING.place_in_person and _held_at(question)) \
            and question.places \
            and question.intent in ("discuss", "yes_no", "who_said") and TUNING.met_in_place:
        # "when they met in Warsaw", "met at the NATO Summit": a meeting somewhere is in person, never a call (a video
        # meeting, a call in the metadata, has no place). So too where no kind is named ("At the 2023 Vilnius NATO summit,
        # ...": the meeting there, not the call "in advance of the NATO Summit in Vilnius").
        rows = [r for r in rows if r.kind != "call"] or rows
    rows = sorted(rows, key=lambda r: (r.event_date or r.date, r.id))
    if question.order and question.intent in ("discuss", "yes_no", "who_said") and rows:
        # "What did they discuss in their first call?", "in their next meeting": that one contact.
        kind = [r for r in rows if not question.kind or is_kind(r.kind, question.kind)] or rows
        day = (kind[0] if question.order == "first" else kind[-1])
        rows = [r for r in kind if (r.event_date or r.date) == (day.event_date or day.date)]
    return rows


def _held_at(question: Question) -> bool:
    """Whether the question's scene says where the contact was held ("At the 2023 Vilnius NATO summit, ...", "In
    Kyiv, ..."), not where something else was ("Ahead of the summit in Los Angeles", "the consulate in Jerusalem")."""
    scene = scene_and_ask(question.text)[0]
    return bool(re.match(r"\s*(?:at|in|during)\b", scene, re.IGNORECASE)) \
        and any(place in scene for place in question.places)


TITLED_PLACE_READ = 200  # with no time asked, the most readouts of the people read for titles naming the place


def _naming_countries(library: Library, rows: list[ReadoutSummary], countries: list[str]) -> list[ReadoutSummary]:
    """Of a few readouts, those whose text names the most of the countries (under any of their names), if any."""
    if not countries or not rows or len(rows) > MENTION_TEXTS:
        return []
    texts = readout_texts(library, [r.id for r in rows])
    forms = [form for c in countries if (form := country_pattern(c))]
    named = {r.id: sum(bool(form.search(texts.get(r.id, ""))) for form in forms) for r in rows}
    most = max(named.values())
    return [r for r in rows if named[r.id] == most] if most else []


def _titles_place(title: str, countries: tuple[str, ...]) -> bool:
    """Whether a readout's title names one of the countries as where it happened ("... Travel to Japan",
    "... Visit to France"), not merely a participant's demonym."""
    return any(re.search(rf"\b(?:travel|trip|visit|visits)\s+to\s+(?:the\s+)?{re.escape(c)}\b", title, re.IGNORECASE)
               for c in countries)


# A group met, named by its country but by no one's name ("... Meeting with Japanese Business Executives",
# "... with Korean Women Leaders"): the metadata has no one of the country.
GROUP = r"(?:[A-Z][\w-]*\s+){0,3}?(?:Leaders|Executives|CEOs|Officials|Delegation|Lawmakers|Legislators|" \
        r"Parliamentarians|Entrepreneurs|Activists|Students|Representatives|Community|Innovators)\b"


def _titles_group(title: str, countries: tuple[str, ...]) -> bool:
    """Whether a readout's title names a group of one of the countries that it met ("with Japanese Business
    Executives")."""
    return any(re.search(rf"\bwith\s+(?:the\s+)?{re.escape(name)}\s+{GROUP}", title)
               for c in countries for name in country_names(c))


EVENT_SLACK = 14  # days after the time asked about in which a contact may still be about an event of that time
MENTION_TEXTS = 20  # readouts of a person asked about read whole to find the others named in them


UNDATED_WITHIN = 7  # days after the time asked in which a readout dated "last week" may be of a contact in it
MANY_IDS = 5000  # a person with more readouts than this is not looked for in the text of others (a principal)


def _naming_alone(library: Library, question: Question, date_from: str, date_to: str) -> list[ReadoutSummary]:
    """The readouts of the time asked (a few only) whose text names the one person asked about."""
    timed = library.readouts(filters=replace(question.filters, readouts=None), participants=False,
                             held=(date_from, date_to), limit=MENTION_TEXTS + 1)
    if not timed or len(timed) > MENTION_TEXTS:
        return []
    texts = readout_texts(library, [r.id for r in timed])
    families = {name.split()[-1] for name in question.people[0].names if name.split()}
    return [r for r in timed if any(mentioned([f], texts.get(r.id, "")) for f in families)]


def _also_mentioning(library: Library, question: Question, per_person: list[set[str]], ids: set[str], read):
    """Readouts of one person asked about (in the time asked) whose text names every other one, though the
    metadata does not list them ("Sherwood-Randall ... met with Mexican President Andrés Manuel López
    Obrador" in paragraph 2 of a trip's readout). Only where few: a frequent person's are not read whole."""
    found = []
    for i, person_ids in enumerate(per_person):
        candidates = person_ids - ids
        if not candidates or len(candidates) > 50 * MENTION_TEXTS \
                or (not (question.date_from or question.date_to) and len(candidates) > MENTION_TEXTS):
            continue  # (a frequent person's rows are not read either: tens of thousands at 100x)
        rows = read(candidates)
        if not rows or len(rows) > MENTION_TEXTS:
            continue
        texts = readout_texts(library, [r.id for r in rows])
        families = [{name.split()[-1] for name in p.names if name.split()} for j, p in enumerate(question.people) if j != i]
        found += [r for r in rows if all(any(mentioned([f], texts.get(r.id, "")) for f in fam) for fam in families)]
    return found
