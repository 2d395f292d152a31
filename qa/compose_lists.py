"""Answers from the matching readouts' metadata and leads: when, list and how many (each contact a line cited to
its lead), and a broad "what did they discuss?" (the leads of the best readouts, dated)."""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library, ReadoutSummary
from index.chunk import split_sentences
from index.search import Scored
from index.types import Filters, Hit

from . import evidence as ev
from .contacts import group_contacts
from .kinds import is_kind
from .parts import asks_place
from .question import Question
from .quotes import REFUSAL, Cited, lead_sentence, refuse
from .readout_sentences import is_pointer
from .texts import lead_hit, paragraph_hit
from .tuning import TUNING, Tuning
from .types import Answer, span_quote

# "Which officials did ... meet", "Whom did she call": people asked for, whom a lead names.
WHO_LISTED = re.compile(r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:officials|leaders|counterparts|people|ministers|"
                        r"representatives|executives|members|participants|figures|heads)\b|^\s*(?:who|whom)\b", re.IGNORECASE)
# "How many readouts ...": the count asked for is of readouts, not contacts.
READOUTS_ASKED = re.compile(r"\bhow many\s+(?:\w+\s+){0,2}readouts\b", re.IGNORECASE)


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
    cited = Cited()
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
        n = cited.add(hit, hit.text if whole_lead else lead_sentence(hit))
        leads.append(hit)
        line = f"{row.event_date or row.date} ({row.kind}): {row.title}{_others(question, row, tuning)} [{n}]"
        for twin in twins:
            if (other := lead_hit(library, twin.id)) is not None:
                leads.append(other)
                again = "published again" if twin.title == row.title else f"the same {row.kind}: {twin.title}"
                line += f"; {again} [{cited.add(other, lead_sentence(other))}]"
        lines.append(line)
    # The passages the answer is drawn from are the leads it cites: they come first among its hits.
    hits = _cited_first(hits, leads) if tuning.leads_first else hits
    who = " and ".join(p.names[0] for p in question.people)
    if question.intent == "when" and len(chosen) == 1:
        hit = lead_hit(library, chosen[0].id)
        # ("When did Biden phone the Entergy chief?" of one contact: "On ...", no order asked)
        said = "First on" if question.order == "first" else "Most recently on" \
            if question.order == "last" or not tuning.when_plain else "On"
        text = f"{said} {chosen[0].event_date or chosen[0].date}: {lead_sentence(hit)} [1]"
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
    cited = Cited()
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
        # ("Where did Biden meet Albanese in September 2024?": the lead says it, the paragraphs after it do not)
        if len(readouts) == 1 and tuning.broad_paragraphs and not (tuning.where_lead and asks_place(question.text, tuning)):
            # One contact: what else it covered, a sentence from each paragraph after the lead ("... to discuss
            # the May 21 Summit" in the lead, "gender equity" two paragraphs on).
            parts += _later_paragraphs(library, hit, cited, tuning.broad_paragraphs, tuning.whole_paragraph)
    if not parts:
        return refuse(question, REFUSAL, hits)
    return Answer(question.text, " ".join(parts), tuple(cited.citations), hits, False)


def _later_paragraphs(library: Library, lead: Hit, cited: "Cited", most: int, whole: int) -> list[str]:
    """Up to `most` paragraphs after a readout's lead, cited: first to last sentence up to `whole` characters, else
    the first sentence."""
    readout = library.readout(lead.readout_id)
    out = []
    for n in range(lead.paragraph + 1, min(len(readout.paragraphs), lead.paragraph + most) + 1) if readout else ():
        hit = paragraph_hit(library, lead.readout_id, n, readout)
        sentences = split_sentences(hit.text) if hit else []
        if TUNING.pointers_out:
            sentences = [s for s in sentences if not is_pointer(s)]  # ("please visit https://...")
        if not sentences or len(sentences[0]) < 20:
            continue
        quote = span_quote(hit.text, sentences[0], sentences[-1], limit=whole)
        out.append(f"{quote} [{cited.add(hit, quote)}]")
    return out
