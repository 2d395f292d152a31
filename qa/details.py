"""A detail the readouts do not give: "How many hostages would be freed in the first phase ...?" of a readout that
says a deal was discussed but gives no number, "By what date ... would all U.S. troops be out?" of one that gives no
date, "In which Polish village ...?" of one that says "in eastern Poland". The pair and the topic are there, so the
topic rule (qa/refusal.py) lets the question through; what it asks for is a number, a date or a place, and no
sentence on the topic has one. And an office no readout gives a person ("Secretary of State John Kerry")."""
from __future__ import annotations

import calendar
import re
from typing import Callable

from index.api import Library
from index.chunk import split_sentences
from index.countries import country_of
from index.query import GENERIC, stem
from index.readout_meta import roles_in, roles_of

from .asked_names import full_name_words
from .cover import NUMBER, has
from .evidence import Evidence, none_of_them
from .parts import asks_one, scene_and_ask
from .places import ORDINALS
from .question import Question, capitalised
from .tuning import TUNING

# What the question asks for, at the start of its question proper ("In January 2025, how many hostages ...").
ASKS_NUMBER = re.compile(r"^\W*how\s+(many|much)\b((?:\s+(?!(?:did|does|do|was|were|is|are|had|has|have|would|will|could|"
                         r"should|can|of|in|on|at|under|for|from|with|to|by)\b)[\w-]+)*)", re.IGNORECASE)
# Words of "how many ..." that say nothing of what is counted ("how many such packages", "how many additional sites").
_NOT_COUNTED = frozenset("such additional more new other further separate different".split())
# Units a number is written with ("a 45-minute call", "three days"; not money or a share, written "$2 billion",
# "40%"), as crude stems (index.query.stem).
_UNITS = frozenset(stem(w) for w in
                   "second minute hour day week month year mile kilometer ton barrel gallon acre".split())
# Persons counted, said in no other words ("how many people died ...": counted by what befell them).
_ANYONE = frozenset(stem(w) for w in "people persons individuals".split())
_LEAD_IN = re.compile(r"^[^,?]{1,40},\s*")
_BEFORE_COUNT = re.compile(r"^\W*(?:in|within|for|by|on|at|to|from|over|after|of)\s+(?=how\s+(?:many|much)\b)", re.IGNORECASE)
ASKS_PLACE = re.compile(r"^\W*(?:(?:in|at|from|to|near)\s+)?which\s+(?:[\w-]+\s+){0,2}?"
                        r"(village|town|city|state|province|region|port|island|county|district)\b"
                        # (the place is what is asked: "Which city did they meet in?", "which state's governor"; not
                        # "Which State Department official ...", "which state senators": a place word before a noun)
                        + (r"(?=['’]s\b|\s*[?,.;:]|\s*$|\s+(?:did|does|do|was|were|is|are|has|had|have|would|will|could|"
                           r"can|should|might|may)\b)" if TUNING.place_head else ""), re.IGNORECASE)
# ... or a thing known by its proper name ("Which university did he attend?", "which companies' CEOs were on the
# call?", "what was the name of the submarine?"): answered by a name the question does not give, as a place is.
ASKS_NAMED = re.compile(r"^\W*(?:(?:in|at|from|to|for|with)\s+)?(?:which\s+(?:[\w-]+\s+){0,2}?(universit(?:y|ies)|"
                        r"compan(?:y|ies)(?:['’]s?)?|firms?|candidates?|submarines?|vessels?|ships?|airlines?|banks?)\b|"
                        r"what\s+was\s+the\s+(name)\s+of\b)", re.IGNORECASE)
ASKS_DATE = re.compile(r"^\W*(?:by|on|until|before|from|as of)\s+what\s+(?:date|day)\b|^\W*what\s+(?:date|deadline)\b",
                       re.IGNORECASE)
_MONTH = "|".join(m for m in calendar.month_name if m)
_WEEKDAY = "|".join(d for d in calendar.day_name)
# A date as readouts write it ("by August 31", "May 27, 2024", "in 2025", "next week", "by the end of the year").
# ("today" and "yesterday" date the contact itself: "President Biden spoke today with President Ghani")
DATE = re.compile(rf"\b(?:(?:{_MONTH})(?:\s+\d{{1,2}})?|{_WEEKDAY}|(?:19|20)\d{{2}}|"
                  r"(?:next|this|coming)\s+(?:week|month|year)|end\s+of\s+(?:the\s+)?(?:year|month|week))\b")
