"""Who a question names: participant names of the index grouped by person (cached per index state), and
the runs of capitalised words in a question resolved to them."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from index.countries import capital_country, country_of, fold
from index.query import GENERIC, STOPWORDS

from .spelling import (PARTICLES, ROMAN, TITLES, given_in, given_words, has_word, initials, join_spellings,
                       name_words, spelled_alike, stem_of)
from .tuning import TUNING


@dataclass(frozen=True)
class Person:
    """A participant the question names, with the index's full names that the words may mean."""

    words: str  # as the question says it ("Kuleba", "President Xi")
    names: tuple[str, ...]  # full names in the index's participants ("Dmytro Kuleba")
    inferred: bool = False  # described by office, not named ("Oslo's top diplomat"): never a reason to refuse


class Names:
    """The index's participant names by word, variants of one person grouped, cached per index generation.

    The metadata spells one person several ways ("Abdel Fattah Al-Sisi", "Abdel-Fattah El Sisi",
    "Herzog" beside "Isaac Herzog"): names with the same family word and the same first word (or
    none) are one person, and a question's word finds every spelling of that person.
    """

    def __init__(self, unseen=None) -> None:
        """`unseen(word)`: whether no paragraph of the index has a word, which a name's other spelling needs to be
        looked for (see lookup)."""
        self._key = None
        self._by_word: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._lock = threading.Lock()
        self._unseen = unseen
        self._near: dict[str, list] = {}
        self._initials: dict[str, tuple[int, tuple[str, ...]]] = {}

    def refresh(self, key, rows) -> None:
        """rows: (name, readout count) of every participant, or a function giving them (called only when
        needed); rebuilt when `key` (the index's generation) moves."""
        with self._lock:
            if key == self._key:
                return
            rows = rows() if callable(rows) else rows
            people: dict[tuple[str, str], list] = {}  # (family word, first word) -> [count, names]
            surname_only: list[tuple[str, str, int]] = []
            for name, count in rows:
                words = name_words(name)
                if not words:
                    continue
                if len(words) == 1:
                    surname_only.append((words[0], name, count))
                    continue
                entry = people.setdefault((words[-1], words[0]), [0, []])
                entry[0] += count
                entry[1].append(name)
            if TUNING.spelled_names:
                join_spellings(people)
            for family, name, count in surname_only:
                # A bare surname joins the most frequent person of that family name, or stands alone.
                best = max((k for k in people if k[0] == family), key=lambda k: people[k][0], default=(family, ""))
                entry = people.setdefault(best, [0, []])
                entry[0] += count
                entry[1].append(name)
            by_word: dict[str, list] = {}
            by_initials: dict[str, tuple[int, tuple[str, ...]]] = {}
            for (family, first), (count, names) in people.items():
                for letters in {i for n in names for i in initials(n)}:
                    # (the most frequent person of those initials: "MBS" is Mohammed bin Salman, not Meir Ben Shabbat)
                    if count > by_initials.get(letters, (0, ()))[0]:
                        by_initials[letters] = (count, tuple(sorted(names, key=len)))
                words = {w for n in names for w in name_words(n)}
                # (a long name by its family and first words: "Mishal Al-Ahmad Al-Jabir Al-Sabah" is "Crown Prince Mishal")
                for word in words if len(words) <= 4 else ({family, first} if TUNING.spelled_names else {family}):
                    by_word.setdefault(word, []).append((count, tuple(sorted(names, key=len))))
            self._by_word, self._key, self._near, self._initials = by_word, key, {}, by_initials

    def lookup(self, word: str, dominant: bool = True, spelled: bool = False) -> tuple[str, ...]:
        """Every spelling of the person(s) a word may mean; () when it names no participant.

        A person far more frequent than others sharing the word is the one meant ("Biden" is Joe
        Biden, not Jill Biden): people under a fifth of the top one's readouts are dropped. `spelled`: a word
        that names no participant and that no paragraph has may be one's word spelled another way (a word of a
        name's run, "President Zelensky").
        """
        key = fold(word).lower()
        found = self._by_word.get(key, [])
        if not found and "-" in key.strip("-"):
            # "Sherwood-Randall": names are stored by their hyphen-split words, so the person is the one
            # holding every part.
            parts = [self._by_word.get(part, []) for part in name_words(key)]
            found = [e for e in parts[0] if all(e in other for other in parts[1:])] if parts else []
        if not found and TUNING.name_initials and word.isupper() and 3 <= len(word) <= 6 and key.upper() in self._initials \
                and self._unseen is not None and self._unseen(key):
            # "AMLO", "MBZ": an analyst's shorthand of a name, which no paragraph writes (an acronym a paragraph has,
            # "IMF", is what it says)
            found = [self._initials[key.upper()]]
        if not found and spelled and TUNING.spelled_lookup and len(key) >= 5 and self._unseen is not None:
            found = self._spelled(key)
        found = sorted(found, key=lambda e: -e[0])
        if not found:
            return ()
        kept = [names for count, names in found if not dominant or count * 5 >= found[0][0]][:4]
        return tuple(n for names in kept for n in names)

    def _spelled(self, key: str) -> list:
        """The people a word no paragraph has may mean, spelled as the metadata does: "Zelensky" (Zelenskyy),
        "Meshal" (Mishal). A word some paragraph has is no other spelling ("Hamas" is not Hamad)."""
        if key not in self._near:
            # (whether a paragraph has the word first: most capitalised words do, and scanning the names costs more)
            near = [w for w in self._by_word if w[0] == key[0] and abs(len(w) - len(key)) <= 2
                    and spelled_alike(key, w)] if self._unseen(key) else []
            self._near[key] = [e for w in near for e in self._by_word[w]]
            if len(self._near) > 10000:
                self._near.clear()
        return self._near.get(key, [])

    def with_all(self, words: list[str]) -> tuple[str, ...]:
        """The names (every spelling of their person) that hold all these words: "Mohammed bin Salman" is the
        Saudi crown prince, not King Salman or Khalid bin Salman, whom "Salman" alone also names."""
        keys = [fold(w).lower() for w in words]
        if TUNING.whole_hyphens:
            keys = list(dict.fromkeys(k for w in words for k in name_words(w)))  # "Al-Thani" as "thani", once
        if not keys:
            return ()
        found = sorted((e for e in self._by_word.get(keys[-1], [])
                        if all(any(has_word(k, n) for n in e[1]) for k in keys[:-1])), key=lambda e: -e[0])
        return tuple(n for _, names in found for n in names)

    def family_like(self, word: str) -> bool:
        """Whether a word may be a participant's family name spelled another way ("Zelensky": Zelenskyy): some
        family name starts with all of it but its last two letters (at least five)."""
        key = fold(word).lower()
        return any(w.startswith(stem_of(key)) and any(name_words(n)[-1:] == [w] for _, names in entries for n in names)
                   for w, entries in self._by_word.items())


