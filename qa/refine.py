"""The evidence adjusted after `evidence.gather`, by what the question says: a contact added for a date named with
none found, the contacts that have what was discussed ("When did they last discuss abortion?"), those that say
most of it ("When did Biden tell the Amir ..."), and the refusal when none of them mentions it."""
from __future__ import annotations

import re
from dataclasses import replace

from index.api import Library
from index.countries import country_of
from index.query import mention_finder, mentioned
from index.types import Filters

from . import compose, evidence, refusal
from .asked_names import full_name_words
from .dates import date_positions, spans_between
from .question import Question, capitalised
from .texts import readout_texts, readouts_with, titled_words
from .tuning import TUNING
from .vocabulary import official_words, said_officially

TOPIC_TEXTS = 60  # readouts read whole to check a topic; more than this: those the topic's rare words find


def uncovered(read: Question, found: evidence.Evidence) -> bool:
    """Whether two dates name two contacts and the readouts found fall in one of them only ("What did Sullivan
    consult on with Meloni's adviser Talo in August 2023, and ... did Biden and Meloni discuss in March 2024?":
    found is the Talo meeting, whose text names all four)."""
    if len(read.dates) < 2 or not found.readouts:
        return False
    days = [r.event_date or r.date for r in found.readouts]
    return any(not any(lo <= day <= hi for day in days) for lo, hi in read.dates)


