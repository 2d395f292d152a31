"""A question read once: who it is about (resolved against the index's participants), when, what
order (first/last), what topic, and what kind of answer it wants. Every later step reads this.

The rules are plain and visible on purpose: each decision they make shows up in `Question` and so
in the answer's notice, where a wrong reading can be seen and a test can pin it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.countries import capital_country, capital_of, country_of, fold
from index.participants import OFFICE_WORDS
from index.query import MONTH_PART_RE, MONTH_RE, PART_RE, lexical_terms, read_dates, stem
from index.types import Filters, Turn

from .dates import all_dates, event_words
from .intent import ALONE, EACH_CONTACT, GROUP, KIND_WORDS, SETTINGS, WITH_GROUP, company_of, intent_of, kind_of, order_of, setting_of
from .parties import (ASIDE, OFFICE_START, WHO_WORDS, countries_of, described_countries, described_words,
                      describes_thing, holder_words, office_countries)
from .parts import ABOUT, scene_and_ask, subject_of, subject_words  # scene_and_ask is used from here by qa.ask and the tests too
from .people import Names, Person, dominant_names, people_in
from .thread import (CONTACTS_ASKED, FOLLOW_UP, FOLLOW_UP_HIM, PRONOUN, REFERS, RELATIVE_BEFORE,
                     RELATIVE_WORDS, SAID_WHEN, next_contact, time_from_thread)
from .tuning import TUNING
from .verbs import IRREGULAR

TIME_PHRASE = re.compile(rf"\b((?:the\s+)?(?:{PART_RE}|{MONTH_PART_RE}))[- ](?:of\s+)?(?:(?:{MONTH_RE})\.?,?\s+)?(?:of\s+)?\d{{4}}\b",
                         re.IGNORECASE)
DATING_EVENT = re.compile(r",\s*(?:just\s+)?(?:the|a|one|two|three) (?:days?|weeks?|months?) (?:after|before) ([^,?;]+)|"
                          # "after its May 25, 2022 launches": the event after a day named is when, not what
                          r"\b(?:after|following|before) (?:the|its|his|her|their) (?:[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?|\d{4}) "
                          r"((?:[a-z-]+ ){0,1}[a-z-]+)\b|"
                          # "first ... after taking office", "since his inauguration": when, counted from an office
                          r"\b(?:after|since|upon|on) ((?:(?:taking|assuming|entering) office)|(?:his|her|their) "
                          r"(?:inauguration|swearing-in|election))\b")
# Words that only frame the question ("What did ... discuss", "according to these readouts").
FRAME = frozenset("""times time many often first last latest earliest recent recently most according readout readouts
these those contact contacts spoke speak talked talk raised raise stressed stress emphasized emphasize said say side
sides leader leaders official officials counterpart counterparts both two happen happened date day year month
list name which who when how whom whose did do does was were is are has have had conversation conversations
government governments country countries differ difference differences compare versus between cover covered
each other days week weeks months years one account accounts dr mr mrs ms kind sort
besides else much held ahead argue argued argues point pointed points insisted insist came come comes highlight highlighted highlights changed address addressed addresses
prompted prompt prompting take get done doing characterize characterise characterized characterised want wants wanted
""".split()) | frozenset(KIND_WORDS) \
    | (frozenset(("format",)) if TUNING.format_word else frozenset()) \
    | (frozenset(("audience",)) if TUNING.audience_word else frozenset()) \
    | (frozenset(("exactly", "exact", "precisely", "precise", "dates")) if TUNING.exact_dates else frozenset())
# ("the C5+1 format": the group is the topic; "his audience with Pope Francis": the contact itself, as "meeting" is;
# "When exactly was he there?", "the exact dates of the trip": how precisely, not what)
_US_OR_ANYONE = frozenset("us usa anyone anybody someone somebody anything something".split())
ASKING = re.compile(r"\b(bring|brings|bringing|brought|touch|touches|touching|touched)\s+(?:up|on|upon)\b|"
                    r"\b(occasion|purpose|reason|aim|objective)s?\s+(?:of|for|behind)\s+(?:the|that|this|his|her|their)\s+"
                    r"(?:[\w-]+\s+)?(?:call|meeting|visit|trip|conversation|talks|session|summit|travel)\b", re.IGNORECASE)
HOW_LONG = re.compile(r"\bhow long\b", re.IGNORECASE)
MANNER = re.compile(r"\b(?:right|straight) away\b|\bat once\b|\bas soon as possible\b|\bwithout delay\b", re.IGNORECASE)
SOURCE = re.compile(r"\b(?:White House|State Department|Department of State)\b")
SAID_CONTACT = re.compile(r"^\s*(?:[^,?]*,\s*)?(?:what|which)\s+((?:[a-z-]+\s+){0,2}?(?:visits?|meetings?|calls?|trips?))\s+(?:did|does|do|was|"
                          r"were|had|has|have|will|would)\b[^?]*?\b(?:discuss|mention|point|announce|raise|welcome|plan|"
                          r"preview|note|highlight|look(?:ed|s)? forward|invite|confirm|refer|recall|express)", re.IGNORECASE)
AGENT = re.compile(r"^\s*(?:[^,?]*,\s*)?(?:what|which \w+|how)\s+did\s+((?:(?!did\b|and (?:what|which|how|who|whom|whose|where|why)\b)[^?\s]+\s+){0,11}?"
                   r"[^?,\s]+)\s+(?:discuss|talk|say|agree|stress|"
                   r"emphasi[sz]e|raise|review|address|cover|exchange|announce|pledge|commit)\b", re.IGNORECASE)


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


def sentence_words(sentence: str) -> set[str]:
    """A sentence's words (stemmed) and the initials of its runs of capitalised words, so that "IMF" in a
    question finds "the International Monetary Fund"."""
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
    return words


# "What did his call with Netanyahu on November 14 stress": the contact says it, not the person it was with.
_A_CONTACT = re.compile(r"\b(?:call|calls|meeting|meetings|readout|readouts|visit|conversation|statement)\b", re.IGNORECASE)


# ... also after a capital "At"/"In" opening the question, and after "the" and a year ("At the 2023 Vilnius NATO summit")
_PLACE_FORMS = r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+(?:19|20)\d\d\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"


def _place_name(found: str) -> str:
    """The place of "Vilnius NATO" (a body's initials after it name the event, not where it was)."""
    words = found.split()
    return words[0] if TUNING.place_forms and len(words) == 2 and re.fullmatch(r"[A-Z0-9+-]{2,}", words[1]) \
        and not re.fullmatch(r"[A-Z0-9+-]{2,}", words[0]) else found


def places_of(text: str) -> tuple[str, ...]:
    """Places a question names after "in" or "at" ("in Honolulu", "in Peru"), months aside; a capital by its
    country ("in the Italian capital": Rome)."""
    found = re.finditer(_PLACE_FORMS if TUNING.place_forms else r"\b(?:in|at)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", text)
    places = tuple(_place_name(m.group(1)) for m in found
                   if not re.fullmatch(MONTH_RE, m.group(1).split()[0], re.IGNORECASE)
                   # "at President Biden's C5+1 summit": whose event, not where (a country's stays: "in Japan's capital")
                   and not (TUNING.whose_event and re.match(r"['’]s\b", text[m.end():]) and not country_of(m.group(1))))
    if TUNING.capital_venue:
        cities = (capital_of(country_of(m.group(1)) or "") for m in re.finditer(
            r"\b(?:in|at|to)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s?)?\s+capital\b", text))
        places += tuple(c for c in cities if c and c not in places)
    return places


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
    date_from, date_to = read_dates(text, TUNING.event_times)
    named_dates = all_dates(text)
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
    words = [w for w in lexical_terms(text) if not RELATIVE_WORDS.fullmatch(w)]
    person_words = {re.sub(r"['’]s$", "", w.lower()) for p in people for w in re.findall(r"[\w'’-]+", p.words)}
    said_about = subject_words(text)
    # Demonyms describe who ("the Ukrainian foreign minister"); a country's own name may be the topic ("Taiwan").
    country_words = {w.lower() for w in re.findall(r"[\w'’-]+", text)  # not "IMF": a body's own name
                     if country_of(w) and fold(country_of(w)).lower() != fold(w).lower() and not w.isupper()
                     and not (TUNING.alias_topic and w.lower() in said_about and _place_noun(w, text))
                     and not (TUNING.demonym_thing and describes_thing(w, text))} \
        | {re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[\w'’-]+", text)
           if (capital_country(bare := re.sub(r"['’]s$", "", w)) or TUNING.washington_actor and bare == "Washington")
           # a capital is its government ("Kyiv's needs", "Washington and Jerusalem"), except as what was
           # discussed ("about Jerusalem")
           and not (w.lower() in said_about and not re.search(r"['’]s$", w))}
    if TUNING.described_countries:
        country_words |= {w for _, words in described_countries(text) for w in words}
    if TUNING.office_country:
        # "Thailand's Foreign Minister Don Pramudwinai", "Israel's national security adviser Tzachi Hanegbi": whose
        # office, as "South Korea's" below (not "Taiwan's defense when he met Xi")
        country_words |= {c for p in people for c in office_countries(p.words, text)}
    # Two-word names: "South Korean" describes who (both words go), "North Korea" is a country's own name (both stay).
    for first, second in re.findall(r"\b([A-Z][a-z]+) (?=([A-Z][a-z]+)\b)", text):
        country = country_of(f"{first} {second}")
        if country and fold(country).lower() == fold(f"{first} {second}").lower():
            if TUNING.country_office and re.search(rf"\b{first} {second}['’]s\s+(?:new\s+|then\s+)?{OFFICE_START}\b", text,
                                                   re.IGNORECASE):
                country_words |= {first.lower(), second.lower()}  # "South Korea's Foreign Minister": whose office
                continue
            country_words -= {first.lower(), second.lower()}
        elif country and country_of(second) and fold(country_of(second)).lower() != fold(second).lower():
            country_words |= {first.lower(), second.lower()}  # the second word a demonym ("Korean", not "Ireland")
        elif country_of(first) and fold(country_of(first)).lower() != fold(first).lower() and not country_of(second) \
                and second.lower() not in OFFICE_WORDS and second.lower() not in person_words:
            country_words -= {first.lower()}  # a demonym opening a name ("the Korean Peninsula"), not an office
    # "In which city ...", "What kind of facility ...": the noun after the question word is what is asked for.
    asked = re.match(r"^\s*(?:in |at |on |for |from |to )?(?:which|what)(?: kind of| sort of| type of)? ([a-z]+)\b",
                     text.lower())
    answer_type = {asked.group(1)} if asked and asked.group(1) not in ("did", "does", "do", "was", "were", "is",
                                                                        "are", "has", "have", "had") else set()
    # "What else ... besides Passover?": what follows asks to be left out, it is not the topic.
    aside = ASIDE.search(text)
    # A word also asked about outside the aside stays asked ("how much humanitarian assistance ..., and what did
    # they call for besides more international assistance?": "assistance" is asked, "international" is not).
    elsewhere = set(lexical_terms(text[:aside.start()] + " " + text[aside.end():])) if aside else set()
    exclude = tuple(w for w in lexical_terms(aside.group(1)) if w not in FRAME and w not in elsewhere) if aside else ()
    # "What upcoming visit did Sullivan discuss with Hulata?", "what visit did Biden point to": a contact asked
    # about as a thing said, not the kind of contact the question is about.
    scene, asked_part = scene_and_ask(text)
    said_contact = SAID_CONTACT.search(asked_part) if TUNING.said_contact else None
    kept = set(lexical_terms(said_contact.group(1))) if said_contact else set()
    if said_contact:
        kind = None
        intent = "discuss" if intent in ("list", "how_many") else intent  # "Which upcoming meetings did they welcome?"
    topic = tuple(w for w in words if (w not in FRAME or w in kept) and w not in exclude and w not in person_words
                  and w not in country_words and (w not in answer_type or w in kept)
                  and not re.fullmatch(r"\d{4}|\d{1,2}|\d{1,2}[-–]\d{1,2}", w) and w not in _MONTHS
                  and not (TUNING.hyphen_time and "-" in w and all(p in _MONTHS or p.isdigit() for p in w.split("-"))))
    if not topic and answer_type and not people and TUNING.type_topic:
        # "What record did the officials point to?", naming no one: the kind of thing asked for is all there is to find
        topic = tuple(w for w in words if w in answer_type and w not in FRAME)
    if TUNING.office_holder:
        # "the outgoing president", "the incoming premier": which holder of an office the question means, not
        # what was discussed (an office word after it is no topic word already)
        holder = holder_words(text)
        topic = tuple(w for w in topic if w not in holder) or topic
    if TUNING.asking_words:
        # "did he bring up the midterms?", "did they touch on Haiti?": a way of asking "discuss", no topic word; nor
        # "the occasion for the call", which asks why it took place (the lead says)
        found = list(ASKING.finditer(text))
        asking = {w for m in found for w in lexical_terms(m.group(1) or m.group(2))}
        # (only why: the lead answers it whole; "did he bring up X" without X is no question)
        topic = tuple(w for w in topic if w not in asking) or (() if any(m.group(2) for m in found) else topic)
    if TUNING.us_not_topic:
        # "What help was the US sending?": the US is a side of every contact here, as "the President" is; and
        # "anyone", "something" ask for what, they are not it.
        topic = tuple(w for w in topic if w not in _US_OR_ANYONE) or topic
    places = places_of(text)
    # "in Honolulu", "at COP28": where selects readouts (qa.evidence), as when does; it is not the topic
    # (but "the conflict in Ethiopia" is: a country stays).
    topic = tuple(w for w in topic if w not in {w for p in places if not country_of(p) for w in lexical_terms(p)}) or topic
    # "at their White House meeting", "the State Department readout": where a contact took place or which
    # source told it, not what was discussed.
    sourced = {w for m in SOURCE.finditer(text) for w in lexical_terms(m.group())}
    topic = tuple(w for w in topic if w not in sourced) or topic
    # "October 8, 2023, the day after the Hamas attack, and ...": an event that dates a contact, not its topic.
    dating = {w for m in DATING_EVENT.finditer(text) for w in lexical_terms(m.group(1) or m.group(2) or m.group(3))}
    topic = tuple(w for w in topic if w not in dating)
    if TUNING.event_words and (evented := event_words(text)):  # "Four days into Moscow's war, ...": when, not what
        topic = tuple(w for w in topic if w not in evented) or topic
    # "at the end of February 2022", "in the closing days of 2021": when, not what was discussed
    timing = {w for m in TIME_PHRASE.finditer(text) for w in lexical_terms(m.group(1))} if TUNING.time_words else set()
    topic = tuple(w for w in topic if w not in timing) or topic
    counted = intent in ("list", "how_many", "when")
    company = company_of(text) if TUNING.company and counted else None
    setting = setting_of(text) if TUNING.settings and counted else None
    if counted:
        # "one-on-one", "not counting the trilateral", "at the White House", "virtual": whom a count counts and
        # where, not what was discussed
        rules = ((ALONE, GROUP, WITH_GROUP) if TUNING.company else ()) + ((SETTINGS[setting],) if setting else ())
        whom = {w for rule in rules for m in rule.finditer(text) for w in lexical_terms(m.group())}
        topic = tuple(w for w in topic if w not in whom)
    if setting == "virtual":
        kind = None  # a virtual meeting is a call in the metadata, or a meeting
    if TUNING.manner_words:
        # "urge them to do right away", "at once", "as soon as possible": how soon, which a readout says in its own
        # words ("immediately"); not what was asked about
        manner = {w for m in MANNER.finditer(text) for w in lexical_terms(m.group())}
        topic = tuple(w for w in topic if w not in manner) or topic
    if TUNING.how_long and HOW_LONG.search(text):
        topic = tuple(w for w in topic if w != "long")  # "how long had it held?": a duration asked for, as "when" is
    # "What did Blinken and the visiting African foreign ministers discuss about food security?": the words
    # that describe who spoke are not what was said (unless said again after "about").
    agent = AGENT.search(text) if TUNING.agent_words else None
    if agent:
        who = {w for w in lexical_terms(agent.group(1)) if w in WHO_WORDS or country_of(w)} - said_about
        topic = tuple(w for w in topic if w not in who) or topic
    if TUNING.described_words:
        # "that U.S. envoy Sung Kim attended", "Princess Reema, Saudi Arabia's ambassador in Washington, and ...": an
        # office right before a person's name, or a phrase after it that names one, says who they are, not what
        # was said.
        topic = tuple(w for w in topic if w not in described_words(text, people) - said_about) or topic
    # The scene ends where a second question starts ("... when he hosted Duda and Tusk, and which
    # helicopters did he offer?").
    trailing = re.search(r"(?:,\s*|\s)(?:when|while|during|as) (?:he|she|they|the|their|his|her|we|it|[A-Z])"
                         r"(?:(?!,\s*and\s+(?:what|which|how|who|whom|where|why)\b)[^?])*", asked_part)
    if trailing and re.match(r"^\s*(what|which|how|who|where)\b", asked_part, re.IGNORECASE):
        # "What did he want to grow with American firms when he sat down with Sullivan during the summit?":
        # a scene after the question as well as before it.
        scene, asked_part = f"{scene} {trailing.group()}", asked_part[:trailing.start()]
    if scene:
        # The scene ("When she saw Herzog in Munich, ...") selects the readout, as names and time do; the
        # sentences to quote answer the question proper, when it has words of its own.
        scene_words = set(lexical_terms(scene)) - set(lexical_terms(asked_part))
        topic = tuple(w for w in topic if w not in scene_words) or topic
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
    return Question(text, intent, people, countries, speaker,
                    filters.date_from or date_from, filters.date_to or date_to, order,
                    kind, topic, filters, cited, carried, all_dates(text), exclude, places, subject_of(text, topic),
                    named, moved or bool(history and own_time),
                    company, setting)


def _place_noun(word: str, text: str) -> bool:
    """Whether a country's other name stands as a place in the question ("the crisis in Myanmar", "about Türkiye"),
    not as an adjective before a noun ("Burmese refugees")."""
    raised = r"|(?:bring|brings|bringing|brought)\s+up|raise|raises|raised|raising|mention|mentions|mentioned" \
        if TUNING.raised_place else ""
    # a lower-case word after it makes the name an adjective ("Burmese refugees"), but not a word that ends the
    # phrase ("bring up Myanmar when he met ...")
    follows = r"(?!(?:when|while|with|at|in|on|during|and|or|to|for|before|after|as|since)\b)" \
        if TUNING.raised_place else ""
    return re.search(rf"\b(?:in|about|on|regarding|concerning|over|toward|towards{raised})\s+{re.escape(word)}"
                     rf"(?:['’]s)?(?![\w'’-]|\s+{follows}[a-z])", text) is not None


def capitalised(word: str, text: str) -> bool:
    """Whether the question writes a topic word with a capital, not as the first word of a sentence."""
    for match in re.finditer(rf"\b{re.escape(word)}", text, re.IGNORECASE):
        before = text[:match.start()].rstrip()
        if match.group()[0].isupper() and before and not before.endswith((".", "?", "!", ":")):
            return True
    return False


_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec early late mid spring summer autumn fall winter""".split())
