"""What a question says about time and people, used to rank (never to hard-filter) readouts."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass

from .countries import capital_country, country_of, fold

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # "may" is usually the verb; the full-name table below catches "May 2022"
MONTH_RE = "|".join(sorted((re.escape(m) for m in list(MONTHS) + ["may"]), key=len, reverse=True))
PARTS = {"early": (1, 4), "beginning of": (1, 3), "start of": (1, 3), "mid": (5, 8), "middle of": (5, 8),
         "late": (9, 12), "end of": (10, 12), "spring": (3, 5), "summer": (6, 8), "fall": (9, 11),
         "autumn": (9, 11), "winter": (1, 2), "first half of": (1, 6), "second half of": (7, 12),
         # "year-end 2021", "the closing days of 2021", "Q1 2022": the same, in the other words analysts use
         "year-end": (11, 12), "end-of-year": (11, 12), "closing days of": (12, 12), "closing weeks of": (12, 12),
         "final days of": (12, 12), "final weeks of": (12, 12), "last days of": (12, 12), "last weeks of": (12, 12),
         "closing months of": (10, 12), "final months of": (10, 12), "last months of": (10, 12),
         "opening days of": (1, 1), "opening weeks of": (1, 1), "first days of": (1, 1), "first weeks of": (1, 1),
         "opening months of": (1, 3), "first months of": (1, 3),
         "first quarter of": (1, 3), "second quarter of": (4, 6), "third quarter of": (7, 9),
         "fourth quarter of": (10, 12), "last quarter of": (10, 12), "final quarter of": (10, 12),
         "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
# "late November 2023", "the end of February 2022": a part of a month, as days
MONTH_PARTS = {"early": (1, 10), "mid": (10, 20), "late": (20, 31), "end of": (20, 31), "beginning of": (1, 10),
               "start of": (1, 10), "middle of": (10, 20), "first day of": (1, 1), "last day of": (31, 31),
               "first week of": (1, 7), "last week of": (24, 31), "final week of": (24, 31)}
MONTH_PART_RE = "|".join(sorted((re.escape(p) for p in MONTH_PARTS), key=len, reverse=True))
PART_RE = "|".join(sorted((re.escape(p) for p in PARTS), key=len, reverse=True))

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each else few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
not now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself discuss discussed discussing talk talked say said
tell told mention mentioned readout readouts meeting meet met call called calls whose please describe explain
show compare find summarize summarise list give any anything else something was".split())""".split())

# Words that start with a capital letter in questions but name no one in particular.
GENERIC = frozenset("""what who when where which why how did does do was were is are has have had tell give list
summarize the a an in on at and or of for with during between after before president secretary minister prime foreign
deputy national security advisor adviser state department white house vice chancellor king queen ambassador general
special envoy counselor administrator spokesperson leader leaders united states u.s. us america american january
february march april may june july august september october november december early late mid""".split())


@dataclass(frozen=True)
class QueryHints:
    """Soft signals read from a question."""

    date_from: str | None = None
    date_to: str | None = None
    names: tuple[str, ...] = ()  # lower-cased proper names, e.g. ("lula",)

    def in_range(self, date: str) -> bool:
        return bool(date) and (self.date_from is None or date >= self.date_from) and (self.date_to is None or date <= self.date_to)


def _span(year: int, first_month: int, last_month: int) -> tuple[str, str]:
    last_day = calendar.monthrange(year, last_month)[1]
    return f"{year:04d}-{first_month:02d}-01", f"{year:04d}-{last_month:02d}-{last_day:02d}"


