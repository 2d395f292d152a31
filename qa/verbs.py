"""Words as words: the forms of a verb that the crude stem (index.query.stem) leaves apart (the irregular verbs of
readouts), whether a question uses a word as a verb or an adverb, and whether a word is an English one (lemminflect's
dictionary, offline)."""
from __future__ import annotations

import re

from index.query import stem

from .tuning import TUNING

# Irregular verbs of readouts: base, past, participle (qa.question.sentence_words makes them one word). Not the light
# verbs (make, take, give, hold, see, come): "made clear", "held a call", "took office" say nothing asked about.
_IRREGULAR_VERBS = """pay paid; seek sought; lead led; send sent; build built; lose lost; stand stood; grow grew grown;
rise rose risen; strike struck stricken; spend spent; sell sold; buy bought; fight fought; teach taught; withdraw withdrew
withdrawn; fly flew flown; freeze froze frozen; break broke broken; flee fled; uphold upheld; withhold withheld;
forgive forgave forgiven; undertake undertook undertaken; win won; feed fed; choose chose chosen; write wrote written"""


def _one_word(table: str) -> dict[str, tuple[str, ...]]:
    """Each form's stem -> the stems of the verb's other forms."""
    out: dict[str, tuple[str, ...]] = {}
    for verb in table.split(";"):
        stems = tuple(dict.fromkeys(stem(form) for form in verb.split()))
        out.update({one: tuple(s for s in stems if s != one) for one in stems})
    return out


IRREGULAR = _one_word(_IRREGULAR_VERBS)


# Words after which a question's next word is a verb ("must uphold", "were listed", "to pass", "of them sum up"),
# adverbs between aside ("had just taken").
_VERB_BEFORE = frozenset("to must will would can could should may might shall did do does had has have was were is are "
                         "be been being they he she we i you it them not who".split())
_ADVERBS = frozenset("also just still ever never jointly further both all each then already again only even".split())


# Words before which a participle describes a thing ("the stolen documents", "on frozen assets", "using immobilized").
# (and any "-ing" word)
_ATTRIBUTIVE = frozenset("a an the this that these those its their his her our of on about for with from by in into "
                         "against over and or".split())


def before_out(word: str, text: str) -> bool:
    """Whether a word stands right before "out" in a text, as a verb's particle does ("single out", "flown out")."""
    tokens = re.findall(r"[\w'’-]+", text.lower())
    return any(t == word.lower() and after == "out" for t, after in zip(tokens, tokens[1:]))


def comparative(word: str) -> bool:
    """Whether a word is only an adjective's comparative or superlative ("harder", "cheaper", "broadest"): the degree
    of what is asked about ("efforts to make voting harder"), which a readout says in its own words ("attempts to
    restrict access to the polls"); not one that is a noun too ("closer", "better")."""
    from lemminflect import getAllLemmas

    lowered = word.lower()
    readings = getAllLemmas(lowered) if lowered.isalpha() and lowered.endswith(("er", "est")) else {}
    return "ADJ" in readings and "NOUN" not in readings and lowered not in readings["ADJ"]


# Words after which a verb's object or particle comes ("tie that event to", "bring it up"), where a noun of a
# compound would not ("the trade representative").
_OBJECT_NEXT = frozenset("that this these those the a an it them him her to on with about up out in into for from his "
                         "their its back down over off".split())


# What follows an "-ing" form used as a verb with its object or particle ("overhauling the PA", "drumming up",
# "carrying forward"), where a noun's next word would not be (no preposition: "illegal fishing with the U.S.").
_GERUND_NEXT = frozenset("the a an its their his her our this these those them it up out forward down off back".split())
# Words before which an "-ing" form is a noun or an adjective ("the fishing", "South Africa's rolling power cuts")
_GERUND_NOUN_BEFORE = frozenset("a an the this that these those its their his her our".split())

_DO = frozenset("did does do".split())
# (a modal or an auxiliary between says another verb comes first: "did they want to ...")
_AUXILIARIES = _VERB_BEFORE - _DO - frozenset("they he she we i you it them not who".split())


def _after_subject(tokens: list[str], word: str) -> bool:
    """Whether a base form stands as the verb after "did"/"does"/"do" and a subject of one to three words, an object
    or a particle after it ("did the readout tie that event to", "did the envoy bring it up")."""
    for at in (i for i, token in enumerate(tokens) if token == word):
        after = tokens[at + 1] if at + 1 < len(tokens) else ""
        before = tokens[max(0, at - 4):at - 1]  # ("did" one to three words before it)
        if (not after or after in _OBJECT_NEXT) and _DO & set(before) \
                and not _AUXILIARIES & set(tokens[max(0, at - 3):at]):
            return True
    return False


