"""The two routes of qa.ask.plan once the evidence is gathered, and the word-level checks both end with: the readouts
that who and when picked (their passages, then the checks of the topic against them), or none (the passages retrieved,
then the checks of the question against them). qa/ask.py reads the question and gathers the evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.api import Library

from . import compose, evidence, extract, refusal, sides
from .details import detail_refusal, length_refusal, measure_refusal
from .domain import out_of_domain
from .given import given_refusal
from .otherwise import PASSAGES, said_otherwise
from .passages import event_refusal, top_texts, unnamed_passages
from .question import Question
from .refine import (TOPIC_TEXTS, contacts_on, engine_top, named_contacts, none_mention, official_hits, rare_hits,
                     said_most, top_contact, unsaid_when)
from .texts import name_texts, readout_texts
from .tuning import TUNING
from .unsaid import unnamed_yes_refusal, unsaid_names

METADATA_INTENTS = ("when", "list", "how_many")


@dataclass(frozen=True)
class Plan:
    """What ask() decided before composing: the reading, the passages, and a refusal or the route to answer by."""

    question: Question
    scored: list
    refusal: str = ""  # non-empty: refuse with this sentence
    route: str = "extract"  # "metadata", "broad", "topic" (evidence from the metadata) or "extract" (none)
    readouts: tuple = ()
    unasked: bool = False  # a list or count of a kind of contact with none of it: the readouts are the other contacts

    @property
    def hits(self) -> tuple:
        return tuple(s.hit for s in self.scored)


def plan_found(library: Library, read: Question, found: evidence.Evidence, question: str, filters, turns: tuple,
               k: int) -> Plan:
    """The plan of a question whose people or event picked readouts (`found`): their passages, then the checks of
    what is asked against them; a list, a count or a date is answered from the metadata."""
    scored = library.retrieve(question, compose.restrict(read.filters, found.readouts), turns, k=max(k, 5))
    if TUNING.engine_top and not read.carried and read.intent != "compare":
        moved = engine_top(library, read, question, filters, turns, scored, max(k, 5))
        if moved:
            found, scored = evidence.Evidence(moved[0], True), moved[1]
    if TUNING.rare_hits:
        scored = rare_hits(library, read, question, turns, scored, found.readouts)
    scored = official_hits(library, read, question, turns, scored)  # "relief money": "ARP funds"
    if read.intent in METADATA_INTENTS:
        named = named_contacts(library, read, found) if TUNING.named_contacts else found
        if read.subject and TUNING.subject_contacts:
            # "When did Biden and Pope Francis last discuss abortion?": the contacts that have the topic; of the
            # contacts with the names given, what was said may be in other words (no refusal).
            on, reason = contacts_on(library, read, named, scored)
            if reason and named is found:
                return Plan(read, scored, reason)
            named = named if reason else on
            if read.intent == "when" and TUNING.subject_said_most and not reason:
                # (of those supporting it, all of them for people described by office, never refused on words:
                # those that say most of it)
                named = said_most(library, read, named, scored)
        elif read.intent == "when" and read.topic and TUNING.when_said:
            reason = unsaid_when(library, read, named) if TUNING.when_unsaid else ""
            if reason:
                return Plan(read, scored, reason)
            named = said_most(library, read, named, scored)
        if read.intent == "when" and TUNING.when_top:
            named = top_contact(library, read, named, scored)
        found = named
        return Plan(read, scored, route="metadata", readouts=found.readouts, unasked=found.unasked)
    best = max((s.dense for s in scored), default=0.0)
    texts = readout_texts(library, [r.id for r in found.readouts]) if len(found.readouts) <= TOPIC_TEXTS \
        else refusal.rare_word_texts(library, read, found.readouts, scored) if TUNING.rare_in_many else {}
    reason = refusal.topic_refusal(read, found, texts, best, refusal.word_counter(library)) if texts else ""
    closest = [s.hit.text for s in scored[:PASSAGES]]
    if reason and said_otherwise(read, texts, closest, library.embedder.encode_short):
        reason = ""  # "did they talk about reducing weak points in the networks that deliver chips?"
    if not reason and TUNING.unsaid_named and len(found.readouts) <= TOPIC_TEXTS and texts:
        # "What did Biden and Bolsonaro say about the Amazon Fund?": a name of several words asked about
        # that none of their readouts has whole (each word alone may be there: "the Amazon").
        unsaid = unsaid_names(read, texts)
        reason = none_mention(read, unsaid) if unsaid else ""
    if not reason and TUNING.unsaid_named_many and len(found.readouts) > TOPIC_TEXTS and texts:
        # ... and of a person with too many readouts to read whole ("In 2021, did Blinken discuss the UN-led political
        # process for Western Sahara ...?": 105 readouts, "Western" in some): those a lexical search for the name
        # finds among them are read too, so "none of them" holds for the name whole.
        unsaid = unsaid_names(read, texts)
        if unsaid:
            more = dict(texts)
            for name in unsaid:
                more.update(name_texts(library, name, found.readouts))
            unsaid = unsaid_names(read, more)
        reason = evidence.none_of_them(read, len(found.readouts), f"does not mention {', '.join(unsaid)}",
                                       f"mentions {', '.join(unsaid)}") if unsaid else ""
    if not reason and TUNING.detail_given and len(found.readouts) <= TOPIC_TEXTS:
        # "how many hostages ...?" of readouts that give no number
        reason = detail_refusal(read, found, texts, refusal.word_counter(library))
    if not reason and texts:
        reason = measure_refusal(read, found, texts)  # "what was the final score of ...?"
    if not reason and scored:
        # "how long did the call last?": of the contact found first, which the question describes (readouts
        # nearly never say it: four lengths of time in the corpus)
        reason = length_refusal(read, lambda: top_texts(library, scored, 1))
    if not reason and scored:
        reason = given_refusal(read, lambda: texts or top_texts(library, scored))  # "at which hotel ...?"
    if not reason and len(found.readouts) <= TOPIC_TEXTS:
        reason = refusal.unknown_refusal(read, found, refusal.word_counter(library), texts=texts)  # "under martial law"
    route = "broad" if not read.topic and not read.speaker and not read.exclude \
        and read.intent in ("discuss", "compare") else "topic"
    return _checked(library, read, found, question, turns, scored, reason, route, None)


# A time said as when something happened: a year, a month or a day after a preposition ("in 1960", "on May 3, 2019");
# not a deadline or a start ("meant to deploy by 2035", "since 2016")
TIME_SAID = re.compile(r"\b(?:in|on|of|during)\s+(?:(?:early|late|mid)[- ]?)?(?:[A-Z][a-z]+\.?\s+)?"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b")


def plan_unfound(library: Library, read: Question, found: evidence.Evidence, question: str, filters, turns: tuple,
                 k: int) -> Plan:
    """The plan of a question whose people the metadata does not know: the passages retrieved (within its time and
    countries), then the checks of the question against them."""
    top = None  # the top hits' readouts, read whole once for the word checks below
    scored = unnamed_passages(library, read, question, turns, max(k, 5)) if TUNING.narrow_unnamed else []
    scored = scored or library.retrieve(question, filters, turns, k=max(k, 5))
    reason = out_of_domain(read, max((s.dense for s in scored), default=0.0))
    if not reason and TUNING.empty_time and (read.date_from or read.date_to) and TIME_SAID.search(read.text) \
            and not library.readouts(limit=1, participants=False, held=(read.date_from, read.date_to)):
        # "Which Japanese prime minister signed the revised security treaty in 1960?": no contact of the index was held
        # in that time, whoever took part; the passages retrieved regardless of it answered. (A time said as when,
        # "in 1960"; not a year that names a thing, "the landmark 1954 school-desegregation cases".)
        reason = f"The readouts do not cover this: no readout in this index is{evidence.time_said(read)}."
    scored = official_hits(library, read, question, turns, scored) if not reason else scored
    if not reason and TUNING.unsaid_names and scored:
        # Naming nobody, asked about a name of several words ("the Comprehensive Security Integration and
        # Prosperity Agreement") that none of the readouts found (in the time asked) has whole.
        top = top_texts(library, scored)
        unsaid = unsaid_names(read, top)
        reason = f"{compose.REFUSAL[:-1]}: no readout found mentions {', '.join(unsaid)}." if unsaid else ""
    if not reason and TUNING.event_refusal and read.topic and not read.carried:
        reason = event_refusal(library, read, scored)
    if not reason and scored:
        # (the top readouts read whole once: the word checks below read the same ones)
        top = top if top is not None else top_texts(library, scored)
        # (how long: of the event found first, which the question describes; the others' "two-day visits" are not it)
        reason = measure_refusal(read, None, top) or length_refusal(read, lambda: top_texts(library, scored, 1)) \
            or given_refusal(read, lambda: top)  # "In what year was NATO founded?"
    if not reason and scored:
        reason = unnamed_yes_refusal(read, top, refusal.word_counter(library))  # "... small modular reactors?"
    route = "extract"
    return _checked(library, read, found, question, turns, scored, reason, route, top)


def _checked(library: Library, read: Question, found: evidence.Evidence, question: str, turns: tuple, scored: list,
             reason: str, route: str, top: dict | None) -> Plan:
    """The plan after the word-level checks of every path: a counterpart or topic word that no paragraph holds, a name
    that no top readout mentions (`top`: the top readouts' texts, where read already)."""
    # A question that describes its people by office has had its place words read already.
    inferred = found.readouts and any(person.inferred for person in read.people)
    # Readouts found from the metadata are the evidence: only a word no paragraph holds still refuses
    # there, not the closeness of a short follow-up ("Did Ukraine come up?") to its passages.
    calibration = extract.Calibration(min_cosine=0.0, loose_cosine=0.0) if found.readouts else extract.Calibration()
    unknown = "" if reason or inferred else extract.refusal_reason(
        question, scored, turns, calibration, top if top is not None else top_texts(library, scored),
        refusal.word_counter(library), sides.known_words(read) if found.readouts and TUNING.titled_names else frozenset())
    if unknown:
        reason = f"{compose.REFUSAL[:-1]}: {unknown}."
    return Plan(read, scored, reason, route, found.readouts)
