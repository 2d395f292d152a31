"""The dates a question names: each date or month as a range of its own, where in the text it is named,
and days counted from another ("the next day", "two days earlier")."""
from __future__ import annotations

import datetime as _dt
import re

from index.query import EVENT_NOUN, MONTH_RE, YEAR_OF_CONTACT, held_in, read_dates

from .event_days import COUNTS, counted_from, event_spans
from .tuning import TUNING


def spans_between(text: str) -> bool:
    """Whether the dates a question names bound a span ("between March and June 2022") rather than list
    separate days ("on February 24 and March 30, 2022")."""
    return re.search(r"\b(between|from|since|through|until|till)\b", text, re.IGNORECASE) is not None


def all_dates(text: str) -> tuple[tuple[str, str], ...]:
    """Each date or month the question names ("October 29, 2023 ... December 2023") as a range of its own;
    one without a year takes the next one's ("February 24 and March 30, 2022", "in June and August 2024")."""
    return tuple(date_positions(text))


def date_positions(text: str) -> dict[tuple[str, str], int]:
    """all_dates with where in the text each range is first named."""
    found = []
    for match in re.finditer(rf"\b({MONTH_RE})\.?(?: (\d{{1,2}})(?:st|nd|rd|th)?)?(?:,? (?:of )?(\d{{4}}))?\b",
                             text, re.IGNORECASE):
        if not match.group(0)[0].isupper() or not (match.group(2) or match.group(3)) and match.group(0).lower() == "may" \
                and not re.match(r"\s+(?:and|or|to|through|until)\s+[A-Z]", text[match.end():]):
            continue  # "may" the verb; a month is written with a capital ("in May and July 2022")
        if TUNING.month_not_name and not (match.group(2) or match.group(3)) and re.match(r" [A-Z][a-z]", text[match.end():]) \
                and re.search(r"\b(?!(?:In|On|Of|During|Since|Until|By|From|Between|And|Or|To|Last|Next|Early|Late|Mid|That|"
                              r"This|The|Through|After|Before)\b)[A-Z][\w.'’-]* $", text[:match.start()]):
            continue  # "DFAT Secretary Jan Adams", "Ambassador June Smith": a given name after a title, not a month
        if TUNING.event_times and not match.group(2) and EVENT_AFTER_MONTH.match(text, match.end()):
            continue  # "carrying forward their June agenda", "the June 2024 elections": what it dates is no contact
        # "January 8-10, 2024", "May 27 to 28": the days between, one range.
        days = DAY_RANGE.match(text, match.end()) if match.group(2) and not match.group(3) else None
        if days and int(days.group(1)) > int(match.group(2)):
            found.append([match.group(1), match.group(2), days.group(2), match.start(), days.group(1)])
            continue
        if match.group(2) and match.group(3) and counted_from(text, match.start()):
            continue  # "a week after the October 7, 2023 attack": the event's day, counted from below (event_spans)
        found.append([match.group(1), match.group(2), match.group(3), match.start(), None])
        # "May 27 and 28, 2021": a second day of the same month.
        second = SECOND_DAY.match(text, match.end()) if match.group(2) and not match.group(3) else None
        if second:
            found.append([match.group(1), second.group(1), second.group(2), second.start(1), None])
    year = None
    for item in reversed(found):  # a year carries back to the dates before it that lack one
        year = item[2] or year
        item[2] = item[2] or year
    year = None
    for item in found:  # ... and on to those after the last year named ("July 20, 2021 ... on July 22")
        year = item[2] or year
        item[2] = item[2] or year
    years = set(re.findall(r"\b(20\d\d)\b", text))
    if len(years) == 1:  # "a contested reef in 2024 ... on April 1": the one year named
        only = years.pop()
        for item in found:
            item[2] = item[2] or only
    spans: dict[tuple[str, str], int] = {}
    for month, day, year, start, last in found:
        if not year:
            continue
        found_range = read_dates(f"{month} {day}, {year}" if day else f"{month} {year}")
        if last:
            found_range = (found_range[0], read_dates(f"{month} {last}, {year}")[1])
        if found_range[0]:
            spans.setdefault(found_range, start)
    # A year no month or day named is a contact's time of its own ("at the 2023 General Assembly, and ... when
    # they met in September 2024"; "in 2022 ... in 2024"); one a day or month already has says nothing more.
    # Only a year said as a time ("in 2022", "at the 2023 General Assembly"), not one that qualifies a thing
    # said ("the legally binding 2016 decision").
    dated_years = {item[2] for item in found if item[2]}
    for match in YEAR_OF_CONTACT.finditer(text):
        if TUNING.event_times and held_in(text, match.start()):
            continue
        if match.group(1) not in dated_years and AS_TIME.search(text[:match.start()]):
            spans.setdefault((f"{match.group(1)}-01-01", f"{match.group(1)}-12-31"), match.start())
    # "met Sherman on July 28, 2022 and Sullivan the next day": a day counted from the day named before it.
    for match in RELATIVE_DAY.finditer(text):
        if EVENT_AFTER.match(text, match.end()) and match.group(0).lower().endswith(("after", "before")):
            continue  # "October 8, the day after the Hamas attack": counted from an event, which names no day
        day = _day_before(spans, match.start())
        if day:
            day += _dt.timedelta(days=day_offset(match))
            spans.setdefault((day.isoformat(), day.isoformat()), match.start())
    for match in RELATIVE_SPAN.finditer(text):
        day = _day_before(spans, match.start())
        if day:
            days = span_days(match)
            slack = {"week": 3, "month": 10, "year": 31}[match.group(2).lower()]
            spans.setdefault(((day + _dt.timedelta(days=days - slack)).isoformat(),
                              (day + _dt.timedelta(days=days + slack)).isoformat()), match.start())
    if TUNING.event_days:
        for span, at in event_spans(text):
            spans.setdefault(span, at)
    # "... on May 12, 2022 ... that same week": the calendar week of the day named before it.
    for match in SAME_WEEK.finditer(text):
        day = _day_before(spans, match.start())
        if day:
            monday = day - _dt.timedelta(days=day.weekday())
            spans.setdefault((monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()), match.start())
    return dict(sorted(spans.items(), key=lambda item: item[1]))


