"""Answers composed from the topic's sentences in the matching readouts: discuss, who said, yes/no and compare (when,
list and how many, from their metadata, are qa/compose_lists.py). One [n] per paragraph; a quote is the verbatim
stretch of its paragraph from the first chosen sentence to the last.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from index.api import ReadoutSummary
from index.query import stem
from index.search import Scored
from index.types import Hit

from .cover import NUMBER, cover_questions, each_place, has as _has, needed
from .details import asks_number, number_of_counted
from .focus import closest_of_tied, covering_readout, number_given, ordinal_given
from .intent import FIRST_PART
from .onward import beyond_lead, roster_lines
from .parts import asked_nouns, asks_place, question_parts
from .present import present_asked, present_score
from .question import Question
from .quotes import REFUSAL, Cited, lead_sentence, quoted_by, refuse  # noqa: F401 - REFUSAL and refuse are read from here too
from .seconds import asks_each, each_contact, seconds
from .sentences import (closest_paragraphs, company_said, is_list, is_roster, lead_beside_many, past_lead, prefer_asked,
                        prefer_role, ROLE_ASKED, sentence_scores)
from .tuning import TUNING, Tuning
from .types import Answer, Candidate, span_quote


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
    candidates, present = _ranked(question, candidates, tuning, one_readout, rarity, part_meaning)
    first = lead(candidates[0].hit.readout_id) if lead and asks_place(question.text, tuning) else None
    chosen, best = _chosen(question, scored, candidates, speakers, tuning, closeness, meaning, weak_meaning, apart,
                           together, everyone, earlier, part_meaning)
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
        chosen = each_place(question, candidates, needed(question, chosen, part_meaning, tuning), tuning)
    number = question.intent == "discuss" and asks_number(question.text)
    if tuning.count_given and number and part_meaning is not None and chosen:
        chosen = number_given(question, candidates, chosen, part_meaning, tuning)
    # A number asked that the lead gives ("with 75 veteran, military family, caregiver and survivor organizations") is
    # the answer, not a lead to read past.
    counted = tuning.number_in_lead and number \
        and all(c.hit.paragraph == 1 and number_of_counted(question.text, c.sentence) for c in chosen)
    if not speakers and not counted:
        chosen = roster_lines(question, beyond_lead(question, candidates, chosen, part_hits, tuning), part_hits, tuning)
    chosen = past_lead(question, chosen, tuning) if not counted else chosen
    if question.intent != "compare":
        chosen = ordinal_given(question, candidates, chosen, tuning)
        chosen = closest_paragraphs(question, chosen, part_meaning, tuning)
        chosen = lead_beside_many(question, chosen, tuning)
    if present is not None and (present not in chosen or tuning.present_rosters and is_roster(present.hit.text)):
        # (not the paragraph past the lead, nor one closer to the contact's description; and a line of a roster
        # answers alone: "- Lydia Brown, President and CEO at Autistic Women and Nonbinary Network", not its neighbours)
        chosen = [present]
    if first is not None:
        sentence = lead_sentence(first)
        chosen = [c for c in chosen if c.sentence != sentence or c.hit.paragraph != first.paragraph]
        chosen.insert(0, Candidate(best.score, -1, -1, sentence, first, 0, first.speaker_of(sentence)))
    elif lead and (opening := lead(best.hit.readout_id)) and (company := company_said(question, opening.text, tuning)):
        # "Who went along with him?": the lead's "... was joined by ..." answers it, alone unless more is asked
        # ("Who went with Sullivan to Brasilia, and what did he extend to Lula?")
        rest = [c for c in chosen if c.sentence != company] if len(question_parts(question.text)) > 1 else []
        chosen = [Candidate(best.score, -1, -1, company, opening, 0, opening.speaker_of(company))] + rest
    if tuning.lead_apart and first is None and (question.intent in ("who_said", "compare") or question.intent == "discuss"
                              and question.cited and len(question_parts(question.text)) < 2):
        chosen = _lead_apart(chosen, best if tuning.lead_apart_best else None)
    if one_readout and tuning.unnamed_one_readout:
        # Nobody named: the question is about one contact (its time and description picked it), so the
        # answer stays in the readout of the best sentence.
        chosen = [c for c in chosen if c.hit.readout_id == best.hit.readout_id] or chosen
    return _written(question, chosen, covering, hits, tuning)


def _ranked(question: Question, candidates: list[Candidate], tuning: Tuning, one_readout: bool,
            rarity: Callable[[str], float] | None,
            part_meaning: Callable[[str, list[str]], list[float]] | None) -> tuple[list[Candidate], Candidate | None]:
    """The candidates in the order the answer takes them, and the sentence that says who was there where that is
    asked (first of them), or None."""
    if question.intent == "yes_no" and question.subject and tuning.yes_shows_subject:
        # "Did their meetings touch on the Sahel?": the "Yes" quotes a sentence that says it, before one that
        # only describes the meetings in more of the question's words.
        asked = [stem(t) for t in question.subject]
        candidates.sort(key=lambda c: len(_has(c.sentence, asked)) < len(asked))
    if one_readout and tuning.readout_cover and rarity is not None and len(question_parts(question.text)) >= 2:
        candidates = covering_readout(question, candidates, tuning, rarity)
    candidates = prefer_asked(question, candidates, asked_nouns(question.text), tuning)
    candidates = prefer_role(question, candidates, tuning)  # "Who moderated ...?"
    if tuning.tie_meaning and part_meaning is not None and candidates[0].overlap >= 1:  # (a whole topic word, not a title's)
        candidates = closest_of_tied(question, candidates, part_meaning, tuning)
    present = _present_first(question, candidates) if tuning.yes_present else None
    candidates = [present] + [c for c in candidates if c is not present] if present else candidates
    return candidates, present


def _chosen(question: Question, scored: list[Scored], candidates: list[Candidate], speakers: tuple[str, ...],
            tuning: Tuning, closeness: dict[str, float] | None, meaning: Callable[[], dict[str, float]] | None,
            weak_meaning: Callable[[], dict[str, float]] | None, apart: bool, together: frozenset[str],
            everyone: Callable[[], frozenset[str]] | None, earlier: str,
            part_meaning: Callable[[str, list[str]], list[float]] | None) -> tuple[list[Candidate], Candidate]:
    """The sentences that answer, by what the best one has (the topic's words, none of them, a word of a long
    topic only), and the best sentence: of a topic asked in other words, the closest paragraph's past the lead."""
    best = candidates[0]
    if question.intent == "compare":
        per_readout: dict[str, Candidate] = {}
        for c in candidates:
            per_readout.setdefault(c.hit.readout_id, c)
        chosen = list(per_readout.values())[:2]
    elif best.overlap == 0 and not speakers and question.exclude:
        # "What did they discuss besides Passover?": what each other paragraph opens with, in ranking
        # order (the sentences naming Passover are already out), past the "X spoke with Y" lead.
        firsts: dict[tuple[str, int], Candidate] = {}
        for c in sorted(candidates, key=lambda c: (c.rank, c.position)):
            firsts.setdefault((c.hit.readout_id, c.hit.paragraph), c)
        chosen = [c for c in firsts.values() if not (c.hit.paragraph == 1 and c.position == 0)] or list(firsts.values())
        chosen = chosen[: tuning.sentences]
    elif best.overlap == 0 and not speakers and question.topic and question.intent == "yes_no" and not closeness \
            and meaning is not None and (closeness := meaning()):
        # "Did they get into the rainforest?" of a readout on "the larger Amazon Basin": no topic word anywhere,
        # so the few closest paragraphs' sentences are embedded now, and the closest in meaning is quoted. Only
        # for yes/no, which is all topic: a longer question's scene ("when he sat down with ... at the summit")
        # makes the lead closest, and "who praised ..." found "commended" for the wrong thing (dev).
        chosen = _closest(candidates, closeness, tuning)
    elif tuning.weak_words and best.overlap <= 1 and len(question.topic) >= tuning.weak_words and not speakers \
            and any(p.inferred for p in question.people) \
            and question.intent == "discuss" and not closeness and weak_meaning is not None \
            and (closeness := weak_meaning()) \
            and max(closeness.values()) - closeness.get(best.sentence, -1.0) >= tuning.weak_margin:
        # One word of a long topic is all the best sentence has ("summit", of "which gathering of the two countries'
        # foreign and defence chiefs would the summit come before?"), in a question that describes people by office
        # ("New Delhi's premier"): it is asked in other words, and a sentence much closer in meaning ("This meeting
        # will precede the U.S.-India 2+2 Ministerial") answers it. (Sentences embedded cold: ~50 ms on 2 cores.)
        chosen = _closest(candidates, closeness, tuning)
    elif best.overlap == 0 and not speakers and closeness and question.topic:
        # No topic word in any sentence, but the topic is asked in other words: the sentences closest in
        # meaning (the best, and any as close within a margin).
        chosen = _closest(candidates, closeness, tuning)
    elif best.overlap == 0 and not speakers:
        # Nothing names the topic (a broad "what did they discuss"): read the best paragraph from its start.
        # A topic asked in other words: the paragraph closest to the question past the lead, which ranks
        # first for naming the people.
        if tuning.paraphrase_past_lead and question.topic:
            body = [s for s in scored if s.hit.paragraph > 1 and s.hit.readout_id == best.hit.readout_id]
            if body:
                closest = max(body, key=lambda s: s.dense).hit
                best = next((c for c in candidates if c.hit is closest), best)
        chosen = [c for c in candidates if c.hit is best.hit]
        chosen = sorted(chosen, key=lambda c: c.position)[: tuning.sentences]
    else:
        chosen = seconds(question, candidates, best, speakers, tuning, everyone, earlier)
        if asks_each(question, tuning, apart):
            chosen = each_contact(question, candidates, chosen, best, speakers, tuning, part_meaning, together)
    return chosen, best


