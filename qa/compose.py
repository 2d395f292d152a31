"""Answers composed by what the question asks: when, list, how many from the matching readouts' metadata;
discuss, who said, yes/no and compare from the topic's sentences in those readouts. One [n] per
paragraph; a quote is the verbatim stretch of its paragraph from the first chosen sentence to the last.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Callable

from index.api import Library, ReadoutSummary
from index.chunk import split_sentences
from index.people import CORE_OFFICES
from index.query import lexical_terms, stem
from index.search import Scored
from index.types import Filters, Hit

from . import evidence as ev
from .contacts import group_contacts
from .kinds import is_kind
from .cover import cover_questions, has as _has, has_stems as _has_stems, needed
from .parts import asked_nouns, question_parts, subject_parts
from .question import Question
from .sentences import MEANING_SENTENCES, past_lead, prefer_asked, sentence_scores, topic_words
from .texts import lead_hit, paragraph_hit
from .tuning import TUNING, Tuning
from .types import Answer, Citation, cite, span_quote

REFUSAL = "The readouts in this index do not cover this question."
# "Where did Biden meet Sheinbaum ...", "In which city ...": the place is in the lead.
PLURAL_CONTACTS = re.compile(r"\b(?:calls|meetings|contacts|talks|conversations|visits|trips|readouts)\b", re.IGNORECASE)
PLACE = re.compile(r"(^|[,;]\s*|\band\s+)(where|in which (city|country|capital|place))\b", re.IGNORECASE)


class _Cited:
    """Citations numbered as they are added; the same paragraph keeps its number."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_paragraph: dict[tuple[str, int], int] = {}

    def add(self, hit: Hit, quote: str) -> int:
        key = (hit.readout_id, hit.paragraph)
        if key not in self._by_paragraph:
            self.citations.append(cite(len(self.citations) + 1, hit, quote))
            self._by_paragraph[key] = len(self.citations)
        return self._by_paragraph[key]


# "Which officials did ... meet", "Whom did she call": people asked for, whom a lead names.
WHO_LISTED = re.compile(r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:officials|leaders|counterparts|people|ministers|"
                        r"representatives|executives|members|participants|figures|heads)\b|^\s*(?:who|whom)\b", re.IGNORECASE)
# "How many readouts ...": the count asked for is of readouts, not contacts.
READOUTS_ASKED = re.compile(r"\bhow many\s+(?:\w+\s+){0,2}readouts\b", re.IGNORECASE)


def refuse(question: Question, reason: str, hits: tuple[Hit, ...]) -> Answer:
    return Answer(question.text, reason, (), hits, True, notice=f"Nothing was cited: {reason}")


def _lead_sentence(hit: Hit) -> str:
    sentences = split_sentences(hit.text)
    return sentences[0] if sentences else hit.text