# A date's figures are no answer to "how many": "the May 27, 2024 arrangement" gives no number of hostages; nor is
# a name's number ("UN Security Council Resolution 2735", "Article 5"), nor "the two leaders" who spoke.
_DATED = re.compile(rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?|\b(?:19|20)\d{{2}}\b|"
                    r"\b(?:Resolution|Article|Section|Title|Chapter|Flight|No\.|Number|Route|Highway|Protocol|Amendment)\s+\d+\b|"
                    r"\b(?i:the|both)\s+two\b")
ORDINAL = re.compile(r"\b(?:" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


def gives_number(sentence: str) -> bool:
    """Whether a sentence gives a number that could answer "how many" or "how much": not only a date's or a name's."""
    return bool(NUMBER.search(_DATED.sub(" ", sentence)))


def number_of_counted(text: str, sentence: str) -> bool:
    """Whether a sentence gives a number of what "how many ..." counts: a number with a word of it right after ("with 75
    veteran, military family, caregiver and survivor organizations" for "how many veterans and military-family groups").
    """
    number = ASKS_NUMBER.match(scene_and_ask(text)[1] or text)
    counted = [stem(w) for w in re.findall(r"\w+", number.group(2)) if w.lower() not in _NOT_COUNTED] if number else []
    return any(_has_after(sentence, m.end(), counted) for m in re.finditer(r"\b\d[\d,.]*\b", sentence)) if counted else False


def _has_after(sentence: str, at: int, counted: list[str]) -> bool:
    """Whether one of the three words after a position starts with a counted stem."""
    return any(stem(w).startswith(tuple(counted)) for w in re.findall(r"[\w'’-]+", sentence[at:])[:3])


def asks_number(text: str) -> bool:
    """Whether a question asks one thing, a number ("By September 2022, how many statehouses had adopted ...?")."""
    asked = scene_and_ask(text)[1] or text
    # (a time the scene clause does not take, "By September 2022, how many ...", and a preposition before it,
    # "in how many states", "within how much time")
    return asks_one(text) and any(ASKS_NUMBER.match(_BEFORE_COUNT.sub("", a, count=1))
                                  for a in (asked, _LEAD_IN.sub("", asked, count=1)))


def detail_refusal(question: Question, evidence: Evidence, texts: dict[str, str], count=None) -> str:
    """Why the matching readouts cannot answer a question asking for one number, date or place, or "": no sentence
    of theirs with a word of the topic has a number (dates aside), a date, or a place the question does not name.
    `count(word)`: how many paragraphs of the index have a word (a name in few of them says what was counted)."""
    if question.intent != "discuss" or not question.topic or not texts or not asks_one(question.text):
        return ""
    asked = scene_and_ask(question.text)[1] or question.text
    number, date = ASKS_NUMBER.match(asked), ASKS_DATE.match(asked)
    place = ASKS_PLACE.match(asked) if TUNING.place_given else None
    if not place and TUNING.name_given:
        place = ASKS_NAMED.match(asked)
    if not number and not date and not place:
        return ""
    sentences = [s for text in texts.values() for s in split_sentences(text)]
    counted = [stem(w) for w in (number.group(2).split() if number else []) if w.lower() not in _NOT_COUNTED]
    if number and number.group(1).lower() == "many":
        # "how many hostages": the sentences that name what is counted (where none does, it is said in other words:
        # "locations" of "four new sites", and nothing decides)
        on_topic = [s for s in sentences if has(s, counted)]
        if TUNING.people_counted and not on_topic and counted and counted[0] in _ANYONE:
            # "how many people died in the landslide": persons are counted by what befell them, so the sentences
            # on the rest of the topic ("the tragic loss of life resulting from a landslide") give the number or not
            on_topic = [s for s in sentences if has(s, [stem(t) for t in question.topic if stem(t) not in counted])]
        if TUNING.count_named and count is not None and on_topic:
            # "how many young people did he say a mid-July strike on Vinnytsya had killed": the sentence naming
            # the strike counts what it killed in other words ("killed three children")
            named = [stem(t) for t in question.topic if capitalised(t, question.text) and stem(t) not in counted
                     and count(t) <= TUNING.specific_paragraphs]
            on_topic += [s for s in sentences if named and has(s, named)]
        if not counted or not on_topic and not (TUNING.unit_counted and set(counted) & _UNITS):
            return ""  # (a unit is written with its number: "how many minutes" of a readout without "minutes")
    else:
        on_topic = [s for s in sentences if has(s, [stem(t) for t in question.topic])]
    if number and any(NUMBER.search(_DATED.sub(" ", s)) or ORDINAL.search(s) for s in on_topic):
        return ""
    if date and any(DATE.search(s) for s in on_topic):
        return ""
    if place:
        people = full_name_words(question.people) if TUNING.place_words else set()
        if any(_names_place(s, question.text, people) for s in on_topic if s):
            return ""
        what = next(g for g in place.groups() if g).lower()
        return _none_gives(question, evidence, "name", "name" if what == "name" else re.sub(r"['’]s?$", "", what))
    said = " ".join(w for w in (number.group(2).split() if number else []) if w.lower() not in _NOT_COUNTED)
    what = f"number of {said}" if number and said and number.group(1).lower() == "many" else "number" if number else "date"
    return _none_gives(question, evidence, "give", what)


# A measure asked for by name ("what is the population of Guyana?", "what was the final score of ...?"): a readout gives
# it as a number in a sentence that names it, or does not give it.
ASKS_MEASURE = re.compile(r"\bwhat\s+(?:is|was|were|are)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(population|score|scoreline|"
                          r"gross\s+domestic\s+product|gdp|death\s+toll|(?:unemployment|inflation|growth)\s+rate|turnout)\b",
                          re.IGNORECASE)


def measure_refusal(question: Question, evidence: Evidence | None, texts: dict[str, str]) -> str:
    """Why the readouts (`texts`: the matching ones, or those found for a question naming no one) cannot answer a
    question asking for a measure by name, or "": none of their sentences naming it gives a number."""
    asked = ASKS_MEASURE.search(question.text) if TUNING.measure_given and texts else None
    if not asked:
        return ""
    measure = " ".join(asked.group(1).lower().split())
    words = [stem(w) for w in measure.split()]
    if any(len(has(s, words)) == len(words) and gives_number(s) for text in texts.values() for s in split_sentences(text)):
        return ""
    if evidence is None or not evidence.readouts:
        return f"The readouts do not cover this: no readout found gives a {measure}."
    return _none_gives(question, evidence, "give", measure)


# How long a contact or an event lasted ("How long did the call last?", "how many days did the summit run?"; not
# "how many days after the attack ...", a date), and a length as readouts give one ("a 45-minute call", "the
# day-long summit", "two hours").
_CONTACT = (r"call|meeting|talks|conversation|visit|trip|summit|convening|session|event|roundtable|discussion|"
            r"conference|gathering|forum|dialogue")
_MEAL = r"breakfast|lunch|luncheon|dinner|reception|ceremony"  # (a blind set asked how long a breakfast lasted)


def _asks_length(contact: str) -> re.Pattern:
    return re.compile(rf"^\W*how\s+(?:long|many\s+(?:minutes|hours|days|nights))\s+(?:(?:did|would)\s+[^?]*?"
                      rf"\b(?:{contact})\b[^?]*\b(?:last|run|go\s+on|take)|(?:was|were)\s+(?:[\w'’-]+\s+){{0,6}}?"
                      rf"(?:{contact})\b)(?![^?]*\b(?:after|before|later|earlier|since|until)\b)", re.IGNORECASE)


ASKS_LENGTH = _asks_length(_CONTACT)
_ASKS_MEAL_LENGTH = _asks_length(f"{_CONTACT}|{_MEAL}")
# (in minutes, hours or days: "the first hurricane in 30 years" is no length of a call)
_LENGTH = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|half|an?|full|"
                     r"multi)[\s-]+(?:second|minute|hour|day|night)s?\b|\b(?:day|hour|night)-long\b|\ball[\s-]day\b|"
                     r"\bovernight\b", re.IGNORECASE)
