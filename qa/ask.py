"""ask(): the question read once, its evidence gathered, the answer composed by intent (or refused by
the one rule); the one call every interface uses."""
from __future__ import annotations

import re
import weakref
from dataclasses import replace
from typing import Any

from index.api import Library, check_k, check_question
from index.readout_meta import name_counts
from index.types import Filters, parse_history

from . import compose, compose_compare, compose_lists, evidence, extract, places, refusal, roles, sides
from .asked_names import given_unmet, unresolved_names
from .dates import spans_between
from .details import office_readouts, office_refusal
from .passages import closeness, cosines, part_hits, top_texts
from .question import FOLLOW_UP, Names, Question, read_question
from .refine import fill_dates, just_them, uncovered
from .routes import METADATA_INTENTS, Plan, plan_found, plan_unfound
from .replay import replayed
from .texts import lead_hit
from .thread import COUNTED
from .tuning import TUNING
from .types import Answer
from .verbs import english_word, says_how

_NAMES: "weakref.WeakKeyDictionary[Library, Names]" = weakref.WeakKeyDictionary()
# One contact spoken of: "in a call", "at their meeting", "when he hosted ...", "phoned" ("welcomed" is not here:
# in a question it is mostly what was said, "which reforms has he welcomed this year?").
SINGLE = re.compile(r"\b(?:a|the|his|her|their|that) (?:\w+ )?(?:call|meeting|visit|trip|conversation|audience|"
                    r"roundtable|gathering)\b|\bwhen (?:he|she|they|the|america|washington)\b|\b(?:phoned|rang|hosted|"
                    r"received)\b", re.IGNORECASE)
SINGLE_VERB = re.compile(r"\bdid\b[^?,]*\b(?:phone|ring|telephone)\b", re.IGNORECASE)  # "Why did Blinken phone ...?"


def prepare(library: Library) -> None:
    """Read now what the first questions would wait for: the participants' names and directory (1.3 s at 100x),
    every readout's row (~2 s at 100x) and the query encoder's session. A server calls it in a thread at start."""
    warm = "What did Secretary Blinken discuss?"
    understand(library, warm)  # the participants' names
    roles.directory_of(library)
    library.embedder.encode_query(warm)
    library.keep_listing()
    says_how("see", "to see")  # lemminflect's dictionary (~0.2 s)


def understand(library: Library, question: str, filters: Any = None, history: Any = None) -> Question:
    """Read a question once against this index's participants."""
    names = _NAMES.get(library) or _NAMES.setdefault(
        library, Names(unseen=lambda word: not library.count_paragraphs_with(word, at_most=1)))
    names.refresh((library.store.loaded_generation, library.store.changes), lambda: name_counts(library.store.db))
    turns = parse_history(history)
    read = read_question(question, names, Filters.from_json(filters), turns, _thread_time(library, turns, question))
    if not TUNING.offices:
        return read
    rows = lambda: roles.directory_of(library)  # noqa: E731 - loaded only when an office is named
    read = roles.add_described(read, rows)
    if turns and TUNING.described_turns and FOLLOW_UP.search(question) and not any(p.inferred for p in read.people):
        # "Who was South Korea's national security advisor in May 2022?" then "How did his two calls with
        # Sullivan differ?": "his" is the person the earlier turn described by office.
        for turn in reversed(turns[-2:]):
            earlier = roles.add_described(read_question(turn.question, names, Filters(), ()), rows)
            described = tuple(p for p in earlier.people if p.inferred
                              and not any(set(p.names) & set(q.names) for q in read.people))
            if described:
                return replace(read, people=read.people + described, carried=True)
    return _new_counterpart(library, read) if turns and read.carried and TUNING.new_counterpart else read


# "Did he say whether ...", "What did she tell them about ...": the thread's person speaks of whoever is named after
PRONOUN_SAYS = re.compile(r"^\s*(?:and\s+)?(?:(?:what|how|why)\s+)?(?:did|does|do|has|had)\s+(?:he|she|they)\s+"
                          r"(?:also\s+)?(?:say|tell|mention|note|indicate|confirm|report|add|explain)\b")


