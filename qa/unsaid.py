"""Words asked about that none of the matching readouts has: a name of several words ("Second Thomas Shoal",
"the Amazon Fund"), a place asked about ("at Scarborough Shoal", "in Africa"), each judged against the readouts'
whole text; and `said`, the one test of whether a text has a word, used by the refusal rule (qa/refusal.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from index.chunk import split_sentences
from index.countries import capital_country, country_of, fold
from index.query import lexical_terms, mentioned, stem

from .british import americans
from .parts import subject_words
from .parties import described_words
from .question import Question, capitalised as _capitalised
from .offices import REGIONS
from .tuning import TUNING
from .verbs import comparative
from .vocabulary import named_officially, said_officially


def said(words: list[str], text: str) -> bool:
    """Whether a text has any of the words; a compound by its last part ("cross-border" as "the border")."""
    heads = [w.rsplit("-", 1)[1] for w in words if "-" in w.strip("-") and len(w.rsplit("-", 1)[1]) > 3
             and w.rsplit("-", 1)[1].isalpha()]
    # ("neighbourhood", "self-defence": an analyst's British spelling, said in the readouts' American one)
    british = americans(list(words) + heads) if TUNING.american_spelling else []
    return bool(mentioned(list(words) + heads + demonym_places(words) + british, text)) \
        or TUNING.official_words and said_officially(words, text) \
        or TUNING.prefixed_said and prefixed(words, text)  # "chips" of "semiconductor supply chains"


# Prefixes joined to a word without changing what it names: "Transatlantic" says "Atlantic", "intra-Gulf" "Gulf"
# (not "inter" unhyphenated: "international" does not say "national"; nor "co", "pre": "cooperation", "preserve")
_PREFIXES = r"(?:(?:trans|pan|multi|cross|counter|anti|non)-?|(?:inter|intra)-)"


def prefixed(words: list[str], text: str) -> bool:
    """Whether a text has one of the words (of five letters or more) with a prefix joined to it ("the Atlantic" of
    "Transatlantic approaches to China")."""
    stems = tuple(sorted({stem(w) for w in words if len(w) >= 5 and w.isalpha()}))
    return bool(stems) and _prefixed_pattern(stems).search(fold(text)) is not None


@lru_cache(maxsize=1024)
def _prefixed_pattern(stems: tuple[str, ...]) -> re.Pattern:
    # (kept: `said` runs over every matching readout's text, and re's own cache of 512 patterns is shared)
    return re.compile(rf"\b{_PREFIXES}(?:{'|'.join(map(re.escape, stems))})")


def demonym_places(words: list[str]) -> list[str]:
    """A place's adjective by its name ("Southeast Asian" as "Southeast Asia", "European" as "Europe")."""
    return [w[:-1] if w.endswith(("ian", "can", "ban")) else w[:-2] for w in words
            if TUNING.demonym_said and len(w) >= 5 and w.endswith(("ian", "can", "ban", "ean"))]



def unsaid_names(question: Question, texts: dict[str, str]) -> list[str]:
    """The capitalised names of several topic words (as the question writes them) that none of the texts has whole."""
    # What was asked about ("about Second Thomas Shoal"), not how the people or the scene are described
    # ("which Middle Eastern truce", "in the Hindu Kush").
    named = [t for t in question.topic if _capitalised(t, question.text) and t in question.subject]
    if TUNING.unsaid_places:
        # A place asked about is one too ("about Chinese coast guard actions at Scarborough Shoal"), though as where
        # a contact took place it selects readouts and is no topic word.
        about = subject_words(question.text)
        named += [w for place in question.places for w in lexical_terms(place) if w in about and _capitalised(w, question.text)]
    runs = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", question.text)
    if TUNING.possessive_names:
        # "the Inflation Reduction Act's impact": the name is "Inflation Reduction Act"
        runs = [re.sub(r"['’]s$", "", run) for run in runs]
    if TUNING.possessive_split:
        # "the Vice President's Las Vegas convening": two names, "Vice President" and "Las Vegas"
        runs = [piece for run in runs for piece in re.split(r"['’]s\s+", run)]
    unsaid = [run for run in runs if unsaid_name(run, named, texts)] if texts else []
    if TUNING.unsaid_place_words and texts:
        # ... and a place of one word asked about ("about economic growth in Africa"), no country (a country is
        # said in other words: "the DPRK"), that none of them has even as the start of a word ("African").
        about = subject_words(question.text)
        if TUNING.described_words:
            about -= described_words(question.text, question.people)  # "Saudi Arabia's ambassador in Washington"
        unsaid += [place for place in question.places if len(place.split()) == 1 and place.lower() in about
                   and not country_of(place) and not capital_country(place)
                   and not any(said([place.lower()], text) for text in texts.values())]
    return unsaid


