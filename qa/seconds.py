"""The sentences quoted beside the best one in a discuss, who said or yes/no answer: a close second, one that answers
another part of the question, and where the question asks of several contacts each one's own best sentence."""
from __future__ import annotations

from functools import cache
from typing import Callable

from index.name_tokens import CORE_OFFICES
from index.query import lexical_terms, stem
from index.types import Hit

from .cover import has as _has, has_stems as _has_stems
from .parts import PLURAL_CONTACTS, SUBJECT, question_parts, subject_parts
from .question import Question
from .sentences import MEANING_SENTENCES, topic_words
from .tuning import Tuning
from .types import Candidate


def _title_stems(hit: Hit) -> set[str]:
    """The stems of the words of a hit's readout title."""
    return {stem(w) for w in lexical_terms(hit.title)}


def _untitled(question: Question, c: Candidate) -> set[str]:
    """The question's topic words that a candidate sentence has and its readout's title does not."""
    return topic_words(question, c.sentence) - _title_stems(c.hit)


def _title_words(question: Question, earlier: str = "") -> set[str]:
    """The words of the question (and of the `earlier` turns it follows) that a readout title is matched on, less
    those naming who ("President" is in most titles, "Joseph R. Biden, Jr." in others); stemmed."""
    who = {w for p in question.people for w in lexical_terms(p.words)} | CORE_OFFICES
    return {stem(w) for w in lexical_terms(f"{question.text} {earlier}") if w not in who}


def _titled(asked: set[str], hit: Hit) -> int:
    """How many of the asked words the hit's readout title has."""
    return len(asked & _title_stems(hit))


def seconds(question: Question, candidates: list[Candidate], best: Candidate, speakers: tuple[str, ...],
            tuning: Tuning, everyone: Callable[[], frozenset[str]] | None, earlier: str) -> list[Candidate]:
    """The best sentence (which has a topic word) and those quoted beside it, up to `tuning.sentences`: a close
    second, or one with a word of the question the others lack. `everyone()` gives the readouts of everyone named;
    `earlier` the questions of the turns a follow-up carries people or time from."""
    chosen = [best]
    covered = topic_words(question, best.sentence)
    # "about Nigeria's 2023 elections and its internal security": a word of one of the things asked about
    # ("food security") answers none of them; only a sentence with all the words of one does.
    things = [set(_has_stems(part)) for part in subject_parts(question.text)] if tuning.whole_subjects else []
    things = [t for t in things if t]
    # Only where each is there in so many words: one asked in other words ("lining up donor money with
    # Kyiv's needs") leaves the words to decide, as before.
    things = things if len(things) >= 2 and all(any(len(_has(c.sentence, sorted(t))) == len(t) for c in candidates)
                                                for t in things) else []
    thing_stems = sorted(set().union(*things)) if things else []
    asked = _title_words(question, earlier)
    best_titled = _titled(asked, best.hit)
    best_own, one_part = _untitled(question, best), len(question_parts(question.text)) < 2
    # (what a question asks for is said in one contact: "for how long did they agree to pause the levies", "how
    # many displaced people did he praise the host for taking in"; not what was said about a topic, which any
    # of them may say: "what did the President say about the Indo-Pacific?")
    thing = tuning.elsewhere_new and question.intent == "discuss" and not SUBJECT.search(question.text)
    # (the readouts of everyone named: large id sets at 100x, read once and only where asked for)
    pair = cache(everyone) if everyone and len(question.people) >= 2 else None
    for c in candidates[1:]:
        if len(chosen) >= tuning.sentences:
            break
        if c.overlap == 0 or (speakers and c.speaker not in speakers):
            continue
        # A close second, or one that answers another part of the question ("what did she call
        # ironclad, and what readiness toward Moscow ...") than the sentences already chosen.
        new = topic_words(question, c.sentence) - covered
        if things:
            mine = _has(c.sentence, thing_stems)
            if not any(t <= mine for t in things):
                continue
            new = set().union(*(t for t in things if t <= mine and not t <= covered)) if new else set()
        # A lead sentence whose topic words all name the event (its readout's title: "U.S.-PRC Counternarcotics
        # Working Group") is not quoted beside a best one with a word of what is asked ("led", "delegation"):
        # the event's name selects the readout, not its sentences.
        # (One question only: of several, the parts are answered one by one below, a lead among them.)
        if tuning.title_words_only and c.hit.paragraph == 1 and c.position == 0 and best_own and one_part \
                and not _untitled(question, c):
            continue
        # A close second from another contact whose title names less of the question ("Biden and the
        # transatlantic leaders": his call with Johnson, three days on) says the best one's words again: left
        # out, unless both are contacts of everyone named ("Sullivan and Al-Sheikh", 2022 and 2024).
        if not new and tuning.elsewhere_adds and c.hit.readout_id != best.hit.readout_id \
                and not (pair and c.hit.readout_id in pair()) \
                and (thing or best_titled >= _titled(asked, c.hit) + tuning.elsewhere_adds):
            continue
        if c.score >= tuning.close_share * best.score or (new and tuning.cover_parts and c.score >= tuning.cover_floor * best.score):
            chosen.append(c)
            covered |= new
    return chosen


