"""The parts of a question's text: the scene that sets it ("When Harris met Stoltenberg in Munich, ..."), the
question proper, the questions joined in one ("..., and which committee ...?") and what it asks about
("about technology cooperation and security concerns")."""
from __future__ import annotations

import re

from index.query import lexical_terms

from .tuning import TUNING, Tuning

# A clause that sets the scene before the question proper: "When Harris met Stoltenberg in Munich, what
# did she call ironclad?", "At the Munich trilateral in February 2022, which vessels ...", "In the
# April call with Sisi, for which ... ". It may hold commas ("his French, German, Italian and British
# counterparts ... on April 6, 2022,"): it ends at the first comma that a question word follows.
_SCENE = (r"^\s*(?:(?:and|but|so)\s+)?(?:when|in|at|on|during|after|before|ahead of)\b[^?]*?,\s*"
          r"(?=(?:(?:for|in|on|at|about|with|to|from|of|by|since|under|through|over|against|toward|towards|into|among|"
          r"between|after|before|during|within|beyond) )?(?:what|which|how|who|whom|whose|did|does|do|was|were|where{})\b)")
# ... or by the readout or contact that tells it ("According to Finer's call with Rosso, how many people ...?")
_TOLD = _SCENE.replace("ahead of)", "ahead of|according to)", 1) if TUNING.according_scene else _SCENE
SCENE = re.compile(_TOLD.format(""), re.IGNORECASE)
# ... and one before a question opening with another auxiliary ("When Biden sat down with Kishida, had they ...?")
SCENE_AUX = re.compile(_TOLD.format("|has|have|had|is|are"), re.IGNORECASE)
# ... and one opened by a time counted from an event ("The morning after the Kabul airport bombing, did ...?", "Two
# weeks before the summit, what ...?", "Days after the attack, ...")
_COUNTED = (r"(?:(?:the|a|one|two|three|four|five|six|several|a\s+few|some)\s+)?(?:morning|afternoon|evening|night|"
            r"day|week|month|year|hour|weekend)s?\s+(?:after|before|following|ahead\s+of)\b")
SCENE_COUNTED = re.compile(_SCENE.format("|has|have|had|is|are").replace(
    r"(?:when|in|at|on|during|after|before|ahead of)\b", _COUNTED, 1), re.IGNORECASE)


# "On North Korea, what did ...", "On the Grand Ethiopian Renaissance Dam, how did ...": a clause opened by "on"
# that names no time, no contact and no one's doing says what the question is about; it sets no scene.
ON_TOPIC = re.compile(r"^\s*on\s+(?!(?:the\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|same\b|"
                      r"(?:that|this|next|following|previous|first|last|final|second)\b))"
                      r"(?:(?!\b(?:his|her|their|its|my|our|call|calls|meeting|meetings|trip|visit|visits|day|"
                      r"sidelines|occasion|behalf|way|arrival|return)\b)[^,\d])+,\s*$", re.IGNORECASE)


# "Going by these readouts, when did ...?", "Judging by the readouts, ...": a frame that sets no scene, but what follows
# is the question proper all the same.
FRAMED = re.compile(r"^\s*(?:going|judging)\s+by\b[^?,]*,\s*", re.IGNORECASE)


def scene_and_ask(text: str) -> tuple[str, str]:
    """The scene-setting clause (or "") and the question proper."""
    clause = (SCENE_AUX if TUNING.scene_auxiliaries else SCENE).match(text) or (FRAMED.match(text) if TUNING.framed_ask
                                                                             else None) \
        or (SCENE_COUNTED.match(text) if TUNING.counted_scene else None)
    if clause and ON_TOPIC.match(text[:clause.end()]):
        return "", text
    return (text[:clause.end()], text[clause.end():]) if clause else ("", text)