# ... "overnight" only of a contact ("an overnight stay", "talks ran overnight"), not of what happened ("the storms that
# hit multiple states overnight")
_OVERNIGHT = re.compile(r"\bovernight\s+(?:stay|visit|trip|talks|session|meeting|negotiations)\b|"
                        r"\b(?:ran|run|lasted|went|continued|stayed)\s+overnight\b", re.IGNORECASE)


# The hour of a contact ("What time of day did they meet?", "at what time ...?") and an hour as readouts give one
# ("at 10:30 a.m.", "this morning", "Tuesday evening").
ASKS_CLOCK = re.compile(r"^\W*(?:at|around|by)?\s*what\s+time\b(?!\s+(?:frame|line|table)s?\b)", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b(?:morning|afternoon|evening|noon|midday|midnight|"
                    r"tonight|overnight|breakfast|lunch|dinner|o[’']clock)\b", re.IGNORECASE)


def length_refusal(question: Question, texts: Callable[[], dict[str, str]]) -> str:
    """Why the readout found first (`texts()`, read only for a question asking it) cannot say how long a contact or
    event lasted, or at what time of day it was, or "": none of its sentences gives a length of time (an hour of the
    day). (A readout says on which day a contact took place, nearly never for how long or at what hour: three blind
    sets asked it, and were answered with the lead.)"""
    asked = scene_and_ask(question.text)[1] or question.text
    length = TUNING.length_given and (_ASKS_MEAL_LENGTH if TUNING.meal_length else ASKS_LENGTH).match(asked)
    clock = TUNING.clock_given and ASKS_CLOCK.match(asked)
    found = texts().values() if length or clock else ()
    if length and found and not any(said_length(t) for t in found):
        return "The readouts do not cover this: the readout found does not say how long it lasted."
    if clock and found and not any(_CLOCK.search(t) for t in found):
        return "The readouts do not cover this: the readout found does not say at what time of day it was."
    return ""


def said_length(text: str) -> bool:
    """Whether a text gives a length of time (see _LENGTH and, with overnight_contact, _OVERNIGHT)."""
    if not TUNING.overnight_contact:
        return bool(_LENGTH.search(text))
    return any(m.group().lower() != "overnight" for m in _LENGTH.finditer(text)) or bool(_OVERNIGHT.search(text))


def _names_place(sentence: str, question: str, people: set[str] = frozenset()) -> bool:
    """Whether a sentence names a place the question does not: a capitalised word past its first that is no
    country, month, office or word of the question ("Przewodów"; not "Poland" for "Polish"). With place_words, nor a
    word of the names of the people asked about (`people`: "Antony", "Salome"), a possessive's word as the question
    has it ("Blinken’s"), or a word of the title and attribution line ("... Call with ... The below is attributable
    to Spokesperson Ned Price:")."""
    if TUNING.place_words and re.search(r"\battributable to\b", sentence, re.IGNORECASE):
        return False
    asked = {w.lower() for w in re.findall(r"[\w'’-]+", question)} | people
    words = re.findall(r"[\w'’-]+", sentence)[1:]
    if TUNING.place_words:
        words = [re.sub(r"['’]s$", "", w) for w in words]
    return any(w[:1].isupper() and w.lower() not in asked and w.lower() not in GENERIC and not country_of(w)
               and w not in _MONTH.split("|") and w not in _WEEKDAY.split("|") and len(w) > 2 for w in words)


def _none_gives(question: Question, evidence: Evidence, verb: str, what: str) -> str:
    """The refusal: "the one readout of X and Y gives no date", "..., and none of them names a village"."""
    article = "an" if what[:1] in "aeiou" and not what.startswith(("uni", "use", "eu")) else "a"  # ("a university")
    return none_of_them(question, len(evidence.readouts), f"{verb}s no {what}", f"{verb}s {article} {what}")


# Offices a question may give a person ("Secretary of State John Kerry", "Singapore's Prime Minister Lawrence Wong").
OFFICES = ("secretary of state", "prime minister", "vice president", "president", "foreign minister", "chancellor",
           "national security advisor", "defense minister", "king", "queen", "crown prince", "secretary general",
           "secretary-general", "chief adviser", "emir", "amir")
_OFFICE = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in OFFICES) + r")\b", re.IGNORECASE)
# ("Deputy Prime Minister" is another office than "Prime Minister")
_UNDER = re.compile(r"\b(?:deputy|vice|former|acting|first|under)\s+$", re.IGNORECASE)
# ... or with a country's adjective between ("acting Haitian Prime Minister Claude Joseph")
_UNDER_OF = re.compile(r"\b(?:deputy|vice|former|acting|first|under)\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?$", re.IGNORECASE)


