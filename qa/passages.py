"""The passages an answer is composed from where the metadata names no one (within the question's time, countries
or titled event), and the model's closeness of a question to candidate sentences."""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library
from index.types import Filters

from . import extract, places, refusal
from .evidence import Evidence
from .question import Question, capitalised, scene_and_ask
from .sentences import candidate_sentences
from .texts import readout_texts
from .tuning import TUNING, Tuning


def _named_runs(read: Question) -> list[str]:
    """The runs of topic words the question writes with a capital ("national security council"), lower case."""
    runs, run = [], []
    for word in read.topic:
        if capitalised(word, read.text) and run and re.search(rf"\b{re.escape(run[-1])}\W+{re.escape(word)}\b", read.text,
                                                             re.IGNORECASE):
            run.append(word)
        else:
            if run:
                runs.append(" ".join(run))
            run = [word] if capitalised(word, read.text) else []
    return runs + ([" ".join(run)] if run else [])


def _has_run(run: str, text: str) -> bool:
    """Whether a text has the words of a run together, whole ("Middle East", not "Middle Eastern")."""
    return re.search(r"\b" + r"\W+".join(re.escape(w) for w in run.split()) + r"\b", text, re.IGNORECASE) is not None


def unnamed_passages(library: Library, read: Question, question: str, turns, k: int) -> list:
    """Passages for a question naming no known participant, within its time and countries ([] when it names
    neither, or nothing passes: the whole index is searched then)."""
    # (asked by a name, which the thread's readouts have as written: "National Security Council", not "the Middle
    # East" of readouts that only say "Middle Eastern"; a question in common words is read over the index as before)
    named = _named_runs(read) if TUNING.unnamed_thread and read.cited and not (read.people or read.countries
                                                                                 or read.named) else []
    if named and all(any(_has_run(n, t) for t in readout_texts(library, list(read.cited)).values()) for n in named):
        # "Who from the National Security Council took part?" after answers from the Salvadoran-American briefing:
        # that readout (not the NSC's other meetings)
        thread = library.retrieve(question, replace(read.filters, readouts=frozenset(read.cited)), turns, k=k)
        if thread:
            return thread
    allowed = places.narrowed(library, read)
    event = places.titled_event(library, read) if TUNING.titled_event and not read.carried else frozenset()
    if not event and turns and TUNING.event_of_turn and not (read.people or read.date_from or read.countries or read.carried):
        # "Where was the third U.S.-Nordic Leaders' Summit held?" then "What did the leaders welcome regarding
        # Sweden's path into the alliance?": the event the last turn named by its title is the one asked about.
        event = places.titled_event(library, replace(read, text=turns[-1].question))
    if event:
        # An event named by its title ("Dominican Day"): its readouts, in the time asked if any; the
        # countries of its name ("Venezuelan Day") are no contact's.
        timed = places.narrowed(library, replace(read, countries=()))
        scored = library.retrieve(question, replace(timed or read.filters, readouts=event), turns, k=k)
        if not scored and timed and TUNING.event_over_time and not (TUNING.scene_time and _time_in_scene(read.text)):
            # "How did NOAA rank the U.S. summer of 2024, according to the readout of the White House Summit on
            # Extreme Heat?": a time the question names may be of what is asked about, not of the event (in
            # September); the event's passages then, when closer than those of the time ("Which organizations took
            # part in the June 2022 meeting that the Gender Policy Council held ...": a readout of June 2022 untitled so).
            over = library.retrieve(question, replace(read.filters, readouts=event), turns, k=k)
            within = library.retrieve(question, allowed, turns, k=k) if allowed else []
            scored = over if best_dense(over) > best_dense(within) else []
        if scored:
            return scored
    scored = library.retrieve(question, allowed, turns, k=k) if allowed else []
    if scored and TUNING.event_held and places.has_own_time(read):
        scored = places.held_within(library, read, scored)
    if allowed and not scored and read.countries:
        # No contact with the countries in the time named: the time alone (a readout of "the peace talks in
        # Geneva" need not list Ukraine), else the countries alone ("the 2015 Iran nuclear deal").
        for looser in (replace(read, countries=()), replace(read, date_from=None, date_to=None, dates=())):
            wider = places.narrowed(library, looser)
            scored = library.retrieve(question, wider, turns, k=k) if wider else []
            if scored:
                break
    if scored and read.countries and best_dense(scored) < extract.Calibration().loose_cosine:
        # Nothing close among the contacts with the countries named: a multilateral readout ("the AUKUS
        # Joint Steering Group") need not list them; its time alone still narrows.
        timed = places.narrowed(library, replace(read, countries=()))
        wider = library.retrieve(question, timed, turns, k=k) if timed else []
        scored = wider if best_dense(wider) > best_dense(scored) else scored
    return scored