# Regions a readout of a contact there calls "the region": what it says of one of these places is said of the region
# ("Abbas briefed Biden on his engagement in the region" of "his outreach around the Middle East"; switch region_said)
REGION_PLACES = {
    "middle east": r"Israel\w*|Gaza|West Bank|Palestinian\w*|Iran\w*|Iraq\w*|Syria\w*|Lebanon|Lebanese|Jordan\w*|Egypt\w*|"
                   r"Saudi\w*|Yemen\w*|Qatar\w*|Emirat\w*|UAE|Bahrain\w*|Kuwait\w*|Oman\w*|Hamas|Hizballah|Hezbollah|Houthis?",
    "central america": r"Guatemala\w*|Hondura\w*|El Salvador|Salvadoran\w*|Nicaragua\w*|Costa Ric\w*|Panama\w*|Belize\w*",
    "western balkans": r"Serbia\w*|Kosovo\w*|Bosnia\w*|Montenegr\w*|Albania\w*|North Macedonia\w*",
    "sahel": r"Mali\b|Malian\w*|Niger\b|Nigerien\w*|Burkina Faso|Chad\w*|Mauritania\w*",
}
THE_REGION = re.compile(r"\b(?:the|this|that)\s+(?:wider\s+|broader\s+)?region\b|\bregional\b", re.IGNORECASE)


def region_said(words: list[str], question_text: str, texts: dict[str, str]) -> bool:
    """Whether the words missing are a region the question names ("the Middle East") that a matching readout calls
    "the region" while naming a place of it (Israel, Gaza): a readout of a contact there says "the region"."""
    if not TUNING.region_said:
        return False
    said = " ".join(words).lower()
    places = REGION_PLACES.get(said)
    if not places or not re.search(rf"\b{re.escape(said)}\b", question_text, re.IGNORECASE):
        return False
    place = re.compile(rf"\b(?:{places})\b")
    return any(THE_REGION.search(text) and place.search(text) for text in texts.values())


CONTINENT = re.compile(r"\b(?:Europe|European|Africa|African|Asia|Asian|the Americas|Latin America|Latin American)\b")


def continent_said(words: list[str], texts: dict[str, str]) -> bool:
    """Whether the words missing only describe a continent ("the continent's own military capacity") that a matching
    readout names ("a stronger and more capable European defense")."""
    return TUNING.continent_said and bool(words) and all(w in ("continent", "continental", "continents") for w in words) \
        and any(CONTINENT.search(text) for text in texts.values())


def _spelled(word: str) -> str:
    """A pattern for a word of a name, its initials spelled out where it is initials ("UN": "United Nations"). (Unlike
    qa/named_words.initials_pattern, no "and", "of" between the words: "UN" is not "Union of Nations".)"""
    return r"\s+".join(rf"{c}[\w'’-]*" for c in word) if re.fullmatch(r"[A-Z]{2,4}", word) else re.escape(word)


# The last word of a name of a sea, a river or a region, which readouts may put another way ("Atlantic Basin")
GEO_HEADS = frozenset("ocean sea basin region river gulf coast".split())


