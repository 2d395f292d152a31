"""Offices as questions say them and the metadata's roles that hold them ("Oslo's top diplomat": a foreign minister),
the US side's words, regions by their countries, and the words that make a role a lesser office: the tables that
qa/roles.py reads a described person with."""
from __future__ import annotations

import re

from .tuning import TUNING

US = "United States"
HOLY_SEE = "Holy See"
TAOISEACH = ("taoiseach",)
# An office as questions say it, and the roles (substrings of the metadata's role) that hold it.
UN_HEAD = ("secretary-general", "secretary general", "united nations")
FOREIGN = ("foreign minister", "foreign secretary", "secretary of state", "foreign affairs", "external affairs",
           "minister for europe and foreign", "politburo member")
OFFICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # First, as the earliest office wins: "the Vice President's national security adviser" is one office, not the
    # Vice President's side of someone else's.
    (r"vice[- ]president['’]s (?:national )?security (?:advis[eo]r|chief|aide)",
     ("national security advisor to the vice president",)),
    # The Pope, by the titles that never come with his name; his see is his place ("Rome" is not Italy here).
    (r"bishop of rome|(?:supreme |roman )?pontiff|holy father", ("pope",)),
    # ("the White House's ..." is the US side here: the NSC's deputies; not so for "top foreign-policy aide")
    (r"(?:white house['’]s )?principal deputy (?:national )?security (?:advis[eo]r|chief)|"
     r"(?:white house['’]s )?(?:number[- ]two|no\. 2|second[- ]ranking) (?:national )?security (?:official|advis[eo]r|aide)",
     ("principal deputy national security advis",)),
    (r"(?:white house['’]s )?deputy (?:white house )?(?:national )?security (?:advis[eo]r|chief)",
     ("deputy national security advis",)),
    # "Washington's number-two diplomat": the Deputy Secretary of State (before "top diplomat", which it contains)
    (r"(?:number[- ]two|no\. 2|second[- ]ranking|deputy(?: top)?) diplomat", ("deputy secretary",)),
    # the UN's head: "the head of the world body", "the UN chief" (its place the United Nations, as NATO's below)
    (r"(?:head|chief|leader) of the (?:world body|united nations|u\.?n\.?)|(?:the )?world body['’]s (?:head|chief|leader)|"
     r"u\.?n\.? (?:chief|head)", UN_HEAD),
    # "the French foreign ministry's top civil servant", "the top career official of Italy's foreign ministry": its
    # secretary-general (before "top diplomat", the minister)
    *(((r"(?:foreign (?:ministry|office)['’]s )?(?:top|senior|most senior|highest[- ]ranking) (?:career (?:official|"
        r"diplomat)|civil servant)", ("secretary-general", "secretary general", "permanent secretary")),)
      if TUNING.ministry_official else ()),
    (r"(?:top|chief|senior|leading) diplomat|(?:top|chief) envoy|"
     r"foreign (?:minister|secretary|affairs (?:minister|chief|secretary))|secretary (?:of|for) foreign affairs|"
     r"top foreign[- ]policy (?:official|aide|adviser|advisor)|foreign[- ]policy chief|diplomatic chief", FOREIGN),
    # "the President's homeland security adviser" (Sherwood-Randall), before "security adviser" (Sullivan)
    *(((r"homeland security (?:advis[eo]rs?|chief|aide)", ("homeland security advis",)),) if TUNING.homeland_adviser
      else ()),
    (r"(?:national )?security (?:advis[eo]rs?|chief)|security (?:aide|official)", ("national security advis",)),
    # "Hanoi's Communist Party chief": the party's general secretary (before "leader", "chief")
    (PARTY_CHIEF := r"(?:communist )?party (?:chief|leader|head|boss)|general secretary", ("general secretary",)),
    # "the Taoiseach": Ireland's prime minister of the time, by the office's own name, which names its place
    # (qa/roles.read_offices); not "an Irish Taoiseach", any of them (the metadata has Martin's later office only)
    *(((r"(?<=\bthe )taoiseach", TAOISEACH),) if TUNING.irish_premier else ()),
    (r"head of government|premier|prime minister|government chief|\bpm\b",
     ("prime minister", "chancellor", "taoiseach", "premier")),
    # ("sovereign assets", "sovereign debt": an adjective, not a ruler)
    (r"head of state|monarch|sovereign(?!\s+(?:assets?|debts?|wealth|funds?|territor\w+|rights?|states?|nations?|"
     r"equality|immunity|borders?|bonds?|ratings?|guarantees?|integrity|loans?|default))|emir|amir|\bking\b",
     ("president", "king", "amir", "emir", "sultan")),
    (r"(?<!vice )(?<!vice-)president", ("president",)),
    (r"leaders?|rulers?", ("president", "king", "amir", "emir", "sultan", "prime minister", "chancellor", "taoiseach")),
    # "the State Department's number two": the Deputy Secretary of State
    (r"(?:state department|department of state)['’]s (?:number[- ]two|no\. 2|second[- ]in[- ]command|deputy(?: chief)?)|"
     r"deputy secretary of state", ("deputy secretary",)),
    (r"vice[- ]president|\bvp\b|deputy leader|second[- ]in[- ]command", ("vice president",)),
    (r"secretary[- ]general", ("secretary-general", "secretary general")),  # of a body: "the UN Secretary-General"
    # NATO described: "the head of the transatlantic alliance", "the alliance's chief"
    # ... and "the Brussels-based military bloc's chief", "the alliance's civilian head" (its secretary-general)
    (r"(?:head|chief|leader) of (?:the )?(?:(?:transatlantic|north atlantic|atlantic|western) alliance|"
     r"(?:brussels-based |western )?military (?:bloc|alliance)|brussels-based alliance)|nato chief|"
     r"(?:(?:transatlantic|north atlantic|brussels-based) alliance|(?:brussels-based |western )?military (?:bloc|alliance))"
     r"['’]s (?:civilian )?(?:head|chief|leader)|alliance['’]s civilian (?:head|chief|leader)",
     ("secretary-general", "secretary general", "nato")),
    (r"defen[cs]e (?:minister|chief|secretary)|(?:top )?military (?:chief|official)", ("defen",)),
    (r"financ\w* (?:minister|chief)|economy (?:minister|chief)|treasury (?:chief|secretary)|economic (?:minister|chief)",
     ("financ", "economy", "treasury")),
    # "the Secretary" alone, as State Department readouts call the Secretary of State (capitalised; not "the
    # Secretary of Defense", "the Secretary-General")
    (BARE_SECRETARY := r"(?-i:the Secretary)(?![- ]?(?:General|of|for)\b)", FOREIGN),
)
NATO_HEAD = ("secretary-general", "secretary general", "nato")
# A designation of the US side: "the White House security adviser", "Washington's top diplomat".
US_WORDS = re.compile(r"\b(white house(?:['’]s)?|u\.?s\.?|american|america['’]s|washington['’]s|us)"
                      r"(?:\s+(?:chief|top|senior|leading|principal))?\s*$", re.IGNORECASE)
