"""What a follow-up takes from the conversation: the words that make a question one ("he", "and with Japan?"),
and its time counted from the contacts the last answer cited ("the next day", "that September", "a week later")."""
from __future__ import annotations

import re

from index.query import MONTH_RE, read_dates

from .dates import RELATIVE_DAY, RELATIVE_SPAN, day_offset, shift_day, span_days
from .tuning import TUNING

PRONOUN = re.compile(r"\b(he|she|him|his|her)\b", re.IGNORECASE)
FOLLOW_UP = re.compile(r"^(and|also|what about|how about|and what about)\b|\b(he|she|they|them|their|his|her|"
                       r"the two|both)\b", re.IGNORECASE)
# ... and "him", as the one asked of ("What did Zelenskyy ask him to do?"): the other side of the contact before
FOLLOW_UP_HIM = re.compile(FOLLOW_UP.pattern + r"|\bhim\b", re.IGNORECASE)


# Before a noun, only a contact's ("the next call", "two days earlier"): "earlier tests", "the following steps"
# are things said, not another contact.
_CONTACT_WORDS = (r"call|calls|meeting|meetings|visit|visits|conversation|conversations|contact|contacts|talks|time|one|"
                  r"day|days|week|month|year|phone|trip|session|round|summit|spoke|speak|met|meet|talked|talk|called|"
                  r"saw|see|visited|conferred")
_NOT_A_CONTACT = (rf"(?!\s+(?:{_CONTACT_WORDS})\b)"
                  r"(?!\s+(?!(?:that|this|the|than|then|when|and|with|did|does|was|were|had|has|have|they|she|you)\b)[a-z]{3,})")
# ("was following the situation", "is following this issue closely": the verb, not a time; Tuning.following_verb)
_FOLLOWING = r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )following" if TUNING.following_verb \
    else "following"
RELATIVE_NEXT = re.compile(r"\b(next|afterwards?|after that|later|" + _FOLLOWING + r"(?! up\b)|subsequent|thereafter)\b" + _NOT_A_CONTACT
                           + rf"|\b(next|following|subsequent|later|after that)\b(?=\s+(?:{_CONTACT_WORDS})\b)", re.IGNORECASE)
# "next" that ends a plan made in the contact ("Where were the two leaders to review progress next?", "when would the
# committee meet next?", "what did they agree to do next?"): what comes next in that readout, not the next contact.
PLANNED_NEXT = re.compile(r"\b(?:to|would|will|should|was|were|is|are)\s+(?:[\w'’-]+\s+){0,4}?next\s*(?=[?,.;]|$)",
                          re.IGNORECASE)

# ... and a time a plan or an expectation is set for ("which Iraqi minister was he expecting in Washington the following
# week?", "where was she due to travel the next day?"): when the thing said happens, not a contact after the one cited.
PLANNED_FOLLOWING = re.compile(r"\b(?:expect|expects|expected|expecting|due|planned|planning|scheduled|would|will|to)\s+"
                               r"(?:[\w'’.-]+\s+){0,6}?(?:the\s+following|the\s+next|next)\s+(?:day|week|month)\s*(?=[?,.;]|$)",
                               re.IGNORECASE)


def next_contact(text: str):
    """RELATIVE_NEXT's match where the question asks about a contact after the one cited, not a plan (PLANNED_NEXT)."""
    if TUNING.planned_following:
        text = PLANNED_FOLLOWING.sub(" ", text)
    return RELATIVE_NEXT.search(PLANNED_NEXT.sub(" ", text) if TUNING.planned_next else text)


RELATIVE_BEFORE = re.compile(r"\b(previous|before that|earlier|prior|preceding)\b" + _NOT_A_CONTACT
                             + rf"|\b(previous|earlier|prior|preceding|before that)\b(?=\s+(?:{_CONTACT_WORDS})\b)",
                             re.IGNORECASE)
RELATIVE_WORDS = re.compile(r"next|afterwards?|later|following|subsequent|thereafter|previous|earlier|prior|preceding")
SAID_WHEN = re.compile(rf"^(\s*(?:which|what)\s+(?!(?:{_CONTACT_WORDS}|did|does|do|was|were|is|are|has|have|had)\b)[a-z-]+)"
                       r"\s+(?:later|earlier|next|the following|the previous)\s+(?:that|this|the same)\s+(?:week|month|year)\b",
                       re.IGNORECASE)
REFERS = re.compile(r"\b(that|this|then|the same) (call|meeting|visit|conversation|contact|time|one|day)\b|\bthen\?",
                    re.IGNORECASE)
# A time counted from the day of the contact the conversation is about ("a couple of weeks later", "two days
# earlier"); "the following year" or "the next call" need no day
COUNTED = re.compile(f"(?:{RELATIVE_SPAN.pattern})|(?:{RELATIVE_DAY.pattern})", re.IGNORECASE)


