"""The dates a question names: each date or month as a range of its own, where in the text it is named,
and days counted from another ("the next day", "two days earlier")."""
from __future__ import annotations

import datetime as _dt
import re

from index.query import EVENT_NOUN, MONTH_RE, MONTHS, YEAR_OF_CONTACT, held_in, lexical_terms, read_dates

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
            continue  # "a week after the October 7, 2023 attack": the event's day, counted from below (_event_spans)
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
        for span, at in _event_spans(text):
            spans.setdefault(span, at)
    # "... on May 12, 2022 ... that same week": the calendar week of the day named before it.
    for match in SAME_WEEK.finditer(text):
        day = _day_before(spans, match.start())
        if day:
            monday = day - _dt.timedelta(days=day.weekday())
            spans.setdefault((monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()), match.start())
    return dict(sorted(spans.items(), key=lambda item: item[1]))


def event_words(text: str) -> set[str]:
    """The words that name a day by what happened ("four days into Moscow's full-scale war", "the day Moscow
    recognized"): when, not what was discussed. Only up to the end of the event's name, not the rest of the clause."""
    out: set[str] = set()
    anniversaries = list(ANNIVERSARY.finditer(text)) if TUNING.anniversaries else []
    for match in list(DAY_OF_EVENT.finditer(text)) + list(SPAN_OF_EVENT.finditer(text)) + anniversaries:
        name = "event" if match.group("event") else "event2" if "event2" in match.groupdict() and match.group("event2") else None
        if name is None:
            continue
        said = match.group(name)
        event = next((m for rule, _ in _known_events() if (m := rule.match(said))), None)
        if event is not None:
            out |= set(lexical_terms(text[match.start():match.start(name) + event.end()]))
    return out


