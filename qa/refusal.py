"""The one refusal rule every answerer follows (extractive and LLM), from a question's evidence: out of
domain, or the topic unsupported in the readouts that match who and when. (No matching participant or
time is judged where the evidence is gathered, qa.evidence.gather.)"""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library, ReadoutSummary
from index.countries import capital_country, country_of, country_pattern
from index.query import lexical_terms, mentioned

from .evidence import Evidence, none_of_them, time_said
from .texts import readout_texts, readouts_with, titled_words
from .parts import part_without, question_parts
from .people import Person
from .question import Question, capitalised as _capitalised
from .tuning import TUNING, Tuning
from .unsaid import (continent_said, demonym_places, modifiers_only, region_said, rest_together, said as _said,
                     situation_said, unsaid_names)
from .named_words import by_initials, country_said, possessive, thread_country, titled_country, unsupported
from .vocabulary import said_officially
from .verbs import says_how

# "What package did ...", "which initiative had ...": the noun says what kind of answer is wanted, not a topic.
ANSWER_TYPE = re.compile(r"(?:^|,\s*)(?:what|which)\s+(?:new\s+|other\s+|specific\s+)?([a-z]+)\s+"
                         r"(?:did|does|do|was|were|had|has|have|would|will)\b", re.IGNORECASE)
ANSWER_TYPES = frozenset("""package initiative initiatives commitment commitments step steps issue issues topic topics
subject subjects matter matters message measure measures effort efforts announcement proposal proposals idea ideas
area areas priority priorities goal goals project projects""".split())

# ... and with a word describing it ("which regional body was ...", "what leadership post had ...", "which EU-UK talks")
DESCRIBED_TYPE = re.compile(r"(?:^|,\s*)(?:what|which)\s+([\w-]+)\s+([a-z]+)\s+(?:did|does|do|was|were|had|has|have|would|"
                            r"will)\b", re.IGNORECASE)
MORE_TYPES = frozenset("body bodies post posts position positions talks organization organizations forum forums "
                       "group groups office offices role roles".split())


def word_counter(library: Library, tuning: Tuning = TUNING):
    """How many paragraphs hold a word, counted only as far as the refusal rules look: each compares the
    count with a small threshold (or zero), so past the largest one the count makes no difference."""
    cap = max(tuning.rare_paragraphs, tuning.specific_paragraphs) + 1
    return lambda word: library.count_paragraphs_with(word, at_most=cap)


def rare_word_texts(library: Library, question: Question, readouts: tuple[ReadoutSummary, ...], scored,
                    tuning: Tuning = TUNING) -> dict[str, str]:
    """For a pair with too many readouts to read whole ("Jake Sullivan": 323): the readouts where the topic's
    rare words are (a lexical search for each, within these readouts, finds any paragraph that has it) and
    those retrieved, so that the one rule can still say that none of them mentions "Rhodes"."""
    rare = [t for t in question.topic if len(t) > 2 and word_counter(library, tuning)(t) <= tuning.rare_paragraphs]
    ids = [s.hit.readout_id for s in scored[:5]] + readouts_with(library, rare + demonym_places(rare), readouts)
    return readout_texts(library, ids)