# ... and more words that open a question before a name ("Besides Petro himself, whom did Biden congratulate ...?")
_MORE_OPENING = r"|Besides|Beside|Unlike|Like|Apart|Aside|Beyond|Except|Following|Ahead|Since|Until|Despite|Given|Along|Together"


def people_in(text: str, names: Names) -> tuple[Person, ...]:
    found: list[Person] = []
    taken: set[str] = set()
    # A particle inside a name keeps the run going ("Mohamed bin Zayed", "Ursula von der Leyen").
    runs = [m.group() for m in re.finditer(r"\b[A-Z][\w'’-]+(?:[ -](?:(?:bin|ibn|bint|al|el|von|van|der|de|da|di|del|la|le)"
                                           r"[ -])*[A-Z][\w'’-]+)*", text)]
    for run in runs:
        # A possessive ends the name: "Jake Sullivan's March 2022 meeting" names Jake Sullivan.
        run = re.sub(r"^(?:Did|Does|Do|Has|Have|Had|Was|Were|Is|Are|What|When|Which|How|Who|Why|Where|And|But|In|At|On|"
                     r"During|After|Before" + (_MORE_OPENING if TUNING.opening_words else "") + r")\s+", "", run)
        if re.match(r"(?:San|Santa|Santo|São|Sao|Saint|St\.?|Port|Fort|Mount|Lake|Cape|Puerto|Los|Las|Rio)\s", run):
            continue  # a place ("San Diego", "Port Moresby"), not a person
        match = re.match(r"[^'’]*?['’]s\b|.*", run)
        place = re.sub(r"['’]s$", "", match.group())
        if match.end() < len(run) and (country_of(place) or capital_country(place)):
            runs.append(run[match.end():].strip())  # "Argentina's Gustavo Beliz": the place's person
            continue
        if country_of(match.group()) or country_of(re.sub(r"^(The|El|La|Le) ", "", match.group())):
            continue  # a place ("El Salvador", "Saudi Arabia"), not a person
        if TUNING.under_not_party and _UNDER.search(text, 0, max(text.find(run), 0)) \
                and not re.search(r"['’]s$", match.group()):
            continue  # "the first meeting of the council under Biden": whose time, not who took part
        if TUNING.boss_not_party and match.end() == len(run) and re.search(r"['’]s$", match.group()) \
                and (AIDE_RANKED if TUNING.aide_rank else AIDE_ANY if TUNING.aide_any else AIDE).match(
                    text, text.find(run) + len(run)):
            continue  # "Zelenskyy's chief of staff", "Meloni's diplomatic adviser": the aide took part, not the boss
        if TUNING.administration_of and match.end() == len(run) and not re.search(r"['’]s$", match.group()) \
                and _ADMINISTRATION.match(text, text.find(run) + len(run)):
            continue  # "Biden officials", "the Biden administration": the government of the time, not the man
        if re.search(r"\w\s+Day$", place) or TUNING.saints_days and re.fullmatch(r"[^'’]+['’]s\s+Day", run):
            continue  # an occasion ("Independence Day", "St. Patrick's Day"), not Rear Admiral Michael Day
        if TUNING.saints_days and run in ("St", "Ste") and text.startswith(".", text.find(run) + len(run)):
            continue  # "St." of "St. Patrick's Day", "St. Kitts": a saint's name or a place's, not a person
        if capital_country(place) and not any(name_words(n)[-1:] == [fold(place).lower()]
                                              for n in names.lookup(place, dominant=False) or ()):
            continue  # a capital that is only someone's given name ("Santiago's foreign minister"): the place
        # Family names come last ("Israeli Defense Minister Benny Gantz"): try the run's words from the end.
        unknown_words: list[str] = []  # the run's words after the one read, that no participant's name has
        numeral = next((w for w in match.group().split() if ROMAN.fullmatch(w)), None) if TUNING.regnal_names else None
        for word in reversed(re.findall(r"[\w'’-]+", match.group())):
            clean = re.sub(r"['’]s$", "", word)
            clean = re.sub(r"^(?:al|el|bin|ibn)-(?=\w)", "", clean, flags=re.IGNORECASE)  # "al-Sisi" is Sisi
            if clean.lower() in STOPWORDS or clean.lower() in GENERIC or len(clean) < 2 or country_of(clean):
                continue
            # (another spelling only of a word in a name's run: "President Zelensky", not "the Andean nation")
            full = names.lookup(clean, dominant=False, spelled=len(re.findall(r"[\w'’-]+", match.group())) > 1)
            if full and unknown_words and _unknown_before(match.group(), clean, names):
                # "Gurpatwant Singh Pannun": a family name (Daleep Singh's) between words no participant has is
                # part of someone else's name, who took part in no readout.
                break
            if full and unknown_words and TUNING.family_first_known and not all(
                    any(w in name_words(n) for n in full) for w in unknown_words):
                # "Takeo Morimoto": a family name first (Akiba Takeo's) before a word no part of that name is
                # someone else's given name; "Kishida Fumio" has his own.
                break
            if full and unknown_words and not any(name_words(n)[-1:] == [fold(clean).lower()] for n in full):
                # "Ambassador Rashad Hussain", Hussain not a participant: "Rashad" is someone else's first
                # name (Rashad al-Alimi), not this person. A family name still counts ("Kishida Fumio").
                break
            if full and not any(name_words(n)[-1:] == [fold(clean).lower()] for n in full) \
                    and _strangers(match.group(), clean, full):
                break  # "Ko Jimmy": a given name (Jimmy Carter's) beside words that are no part of that name
            if not full and not ROMAN.fullmatch(clean):
                unknown_words.append(fold(clean).lower())
            if full and numeral:
                # "King Charles III" is Charles III, not Charles Michel: a regnal number names one of them
                full = tuple(n for n in full if numeral in n.split()) or full
            if full and TUNING.whole_names and re.search(r"\b(?:bin|ibn|bint)\b", match.group(), re.IGNORECASE):
                # Every word of a name of several ("Tahnoun bin Zayed", not Mohamed bin Zayed), when someone has them
                # all: the word after "bin" is a father's name, which brothers and cousins share. (Not every
                # name: "Liz Truss" is also Elizabeth Truss in the metadata.)
                whole = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", match.group())]
                whole = [w for w in whole if w.lower() not in STOPWORDS and w.lower() not in GENERIC | TITLES
                         and w.lower() not in PARTICLES and not country_of(w) and len(w) > 1 and w != clean] + [clean]
                full = (names.with_all(whole) if len(whole) > 1 else ()) or full
            given = given_words(match.group(), clean) if full and TUNING.given_names else []
            if given:
                # "Kathryn Campbell" is not Kurt Campbell: the people of that family name with a spelling of a
                # given name said ("Benny" of Benjamin Gantz), and those known by the family name alone.
                full = tuple(n for n in full if given_in(given, clean, n)) or full
            if full and not (set(full) & taken):
                found.append(Person(match.group(), full))
                taken |= set(full)
                break
    return tuple(found)