def _event_spans(text: str) -> list[tuple[tuple[str, str], int]]:
    """The days and spans a question names by what happened (EVENTS, holidays), each with where it is said."""
    out: list[tuple[tuple[str, str], int]] = []
    for match in DAY_OF_EVENT.finditer(text):
        day = _event_day(match.group("event"), text, match.start("event"))
        if day is None:
            continue
        way = (match.group("way") or "").lower()
        if match.group("time").lower() == "eve":
            # "on the eve of the war's first anniversary": the days just before (Biden was in Warsaw two days before)
            lo, hi = day - _dt.timedelta(days=EVE_DAYS), day - _dt.timedelta(days=1)
        else:
            lo = hi = day + _dt.timedelta(days={"after": 1, "before": -1}.get(way, 0))
        out.append(((lo.isoformat(), hi.isoformat()), match.start()))
    for match in ANNIVERSARY.finditer(text) if TUNING.anniversaries else ():
        day = _event_day(match.group("event"), text)
        if day is not None and not (day.month == 2 and day.day == 29):
            on = day.replace(year=day.year + _YEARS[match.group("n").lower()])
            near = NEAR.search(text[:match.start()]) if TUNING.near_anniversary else None
            if near:  # "just ahead of the first anniversary": the days before it, not the day
                out.append((_days_near(on, near.group("way")), match.start()))
                continue
            out.append(((on.isoformat(), on.isoformat()), match.start()))
    for match in ON_HOLIDAY.finditer(text):  # "on Christmas Eve 2021": that day ("just before Christmas": not it)
        holiday = HOLIDAY.match(text, match.end())
        day = _holiday(holiday, text) if holiday else None
        if day:
            out.append(((day.isoformat(), day.isoformat()), match.start()))
    for match in NEAR_HOLIDAY.finditer(text) if TUNING.near_holiday else ():
        # "just before Christmas 2023": the days before it, as "just ahead of the first anniversary" (not the day)
        holiday = HOLIDAY.match(text, match.end())
        day = _holiday(holiday, text) if holiday else None
        if day:
            out.append((_days_near(day, match.group("way")), match.start()))
    for match in SPAN_OF_EVENT.finditer(text):
        event = match.group("event") or match.group("event2")
        day = _event_day(event, text, match.start("event") if match.group("event") else match.start("event2"))
        if day is None:
            continue
        if match.group("first"):  # "in the first week of the invasion"
            lo, hi = day, day + _dt.timedelta(days=(7 if match.group("first").lower() == "week" else 3) - 1)
        else:
            said = match.group("n").lower()
            days = (int(said) if said.isdigit() else _COUNTS[said]) * (7 if match.group("unit").lower().startswith("week") else 1)
            way = -1 if match.group("way").lower() == "before" else 1
            if match.group("under"):  # "less than two weeks before the invasion": any day of those
                lo, hi = sorted((day + _dt.timedelta(days=way), day + _dt.timedelta(days=way * days)))
            else:  # "three days into the war", "two weeks after the attack": about then
                at, slack = day + _dt.timedelta(days=way * days), (1 if days < 7 else 3)
                lo, hi = at - _dt.timedelta(days=slack), at + _dt.timedelta(days=slack)
        out.append(((lo.isoformat(), hi.isoformat()), match.start()))
    return out


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
_COUNTS = {"a couple of": 2, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def span_days(match: re.Match) -> int:
    """Days a RELATIVE_SPAN match moves from the day it counts from ("a week later": 7, "two months earlier": -60)."""
    number, unit, way = match.groups()
    days = (_COUNTS.get(number.lower()) or int(number)) * {"week": 7, "month": 30, "year": 365}[unit.lower()]
    return days if way.lower() in ("later", "after") else -days


def day_offset(match: re.Match) -> int:
    """Days from the day named to the one a RELATIVE_DAY match means ("two days earlier": -2)."""
    said = match.group(0).lower()
    if match.group(1):
        days = _COUNTS.get(match.group(1).lower()) or int(match.group(1))
        return -days if match.group(2).lower() in ("earlier", "before") else days
    return 0 if "same" in said else -1 if ("previous" in said or "before" in said) else 1


def shift_day(day: str, days: int = 1) -> str:
    """An ISO day moved by some days."""
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


# Days known by what happened on them, as questions in other words name them ("On the day Russia invaded
# Ukraine", "on the eve of Moscow's full-scale assault", "the day after the Hamas attack").
# Days of more events, named so (twenty-eighth session; switch more_events).
MORE_EVENTS = (
    # "the day Moscow recognized the breakaway statelets": Putin's decree on the "DNR" and "LNR"
    (re.compile(r"(?:russia|moscow|putin|the\s+kremlin)\s+recogni[sz]ed", re.I), "2022-02-21"),
    # "four days into Moscow's full-scale war"
    (re.compile(r"moscow['’]s\s+(?:full[- ]scale\s+)?war", re.I), "2022-02-24"),
    # "the day after Hamas's surprise assault"
    (re.compile(r"(?:the\s+)?hamas['’]?s?\s+(?:(?:surprise|brutal|terrorist|terror|october\s+7(?:th)?)\s+)*"
                r"(?:assault|massacre|incursion|attacks?)", re.I), "2023-10-07"),
)
EVENTS = (
    (re.compile(r"(?:the\s+)?(?:war['’]s\s+first\s+anniversary|first\s+anniversary\s+of\s+(?:russia['’]s\s+|the\s+)?"
                r"(?:full[- ]scale\s+)?(?:invasion|war))", re.I), "2023-02-24"),
    (re.compile(r"(?:russia|moscow)(?:['’]s)?\s+(?:full[- ]scale\s+)?(?:invasion|assault|attack)|russia\s+invaded|"
                r"(?:the\s+)?(?:full[- ]scale\s+)?(?:russian\s+)?invasion(?!\s+of\s+(?!ukraine))|"
                r"(?:the\s+)?war\s+in\s+ukraine|russia['’]s\s+war", re.I), "2022-02-24"),
    (re.compile(r"(?:hamas['’]?s?\s+|the\s+(?:october\s+7(?:th)?\s+)?(?:hamas\s+)?)(?:terrorist\s+)?attacks?\s*(?:on\s+israel)?|"
                r"hamas\s+attacked", re.I), "2023-10-07"),
) + MORE_EVENTS


def _known_events():
    """EVENTS, less MORE_EVENTS where that switch is off."""
    return EVENTS if TUNING.more_events else EVENTS[:len(EVENTS) - len(MORE_EVENTS)]


# "the war" said alone: Russia's against Ukraine, unless the question names another ("the war in Gaza")
BARE_WAR = re.compile(r"(?:the\s+)?war\b(?!\s+(?:in|on|with|against|between|of)\b)", re.I)
OTHER_WARS = re.compile(r"\b(?:gaza|israel\w*|hamas|hezbollah|lebanon|sudan\w*|ethiopia\w*|tigray|yemen\w*|houthis?|"
                        r"afghan\w*|iraq\w*|syria\w*)\b", re.I)


# "a week after the October 7, 2023 attack": an event the question dates itself, counted from (switch dated_event)
DATED_EVENT = re.compile(rf"(?:the\s+)?({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# (said as SPAN_OF_EVENT and DAY_OF_EVENT count: "two days after", "a week before", "the day after", "the eve of")
COUNTED_FROM = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|ten|\d{1,2})\s+(?:days?|weeks?)\s+(?:after|before|into)|"
                          r"(?:day|eve|morning|night)\s+(?:of|before|after))\s+(?:the\s+)?$", re.I)


