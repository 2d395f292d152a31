"""Finding people in readout text: tokens, "office + name (+ of Country)" mentions, and known officials.

A mention is a run of name words with the evidence that makes it a person: an office before it
("Ukrainian Foreign Minister Dmytro Kuleba"), an office after a comma ("Ibrahim Kalin, Spokesperson
and Chief Advisor to the President of Turkey"), or a slot where only people stand ("met with Zin Mar Aung").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.countries import COUNTRIES, ORGANISATIONS, country_of, fold
from index.officials import OFFICIALS

# Words that make up offices. CORE words can stand right before a name and make it a person.
CORE_OFFICES = frozenset("""
president vice-president president-elect minister prime secretary secretary-general director-general
advisor adviser ambassador chancellor king queen prince princess emir amir sultan emperor pope cardinal
archbishop bishop governor mayor senator sen. congressman congresswoman congressmember congressmembers
representative rep. speaker leader
chairman chairwoman chair chairperson director commissioner envoy coordinator administrator general
chief head counselor counsellor premier taoiseach tanaiste officer ceo founder co-founder spokesperson
spokesman member councilor councillor judge delegate lieutenant colonel admiral commander marshal
gen. lt. col. adm. maj. major captain capt. mp mep representative-designate designate nsa apnsa dni fm
official undersecretary commandant governor-general co-chair vice-chair attorney lord crown assistant deputy vice principal secretariat lady gentleman
presidency head-of-state chief-of-staff clerk imam rabbi patriarch sheikha chargé charge d'affaires
""".split())
OFFICE_WORDS = CORE_OFFICES | frozenset("""
foreign state national security under senior special presidential high acting permanent first second
lady gentleman defense defence affairs external trade finance treasury commerce economy economic energy
interior homeland health labor labour agriculture transportation education development relations cooperation
international cabinet council politburo standing committee office house majority minority whip delegation
mission department ministry agency administration bureau service commission parliament assembly congress
senate court supreme federal executive board staff white policy domestic climate cyber emerging technology
intelligence central communist party union republic affairs chief ministerial deputy vice-minister
ministers’ joint armed forces force army navy air military operations coast guard command indo-pacific
coordinator strategic strategy global public engagement intergovernmental legislative management resources
veterans justice environment environmental protection human rights humanitarian refugees migration
reconciliation planning information communications digital infrastructure investment industry industries
science innovation finance budget transport culture tourism youth sports women gender family social welfare
immigration citizenship consular diplomatic diplomacy regional multilateral political legal counsel general
atomic nuclear arms control nonproliferation counterterrorism counternarcotics narcotics emergency
disaster response reconstruction recovery small business water power mines mining petroleum oil gas
economics neighborhood neighbourhood enlargement negotiations surgeon violence prevention safety gun presidents ministers senators governors mayors representatives secretaries ambassadors market internal preparedness pandemic housing urban food drugs drug rescue faith-based partnerships opportunity hunger nutrition disability aging workforce competition manufacturing supply chain resilience equity quality budget africa asia europe americas hemisphere middle east pacific atlantic caribbean arctic sahel balkans caucasus horn gulf latin western eastern northern southern central economist economists scientist counsel knesset bundestag duma rada verkhovna storting riksdag folketing sejm diet climate-related cabinet-level secretary-designate nominee elect designate liaison relief works fund bank
organization program programme forum institute foundation authority region regions province provincial
district county city municipal metropolitan governorate local village general-designate alternate
""".split())
HONORIFICS = frozenset("""
mr. mr mrs. mrs ms. ms dr. dr his her majesty highness excellency holiness royal h.e. he. sir dame
sheikh sheik shaikh sayyid dato datuk rev. reverend hon. honorable honourable the-honorable
""".split())
PLURAL_OFFICES = frozenset("presidents ministers senators governors mayors representatives secretaries ambassadors "
                           "congressmembers".split())
SOFT_HONORIFICS = frozenset({"sheikh", "sheik", "shaikh", "sayyid", "dato", "datuk", "haji", "pehin", "tun", "tan"})  # also inside names: "Hassan Sheikh Mohamud"
PARTICLES = frozenset("bin bint ibn binti al al- el de da di del della dos das du van von der den la le ter zu ben abu y e".split())
ROMAN = frozenset({"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"}) | ROMAN
ABBREVIATIONS = frozenset("""
mr. mrs. ms. dr. st. gen. lt. col. sen. rep. gov. amb. no. jr. sr. adm. maj. capt. sgt. prof. rev. hon. h.e.
e.g. i.e. a.m. p.m. vs. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ft. mt. inc. corp. co.
""".split())
OFFICE_ACRONYMS = frozenset({"dg", "nsa", "apnsa", "ceo", "dni", "fm", "mp", "mep", "nsc", "pdnsa", "dnsa", "usaid", "usun",
                             "ustr", "cia", "fbi", "dhs", "dod", "nec", "dpc", "ostp", "omb", "sba", "hud", "epa", "fema"})
# Capitalised words that never start or continue a person's name.
NOT_NAMES = frozenset("""
association today yesterday tonight tomorrow this that these those the a an on in during after before following while with at by
readout statement call calls meeting meetings visit visits trip travel traveled travels conversation summit
both they he she it we i our his her their its you my together also however additionally later earlier
monday tuesday wednesday thursday friday saturday sunday january february march april july august
september october november december leaders leader's members officials counterparts allies partners
delegations team families advocates experts groups organizations media outlets citizens hostages journalists
reporters immigrant immigrants diaspora
ceos executives stakeholders legislators caucus agencies participants heads chiefs envoys advisors
advisers directors leadership people community communities workers students youth
administration government governments allies nations countries states group coalition network roundtable
convening session sessions discussion discussions dialogue consultations talks conference event celebration
workshop panel briefing launch initiative plan act bill law agreement declaration framework strategy
partnership alliance quad g7 g20 nato aukus asean caricom brics covid-19 covid democratic republican republicans
democrats bipartisan american americans congressional national senior principal federal tribal indigenous
black latino asian hispanic jewish muslim arab catholic christian evangelical lgbtq lgbtqi+
west north south region peninsula sea ocean regarding concerning reform reforms strait island islands city capital palace embassy garden
oval situation room room building summit ministerial annual first second third fourth fifth
new historic inaugural virtual secure bilateral trilateral multilateral joint special high-level working
""".split())
GROUP_NOUNS = frozenset("""
leaders members officials ministers counterparts allies partners representatives delegation delegations
governors mayors senators team families advocates experts groups organizations ceos executives stakeholders
legislators caucus agencies participants heads chiefs ambassadors envoys advisors advisers presidents
secretaries directors leadership parents workers students survivors owners manufacturers providers
""".split())

KNOWN_NAMES = frozenset(fold(o.name) for o in OFFICIALS)
TOKEN = re.compile(
    r"(?P<poss>['’]s(?![\w]))"
    r"|(?P<word>[^\W\d_](?:[\w'’.\-]*[\w.])?)"
    r"|(?P<number>\d(?:[\d,.:/\-]*\d)?)"
    r"|(?P<punct>[^\s\w])"
)
# Places by their folded spelling; all-capital abbreviations ("US", "WHO") only match written in capitals.
_PLACES: dict[str, tuple[str, str | None]] = {}
for _canonical, _aliases in list(ORGANISATIONS.items()) + list(COUNTRIES.items()):
    for _alias in (_canonical, *_aliases):
        _PLACES.setdefault(fold(_alias), (country_of(_alias) or _canonical, _alias if _alias.isupper() else None))
_PLACE_STARTS: dict[str, int] = {}  # first word of a place -> most words a place starting with it has
for _key in _PLACES:
    _first = re.split(r"[\s'-]", _key)[0]
    _PLACE_STARTS[_first] = max(_PLACE_STARTS.get(_first, 0), len(re.split(r"[\s'-]+", _key)))
INITIAL = re.compile(r"(?:[^\W\d_]\.)+\Z")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # O office, H honorific, G place, N name word, I initial, S suffix, p particle, X other capital,
    # z lower-case word, o of, f for, 2 to, a and/&, t the, s possessive 's, , . ( ) etc. punctuation as itself
    value: str = ""  # the canonical place for G
    folded: str = ""


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence or title, each with its category (see Token.kind); places become one token."""
    return _join_places(text, _split(text))


