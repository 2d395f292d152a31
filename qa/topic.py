"""What a question asks about: its topic words, once the words that name who, when, where, how and what kind of
answer are set aside ("What did Blinken and the visiting African foreign ministers discuss about food security?":
"food", "security"), and what it asks to leave out ("besides Passover"). Read once, by qa.question.read_question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.countries import capital_country, capital_of, country_of, fold
from index.name_tokens import OFFICE_WORDS
from index.query import MONTH_PART_RE, MONTH_RE, PART_RE, lexical_terms

from .event_days import HOLIDAY, NEAR_HOLIDAY, event_words
from .intent import ALONE, GROUP, KIND_WORDS, SETTINGS, WITH_GROUP, company_of, setting_of
from .parties import (ASIDE, OFFICE_START, WHO_WORDS, described_countries, described_words, describes_thing,
                      holder_words, office_countries)
from .parts import scene_and_ask, subject_words
from .people import Person
from .thread import RELATIVE_WORDS
from .tuning import TUNING

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
    | (frozenset(("exactly", "exact", "precisely", "precise", "dates")) if TUNING.exact_dates else frozenset()) \
    | (frozenset(("whether",)) if TUNING.whether_word else frozenset())
# ("the C5+1 format": the group is the topic; "his audience with Pope Francis": the contact itself, as "meeting" is;
# "When exactly was he there?", "the exact dates of the trip": how precisely, not what)
_US_OR_ANYONE = frozenset("us usa anyone anybody someone somebody anything something".split())
ASKING = re.compile(r"\b(bring|brings|bringing|brought|touch|touches|touching|touched)\s+(?:up|on|upon)\b|"
                    r"\b(occasion|purpose|reason|aim|objective)s?\s+(?:of|for|behind)\s+(?:the|that|this|his|her|their)\s+"
                    r"(?:[\w-]+\s+)?(?:call|meeting|visit|trip|conversation|talks|session|summit|travel)\b", re.IGNORECASE)
HOW_LONG = re.compile(r"\bhow long\b", re.IGNORECASE)
MANNER = re.compile(r"\b(?:right|straight) away\b|\bat once\b|\bas soon as possible\b|\bwithout delay\b", re.IGNORECASE)
# "Which other lawmakers were in the room?", "who else was at the table?": who was there, not a room or a table
PRESENCE = re.compile(r"\b(?:was|were|is|are|be|been|being|sat)\s+(?:(?:also|all|there|present)\s+)?(?:in the room|"
                      r"at the table|in attendance)\b", re.IGNORECASE)
SOURCE = re.compile(r"\b(?:White House|State Department|Department of State)\b")
SAID_CONTACT = re.compile(r"^\s*(?:[^,?]*,\s*)?(?:what|which)\s+((?:[a-z-]+\s+){0,2}?(?:visits?|meetings?|calls?|trips?))\s+(?:did|does|do|was|"
                          r"were|had|has|have|will|would)\b[^?]*?\b(?:discuss|mention|point|announce|raise|welcome|plan|"
                          r"preview|note|highlight|look(?:ed|s)? forward|invite|confirm|refer|recall|express)", re.IGNORECASE)
AGENT = re.compile(r"^\s*(?:[^,?]*,\s*)?(?:what|which \w+|how)\s+did\s+((?:(?!did\b|and (?:what|which|how|who|whom|whose|where|why)\b)[^?\s]+\s+){0,11}?"
                   r"[^?,\s]+)\s+(?:discuss|talk|say|agree|stress|"
                   r"emphasi[sz]e|raise|review|address|cover|exchange|announce|pledge|commit)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    """What read_topic finds: the topic words, those to leave out, the places named, and the kind of contact and
    intent as the topic's reading leaves them ("What upcoming visit did ... discuss": a visit said, not the contact)."""

    topic: tuple[str, ...]
    exclude: tuple[str, ...]
    places: tuple[str, ...]
    kind: str | None
    intent: str
    company: str | None
    setting: str | None