def counted_from(text: str, at: int) -> bool:
    """Whether the date said at `at` dates an event a contact is counted from ("two days after the February 24, 2022
    invasion"): the event's day, not the contact's."""
    return TUNING.dated_event and bool(COUNTED_FROM.search(text[max(0, at - 40):at]))


# "on the sidelines of the 2023 UN General Assembly": the Assembly's high-level weeks fall in September (switch
# assembly_month); said as the venue, not as a thing discussed ("the upcoming General Assembly")
AT_ASSEMBLY = re.compile(r"\b(?:at|during|on\s+the\s+(?:sidelines|margins|fringes)\s+of|in\s+the\s+margins\s+of|while\s+at)\s+"
                         r"(?:the\s+)?(?:\d{4}\s+)?(?:UNGA\b|(?:UN|U\.N\.|United\s+Nations)\s+General\s+Assembly\b)")


def assembly_month(text: str, date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """A whole year named for a contact at the UN General Assembly narrowed to that year's September; else as given."""
    if TUNING.assembly_month and date_from and date_to and date_from.endswith("-01-01") \
            and date_to == f"{date_from[:4]}-12-31" and AT_ASSEMBLY.search(text):
        return f"{date_from[:4]}-09-01", f"{date_from[:4]}-09-30"
    return date_from, date_to


def counted_day(text: str) -> tuple[str, str] | None:
    """The first full date the text names ("October 7, 2023"), as index.query.read_dates reads it, where it dates an
    event a contact is counted from (counted_from); None otherwise."""
    match = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", text, re.IGNORECASE)
    if not match or not counted_from(text, match.start()):
        return None
    day = read_dates(match.group(0))[0]
    return (day, day) if day else None


def _event_day(said: str, text: str, at: int | None = None) -> _dt.date | None:
    """The day of an event said in the question at `at` (EVENTS, a holiday of a year said, or a date said before the
    event's name), if known."""
    dated = DATED_EVENT.match(text, at) if TUNING.dated_event and at is not None else None
    if dated:
        try:  # ("May" is left out of MONTHS, being usually the verb)
            return _dt.date(int(dated.group(3)), MONTHS.get(dated.group(1).lower(), 5), int(dated.group(2)))
        except ValueError:
            pass
    day = next((d for rule, d in _known_events() if rule.match(said)), None)
    if day is None and BARE_WAR.match(said) and not OTHER_WARS.search(text):
        day = "2022-02-24"
    holiday = HOLIDAY.match(said) if day is None else None
    return _dt.date.fromisoformat(day) if day else _holiday(holiday, text) if holiday else None


# Holidays of a fixed day, and Thanksgiving (the fourth Thursday of November), with the year said after them or the
# one year the question names: "the day after Christmas 2023", "on New Year's Eve 2021"
HOLIDAY = re.compile(r"(?:the\s+)?(?P<h>christmas\s+eve|christmas(?:\s+day)?|new\s+year['’]s\s+(?:eve|day)|"
                     r"thanksgiving(?:\s+day)?|juneteenth|veterans\s+day|valentine['’]s\s+day|halloween)"
                     r"(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?\b", re.I)
HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25), "new year's eve": (12, 31),
            "new year's day": (1, 1), "juneteenth": (6, 19), "veterans day": (11, 11), "valentine's day": (2, 14),
            "halloween": (10, 31)}