def unsaid_name(run: str, named: list[str], texts: dict[str, str]) -> bool:
    """Whether a capitalised run of several topic words ("Second Thomas Shoal", "Temple Mount") is no country's
    name and is in none of the texts as written (each word alone may well be: "second", "mounting")."""
    words = run.split()
    if len(words) < 2 or not all(w.lower() in named for w in words) or country_of(run) or run.lower() in REGIONS:
        return False
    phrase = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
    if any(phrase.search(text) for text in texts.values()):
        return False
    if any(named_officially(run, text) for text in texts.values()):
        return False  # "the Islamic State": "ISIS"
    if region_said(words, run, texts):
        return False  # "about the Middle East": "the region" of a readout naming Israel
    if TUNING.initials_spelled and any(re.fullmatch(r"[A-Z]{2,4}", w) for w in words):
        # "the UN General Assembly" where the readout has "the United Nations General Assembly": initials spelled out
        spelled = re.compile(r"\b" + r"\s+".join(_spelled(w) for w in words) + r"\b")
        if any(spelled.search(text) for text in texts.values()):
            return False
    if TUNING.name_inverted and len(words) == 2:
        # "the EU Council" where the readout has "the Council of the European Union": the name the other way round
        inverted = re.compile(rf"\b{re.escape(words[1])}\s+of\s+(?:the\s+)?{_spelled(words[0])}\b")
        if any(inverted.search(text) for text in texts.values()):
            return False
    if TUNING.acronym_apart and any(re.fullmatch(r"[A-Z]{2,6}", w) for w in words) \
            and any(all(re.search(rf"\b{re.escape(w)}\b", text) for w in words) for text in texts.values()):
        return False  # "the Alabama IVF ruling": an acronym beside a name, each in a readout ("... fertilization (IVF)")
    if TUNING.geo_heads and len(words) >= 2 and words[-1].lower() in GEO_HEADS:
        # "the wider Atlantic Ocean region" where the readout has "the Atlantic Basin region": a sea or a river named
        # with another of these words (not the name alone: "Black" of "Black Sea" is in "Black History Month")
        other = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words[:-1]) + r"\s+(?:"
                           + "|".join(sorted(GEO_HEADS)) + r")\b", re.IGNORECASE)
        if any(other.search(text) for text in texts.values()):
            return False
    # A name spelled another way is still said ("Kerem Shalom" written "Karem Shalom"): one word of it may
    # differ past its first letter, keeping about its length.
    for i, word in enumerate(words):
        if len(word) < 4:
            continue
        loose = [re.escape(w) for w in words]
        loose[i] = rf"{re.escape(word[0])}[\w'’-]{{{len(word) - 2},{len(word)}}}"
        variant = re.compile(r"\b" + r"\s+".join(loose) + r"\b", re.IGNORECASE)
        if any(_close(m.group().split()[i], word) for text in texts.values() for m in variant.finditer(text)):
            return False
    return True