def _asked_office(question: Question, person) -> re.Match | None:
    """The office right before a person's name as the question writes it ("Secretary of State John Kerry", up to four
    name words between), not a deputy's or an acting one's. (Read word by word, not by a pattern made for the name:
    compiling one per question cost 0.5 ms.)"""
    family = person.words.split()[-1] if person.words.split() and not person.inferred else ""
    text = question.text
    for said in _OFFICE.finditer(text) if family else ():
        words = text[said.end():].split()[:5] if text[said.end():said.end() + 1].isspace() else []
        at = next((i for i, w in enumerate(words) if w.startswith(family) and not w[len(family):len(family) + 1].isalnum()
                   and w[len(family):len(family) + 1] != "_"), None)
        if at is None or not all(_NAME_WORD.match(w) for w in words[:at]):
            continue
        if (_UNDER_OF if TUNING.under_of else _UNDER).search(text[:said.start()]):
            return None
        return said
    return None


_NAME_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|bin|ibn|al|el)$")


def office_refusal(library: Library, question: Question) -> str:
    """Why the readouts cannot answer of a person named with an office none of their readouts gives them
    ("Secretary of State John Kerry": the special presidential envoy for climate), or ""."""
    for person in question.people:
        said = _asked_office(question, person) if len(person.names) == 1 else None
        if not said:
            continue
        office = _plain(said.group(0))
        roles = {_plain(role) for role in roles_of(library.store.db, person.names[0])}
        if roles and not any(_holds(office, role) for role in roles):
            held = ", ".join(sorted(roles))
            return (f"The readouts do not cover this: no readout calls {person.names[0]} {said.group(0)}; "
                    f"they call {person.names[0]} {held}.")
    return ""