def _lead_apart(chosen: list[Candidate], best: Candidate | None) -> list[Candidate]:
    """Without the lead of a readout another of whose paragraphs is quoted too (unless it holds `best`): who said a
    thing, a comparison and a follow-up ask what one paragraph says, and the lead beside it is seldom what answers."""
    beside = {c.hit.readout_id for c in chosen if c.hit.paragraph != 1}
    if best is not None and best.hit.paragraph == 1:
        beside.discard(best.hit.readout_id)
    return [c for c in chosen if not (c.hit.paragraph == 1 and c.hit.readout_id in beside)] or chosen


def _written(question: Question, chosen: list[Candidate], covering: set[int], hits: tuple[Hit, ...],
             tuning: Tuning) -> Answer:
    """The answer's text and citations. `covering`: the ids of sentences added to answer another question of
    several, quoted with the first up to a whole paragraph apart."""
    # Paragraphs in date order, sentences in document order; one [n] per paragraph.
    groups: dict[tuple[str, int], list] = {}
    for c in chosen:
        groups.setdefault((c.hit.readout_id, c.hit.paragraph), []).append(c)
    ordered = sorted(groups.values(), key=lambda g: (g[0].hit.event_date or g[0].hit.date, g[0].hit.readout_id,
                                                    g[0].hit.paragraph))
    cited = Cited()
    parts = []
    # "how many countries had signed on to the warning?": the sentence that gives the number, not the whole
    # paragraph it is in (an 1,800-character lead of a call with Bahrain's crown prince); not where a second
    # question follows (", and did the President attend?"), which the paragraph may answer
    counted = tuning.number_sentence and question.intent == "discuss" and asks_number(question.text) \
        and len(question_parts(question.text)) < 2 and not FIRST_PART.match(question.text)
    # ("On what date did the council first meet?", of an event named by no participant: the date is the answer)
    dated = len({g[0].hit.readout_id for g in ordered}) > 1 or question.intent in ("compare",)
    when = question.intent == "when" and tuning.when_dated and not dated
    dated = dated or when
    for group in ordered:
        group.sort(key=lambda c: c.position)
        hit = group[0].hit
        said = span_quote(hit.text, group[0].sentence, group[-1].sentence,
                          tuning.whole_paragraph if any(id(c) in covering for c in group) else 900)
        if said == group[0].sentence and len(group) > 1 and tuning.far_best:
            # Too far apart to quote as one span: the best of them (first chosen), not the first in the text.
            said = next(c.sentence for c in chosen if c in group)
        if question.intent == "discuss" and len(hit.text) <= tuning.whole_paragraph \
                and not (counted and any(NUMBER.search(c.sentence) for c in group)) \
                and not (hit.paragraph == 1 and hit.text.startswith(group[0].sentence) and not tuning.whole_lead) \
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