def _time_in_scene(text: str) -> bool:
    """Whether the question's year is said in the scene before the question proper, so it dates the event named there
    ("At the first meeting of the ... roundtable in autumn 2022, what ...?"), not what is asked ("How did NOAA rank
    the summer of 2024, according to the readout of ...?")."""
    return re.search(r"\b(?:19|20)\d\d\b", scene_and_ask(text)[0]) is not None


def event_readouts(library: Library, read: Question) -> tuple:
    """The readouts of the event a question naming no one names by its title, in the time asked (() for none)."""
    event = places.titled_event(library, read)
    if not event:
        return ()
    timed = places.narrowed(library, replace(read, countries=()))
    rows = library.readouts(filters=replace(timed or read.filters, readouts=event), participants=False)
    if not rows and timed and TUNING.event_over_time:
        rows = library.readouts(filters=replace(read.filters, readouts=event), participants=False)  # as above
    return tuple(rows)


def event_refusal(library: Library, read: Question, scored) -> str:
    """"What did the U.S.-Israel Strategic Consultative Group discuss about Rafah?" (2021-2023): the event's readouts
    of the time are the evidence, judged by the one refusal rule as a contact's are ("" for no event, or passages
    not the event's: its title's words may name an office, not the contact asked about)."""
    held = event_readouts(library, read)
    if not held or not scored or scored[0].hit.readout_id not in {r.id for r in held}:
        return ""
    texts = readout_texts(library, [r.id for r in held])
    return refusal.topic_refusal(read, Evidence(held, True), texts, best_dense(scored),
                                 refusal.word_counter(library)) if texts else ""


def part_hits(library: Library, part: str, ids: frozenset):
    """Passages of the given readouts for one question of several, best first."""
    return library.retrieve(part, Filters(readouts=ids), k=5) if part.strip() else []


def closeness(library: Library, question: str, scored, tuning: Tuning = TUNING, most: int | None = None) -> dict[str, float]:
    """Cosine of each candidate sentence (of the paragraphs closest to the question) to the question."""
    sentences = candidate_sentences(scored, tuning, most)
    if not sentences:
        return {}
    vectors = library.embedder.encode_short(sentences)
    # The question proper, without the scene that picked the readout ("When she met Herzog in Munich, ...").
    asked = scene_and_ask(question.strip())[1].strip()
    query = library.embedder.encode_query(asked or question.strip())
    return dict(zip(sentences, (vectors @ query).tolist()))


def cosines(library: Library, text: str, sentences: list[str]) -> list[float]:
    """Cosine of each sentence to a text (one question of several)."""
    return (library.embedder.encode_short(sentences) @ library.embedder.encode_query(text)).tolist()


def best_dense(scored) -> float:
    """The best dense score of the passages (0 for none)."""
    return max((s.dense for s in scored), default=0.0)


def top_texts(library: Library, scored, top: int = 5) -> dict[str, str]:
    """Whole text of the readouts behind the top hits."""
    return readout_texts(library, [s.hit.readout_id for s in scored[:top]])
