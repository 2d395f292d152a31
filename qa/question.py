"""A question read once: who it is about (resolved against the index's participants), when, what
order (first/last), what topic, and what kind of answer it wants. Every later step reads this.

The rules are plain and visible on purpose: each decision they make shows up in `Question` and so
in the answer's notice, where a wrong reading can be seen and a test can pin it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from index.countries import country_of, fold
from index.query import MONTH_RE, lexical_terms, read_dates, stem
from index.types import Filters, Turn

from .dates import all_dates
from .event_days import assembly_month, counted_day
from .intent import EACH_CONTACT, intent_of, kind_of, order_of
from .offices import REGIONS
from .parties import ASIDE, countries_of
from .parts import ABOUT, scene_and_ask, subject_of  # noqa: F401 - scene_and_ask is used from here by qa.ask and the tests too
from .people import Names, Person, dominant_names, people_in
from .thread import (CONTACTS_ASKED, FOLLOW_UP, FOLLOW_UP_HIM, PRONOUN, REFERS, RELATIVE_BEFORE,
                     SAID_WHEN, next_contact, time_from_thread)
from .topic import read_topic
from .tuning import TUNING
from .verbs import IRREGULAR

@dataclass(frozen=True)
class Question:
    """Everything the answerer needs to know about a question, read once."""

    text: str
    intent: str
    people: tuple[Person, ...] = ()
    countries: tuple[str, ...] = ()
    speaker: Person | None = None  # "What did Moon say ..." / "Who raised ..." resolves later
    date_from: str | None = None
    date_to: str | None = None
    order: str | None = None  # "first" or "last"
    kind: str | None = None  # a kind of contact named ("calls", "met")
    topic: tuple[str, ...] = ()  # content words that are neither names, time, frame nor kind
    filters: Filters = field(default_factory=Filters)
    cited: tuple[str, ...] = ()  # readouts the last answer cited (follow-ups)
    carried: bool = False  # people or time came from earlier turns
    dates: tuple[tuple[str, str], ...] = ()  # every date the question names, as ranges (compare: one per contact)
    exclude: tuple[str, ...] = ()  # "besides Passover": words the answer is to leave out
    places: tuple[str, ...] = ()  # "in Honolulu", "at COP28": where the contact took place (selects readouts)
    subject: tuple[str, ...] = ()  # topic words of what was said: "about the Amazon Fund", "discuss martial law"
    named: bool = True  # the question names people of its own ("Did Ukraine come up?" names none)
    moved: bool = False  # a follow-up about another time than the last answer's ("the next day", "that September")
    company: str | None = None  # "alone" ("one-on-one calls") or "group" ("trilateral meetings"): whom a list counts
    setting: str | None = None  # "white_house" or "virtual": where or how the contacts a list counts were held

    def describe(self) -> str:
        """The reading in a few words, for notices ("about Dmytro Kuleba in 2023")."""
        who = " and ".join(p.names[0] if len(p.names) == 1 else p.words for p in self.people)
        when = ""
        if self.date_from and self.date_to and self.date_from[:4] == self.date_to[:4] and \
                self.date_from.endswith("-01-01") and self.date_to.endswith("-12-31"):
            when = f" in {self.date_from[:4]}"
        elif self.date_from or self.date_to:
            when = f" between {self.date_from or 'the start'} and {self.date_to or 'now'}"
        return f"{who}{when}".strip()


LINKS = frozenset("of for the on de".split())


@functools.lru_cache(maxsize=4096)
def sentence_words(sentence: str) -> frozenset[str]:
    """A sentence's words (stemmed) and the initials of its runs of capitalised words, so that "IMF" in a
    question finds "the International Monetary Fund". Kept for the last few thousand sentences: one answer asks this of
    the same sentences about ten times over (5,502 calls, 566 sentences for 100 questions at 100x)."""
    said = fold(sentence).split()
    words = {stem(w) for w in said}
    if TUNING.opening_marks:
        # "(Pennsylvania)", "the “Compact”": a word after an opening bracket or quote (words are matched by their start)
        words.update(stem(w.lstrip("(['\"“‘")) for w in said if w[:1] in "(['\"“‘")
    if TUNING.hyphen_parts:
        # "anti-corruption measures" is about corruption, "counter-terrorism" about terrorism
        words.update(stem(part) for w in re.findall(r"\b[a-z]+(?:-[a-z]+)+\b", sentence.lower())
                     for part in w.split("-") if len(part) > 3)
    for word in re.findall(r"\b[A-Z][a-z]+\b|\b[A-Z]{2,5}\b", sentence):
        country = country_of(word)  # "Afghan" is about Afghanistan, "DPRK" about North Korea
        if country and country.lower() != word.lower():
            words.update(stem(w) for w in country.lower().split())
    if TUNING.irregular_verbs:
        # "how did they say it could be paid for?" of "... to pay their fair share": a verb's irregular forms are one
        # word (each form found stands for the others too; the crude stem leaves "paid" and "pay" apart)
        words.update(form for w in list(words) for form in IRREGULAR.get(w, ()))
    run: list[str] = []
    for word in re.findall(r"[\w'’-]+", sentence) + [""]:
        if word[:1].isupper():
            run.append(word[0].lower())
        elif word.lower() in LINKS and run:
            continue  # "Organization of American States"
        else:
            words.update("".join(run[i:j]) for i in range(len(run)) for j in range(i + 3, len(run) + 1))
            run = []
    return frozenset(words)


# "What did his call with Netanyahu on November 14 stress": the contact says it, not the person it was with.
_A_CONTACT = re.compile(r"\b(?:call|calls|meeting|meetings|readout|readouts|visit|conversation|statement)\b", re.IGNORECASE)


PURPOSE_YEAR = re.compile(r"\bfor\s+(?:the|its|their|his|her|next\s+year's)\s+(?:19|20)\d\d\s+(?:legislative\s+)?(?:sessions?|"
                          r"elections?|midterms?|budget|fiscal\s+year|campaign|season|cycle|census)\b", re.IGNORECASE)


def read_question(text: str, names: Names, filters: Filters = Filters(), history: tuple[Turn, ...] = (),
                  thread: tuple[str, str] | None = None) -> Question:
    """Parse a question (and what its history resolves) into a Question. `thread`: the first and last event
    dates of the contacts the last answer cited, which "the next day" or "that September" count from."""
    text = text.strip()
    intent = intent_of(text)
    people = people_in(text, names)
    if TUNING.person_about and len(people) >= 3:
        # "What did Biden and Lula discuss about former President Jair Bolsonaro?": two who met, and a third
        # asked about, who is what was said, not a party to it
        about = {w for m in re.finditer(ABOUT + r"([^?,;]+)", text, re.IGNORECASE) for w in lexical_terms(m.group(1))}
        asked_about = [p for p in people if all(w in about for w in lexical_terms(p.words))]
        if asked_about and len(people) - len(asked_about) >= 2:
            people = tuple(p for p in people if p not in asked_about)
    # "to plan reproductive rights bills for the 2024 sessions": a year of what was planned, not of the contact
    timed_text = PURPOSE_YEAR.sub(" ", text) if TUNING.purpose_year else text
    date_from, date_to = read_dates(timed_text, TUNING.event_times)
    named_dates = all_dates(timed_text)
    if date_from and (date_from, date_to) == counted_day(timed_text):
        date_from = date_to = None  # "a week after the October 7, 2023 attack": the day of no contact (named_dates has it)
    if intent == "discuss" and len(named_dates) == 2 and EACH_CONTACT.search(text) and TUNING.each_contact:
        intent = "compare"
    if len(named_dates) > 1:
        # "in their calls of December 21, 2023 and February 3, 2024", "from January to March 2022": the
        # time runs from the first date named to the last (select() keeps only the named days when they
        # are a list, see spans_between).
        date_from, date_to = min(lo for lo, _ in named_dates), max(hi for _, hi in named_dates)
    elif named_dates and date_from and date_from <= named_dates[0][0] <= named_dates[0][1] <= (date_to or "9999"):
        # "a contested reef in 2024 ... on April 1": the day, within the year named.
        date_from, date_to = named_dates[0]
    elif named_dates and date_from is None and TUNING.event_days:
        # "On the day Russia invaded Ukraine": a day named by what happened on it, with no year said.
        date_from, date_to = named_dates[0]
    date_from, date_to = assembly_month(text, date_from, date_to)
    if TUNING.since_month and date_to and len(named_dates) <= 1 \
            and re.search(rf"\bsince\s+(?:(?:early|late|mid)[- ])?(?:{MONTH_RE})\b", text, re.IGNORECASE):
        date_to = None  # "jobs added since January 2021": a time counted from, as "since 2016" is, not the month of the contact
    carried = False
    own_time, named = date_from is not None, bool(people)
    earlier_order = earlier_kind = None
    turn_countries: list[str] = []
    if history and (not people or (FOLLOW_UP_HIM if TUNING.him_follows else FOLLOW_UP).search(text)):
        # "Did they discuss fentanyl?", "And with Japan?": who (and when) come from the turns before.
        from_turns: list[Person] = []
        later = None
        for turn in reversed(history[-2:]):
            earlier = people_in(turn.question, names)
            aside = ASIDE.search(turn.question)
            if aside:  # "Whom did he meet besides Zelenskyy?": Zelenskyy is not who "he" is
                earlier = tuple(p for p in earlier if p.words.lower() not in aside.group(1).lower())
            if from_turns and not all(any(set(p.names) & set(q.names) for q in earlier) for p in from_turns) \
                    and not (TUNING.new_counterpart and later and PRONOUN.search(later)):
                # an earlier turn about other people: a different thread of the conversation (unless the turn
                # after it said "she" of someone it named: "Whom did Harris meet in Tokyo?", "What did she
                # discuss with Kishida?")
                break
            later = turn.question
            people = people + tuple(p for p in earlier if not any(set(p.names) & set(q.names) for q in people))
            from_turns += [p for p in earlier if not any(set(p.names) & set(q.names) for q in from_turns)]
            if date_from is None:
                date_from, date_to = read_dates(turn.question, TUNING.event_times)
            earlier_order = earlier_order or order_of(turn.question, "when")
            earlier_kind = earlier_kind or kind_of(turn.question)
            if earlier:
                # "Which Singaporean minister did Sullivan meet ...?" then "What did they discuss?": the country
                # of the contact asked about, as its people and time.
                turn_countries += [c for c in countries_of(turn.question, earlier) if c not in turn_countries]
            carried = carried or bool(earlier)
            if earlier and len(from_turns) > 1:
                break  # "Did Biden mention sanctions?" carries on from the turn that named both
    if len(people) == 1:
        # One person named: the frequent one is meant ("Biden" alone is Joe Biden). With two or more, the
        # readouts they share sort the spellings out ("Truss" is Liz or Elizabeth Truss, both kept).
        people = tuple(Person(p.words, dominant_names(p, names) or p.names) for p in people)
    speaker = None
    said = re.search(r"\bwhat did ([\w .'’-]+?) (say|tell|stress|raise|emphasize|emphasise|note|propose|express)",
                     text, re.IGNORECASE)
    if said and not re.search(r"\b(and|both|they|the two)\b", said.group(1), re.IGNORECASE) \
            and not (TUNING.contact_not_speaker and _A_CONTACT.search(said.group(1))):
        speaker = next((p for p in people if p.words.lower() in said.group(1).lower()
                        or said.group(1).lower() in p.words.lower()), None)
    # "Which gathering later that week came up?": the time of the thing asked for, not of another contact.
    timed = SAID_WHEN.sub(" ", text) if TUNING.said_when else text
    order = order_of(timed, intent)
    kind = kind_of(text)
    moved = False
    if history and not own_time:
        date_from, date_to, order, moved = time_from_thread(timed, date_from, date_to, order, thread)
    if history and not moved and REFERS.search(text) and order is None:
        # "What did he announce at that meeting?" after "the first time they met in person that year".
        order, kind = earlier_order, kind or earlier_kind
    read = read_topic(text, intent, kind, people)
    topic, exclude, places, kind, intent = read.topic, read.exclude, read.places, read.kind, read.intent
    company, setting = read.company, read.setting
    # What the conversation last cited: a plain-string turn after it ("Which launch did he condemn?") carries
    # no citations of its own, and the thread is still about that readout.
    last_cited = next((turn for turn in reversed(history) if turn.cited), None)
    cited = tuple(dict.fromkeys(last_cited.cited)) if last_cited else ()
    if TUNING.thread_things and cited and not named and intent in ("list", "how_many") and not CONTACTS_ASKED.search(text):
        # "Which countries only attended as observers?" after a turn answered from the alliance's launch: what that
        # readout says, not a list of the people's contacts
        intent = "discuss"
    # A date the filters set wins over one the question implies (filters are what the user chose).
    # Not for another contact ("Whom did he call right afterwards?"): its country is what is asked.
    other = next_contact(text) or RELATIVE_BEFORE.search(text) or re.match(r"\s*(?:and\s+)?(?:who|whom)\b", text, re.I)
    countries = countries_of(text, people) or (tuple(turn_countries) if TUNING.turn_countries and not other else ())
    if TUNING.their_region:
        # "the two Nordic states' right to choose" of Biden's call with Sweden and Finland: a region that holds the
        # countries of the people asked about describes them, as their countries' names would; no topic word.
        topic = tuple(t for t in topic if not set(REGIONS.get(t, ())) & set(countries)) or topic
    return Question(text, intent, people, countries, speaker,
                    filters.date_from or date_from, filters.date_to or date_to, order,
                    kind, topic, filters, cited, carried, all_dates(timed_text), exclude, places, subject_of(text, topic),
                    named, moved or bool(history and own_time),
                    company, setting)


def capitalised(word: str, text: str) -> bool:
    """Whether the question writes a topic word with a capital, not as the first word of a sentence."""
    for match in re.finditer(rf"\b{re.escape(word)}", text, re.IGNORECASE):
        before = text[:match.start()].rstrip()
        if match.group()[0].isupper() and before and not before.endswith((".", "?", "!", ":")):
            return True
    return False