def _present_first(question: Question, candidates: list[Candidate]) -> Candidate | None:
    """"Did the Interior Secretary sit in ...?": the sentence naming most of whom it asks was there, where one
    names more of them than the best (the lead that describes the contact, as a rule); None otherwise."""
    asked, names = present_asked(question)
    if not asked:
        return None
    scores = [present_score(c.sentence, asked, names) for c in candidates]
    top = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    return candidates[top] if scores[top] > scores[0] or (top == 0 and scores[0] > 0) else None


def _closest(candidates: list[Candidate], closeness: dict[str, float], tuning: Tuning) -> list[Candidate]:
    """The candidate sentences closest in meaning to the question: the closest, and any within meaning_margin of it."""
    top = max(closeness.values())
    return [c for c in candidates if closeness.get(c.sentence, -1.0) >= top - tuning.meaning_margin][: tuning.sentences]


def _who_said(group: list[Candidate], hit: Hit, tuning: Tuning = TUNING) -> str | None:
    """Who said a group's sentences: the best sentence's speaker, not that of the lead put before it ("X met with
    Y" is both); a sentence the quote splitter ran past "D.C." holds two, and the one side named is who spoke; and a
    sentence inside quotation marks, the one the quotation is attributed to ("“It’s heartbreaking ...,” said First
    Lady Melania Trump.")."""
    best = max(group, key=lambda c: (c.rank != -1, c.score))
    named = [s for s in hit.speakers_in(best.sentence) if s != "both"]
    speaker = named[0] if best.speaker in (None, "both") and len(named) == 1 else best.speaker
    if speaker is None and tuning.quote_speaker:
        speaker = quoted_by(hit.text, best.sentence)
    return speaker


def restrict(filters, readouts: tuple[ReadoutSummary, ...]):
    """The question's filters narrowed to the matching readouts (so retrieval ranks only within them)."""
    return restrict_ids(filters, frozenset(r.id for r in readouts))


def restrict_ids(filters, ids: frozenset[str]):
    """The question's filters narrowed to the readouts of these ids."""
    return replace(filters, readouts=ids, date_from=None, date_to=None, participant=None, country=None, kind=None)