def by_metadata(library: Library, question: Question, readouts: tuple[ReadoutSummary, ...],
                hits: tuple[Hit, ...], tuning: Tuning = TUNING, unasked: bool = False) -> Answer:
    """when / list / how many: dates and kinds of the matching readouts, each cited to its lead. `unasked`: none is of
    the kind, company or setting asked (qa.evidence.gather gave the other contacts), which the answer says first."""
    chosen = list(readouts)
    unkind = unasked and bool(chosen)
    adjective = {"alone": "one-on-one ", "group": "group "}.get(question.company or "", "") + \
        ("virtual " if question.setting == "virtual" else "")
    where = " at the White House" if question.setting == "white_house" else ""
    none = f"0 {adjective}{question.kind or 'contact'}s{where} of {' and '.join(p.names[0] for p in question.people)}" \
           f"{ev.time_said(question)} in these readouts" if unkind else ""
    if question.intent == "when":
        if question.order == "first":
            chosen = chosen[:1]
        elif question.order == "last" or len(chosen) == 1:
            chosen = chosen[-1:]
    cited = _Cited()
    lines, leads = [], []
    if tuning.list_counterparts and question.intent in ("list", "how_many") and chosen:
        # (rows gathered without their participants, which cost a read per readout at 100x: only the listed ones)
        listed = {r.id: r for r in library.readouts(filters=Filters(readouts=frozenset(r.id for r in chosen[: tuning.list_limit])))}
        chosen = [listed.get(r.id, r) for r in chosen]
    # A count is of contacts: readouts of one (an announcement and its readout) share a line, when all are listed.
    whole = tuning.contacts_once and question.intent in ("list", "how_many") and len(chosen) <= tuning.list_limit
    groups = group_contacts(library, chosen) if whole else [(row,) for row in chosen[: tuning.list_limit]]
    # "Which local officials did McKeon meet during his June 2021 trip?": one contact, whose lead names them all (the
    # title names a place): the whole lead is quoted, not its first sentence.
    whole_lead = tuning.one_contact_lead and question.intent == "list" and len(groups) == 1 and WHO_LISTED.search(question.text)
    for row, *twins in groups:
        hit = lead_hit(library, row.id)
        if hit is None:
            continue
        n = cited.add(hit, hit.text if whole_lead else _lead_sentence(hit))
        leads.append(hit)
        line = f"{row.event_date or row.date} ({row.kind}): {row.title}{_others(question, row, tuning)} [{n}]"
        for twin in twins:
            if (other := lead_hit(library, twin.id)) is not None:
                leads.append(other)
                again = "published again" if twin.title == row.title else f"the same {row.kind}: {twin.title}"
                line += f"; {again} [{cited.add(other, _lead_sentence(other))}]"
        lines.append(line)
    # The passages the answer is drawn from are the leads it cites: they come first among its hits.
    hits = _cited_first(hits, leads) if tuning.leads_first else hits
    who = " and ".join(p.names[0] for p in question.people)
    if question.intent == "when" and len(chosen) == 1:
        hit = lead_hit(library, chosen[0].id)
        text = (f"{'First' if question.order == 'first' else 'Most recently'} on "
                f"{chosen[0].event_date or chosen[0].date}: {_lead_sentence(hit)} [1]")
        if unkind:
            text = f"{none}; of their other contacts, {text[0].lower()}{text[1:]}"
        return Answer(question.text, text, tuple(cited.citations), hits, False)
    # Counted as what was asked for ("3 calls of ...", "2 one-on-one meetings"), where every readout is of that kind
    # by its metadata; readouts where readouts were asked for.
    readouts_asked = READOUTS_ASKED.search(question.text) is not None
    kind = question.kind if question.kind and not unkind and tuning.other_kinds and not readouts_asked \
        and all(is_kind(r.kind, question.kind) for r in chosen) else None
    described = bool(question.company or question.setting) and not unkind and not readouts_asked
    noun = f"{adjective if described else ''}{kind or ('contact' if described else 'readout')}"
    where = where if described else ""
    head = f"{len(readouts)} {noun}{'s' if len(readouts) != 1 else ''}{where} of {who}{ev.time_said(question)}"
    if whole and len(groups) < len(chosen) and not readouts_asked:
        noun = "contact" if noun == "readout" else noun
        head = (f"{len(groups)} {noun}{'s' if len(groups) != 1 else ''}{where} of {who}{ev.time_said(question)} "
                f"({len(readouts)} readouts: those of one contact share a line)")
    if len(chosen) > tuning.list_limit:
        head += f" (the first {tuning.list_limit} listed)"
    if unkind:
        head = f"{none}. Their other contacts, {head}"
    text = head + ":\n" + "\n".join(f"- {line}" for line in lines)
    if whole_lead and leads:
        text += f"\n\n{leads[0].text} [1]"
    return Answer(question.text, text, tuple(cited.citations), hits, False)


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


def _others(question: Question, row: ReadoutSummary, tuning: Tuning) -> str:
    """The counterparts a readout's title leaves unnamed (" — with A, B"): "Statement ... on Vice President Harris's
    Calls with Foreign Leaders" answers "Which leaders did she call?" only by them."""
    asked = {n for p in question.people for n in p.names}
    others = [name for name in row.participants if name not in asked and name.split()[-1] not in row.title]
    return f" — with {', '.join(others)}" if others and tuning.list_counterparts else ""


