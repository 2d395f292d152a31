"""Finding people in readout text: "office + name (+ of Country)" mentions and known officials, from the tokens of
index/name_tokens.py.

A mention is a run of name words with the evidence that makes it a person: an office before it
("Ukrainian Foreign Minister Dmytro Kuleba"), an office after a comma ("Ibrahim Kalin, Spokesperson
and Chief Advisor to the President of Turkey"), or a slot where only people stand ("met with Zin Mar Aung").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.countries import fold
from index.name_tokens import (CORE_OFFICES, GROUP_NOUNS, KNOWN_NAMES, OFFICE_ACRONYMS, PLURAL_OFFICES, ROMAN,
                               SOFT_HONORIFICS, Token, tokenize)


@dataclass
class Mention:
    """One person in a text: the name as written, its office phrase, country, and where it stands."""

    name: str  # name words as written (honorifics, initials and suffixes removed)
    office: str  # office phrase without places and honorifics ("foreign minister"), "" when none
    country: str | None
    start: int  # character span of the whole mention (office included) in the text
    end: int
    name_start: int
    possessive: bool = False
    inner: bool = False  # part of someone else's title: "State Secretary to Prime Minister Stefan Löfven"
    evidence: str = ""  # "office", "apposition", "slot", "known"
    tokens: tuple[str, ...] = ()


def _is_name_token(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if token.kind in "NI":
        return True
    if (token.kind == "X" and len(token.text) >= 3 and token.text.isupper() and token.text.isalpha()
            and k + 1 < len(tokens) and tokens[k + 1].kind == "N" and tokens[k + 1].text[1:].islower()):
        return True  # "MOTEGI Toshimitsu": a family name in capitals
    if token.kind == "H" and token.folded in SOFT_HONORIFICS and k and tokens[k - 1].kind == "p" and (
            tokens[k - 1].end + 1 >= token.start):
        return True  # the "Sheikh" of the family name "Al Sheikh"
    if token.kind == "p" or (token.kind == "H" and token.folded in SOFT_HONORIFICS):
        q = k + 1  # "von der Leyen": particles may follow each other before the name
        while q < len(tokens) and tokens[q].kind == "p" and q - k < 3:
            q += 1
        if q < len(tokens) and tokens[k + 1].start - token.end <= 1 and (tokens[q].kind == "N" or (
                token.kind == "p" and tokens[q].kind == "H" and tokens[q].folded in SOFT_HONORIFICS)):
            return True  # "Al Sheikh" is a family name: "Hussein Al Sheikh"
        return False
    return False


def _portfolio_start(tokens: list[Token], k: int) -> int | None:
    """Index of the "for" that opens a list of places with commas ending at tokens[k] ("for Middle East, North
    Africa, and"), right after an office word; None if tokens[k] is not inside one."""
    q = k
    while q >= 0 and tokens[q].kind in "XOG,a":
        q -= 1
    if q >= 1 and tokens[q].kind == "f" and tokens[q - 1].kind == "O" and any(t.kind == "," for t in tokens[q:k + 1]) \
            and all(t.kind != "N" for t in tokens[q:k + 1]):
        return q
    return None


def _office_left(tokens: list[Token], i: int) -> int:
    """Index of the first token of the office phrase that ends right before tokens[i] (i if none)."""
    k = i - 1
    first = i
    while k >= 0:
        token = tokens[k]
        left = tokens[k - 1] if k > 0 else None
        right_kind = tokens[k + 1].kind if k + 1 < len(tokens) else ""
        if token.kind in "OHG" or (token.kind == "S" and left is not None and left.kind == "O" and first == k + 1):
            first = k
        elif token.kind in "NX" and k + 1 < i + 1 and right_kind in "OGX" and first == k + 1:
            first = k  # a department's name inside an office: "Secretary of Veterans Affairs"
        elif token.kind == "s" and left is not None and left.kind in "GX" and first == k + 1:
            first = k - 1  # "Japan's Prime Minister"
            k -= 1
        elif token.kind in ",a" and first == k + 1 and (opening := _portfolio_start(tokens, k)) is not None:
            # "Minister of State for Middle East, North Africa, and North America James Cleverly": the places of
            # a portfolio, listed with commas, are one office.
            k, first = opening, opening + 1
            continue
        elif token.kind == ")" and first == k + 1:
            opening = next((j for j in range(k - 1, max(k - 6, -1), -1) if tokens[j].kind == "("), None)
            if opening is None or any(tokens[j].kind not in "GXNO" for j in range(opening + 1, k)):
                break
            first, k = opening, opening
        elif token.kind in "ofn2a" and left is not None and first == k + 1 and (
                left.kind in "OHG" or (left.kind in "NX" and k >= 2 and tokens[k - 2].kind in "tofO")):
            if token.kind == "a" and k + 1 == i:
                break  # "... Director and Julie Chavez Rodriguez": the office before "and" is someone else's
            if token.kind == "a" and left.kind == "G":
                break  # "of Japan and President Marcos": the place belongs to the person before
            if token.kind == "a":
                q = k - 1
                while q >= 0 and tokens[q].kind in "OH":
                    q -= 1
                if q >= 0 and tokens[q].kind == "t":
                    break  # "The Secretary and First Lady Zelenska": two people
            first = k
        elif token.kind == "t" and left is not None and left.kind in "of2" and first == k + 1:
            first = k
        else:
            break
        k -= 1
    while first < i and tokens[first].kind in "ofn2atszS":
        first += 1
    return first


def _phrase_office(tokens: list[Token]) -> tuple[str, str | None, bool]:
    """(role words, first place, has a core office word) of an office phrase."""
    words, country, core = [], None, False
    skip_possessive = False
    depth = 0
    portfolio_before = False  # the last place outside brackets was an office's ("for the DPRK"), not the person's
    previous: Token | None = None
    before_previous: Token | None = None
    for index, token in enumerate(tokens):
        if index:
            previous, before_previous = tokens[index - 1], tokens[index - 2] if index > 1 else None
        if token.kind == "(":
            depth += 1
            continue
        if token.kind == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            # ("Special Representative for the Democratic People’s Republic of Korea (DPRK)": the bracket names the
            # portfolio again, not the person's country)
            if token.kind == "G" and country is None and not portfolio_before:
                country = token.value
            continue
        if token.kind == "G":
            portfolio = previous is not None and (previous.kind in "f2n" or (
                previous.kind == "t" and before_previous is not None and before_previous.kind in "f2n"))
            portfolio_before = portfolio
            if not portfolio:  # "Special Envoy for Yemen", "Ambassador to Mexico": not the person's country
                country = country or token.value
            skip_possessive = True
            previous, before_previous = token, previous
            continue
        if token.kind == "s" and skip_possessive:
            continue
        skip_possessive = False
        if token.kind == "H":
            core = True
            continue
        if token.folded in CORE_OFFICES or token.folded.rstrip(".") in OFFICE_ACRONYMS or token.folded in PLURAL_OFFICES:
            core = True
        if token.kind != ",":  # a portfolio's list of places
            words.append(token.folded)
    while words and words[0] in ("of", "for", "to", "and", "the", "&", "'s"):
        words.pop(0)
    while words and words[-1] in ("of", "for", "to", "and", "the", "&", "'s"):
        words.pop()
    return " ".join(words), country, core


# An office word that may begin a place's name: the next name word ends the office, not begins a person's.
COMPASS = frozenset({"western", "eastern", "northern", "southern", "central"})


def find_mentions(text: str, slots: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """Every person mention in text; names standing in a slot span (start, end) need no office."""
    tokens = tokenize(text)
    mentions: list[Mention] = []
    n = len(tokens)
    k = 0
    while k < n:
        if not _is_name_token(tokens, k):
            k += 1
            continue
        j = k
        while j < n and (_is_name_token(tokens, j) or (tokens[j].kind == "S" and j > k)):
            j += 1
        # ", Jr." continues the name
        if j + 1 < n and tokens[j].kind == "," and tokens[j + 1].kind == "S":
            j += 2
        run = tokens[k:j]
        start_run = k
        k = j
        names = [t for t in run if t.kind in "NXp" or (t.kind == "H" and t.folded in SOFT_HONORIFICS)]
        if not any(t.kind == "N" for t in run):
            continue
        after = tokens[j] if j < n else None
        if after is not None and after.kind in "OG" and after.start - run[-1].end <= 1:
            continue  # a department or place name inside an office, not a person
        if after is not None and after.folded in GROUP_NOUNS:
            continue  # "Gun Violence Prevention Leaders"
        first = _office_left(tokens, start_run)
        if len(names) >= 3 and first < start_run - 1 and names[0] is run[0] and (
                tokens[start_run - 1].kind in "tfon" or tokens[start_run - 1].folded in COMPASS):
            # "Special Advisor for the Americas Christopher Dodd": the first word ends the office; so does the
            # second word of a place after a compass word ("Personal Envoy ... for Western Sahara Staffan de Mistura")
            run = run[1:]
            names = names[1:]
            start_run += 1
        elif (len(names) >= 3 and start_run >= 2 and tokens[start_run - 1].kind == "a" and names[0] is run[0]
              and tokens[start_run - 2].kind == "O" and not (j < n and tokens[j].kind == ",")):
            # "Minister of Foreign Affairs and Expatriates Ayman Safadi"
            first = _office_left(tokens, start_run - 1)
            run = run[1:]
            names = names[1:]
            start_run += 1
        office_tokens = tokens[first:start_run]
        role, country, core = _phrase_office(office_tokens)
        if core and len(names) == 1 and office_tokens and not (
                office_tokens[-1].kind in "HG)" or office_tokens[-1].folded in CORE_OFFICES
                or office_tokens[-1].folded.rstrip(".") in OFFICE_ACRONYMS or office_tokens[-1].folded in PLURAL_OFFICES):
            core = False  # "Criminal Justice Reform", "Secretary of Housing": a lone word there is no surname
        if core and len(names) == 1 and after is not None and after.kind == "X" and after.start - run[-1].end <= 1:
            core = False  # "American Rescue Plan"
        evidence = "office" if core else ""
        possessive = j < n and tokens[j].kind == "s"
        # "of the Republic of Korea (ROK)" after the name
        m = j
        if m < n and tokens[m].kind == "o":
            p = m + 1
            if p < n and tokens[p].kind == "t":
                p += 1
            if p < n and tokens[p].kind == "G":
                country = country or tokens[p].value
                m = p + 1
                if m < n and tokens[m].kind == "(":
                    close = next((q for q in range(m, min(m + 5, n)) if tokens[q].kind == ")"), None)
                    m = close + 1 if close is not None else m
        # ", Spokesperson and Chief Advisor to the President of Turkey" after the name
        if not possessive and m + 1 < n and tokens[m].kind == "," and tokens[m + 1].kind in "OHGtX":
            p = m + 1
            apposition: list[Token] = []
            while p < n and tokens[p].kind in "OHGXofna2ts()N":
                if tokens[p].kind == "N" and not (p + 1 < n and tokens[p + 1].kind in "OGN"):
                    break  # a name of its own starts
                if tokens[p].kind == "N" and p + 1 < n and tokens[p + 1].kind == "N":
                    q = p
                    while q < n and tokens[q].kind == "N":
                        q += 1
                    if q >= n or tokens[q].kind not in "OG":
                        break
                apposition.append(tokens[p])
                p += 1
            a_role, a_country, a_core = _phrase_office(apposition)
            if p < n and _is_name_token(tokens, p) and apposition and apposition[-1].kind in "OHG" and not any(
                    t.kind == "2" and u.kind in "OH" for t, u in zip(apposition, apposition[1:])):
                a_core = False  # "Des Moines, Iowa, Vice President Kamala Harris": the office is Harris's
            if a_core:
                evidence = evidence or "apposition"
                role = role or a_role
                country = country or a_country
        before = tokens[start_run - 1] if start_run else None
        in_slot = any(s <= run[0].start and run[-1].end <= e for s, e in slots)
        after_mention = bool(mentions) and start_run >= 2 and (
            tokens[start_run - 2].end == mentions[-1].end
            or (start_run >= 3 and tokens[start_run - 2].kind == "," and tokens[start_run - 3].end == mentions[-1].end))
        if not evidence and after_mention and before is not None and before.kind in ",a" and mentions[-1].office.split()[-1:] \
                and mentions[-1].office.split()[-1] in PLURAL_OFFICES:
            evidence, role = "office", mentions[-1].office  # "Senators Capito, Barrasso, and Wicker"
            country = country or mentions[-1].country
        if not evidence and len(names) >= 2 and before is not None and before.kind == "," and start_run >= 2:
            # "the Prime Minister of Japan, Kishida Fumio" / "Ukraine's First Lady, Olena Zelenska"
            left = _office_left(tokens, start_run - 1)
            r_role, r_country, r_core = _phrase_office(tokens[left:start_run - 1])
            owner = tokens[left - 1] if left > 0 else None
            if r_core and left < start_run - 1 and (owner is None or not _is_name_token(tokens, left - 1)) and (
                    not mentions or mentions[-1].end <= tokens[left].start):
                evidence, role, country = "office", role or r_role, country or r_country
        if not evidence and len(names) >= 2 and " ".join(t.folded for t in names) in KNOWN_NAMES:
            evidence = "known"
        if not evidence and len(names) >= 2 and before is not None and (
                (before.kind in ",a" and after_mention)
                or (in_slot and (before.folded in ("with", "between", "including") or before.kind == ":"))):
            evidence = "slot"  # "met with Zin Mar Aung", "Susan Rice, Cedric Richmond, Erika Moritsugu and Howard Ou"
        if not evidence:
            continue
        inner = False
        for q in range(first, start_run - 1):
            if tokens[q].kind == "2" and tokens[q + 1].kind in "OH" and q > first:
                inner = True  # "State Secretary to Prime Minister Stefan Löfven": Löfven is in her title
        name_words = [t.text for t in run if (t.kind not in "IS" or t.folded in ROMAN) and t.kind != ","]
        while name_words and fold(name_words[0]) in SOFT_HONORIFICS:
            name_words.pop(0)
        name_words = [w.title() if w.isupper() and len(w) > 2 and fold(w) not in ROMAN else w for w in name_words]
        if not name_words:
            continue
        start = tokens[first].start if first < start_run else run[0].start
        mentions.append(Mention(" ".join(name_words), role, country, start, run[-1].end, run[0].start,
                                possessive, inner, evidence, tuple(fold(w) for w in name_words)))
    return mentions


# Offices written without a name: "the President", "The President and Vice President", "the Secretary's Call".
ROLE_ONLY = re.compile(
    r"(?:(?<=\bthe )|(?<=\bThe )|(?<=\band )|(?<=& )|(?<=\A))"
    r"((?:(?:Vice|Deputy|Principal Deputy)\s+)?(?:President|Secretary|National Security Advisor)|First Lady|Second Gentleman)\b"
    r"(?!\s+(?:of|for|to)\b)(?!\s+(?:[A-Z][a-z]|[A-Z]\.))(?!-)"
)


def role_only_mentions(text: str) -> list[tuple[str, int]]:
    """Offices standing for a person with no name given: [("President", offset), ...]."""
    found = []
    for match in ROLE_ONLY.finditer(text):
        before = text[max(0, match.start() - 12):match.start()].lower()
        if re.search(r"\bto the $|\bof the $", before):
            continue  # "Senior Advisor to the President": part of someone else's title
        found.append((match.group(1), match.start()))
    return found
