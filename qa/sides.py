"""Who a question's people are to each other: the side each takes part on (the US one or the other), two US
officials with a counterpart each, counterparts of separate contacts, and the readouts that have them all."""
from __future__ import annotations

import re

from index.api import Library
from index.readout_meta import us_share

from . import evidence
from .asked_names import spelled_words
from .question import Question
from .tuning import TUNING


def side(library: Library, person) -> str | None:
    """'us' or 'other': the side a person takes part on in most of their readouts (None: not in the metadata)."""
    us, rows = us_share(library.store.db, person.names)
    return None if not rows else "us" if us * 2 > rows else "other"


def apart(library: Library, read: Question, readouts: tuple) -> bool:
    """Whether three people or more are asked about whom no one of the readouts has all together (the
    counterparts of separate contacts: "Sullivan ... with Thailand's ... and Singapore's ...")."""
    # ("what did he say President Biden was committed to": Biden is in what was said, no counterpart)
    people = [p for p in read.people if not re.search(rf"\b(?:say|said|says|tell|told)\b.*\b{re.escape(p.words)}\b", read.text)]
    if (len(people) < 3 and not (len(people) == 2 and us_pair(library, read))) or len(readouts) < 2:
        return False
    return not of_all(library, people, readouts)


def countries_apart(library: Library, read: Question, scored) -> bool:
    """Whether a question naming no one asks about two countries or more that separate contacts among the
    passages have ("What did the United States discuss with Chile and Ecuador ...?": a call with each)."""
    if not TUNING.countries_apart or read.people or len(read.countries) < 2:
        return False
    ids = {s.hit.readout_id for s in scored}
    per_country = [set(library.readout_ids({"country": c})) & ids for c in read.countries]
    # (a readout with two of them is one contact of several: "Meeting the leaders of Manila and Tokyo together")
    return all(per_country) and all(sum(i in found for found in per_country) < 2 for i in ids)


def known_words(read: Question) -> frozenset[str]:
    """The words of the names of the people a question was read by ("Moeed Yusuf", named only in his readout's
    title: the text says "The National Security Advisors of the United States and Pakistan met")."""
    known = {w.lower() for p in read.people for name in p.names for w in re.findall(r"[\w'’-]+", name)}
    if TUNING.spelled_lookup:
        known |= {w for p in read.people for w in spelled_words(p)}  # "Zelensky", read as Zelenskyy
    return frozenset(known)


def us_pair(library: Library, read: Question) -> bool:
    """Whether a question asks about two US officials in a time (each with a counterpart of their own)."""
    return TUNING.us_pair and len(read.people) == 2 and bool(read.date_from or read.date_to) \
        and read.intent in ("discuss", "yes_no", "who_said") and all(side(library, p) == "us" for p in read.people)


def together(library: Library, read: Question, readouts: tuple) -> frozenset[str]:
    """Of the readouts, those of every person asked about (only for a question naming two dates or more)."""
    if len(read.dates) < 2 or not read.people:
        return frozenset()
    return of_all(library, read.people, readouts)


def of_all(library: Library, people, readouts: tuple) -> frozenset[str]:
    """The ids of those readouts that have every one of the people."""
    ids = frozenset(r.id for r in readouts)
    for person in people:
        ids &= evidence.person_ids(library, person)
    return ids