def gerund_with_object(word: str, text: str) -> bool:
    """Whether an "-ing" form stands as a verb with its object or particle after it ("about overhauling the PA",
    "winter storms battering Texas") or as the verb of "from" ("keeping the war from spreading")."""
    if not word.endswith("ing"):
        return False
    words = re.findall(r"[\w'’-]+", text)
    for at in (i for i, w in enumerate(words) if w.lower() == word):
        before = words[at - 1].lower() if at else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if before in _GERUND_NOUN_BEFORE or before.endswith(("'s", "’s")):
            continue
        if after.lower() in _GERUND_NEXT or (after[:1].isupper() and after != "I"):
            return True
        if before == "from" and (not after or after.lower() in ("and", "or")):
            return True
    return False


def says_how(word: str, text: str) -> bool:
    """Whether a word of the question (`text`) says how something was done, not what it was about: an adverb by
    lemminflect's English dictionary ("jointly"), or a verb form where it stands: opening the question ("Going by ..."),
    or right after a modal, an auxiliary, "to", a subject pronoun or "who" ("the rules nations must uphold", "how did
    they sum up", "who praised"; not "his picks", a noun there; nor "evacuating" of "about evacuating", a topic)."""
    from lemminflect import getAllLemmas  # (its dictionary loads on first use, ~0.2 s: qa.ask.prepare reads it)

    lowered = word.lower()
    readings = getAllLemmas(lowered) if " " not in lowered else {}
    if readings and set(readings) == {"ADV"}:
        return True
    if TUNING.comparatives and comparative(lowered):
        return True
    tokens = re.findall(r"[\w'’-]+", text.lower())
    if TUNING.as_well and lowered == "well" and any(t == "as" and after == "well" for t, after in zip(tokens, tokens[1:])):
        return True  # "did she stress it as well?"
    if "VERB" not in readings:
        return False
    if TUNING.phrasal_out and not lowered.endswith("s") and before_out(lowered, text):
        # a verb with its particle: "which liberties did she single out", "spell out" (not "grain exports out")
        return True
    if TUNING.verb_forms and set(readings) == {"VERB"} and not lowered.endswith("ing") \
            and any(at and tokens[at - 1] not in _ATTRIBUTIVE and not tokens[at - 1].endswith("ing")
                    for at, t in enumerate(tokens) if t == lowered):
        # Not a participle describing the topic ("the stolen documents", "using immobilized assets"); nor an "-ing"
        # form ("evacuating", "normalizing" are topics as often as verbs: "what did they say about evacuating").
        return True
    if TUNING.relative_past and set(readings) == {"VERB"} and any(
            at and tokens[at - 1] in ("that", "which") for at, t in enumerate(tokens) if t == lowered):
        # a past tense after "that"/"which" is a clause's verb: "the wildfires that tore through Colorado" (not a
        # participle describing the topic, which "the" or "on" comes before: "the stolen documents")
        from lemminflect import getInflection
        if any(lowered in getInflection(lemma, "VBD") for lemma in readings["VERB"]):
            return True
    if TUNING.gerund_object and gerund_with_object(lowered, text):
        return True
    if TUNING.did_subject and lowered in readings["VERB"] and _after_subject(tokens, lowered):
        return True  # "What framework did the readout tie that event to?"
    if TUNING.participle_to and lowered.endswith("ed") and any(
            t == lowered and after == "to" and "VERB" in getAllLemmas(verb)
            for t, after, verb in zip(tokens, tokens[1:], tokens[2:])):
        return True  # "was Biden expected to raise ...", "which steps were they set to take": a plan or a stance
    for at in (i for i, token in enumerate(tokens) if token == lowered):
        if at == 0:
            return True  # opening the question: "Going by the readouts, ..."
        before = at - 1
        while before >= 0 and (tokens[before] in _ADVERBS or tokens[before].endswith("ly")):
            before -= 1
        if before >= 0 and tokens[before] in _VERB_BEFORE:
            return True
    return False


def english_word(word: str) -> bool:
    """Whether a word is one of English's by lemminflect's dictionary ("black", "chambers"; not "Bruce")."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))
