"""A question in the words readouts use: the plain engine embeds this text, so that a paraphrase ("Beijing's top
diplomat", "the Jewish state's premier", "Washington's second-in-command") lands near paragraphs that say "China",
"Israel" and "Vice President". On the 1,087 answerable dev questions this raised the engine's Recall@5 from 0.874
to 0.910 (paraphrases 0.701 -> 0.876): 41 questions higher, none lower (docs/EVAL.md, twenty-third part).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .countries import EPITHET_KEYS, EPITHET_WORDS, capital_country, epithet_countries, epithet_key, fold
from .query import QueryHints

_CAPITAL_OWNER = re.compile(r"\b([A-Z][\w\u00C0-\u024F-]+(?: [A-Z][\w\u00C0-\u024F-]+)?)['’]s\b")

_EPITHET_SAID = re.compile(r"(?:\bthe\s+)?" + EPITHET_WORDS.pattern, re.I)  # "the Jewish state" -> "Israel"

# (not "the Central American leader")
_US = (r"(?<!Central )(?<!Latin )(?<!South )(?<!North )(?<!Anglo-)"
       r"\b(?:America['’]s|Washington['’]s|the\s+U\.S\.|U\.S\.|(?-i:US)|American|United\s+States['’])")
# US offices as paraphrases say them, in the words readouts use (the titles name no one: who held the office
# depends on the date)
US_OFFICES = tuple((re.compile(said, re.I), office) for said, office in (
    (_US + r"\s+(?:number[- ]two|no\.\s*2|second[- ]ranking|deputy)\s+diplomat", "Deputy Secretary of State"),
    (_US + r"\s+(?:new\s+)?(?:top|chief|senior|leading)\s+(?:diplomat|envoy)", "Secretary of State"),
    (_US + r"\s+(?:new\s+)?(?:number[- ]two|no\.\s*2|second[- ]in[- ]command|deputy\s+leader)", "Vice President"),
    (r"(?:White\s+House(?:['’]s)?|President['’]s)\s+(?:(?:top|chief|senior)\s+)?(?:national\s+)?security\s+"
     r"(?:advis[eo]r|chief|aide)", "National Security Advisor"),
    (_US + r"\s+(?:new\s+)?(?:leader|head\s+of\s+state|president|commander[- ]in[- ]chief)", "President"),
))


def readouts_words(question: str) -> str:
    """The question in the words readouts use, as the embedding model reads it best: a US office as readouts title
    it ("America's top diplomat": "Secretary of State"), a capital standing for its government ("Beijing's top
    diplomat") and an epithet ("the Jewish state") said as the country's name."""
    for said, office in US_OFFICES:
        question = said.sub(office, question)
    text = _CAPITAL_OWNER.sub(_country_for_capital, question)
    return _EPITHET_SAID.sub(lambda m: EPITHET_KEYS[epithet_key(m.group(1))], text)


def _country_for_capital(match: re.Match) -> str:
    said = match.group(1)  # "New Delhi", or "Phoning Beijing" at the start of a question
    if country := capital_country(said):
        return f"{country}'s"
    first, _, last = said.rpartition(" ")
    if first and (country := capital_country(last)):
        return f"{first} {country}'s"
    return match.group()


def with_epithets(hints: QueryHints, question: str) -> QueryHints:
    """The countries a question names by epithet ("the Jewish state", "the Alpine confederation") as names: their
    readouts say "Israel", "Swiss", never the epithet."""
    named = tuple(fold(c).lower() for c in epithet_countries(question))
    return replace(hints, names=tuple(dict.fromkeys(hints.names + named))) if named else hints