def _cited_first(hits: tuple[Hit, ...], leads: list[Hit]) -> tuple[Hit, ...]:
    """The cited leads, then the other hits; a lead ranks with the best hit (hits stay best first)."""
    top = max((h.score for h in hits), default=1.0)
    keys = {(h.readout_id, h.paragraph) for h in leads}
    return tuple(replace(h, score=top) for h in leads) + tuple(h for h in hits if (h.readout_id, h.paragraph) not in keys)


def broad(library: Library, question: Question, scored: list[Scored], hits: tuple[Hit, ...],
          tuning: Tuning = TUNING) -> Answer:
    """"What did X and Y discuss?" with no topic: the leads of the best-matching readouts, dated."""
    readouts = list(dict.fromkeys(s.hit.readout_id for s in scored))[:3 if question.intent == "compare" else 2]
    cited = _Cited()
    parts = []
    for readout_id in readouts:
        hit = lead_hit(library, readout_id)
        if hit is None:
            continue
        sentences = split_sentences(hit.text)[: tuning.sentences if len(readouts) == 1 else 2]
        if len(readouts) == 1 and tuning.broad_lead_whole and len(hit.text) <= tuning.whole_paragraph:
            sentences = split_sentences(hit.text)  # one contact: its lead read whole, as the paragraphs after it are
        quote = hit.text[hit.text.find(sentences[0]): hit.text.find(sentences[-1]) + len(sentences[-1])]
        n = cited.add(hit, quote)
        parts.append(f"On {hit.event_date or hit.date}: {quote} [{n}]")
        if len(readouts) == 1 and tuning.broad_paragraphs:
            # One contact: what else it covered, a sentence from each paragraph after the lead ("... to discuss
            # the May 21 Summit" in the lead, "gender equity" two paragraphs on).
            parts += _later_paragraphs(library, hit, cited, tuning.broad_paragraphs, tuning.whole_paragraph)
    if not parts:
        return refuse(question, REFUSAL, hits)
    return Answer(question.text, " ".join(parts), tuple(cited.citations), hits, False)


def _later_paragraphs(library: Library, lead: Hit, cited: "_Cited", most: int, whole: int) -> list[str]:
    """Up to `most` paragraphs after a readout's lead, cited: first to last sentence up to `whole` characters, else
    the first sentence."""
    readout = library.readout(lead.readout_id)
    out = []
    for n in range(lead.paragraph + 1, min(len(readout.paragraphs), lead.paragraph + most) + 1) if readout else ():
        hit = paragraph_hit(library, lead.readout_id, n, readout)
        sentences = split_sentences(hit.text) if hit else []
        if not sentences or len(sentences[0]) < 20:
            continue
        quote = span_quote(hit.text, sentences[0], sentences[-1], limit=whole)
        out.append(f"{quote} [{cited.add(hit, quote)}]")
    return out