# (not "the day after Christmas", "two days before Christmas": those are counted in days above)
_HOLIDAY_AHEAD = r"(?=(?:the\s+)?(?:christmas|new\s+year|thanksgiving|juneteenth|veterans|valentine|halloween))"
NEAR_HOLIDAY = re.compile(r"(?<!day )(?<!days )(?<!week )(?<!weeks )(?<!morning )(?<!night )(?<!evening )"
                          r"\b(?P<way>ahead of|before|after|following|in the run-up to)\s+" + _HOLIDAY_AHEAD, re.I)
ON_HOLIDAY = re.compile(r"\b(?:on|over)\s+" + _HOLIDAY_AHEAD, re.I)


def _days_near(day: _dt.date, way: str) -> tuple[str, str]:
    """The NEAR_DAYS days before a day ("ahead of", "before", "in the run-up to") or after it."""
    step = -1 if way.lower() in ("ahead of", "before", "in the run-up to") else 1
    lo, hi = sorted((day + _dt.timedelta(days=step), day + _dt.timedelta(days=step * NEAR_DAYS)))
    return lo.isoformat(), hi.isoformat()


def _holiday(match: re.Match, text: str) -> _dt.date | None:
    years = set(re.findall(r"\b(20\d\d)\b", text))
    year = int(match.group("y")) if match.group("y") else int(years.pop()) if len(years) == 1 else None
    if year is None:
        return None
    name = re.sub(r"\s+", " ", match.group("h").lower()).replace("’", "'")
    if name.startswith("thanksgiving"):
        first = _dt.date(year, 11, 1)
        return first + _dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = HOLIDAYS[name]
    return _dt.date(year, month, day)


DAY_OF_EVENT = re.compile(r"\b(?:the\s+)?(?P<time>eve|day|morning|night)\s+(?:(?P<way>of|before|after|that|when)\s+)?"
                          r"(?P<event>[\w'’ -]{5,60})", re.I)
EVE_DAYS = 3  # "on the eve of": up to this many days before
# "On the first anniversary of the Hamas assault": the day of a known event, so many years on
ANNIVERSARY = re.compile(r"\b(?:the\s+)?(?P<n>first|second|third|one-year|two-year|1st|2nd|3rd)\s+anniversary\s+of\s+"
                         r"(?P<event>[\w'’ -]{5,60})", re.I)
# ... said as "(just) ahead of", "(shortly) after": a few days one side of it
NEAR = re.compile(r"\b(?P<way>ahead of|before|after|following|in the run-up to)\s+$", re.I)
NEAR_DAYS = 7
_YEARS = {"first": 1, "one-year": 1, "1st": 1, "second": 2, "two-year": 2, "2nd": 2, "third": 3, "3rd": 3}
SPAN_OF_EVENT = re.compile(r"\b(?:(?P<under>less than|under|within|fewer than)\s+)?(?:(?:about|some|nearly|almost|just)\s+)?"
                           r"(?P<n>a|an|one|two|three|four|five|six|seven|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
                           r"(?P<way>before|after|into)\s+(?P<event>[\w'’ -]{5,60})|"
                           r"\b(?:in\s+|during\s+)?the\s+first\s+(?P<first>week|days)\s+(?:of|after)\s+(?P<event2>[\w'’ -]{5,60})",
                           re.I)