def _new_counterpart(library: Library, read: Question) -> Question:
    """"And with South Korea's prime minister the next day?", "And why did the Vice President call him that
    September?": a person the follow-up names (or describes) takes the place of the people carried from the
    conversation on the same side, the U.S. one or the other, instead of joining them."""
    text = read.text.lower()
    own = [p for p in read.people if p.words.lower() in text]
    carried = [p for p in read.people if p not in own]
    if not own or not carried:
        return read
    if TUNING.pronoun_speaks and PRONOUN_SAYS.match(text) and all(p.inferred for p in own):
        # "Did he say whether the President was personally keeping track of it?": "he" of the thread says it, the
        # President is what he said about, no new side of the contact.
        return replace(read, people=tuple(carried))
    side_of = {p.words: sides.side(library, p) for p in read.people}
    kept = [p for p in carried if side_of[p.words] is None or side_of[p.words] not in {side_of[o.words] for o in own}]
    if len(kept) == len(carried) or not (kept or read.countries):
        return read  # (no one left of the thread: a country carried from it still says who the other side is)
    return replace(read, people=tuple(own + kept))


def _unknown_people(library: Library, question: str, read: Question) -> list[str]:
    """Full names after an office that no participant has and no paragraph holds, in either order ("Kamikawa
    Yoko"), nor by the family name after the same office ("President Kagame", named past a readout's lead)."""
    unknown = [n for title, n in unresolved_names(question, read.people, _NAMES[library])
               if not any(library.count_paragraphs_with(form) for form in
                          (n, " ".join(reversed(n.split())), f"{title} {n.split()[-1]}"))]
    if TUNING.given_unmet:
        # (as asked, from the first given name, in no paragraph: "Mansour bin Zayed", though other Mansours are)
        unknown += [n for n, given in given_unmet(read.people) if n not in unknown and not library.count_paragraphs_with(n)]
    return unknown


def _covers(library: Library, read: Question, found: evidence.Evidence) -> bool:
    """Whether each person named takes part in one of the contacts paired: "Did Biden or Harris meet Robert Golob in
    2022 or 2023?" is not answered by Biden's and Harris's contacts together, when neither met Golob then."""
    ids = {r.id for r in found.readouts}
    return all(ids & {r.id for r in evidence.select(library, replace(read, people=(p,), intent="discuss"))}
               for p in read.people)


def _someone_else(library: Library, read: Question) -> Question:
    """The question without the people it names by a given name that no participant of their family name has, where
    a paragraph has the name as asked: "Bruce Reed" of a listening session's roster is no participant, and not the
    one Reed who is ("Frankie Reed"), whose contacts of the time it was refused by."""
    # (a given word that is an English word says no one else: "Black Chambers" names an organisation, not someone)
    other = {name for name, given in given_unmet(read.people)
             if not any(english_word(w) for w in given) and library.count_paragraphs_with(name)}
    return replace(read, people=tuple(p for p in read.people if p.words not in other)) if other else read


def _thread_time(library: Library, turns: tuple, question: str = "") -> tuple[str, str] | None:
    """The first and last event dates of the contacts the last answer cited, which a follow-up's "the next
    day" counts from."""
    if not TUNING.thread_time:
        return None
    cited: tuple = next((turn.cited for turn in reversed(turns) if turn.cited), ())
    if turns and not turns[-1].cited and TUNING.replay_turn and COUNTED.search(question):
        # "And when the Vice President called him a couple of weeks later, ...?" after a plain-string turn ("When
        # did President Biden first speak with Prime Minister Netanyahu after taking office?"): what that turn's
        # answer cites, answered again (the history of a client that keeps no citations).
        earlier = ask(library, turns[-1].question, history=list(turns[:-1]))
        cited = tuple(dict.fromkeys(c.readout_id for c in earlier.citations)) or cited
    if not cited:
        return None
    days = sorted(r.event_date or r.date for r in library.readouts(filters=Filters(readouts=frozenset(cited)),
                                                                   participants=False))
    return (days[0], days[-1]) if days else None


