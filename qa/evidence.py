"""Evidence for a Question: the readouts that match who and when (from the metadata, all of them, not
the top five), and the refusal when there are none (the topic is judged in qa.refusal).

Names and time select readouts; they never select sentences. A question that names people the
index knows is answered from their readouts only; when there are none in the time asked, the
refusal says what was found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.api import Library, ReadoutSummary
from index.countries import fold
from index.query import mentioned

from .asked_names import asked_name
from .kinds import is_kind  # noqa: F401 - read as ev.is_kind by qa.compose_compare
from .named_words import thread_country
from .places import at_place
from .question import Question, capitalised
from .selection import person_ids, select  # noqa: F401 - person_ids is read as evidence.person_ids
from .texts import any_mentions, readout_texts
from .tuning import TUNING, Tuning



@dataclass(frozen=True)
class Evidence:
    """The readouts that match a question's people and time, in event-date order."""

    readouts: tuple[ReadoutSummary, ...]
    people_known: bool  # the question names participants the index has
    refusal: str = ""  # non-empty: the one-sentence reason to refuse
    unasked: bool = False  # none is of the kind, company or setting asked: these are the people's other contacts


def gather(library: Library, question: Question, tuning: Tuning = TUNING) -> Evidence:
    """The readouts for a question and whether to refuse, by the one rule."""
    if not question.people:
        return Evidence((), False)
    readouts = select(library, question)
    unasked = False
    if not readouts and (question.kind or question.company or question.setting) \
            and question.intent in ("list", "how_many", "when") and tuning.other_kinds:
        # None of the kind asked ("meet" and they only spoke by phone; "one-on-one"): the other contacts, which the
        # answer lists under a count of 0 (qa.compose_lists.by_metadata), rather than no evidence at all.
        readouts = select(library, replace(question, kind=None, company=None, setting=None))
        unasked = bool(readouts)
    if tuning.follow_cited and question.carried and question.cited \
            and (question.intent in ("discuss", "yes_no", "who_said")
                 or (tuning.cited_when and question.intent == "when" and not question.named and not question.topic)):
        # ("When was that?": the contact the last answer quoted, not every contact of the people it named)
        # "And what about the South Caucasus?" after an answer about one meeting: that meeting, when it
        # has the topic; the people's other readouts only when it does not.
        cited = tuple(r for r in readouts if r.id in question.cited)
        if not cited and not question.named and tuning.cited_thread and not (question.moved and tuning.thread_time):
            # "Did Ukraine come up?" after "What did Biden say about Pope Francis?" answered from Cardinal
            # Zuppi's visit: the people carried from the turns' words missed the contact the thread is about.
            cited = tuple(library.readouts(filters=replace(question.filters, readouts=frozenset(question.cited))))
        if cited and (not question.topic or any_mentions(library, cited, question.topic)
                      # ("Did Kyiv's war come up too?": a country the follow-up names, which the contact mentions)
                      or thread_country(question, readout_texts(library, [r.id for r in cited]))
                      or (tuning.thread_common and question.intent != "yes_no" and not question.named
                          and _ordinary(library, question, tuning))):
            # ... or asked in common words ("What did the President praise the country for?" of a call where he
            # "commended" it): the thread's readout, as the refusal rule reads it too.
            return Evidence(cited, True)
    if readouts and len(readouts) > 1 and question.intent != "compare" \
            and not (tuning.dated_places and len(question.dates) > 1):
        # Two dates name two contacts: a place said of one ("in Vilnius") does not drop the other.
        readouts = at_place(library, question, readouts, tuning)
    if readouts:
        return Evidence(readouts, True, unasked=unasked)
    named = tuple(p for p in question.people if not p.inferred)
    # (not for a list, a count or a date of contacts: those would be headed "of Blinken and Kuleba" over Blinken's
    # other contacts that day, his call with Panama's president)
    if named != question.people and not (tuning.described_kept and question.intent in ("list", "how_many", "when")):
        # A description by office ("Oslo's top diplomat") that matches no readout: read without it.
        return gather(library, replace(question, people=named), tuning) if named else Evidence((), False)
    firm = tuple(p for p in question.people if not re.search(r"['’]s$", p.words))
    if firm != question.people:
        # "Lula's top aide", "Zelenskyy's chief of staff": a possessive names whose side, not who took part.
        if not firm:
            return Evidence((), False)
        return gather(library, replace(question, people=firm), tuning)
    if question.carried or question.intent == "compare":
        return Evidence((), True)  # a reading too weak (who from earlier turns; two contacts) to refuse on
    who = question.describe() or "these participants"
    # The metadata may miss a participant (recall 0.97): a name the readouts of that time do mention
    # is not refused on the metadata alone.
    if _mentioned_in_range(library, question):
        return Evidence((), True)
    return Evidence((), True, f"The readouts do not cover this: no readout{time_said(question)} records a contact "
                              f"with {names_said(question)}." if who else "")