# "under Biden", "under President Biden": an administration's time, not a party to the contact (at the end of the
# text searched, which stops where the name starts)
_UNDER = re.compile(r"\bunder\s+(?:(?:the\s+)?(?:President|Vice President|Secretary|Prime Minister)\s+)?$")


# After a bare surname: the government of its time ("senior Biden officials", "Biden administration officials")
_ADMINISTRATION = re.compile(r"(?:-Harris)?\s+(?:administration|officials|aides|appointees|team|staff(?:ers)?)\b")


# After "Zelenskyy's": an aide or minister of theirs, who took part in their stead.
_AIDE_BEFORE = r"\s+(?:(?:new|then|top|chief|senior|former|acting|own|special|personal)\s+)*"
_AIDES = (r"chief of staff|(?:(?:national|homeland) security|diplomatic|foreign[- ]policy|economic|security|presidential|"
          r"special|senior|top|chief|military|policy) (?:advis[eo]rs?|aides?)|advis[eo]rs?|aides?|envoys?|"
          r"emissar(?:y|ies)|spokes(?:man|woman|person)|negotiators?|(?:foreign|defen[cs]e|finance) ministers?|top diplomat"
          # ("the head of Zelenskyy's office": who runs it took part; switch boss_office)
          + (r"|office|cabinet|chancellery|secretariat" if TUNING.boss_office else ""))
