"""Answers composed from the topic's sentences in the matching readouts: discuss, who said, yes/no and compare (when,
list and how many, from their metadata, are qa/compose_lists.py). One [n] per paragraph; a quote is the verbatim
stretch of its paragraph from the first chosen sentence to the last.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Callable

from index.api import ReadoutSummary
from index.people import CORE_OFFICES
from index.query import lexical_terms, stem
from index.search import Scored
from index.types import Hit

from .cover import cover_questions, has as _has, has_stems as _has_stems, needed
from .details import asks_number, number_of_counted
from .focus import closest_of_tied, covering_readout, number_given, ordinal_given
from .onward import beyond_lead, roster_lines
from .parts import PLURAL_CONTACTS, SUBJECT, asked_nouns, asks_place, question_parts, subject_parts
from .present import present_asked, present_score
from .question import Question
from .quotes import REFUSAL, Cited, lead_sentence, quoted_by, refuse  # noqa: F401 - REFUSAL and refuse are read from here too
from .sentences import (MEANING_SENTENCES, closest_paragraphs, company_said, is_list, is_roster, lead_beside_many,
                        past_lead, prefer_asked, prefer_role, ROLE_ASKED, sentence_scores, topic_words)
from .tuning import TUNING, Tuning
from .types import Answer, span_quote

def _title_stems(hit: Hit) -> set[str]:
    """The stems of the words of a hit's readout title."""
    return {stem(w) for w in lexical_terms(hit.title)}


def _untitled(question: Question, c: tuple) -> set[str]:
    """The question's topic words that a candidate sentence has and its readout's title does not."""
    return topic_words(question, c[3]) - _title_stems(c[4])


def _title_words(question: Question, earlier: str = "") -> set[str]:
    """The words of the question (and of the `earlier` turns it follows) that a readout title is matched on, less
    those naming who ("President" is in most titles, "Joseph R. Biden, Jr." in others); stemmed."""
    who = {w for p in question.people for w in lexical_terms(p.words)} | CORE_OFFICES
    return {stem(w) for w in lexical_terms(f"{question.text} {earlier}") if w not in who}


def _titled(asked: set[str], hit: Hit) -> int:
    """How many of the asked words the hit's readout title has."""
    return len(asked & _title_stems(hit))


