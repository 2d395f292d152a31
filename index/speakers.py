"""Who speaks in each sentence of a readout: a participant, "both" (the sides together) or None.

The speaker is read off the sentence's subject, after any opening phrase ("During the call, ..."):
a name or office that points to one participant, two or more of them ("The Secretary and the Foreign
Minister"), a plural ("The two leaders", "They", "Participants"), or a pronoun that continues the last
speaker. A sentence that reports the contact itself ("X met with Y", "the call focused on") is "both"; an
attribution line ("The below is attributable to Spokesperson Ned Price:") is the spokesperson's. The
conventions are those of the gold guide, eval/metadata/README.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from index.countries import fold
from index.name_tokens import CORE_OFFICES, PARTICLES, Token, tokenize
from index.sentences import split_sentences, strip_intro

BOTH = "both"
BOTH_SUBJECT = re.compile(
    r"(?:the\s+(?:(?-i:[A-Z][\w.-]*)\s+){1,2}?(?:leaders|foreign ministers|ministers|delegations|counterparts))|"
    r"(?:(?:the|both|all)\s+(?:(?:two|three|four|five|six|several|other)\s+)?"
    r"(?:leaders|sides|presidents|prime ministers|ministers|foreign ministers|officials|delegations|counterparts|"
    r"secretaries|parties|heads of (?:state|government)|advisors|advisers|national security advisors|principals|"
    r"participants|men|women|chiefs|envoys|ambassadors|vice presidents|senior officials)|"
    r"both|they|together,? they|the two|the three|the four|the pair|all (?:three|four|five|of them|sides|parties)|"
    r"the (?-i:group)|participants)\b",  # "the group", "participants": the whole meeting (gold guide)
    re.IGNORECASE)
# "Participants included: ...", "Participants in the meeting were ...": a list of attendees, no one speaks.
LISTING = re.compile(r"(?:\s+(?:in|at|from|of|on)\s+[^,.;:]{1,80}?)?\s*(?::|\b(?:included|include|includes|were|are|"
                     r"represented|representing|ranged|ranging)\b)")
# "The call focused on ...", "The meetings were productive": what the sides discussed, so both; "The call
# follows ..." and "The meeting reaffirms ..." are narration and stay None.
EVENT_SUBJECT = re.compile(
    r"(?:the|their|this|today['’]s)\s+(?:[\w-]+\s+)?(?:call|calls|meeting|meetings|conversation|discussion|"
    r"discussions|talks|dialogue|session)\s+(?:also\s+)?(?:focused|centered|centred|covered|touched|addressed|explored|"
    r"(?:was|were)\s+(?:productive|constructive|candid|substantive|frank|cordial|warm|positive|wide-ranging|"
    r"in-depth|detailed|friendly|fruitful|open))\b", re.IGNORECASE)
# The sentence reports the contact itself ("X met with Y", "spoke individually with:", "hosted the Quad
# Investor Network", "convened a listening session with", "held a call with"): both sides' sentence, whether
# or not the other side is a named participant (gold guide: the lead, and later "X met with Y" in trips).
CONTACT_CLAUSE = re.compile(
    r"(?:(?:also|today|yesterday|separately|again|first|then|later|virtually|jointly|individually|briefly)\s+)*"
    r"(?:(?:met|meets|spoke|speaks|talked)\s+(?:(?:today|yesterday|again|also|separately|individually|virtually|"
    r"briefly|by phone|this \w+)\s+)*(?:with\b|:)|"
    r"(?:hosted|hosts|convened|convenes|co-hosted|co-hosts|co-chaired)\s+(?!by\b)(?!the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:roundtable|meeting|call|event|session|convening|forum|discussion|dialogue|summit)\b)(?=[\w\"“])|"
    r"(?:held|holds|had|has)\s+(?:a|an|his|her|their|two|three|four|five|several|separate)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:calls?|meetings?|conversations?|discussions?|talks|roundtables?|sessions?)\b)")
# ... also after the rest of a subject that the parse stopped short of: "Julie Chavez Rodriguez, Senior
# Advisor ..., and White House officials from the Domestic Policy Council convened a meeting with ...".
CONTACT_AFTER_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w.’'&-]*|and|&|of|from|the|for|at|in|on|staff|senior|administration|"
    r"(?!(?:has|is|was|does|this|its|his)\b)[a-z]+s(?:-elect)?)(?![\w.’'&-]),?\s+){0,16}?" + CONTACT_CLAUSE.pattern)
# "The Vice President and the European leaders", "Secretary Blinken and his counterparts": with a group.
WITH_GROUP = re.compile(r"\s*,?\s*(?:and|&)\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:leaders|counterparts|"
                        r"ministers|officials|delegations?|participants|partners|colleagues|representatives|"
                        r"governors|legislators|members|envoys|ambassadors|advisors|advisers|presidents)\b")
# Present perfect in the third person narrates a track record ("has convened", "has made ... a priority"),
# which the gold guide labels None; "I have ordered" in a statement is its author speaking.
TRACK_RECORD = re.compile(r"(?:has|have)\s+(?:(?:also|long|consistently|repeatedly|recently|already|since|now)\s+)?"
                          r"(?:[a-z]+ed|been|met|made|taken|led|held|brought|spoken|given|built|sought|seen|done)\b")
# A contact lead that goes on in its subject's words: ", conveying his interest in", ", underscoring that".
SUBJECT_GOES_ON = re.compile(r",\s+(?:and\s+)?(?:conveying|underscoring|reaffirming|expressing|emphasi[sz]ing|highlighting|"
                             r"stressing|reiterating|offering|pledging|urging|thanking|congratulating|commending)\b")
SPEECH_VERB = re.compile(r"\s*(?:also\s+)?(?:reaffirmed|reiterated|emphasized|underscored|stressed|noted|expressed|"
                         r"welcomed|conveyed|affirmed|highlighted|raised|urged|encouraged|commended|pledged)\b")
MODAL = re.compile(r"\s+(?:should|must|need|needs|shall|will|would|can|could|are|is|have)\b")
# "states that" only: "legislators from ten states" reports no speech
SAID = re.compile(r"\b(?:said|says|stated|states that|believes|believed|added|adds|pointed out|noted that|told|"
                  r"stressed that|expressed (?:the )?hope|hoped|hopes|maintained|affirmed that|underlined that)\b")
CONTACT = frozenset({"met", "meets", "spoke", "speaks", "held", "holds", "hosted", "hosts", "talked", "called",
                     "convened", "welcomed", "welcomes", "received", "joined", "had", "will"})
ADVERBS = frozenset({"also", "today", "yesterday", "separately", "virtually", "again", "first", "briefly", "jointly",
                     "then", "later", "earlier", "further", "personally", "warmly", "first", "subsequently", "both"})
# "The below is attributable to Spokesperson Ned Price:" attributes what follows to the spokesperson, who
# is then that line's speaker (the gold guide's convention), though not a participant.
ATTRIBUTED = re.compile(r"The\s+(?:below|following)\s+is\s+attributable\s+to\s+(?:[A-Z][\w.’'-]*\s+){0,4}?"
                        r"(?:Spokesperson|Spokesman|Spokeswoman)\s+((?:[A-Z][\w.’'-]*\s*){1,4}?)\s*:")
NON_PARTICIPANT_SUBJECTS = frozenset({"countries", "nations", "governments", "country", "nation", "government"})


@dataclass(frozen=True)
class Speaker:
    """What the attribution needs of a participant."""

    name: str
    role: str  # folded, "" when unknown
    country: str
    aliases: tuple[str, ...] = ()  # folded offices readouts use for this person alone ("president" for the US President)


def _name_keys(name: str) -> set[str]:
    return {t for t in fold(name).replace("-", " ").split() if len(t) >= 2 and t not in PARTICLES} | {
        t for t in fold(name).split() if len(t) >= 2 and t not in PARTICLES}


class Resolver:
    """Maps subject phrases to participants for one readout."""

    def __init__(self, speakers: Sequence[Speaker]):
        self.speakers = list(speakers)
        self.keys = [_name_keys(s.name) for s in self.speakers]

    def by_name(self, words: list[str], office: str) -> list[int]:
        found = [i for i, keys in enumerate(self.keys) if keys & set(words)]
        if len(found) > 1 and office:
            narrowed = [i for i in found if office in self.speakers[i].role or office in self.speakers[i].aliases]
            found = narrowed or found
        if len(found) > 1:
            exact = [i for i in found if fold(self.speakers[i].name).split()[-1] in words]
            found = exact or found
        return found[:1]

    def by_office(self, office: str, place: str | None) -> list[int]:
        if not office:
            return []
        alias = [i for i, s in enumerate(self.speakers) if office in s.aliases and (not place or s.country == place)]
        if alias:
            return alias[:1]
        exact = [i for i, s in enumerate(self.speakers) if s.role == office]
        inside = [i for i, s in enumerate(self.speakers)  # "foreign minister" in "deputy prime minister and ..."
                  if s.role and re.search(rf"(?:^|\s)(?<!to the )(?<!of the ){re.escape(office)}(?:$|\s)", s.role)]
        for group in (exact, inside):
            if place:
                group = [i for i in group if self.speakers[i].country == place] or group
            if len(group) == 1:
                return group
            if len(group) > 1:
                foreign = [i for i in group if self.speakers[i].country != "United States"]
                return (foreign or group)[:1]
        return []

    def mentions_other(self, text: str, chosen: int) -> bool:
        """True when the text names a participant other than `chosen` (not as a possessive)."""
        words = fold(text)
        for i, keys in enumerate(self.keys):
            if i == chosen:
                continue
            for key in keys:
                if len(key) >= 3 and re.search(rf"\b{re.escape(key)}\b(?!['’]s)", words):
                    return True
            role = self.speakers[i].role
            if role and re.search(rf"\bthe {re.escape(role)}\b(?!['’]s)", words):
                return True
        return False


CONNECTORS = frozenset("of for to the and on bin bint ibn al el de da di del della dos das du van von der den la le "
                       "ter zu ben abu y e".split())
WORD = re.compile(r"\S+")


def _subject_span(rest: str) -> int:
    """Characters worth tokenizing: the subject phrase, then a few words for its verb (speed: most of a
    sentence is the predicate)."""
    lowercase = 0
    for match in WORD.finditer(rest, 0, 260):
        word = match.group().strip("\"“‘'(,")
        if word[:1].islower() and word not in CONNECTORS and match.start():
            lowercase += 1
            if lowercase == 4:
                return match.start()
    return min(len(rest), 260)


def _parts(tokens: list[Token]) -> tuple[list[list[Token]], int, bool]:
    """Split the subject noun phrase into conjuncts; also the token index after it and whether it is possessive.

    A conjunct that "and" (not a comma) opens starts with its "and" token, so callers can tell "X and Y"
    from an apposition "X, Senior Advisor"."""
    parts: list[list[Token]] = [[]]
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.kind in "OHGNIpSt()":
            parts[-1].append(token)
        elif token.kind == "," and k + 1 < len(tokens) and tokens[k + 1].kind == "S":
            pass  # "Joseph R. Biden, Jr."
        elif token.kind in "a," and k + 1 < len(tokens) and tokens[k + 1].kind in "OHGNItIp":
            parts.append([token] if token.kind == "a" else [])
        elif token.kind in "ofn2" and parts[-1] and k + 1 < len(tokens) and tokens[k + 1].kind in "OGNt":
            parts[-1].append(token)  # "Secretary of State", "Assistant to the President for ..."
        elif token.kind == "s" and parts[-1] and k + 1 < len(tokens) and tokens[k + 1].kind == "O":
            parts[-1] = []  # "President Biden's National Security Advisor Jake Sullivan": the office holder speaks
        elif token.kind == "X" and k + 1 < len(tokens) and tokens[k + 1].kind in "OXN":
            parts[-1].append(token)  # "White House COVID-19 Response Coordinator"
        elif token.kind == "z" and token.folded in ("he", "she", "i", "we") and not parts[-1]:
            parts[-1].append(token)  # a pronoun, alone or in "He and Dr. Mohib"
        else:
            break
        k += 1
    possessive = k < len(tokens) and tokens[k].kind == "s"
    return [p for p in parts if p and p[-1].kind != "a"], k, possessive


def _word_kind_fix(tokens: list[Token]) -> list[Token]:
    # pronouns are capitalised at the start of a sentence; read them as pronouns, not names
    for token in tokens[:1]:
        if token.folded in ("he", "she", "i", "we", "they", "both"):
            token.kind = "z"
    return tokens


def attribute(paragraphs: Sequence[str], speakers: Sequence[Speaker], author: int | None = None
              ) -> list[tuple[int, int, int, str | None]]:
    """(paragraph number from 1, start, end, speaker) for every sentence of every paragraph."""
    resolver = Resolver(speakers)
    result: list[tuple[int, int, int, str | None]] = []
    last_single: int | None = None
    for number, paragraph in enumerate(paragraphs, 1):
        previous: tuple[str | None, bool] = (None, False)  # (speaker, that sentence reported speech)
        for start, end in split_sentences(paragraph):
            sentence = paragraph[start:end]
            speaker, single = _speaker(sentence, resolver, last_single, author, previous)
            if single is not None:
                last_single = single
            said = bool(SAID.search(sentence[:200])) or (previous[1] and speaker == previous[0])
            previous = (speaker, said and speaker is not None)
            result.append((number, start, end, speaker))
    return result


def _speaker(sentence: str, resolver: Resolver, last_single: int | None, author: int | None,
             previous: tuple[str | None, bool]) -> tuple[str | None, int | None]:
    """(speaker, index of the single participant it names or None)."""
    names = resolver.speakers
    attributed = ATTRIBUTED.match(sentence)
    if attributed:
        return attributed.group(1).strip(), None
    offset = strip_intro(sentence)
    rest = sentence[offset:]
    continuing = previous[0] if previous[1] else None
    both = BOTH_SUBJECT.match(rest)
    if both:
        if continuing and continuing != BOTH and MODAL.match(rest, both.end()):
            return continuing, None  # "Both sides should ..." inside one side's reported speech
        if re.search(r"(?:group|participants)\Z", both.group(), re.IGNORECASE) and LISTING.match(rest, both.end()):
            return None, None
        if not re.match(r"\s*(?:countries|nations|governments)\b", rest[both.end():]):
            return BOTH, None  # a group that is the whole meeting, even when no one in it is named
    if EVENT_SUBJECT.match(rest):
        return BOTH, None
    tokens = _word_kind_fix(tokenize(rest[:_subject_span(rest)]))
    parts, after, possessive = _parts(tokens)
    if possessive or not parts:
        # reported speech goes on: "We need to ...", "... , the two countries were the first to ..."
        we = re.match(r"(?:We|Our|we|our)\b", rest)
        return (continuing if continuing and not possessive and (we or rest[:1].islower()) else None), None
    chosen: list[int] = []
    unresolved = joined_other = False
    for part in parts:
        joined = part[0].kind == "a"
        part = part[1:] if joined else part
        words = [t.folded for t in part if t.kind in "NIp"]
        office = " ".join(t.folded for t in part if t.kind in "Oofn").strip()
        place = next((t.value for t in part if t.kind == "G"), None)
        if part[0].kind == "z":  # pronoun
            pronoun = part[0].folded
            if pronoun in ("he", "she") and last_single is not None:
                chosen.append(last_single)
            elif pronoun == "i" and author is not None:
                chosen.append(author)
            elif pronoun == "we" and continuing:
                return continuing, None
            else:
                unresolved = True
            continue
        found = resolver.by_name(words, office) if words else []
        if not found and office and not words:  # "President Biden" who is not a participant is nobody here
            if office.endswith("s") and office.split()[-1] not in ("affairs", "relations", "nations"):
                return (BOTH if len(names) >= 2 else None), None  # "The National Security Advisors"
            found = resolver.by_office(office, place) or resolver.by_office(re.sub(
                r"\b(secretary|director) general\b", r"\1-general", office), place)
        if found:
            chosen.extend(found)
        else:
            unresolved = True
            # "The Deputy Secretary and Secretary General discussed": someone besides the first
            joined_other = joined_other or (joined and any(t.kind == "N" or t.folded in CORE_OFFICES for t in part))
    chosen = list(dict.fromkeys(chosen))
    k = after
    while k < len(tokens) and (tokens[k].folded in ADVERBS or tokens[k].kind == ","):
        k += 1  # "President Joseph R. Biden, Jr., met today with ..."
    verb_at = tokens[k].start if k < len(tokens) else len(rest)
    contact = CONTACT_AFTER_SUBJECT.match(rest, verb_at)
    if contact:
        if len(chosen) == 1 and SUBJECT_GOES_ON.search(rest, contact.end()):
            # "... spoke today with President Erdogan, conveying his interest in ...": the rest is the subject's
            return names[chosen[0]].name, chosen[0]
        return BOTH, (chosen[0] if len(chosen) == 1 else None)
    if len(chosen) >= 2 or chosen and (joined_other or WITH_GROUP.match(rest, parts[0][-1].end)):
        return BOTH, None
    if not chosen:
        only_places = all(t.kind in "Gt()a" or t.folded in NON_PARTICIPANT_SUBJECTS for p in parts for t in p)
        if only_places:
            places = {t.value for p in parts for t in p if t.kind == "G"}
            sides = {s.country for s in names}
            if len(places) >= 2 and len(places & sides) >= 1 and len(parts) >= 2 and (
                    len(places & sides) >= 2 or len(sides) == 1):
                return BOTH, None  # "the United States and CARICOM reaffirm": the two sides
            issuing = [i for i, s in enumerate(names) if s.country == "United States"]
            if places == {"United States"} and len(issuing) == 1 and SPEECH_VERB.match(rest, verb_at):
                return names[issuing[0]].name, issuing[0]  # "The United States reaffirmed": its one participant
        if continuing and (only_places or unresolved and not any(t.kind == "N" for p in parts for t in p)):
            return continuing, None
        return None, None
    single = chosen[0]
    # "President Biden spoke today with President Macron": the lead sentence reports both sides
    if k < len(tokens) and tokens[k].folded in CONTACT and resolver.mentions_other(rest[tokens[k].end:], single):
        return BOTH, single
    if TRACK_RECORD.match(rest, verb_at) and not (parts[0] and parts[0][0].folded in ("i", "we")):
        return None, single  # "The Vice President has met with state legislators from 17 states": narration
    return names[single].name, single