def _close(written: str, asked: str) -> bool:
    """One letter changed, added or dropped."""
    if abs(len(written) - len(asked)) > 1:
        return False
    written, asked = written.lower(), asked.lower()
    if len(written) == len(asked):
        return sum(a != b for a, b in zip(written, asked)) <= 1
    short, long_ = sorted((written, asked), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def modifiers_only(words: list[str], text: str, texts: dict[str, str], tuning=TUNING) -> bool:
    """Whether each word missing is a compound modifier in lower case ("trade-distorting", "long-range", "two-way")
    of a noun that a matching readout has ("practices", "missile", "trade"): the analyst's description of a thing
    the readout names in its own ("non-market practices", "ballistic missile launches"). Not a name ("S-400",
    "Israel-Hamas") nor a compound noun with no noun after it ("the build-up")."""
    if not tuning.modifier_head or not words:
        return False
    for word in words:
        after = re.search(rf"\b{re.escape(word)}\s+([a-z]{{4,}})\b", text) if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", word) \
            else None
        if not after or after.group(1) in _NOT_HEADS or not any(mentioned([after.group(1)], t) for t in texts.values()):
            return False
    return True


# Words after a modifier that are no noun it describes ("long-range and ...", "two-way with ...").
_NOT_HEADS = frozenset("with that than from into about over were have been also when while which".split())


# Verbs of a subject that say nothing of what it is ("making voting harder", "getting aid faster").
_LIGHT = frozenset("make makes making made get gets getting got keep keeping take taking give giving".split())


def unnamed_yes_refusal(question: Question, top: dict[str, str], count) -> str:
    """"During 2022, did U.S. officials and Bahrain's crown prince talk about small modular reactors?": why a yes/no
    naming no one the index knows is not answered "Yes" from the readouts found (`top`), or "": none of them has a word
    of what it asks about that is rare in the index (`count(word)`: its paragraphs)."""
    if not TUNING.unnamed_yes or question.intent != "yes_no" or not question.subject:
        return ""
    rare = [t for t in question.subject if len(t) > 3 and 0 < count(t) <= TUNING.rare_paragraphs]
    if TUNING.comparatives and any(comparative(t) for t in rare):
        # "efforts to make voting harder": the degree is how it is put ("attempts to restrict access to the polls"),
        # where a readout found has what it is of ("voting", said "polls"); not "making trains safer" of a readout with
        # no trains, which it still refuses.
        things = [t for t in question.subject if len(t) > 3 and not comparative(t) and t not in _LIGHT]
        # (as a whole word or the table's, not by its stem: "trains" is not "training")
        if any(re.search(rf"\b{re.escape(t)}\b", text, re.IGNORECASE) or TUNING.official_words and said_officially([t], text)
               for t in things for text in top.values()):
            rare = [t for t in rare if not comparative(t)]
    if rare and not any(said(rare, text) for text in top.values()):
        return f"The readouts in this index do not cover this question: no readout found mentions {', '.join(rare)}."
    return ""


def rest_together(question: Question, missing: list[str], texts: dict[str, str]) -> bool:
    """Whether the other words of what was said, three or more, are in one sentence of a matching readout: the missing
    one is how the asker put it ("fallout" of "the economic fallout of Russia's actions", the readout's "the global
    economic challenges created by Russia's actions"), not something else asked about."""
    # (one word missing, in lower case, and three or more others: "the crew of the container ship Dali", "nickel or
    # EV battery supply chains with Jokowi" ask about more than a readout on shipping or on supply chains says)
    if len(missing) != 1 or _capitalised(missing[0], question.text):
        return False
    rest = [t for t in question.subject if t not in missing and len(t) > 2]
    # (a readout without all of them whole is not split into sentences)
    return len(rest) >= 3 and any(all(said([w], sentence) for w in rest)
                                  for text in texts.values() if all(said([w], text) for w in rest)
                                  for sentence in split_sentences(text))


# What happens in a place, as an analyst and as a readout put it: "the turmoil inside Russia" is "the situation in Russia"
SITUATION = frozenset("turmoil unrest upheaval instability chaos crisis developments events situation mutiny uprising "
                      "rebellion insurrection revolt".split())
_SITUATION_SAID = r"\b(?:situation|developments|events|crisis|unrest|instability|turmoil)\s+(?:in|inside|within|on)\s+(?:the\s+)?"


def situation_said(text: str, topic, missing: list[str], texts: dict[str, str]) -> bool:
    """Whether the words missing only say that something is happening in a place the question (`text`, its `topic`
    words) names ("the turmoil inside Russia"), and a readout says so in its words ("The leaders discussed the
    situation in Russia")."""
    if not any(w in SITUATION for w in missing) or not set(missing) <= SITUATION | {"inside", "within", "amid", "across"}:
        return False
    places = [t for t in topic if t not in missing and (country_of(t) or _capitalised(t, text))]
    if not places:
        return False
    pattern = re.compile(_SITUATION_SAID + rf"(?:{'|'.join(map(re.escape, places))})\b", re.IGNORECASE)
    return any(pattern.search(text) for text in texts.values())