def topic_refusal(question: Question, evidence: Evidence, texts: dict[str, str], best_cosine: float,
                  count=None, tuning: Tuning = TUNING, whole: bool = True) -> str:
    """Why the matching readouts do not support the topic asked about, or "".

    The topic is supported when its most specific words are there: those rare in the whole index
    ("F-35", "Rwanda", "Suez"), not "role" or "plan", which any readout has. With no rare word, any
    topic word will do; a passage close to the question supports it too.
    """
    if question.intent == "compare":
        # A comparison's words describe the two contacts, not one topic; what it says was discussed ("How did
        # their accounts of Hong Kong differ?") is, and is judged as a discuss question's topic.
        if not (tuning.compare_subject and question.subject):
            return ""
        question = replace(question, intent="discuss", topic=question.subject)
    if not question.topic or not evidence.readouts:
        return ""
    if any(p.inferred and not (tuning.inferred_names and _written(p, question.text)) for p in question.people):
        # A question that describes people by office ("Oslo's top diplomat") paraphrases, so its words need not
        # be the readouts' words; a name of several words ("Second Thomas Shoal") still must be there. (Not one
        # that writes the name as well: "Côte d'Ivoire's Prime Minister Patrick Achi".)
        unsaid = unsaid_names(question, texts) if tuning.unsaid_names else []
        return _refusal(question, evidence, unsaid, tuning) if unsaid else ""
    parts = question_parts(question.text) if whole and tuning.parts_refuse else []
    if len(parts) > 1:
        # "..., and which telecom projects did they discuss investing in?": a question of several is answered
        # when any of them is supported; refused, with the whole question's reason, when none is.
        for part in parts:
            words = set(lexical_terms(part))
            one = replace(question, topic=tuple(t for t in question.topic if t in words),
                          subject=tuple(t for t in question.subject if t in words))
            if not one.topic or not topic_refusal(one, evidence, texts, best_cosine, count, tuning, whole=False):
                return ""
    close = best_cosine >= tuning.topic_cosine
    # A word in most matching readouts' titles describes the contacts ("Turkey" in "... Advisor to the
    # President of Turkey"), not the topic: the topic is supported by what else is asked about.
    # (Judged on at most 60 of them, evenly spread: a frequent person has tens of thousands at 100x.)
    sample = evidence.readouts[::max(1, len(evidence.readouts) // 60)]
    titled = titled_words(question.topic, sample)
    if tuning.titled_country:
        # ("UAE" where the titles say "United Arab Emirates": the counterpart's country, under another of its names)
        titled |= {t for t in question.topic if t not in titled and titled_country(t, sample)}
    terms = [t for t in question.topic if len(t) > 2 and t not in titled]
    if tuning.answer_type:
        # "what package did Biden point to?": the kind of thing asked for, said in the readout as what it is
        # ("an additional $375 million in ammunition and equipment").
        asked = ANSWER_TYPE.search(question.text)
        kind = asked.group(1).lower() if asked and asked.group(1).lower() in ANSWER_TYPES else None
        described = DESCRIBED_TYPE.search(question.text) if tuning.answer_kinds and not kind else None
        if described and described.group(2).lower() in ANSWER_TYPES | MORE_TYPES:
            kind = described.group(2).lower()  # "which regional body was Guyana chairing?": CARICOM, the body
        if not kind and tuning.asker_type and count:
            # "what administration roadshow was just getting under way?": a kind of answer no paragraph of the index
            # names is the asker's own word for it ("the third Investing in America tour")
            noun = (described.group(2) if described else asked.group(1) if asked else "").lower()
            kind = noun if noun and noun in terms and count(noun) == 0 else None
        terms = [t for t in terms if t != kind]
        if kind and not terms:
            return ""
    # "the State Department readout", "the White House readout" name where a readout comes from, not a topic
    # (the few distinct sources, not one string per readout: a frequent person has tens of thousands at 100x).
    sources = " ".join({r.source for r in evidence.readouts}).lower()
    named = [t for t in terms if _capitalised(t, question.text) and t not in sources] if tuning.named_topic else []
    subject = [t for t in question.subject if t in terms]
    if tuning.subject_found and subject and any(_said_all(subject, text) for text in texts.values()):
        # What it asks about is there ("about the Indo-Pacific"); the other words say how it was put
        # ("voiced worry"), which a readout says in its own words ("highlighted her concern").
        return ""
    asked_countries = [t for t in named if t in subject and country_of(t) and (country_of(t) not in question.countries
                                                                           or _only_asked(country_of(t), question))] \
        if tuning.named_subject else []
    if asked_countries and (unsaid := unsupported(asked_countries, question.text, texts)):
        # "What did Blinken and former President Carter discuss about Cuba?": a country asked about that their one
        # readout, on Nicaragua, never names, whatever other words it has ("former", said of Carter). Countries
        # only: a region, a city or a crossing is said in other words ("the South Caucasus" as "Armenia and
        # Azerbaijan", "Gaza" as "Hamas", "Moscow" as "Russia"; four answers on the dev sets were refused so).
        return _refusal(question, evidence, unsaid, tuning)
    if thread_country(question, texts):
        return ""  # "Did Kyiv's war come up too?" of a contact whose readout has "support for Ukraine"
    missing = _missing_specific(question, terms, texts, count, tuning) if count and not close else []
    if missing and tuning.situation_said and situation_said(question.text, question.topic, missing, texts):
        return ""  # "the turmoil inside Russia": "the situation in Russia"
    if missing and tuning.subject_together and rest_together(question, missing, texts):
        return ""  # "the economic fallout of Russia's actions": "the global economic challenges created by Russia's actions"
    if missing and not modifiers_only(missing, question.text, texts, tuning):
        # What was said names something specific to a few paragraphs of the whole index ("martial law",
        # "the Suwałki Gap") that none of the matching readouts has. (Any rare word of the question would
        # do otherwise: "declaration" of "the Washington Declaration" supported martial law.)
        return _refusal(question, evidence, missing, tuning)
    if not terms or (close and not named):
        # A passage this close supports the topic, unless the question names something (a proper noun, an
        # acronym: "Algeria", "IMF", "Houthi") that none of the matching readouts has: a question that names
        # the people is close to their readouts whatever its topic.
        return ""
    counts = {t: count(t) for t in terms} if count and not close else {}
    rare = [t for t in terms if counts.get(t, tuning.rare_paragraphs + 1) <= tuning.rare_paragraphs]
    if close:
        wanted = unsupported(named, question.text, texts)
        if not wanted:
            return ""
    elif not rare and not tuning.common_refuse:
        return ""
    elif not rare and not named and tuning.aside_said and question.exclude \
            and any(2 * len(mentioned(list(question.exclude), text)) >= len(question.exclude) for text in texts.values()):
        return ""  # "what did the leaders offer besides an update on their voting work?": the readout that gives the
        # update is the one asked about; what else they "offered" it says in its own ordinary words ("provided")
    elif tuning.thread_common and question.intent != "yes_no" and not named and _in_thread(question, evidence) \
            and count and all(count(t) > tuning.specific_paragraphs for t in terms):
        return ""  # a follow-up in the readout the conversation is about, asked in its own ordinary words
    else:
        wanted = rare or terms
        # (not a country's: "UAE" is judged as countries are, above)
        acronyms = [t for t in named if _acronym(t, question.text) and not country_of(t)] if tuning.named_unsaid else []
        if acronyms and (unsaid := unsupported(acronyms, question.text, texts)) == acronyms \
                and not any(by_initials(t, question.text, texts) or any(_said([t], text) for text in texts.values())
                            for t in acronyms):  # (nor in the readouts' words: "GOP" as "Republican")
            # "Did Blinken and Le Drian discuss the fallout from the AUKUS submarine deal?": an acronym that none of
            # their readouts has, nor spelled out, whatever ordinary word of the question they have ("fallout" as
            # "consequences"). (Not any capitalised word: "Mideast", "Dems", "Ulster", "Moscow" are the asker's
            # words for what the readouts say otherwise; 26 answers of the dev sets were refused so.)
            return _refusal(question, evidence, unsaid, tuning)
    if any(_said(wanted, text) for text in texts.values()):
        return ""
    if any(country_said(w, question, texts) for w in wanted):
        return ""  # "North Korea" asked about, "the DPRK" in the readout
    if region_said(wanted, question.text, texts):
        return ""  # "outreach around the Middle East", "engagement in the region" of a readout naming Israel
    if continent_said(wanted, texts):
        return ""  # "the continent's own military capacity", "European defense"
    if any(by_initials(w, question.text, texts) for w in wanted):
        return ""  # "IMF" in the question, "International Monetary Fund" in the readout
    common = [t for t in terms if t not in rare]
    if tuning.common_cover and not close and rare and len(common) >= 2 \
            and not (tuning.named_uncovered and set(rare) & set(named)) \
            and any(len(mentioned(common, text)) >= tuning.common_cover * len(common) for text in texts.values()):
        # "Which conference did he attend in person, and how many countries took part?": a rare but
        # ordinary word ("took") missing, while one readout has most of what is asked about. Not a name ("private
        # investment in Nicaragua": the readout has private investment, in Central America's other countries).
        return ""
    if modifiers_only(wanted, question.text, texts, tuning):
        return ""
    if tuning.situation_said and situation_said(question.text, question.topic, wanted, texts):
        return ""
    return _refusal(question, evidence, wanted, tuning)


def _acronym(word: str, text: str) -> bool:
    """Whether the question writes the word in capitals, three characters or more with two letters or more ("AUKUS",
    "H-1B"; not "Dems", "Kyiv")."""
    return re.search(rf"\b{re.escape(word.upper())}\b", text) is not None and len(word) >= 3 \
        and re.fullmatch(r"[a-z0-9-]+", word) is not None and sum(c.isalpha() for c in word) >= 2


def _only_asked(country: str, question: Question) -> bool:
    """"What did Biden and Uruguay's President Lacalle Pou say about Uruguay's trade talks with China?": a country (or
    a body: "the IMF") named in what was discussed, never as someone's ("Uruguay's"), is asked about as any other is
    (the caller takes the topic words of what was discussed only)."""
    if not TUNING.asked_country:
        return False
    if not possessive(country, question.text):
        return True
    # "Did Harris and Stoltenberg discuss China's challenge to the alliance?": a possessive whose noun is a word of what
    # was discussed ("challenge", "delay", "minority"), not an office ("Uruguay's President"), asks about the country.
    pattern = country_pattern(country)
    return TUNING.possessive_topic and pattern is not None and any(
        after.group(1).lower() in question.subject
        for after in re.finditer(pattern.pattern + r"['’]s\s+([\w-]+)", question.text, re.IGNORECASE))


def unknown_refusal(question: Question, evidence: Evidence, count, tuning: Tuning = TUNING,
                    texts: dict[str, str] | None = None) -> str:
    """Why the matching readouts do not support a word of what was said that no paragraph of the whole index has
    ("martial" of "whether Ukraine would hold its election under martial law"), or "": the rules above let a passage
    close to the question support its topic, but no readout says this. (Checked last: the other rules' reasons name
    more of what is missing, "Colonial Pipeline", "Ladakh".)"""
    if not tuning.unknown_words or not evidence.readouts or question.intent == "compare" \
            or any(p.inferred for p in question.people):
        return ""  # (people described by office, "Tallinn's head of government", are asked in other words throughout)
    # (a word written without a capital: a name, "Tehran", may be said as another, "Iran", which the rules above judge)
    unknown = [t for t in question.subject if t in question.topic and t.isalpha() and len(t) > 3 and not count(t)
               and not _capitalised(t, question.text)]
    if unknown and tuning.official_words and texts:
        # ("graft", in no paragraph, of a readout on "combatting corruption": the asker's word for what it says)
        unknown = [t for t in unknown if not any(said_officially([t], text) for text in texts.values())]
    if unknown and tuning.parts_unknown and part_without(unknown, question.text):
        return ""
    if unknown and tuning.subject_together and texts and rest_together(question, unknown, texts):
        return ""  # (as in topic_refusal: the rest of what was said is in one sentence)
    if unknown and tuning.situation_said and texts and situation_said(question.text, question.topic, unknown, texts):
        return ""  # ("the turmoil in Venezuela": "the situation in Venezuela")
    return _refusal(question, evidence, unknown, tuning) if unknown else ""


def _in_thread(question: Question, evidence: Evidence) -> bool:
    """A follow-up naming no one, answered from the readouts the last answer cited."""
    if TUNING.thread_one and question.carried and not question.named and not question.cited \
            and len(evidence.readouts) == 1:
        return True  # turns as plain strings, no citations: the one contact of their people and time
    return bool(question.carried and not question.named and question.cited
                and all(r.id in question.cited for r in evidence.readouts))


def _refusal(question: Question, evidence: Evidence, words: list[str], tuning: Tuning = TUNING) -> str:
    """The refusal naming the words asked about that the matching readouts lack, or "" where each of them is one the
    question uses as a verb or an adverb (qa.verbs.says_how): what was done is said in a readout's own words ("were
    listed as" of "three pillars: ..."), what it was about is not (two blind dev sets, analyst_dev39 and 40: seven of
    twelve false refusals were so)."""
    if tuning.verbs_said and all(says_how(w, question.text) for w in words):
        return ""
    if tuning.verbs_unnamed and len(words) > 1:
        # The refusal names what it was about that is missing ("Bay State, lawmakers"), not how it was done ("sat
        # down", "had gone"), which the readout says in its own words
        tokens = re.findall(r"[\w'’-]+", question.text.lower())
        phrase = {a for a, b in zip(tokens, tokens[1:]) if b in words}  # ("genetically modified corn": one thing)
        words = [w for w in words if w in phrase or not says_how(w, question.text)] or words
    if tuning.place_described and all(describes_place(w, question.text) for w in words):
        return ""  # "the isthmus nation's capital": a description of a place the readouts name (Panama)
    # Each word as the question writes it ("MiG-29", not "mig-29"); names or words of what was asked about side
    # by side there are one ("Hong Kong", "asylum seekers"; not "Hong, Kong", but "adjust, depending").
    what = ", ".join(_as_written(w, question.text) for w in words)
    for first, second in zip(words, words[1:]):
        pair = f"{_as_written(first, question.text)} {_as_written(second, question.text)}"
        one = pair.istitle() or {first, second} <= set(question.subject)
        if one and re.search(rf"\b{re.escape(pair)}\b", question.text):
            what = what.replace(pair.replace(" ", ", "), pair)
    number = len(evidence.readouts)
    if not question.people:
        # (an event named by its title: qa.passages.event_readouts)
        held = "the one readout" if number == 1 else f"none of the {number} readouts"
        verb = "does not mention" if number == 1 else "mentions"
        return f"The readouts do not cover this: {held} of the event asked about{time_said(question)} {verb} {what}."
    return none_of_them(question, number, f"does not mention {what}", f"mentions {what}")


# Nouns of a place a word before them may describe ("the isthmus nation", "the archipelago state", "the Alpine republic")
PLACE_NOUNS = r"(?:nation|country|state|republic|kingdom|monarchy|island|islands|archipelago|emirate|city-state)"


def describes_place(word: str, text: str) -> bool:
    """Whether a word of the question describes a place it does not name, right before a place noun ("the isthmus
    nation's capital" of Panama): the readouts name the place, not the description."""
    # (written in lower case: "Falkland Islands", "National Guard State Partnership" are names)
    return not _capitalised(word, text) and \
        re.search(rf"\b{re.escape(word)}\s+{PLACE_NOUNS}\b(?!\s+(?:of|department|secretary)\b)", text) is not None


def _missing_specific(question: Question, terms: list[str], texts: dict[str, str], count, tuning: Tuning) -> list[str]:
    """The words of what was said (Question.subject) found in at most `specific_paragraphs` paragraphs of the
    index, when none of them is in any matching readout ("martial" for Yoon, "Suwałki" for the Lithuanians);
    [] when one of them is there ("sham" of "a sham trial of soldiers": the readout says it in other words)."""
    if not tuning.specific_paragraphs or not texts:
        return []
    # Not a time ("mid-2022", "1990s"); a model stays ("MiG-29", "F-16").
    time = r"(?:(?:mid|early|late|pre|post)-)?\d+s?" if tuning.model_names else r"(?:\w+-)?\d+s?"
    subject = [t for t in question.subject if t in terms and not re.fullmatch(time, t)
               and not any(country_of(part) or capital_country(part) for part in t.split("-"))]
    specific = [t for t in subject if count(t) <= tuning.specific_paragraphs]
    if not specific:
        return []
    said = [t for t in specific if any(_said([t], text) for text in texts.values()) or by_initials(t, question.text, texts)]
    if not said:
        return specific
    # "the mpox outbreak" of a readout on "the recent Ebola outbreak": the rarest of them, a word other readouts
    # have (not the asker's own: "overhaul" is in none), written without a capital (a name may be spelled another
    # way: "Kerem Shalom" as "Karem Shalom"), is what is asked about.
    if not tuning.rarest_missing:
        return []
    commonest_said = min(count(t) for t in said)
    return [t for t in specific if t not in said and 1 <= count(t) < commonest_said and not _capitalised(t, question.text)]


def _as_written(word: str, text: str) -> str:
    found = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    return found.group() if found else word


def _said_all(words: list[str], text: str) -> bool:
    return all(_said([w], text) for w in words)


def _written(person: Person, text: str) -> bool:
    """Whether the question writes the surname of a person it describes by office, as well as the office."""
    return any(name.split() and re.search(rf"\b{re.escape(name.split()[-1])}\b", text) for name in person.names)
