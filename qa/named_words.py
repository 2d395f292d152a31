"""Whether the matching readouts say a name or country asked about under another of its forms: any of a country's
names ("North Korea" as "the DPRK", a capital as its country), initials spelled out ("IMF", "the International
Monetary Fund"), a name of several words whole; and whether a country asked about is the one the readouts' titles name.
Split from qa/refusal.py, whose topic rule asks these."""
from __future__ import annotations

import re

from index.countries import COUNTRIES, capital_country, country_names, country_of, country_pattern
from index.query import mentioned, stem

from .question import Question, sentence_words
from .tuning import TUNING
from .unsaid import demonym_places, unsaid_name


def titled_country(word: str, readouts) -> bool:
    """Whether a word is a name of a country (any of its names: "UAE", "Emirati") that more than half the readouts'
    titles name under any of its names: the contacts' country, not what was said."""
    country = country_of(word)
    form = country_pattern(country) if country else None
    return bool(form) and 2 * sum(bool(form.search(r.title)) for r in readouts) > len(readouts)


def by_initials(word: str, question_text: str, texts: dict[str, str]) -> bool:
    """An acronym of the question that a readout has as the initials of a name ("IMF" in the question, "the
    International Monetary Fund" in the readout)."""
    if not re.search(rf"\b{re.escape(word.upper())}\b", question_text):
        return False
    if any(word in sentence_words(text) for text in texts.values()):
        return True
    parts = [part for part in word.split("-") if part]
    if TUNING.compound_initials and len(parts) > 1:
        # "EU-UK talks": each part a readout's name by its initials ("the European Union and the United Kingdom")
        return all(any(re.search(initials_pattern(part), text) for text in texts.values()) for part in parts)
    # ... with "and" inside the name ("NOAA": the National Oceanic and Atmospheric Administration)
    return TUNING.initials_and and len(word) >= 3 and any(re.search(initials_pattern(word), text) for text in texts.values())


def initials_pattern(word: str) -> str:
    """A pattern for a name whose capitalised words start with the letters of `word`, "and", "of" and the like between
    them ("NOAA": the National Oceanic and Atmospheric Administration)."""
    return r"\b" + r"\s+(?:(?:and|of|for|the|on)\s+)*".join(rf"{re.escape(c.upper())}[\w'’-]*" for c in word)


THE_NORTH = re.compile(r"\bthe North(?:['’]s)?\b(?!\s+[A-Z])")  # (not "the North Atlantic", "North Macedonia")


def country_said(word: str, question: Question, texts: dict[str, str]) -> bool:
    """Whether a word of a country the question names is said in a readout under any of the country's names; a
    capital asked about ("regarding Pyongyang", "about Tehran") is said by its country's names too."""
    countries = [c for c in question.countries if word in c.lower().split()]
    if not countries and TUNING.topic_country:
        # "about North Korea" (what was discussed, so no country of the contact): said as "the DPRK"
        named = [c for c in COUNTRIES if word in c.lower().split() and re.search(rf"\b{re.escape(c)}\b", question.text, re.I)]
        countries = [name for c in named for name in country_names(c)]
    capital = capital_country(word)
    if not capital and word == "washington" and TUNING.washington_us:
        # "Washington's readiness to act": the readouts say "the U.S." (Washington is no capital_country: it is
        # also a state and a family name)
        capital = "United States"
    if capital:
        countries += list(country_names(capital))
    if word == "north" and TUNING.the_north and THE_NORTH.search(question.text):
        countries += list(country_names("North Korea"))  # "the North's missile launches": said as "the DPRK's"
    forms = [{stem(w) for w in c.lower().split()} for c in countries]
    return bool(forms) and any(any(f <= words for f in forms) for words in map(sentence_words, texts.values()))


def unsupported(named: list[str], text: str, texts: dict[str, str]) -> list[str]:
    """The capitalised topic words that no matching readout has, in any of the names of the country they
    stand for ("North Korean" is there as "the DPRK", "Kyrgyz-Tajik" as "Kyrgyzstan")."""
    # A possessive ends a run: "Poland's MiG-29" is Poland and a MiG-29, not a name of Poland's.
    runs = [part for run in re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", text) for part in re.split(r"['’]s\s+", run)]
    words_of: dict[str, set[str]] = {}
    missing = []
    for word in named:
        run = next((r for r in runs if re.search(rf"\b{re.escape(word)}", r, re.IGNORECASE)), word)
        if unsaid_name(run, named, texts):
            missing.append(word)  # "Second Thomas Shoal": a name of several words is there whole or not at all
            continue
        whole = country_of(run)
        countries = [whole] if whole else [c for c in map(country_of, re.split(r"[\s-]+", run)) if c]
        forms = [{stem(w) for w in c.lower().split()} for c in countries]
        found = False
        for key, readout_text in texts.items():
            if mentioned([word, *demonym_places([word])], readout_text):
                found = True
                break
            if forms:
                words = words_of.setdefault(key, sentence_words(readout_text))
                if any(f <= words for f in forms):
                    found = True
                    break
        if not found:
            missing.append(word)
    return missing


def possessive(country: str, text: str) -> bool:
    """Whether the text writes the country's name as a possessive ("Argentina's Vice President"): someone of it."""
    pattern = country_pattern(country)
    return bool(pattern and re.search(pattern.pattern + r"['’]s\b", text, re.IGNORECASE))


def thread_country(question: Question, texts: dict[str, str]) -> bool:
    """"Did Kyiv's war come up too?" in a thread about one contact: a country the follow-up names itself (or its
    capital), which the readouts say under any of its names (qa/evidence keeps the thread's readout for it)."""
    if not (TUNING.cited_country and question.carried and question.cited):
        return False
    words = {w.lower() for w in re.findall(r"[A-Z][\w-]+", question.text) if country_of(w) or capital_country(w)}
    return any(country_said(w, question, texts) for w in words)
