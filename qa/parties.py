"""Which countries a question names as parties to the contact ("Qatar's Deputy Prime Minister", "the country
across the Rio Grande"), as against what was discussed ("on Russia's build-up against Ukraine") and what is left
out ("besides the war in Ukraine")."""
from __future__ import annotations

import re

from index.countries import (COUNTRIES, EPITHETS, ORGANISATIONS, capital_country, country_of, epithet_alternation,
                             epithet_key, fold)
from index.name_tokens import CORE_OFFICES, OFFICE_WORDS
from index.participants import US
from index.query import lexical_terms

from .people import Person
from .tuning import TUNING

# "besides Passover", "other than Zelenskyy": what follows is left out (not the topic, not who, not where).
# ... and "Beyond defence ties, what did they ...?" opening the question (TUNING.beyond_aside)
ASIDE = re.compile(r"(?:\b(?:besides|other than|apart from|aside from|except(?: for)?)"
                   + (r"|^\W*beyond" if TUNING.beyond_aside else "") + r")\s+([^,;?.]+)", re.IGNORECASE)


# Before a country, what a contact was about, not who took part ("on Russia's build-up", "about Venezuela")
_ON = re.compile(r"\b(?:on|about|over|regarding|concerning|against)\s+(?:the\s+)?$", re.IGNORECASE)
# "about Russia and Ukraine", "on China, Iran and North Korea": each country of the list is what was discussed
_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_AND = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
# ... and one inside what was talked about ("about the Russian threat to Ukraine"), up to where the clause turns to who,
# when or where ("about trade with Japan's prime minister": Japan is a party)
_IN_ABOUT = re.compile(r"\b(?:about|regarding|concerning)\s+(?:(?!\b(?:with|when|while|during|at|in|on|and|or)\b)[^,;?])*?"
                       r"\b(?:to|of|for|in|on|against|toward|towards|from|over|with)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_LIST = re.compile(rf"\b(?:on|about|over|regarding|concerning|against)\s+{_NAME}(?:{_AND}{_NAME})*{_AND}(?:the\s+)?$")
# After an organisation's name, a gathering it holds ("UN climate summit", "UN General Assembly" is a run of its own)
_EVENT = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(?:summit|conference|convention)\b")
# A gathering held in a capital ("the yearly gathering of Asia-Pacific leaders held in the Cambodian capital"): its host
# is no more a party than the other countries there.
_GATHERING_IN = re.compile(r"\b(?:summit|gathering|conference|forum|ministerial|meetings? of \w+ leaders)\b[^,;?]{0,60}?"
                           r"\b(?:held|hosted|convened)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_CAPITAL_THING = re.compile(r"\s+(?:mission|airlift|evacuation|embassy|airport|operation|process|format|talks|"
                            r"declaration|agreement|accords?|protocol|communiqu[eé])\b")
# "his European counterparts", "European allies": people from Europe (the UK too), not the EU's institutions.
_PEOPLE_AFTER = re.compile(r"\s+(?:counterparts|leaders|allies|partners|colleagues|ministers|officials|nations|"
                           r"countries|governments|capitals)\b")
# "in the Italian capital", "in Japan's capital": where a contact took place (see countries_of)
CAPITAL_AFTER = re.compile(r"\s+capital\b")
# After a capital, a gathering held there ("the Bangkok Asia-Pacific gathering", "the Brussels summit")
_HELD = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(?:summit|conference|convention|gathering|forum|ministerial)\b")

# Before the UN General Assembly as a venue: "at UNGA", "on the margins of the UN General Assembly"
_AT_VENUE = re.compile(r"\b(?:at|margins of|sidelines of)\s+(?:the\s+)?(?:(?:UN|U\.N\.|United Nations)\s+)?$")

_ACRONYMS = frozenset(name.lower() for canonical, aliases in list(COUNTRIES.items()) + list(ORGANISATIONS.items())
                     for name in (canonical, *aliases) if name.isupper() and len(name) <= 3)


# Countries said by where they lie from the United States ("the country across the Rio Grande", "America's
# southern neighbour"): how an analyst writes of Mexico and Canada without naming them.
DESCRIBED_COUNTRIES = (
    (re.compile(r"\b(?:across|beyond|over|south of) the Rio Grande\b|\b(?:America|the United States|the U\.S\.|"
                r"Washington)['’]s? southern neighbou?r\b|\bsouthern neighbou?r of the United States\b", re.I), "Mexico"),
    (re.compile(r"\b(?:America|the United States|the U\.S\.|Washington)['’]s? northern neighbou?r\b|"
                r"\bnorthern neighbou?r of the United States\b|\bnorth of the 49th parallel\b", re.I), "Canada"),
    (re.compile(r"\bthe Jewish state\b", re.I), "Israel"),
)
# Seats of government, which name a government (and are said with "in": "the man in Zhongnanhai")
SEATS = frozenset({"elysee", "élysée", "quai d'orsay", "downing street", "whitehall", "blue house", "zhongnanhai"})
EPITHET = re.compile(r"\b(?:the\s+)?(" + epithet_alternation(EPITHETS) + r")\b(?!\s+of\b)", re.I)


_WHERE = re.compile(r"\b(?:in|at|near|across|around|within|from)\s+(?:the\s+(?:(?:far\s+)?(?:north|south|east|west)(?:ern)?|"
                    r"heart|centre|center|capital)\s+of\s+)?$", re.IGNORECASE)


def epithet_country(phrase: str) -> str | None:
    """The country an epithet names ("the Alpine principality" -> Liechtenstein), or None."""
    found = EPITHET.fullmatch(phrase.strip()) if TUNING.epithets else None
    return _BY_KEY[epithet_key(found.group(1))] if found else None


_BY_KEY = {epithet_key(e): country for e, country in EPITHETS.items()}  # ("boot-shaped peninsula": "boot shaped ...")


def described_countries(text: str) -> list[tuple[str, set[str]]]:
    """The countries a question describes (DESCRIBED_COUNTRIES) and the words that describe each."""
    found = [(country, set(lexical_terms(m.group()))) for rule, country in DESCRIBED_COUNTRIES for m in rule.finditer(text)]
    if TUNING.epithets:
        # (not where a contact took place: "a gathering ... in the north of the Land of Smiles")
        # (a seat of government is said with "in" as who: "the man in Zhongnanhai")
        found += [(_BY_KEY[epithet_key(m.group(1))], set(lexical_terms(m.group(1))))
                  for m in EPITHET.finditer(text) if not _WHERE.search(text, 0, m.start()) or epithet_key(m.group(1)) in SEATS]
    return found


# The first word of an office ("South Korea's Foreign Minister", "Saudi Arabia's crown prince", "New Zealand's top diplomat")
OFFICE_START = (r"(?:prime|foreign|president|vice|king|queen|crown|emir|amir|sultan|chancellor|premier|defen[cs]e|"
                 r"finance|national security|deputy|ambassador|envoy|leaders?|head|top|chief|ministers?|secretary|government)")
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_OFFICE_AFTER = re.compile(r"(?:['’]s?)?\s+(?:new\s+|then[- ]|former\s+)?" + OFFICE_START + r"\b", re.IGNORECASE)
_WATERS = frozenset("Sea Seas Strait Straits Gulf Ocean Canal".split())


# A run of up to three capitalised words, "d'" before one of them ("Côte d'Ivoire's prime minister")
_CAPITALISED_RUN = r"\b[A-Z][\w'’-]+(?: (?:d['’])?[A-Z][\w'’-]+){0,2}"


def countries_of(text: str, people: tuple[Person, ...]) -> tuple[str, ...]:
    """The countries a question names as parties to the contact, in order (not the topic's, the waters' or a
    gathering's; the United States aside)."""
    out = [country for country, _ in described_countries(text)] if TUNING.described_countries else []
    # "besides the war in Ukraine": what is left out names no country of the contact
    text = re.sub(ASIDE.pattern, "", text)  # (as written: a capital "Besides" opening the question stays)
    venues: set[str] = set()  # countries named only by their capital as where a contact was
    topical: set[str] = set()  # countries named as what the contact was about ("about Ukraine")
    parties: set[str] = set()  # ... and as a party ("with Ukraine", "Ukraine's foreign minister")
    named: set[str] = set(out)
    for found in re.finditer(_CAPITALISED_RUN if TUNING.country_particle else r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}",
                             text):
        # "Papua New Guinea", "Saudi Arabia", else each word ("Qatar's Deputy Prime Minister": Qatar)
        run, words = found.group(), found.group().split()
        if TUNING.sea_not_country and re.sub(r"['’]s?$", "", words[-1]) in _WATERS:
            continue  # "the South China Sea", "the Taiwan Strait": a place asked about, not a country of the contact
        for word in [run] + [" ".join(words[i:i + 2]) for i in range(len(words) - 1) if len(words) == 3] + \
                (words if len(words) > 1 else []):
            if TUNING.new_places and word in words[1:] and words[words.index(word) - 1] == "New":
                continue  # "New England", "New Mexico": a place of the United States, not England or Mexico
            word = re.sub(r"['’]s?$", "", word)  # "Qatar's", "Laos'"
            country = country_of(word) or capital_country(word)
            if country and not word.isupper() and word.lower() in _ACRONYMS:
                country = None  # "Who else was freed?": an acronym ("WHO", "CAR") only in capitals
            if country:
                break
        if country == "European Union" and word == "European" and TUNING.european_region \
                and _PEOPLE_AFTER.match(text, found.end()):
            continue  # "Which European counterparts did Sherman call?": the French, German, Italian and UK ones
        if country and TUNING.topic_country and (_ON.search(text, 0, found.start()) or TUNING.topic_list
                                                 and _ON_LIST.search(text, 0, found.start())
                                                 or TUNING.about_country and _IN_ABOUT.search(text, 0, found.start())
                                                 and not _WITH.search(text, 0, found.start())
                                                 and not _OFFICE_AFTER.match(text, found.end())):  # (endpos: just before it)
            topical.add(country)
            continue  # "met with senators on Russia's build-up against Ukraine": what the contact was about
        at = text.find(word, found.start()) + len(word)  # (after the country's word: "Japanese| Prime Minister Mori")
        if country and (_WITH.search(text, 0, found.start()) or _OFFICE_AFTER.match(text, at)):
            parties.add(country)
        if country in ORGANISATIONS and TUNING.event_org and _EVENT.match(text, found.end()):
            continue  # "the host of the 2022 UN climate summit": the gathering's, not a party to the contact
        if country in ORGANISATIONS and TUNING.assembly_venue and (run == "UNGA" or run.endswith("General Assembly")) \
                and _AT_VENUE.search(text[:found.start()]):
            continue  # "summit with the Central Asian presidents at UNGA": where they met, not a party to it
        # A capital said as a word before a noun (not "Beijing's", not a country's name):
        before_noun = country and not country_of(word) and not re.search(r"['’]s?$", run)
        if before_noun and TUNING.capital_event and _HELD.match(text, found.end()):
            continue  # "during the Bangkok Asia-Pacific gathering": where it was held, not who took part
        if before_noun and TUNING.capital_thing and _CAPITAL_THING.match(text, found.end()):
            continue  # "the Kabul mission", "the Brussels talks": a thing named by where it is, no party
        if country and TUNING.capital_venue and CAPITAL_AFTER.match(text, found.end()):  # (after "Japan's" too)
            venues.add(country)
            if TUNING.gathering_venue and _GATHERING_IN.search(text, 0, found.start()):
                continue  # "the yearly gathering of Asia-Pacific leaders held in the Cambodian capital": only where
            if country in out:
                continue
        elif country:
            named.add(country)
        if country and country != "United States" and country not in out:
            out.append(country)
    # "met Beijing's top diplomat in the Italian capital": a third country's capital is only where they met;
    # with no other country named, its host is the party ("her stop in the Spanish capital").
    if venues - named and set(out) - venues:
        out = [c for c in out if c not in venues or c in named]
    if TUNING.topic_country_once:
        # "call with allies about Ukraine, did they talk about fixing Ukraine's power grid?": a country the question
        # names as what was discussed is that again elsewhere in it, unless named as a party there too
        out = [c for c in out if c not in topical or c in parties]
    return tuple(out)


# Words that say who someone is (office, side, origin), not what they said.
WHO_WORDS = frozenset("""head heads leader leaders minister ministers foreign prime president presidents counterpart
counterparts partner partners official officials delegation delegations envoy envoys ambassador ambassadors visiting
visitors chief chiefs secretary secretaries team teams advisor advisers adviser advisors african european asian arab
latin caribbean pacific gulf nordic baltic indo-pacific western eastern""".split())


# An aside after a name that starts so is a clause, not who they are (", who underscored ...").
ASIDE_STARTS = frozenset("who whom whose which what how when where why and but or did does do was were is are".split())


def described_words(text: str, people: tuple[Person, ...]) -> set[str]:
    """Words that describe a person asked about: an office right before the name, or an aside after it that has
    one (", Saudi Arabia's ambassador in Washington,")."""
    out: set[str] = set()
    for person in people:
        for m in re.finditer(rf"((?:[\w.'’-]+\s+){{1,2}}){re.escape(person.words)}\b", text):
            out |= {w for w in lexical_terms(m.group(1)) if w in WHO_WORDS}
        for m in re.finditer(rf"\b{re.escape(person.words)},\s+([^,?]+)(?:,|\?|$)", text):
            # (an aside that names an office in its first words: not ", who underscored ... with partners")
            head = [w.lower() for w in m.group(1).split()[:4]]
            if head and head[0] not in ASIDE_STARTS and any(re.sub(r"['’]s$", "", w) in WHO_WORDS for w in head):
                out |= set(lexical_terms(m.group(1)))
    return out


# Words that say which holder of an office is meant ("the outgoing president", "Colombia's incoming foreign minister").
HOLDER = re.compile(r"\b(outgoing|incoming|departing|retiring|newly|sitting|current)\s+(?:elected\s+)?([a-z-]+(?:\s+[a-z-]+){0,2})",
                    re.IGNORECASE)
HOLDS = CORE_OFFICES | {"premier", "counterpart", "counterparts", "presidents", "ministers", "leaders"}


def holder_words(text: str) -> set[str]:
    """The words of `text` that only say which holder of an office is meant: "outgoing" of "the outgoing president"."""
    return {w for m in HOLDER.finditer(text) if set(m.group(2).lower().split()) & HOLDS
            for w in {m.group(1).lower()} | ({"elected"} & set(m.group(0).lower().split()))}


# Words that may stand in an office between a country's possessive and a name ("Israel's national security adviser")
_OFFICE_RUN = OFFICE_WORDS | WHO_WORDS | {"and", "of", "for", "national", "security"}


def office_countries(words: str, text: str) -> set[str]:
    """The one-word countries (lower case) written with a possessive before an office that runs up to a person's
    name or is part of it ("Thailand's Foreign Minister Don Pramudwinai")."""
    out = set()
    for name in re.finditer(re.escape(words), text):
        office = re.search(rf"\b([A-Z][a-z]+)['’]s\s+((?:[\w-]+\s+){{0,6}})$", text[:name.start()])
        if not office:
            continue
        between = office.group(2).split()
        if re.match(OFFICE_START, " ".join(between + words.split()), re.IGNORECASE) \
                and all(w.lower() in _OFFICE_RUN for w in between) \
                and fold(country_of(office.group(1)) or "").lower() == office.group(1).lower():
            out.add(office.group(1).lower())
    return out


# Nouns after a demonym that say who, not what ("Afghan officials", "the Chinese side", "the Ukrainian people").
_WHO_NOUNS = OFFICE_WORDS | WHO_WORDS | frozenset("""people peoples government governments side sides authorities
authority leadership officials delegation delegations nationals counterpart counterparts military forces regime troops
activists""".split())


def describes_thing(word: str, text: str) -> bool:
    """Whether a demonym describes a thing asked about ("help with Afghan evacuees", "Russian oil"), not who took part
    ("the Ukrainian foreign minister", "Chinese officials")."""
    after = re.search(rf"\b{re.escape(word)}((?:\s+[a-z][a-z-]+){{1,3}})", text)
    run = after.group(1).split() if after else []
    # (the words up to a noun of people: "Burmese opposition leaders" are who; not "American": "American firms",
    # "Asian American caucus" say whose, the United States being party to each)
    return bool(run) and len(run[0]) > 2 and country_of(word) != US and not any(w in _WHO_NOUNS for w in run) \
        and not re.match(r"(?:and|or|with|who|whom|when|while|about|during|after|before)$", run[0])