def plan(library: Library, question: str, filters: Any = None, history: Any = None, k: int = 5,
         replay: bool = True) -> Plan:
    """Read the question, gather its evidence and apply the one refusal rule (every answerer goes through here).
    `replay`: answer the last of plain-string turns again for what it cites (see replayed)."""
    check_k(k)
    check_question(question)
    turns = parse_history(history)
    turns = replayed(ask, library, question, turns, filters, k) if replay else turns
    read = understand(library, question, filters, turns)
    unknown = _unknown_people(library, question, read) if TUNING.unknown_named else []
    if unknown:
        # "Malaysian Prime Minister Anwar Ibrahim": each word is someone's (Anwar Gargash, Ibrahim Kalin), the
        # person no one's; left unread, the question was answered from Biden's readouts on its other words.
        return Plan(read, library.retrieve(question, filters, turns, k=k),
                    f"{compose.REFUSAL[:-1]}: nothing in the index mentions {', '.join(unknown)}.")
    if TUNING.given_mentioned:
        read = _someone_else(library, read)
    found = evidence.gather(library, read)
    at_event = places.at_titled_event(library, read, found.readouts)
    if not at_event and read.carried and turns and not read.cited and TUNING.turn_event:
        # "What happened at Blinken's U.S.-ASEAN foreign ministers' meeting in August 2021?" then "Did he announce any
        # new money?": of his contacts of that month, the event the turn named by its title
        at_event = places.at_titled_event(library, replace(read, text=turns[-1].question), found.readouts)
    if at_event:
        found = evidence.Evidence(at_event, True)  # ("at the Lobito ... Summit", "the Dominican Day reception")
    if not found.readouts and read.carried and TUNING.named_alone:
        # "A year later, when Jake Sullivan was in Jeddah, how long did he say it had held?" after Blinken's calls
        # with al-Alimi: Sullivan and al-Alimi have no contact of the time; Sullivan's own contacts answer.
        own = tuple(p for p in read.people if p.words.lower() in question.lower())
        alone = replace(read, people=own) if own and len(own) < len(read.people) else None
        found_alone = evidence.gather(library, alone) if alone else None
        if found_alone and found_alone.readouts and not found_alone.refusal:
            read, found = alone, found_alone
    if found.refusal and (len(read.people) >= 3 or _dated_pair(read)) and read.intent != "compare" and TUNING.two_contacts:
        # "Blinken met Allamand and Omamo on July 16, 2021. Which crises did he discuss with Omamo, and what
        # did the other readout praise?": no readout has all three; two contacts of them are compared.
        paired = replace(read, intent="compare")
        found_paired = evidence.gather(library, paired)
        if len(found_paired.readouts) >= 2 and (not TUNING.pairs_cover or _covers(library, read, found_paired)):
            # ("How many contacts did Biden and Harris have with Marape in 2023?": the contacts of either pair are
            # counted, listed or dated, not compared)
            keep = read.intent in METADATA_INTENTS and TUNING.paired_counts
            read, found = (read if keep else paired), found_paired
    if found.refusal and sides.us_pair(library, read):
        # "On the day Russia invaded Ukraine, what did Sherman and Portugal's political director agree on, and what
        # did Blinken thank the Baltic ministers for?": two US officials, no counterparts of each other: each one's
        # contacts of the time.
        each = [evidence.gather(library, replace(read, people=(p,))) for p in read.people]
        if all(f.readouts and not f.refusal for f in each):
            rows = {r.id: r for f in each for r in f.readouts}.values()
            found = evidence.Evidence(tuple(sorted(rows, key=lambda r: (r.event_date or r.date, r.id))), True)
    if found.refusal:
        return Plan(read, library.retrieve(question, filters, turns, k=k), found.refusal)
    if TUNING.office_held and (reason := office_refusal(library, read)):
        return Plan(read, library.retrieve(question, filters, turns, k=k), reason)
    if TUNING.office_selects and read.intent != "compare" and found.readouts:
        found = replace(found, readouts=office_readouts(library, read, found.readouts))  # "Defense Minister ..."
    if TUNING.pair_only:
        found = just_them(library, read, question, found)
    if read.intent == "discuss" and TUNING.dates_filled and uncovered(read, found):
        found = fill_dates(library, read, found, question)
    if found.readouts:
        return plan_found(library, read, found, question, filters, turns, k)
    return plan_unfound(library, read, found, question, filters, turns, k)