CASE_FOR = re.compile(r"\b(?:a|the|their|his|her|its|strong|good|clear|compelling)\s+case\s+(?:for|that|to)\b", re.IGNORECASE)


def read_topic(text: str, intent: str, kind: str | None, people: tuple[Person, ...]) -> Topic:
    """The topic of a question whose intent, kind of contact and people are read (qa.question.read_question)."""
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
    marker = set(lexical_terms(text[aside.start():aside.start(1)])) if aside else set()  # ("Beyond": no topic word)
    # "What upcoming visit did Sullivan discuss with Hulata?", "what visit did Biden point to": a contact asked
    # about as a thing said, not the kind of contact the question is about.
    scene, asked_part = scene_and_ask(text)
    said_contact = SAID_CONTACT.search(asked_part) if TUNING.said_contact else None
    kept = set(lexical_terms(said_contact.group(1))) if said_contact else set()
    if said_contact:
        kind = None
        intent = "discuss" if intent in ("list", "how_many") else intent  # "Which upcoming meetings did they welcome?"
    # "did they agree there was a case for closer work on strategy?", "made the case that": the idiom, not a topic
    idiom = {"case"} if TUNING.case_for and CASE_FOR.search(text) else set()
    topic = tuple(w for w in words if (w not in FRAME or w in kept) and w not in exclude and w not in person_words
                  and w not in idiom and w not in marker
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
    # "in Honolulu", "at COP28": where selects readouts (qa.selection), as when does; it is not the topic
    # (but "the conflict in Ethiopia" is: a country stays).
    topic = tuple(w for w in topic if w not in {w for p in places if not country_of(p) for w in lexical_terms(p)}) or topic
    # "at their White House meeting", "the State Department readout": where a contact took place or which
    # source told it, not what was discussed.
    sourced = {w for m in SOURCE.finditer(text) for w in lexical_terms(m.group())}
    topic = tuple(w for w in topic if w not in sourced) or topic
    # "October 8, 2023, the day after the Hamas attack, and ...": an event that dates a contact, not its topic.
    dating = {w for m in DATING_EVENT.finditer(text) for w in lexical_terms(m.group(1) or m.group(2) or m.group(3))}
    topic = tuple(w for w in topic if w not in dating)
    if TUNING.near_holiday:  # "just before Christmas 2023": when, as a month is
        holiday = {w for m in NEAR_HOLIDAY.finditer(text) if (h := HOLIDAY.match(text, m.end()))
                   for w in lexical_terms(h.group())}
        topic = tuple(w for w in topic if w not in holiday)
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
    if TUNING.presence_words:
        there = {w for m in PRESENCE.finditer(text) for w in lexical_terms(m.group())}
        topic = tuple(w for w in topic if w not in there) or topic
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
    return Topic(topic, exclude, places, kind, intent, company, setting)


# ... also after a capital "At"/"In" opening the question, and after "the" and a year ("At the 2023 Vilnius NATO summit")
_PLACE_FORMS = r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+(?:19|20)\d\d\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"


_EVENT_CITY = re.compile(r"\bthe\s+(?:(?:19|20)\d\d\s+)?([A-Z][\w-]+)\s+(?=[A-Z0-9+]{2,}\b|(?i:summit|conference|"
                         r"talks|ministerial|forum)\b)")


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
    if TUNING.event_city:
        # "on the sidelines of the Vilnius NATO summit", "the Madrid summit": a capital naming the event says where
        places += tuple(m.group(1) for m in _EVENT_CITY.finditer(text)
                        if capital_country(m.group(1)) and m.group(1) not in places)
    if TUNING.capital_venue:
        cities = (capital_of(country_of(m.group(1)) or "") for m in re.finditer(
            r"\b(?:in|at|to)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s?)?\s+capital\b", text))
        places += tuple(c for c in cities if c and c not in places)
    return places


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


_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec early late mid spring summer autumn fall winter""".split())
