"""Sentences of a paragraph and where their subject starts.

split_sentences: a sentence ends at . ? ! before whitespace and a capital or quote, not after abbreviations.
strip_intro: the offset past opening phrases ("On Wednesday,", "During the call,"), where the subject starts.
"""
from __future__ import annotations

import re

# After these a period never ends a sentence (besides single capital initials such as the "J." in "Antony J. Blinken").
NON_FINAL = frozenset("""
u.s. u.k. dr. mr. mrs. ms. st. gen. lt. col. sen. rep. gov. amb. no. jr. sr. e.g. i.e. a.m. p.m.
h.e. u.n. u.s.a. e.u. adm. maj. capt. prof. rev. hon. vs. v. ft. mt.
""".split())
BOUNDARY = re.compile(r"[.?!]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ\"“‘])")
INITIALS = re.compile(r"(?:[A-Z]\.)+\Z")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of text, whitespace trimmed; every character lies in one span or between."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        if match.group()[0] == ".":
            word_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            word = re.split(r"[-–/]", text[word_start:match.start() + 1].lstrip("(\"“‘'["))[-1]  # "Mekong-U.S."
            lowered = word.lower()
            if lowered in NON_FINAL or (INITIALS.match(word) and lowered != "d.c."):
                continue
        end = match.end()
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


INTRO_WORD = re.compile(
    r"(?:Today|Yesterday|Tonight|This|Earlier|Later|On|In|During|After|Following|Before|At|As|While|With|Throughout|"
    r"Over|Since|Through|Under(?= (?:the|a|an|his|her|their|this|these)\b)|Upon|Amid|Among|Additionally|Also|Further|Furthermore|Moreover|Separately|Finally|"
    r"Specifically|Likewise|Similarly|Again|Noting|Recognizing|Recognising|Building|Reflecting|Underscoring|"
    r"Highlighting|Emphasizing|Welcoming|Looking|Turning|Regarding|Given|Ahead|Prior|Between|Last|Together|Then|"
    r"Meanwhile|Subsequently|Lastly|Overall|Importantly|Notably|Once|When|Where|Having|Citing|Expressing|"
    r"Acknowledging|Commending|Condemning|Reaffirming|Discussing|Addressing|Following up|Beyond|Besides|"
    r"(?:First|Second|Third|Next)(?=,)|Later that day|For|Across|Against|Within|To|By|From|Just|"
    r"[A-Z][a-z]+ing(?= [a-z])|[A-Z][a-z]+ly(?= [a-z])|"
    r"[A-Z][a-z]+ed(?= (?:with|by|in|on|at|for|to|from|under|as)\b))\b")  # "Seized with these challenges,"
DATELINE = re.compile(r"[A-Z][A-Z .,]+\s[–—-]\s+")
LEAD_ADVERB = re.compile(r"(?:(?:This|Last|Earlier this|Later this) (?:week|month|morning|afternoon|evening)|"
                         r"Earlier today|Later today|Together|Also|Additionally|Then|Later|Today|Yesterday|Separately|"
                         r"Finally|Further|Furthermore|Moreover|Again|Tonight|Earlier|Likewise|Similarly)\s+"
                         r"(?!(?:this|that|today)\b)",  # "Earlier this afternoon, ..." is an opening phrase
                         re.IGNORECASE)  # also inside: "Building on ..., today Julie Chavez Rodriguez ..."
# A lower-case phrase after an opening phrase goes on with it ("On Monday, at the request of X, the ...",
# "In recognition of ..., which has deepened ..., the President ..."); one that opens with a determiner or
# pronoun is the subject ("In addition, the Secretary and Foreign Minister noted ...").
INTRO_GO_ON = re.compile(r"(?!(?:the|a|an|his|her|their|its|our|this|these|those|both|all|each|they|he|she|we|it|i|"
                         r"participants)\b)[a-z]")
MONTH_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"\s+\d")


def strip_intro(text: str) -> int:
    """Offset where the subject starts, after opening phrases such as "On Wednesday," or "During the call,"."""
    dateline = DATELINE.match(text)
    offset = dateline.end() if dateline else 0  # "WASHINGTON, D.C. – Today, ..."
    for _ in range(4):
        rest = text[offset:]
        stripped = len(rest) - len(rest.lstrip(" \"“‘'("))
        offset += stripped
        rest = text[offset:]
        adverb = LEAD_ADVERB.match(rest)
        if adverb and not rest[adverb.end():adverb.end() + 1] == ",":
            offset += adverb.end()
            continue
        if INTRO_WORD.match(rest):
            comma = rest.find(",")
            if 0 < comma < 160:
                offset += comma + 1
                continue
        if offset and (rest[:1].isdigit() or MONTH_DAY.match(rest) or INTRO_GO_ON.match(rest)):
            comma = rest.find(",")
            if 0 < comma < 120:
                offset += comma + 1
                continue
        break
    return offset