def by_topic(question: Question, scored: list[Scored], hits: tuple[Hit, ...], tuning: Tuning = TUNING,
             lead: Callable[[str], Hit | None] | None = None, closeness: dict[str, float] | None = None,
             part_hits: Callable[[str, frozenset], list[Scored]] | None = None, one_readout: bool = False,
             meaning: Callable[[], dict[str, float]] | None = None,
             part_meaning: Callable[[str, list[str]], list[float]] | None = None, apart: bool = False,
             together: frozenset[str] = frozenset(),
             everyone: Callable[[], frozenset[str]] | None = None, earlier: str = "",
             weak_meaning: Callable[[], dict[str, float]] | None = None,
             rarity: Callable[[str], float] | None = None) -> Answer:
    """discuss / who said / yes-no / compare: the topic's sentences in the matching readouts, dated.

    `lead` gives a readout's lead paragraph: a question that asks where quotes the best readout's lead
    first, which says where the contact took place. `part_hits(text, readout ids)` retrieves for one question
    of several ("what milestone did they commemorate, and what did Blinken thank Jamaica for ...?"). `meaning()`
    gives sentences' closeness to the question, asked for only when no sentence has a word of the topic;
    `part_meaning(text, sentences)` their closeness to one question of several; `everyone()` the readouts that
    have every person asked about; `earlier` the questions of the turns a follow-up carries people or time from;
    `weak_meaning()` as `meaning()`, of fewer paragraphs (for a best sentence with one word of a long topic)."""
    speakers = tuple(question.speaker.names) if question.speaker else ()
    candidates = sentence_scores(question, scored, speakers, tuning, closeness)
    if not candidates:
        return refuse(question, REFUSAL, hits)
    if question.intent == "yes_no" and question.subject and tuning.yes_shows_subject:
        # "Did their meetings touch on the Sahel?": the "Yes" quotes a sentence that says it, before one that
        # only describes the meetings in more of the question's words.
        asked = [stem(t) for t in question.subject]
        candidates.sort(key=lambda c: len(_has(c[3], asked)) < len(asked))
    if one_readout and tuning.readout_cover and rarity is not None and len(question_parts(question.text)) >= 2:
        candidates = covering_readout(question, candidates, tuning, rarity)
    candidates = prefer_asked(question, candidates, asked_nouns(question.text), tuning)
    candidates = prefer_role(question, candidates, tuning)  # "Who moderated ...?"
    if tuning.tie_meaning and part_meaning is not None and candidates[0][5] >= 1:  # (a whole topic word, not a title's)
        candidates = closest_of_tied(question, candidates, part_meaning, tuning)
    present = _present_first(question, candidates) if tuning.yes_present else None
    candidates = [present] + [c for c in candidates if c is not present] if present else candidates
    best = candidates[0]
    first = lead(best[4].readout_id) if lead and asks_place(question.text, tuning) else None
    if question.intent == "compare":
        per_readout: dict[str, tuple] = {}
        for c in candidates:
            per_readout.setdefault(c[4].readout_id, c)
        chosen = list(per_readout.values())[:2]
    elif best[5] == 0 and not speakers and question.exclude:
        # "What did they discuss besides Passover?": what each other paragraph opens with, in ranking
        # order (the sentences naming Passover are already out), past the "X spoke with Y" lead.
        firsts: dict[tuple[str, int], tuple] = {}
        for c in sorted(candidates, key=lambda c: (c[1], c[2])):
            firsts.setdefault((c[4].readout_id, c[4].paragraph), c)
        chosen = [c for c in firsts.values() if not (c[4].paragraph == 1 and c[2] == 0)] or list(firsts.values())
        chosen = chosen[: tuning.sentences]
    elif best[5] == 0 and not speakers and question.topic and question.intent == "yes_no" and not closeness \
            and meaning is not None and (closeness := meaning()):
        # "Did they get into the rainforest?" of a readout on "the larger Amazon Basin": no topic word anywhere,
        # so the few closest paragraphs' sentences are embedded now, and the closest in meaning is quoted. Only
        # for yes/no, which is all topic: a longer question's scene ("when he sat down with ... at the summit")
        # makes the lead closest, and "who praised ..." found "commended" for the wrong thing (dev).
        chosen = _closest(candidates, closeness, tuning)
    elif tuning.weak_words and best[5] <= 1 and len(question.topic) >= tuning.weak_words and not speakers \
            and any(p.inferred for p in question.people) \
            and question.intent == "discuss" and not closeness and weak_meaning is not None \
            and (closeness := weak_meaning()) \
            and max(closeness.values()) - closeness.get(best[3], -1.0) >= tuning.weak_margin:
        # One word of a long topic is all the best sentence has ("summit", of "which gathering of the two countries'
        # foreign and defence chiefs would the summit come before?"), in a question that describes people by office
        # ("New Delhi's premier"): it is asked in other words, and a sentence much closer in meaning ("This meeting
        # will precede the U.S.-India 2+2 Ministerial") answers it. (Sentences embedded cold: ~50 ms on 2 cores.)
        chosen = _closest(candidates, closeness, tuning)
    elif best[5] == 0 and not speakers and closeness and question.topic:
        # No topic word in any sentence, but the topic is asked in other words: the sentences closest in
        # meaning (the best, and any as close within a margin).
        chosen = _closest(candidates, closeness, tuning)
    elif best[5] == 0 and not speakers:
        # Nothing names the topic (a broad "what did they discuss"): read the best paragraph from its start.
        # A topic asked in other words: the paragraph closest to the question past the lead, which ranks
        # first for naming the people.
        if tuning.paraphrase_past_lead and question.topic:
            body = [s for s in scored if s.hit.paragraph > 1 and s.hit.readout_id == best[4].readout_id]
            if body:
                closest = max(body, key=lambda s: s.dense).hit
                best = next((c for c in candidates if c[4] is closest), best)
        chosen = [c for c in candidates if c[4] is best[4]]
        chosen = sorted(chosen, key=lambda c: c[2])[: tuning.sentences]
    else:
        chosen = [best]
        covered = topic_words(question, best[3])
        # "about Nigeria's 2023 elections and its internal security": a word of one of the things asked about
        # ("food security") answers none of them; only a sentence with all the words of one does.
        things = [set(_has_stems(part)) for part in subject_parts(question.text)] if tuning.whole_subjects else []
        things = [t for t in things if t]
        # Only where each is there in so many words: one asked in other words ("lining up donor money with
        # Kyiv's needs") leaves the words to decide, as before.
        things = things if len(things) >= 2 and all(any(len(_has(c[3], sorted(t))) == len(t) for c in candidates)
                                                    for t in things) else []
        thing_stems = sorted(set().union(*things)) if things else []
        asked = _title_words(question, earlier)
        best_titled = _titled(asked, best[4])
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
            if c[5] == 0 or (speakers and c[6] not in speakers):
                continue
            # A close second, or one that answers another part of the question ("what did she call
            # ironclad, and what readiness toward Moscow ...") than the sentences already chosen.
            new = topic_words(question, c[3]) - covered
            if things:
                mine = _has(c[3], thing_stems)
                if not any(t <= mine for t in things):
                    continue
                new = set().union(*(t for t in things if t <= mine and not t <= covered)) if new else set()
            # A lead sentence whose topic words all name the event (its readout's title: "U.S.-PRC Counternarcotics
            # Working Group") is not quoted beside a best one with a word of what is asked ("led", "delegation"):
            # the event's name selects the readout, not its sentences.
            # (One question only: of several, the parts are answered one by one below, a lead among them.)
            if tuning.title_words_only and c[4].paragraph == 1 and c[2] == 0 and best_own and one_part \
                    and not _untitled(question, c):
                continue
            # A close second from another contact whose title names less of the question ("Biden and the
            # transatlantic leaders": his call with Johnson, three days on) says the best one's words again: left
            # out, unless both are contacts of everyone named ("Sullivan and Al-Sheikh", 2022 and 2024).
            if not new and tuning.elsewhere_adds and c[4].readout_id != best[4].readout_id \
                    and not (pair and c[4].readout_id in pair()) \
                    and (thing or best_titled >= _titled(asked, c[4]) + tuning.elsewhere_adds):
                continue
            if c[0] >= tuning.close_share * best[0] or (new and tuning.cover_parts and c[0] >= tuning.cover_floor * best[0]):
                chosen.append(c)
                covered |= new
        if tuning.each_readout and question.intent == "discuss" and (tuning.each_readout > 1 or PLURAL_CONTACTS.search(question.text)
                                                                     or len(question.dates) > 1 and tuning.each_date
                                                                     or apart and tuning.each_person):
            # "In Sherman's February 2022 calls with ..., what did they discuss about diplomacy with Russia?": each
            # matching contact's own best sentence on the topic, not only the best contact's. So too for contacts
            # named by two dates ("on October 18, 2023, and ... his call with Netanyahu on November 14") or with
            # two counterparts no one readout has together (`apart`: "with Thailand's National Security Council
            # secretary general and Singapore's foreign minister in February 2021": two calls).
            have = {c[4].readout_id for c in chosen}
            for c in candidates:
                if len(chosen) >= tuning.sentences:
                    break
                if c[5] and c[4].readout_id not in have and c[0] >= tuning.cover_floor * best[0] \
                        and not (speakers and c[6] not in speakers):
                    chosen.append(c)
                    have.add(c[4].readout_id)
            if len(question.dates) > 1 and tuning.each_date and tuning.dates_in_other_words and part_meaning:
                # "... about Iraq's sovereignty in their phone calls of February 2021 and August 2022": a contact of
                # a date named whose readout says it in other words ("a sovereign and independent Iraq") has no
                # topic word; its sentence closest to the question is quoted, as each date asks for a contact.
                for lo, hi in question.dates:
                    # (a year names a time, not one contact: "facing elections in 2023 in December 2022")
                    if any(lo <= (c[4].event_date or c[4].date) <= hi for c in chosen) or hi[:7] != lo[:7]:
                        continue
                    # (only a contact of everyone asked about)
                    theirs = [c for c in candidates if lo <= (c[4].event_date or c[4].date) <= hi
                              and c[4].readout_id in together and not (speakers and c[6] not in speakers)]
                    theirs = theirs[:MEANING_SENTENCES]
                    if theirs:
                        cosines = part_meaning(question.text, [c[3] for c in theirs])
                        chosen.append(theirs[max(range(len(theirs)), key=cosines.__getitem__)])
    if part_hits is not None and tuning.cover_questions and question.intent not in ("compare",) \
            and (not question.exclude or (question.topic and tuning.aside_topic)):
        answered = list(chosen)
        chosen = cover_questions(question, candidates, chosen, part_hits, part_meaning=part_meaning, rarity=rarity)
        # A sentence added for another question is quoted with the first even when far from it in the paragraph
        # (up to a whole paragraph's length): quoting only the best would leave that question unanswered.
        covering = {id(c) for c in chosen if c not in answered} if tuning.cover_span else set()
    else:
        covering = set()
    if question.intent != "compare":
        chosen = needed(question, chosen, part_meaning, tuning)
    number = question.intent == "discuss" and asks_number(question.text)
    if tuning.count_given and number and part_meaning is not None and chosen:
        chosen = number_given(question, candidates, chosen, part_meaning, tuning)
    # A number asked that the lead gives ("with 75 veteran, military family, caregiver and survivor organizations") is
    # the answer, not a lead to read past.
    counted = tuning.number_in_lead and number \
        and all(c[4].paragraph == 1 and number_of_counted(question.text, c[3]) for c in chosen)
    if not speakers and not counted:
        chosen = roster_lines(question, beyond_lead(question, candidates, chosen, part_hits, tuning), part_hits, tuning)
    chosen = past_lead(question, chosen, tuning) if not counted else chosen
    if question.intent != "compare":
        chosen = ordinal_given(question, candidates, chosen, tuning)
        chosen = closest_paragraphs(question, chosen, part_meaning, tuning)
        chosen = lead_beside_many(question, chosen, tuning)
    if present is not None and (present not in chosen or tuning.present_rosters and is_roster(present[4].text)):
        # (not the paragraph past the lead, nor one closer to the contact's description; and a line of a roster
        # answers alone: "- Lydia Brown, President and CEO at Autistic Women and Nonbinary Network", not its neighbours)
        chosen = [present]
    if first is not None:
        sentence = lead_sentence(first)
        chosen = [c for c in chosen if c[3] != sentence or c[4].paragraph != first.paragraph]
        chosen.insert(0, (best[0], -1, -1, sentence, first, 0, first.speaker_of(sentence)))
    elif lead and (opening := lead(best[4].readout_id)) and (company := company_said(question, opening.text, tuning)):
        # "Who went along with him?": the lead's "... was joined by ..." answers it, alone unless more is asked
        # ("Who went with Sullivan to Brasilia, and what did he extend to Lula?")
        rest = [c for c in chosen if c[3] != company] if len(question_parts(question.text)) > 1 else []
        chosen = [(best[0], -1, -1, company, opening, 0, opening.speaker_of(company))] + rest
    if one_readout and tuning.unnamed_one_readout:
        # Nobody named: the question is about one contact (its time and description picked it), so the
        # answer stays in the readout of the best sentence.
        chosen = [c for c in chosen if c[4].readout_id == best[4].readout_id] or chosen
    # Paragraphs in date order, sentences in document order; one [n] per paragraph.
    groups: dict[tuple[str, int], list] = {}
    for c in chosen:
        groups.setdefault((c[4].readout_id, c[4].paragraph), []).append(c)
    ordered = sorted(groups.values(), key=lambda g: (g[0][4].event_date or g[0][4].date, g[0][4].readout_id,
                                                    g[0][4].paragraph))
    cited = Cited()
    parts = []
    # ("On what date did the council first meet?", of an event named by no participant: the date is the answer)
    dated = len({g[0][4].readout_id for g in ordered}) > 1 or question.intent in ("compare",)
    when = question.intent == "when" and tuning.when_dated and not dated
    dated = dated or when
    for group in ordered:
        group.sort(key=lambda c: c[2])
        hit = group[0][4]
        said = span_quote(hit.text, group[0][3], group[-1][3],
                          tuning.whole_paragraph if any(id(c) in covering for c in group) else 900)
        if said == group[0][3] and len(group) > 1 and tuning.far_best:
            # Too far apart to quote as one span: the best of them (first chosen), not the first in the text.
            said = next(c[3] for c in chosen if c in group)
        if question.intent == "discuss" and len(hit.text) <= tuning.whole_paragraph \
                and not (hit.paragraph == 1 and hit.text.startswith(group[0][3]) and not tuning.whole_lead) \
                and not (tuning.bullets_apart and is_list(hit.text) and not is_roster(hit.text)):  # (each item apart)
            said = hit.text  # a short paragraph is read whole: what it says about the topic runs on past one sentence
        n = cited.add(hit, said)
        prefix = f"On {hit.event_date or hit.date}: " if dated and not (when and parts) else ""  # (one readout: dated once)
        # (not for a part played: "Who moderated ...?" is answered by the sentence, whoever it is said of)
        speaker = _who_said(group, hit) if question.intent == "who_said" \
            and not (tuning.role_asked and ROLE_ASKED.search(question.text)) else None
        if speaker:
            prefix = f"{prefix}{'Both sides' if speaker == 'both' else speaker}: "
        parts.append(f"{prefix}{said} [{n}]")
    text = " ".join(parts)
    if question.intent == "yes_no":
        text = "Yes. " + text
    return Answer(question.text, text, tuple(cited.citations), hits, False)


