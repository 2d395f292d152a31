"""The words of people in readout text: the tables of offices, honorifics, particles and words that are no names,
and the tokens of a sentence or title, each with its kind (office, honorific, place, name word, ...), places joined
into one token. index/people.py finds mentions of people from these tokens."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.countries import COUNTRIES, ORGANISATIONS, country_of, fold
from index.officials import OFFICIALS

# The states of the United States, folded: a place before a name ("Commissioner of Lee County, Florida Cecil
# Pendergrass"), never the start of it.
US_STATES = frozenset(fold(name) for name in """Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,
Delaware,Florida,Georgia,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,
Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,New York,
North Carolina,North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,
Texas,Utah,Vermont,Virginia,Washington,West Virginia,Wisconsin,Wyoming""".replace("\n", "").split(","))

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
