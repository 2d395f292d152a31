"""A word as an American writes it ("neighbourhood" -> "neighborhood", "self-defence" -> "self-defense",
"organised" -> "organized"): analysts in London, Canberra or Ottawa write British spellings, and the readouts are the
U.S. government's. By rule, not a table of words (qa/vocabulary_more has a few words by hand): -our, -ence of four
nouns, -ise and -isation, -yse, -tre, "programme" and a doubled final l. The rules leave alone the words that only
look British ("hour", "promise", "exercise", "genre")."""
from __future__ import annotations

import re

# -our: "labour", "neighbourhood", "favourable", "honoured" (not "hour", "four", "tour", "your", "contour", "detour")
_OUR = re.compile(r"^([a-z]{3,})our(s|ed|ing|hood|hoods|able|ably|ite|ites|ful|less|er|ers|ism)?$")
_OUR_KEPT = frozenset("contour contours detour detours devour devours velour paramour troubadour flour".split())
# -ence of the four nouns whose American form ends -ense
_ENCE = re.compile(r"^(.*?\b|)(defen|offen|licen|preten)ce(s|less)?$")
# -ise, -ised, -ising, -isation (not the words whose -ise is no suffix: "promise", "exercise", "expertise", "rise")
_ISE = re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_ISE_KEPT = frozenset("""advertis advis apprais arise chastis circumcis compris compromis concis demis despis devis
disguis enterpris excis exercis expertis franchis improvis incis merchandis otherwis likewis paradis pois porpois
practis precis premis prais promis rais reprise revis supervis surmis surpris televis tortois treatis turquois cruis
bruis nois""".split())
_YSE = re.compile(r"^(anal|paral|catal|dial)ys(e|es|ed|ing)$")
# -tre: "centre", "theatre" (not "genre", "acre", "massacre", "ogre", "mediocre", "lucre")
_TRE = re.compile(r"^(cen|thea|me|li|fib|calib|somb|spec|lus|sabre|mit|manoeuv)tre(s|d)?$")
# a doubled l before -ed, -ing, -er of the common verbs ("travelled", "cancelling", "labelled", "modelling")
_LL = re.compile(r"^(travel|cancel|label|model|fuel|signal|counsel|channel|level|total|equal|marshal|dial|"
                 r"quarrel|jewel)l(ed|ing|er|ers)$")
_WORDS = {"programme": "program", "programmes": "programs", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
          "sceptical": "skeptical", "sceptic": "skeptic", "whilst": "while", "amongst": "among", "judgement": "judgment",
          "ageing": "aging", "grey": "gray", "cheque": "check", "tyre": "tire", "aluminium": "aluminum",
          "paediatric": "pediatric", "enrol": "enroll", "fulfil": "fulfill", "kerb": "curb", "draught": "draft"}


def american(word: str) -> str:
    """The word as an American spells it; itself where no rule applies (lower-case words only: "Labour" is a party)."""
    if not word or not word.islower():
        return word
    if "-" in word:
        return "-".join(american(part) for part in word.split("-"))
    if word in _WORDS:
        return _WORDS[word]
    if (m := _OUR.match(word)) and word not in _OUR_KEPT and not word.endswith(("hour", "hours")):
        return f"{m.group(1)}or{m.group(2) or ''}"
    if m := _ENCE.match(word):
        return f"{m.group(1)}{m.group(2)}se{m.group(3) or ''}"
    if (m := _ISE.match(word)) and not any(f"{m.group(1)}is".endswith(kept) for kept in _ISE_KEPT):
        return f"{m.group(1)}iz{m.group(2)}"
    if m := _YSE.match(word):
        return f"{m.group(1)}yz{m.group(2)}"
    if m := _TRE.match(word):
        return f"{m.group(1)}ter{m.group(2) or ''}"
    if m := _LL.match(word):
        return f"{m.group(1)}{m.group(2)}"
    return word


def americans(words) -> list[str]:
    """The American forms of the words that have another one."""
    return [form for w in words if (form := american(w)) != w]
