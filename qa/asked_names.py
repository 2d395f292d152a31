"""The people a question names, checked against how it spells them: the words of their full names, a name spelled
another way, given names that are none of theirs ("Lina Khan"), and full names after an office that no participant
has ("Prime Minister Anwar Ibrahim")."""
from __future__ import annotations

import re

from index.countries import capital_country, country_of, fold
from index.query import GENERIC, STOPWORDS

from .people import Names, Person
from .spelling import alike, given_in, given_words, name_words, spelled_alike
from .tuning import TUNING


def full_name_words(people: tuple[Person, ...]) -> set[str]:
    """The lower-case words of the full names of the people asked about ("antony", "blinken")."""
    return {w.lower() for p in people for n in p.names for w in re.findall(r"[\w'’-]+", n)}


def spelled_words(person: Person) -> set[str]:
    """The words of a person as asked that spell a word of their names another way ("zelensky" of Zelenskyy)."""
    words = {w for n in person.names for w in name_words(n)}
    asked = [fold(w).lower() for w in re.findall(r"[\w'’-]+", person.words)]
    return {w for w in asked if len(w) >= 5 and any(spelled_alike(w, x) for x in words)}


def asked_name(person: Person, family: str) -> str:
    """The person's name as asked, given names and all ("Simon Harris"), where every one of their names has those
    given names (not "Presidents Biden"); else the family name alone."""
    given = given_words(person.words, family)
    whole = bool(given) and all(len(name_words(n)) > 1 and given_in(given, family, n) for n in person.names)
    return " ".join(given + [family]) if whole else family


def given_unmet(people: tuple[Person, ...]) -> list[tuple[str, list[str]]]:
    """Names as asked ("Imran Khan", "Mansour bin Zayed") whose family name is a participant's but whose given
    names no spelling of any of those people's names has ("Lina Khan"): someone else, unless a paragraph has them.
    Each as (the name from its first given word, the given words)."""
    out = []
    for person in people:
        family = re.sub(r"['’]s$", "", person.words.split()[-1]) if person.words.split() else ""
        given = given_words(person.words, family) if family and not person.inferred else []
        if not given or not all(any(alike(w, x) for w in name_words(family) for x in name_words(n)) for n in person.names):
            continue  # (someone found by another word than the last one asked)
        if not any(given_in(given, family, n) for n in person.names):
            out.append((re.sub(r"['’]s$", "", person.words[person.words.find(given[0]):]), given))
    return out


# An office or honorific, then a name of two or three capitalised words ("Prime Minister Anwar Ibrahim").
_TITLED_NAME = re.compile(r"\b(?:(?:Prime|Foreign|Defense|Defence|Deputy|Vice|Crown|Secretary|General|Minister|President|"
                          r"Advisor|Adviser|Director|Chief|head|Head|"
                          r"Chancellor|King|Queen|Sultan|Emir|Amir|Sheikh|Prince|Premier|Ambassador|Envoy|"
                          r"Governor|Senator|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)+"
                          r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")


_PLACED_NAME = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")


def unresolved_names(text: str, people: tuple[Person, ...], names: Names) -> tuple[tuple[str, str], ...]:
    """Full names after an office ("Prime Minister Anwar Ibrahim") that none of the resolved people's words
    overlap and whose last word is no participant's family name, however spelled: someone the participants
    do not know, whose parts may each be someone else's (Anwar Gargash, Ibrahim Kalin). Each as (the office's
    last word, the name): ("Minister", "Anwar Ibrahim")."""
    said = {w.lower() for p in people for w in re.findall(r"[\w'’-]+", p.words)}
    out = []
    # ... or after a country's possessive ("South Korea's Lee Jae-myung")
    placed = [m for m in _PLACED_NAME.finditer(text) if country_of(m.group(1)) or capital_country(m.group(1))] \
        if TUNING.placed_names else []
    for m in [*_TITLED_NAME.finditer(text), *placed]:
        name = re.sub(r"['’]s$", "", m.group(m.lastindex))
        if TUNING.possessive_split and re.search(r"['’]s\s", name):
            continue  # "the Vice President's Las Vegas convening": an office's possessive, then a place
        words = name.split()
        if any(w.lower() in said for w in words) or any(country_of(w) for w in words) \
                or any(w.lower() in GENERIC or w.lower() in STOPWORDS for w in words) or names.family_like(words[-1]):
            continue
        out.append((m.group(0)[:m.start(m.lastindex) - m.start()].split()[-1], name))
    return tuple(out)