def _day_before(spans: dict[tuple[str, str], int], at: int) -> _dt.date | None:
    """The single day named last before a position of the question, which "the next day", "a month later"
    and "that same week" count from."""
    before = [(lo, where) for (lo, hi), where in spans.items() if lo == hi and where < at]
    return _dt.date.fromisoformat(max(before, key=lambda b: b[1])[0]) if before else None


DAY_RANGE = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:days?|weeks?|times|calls|%|:))"
                       r"(?:,? (\d{4}))?")
SECOND_DAY = re.compile(r"\s*(?:and|or|&)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:days?|weeks?|times|calls|%))(?:,? (\d{4}))?")
EVENT_AFTER_MONTH = re.compile(r"\s+" + EVENT_NOUN, re.IGNORECASE)
AS_TIME = re.compile(r"\b(?:in|during|at|throughout|from|until|through|by|and|or|to|of|since)\s+(?:the\s+)?"
                     r"(?:(?:early|late|mid)[- ])?$", re.IGNORECASE)
SAME_WEEK = re.compile(r"\b(?:that|the) same week\b", re.IGNORECASE)


RELATIVE_DAY = re.compile(r"\b(?:the (?:next|following|previous) day|the day (?:after|before)|(a|one|two|three|four|five|six|seven|ten|\d{1,2}) days? "
                          r"(later|after|earlier|before)|(?:that|the) same day)\b", re.IGNORECASE)
EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|their|its|[A-Z])")
# "a month later", "two weeks earlier": about then, a range around the day that far from the one named before.
RELATIVE_SPAN = re.compile(r"\b(a couple of|a|one|two|three|four|six|\d{1,2}) (week|month|year)s? (later|after|earlier|before)\b",
                           re.IGNORECASE)


def span_days(match: re.Match) -> int:
    """Days a RELATIVE_SPAN match moves from the day it counts from ("a week later": 7, "two months earlier": -60)."""
    number, unit, way = match.groups()
    days = (COUNTS.get(number.lower()) or int(number)) * {"week": 7, "month": 30, "year": 365}[unit.lower()]
    return days if way.lower() in ("later", "after") else -days


def day_offset(match: re.Match) -> int:
    """Days from the day named to the one a RELATIVE_DAY match means ("two days earlier": -2)."""
    said = match.group(0).lower()
    if match.group(1):
        days = COUNTS.get(match.group(1).lower()) or int(match.group(1))
        return -days if match.group(2).lower() in ("earlier", "before") else days
    return 0 if "same" in said else -1 if ("previous" in said or "before" in said) else 1


def shift_day(day: str, days: int = 1) -> str:
    """An ISO day moved by some days."""
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


# A readout that dates its contact only so ("Last week, ... hosted two virtual roundtables") has its publication date
# as the event's (index/event_date.py), though the contact may be a week or two earlier.
UNDATED = re.compile(r"\b(?:(?:last|this|earlier this|past|previous) (?:week|month)|over the weekend|in recent (?:days|weeks)|"
                     r"recently)\b", re.IGNORECASE)


def undated(readout) -> bool:
    """Whether a readout (index.types.Readout, or None) dates its contact only as "last week", "earlier this week", ..."""
    return bool(readout and readout.paragraphs and UNDATED.search(readout.paragraphs[0]))
