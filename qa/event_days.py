"""Days a question names by what happened on them: known events ("the day Russia invaded Ukraine", "the Hamas
attack"), holidays, anniversaries, the UN General Assembly's September, and days counted from an event the question
dates itself ("a week after the October 7, 2023 attack"). Split from qa/dates.py, which places them among the other
dates a question names."""
from __future__ import annotations

import datetime as _dt
import re

from index.query import MONTH_RE, MONTHS, lexical_terms, read_dates

from .tuning import TUNING

COUNTS = {"a couple of": 2, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


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


def event_spans(text: str) -> list[tuple[tuple[str, str], int]]:
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
            days = (int(said) if said.isdigit() else COUNTS[said]) * (7 if match.group("unit").lower().startswith("week") else 1)
            way = -1 if match.group("way").lower() == "before" else 1
            if match.group("under"):  # "less than two weeks before the invasion": any day of those
                lo, hi = sorted((day + _dt.timedelta(days=way), day + _dt.timedelta(days=way * days)))
            else:  # "three days into the war", "two weeks after the attack": about then
                at, slack = day + _dt.timedelta(days=way * days), (1 if days < 7 else 3)
                lo, hi = at - _dt.timedelta(days=slack), at + _dt.timedelta(days=slack)
        out.append(((lo.isoformat(), hi.isoformat()), match.start()))
    return out


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
