"""How the names of people are spelled: a name's words for matching, the same word spelled two ways, given names
and the names they are short for, the given names of a name as a question writes it (qa.people reads questions'
names with these; the participants' names are grouped with join_spellings)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from index.countries import country_of, fold
from index.name_tokens import OFFICE_WORDS
from index.query import GENERIC, STOPWORDS

from .tuning import TUNING

ROMAN = re.compile(r"[IVX]+")  # "King Mohammed VI"
PARTICLES = frozenset("al el bin ibn bint de da del der di van von la le jr sr ii iii iv".split())


# Letters that folding keeps (they do not decompose into a letter and an accent): "Paweł" is the corpus's "Pawel".
_LATIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                        "þ": "th"})


def plain(text: str) -> str:
    """Folded, and with the letters folding keeps written plainly."""
    folded = fold(text).lower()
    return folded.translate(_LATIN) if TUNING.latin_letters and not folded.isascii() else folded


def name_words(name: str) -> list[str]:
    """A name's words for matching: folded, hyphens split, particles and initials dropped ("Al-Sisi" -> "sisi")."""
    words = re.findall(r"[\w'’]+", plain(name).replace("-", " "))
    return [w for w in words if len(w) > 1 and w not in PARTICLES]


def initials(name: str) -> tuple[str, ...]:
    """The shorthands a name of three words or more goes by, its words' initials: "AMLO" (Andrés Manuel López
    Obrador), "MBZ" and "MBZAN" (Mohamed bin Zayed Al Nahyan: up to the father's name, and whole). A hyphenated word
    is one ("Meir Ben-Shabbat" has none)."""
    words = [w for w in re.findall(r"[\w'’.-]+", name) if w[0].isupper() or w.lower() in ("bin", "ibn")]
    letters = fold("".join(w[0] for w in words)).upper()
    found = [letters] if len(words) >= 3 else []
    particle = next((i for i, w in enumerate(words) if w.lower() in ("bin", "ibn")), None)
    if particle is not None and 0 < particle < len(words) - 2:
        found.append(letters[:particle + 2])
    return tuple(found)


# Titles and honorifics before a name ("Crown Prince Mohammed", "Sheikh Tamim"), beside the offices in GENERIC.
TITLES = frozenset("crown prince princess sheikh sheikha emir amir sultan majesty highness royal grand duke "
                   "mr mrs ms dr madam sir lord lady his her excellency first lady governor mayor senator".split())


def has_word(key: str, name: str) -> bool:
    """Whether a name has a word, or (with whole_hyphens) the word spelled another way: "Mohammed" in "Mohamed bin
    Abdulrahman Al-Thani", not "Abdullah" in "Abdulrahman"."""
    words = name_words(name)
    return key in words or (TUNING.whole_hyphens and any(alike(key, w) for w in words))


def alike(a: str, b: str, least: float = 0.85) -> bool:
    """Whether two words of names are one spelled two ways ("Tahnoun" "Tahnoon", "Massoudou" "Massaoudou")."""
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    pair = SequenceMatcher(None, a, b)  # (the quick bounds first: most pairs are far apart)
    return pair.real_quick_ratio() >= least and pair.quick_ratio() >= least and pair.ratio() >= least


def stem_of(word: str) -> str:
    """All of a word but its last two letters, at least five: a name spelled another way starts with it ("zelens" of
    "Zelensky" and "Zelenskyy")."""
    return word[:max(5, len(word) - 2)]


def spelled_alike(asked: str, word: str) -> bool:
    """Whether a word asked (no paragraph's) may be a participant's name word spelled another way: it starts with
    the asked word's stem ("Zelensky": Zelenskyy), or is alike to it ("Meshal": Mishal)."""
    return word.startswith(stem_of(asked)) or alike(asked, word, 0.8)