_CONTACT_TIME = re.compile(r"\b(?:in|on|during|of)\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
# "during Jake Sullivan's July 2023 trip to Jeddah": a date said of the contact that follows it.
_DATED_CONTACT = re.compile(r"[A-Z][a-z]+\.?(?: \d{1,2}(?:st|nd|rd|th)?)?,? \d{4} (?:phone |virtual |in-person )?"
                            r"(?:call|calls|meeting|meetings|visit|trip|conversation|talks)\b")
FILL_READOUTS = 40  # a date named with no contact found: at most this many of the people's readouts then are ranked


def fill_dates(library: Library, read: Question, found: evidence.Evidence, question: str) -> evidence.Evidence:
    """"What did Sullivan discuss about fishing with Pacific Island ambassadors in March 2021 and with Fiji's Prime
    Minister in August 2022?": no Sullivan-Fiji contact in March 2021; for a date named with none, the readout of
    that time, with any one of the people, that retrieval ranks first for the question."""
    if spans_between(read.text):
        return found  # "Between January and late May 2023": one span, not two contacts
    days = [r.event_date or r.date for r in found.readouts]
    where = date_positions(read.text)
    added = []
    for lo, hi in read.dates:
        if any(lo <= day <= hi for day in days) or (lo, hi) not in where \
                or not (_CONTACT_TIME.search(read.text, 0, where[(lo, hi)])
                        or TUNING.dated_contact and _DATED_CONTACT.match(read.text, where[(lo, hi)])):
            continue  # ("... concern about Venezuela's July election": an event's time, not a contact's)
        ids = frozenset().union(*(evidence.person_ids(library, p) for p in read.people))
        rows = library.readouts(filters=Filters(readouts=ids), participants=False, held=(lo, hi)) if ids else []
        if not rows or len(rows) > FILL_READOUTS:
            continue
        best = library.retrieve(question, Filters(readouts=frozenset(r.id for r in rows)), k=1)
        added += [r for r in rows if best and r.id == best[0].hit.readout_id]
    if not added:
        return found
    rows = sorted(found.readouts + tuple(added), key=lambda r: (r.event_date or r.date, r.id))
    return replace(found, readouts=tuple(rows))


def contacts_on(library: Library, read, found: evidence.Evidence, scored) -> tuple[evidence.Evidence, str]:
    """The matching readouts that support what the question says was discussed, and the one rule's refusal
    when none does ("Biden and Pope Francis appear in 5 readouts, and none of them mentions abortion")."""
    about = replace(read, topic=read.subject, intent="discuss")
    texts = readout_texts(library, [r.id for r in found.readouts]) if len(found.readouts) <= TOPIC_TEXTS \
        else refusal.rare_word_texts(library, about, found.readouts, scored)
    count = refusal.word_counter(library)
    keep = tuple(r for r in found.readouts if r.id in texts and not refusal.topic_refusal(
        about, evidence.Evidence((r,), True), {r.id: texts[r.id]}, 0.0, count, whole=False))
    if keep:
        return replace(found, readouts=keep), ""
    reason = refusal.topic_refusal(about, found, texts, 0.0, count, whole=False) if texts else ""
    return found, reason or none_mention(read, read.subject)


def named_contacts(library: Library, read, found: evidence.Evidence) -> evidence.Evidence:
    """"When did Biden get on the phone with the Entergy and Southern Company chiefs ...?": of the people's contacts, those
    whose readouts have a rare name the question gives (in few paragraphs of the index, not a person's nor a country's),
    where some but not all do; what the question says was discussed ("the outages") may be said in other words there."""
    if len(found.readouts) < 2:
        return found
    count = refusal.word_counter(library)
    people = full_name_words(read.people)
    named = [t for t in read.topic if capitalised(t, read.text) and t not in people and not country_of(t)
             and 0 < count(t) <= TUNING.specific_paragraphs]
    if not named:
        return found
    allowed = Filters(readouts=frozenset(r.id for r in found.readouts))
    having = set.intersection(*({h.readout_id for h in library.search(t, filters=allowed, k=10, mode="lexical")}
                                for t in named))
    keep = tuple(r for r in found.readouts if r.id in having)
    return replace(found, readouts=keep) if keep and len(keep) < len(found.readouts) else found


def said_most(library: Library, read, found: evidence.Evidence, scored=()) -> evidence.Evidence:
    """"When did Biden tell the Amir of Qatar that the talks had reached a final stage?": of the people's
    contacts, those whose readouts have most of the question's topic words (all of them when none has more
    than the others, as for a plain "When did they meet?"). Of a person with too many to read ("When did Harris meet
    Indiana lawmakers ...?": 142), those of the passages retrieved among them (`scored`), judged so."""
    if len(found.readouts) < 2:
        return found
    if len(found.readouts) > TOPIC_TEXTS:
        retrieved = {s.hit.readout_id for s in scored[:5]} if TUNING.when_retrieved else set()
        few = replace(found, readouts=tuple(r for r in found.readouts if r.id in retrieved))
        narrowed = said_most(library, read, few) if len(few.readouts) > 1 else few
        # (the retrieved that have most of the words, where some have more than others; else all, as before)
        return narrowed if narrowed is not few else found
    texts = readout_texts(library, [r.id for r in found.readouts])
    # Words of most titles describe the contacts ("... Amir ... of Qatar"), not what was said in one.
    titled = titled_words(read.topic, found.readouts)
    words = [t for t in read.topic if t not in titled]
    has = mention_finder(tuple(words))
    said = {r.id: len(has(texts.get(r.id, ""))) for r in found.readouts}
    most = max(said.values(), default=0)
    if most < 2 or most == min(said.values()):
        # One word ("after taking office") tells no contact from another; a name only one title has may.
        return _titled_most(read, found, titled) if TUNING.when_titled else found
    return replace(found, readouts=tuple(r for r in found.readouts if said[r.id] == most))


def top_contact(library: Library, read: Question, found: evidence.Evidence, scored) -> evidence.Evidence:
    """"When did the Vice President take her abortion-rights meetings with state lawmakers to Atlantic City?" of 142
    contacts, or of 23 calls whose texts share the question's words alike: the contact whose passage was retrieved
    first among them, where it has the names the question asks about. A date asked of something said or done picks one
    contact; listing every contact of the people answers "when did they speak?", which was not asked. A first or last
    asked for keeps the order's pick."""
    if len(found.readouts) < 2 or read.order or not read.topic:
        return found
    ids = {r.id for r in found.readouts}
    first = next((s.hit.readout_id for s in scored if s.hit.readout_id in ids), None)
    if first is None or not _names_written(read, readout_texts(library, [first]).get(first, "")):
        return found
    return replace(found, readouts=tuple(r for r in found.readouts if r.id == first))


def _names_written(read: Question, text: str) -> bool:
    """Whether the text has each capitalised topic word as the question writes it: "When did Blinken call Kuleba to
    mark Ukraine's Independence Day?" is not answered by the call retrieved first, on "Ukraine's independence"."""
    forms = [m.group() for t in read.topic if capitalised(t, read.text)
             for m in [re.search(rf"\b{re.escape(t)}\b", read.text, re.IGNORECASE)] if m]
    return all(re.search(rf"\b{re.escape(form)}\b", text) for form in forms)


def _titled_most(read, found: evidence.Evidence, titled: set[str]) -> evidence.Evidence:
    """Of contacts whose texts have the question's words alike, those whose titles name most of its names and places
    (not words of most of their titles): "When did Harris meet Pennsylvania state lawmakers ...?" of four such
    meetings whose readouts all name Pennsylvania, the one "with Pennsylvania State Legislators"; else all."""
    names = [t for t in read.topic if t not in titled and capitalised(t, read.text)]
    if not names:
        return found
    has = mention_finder(tuple(names))
    named = {r.id: len(has(r.title)) for r in found.readouts}
    most = max(named.values(), default=0)
    if most == 0 or most == min(named.values()):
        return found
    return replace(found, readouts=tuple(r for r in found.readouts if named[r.id] == most))


# What happens once in a life or a body's history, not at a contact ("When was he born?", "When was she elected?")
LIFE_EVENT = re.compile(r"\b(?:born|died|elected|re-elected|appointed|inaugurated|sworn|founded|established|married|"
                        r"graduated|retired|resigned)\b", re.IGNORECASE)


def unsaid_when(library: Library, read, found: evidence.Evidence) -> str:
    """"On what date was King Charles III born, according to Biden's calls with him?": a when-question of a life's
    event (LIFE_EVENT) that none of the matching readouts says asks the date of something else than their contacts;
    the one rule's refusal ("" when any readout says it, or there are too many to read)."""
    if not found.readouts or len(found.readouts) > TOPIC_TEXTS:
        return ""
    words = [w.lower() for w in LIFE_EVENT.findall(read.text)]
    texts = readout_texts(library, [r.id for r in found.readouts]) if words else {}
    said = mention_finder(tuple(words))
    if not words or any(said(text) for text in texts.values()):
        return ""
    return none_mention(read, words)


def none_mention(read: Question, what) -> str:
    """The refusal for people whose readouts all lack what was asked about."""
    return f"{compose.REFUSAL[:-1]}: none of the readouts of {evidence.names_said(read)} mentions {', '.join(what)}."


def engine_top(library: Library, read: Question, question: str, filters, turns, scored: list, k: int):
    """The readout the plain engine ranks first, with its passages, where the readouts of who and when missed it
    and it is much closer to the question than any of theirs: the metadata need not list a person the readout
    names ("At the April 2021 climate panel session held before Biden's global climate summit, ...": Biden is in
    no participant row of the task force's meeting). It must name everyone asked about and fall in the time asked.
    None otherwise."""
    inside = max((s.dense for s in scored), default=0.0)
    if not read.people or inside >= TUNING.topic_cosine:
        return None  # (a passage of theirs this close supports the topic, as the refusal rule reads it: no search)
    engine = library.retrieve(question, filters, turns, k=5)
    if not engine:
        return None
    top = engine[0].hit.readout_id
    if any(s.hit.readout_id == top for s in scored):
        return None
    closer = max(s.dense for s in engine if s.hit.readout_id == top) - inside
    if closer < TUNING.engine_top:
        return None
    rows = tuple(library.readouts(filters=replace(read.filters, readouts=frozenset([top])), participants=False))
    held = rows[0].event_date or rows[0].date if rows else ""
    if not rows or (read.date_from and held < read.date_from) or (read.date_to and held > read.date_to):
        return None
    readout = library.readout(top)
    text = f"{readout.title} {' '.join(readout.paragraphs)}" if readout else ""
    if not all(mentioned([name.split()[-1] for name in person.names if name.split()], text) for person in read.people):
        return None
    return rows, library.retrieve(question, compose.restrict(read.filters, rows), turns, k=k)


ONE_CALL = re.compile(r"\b(?:a|the|his|her|their|that) (?:[\w'’-]+ ){0,2}(?:call|meeting|conversation)\b", re.IGNORECASE)
MANY = re.compile(r"\b(?:trilateral|multilateral|three-way|quadrilateral|joint|together|group|summit|ministerial|"
                  r"counterparts|leaders)\b", re.IGNORECASE)


def just_them(library: Library, read: Question, question: str, found: evidence.Evidence) -> evidence.Evidence:
    """"in her getting-acquainted phone call with Seoul's newly installed number two": one contact of a person or a
    pair, the ones with no one else where some are (not the trilateral call of the same week with Japan's vice
    minister too). The evidence as it was otherwise."""
    if len(read.people) not in (1, 2) or read.intent not in ("discuss", "yes_no", "who_said") \
            or not 1 < len(found.readouts) <= 10 or not ONE_CALL.search(question) or MANY.search(question):
        return found
    rows = library.readouts(filters=Filters(readouts=frozenset(r.id for r in found.readouts)))
    few = {r.id for r in rows if len(r.participants) <= 2}
    if few and len(few) < len(found.readouts):
        return replace(found, readouts=tuple(r for r in found.readouts if r.id in few))
    return found


def rare_hits(library: Library, read: Question, question: str, turns, scored: list, readouts) -> list:
    """The hits with, where none of them has a rare word of what a yes/no asks about ("did he bring up the U.S.
    midterms?" of Biden's readouts: his meeting with six African presidents ranked sixth), the best passage of
    the matching readouts that has it; the hits as they were otherwise."""
    if read.intent != "yes_no" or not read.topic or not scored or not readouts:
        return scored
    count = refusal.word_counter(library)
    rare = [w for w in read.topic if len(w) > 2 and 0 < count(w) <= TUNING.rare_paragraphs]
    missing = [w for w in rare if not any(mentioned([w], s.hit.text) for s in scored)]
    if not missing or len(missing) < len(rare):
        return scored  # (a hit that has one rare word of several is what the answer quotes)
    ids = set(readouts_with(library, missing, readouts))
    if not ids:
        return scored
    wider = library.retrieve(question, compose.restrict(read.filters, tuple(r for r in readouts if r.id in ids)),
                             turns, k=10)
    have = {(s.hit.readout_id, s.hit.paragraph) for s in scored}
    extra = [s for s in wider if (s.hit.readout_id, s.hit.paragraph) not in have
             and any(mentioned([w], s.hit.text) for w in missing)]
    return scored + extra[:1]


def official_hits(library: Library, read: Question, question: str, turns, scored: list) -> list:
    """The hits with, where none of them has a word of the question that the table of official words has ("relief
    money" of the school chiefs' meeting: its "ARP funds" paragraph not among them), the best two passages of the hits'
    readouts that have the readouts' word for it, found by asking with those words too. (Of the hits' readouts, not
    all the matching ones: "global warming" at the ASEAN ministers' meeting is not Blinken's call with Indonesia.)"""
    if not TUNING.official_retrieval or not scored:
        return scored
    missing = [t for t in read.topic if official_words(t) and not any(mentioned([t], s.hit.text) for s in scored)]
    if not missing:
        return scored
    said = " ".join(dict.fromkeys(a for t in missing for a in official_words(t)))
    ids = frozenset(s.hit.readout_id for s in scored)
    wider = library.retrieve(f"{question} {said}", compose.restrict_ids(read.filters, ids), turns, k=10)
    have = {(s.hit.readout_id, s.hit.paragraph) for s in scored}
    extra = [s for s in wider
             if (s.hit.readout_id, s.hit.paragraph) not in have and said_officially(missing, s.hit.text)]
    return scored + extra[:2]