# What follows these is what was said ("about the Amazon Fund", "discuss the defense of the Suwałki Gap"),
# up to the end of the question or a second one (", and which ..."); "what milestone did they commemorate"
# names what is asked for instead, which the readout may say in other words ("60 years").
# What was asked about starts here ("about Second Thomas Shoal", "regarding the hostages").
ABOUT = r"\b(?:about|regarding|concerning)\s+"
SUBJECT = re.compile(r"\b(?:about|regarding|concerning|discuss(?:ed|es|ing)?|rais(?:e|ed|es|ing)|mention(?:ed|s)?|"
                     # "did Blinken bring up Myanmar": raised, as "raise" says (Tuning.raised_place)
                     + (r"(?:bring|brings|bringing|brought)\s+up|" if TUNING.raised_place else "") +
                     r"come up|came up|views? on|positions? on|touch(?:ed|es)? on|"
                     # "accounts of Hong Kong", not "the account of Blinken's separate May 2022 calls" (a contact)
                     r"(?:accounts?|views?) of(?![^?,;]*\b(?:calls?|meetings?|visits?|trips?|talks|conversations?|"
                     r"readouts?)\b))\s+((?:(?!,\s*and\s+(?:what|which|how|who|whom|where|why|when)\b|"
                     r"\b(?:besides|other than|apart from|aside from|except)\b)[^?;])+)",
                     re.IGNORECASE)


def subject_words(text: str) -> set[str]:
    """The words of the phrases saying what was said (see SUBJECT)."""
    return {w for m in SUBJECT.finditer(text) for w in lexical_terms(m.group(1))}


def subject_of(text: str, topic: tuple[str, ...]) -> tuple[str, ...]:
    """The topic words that stand in a phrase saying what was said (see SUBJECT)."""
    words = subject_words(text)
    return tuple(w for w in topic if w in words)


# A second question joined to the first: ", and which committee's fourth meeting did her delegation attend?"
SECOND = re.compile(r"(?:,|;)?\s+and\s+(?=(?:what|which|how|who|whom|where|why|when)\b)|;\s+", re.IGNORECASE)
# ... or one opening with a preposition ("..., and under what program name will resettlement continue?")
SECOND_PREPOSED = re.compile(r"\s+and\s+(?:in|under|at|for|with|from|to|on|by|through|into|during)\s+"
                             r"(?:what|which|how|who|whom|where|why|when)\b", re.IGNORECASE)


# "which G-20 initiative did they welcome, what target did they set for air links, and ...": a list of questions
LISTED = re.compile(r",\s+(?=(?:what|which|how|who|whom|where|why|when)\b(?:\s+[\w-]+){0,3}?\s+"
                    r"(?:did|does|do|was|were|is|are|had|has|have|would|will)\b)", re.IGNORECASE)


WH = re.compile(r"(?:what|which|how|who|whom|where|why|when)\b", re.IGNORECASE)


def question_parts(text: str) -> list[str]:
    """The questions a question asks, split where a second one is joined on; one part for most."""
    asked = scene_and_ask(text)[1] or text
    parts = [p.strip(" ,?") for p in SECOND.split(asked) if p.strip(" ,?")]
    if TUNING.listed_parts and len(parts) > 1:
        # The first questions of a list ending "..., and what ...?". Only where each piece is a question
        # ("According to the White House readouts, what did ..." is one).
        split = [[q.strip(" ,?") for q in LISTED.split(p) if q.strip(" ,?")] for p in parts]
        parts = [q for p, pieces in zip(parts, split)
                 for q in (pieces if all(WH.match(q) for q in pieces) else [p])]
    return parts


def part_without(words: list[str], text: str) -> bool:
    """Whether the question asks several things and one of them has none of these words: "... what policy changes would
    defense cooperation build on, and what did they pledge about the waters between mainland China and Taiwan?" asks
    the first part too, so a word only the second has ("mainland") does not refuse the whole (as Tuning.parts_refuse)."""
    parts = question_parts(text)
    return len(parts) > 1 and any(not set(words) & set(lexical_terms(part)) for part in parts)


def asks_one(text: str) -> bool:
    """Whether a question asks one thing: one part (question_parts), and no second question opening with a preposition
    joined on ("who represented the State Department, and under what program name will ...?")."""
    return len(question_parts(text)) == 1 and not SECOND_PREPOSED.search(scene_and_ask(text)[1] or text)


_CLAUSE = re.compile(r",\s*(?:and\s+)?(?:what|which|how|who|whom|where|why|when|did|does|do|was|were|is|are|has|have|"
                     r"had)\b", re.IGNORECASE)


