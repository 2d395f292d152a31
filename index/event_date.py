"""The day of the contact a readout reports: an explicit date, else today/yesterday/a weekday from the publication date."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Sequence

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), 1) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
DATE = re.compile(
    rf"(?P<before>\b\w+['’]?\w*[,\s]+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:\s*[-–]\s*\d{1,2}\b)?(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")
# "on 19-20 November", "on 6 January, 2025", "on 16 June 2023": the day before the month, as some readouts write it
DAY_FIRST = re.compile(
    rf"(?P<before>\b\w+['’]?\w*[,\s]+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}"
    r"(?!\w)(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?")
RELATIVE = re.compile(
    r"\b(?P<word>today|tonight|this (?:morning|afternoon|evening)|earlier today|yesterday|last night|"
    r"(?:on |this |last |earlier on |late on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b(?!['’]s)",
    re.IGNORECASE)
OPENING_DATE = re.compile(r"\s*(?:On|Between|During the week of|From|In the (?:morning|afternoon|evening) of)\s+"
                          r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\Z")
NOT_THE_EVENT = frozenset({"their", "his", "her", "its", "our", "the", "a", "an", "since", "until", "by", "before",
                           "after", "through", "upcoming", "scheduled", "planned", "previous", "last", "recent"})


# A date up to three words after "following", "after" or "since" is of an earlier event that the contact came
# after ("met with families ... following the horrific October 7 Hamas terrorist attacks"), not the contact's.
EARLIER = re.compile(r"\b(?:following|after|since)(?:\s+[\w'’-]+){0,3}\s*\Z", re.IGNORECASE)
# ... and one after "ahead of" or "in advance of" is of a later event the contact prepared for ("Ahead of Guatemala’s
# presidential runoff election on August 20, ... met today with ...").
LATER = re.compile(r"\b(?:ahead of|in advance of|in the run-up to)(?:\s+[\w'’-]+){0,5}\s*\Z", re.IGNORECASE)


def _explicit(match: re.Match, published: _dt.date | None) -> _dt.date | None:
    month = MONTHS[match.group("month").lower().rstrip(".")]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else (published.year if published else None)
    if year is None:
        return None
    try:
        found = _dt.date(year, month, day)
    except ValueError:
        return None
    if not match.group("year") and published and found > published + _dt.timedelta(days=60):
        try:  # "on December 30" in a readout published in January
            found = found.replace(year=year - 1)
        except ValueError:
            return None
    return found


def _relative(word: str, published: _dt.date) -> _dt.date:
    word = word.lower()
    if "yesterday" in word or "last night" in word:
        return published - _dt.timedelta(days=1)
    for index, name in enumerate(WEEKDAYS):
        if name in word:  # the most recent such day on or before publication
            return published - _dt.timedelta(days=(published.weekday() - index) % 7)
    return published


def _first_in(sentence: str, published: _dt.date | None, anywhere: bool) -> _dt.date | None:
    """The first date expression in a sentence that dates the contact; anywhere=False keeps only strong ones."""
    candidates: list[tuple[int, _dt.date]] = []
    for match in [*DATE.finditer(sentence), *DAY_FIRST.finditer(sentence)]:
        begin = min(match.start("month"), match.start("day"))
        before = (match.group("before") or "").strip(" ,").lower().replace("’", "'")
        if before in NOT_THE_EVENT or before.endswith("'s") or EARLIER.search(sentence[:begin]) \
                or LATER.search(sentence[:begin]):
            continue
        if not anywhere and not OPENING_DATE.match(sentence[:begin]):
            continue  # outside the contact sentence only "On June 10, ..." dates the contact
        found = _explicit(match, published)
        if found:
            candidates.append((begin, found))
    if published:
        for match in RELATIVE.finditer(sentence):
            word = match.group("word")
            lowered = word.lower()
            if lowered in WEEKDAYS and not anywhere:
                continue
            if any(day in lowered for day in WEEKDAYS) and re.match(r"\s*,?\s*" + _MONTH, sentence[match.end():]):
                continue  # "on Friday, January 21": the explicit date is the same match
            candidates.append((match.start(), _relative(word, published)))
    return min(candidates)[1] if candidates else None


def resolve_event_date(contact: Sequence[str], lead: Sequence[str], published: str, opening: str = "") -> str:
    """ISO date of the contact from its sentences (contact first, then the rest of the lead, then the readout's
    opening sentence where it starts "On July 17, ..."); else `published`."""
    try:
        day = _dt.date.fromisoformat(published) if published else None
    except ValueError:
        day = None
    for sentence in contact:
        found = _first_in(sentence, day, anywhere=True)
        if found:
            return found.isoformat()
    for sentence in [*lead, opening]:
        found = _first_in(sentence, day, anywhere=False)
        if found:
            return found.isoformat()
    return published