def by_topic(question: Question, scored: list[Scored], hits: tuple[Hit, ...], tuning: Tuning = TUNING,
             lead: Callable[[str], Hit | None] | None = None, closeness: dict[str, float] | None = None,
             part_hits: Callable[[str, frozenset], list[Scored]] | None = None, one_readout: bool = False,
             meaning: Callable[[], dict[str, float]] | None = None,
             part_meaning: Callable[[str, list[str]], list[float]] | None = None, apart: bool = False,
             together: frozenset[str] = frozenset(),
             everyone: Callable[[], frozenset[str]] | None = None, earlier: str = "",
             weak_meaning: Callable[[], dict[str, float]] | None = None) -> Answer:
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
    candidates = prefer_asked(question, candidates, asked_nouns(question.text), tuning)
    best = candidates[0]
    first = lead(best[4].readout_id) if lead and PLACE.search(question.text) else None
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
        top = max(closeness.values())
        chosen = [c for c in candidates if closeness.get(c[3], -1.0) >= top - tuning.meaning_margin][: tuning.sentences]
    elif tuning.weak_words and best[5] <= 1 and len(question.topic) >= tuning.weak_words and not speakers \
            and any(p.inferred for p in question.people) \
            and question.intent == "discuss" and not closeness and weak_meaning is not None \
            and (closeness := weak_meaning()) \
            and max(closeness.values()) - closeness.get(best[3], -1.0) >= tuning.weak_margin:
        # One word of a long topic is all the best sentence has ("summit", of "which gathering of the two countries'
        # foreign and defence chiefs would the summit come before?"), in a question that describes people by office
        # ("New Delhi's premier"): it is asked in other words, and a sentence much closer in meaning ("This meeting
        # will precede the U.S.-India 2+2 Ministerial") answers it. (Sentences embedded cold: ~50 ms on 2 cores.)
        top = max(closeness.values())
        chosen = [c for c in candidates if closeness.get(c[3], -1.0) >= top - tuning.meaning_margin][: tuning.sentences]
    elif best[5] == 0 and not speakers and closeness and question.topic:
        # No topic word in any sentence, but the topic is asked in other words: the sentences closest in
        # meaning (the best, and any as close within a margin).
        top = max(closeness.values())
        chosen = [c for c in candidates if closeness.get(c[3], -1.0) >= top - tuning.meaning_margin][: tuning.sentences]
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
                    and best_titled >= _titled(asked, c[4]) + tuning.elsewhere_adds:
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
        chosen = cover_questions(question, candidates, chosen, part_hits, part_meaning=part_meaning)
        # A sentence added for another question is quoted with the first even when far from it in the paragraph
        # (up to a whole paragraph's length): quoting only the best would leave that question unanswered.
        covering = {id(c) for c in chosen if c not in answered} if tuning.cover_span else set()
    else:
        covering = set()
    if question.intent != "compare":
        chosen = needed(question, chosen, part_meaning, tuning)
    chosen = past_lead(question, chosen, tuning)
    if first is not None:
        sentence = _lead_sentence(first)
        chosen = [c for c in chosen if c[3] != sentence or c[4].paragraph != first.paragraph]
        chosen.insert(0, (best[0], -1, -1, sentence, first, 0, first.speaker_of(sentence)))
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
    cited = _Cited()
    parts = []
    dated = len({g[0][4].readout_id for g in ordered}) > 1 or question.intent in ("compare",)
    for group in ordered:
        group.sort(key=lambda c: c[2])
        hit = group[0][4]
        said = span_quote(hit.text, group[0][3], group[-1][3],
                          tuning.whole_paragraph if any(id(c) in covering for c in group) else 900)
        if said == group[0][3] and len(group) > 1 and tuning.far_best:
            # Too far apart to quote as one span: the best of them (first chosen), not the first in the text.
            said = next(c[3] for c in chosen if c in group)
        if question.intent == "discuss" and len(hit.text) <= tuning.whole_paragraph \
                and not (hit.paragraph == 1 and hit.text.startswith(group[0][3]) and not tuning.whole_lead):
            said = hit.text  # a short paragraph is read whole: what it says about the topic runs on past one sentence
        n = cited.add(hit, said)
        prefix = f"On {hit.event_date or hit.date}: " if dated else ""
        speaker = _who_said(group, hit) if question.intent == "who_said" else None
        if speaker:
            prefix = f"{prefix}{'Both sides' if speaker == 'both' else speaker}: "
        parts.append(f"{prefix}{said} [{n}]")
    text = " ".join(parts)
    if question.intent == "yes_no":
        text = "Yes. " + text
    return Answer(question.text, text, tuple(cited.citations), hits, False)


def _who_said(group: list, hit: Hit) -> str | None:
    """Who said a group's sentences: the best sentence's speaker, not that of the lead put before it ("X met with
    Y" is both); a sentence the quote splitter ran past "D.C." holds two, and the one side named is who spoke."""
    best = max(group, key=lambda c: (c[1] != -1, c[0]))
    named = [s for s in hit.speakers_in(best[3]) if s != "both"]
    return named[0] if best[6] in (None, "both") and len(named) == 1 else best[6]


def restrict(filters, readouts: tuple[ReadoutSummary, ...]):
    """The question's filters narrowed to the matching readouts (so retrieval ranks only within them)."""
    return replace(filters, readouts=frozenset(r.id for r in readouts), date_from=None, date_to=None,
                   participant=None, country=None, kind=None)