def _ordinary(library: Library, question: Question, tuning: Tuning) -> bool:
    """Whether every topic word is an ordinary one: written without a capital and in more than
    `specific_paragraphs` paragraphs of the index ("praise", "troops"; not "Greece", not "Suwałki")."""
    return all(not capitalised(w, question.text)
               and library.count_paragraphs_with(w, at_most=tuning.specific_paragraphs + 1) > tuning.specific_paragraphs
               for w in question.topic)


def names_said(question: Question) -> str:
    """Who a question names, as a refusal says it."""
    # Several names for one mention ("Truss" is Liz or Elizabeth Truss): the words asked, less a possessive.
    return " and ".join(p.names[0] if len(p.names) == 1 else re.sub(r"['’]s$", "", p.words) for p in question.people)


def time_said(question: Question) -> str:
    """The time a question asks about, as an answer's or a refusal's heading says it (" of 2022")."""
    if question.date_from and question.date_to and question.date_from[:4] == question.date_to[:4] \
            and question.date_from.endswith("-01-01") and question.date_to.endswith("-12-31"):
        return f" of {question.date_from[:4]}"
    if question.date_from and question.date_to:
        return f" between {question.date_from} and {question.date_to}"
    if question.date_from or question.date_to:
        return f" from {question.date_from}" if question.date_from else f" up to {question.date_to}"
    return " in this index"


def none_of_them(question: Question, readouts: int, one: str, each: str) -> str:
    """A refusal of the people's readouts: "the one readout of X and Y in 2022 {one}." or "X and Y appear together in
    N readouts of 2022, and none of them {each}."""
    if readouts == 1:
        return f"The readouts do not cover this: the one readout of {names_said(question)}{time_said(question)} {one}."
    together = " together" if len(question.people) > 1 else "s"
    return (f"The readouts do not cover this: {names_said(question)} appear{together} in {readouts} "
            f"readouts{time_said(question)}, and none of them {each}.")


def _mentioned_in_range(library: Library, question: Question) -> bool:
    family = [re.sub(r"['’]s$", "", p.words.split()[-1]) for p in question.people]
    filters = replace(question.filters, date_from=question.date_from, date_to=question.date_to)
    hits = library.search(" ".join(family), filters=filters, k=10, mode="lexical")
    if TUNING.mentioned_whole:
        # "Simon Harris" as the question writes him, given name and all: Kamala Harris, mentioned beside Biden
        # all of 2023, is not him.
        whole = [asked_name(p, f) for p, f in zip(question.people, family)]
        return any(all(mentioned([f], f"{h.title} {h.text}") and (w == f or fold(w).lower() in fold(f"{h.title} {h.text}").lower())
                       for f, w in zip(family, whole)) for h in hits)
    return any(all(mentioned([f], f"{h.title} {h.text}") for f in family) for h in hits)