def ask(library: Library, question: str, filters: Any = None, history: Any = None, k: int = 5,
        answerer=None, replay: bool = True) -> Answer:
    """Answer a question from the library with citations (default: extractive; an LLM answerer gets the same
    evidence and is held to the same refusals). `replay`: see replayed."""
    check_k(k)
    check_question(question)
    turns = parse_history(history)
    turns = replayed(ask, library, question, turns, filters, k) if replay else turns
    p = plan(library, question, filters, turns, k, replay=False)
    if p.refusal:
        return _trim_hits(compose.refuse(p.question, p.refusal, p.hits), k)
    if answerer is not None and p.route != "metadata":
        return _trim_hits(answerer(question, p.scored, turns), k)
    if p.route == "metadata":
        return _trim_hits(compose_lists.by_metadata(library, p.question, p.readouts, p.hits, unasked=p.unasked), k)
    if p.question.intent == "compare" and p.readouts:
        compared = compose_compare.by_comparison(library, p.question, p.readouts, p.hits)
        if compared is not None:
            return _trim_hits(compared, k)
    if p.route == "broad":
        return _trim_hits(compose_lists.broad(library, p.question, p.scored, p.hits), k)
    if p.route == "topic":
        return _trim_hits(compose.by_topic(p.question, p.scored, p.hits,
                                           lead=lambda readout_id: lead_hit(library, readout_id),
                                           closeness=closeness(library, question, p.scored),
                                           part_hits=lambda part, ids: part_hits(library, part, ids),
                                           one_readout=_one_described(p.question),
                                           meaning=lambda: closeness(library, question, p.scored,
                                                                     most=TUNING.meaning_fallback),
                                           weak_meaning=lambda: closeness(library, question, p.scored,
                                                                          most=TUNING.weak_paragraphs),
                                           part_meaning=lambda part, sentences: cosines(library, part, sentences),
                                           apart=sides.apart(library, p.question, p.readouts),
                                           together=sides.together(library, p.question, p.readouts),
                                           everyone=lambda: sides.of_all(library, p.question.people, p.readouts),
                                           earlier=" ".join(t.question for t in turns[-2:])
                                           if p.question.carried and TUNING.titled_turns else "",
                                           rarity=library.rarity), k)
    if TUNING.compose_unnamed and p.question.topic and p.scored:
        # No participant known: the passages retrieved (within the question's time and countries) are
        # the evidence, composed as any other (one [n] per paragraph, whole paragraphs for discuss).
        apart = sides.countries_apart(library, p.question, p.scored)
        return _trim_hits(compose.by_topic(p.question, p.scored, p.hits,
                                           lead=lambda readout_id: lead_hit(library, readout_id),
                                           part_hits=(lambda part, ids: part_hits(library, part, ids))
                                           if TUNING.unnamed_parts else None,
                                           one_readout=_one_contact(p.question) and not apart,
                                           part_meaning=(lambda part, sentences: cosines(library, part, sentences))
                                           if TUNING.unnamed_needed else None,
                                           apart=apart, rarity=library.rarity), k)
    result = extract.answer(question.strip(), p.scored, turns, readout_texts=top_texts(library, p.scored),
                            count=refusal.word_counter(library))
    return _trim_hits(result, k)


def _dated_pair(read: Question) -> bool:
    """"What did the White House discuss ... with Finland's President Niinistö in March 2023 and with Sweden's Prime
    Minister Kristersson in July 2023?": two people with a date each, no readout of both, are two contacts."""
    return TUNING.dated_pair and len(read.people) == 2 and len(read.dates) == 2 and not spans_between(read.text)


def _one_contact(question: Question) -> bool:
    """Whether a question naming nobody asks about one contact: its time or countries picked the readouts
    ("When the President rang Downing Street in late March 2021, ..."), not a topic across years ("What did
    the President say about the Indo-Pacific?")."""
    return question.intent in ("discuss", "who_said", "yes_no") and bool(question.date_from or question.date_to
                                                                          or question.countries)


def _one_described(question: Question) -> bool:
    """Whether a question naming one person asks about one contact with someone it describes ("in a call at the
    end of July 2022, ... the sultanate's foreign minister"): its time or countries picked it, as for _one_contact."""
    return TUNING.one_described and len(question.people) == 1 and _one_contact(question) \
        and bool(SINGLE.search(question.text) or TUNING.single_verbs and SINGLE_VERB.search(question.text))


def _trim_hits(result: Answer, k: int) -> Answer:
    """The first k hits, with every cited paragraph among them (a citation is shown from its hit): a cited one
    past k takes the place of the last uncited one (an answer citing more than k paragraphs keeps them all)."""
    cited = {(c.readout_id, c.paragraph) for c in result.citations}
    kept = list(result.hits[:k])
    for hit in result.hits[k:]:
        if (hit.readout_id, hit.paragraph) not in cited:
            continue
        spare = next((i for i in range(len(kept) - 1, -1, -1) if (kept[i].readout_id, kept[i].paragraph) not in cited), None)
        if spare is not None:
            del kept[spare]
        kept.append(hit)
    return replace(result, hits=tuple(kept))