def read_dates(question: str, events_in: bool = False) -> tuple[str | None, str | None]:
    """A date range the question names ("in early 2023", "March 2022", "between 2021 and 2022"), if any.
    events_in: a year an event is held in ("facing elections in 2023") is no time of a contact either."""
    text = question.lower()
    m = re.search(r"between (\d{4}) and (\d{4})", text) or re.search(r"from (\d{4}) (?:to|until|through) (\d{4})", text)
    if m:
        return f"{m.group(1)}-01-01", f"{m.group(2)}-12-31"
    m = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", text)
    if m:
        month = MONTHS.get(m.group(1), 5)
        day = min(int(m.group(2)), calendar.monthrange(int(m.group(3)), month)[1])
        return f"{m.group(3)}-{month:02d}-{day:02d}", f"{m.group(3)}-{month:02d}-{day:02d}"
    m = re.search(rf"\b(?:(?:the )?({MONTH_PART_RE})[- ](?:in )?)?({MONTH_RE})\.?,? (?:of )?(\d{{4}})\b", text)
    if m:
        lo, hi = _span(int(m.group(3)), MONTHS.get(m.group(2), 5), MONTHS.get(m.group(2), 5))
        # "late November 2023": the month's last third (days 20 to the end; early 1-10, mid 10-20)
        first, last = MONTH_PARTS.get(m.group(1) or "", (1, 31))
        return f"{lo[:8]}{min(first, int(hi[8:])):02d}", f"{hi[:8]}{min(last, int(hi[8:])):02d}"
    m = re.search(rf"\b(?:the )?({PART_RE})[- ](?:of )?(\d{{4}})\b", text)
    if m:
        return _span(int(m.group(2)), *PARTS[m.group(1)])
    # "On the 59th anniversary of the 1965 ruling": the year of the anniversary, 2024.
    m = re.search(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary of (?:the )?(\d{4})\b", text)
    if m:
        year = int(m.group(2)) + int(m.group(1))
        return f"{year}-01-01", f"{year}-12-31"
    # "Nigeria's 2023 elections", "the 2022 World Cup": a year that names an event asked about, not when.
    years = contact_years(text, events_in)
    if years:
        return f"{min(years)}-01-01", f"{max(years)}-12-31"
    m = re.search(r"\bsince (\d{4})\b", text)
    if m:
        return f"{m.group(1)}-01-01", None
    return None, None


# A year, unless it names an event asked about ("Nigeria's 2023 elections", "the 2022 World Cup").
# Nor one counted from ("the total since 2016": no contact's year; a span from it, where no other time is named) or
# one an anniversary is of ("the 59th anniversary of the 1965 ruling").
# What a year or month before it dates is no contact ("the 2023 elections", "their June agenda").
EVENT_NOUN = (r"(?:general |presidential |parliamentary |midterm )?(?:elections?|polls?|vote|world cup|olympics?|games|"
              r"agenda|budget|midterms?|census|referendum|deadline|target|goals?|(?:nobel\s+)?(?:peace\s+)?(?:prize|award)s?|"
              r"laureates?)\b")
YEAR_OF_CONTACT = re.compile(r"(?<![Ss]ince )(?<!anniversary of )(?<!anniversary of the )\b(20\d\d|19\d\d)\b(?!\s+"
                             + EVENT_NOUN + ")")
# "six presidents facing elections in 2023": the year an event asked about is held in, said after it
EVENT_IN = re.compile(r"\b(?:elections?|polls|votes?|midterms|referendum)\s+(?:(?:due|held|scheduled|set)\s+)?"
                      r"(?:in|for)\s+$", re.IGNORECASE)


def held_in(text: str, at: int) -> bool:
    """Whether the year at `at` in text is one an event is held in, said after it ("facing elections in 2023")."""
    return bool(EVENT_IN.search(text[max(0, at - 40):at]))


def contact_years(text: str, events_in: bool = False) -> list[str]:
    """The years of YEAR_OF_CONTACT in text; with events_in, not those an event is held in (held_in)."""
    return [m.group(1) for m in YEAR_OF_CONTACT.finditer(text) if not (events_in and held_in(text, m.start()))]


# A question's first word is capitalised as any word there: one of these names no one ("Phoning Beijing's top
# diplomat, ...", "Three days into the war, ...", "Ahead of the summit, ...")
OPENING = re.compile(r"[A-Za-z]+ing|ahead|after|before|just|less|more|days?|weeks?|months?|hours?|shortly|soon|once|"
                     r"one|two|three|four|five|six|seven|eight|nine|ten|several|barely|only|even|still|amid|following")


def read_names(question: str) -> tuple[str, ...]:
    """Capitalised words that look like names of people, places or bodies."""
    names = []
    for match in re.finditer(r"\b[A-Z][\w'’\-]+", question):
        clean = re.sub(r"['’]s$", "", match.group()).lower()
        if not question[:match.start()].strip() and OPENING.fullmatch(clean):
            continue
        if clean not in GENERIC and clean not in STOPWORDS and len(clean) > 1:
            names.append(clean)
    return tuple(dict.fromkeys(names))


def places_joined(question: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names with a place of several words the question says ("New Delhi", "South Korea", "Buenos Aires") as
    one, for the name boost: "new" alone is in every paragraph. (qa reads names word by word: not for it.)"""
    joined = list(names)
    for match in re.finditer(r"\b[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){1,2}", question):
        words = match.group().split()
        for n in (3, 2):
            for i in range(len(words) - n + 1):
                phrase = re.sub(r"['’]s$", "", " ".join(words[i:i + n]))
                parts = [re.sub(r"['’]s$", "", w).lower() for w in words[i:i + n]]
                if re.search(r"['’]s ", phrase) or not all(p in joined for p in parts):
                    continue  # "Korea's Yoon": a possessive ends the place
                if (capital_country(phrase) or country_of(phrase)) not in (None, "United States"):
                    at = joined.index(parts[0])
                    joined = [w for w in joined if w not in parts]
                    joined.insert(min(at, len(joined)), phrase.lower())
    return tuple(dict.fromkeys(joined))


def read_hints(question: str) -> QueryHints:
    """All soft signals of a question."""
    date_from, date_to = read_dates(question)
    return QueryHints(date_from, date_to, read_names(question))


def lexical_terms(question: str) -> list[str]:
    """Content words for the lexical scorer: lower-cased, stopwords removed, order kept."""
    words = re.findall(r"[\w][\w'’\-]*", question.lower())
    words = [re.sub(r"['’]s$", "", w).strip("-'’") for w in words]
    return list(dict.fromkeys(w for w in words if w and w not in STOPWORDS and len(w) > 1))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, enough to match 'discussed'/'discussion' or 'sanctions'/'sanctioned'; accents folded, so that
    "Darién" finds the readout's "Darien" (and "Türkiye" "Turkiye")."""
    word = fold(word)
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    # "invite" as "invited" stems (not "chile" -> "chil": five letters stay)
    if len(word) > 5 and word.endswith("e"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _word_start(term: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(stem(term)), re.IGNORECASE)


def mentions(term: str, text: str) -> bool:
    """Whether text has a word starting with the term's stem ("zelensky" finds "Zelenskyy", "xi" not "anxiety")."""
    return _word_start(term).search(fold(text)) is not None


@lru_cache(maxsize=4096)
def _any_word_start(stems: tuple[str, ...]) -> re.Pattern:
    # Matched against lower-cased text: IGNORECASE made every scan several times slower.
    return re.compile(r"\b(?:" + "|".join(re.escape(x) for x in sorted(set(stems), key=len, reverse=True)) + ")")


@lru_cache(maxsize=4096)
def _prefixes(stems: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Per stem, the stems it starts with (itself included): where a longer stem matches, so do those."""
    return {s: frozenset(p for p in stems if s.startswith(p)) for s in stems}


def mentioned(terms, text: str) -> set[str]:
    """The terms that `mentions` would find in text, with one scan of the text for all of them."""
    return mention_finder(tuple(terms))(text)


def mention_finder(terms: tuple[str, ...]):
    """`mentioned` for one set of terms over many texts: the stems, the pattern and the prefix table are
    made once (over the ~120 candidate paragraphs of a search, that set-up cost as much as the scans)."""
    if not terms:
        return lambda text: set()
    stems = {term: stem(term) for term in terms}
    key = tuple(sorted(set(stems.values())))
    prefixes = _prefixes(key)
    findall = _any_word_start(key).findall

    def find(text: str) -> set[str]:
        # The alternation tries longer stems first, so each match is the longest stem found at its position;
        # the shorter stems it starts with are found there too.
        found: set[str] = set()
        for match in set(findall(fold(text))):
            found |= prefixes.get(match, {match})
        return {term for term, s in stems.items() if s in found}
    return find