def asks_each(question: Question, tuning: Tuning, apart: bool) -> bool:
    """Whether a discuss question asks of several contacts, each to be quoted: "calls" in the plural, two dates, or
    two counterparts no one readout has together (`apart`)."""
    return bool(tuning.each_readout and question.intent == "discuss"
                and (tuning.each_readout > 1 or PLURAL_CONTACTS.search(question.text)
                     or len(question.dates) > 1 and tuning.each_date or apart and tuning.each_person))


def each_contact(question: Question, candidates: list[Candidate], chosen: list[Candidate], best: Candidate,
                 speakers: tuple[str, ...], tuning: Tuning,
                 part_meaning: Callable[[str, list[str]], list[float]] | None,
                 together: frozenset[str]) -> list[Candidate]:
    """The chosen sentences and each other matching contact's own best sentence on the topic (`together`: the
    readouts of everyone asked about)."""
    # "In Sherman's February 2022 calls with ..., what did they discuss about diplomacy with Russia?": each
    # matching contact's own best sentence on the topic, not only the best contact's. So too for contacts
    # named by two dates ("on October 18, 2023, and ... his call with Netanyahu on November 14") or with
    # two counterparts no one readout has together (`apart`: "with Thailand's National Security Council
    # secretary general and Singapore's foreign minister in February 2021": two calls).
    have = {c.hit.readout_id for c in chosen}
    for c in candidates:
        if len(chosen) >= tuning.sentences:
            break
        if c.overlap and c.hit.readout_id not in have and c.score >= tuning.cover_floor * best.score \
                and not (speakers and c.speaker not in speakers):
            chosen.append(c)
            have.add(c.hit.readout_id)
    if len(question.dates) > 1 and tuning.each_date and tuning.dates_in_other_words and part_meaning:
        # "... about Iraq's sovereignty in their phone calls of February 2021 and August 2022": a contact of
        # a date named whose readout says it in other words ("a sovereign and independent Iraq") has no
        # topic word; its sentence closest to the question is quoted, as each date asks for a contact.
        for lo, hi in question.dates:
            # (a year names a time, not one contact: "facing elections in 2023 in December 2022")
            if any(lo <= (c.hit.event_date or c.hit.date) <= hi for c in chosen) or hi[:7] != lo[:7]:
                continue
            # (only a contact of everyone asked about)
            theirs = [c for c in candidates if lo <= (c.hit.event_date or c.hit.date) <= hi
                      and c.hit.readout_id in together and not (speakers and c.speaker not in speakers)]
            theirs = theirs[:MEANING_SENTENCES]
            if theirs:
                cosines = part_meaning(question.text, [c.sentence for c in theirs])
                chosen.append(theirs[max(range(len(theirs)), key=cosines.__getitem__)])
    return chosen