def office_readouts(library: Library, question: Question, readouts: tuple) -> tuple:
    """Of the readouts, those not giving a person named with an office another office ("Saudi Defense Minister
    Prince Khalid bin Salman": his 2023 visit, not his 2022 one as vice minister of defense), where some give it."""
    if len(readouts) > OFFICE_READOUTS:
        return readouts
    for person in question.people:
        said = _asked_office(question, person)
        if not said:
            continue
        office = _plain(said.group(0))
        roles = roles_in(library.store.db, person.names, [r.id for r in readouts])
        other = {i for i, held in roles.items() if held and not any(_holds(office, _plain(role)) for role in held)}
        if other and any(held and i not in other for i, held in roles.items()):  # (a role none: no sign either way)
            readouts = tuple(r for r in readouts if r.id not in other)
    return readouts


OFFICE_READOUTS = 200  # the most readouts whose roles are read (a frequent person's are tens of thousands at 100x)


def _plain(office: str) -> str:
    """An office as one spelling: "secretary-general" as "secretary general", "minister of defense" as "defense
    minister", "adviser" as "advisor"."""
    plain = re.sub(r"[\s-]+", " ", office.lower()).strip()
    if TUNING.adviser_spelling:
        plain = re.sub(r"\badviser\b", "advisor", plain)  # ("chief adviser" asked, "chief advisor to the president" held)
    return re.sub(r"\bminister of (defense|defence|foreign affairs)\b",
                  lambda m: ("foreign" if m.group(1) == "foreign affairs" else "defense") + " minister", plain)


def _holds(office: str, role: str) -> bool:
    """Whether a role the metadata gives is the office ("prime minister" of "prime minister", not of "deputy prime
    minister"; "president" of "president-elect" too)."""
    return any(not _UNDER.search(role[:m.start()]) for m in re.finditer(rf"\b{re.escape(office)}\b", role))