# "Biden's national security adviser": the President's, so the US one (not "Lula's top foreign-policy aide")
PRESIDENTS = re.compile(r"\b(?:biden|trump)['’]s(?:\s+(?:chief|top|senior|leading|principal))?\s*$", re.IGNORECASE)
# Offices that, with no place named, mean the US one in a corpus of US readouts.
US_DEFAULT = ("national security advis", "secretary of state", "vice president", "deputy secretary",
              "national security advisor to the vice president", "principal deputy national security advis",
              "deputy national security advis", "homeland security advis")
REGIONS = {
    "horn of africa": ("Djibouti", "Somalia", "Ethiopia", "Eritrea"),
    "baltic": ("Estonia", "Latvia", "Lithuania"),
    "nordic": ("Denmark", "Finland", "Iceland", "Norway", "Sweden"),
    "scandinavian": ("Denmark", "Norway", "Sweden"),
    "gulf": ("Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"),
    "central asian": ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"),
    "south caucasus": ("Armenia", "Azerbaijan", "Georgia"),
    "caucasus": ("Armenia", "Azerbaijan", "Georgia"),
    "balkan": ("Albania", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Kosovo", "Montenegro",
               "North Macedonia", "Serbia", "Slovenia", "Greece", "Romania"),
}
# Words of a role that make it a lesser or different office than the one asked about.
LESSER = ("deputy", "assistant", "under secretary", "vice ", "special", "senior", "acting", " to the",
          "counselor", "former", "-elect", "spokes", "ambassador")
# Of those, the ones a question says of the office it asks about ("Laos' Deputy Prime Minister"): the holder must
# have them too. Not "senior" or "special": "Washington's senior diplomat" is the Secretary of State.
ASKED_LESSER = ("deputy", "assistant", "under secretary", "acting")
# "Qatar's foreign minister's meetings": a possessive of the contact itself, so the office took part.
CONTACT_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:meetings?|calls?|visits?|trips?|talks|readouts?|conversations?|"
                           r"phone calls?)\b", re.IGNORECASE)
# ... with its time between ("the Vice President's security adviser's early-December 2023 trip"; dated_contact_after)
CONTACT_AFTER_DATED = re.compile(r"['’]s\s+(?:(?:early|mid|late)[- ])?(?:(?:January|February|March|April|May|June|July|August|"
                                 r"September|October|November|December|\d{1,2},?|\d{4})\s+){1,3}(?:\w+\s+)?(?:meetings?|"
                                 r"calls?|visits?|trips?|talks|conversations?|phone calls?)\b", re.IGNORECASE)
WINDOW = 4  # words before an office that may name its place ("Argentina's new finance chief")