@lru_cache(maxsize=1 << 14)
def _first_word(folded: str) -> str:
    return re.split(r"[\s'’-]", folded)[0]


def _join_places(text: str, tokens: list[Token]) -> list[Token]:
    joined: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        longest = _PLACE_STARTS.get(_first_word(token.folded), 0) if token.text[:1].isupper() else 0
        if longest and token.kind not in "s.":
            for size in range(min(longest + 2, len(tokens) - i), 0, -1):
                last = tokens[i + size - 1]
                if last.kind in "s.,":
                    continue
                words = text[token.start:last.end]
                place = _PLACES.get(fold(words))
                if place and (place[1] is None or place[1] == words):
                    joined.append(Token(words, token.start, last.end, "G", place[0], fold(words)))
                    i += size
                    break
            else:
                joined.append(token)
                i += 1
            continue
        joined.append(token)
        i += 1
    return joined


def _split(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        group = match.lastgroup
        if group == "word":
            for part, offset, kind, folded in _word_parts(word):
                tokens.append(Token(part, start + offset, start + offset + len(part), kind, "", folded))
        elif group == "poss":
            tokens.append(Token(word, start, end, "s", "", "'s"))
        elif group == "number":
            tokens.append(Token(word, start, end, "z", "", word))
        else:
            kind = word if word in ",;:()" else ("s" if word in "'’" and tokens and tokens[-1].end == start
                                                 and tokens[-1].text[-1:] in "sS" else ".")
            if word == "&":
                kind = "a"
            tokens.append(Token(word, start, end, kind, "", word))
    return tokens


@lru_cache(maxsize=1 << 16)
def _word_parts(word: str) -> tuple[tuple[str, int, str, str], ...]:
    """A word's tokens as (text, offset, kind, folded): possessive and sentence-final period split off."""
    if "-" in word and all(fold(part) in _PLACES for part in word.split("-") if part):
        parts, offset = [], 0  # "U.S.-Japan": two places
        for part in word.split("-"):
            if part:
                parts.append((part, offset, _word_kind(part), fold(part)))
            offset += len(part) + 1
        return tuple(parts)
    possessive = ""
    if word[-2:] in ("’s", "'s") and len(word) > 2:
        word, possessive = word[:-2], word[-2:]
    trailing_dot = ""
    if word.endswith(".") and fold(word) not in ABBREVIATIONS and not INITIAL.match(word):
        word, trailing_dot = word.rstrip("."), "."
    parts = []
    if word:
        parts.append((word, 0, _word_kind(word), fold(word)))
    if trailing_dot:
        parts.append((".", len(word), ".", "."))
    if possessive:
        parts.append((possessive, len(word), "s", "'s"))
    return tuple(parts)


@lru_cache(maxsize=1 << 16)
def _word_kind(word: str) -> str:
    folded = fold(word)
    if word.lower() != folded and word[:1].isupper() and len(word) <= 3:
        folded = "\0" + folded  # "Tô Lâm" is a name, not "to"; keep accented short words out of function words
    if folded in ("of",):
        return "o"
    if folded == "for":
        return "f"
    if folded == "to":
        return "2"
    if folded == "and":
        return "a"
    if folded == "the":
        return "t"
    if folded == "on":
        return "n"  # "Special Envoy on Myanmar": inside an office like "for"
    if folded in PARTICLES and (word[0].islower() or folded in ("al", "bin", "el", "ibn", "bint", "binti")):
        return "p"
    if re.match(r"(?:al|el|bin|ibn|ben|abu)-[A-Z]", word):
        return "N"  # "al-Busaidi"
    if not word[0].isupper():
        return "z"
    folded = folded.lstrip("\0")
    if folded in HONORIFICS:
        return "H"
    if folded in SUFFIXES:
        return "S"
    if INITIAL.match(word) and len(word) <= 4:
        return "I"
    if folded in OFFICE_WORDS or folded.rstrip(".") in OFFICE_ACRONYMS:
        return "O"
    if "-" in folded and any(part in CORE_OFFICES for part in folded.split("-")):
        return "O"  # "Chairman-in-Office", "Foreign Minister-designate"
    if folded in NOT_NAMES:
        return "X"
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "X"  # an acronym: NSC, CHIPS, PCA
    return "N"


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