def join_spellings(people: dict) -> None:
    """Join the metadata's spellings of one person that differ in a letter or two ("Massoudou Hassoumi",
    "Massaoudou Hassoumi"), or that write more of a name of several ("Tahnoun bin Zayed", "Tahnoon bin Zayed Al
    Nahyan"): the same first word spelled alike, and every word alike in order, or for names with "bin" every word
    of the shorter alike one of the longer. `people`: (family word, first word) -> [count, names], joined in place."""
    # Compared only within the names that start alike and whose second words start alike: the pairs stay few
    # however many names there are.
    by_start: dict[tuple[str, str], list] = {}
    for key in people:
        words = name_words(people[key][1][0])
        by_start.setdefault((key[1][:3], words[1][:1] if len(words) > 1 else ""), []).append(key)
    for keys in by_start.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a not in people or b not in people or not alike(a[1], b[1]):
                    continue
                x, y = sorted((name_words(people[a][1][0]), name_words(people[b][1][0])), key=len)
                sons = all(re.search(r"\b(?:bin|ibn|bint)\b", people[k][1][0], re.IGNORECASE) for k in (a, b))
                if (len(x) == len(y) and all(alike(u, v) for u, v in zip(x, y))) or \
                        (sons and all(any(alike(u, v) for v in y) for u in x)):
                    keep, drop = (a, b) if people[a][0] >= people[b][0] else (b, a)
                    people[keep][0] += people[drop][0]
                    people[keep][1].extend(people.pop(drop)[1])


# Given names and the names they are short for, where no letters show it ("Bill" Burns is William Burns).
NICKNAMES = {frozenset(pair.split("/")) for pair in "bill/william bob/robert dick/richard jim/james joe/joseph "
             "ted/edward jack/john peggy/margaret chuck/charles kate/catherine tony/anthony bibi/benjamin benny/benjamin "
             "liz/elizabeth".split()}


def spelling(given: str, word: str) -> bool:
    """Whether a given name as asked may be a name's word spelled another way or shortened: "Phil" Philip,
    "Tony" Antony, "Mohamed" Mohammed, "Muhammad" Mohammed; not "Imran" Lina, not "Khalid" Khalifa."""
    a, b = plain(given), word
    if a == b or (len(a) >= 3 and len(b) >= 3 and (a in b or b in a)):
        return True
    return frozenset((a, b)) in NICKNAMES or (a[-1:] == b[-1:] and SequenceMatcher(None, a, b).ratio() >= 0.75)


# Offices before a name that GENERIC and TITLES leave out ("Pope Francis", "Taoiseach Varadkar")
OFFICES = frozenset("pope cardinal patriarch archbishop bishop rabbi imam reverend taoiseach admiral general "
                     "chairman chairwoman chairperson speaker".split())


def given_words(run: str, family: str) -> list[str]:
    """The words of a name's run before its family name that may be given names: capitalised, not an office, a
    title, a country or initials ("Luis", "Gilberto" in "Foreign Minister Luis Gilberto Murillo"). Particles and
    what follows "bin" are passed over: "Khaled" of "Sheikh Khaled bin Mohamed Al Nahyan" (Mohamed is his father)."""
    before = re.findall(r"[\w'’-]+", run[: run.rfind(family)])
    out = []
    for i in range(len(before) - 1, -1, -1):
        word, low = before[i], before[i].lower()
        inside = low in PARTICLES or ("-" in low and low.split("-")[0] in PARTICLES)  # "Al", "bin", "Al-Jaber"
        fathers = i > 0 and before[i - 1].lower() in ("bin", "ibn", "bint")
        if TUNING.given_inside and (inside or fathers):
            continue
        if len(word) < 2 or not word[0].isupper() or word.isupper() or ROMAN.fullmatch(word) or country_of(word) \
                or any(part in STOPWORDS or part in GENERIC | TITLES | OFFICES or part in PARTICLES
                       or (TUNING.office_not_given and part in OFFICE_WORDS) for part in low.split("-")):
            # ("National Cyber Director Inglis": "Director" and "Cyber" are his office, not given names)
            break
        out.append(word)
    return out[::-1]


def given_in(given: list[str], family: str, name: str) -> bool:
    """Whether a name is known by its family name alone or has, beside it, a spelling of one of the given names
    asked ("Tall" of Aissata Tall Sall is no spelling of Macky Sall's "Sall")."""
    words = name_words(name)
    return len(words) == 1 or any(spelling(g, w) for g in given for w in words if w not in name_words(family))