AIDE = re.compile(rf"{_AIDE_BEFORE}(?:{_AIDES})\b", re.IGNORECASE)
# ... and any adviser or second of theirs ("Biden's climate adviser", "Biden's number two", "the President's press
# secretary"): one who took part in their stead
_ANY_AIDE = (r"[a-z]+[- ](?:advis[eo]rs?|aides?|czars?|envoys?|coordinators?)|number two|second[- ]in[- ]command|deputy|"
             r"vice president|running mate|press secretary")
AIDE_ANY = re.compile(rf"{_AIDE_BEFORE}(?:{_AIDES}|{_ANY_AIDE})\b", re.IGNORECASE)
# ... with a rank before it ("Biden's principal deputy national security adviser", "her assistant press secretary")
AIDE_RANKED = re.compile(rf"{_AIDE_BEFORE}(?:(?:principal|assistant)\s+)?(?:{_AIDES}|{_ANY_AIDE})\b", re.IGNORECASE)


def _strangers(run: str, word: str, full: tuple[str, ...]) -> bool:
    """Whether a run names someone else than the full names its word (a given name) matched: it has other
    words, none of them generic or a country, and none of them part of any of those names."""
    bare = {w: re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", run) if w != word}  # "Park's" as "Park"
    others = [b for w, b in bare.items() if b.lower() not in STOPWORDS and b.lower() not in GENERIC | TITLES
              and not country_of(w) and len(w) > 1]
    return bool(others) and not any(fold(o).lower() in name_words(n) for o in others for n in full)


def _unknown_before(run: str, word: str, names: Names) -> bool:
    """Whether a name's run has, before `word`, a word of a name that is no part of any participant's name
    (not an office, a title or a country: "President Biden" is Biden)."""
    before = re.findall(r"[\w'’-]+", run[: run.rfind(word)])
    return any(w.lower() not in STOPWORDS and w.lower() not in GENERIC | TITLES and not country_of(w) and len(w) > 1
               and not names.lookup(re.sub(r"['’]s$", "", w), dominant=False) and not ROMAN.fullmatch(w)
               for w in before)


def dominant_names(person: Person, names: Names) -> tuple[str, ...]:
    """The most frequent of the people a named person's words may mean ("Biden" is Joe Biden), read from the
    word that found them (the family name, "Hussain" in "Ambassador Rashad Hussain", not "Rashad")."""
    for word in reversed(re.findall(r"[\w'’-]+", person.words)):
        found = names.lookup(re.sub(r"['’]s$", "", word))
        if found and set(found) & set(person.names):
            return found
    return ()
