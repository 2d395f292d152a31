"""Who a yes/no asks was there: "Did the Interior Secretary sit in ...?", "Was Poland's president on the call?",
"did he also see Petro's running mate?". Its "Yes" quotes the sentence that names that one, not the lead
that only describes the contact (qa/compose.by_topic)."""
from __future__ import annotations

import re

from index.name_tokens import CORE_OFFICES
from index.query import lexical_terms, stem

from .cover import has
from .question import Question
from .tuning import TUNING
from .vocabulary import said_officially

_SCENE = r"^(?:[^?]*?,\s*)?"
# (a few words: "Poland's president", "the head of Palestinian intelligence"; not a clause)
_STOP = r"(?!(?:did|was|were|had|and|or|when|while|after|before)\b)"
_WHO = r"(?P<who>" + _STOP + r"[^?,\s]+(?:\s+" + _STOP + r"[^?,\s]+){0,5}?)"
# "Did X join/sit in/go along ...", "Did X take part in ..."
JOINED = re.compile(_SCENE + r"(?:did|had)\s+" + _WHO + r"\s+(?:also\s+|personally\s+)?(?:join|go along|come along|"
                    r"travel with|accompany|sit in|take part|participate|attend|be there|show up)\b", re.IGNORECASE)
# "Was X on the call / among those who spoke / at the meeting / part of the delegation ..."
AMONG = re.compile(_SCENE + r"(?:was|were)\s+" + _WHO + r"\s+(?:also\s+)?(?:on|among|at|in|part of|present|there)\b",
                   re.IGNORECASE)
# "Was the Farm Bureau one of them?" (a follow-up on who took part)
AMONG_ONE = re.compile(_SCENE + r"(?:was|were)\s+" + _WHO + r"\s+(?:also\s+)?(?:on|among|at|in|part of|present|there|"
                       r"(?:one|any|some)\s+of\s+(?:them|those|these|the\s+[\w-]+))\b", re.IGNORECASE)
# "did he also see Petro's running mate?", "did it meet the Palestinian spy chief?"
MET = re.compile(r"\b(?:did|had)\s+[^?,]+?\s+(?:also\s+)?(?:meet|see|visit|speak to|speak with|talk to|talk with|"
                 r"host|receive)(?:\s+with)?\s+" + _WHO +
                 r"(?=\s+(?:on|during|while|in|at|when|as|before|after|there|too)\b|\s*\?|\s*$)", re.IGNORECASE)
# "Was South Dakota represented at ...?", "Did the Army's engineers send anyone to ...?": a place or a body asked to
# have been there (no word of SOMEONE needed)
REPRESENTED = re.compile(_SCENE + r"(?:was|were)\s+" + _WHO + r"\s+(?:also\s+)?represented\b", re.IGNORECASE)
SENT = re.compile(_SCENE + r"(?:did|had)\s+" + _WHO + r"\s+(?:also\s+)?send\s+(?:anyone|anybody|someone|somebody|"
                  r"a representative|representatives|a delegate|delegates|a delegation|people|officials)\b", re.IGNORECASE)
# "Was one of the original plaintiffs from the Prince Edward County case at ...?": one of a group, described at length
ONE_OF = re.compile(_SCENE + r"(?:was|were)\s+(?P<who>(?:any|one|some|none|anyone|someone)\s+(?:of|from)\s+[^?,]+?)\s+"
                    r"(?:also\s+)?(?:on|among|at|in|part of|present|there)\s+(?:the|a|an|his|her|their|its|\w+['’]s)\b",
                    re.IGNORECASE)
# What makes a phrase after "was" someone, not a topic ("Was health care in Jamaica among the subjects?")
SOMEONE = CORE_OFFICES | frozenset("""secretariat commander boss executive delegation team envoy aide adviser advisers
counterpart counterparts opposition opponents members member chiefs heads ministers officials""".split())
# (with present_forms: a body that sends people, "Was an autistic advocacy group at the table ...?")
BODIES = frozenset("group groups organization organizations network networks advocates advocacy association union "
                   "unions representative representatives plaintiff plaintiffs survivors".split())
# ... or someone named: "Was Mark Carney among the participants?" (a name as written, two or three capitalised words)
_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2}")
# (nor the US side, which is every contact's)
_ARTICLES = frozenset("the a an his her their its also washington america u.s. us".split())


def present_asked(question: Question) -> tuple[list[str], tuple[str, ...]]:
    """The stems of whom a yes/no asks was there, and the surnames of the people it resolves to; empty if it asks
    something else."""
    if question.intent != "yes_no":
        return [], ()
    text = question.text
    match = JOINED.search(text) or MET.search(text)
    someone = SOMEONE | BODIES if TUNING.present_forms else SOMEONE
    if not match and TUNING.one_of_them:
        # ("Was the painters' union represented at ...": represented, not "the painters' union represented" at it)
        match = REPRESENTED.search(text)
    if not match:
        match = (AMONG_ONE if TUNING.one_of_them else AMONG).search(text)
        who = match.group("who") if match else ""
        if TUNING.one_of_them:
            who = re.sub(r"^the\s+", "", who)  # ("the Farm Bureau": a name)
        if match and not (set(w.lower() for w in re.findall(r"[\w-]+", who)) & someone) \
                and not (TUNING.present_forms and _NAME.fullmatch(who)):
            match = None
    if not match and TUNING.present_forms:
        match = REPRESENTED.search(text) or SENT.search(text) or ONE_OF.search(text)
    if not match:
        return [], ()
    who = match.group("who")
    if match.re is ONE_OF:
        # whom it asks about, not what describes them: "the original plaintiffs" (from the Prince Edward County case)
        who = re.split(r"\s+(?:from|in|at|of|who|that|with|for)\s+", re.sub(r"^\w+\s+(?:of|from)\s+", "", who), 1)[0]
    words = [w for w in lexical_terms(re.sub(r"['’]s\b", "", who)) if w not in _ARTICLES]
    if not words:
        return [], ()
    names = tuple(name.split()[-1] for person in question.people
                  if set(lexical_terms(person.words)) & set(words) for name in person.names if name.split())
    return [stem(w) for w in words], names


# (the stems of the words that say only that someone or some body was there, for present_score)
_GENERIC = frozenset(stem(w) for w in SOMEONE | BODIES)


def present_score(sentence: str, asked: list[str], names: tuple[str, ...]) -> int:
    """How much of whom the question asks about a sentence names: one for each word, two for a surname.

    With Tuning.present_distinct, a word that is no office or body ("Barbados" of "Barbados's leader", "Pentagon" of
    "the Pentagon chief") counts two, and is found as the readouts' word for it too ("Defense Secretary Lloyd
    Austin"): the lead's "15 leaders representing Caribbean nations" names the office, the roster's "Prime Minister
    Mia Mottley of Barbados" whose it is."""
    named = any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in names)
    found = has(sentence, asked)
    if TUNING.present_distinct:
        distinct = [t for t in asked if t not in _GENERIC]
        found |= {t for t in distinct if t not in found and said_officially([t], sentence)}
        # (a long one inside a word as written: "AFRICOM" of "USAFRICOM Commander General Stephen Townsend")
        words = re.findall(r"[a-z]+", sentence.lower())
        found |= {t for t in distinct if len(t) >= 6 and t not in found and any(t in w for w in words)}
        return len(found) + len(found & set(distinct)) + (2 if named else 0)
    return len(found) + (2 if named else 0)