def time_from_thread(text: str, date_from: str | None, date_to: str | None, order: str | None,
                      thread: tuple[str, str] | None) -> tuple[str | None, str | None, str | None, bool]:
    """A follow-up's time counted from the conversation's ("And in their call of March 1?", "the next day",
    "that September", "the April call before that"): (date_from, date_to, order, moved). Counted from the
    contacts the last answer cited (`thread`, their event dates) when known, else from the earlier turns' time;
    `moved` says the follow-up is about another contact than the one cited."""
    at_from, at_to = thread if thread and TUNING.thread_time else (date_from, date_to)
    year = (at_from or at_to or "")[:4]
    day = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})", text, re.IGNORECASE)
    month = re.search(rf"\b(?:that|the|in|this|of|last)\s+({MONTH_RE})\b(?!\.?,?\s+\d)", text, re.IGNORECASE) \
        if TUNING.thread_time else None
    beside = re.search(rf"\bthe\s+(following|next|previous|preceding)\s+({MONTH_RE})\b(?!\.?,?\s+\d)", text,
                       re.IGNORECASE) if TUNING.following_month else None
    if year and beside and beside.group(2)[0].isupper():
        # "When they met in Washington the following May": the first May after the contact (the next year's, when
        # the contact came later in its year), or the last one before it.
        lo, hi = read_dates(f"{beside.group(2)} {year}")
        after = beside.group(1).lower() in ("following", "next")
        if lo and after and lo <= (at_to or at_from):
            lo, hi = read_dates(f"{beside.group(2)} {int(year) + 1}")
        elif lo and not after and hi >= (at_from or at_to):
            lo, hi = read_dates(f"{beside.group(2)} {int(year) - 1}")
        if lo:
            return lo, hi, order, True
    whole = re.search(r"\bthe\s+(following|next|previous|preceding)\s+year\b", text, re.IGNORECASE) \
        if TUNING.following_year else None
    if whole and (at_to or at_from):
        # "And when Biden met the Swedish prime minister the following year": that calendar year, not the first
        # contact after the one cited (two weeks later, with another prime minister).
        after = whole.group(1).lower() in ("following", "next")
        base = int(((at_to or at_from) if after else (at_from or at_to))[:4])
        shown = base + 1 if after else base - 1
        return f"{shown}-01-01", f"{shown}-12-31", order, True
    if year and day and day.group(0)[0].isupper():
        # "And in their call of March 1?": the year of the time the conversation is about.
        found = read_dates(f"{day.group(1)} {day.group(2)}, {year}")
        if found[0]:
            return found[0], found[1], order, True
    elif year and month and month.group(1)[0].isupper():
        # "And why did the Vice President call him that September?", "in the April call before that": the month
        # of the conversation's year, the last contact in it before the one cited, or the first after.
        lo, hi = read_dates(f"{month.group(1)} {year}")
        around = re.search(rf"\bthe\s+{month.group(1)}\s+(before|after)\b", text, re.IGNORECASE) if TUNING.month_around else None
        if lo and around and at_from and at_to:
            # "when Biden met him ahead of the G7 summit the June before": the last June before the contact cited
            # (the year before, when it came later in the year), or the first after it.
            shift = -1 if around.group(1).lower() == "before" and lo >= at_from else \
                1 if around.group(1).lower() == "after" and hi <= at_to else 0
            lo, hi = read_dates(f"{month.group(1)} {int(year) + shift}")
            return lo, hi, order, True
        if lo and RELATIVE_BEFORE.search(text) and at_from:
            return lo, min(hi, shift_day(at_from, -1)), "last", True
        if lo and next_contact(text) and at_to:
            return max(lo, shift_day(at_to)), hi, "first", True
        if lo:
            return lo, hi, order, True
    span = RELATIVE_SPAN.search(text) if TUNING.thread_span else None
    if span and (at_from or at_to):
        # "And in their call a week later?" after the meeting of October 18: about October 25 (not the call of
        # October 20, the first after it, nor those of October 22 and 23 between: a pair in a crisis speaks
        # every few days, so the day counted is kept within a day either side).
        days = span_days(span)
        slack = {"week": 1, "month": 7, "year": 31}[span.group(2).lower()]  # ("a year later": about that month)
        base = (at_to or at_from) if days > 0 else (at_from or at_to)
        # ("And at their next meeting, a year later, ...": the first contact of that month or so)
        rest = text[:span.start()] + text[span.end():]
        return shift_day(base, days - slack), shift_day(base, days + slack), \
            "first" if span.group(2).lower() == "year" and RELATIVE_NEXT.search(rest) else None, True
    if at_from and at_from == at_to and RELATIVE_DAY.search(text):
        # "Whom had he met two days earlier?" after a question about January 11: January 9.
        day_of = shift_day(at_from, day_offset(RELATIVE_DAY.search(text)))
        return day_of, day_of, order, True
    if (at_to or at_from) and next_contact(text):
        # "And in their next phone call?", "a few days later": the first contact after the one asked about.
        return shift_day(at_to or at_from), None, "first", True
    if at_to and RELATIVE_BEFORE.search(text):
        return None, shift_day(at_from or at_to, -1), "last", True
    return date_from, date_to, order, False


# Words that say a contact took place ("met", "called", "the trip", "hosted"; qa/given reads them too)
CONTACT_WORDS = (r"met|meet\w*|call\w*|phon\w+|spoke|speak\w*|talk\w*|visit\w*|trips?|travel\w*|summits?|host\w*|"
                 r"convened?|sessions?|conversations?")
# A contact asked about in a list or a count ("Which leaders did he call next?", "How many times did they meet?"),
# not a thing the readout found says ("Which countries only attended as observers?")
CONTACTS_ASKED = re.compile(rf"\b(?:{CONTACT_WORDS}|contacts?|times|readouts?)\b", re.IGNORECASE)