def subject_parts(text: str) -> list[str]:
    """The things a question asks about, where it joins several ("about technology cooperation and security
    concerns", "discuss with Bangladeshi officials and civil society"); one or none for most."""
    found = list(SUBJECT.finditer(text))
    if not found:
        return []
    # The last says what ("discuss with Indian officials ... about technology cooperation and security concerns");
    # where and when end it ("about Afghanistan in their May and July 2022 phone calls" is about one thing).
    last = found[-1]
    pieces = re.split(ABOUT, last.group(1))
    # "about Tehran and about Israel's ties with its neighbors": each "about" opens one (what stands between "discuss"
    # and the first is who it was discussed with: "discuss with Indian officials about ...").
    own = 0 if re.match(ABOUT, last.group(0)) else 1
    # (an "about" of a scene before the question proper is none: "After talking about Ukraine, did Biden say ...")
    own = max([own] + [i + 1 for i, p in enumerate(pieces) if _CLAUSE.search(p)])
    pieces = [re.sub(r"(?:,?\s*(?:and|as well as)|,)\s*$", "", p) for p in pieces[own:]] \
        if len(pieces) > own + 1 and TUNING.each_about else pieces[-1:]
    said = pieces[:-1] + [re.split(r"\s+(?:(?:in|on|at|during|since|after|before)\s+(?:(?:their|the|his|her|its|a|an)\b|"
                                   r"[A-Z]|\d)|(?:when|while)\b)", pieces[-1])[0]]
    return [p.strip() for piece in said for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", piece) if lexical_terms(p)]


# "What new dialogue did the United States propose ...", "what action plan was signed ...": the noun says what kind
# of thing answers (the sentence naming "the C5+1 Critical Minerals Dialogue", not the one naming the summit).
ASKED_NOUN = re.compile(r"^\s*(?:what|which)\s+(?:[a-z-]+\s+){0,2}?([a-z]{4,})\s+(?:did|does|do|was|were|is|are|had|has|have|"
                        r"would|will)\b")
NOT_NOUNS = frozenset("else kind kinds sort type types".split())
# ... and as found in a question's own text, not its first part lower-cased: before an apposition or a past tense too
# ("Which rear admiral, the operations chief ..., was", "Which rear admiral accompanied ..."). (ASKED_NOUN so widened
# was not measured for prefer_asked; qa/sentences.closest_paragraphs reads this one.)
ASKED_THING = re.compile(r"^\W*(?:what|which)\s+(?:[\w-]+\s+){0,2}?([A-Za-z]{4,})(?=\s+(?:did|does|do|was|were|is|are|had|"
                         r"has|have|would|will|[a-z]{3,}ed)\b|,)", re.IGNORECASE)
# Several contacts asked about ("in their calls", "at the meetings").
PLURAL_CONTACTS = re.compile(r"\b(?:calls|meetings|contacts|talks|conversations|visits|trips|readouts)\b", re.IGNORECASE)


def asked_nouns(text: str) -> list[str]:
    """The noun a question of one part asks for ("dialogue", "plan"), where it names one. (A question of several
    is answered part by part, qa/cover.py: preferring one part's noun there lost citation precision on five.)"""
    parts = question_parts(text)
    found = ASKED_NOUN.match(parts[0].lower()) if len(parts) == 1 else None
    return [found.group(1)] if found and found.group(1) not in NOT_NOUNS else []


# "Where did Biden meet Sheinbaum ...", "In which city ...": the place is in the lead.
PLACE = re.compile(r"(^|[,;]\s*|\band\s+)(where|in which (city|country|capital|place))\b", re.IGNORECASE)
# "Where did they meet?", "in which city was the summit held?": the contact's own place, which its lead says; not
# where something said was done ("where did the northern border commission fund child care facilities?").
CONTACT_PLACE = re.compile(r"\b(?:meet\w*|met|talk\w*|spoke|speak\w*|call\w*|visit\w*|held|hold\w*|host\w*|gather\w*|"
                           r"conven\w*|summit|session|trip|travel\w*|sit|sat|took place|take place|roundtable|forum|"
                           r"event|happen\w*)\b", re.IGNORECASE)


def asks_place(text: str, tuning: Tuning = TUNING) -> bool:
    """Whether a question asks where the contact took place, which its lead says (PLACE, and with place_of_contact a
    word of the contact in that question: CONTACT_PLACE)."""
    place = PLACE.search(text)
    return bool(place) and (not tuning.place_of_contact
                            or bool(CONTACT_PLACE.search(re.split(r"[?;]|,\s*and\b", text[place.end():])[0])))