def _present_first(question: Question, candidates: list) -> tuple | None:
    """"Did the Interior Secretary sit in ...?": the sentence naming most of whom it asks was there, where one
    names more of them than the best (the lead that describes the contact, as a rule); None otherwise."""
    asked, names = present_asked(question)
    if not asked:
        return None
    scores = [present_score(c[3], asked, names) for c in candidates]
    top = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    return candidates[top] if scores[top] > scores[0] or (top == 0 and scores[0] > 0) else None


def _closest(candidates: list, closeness: dict[str, float], tuning: Tuning) -> list:
    """The candidate sentences closest in meaning to the question: the closest, and any within meaning_margin of it."""
    top = max(closeness.values())
    return [c for c in candidates if closeness.get(c[3], -1.0) >= top - tuning.meaning_margin][: tuning.sentences]


def _who_said(group: list, hit: Hit, tuning: Tuning = TUNING) -> str | None:
    """Who said a group's sentences: the best sentence's speaker, not that of the lead put before it ("X met with
    Y" is both); a sentence the quote splitter ran past "D.C." holds two, and the one side named is who spoke; and a
    sentence inside quotation marks, the one the quotation is attributed to ("“It’s heartbreaking ...,” said First
    Lady Melania Trump.")."""
    best = max(group, key=lambda c: (c[1] != -1, c[0]))
    named = [s for s in hit.speakers_in(best[3]) if s != "both"]
    speaker = named[0] if best[6] in (None, "both") and len(named) == 1 else best[6]
    if speaker is None and tuning.quote_speaker:
        speaker = quoted_by(hit.text, best[3])
    return speaker


def restrict(filters, readouts: tuple[ReadoutSummary, ...]):
    """The question's filters narrowed to the matching readouts (so retrieval ranks only within them)."""
    return restrict_ids(filters, frozenset(r.id for r in readouts))


def restrict_ids(filters, ids: frozenset[str]):
    """The question's filters narrowed to the readouts of these ids."""
    return replace(filters, readouts=ids, date_from=None, date_to=None, participant=None, country=None, kind=None)
