"""A question of several ("who did he note had been named to lead the talks, and which country's pact worried
them both?"): each question answered by a sentence of the readouts already quoted, not only the first one."""
from __future__ import annotations

import re

from typing import Callable

from index.chunk import split_sentences
from index.countries import country_of
from index.name_tokens import CORE_OFFICES
from index.query import lexical_terms, mentions, stem
from index.search import Scored

from .parts import asks_one, question_parts, scene_and_ask, subject_parts
from .question import Question, sentence_words
from .topic import FRAME
from .tuning import TUNING, Tuning
from .types import Candidate


COUNT_PART = re.compile(r"^\W*(?:and\s+)?how\s+(?:many|much)\b", re.IGNORECASE)
# ... and what it counts: the word before the verb ("how many states was the tour visiting": "states")
COUNTED = re.compile(r"^\W*(?:and\s+)?how\s+many\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]+)\s+(?:did|does|do|was|were|is|are|"
                     r"had|has|have|would|will)\b", re.IGNORECASE)
# A question that asks for one thing ("which official", "how many arrests", "what program"), not "what did they say".
ASKS_THING = re.compile(r"^\W*(?:and\s+)?(?:which|who|whom|whose|where|when|how\s+(?:many|much|long)|"
                        r"what\s+(?!(?:did|does|do|was|were|is|are|has|have|had|should|would|could|will)\b)\w+)",
                        re.IGNORECASE)
NUMBER = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    r"hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)


def cover_questions(question: Question, candidates: list[Candidate], chosen: list[Candidate],
                    part_hits: Callable[[str, frozenset], list[Scored]], tuning: Tuning = TUNING,
                    part_meaning: Callable[[str, list[str]], list[float]] | None = None,
                    rarity: Callable[[str], float] | None = None) -> list:
    """The chosen sentences, with one more for each question of several that none of them answers: the
    sentence sharing most of its words (names included, at least two), else the sentence best ranked in
    the paragraph closest to that question alone (one more query), within the readouts already quoted; when
    that paragraph is quoted already, its sentence closest in meaning to that question (`part_meaning`)."""
    parts, strict = question_parts(question.text), False
    if len(parts) < 2 and tuning.cover_subjects:
        # "about technology cooperation and security concerns": each thing asked about is a part, answered
        # only by a sentence with all its words ("strategic security" does not answer "security concerns").
        parts, strict = subject_parts(question.text), True
    if len(parts) < 2 or not chosen:
        return chosen
    chosen = list(chosen)
    readouts = frozenset(c.hit.readout_id for c in chosen)
    topic = set(question.topic)
    for part in parts:
        words = [w for w in lexical_terms(part) if w not in FRAME]
        own = [stem(w) for w in words if w in topic and not country_of(w)]
        if not own and strict and tuning.country_parts:
            # "about Venezuela and Haiti": a thing asked about that is a country is answered by a sentence
            # naming it, not by the paragraph that ranks first for it alone (the lead, for naming the people).
            own = [stem(w) for w in words if w in topic]
        # "How many Latino leaders came ..., and what did participants say ...?": a count is answered by a
        # sentence with a number ("over 100 Latino leaders"), not by another naming Latino leaders.
        counting = tuning.count_parts and not strict and COUNT_PART.search(part)
        # (a number of what is counted: "traveling to 25 states", not "$435 billion of new private sector investments")
        counted = COUNTED.search(part) if counting and tuning.count_noun else None
        number_of = re.compile(NUMBER.pattern + r"(?:\s+[\w'’-]+){0,3}?\s+" + re.escape(stem(counted.group(1))),
                               re.IGNORECASE) if counted else NUMBER

        def counts(text: str) -> bool:
            return bool(number_of.search(text))
        # (A sentence with one word of a part of three or more does not answer it: "Health" of "the Department of
        # Health and Human Services" does not say what kind of health care speakers singled out.)
        least = 2 if tuning.part_two_words and len(own) >= 3 else 1
        weight = _weigher(words, rarity) if own and tuning.part_rarity and rarity is not None and not strict else None
        # (of the words that the readouts quoted have somewhere: "aim" of "what did the discussions aim to
        # accelerate", said in none of them, tells no sentence from another)
        enough_weight = tuning.part_share * weight(set().union(*(has(c.sentence, own) for c in candidates
                                                                 if c.hit.readout_id in readouts))) if weight else 0.0

        def answers(c: tuple) -> bool:
            found = has(c.sentence, own)
            return (len(found) == len(own) if strict else len(found) >= least) \
                and (weight is None or weight(found) >= enough_weight) and (not counting or counts(c.sentence))
        if own and any(answers(c) for c in chosen):
            continue  # answered by a sentence already chosen
        stems = [stem(w) for w in words]
        pool = [c for c in candidates if c.hit.readout_id in readouts and c not in chosen]
        if strict and tuning.part_meant and part_meaning is not None:
            # "about people fleeing Ukraine" is not in so many words in any sentence: the sentence closest to it in
            # meaning, among those chosen and the best-ranked others of the readouts quoted, answers it ("refugee
            # flows"); where one already chosen is closest, nothing is added (else the rules below add one).
            near = chosen + [c for c in pool if not (c.hit.paragraph == 1 and c.position == 0)][:tuning.meant_sentences]
            cosines = part_meaning(part, [c.sentence for c in near])
            if max(range(len(near)), key=cosines.__getitem__) < len(chosen):
                continue
        if counting:
            pool = [c for c in pool if counts(c.sentence)] or [c for c in pool if NUMBER.search(c.sentence)] or pool
        if tuning.cover_past_lead:
            # The "X spoke today with Y of Jordan" lead names the people and place of every part: it answers
            # "how did the President describe Jordan?" only by those words (it does answer "what occasion did
            # Biden mark when he hosted ...", in words of its own).
            who = {stem(w) for w in words if w in CORE_OFFICES or country_of(w)
                   or any(w in p.words.lower() for p in question.people)}
            pool = [c for c in pool if not (c.hit.paragraph == 1 and c.position == 0 and has(c.sentence, stems) <= who)] or pool
        scored = sorted(((len(has(c.sentence, stems)), c) for c in pool), key=lambda x: (-x[0], -x[1].score))
        enough = min(2, len(own)) if strict and own and tuning.country_parts else 2
        if scored and scored[0][0] >= enough:
            chosen.append(scored[0][1])
            continue
        quoted = {(c.hit.readout_id, c.hit.paragraph) for c in chosen}
        for s in part_hits(part, readouts):
            key = (s.hit.readout_id, s.hit.paragraph)
            if key in quoted or s.hit.readout_id not in readouts:
                continue
            best = next((c for c in pool if (c.hit.readout_id, c.hit.paragraph) == key), None)
            if best is None and tuning.part_paragraph:
                # The paragraph closest to this question alone is none of those retrieved for the whole one
                # ("which envoy would support their continued work" of a seven-paragraph readout): its sentence
                # with most of the question's words.
                best = _sentence_of(s.hit, stems)
            if best is not None:
                chosen.append(best)
            break
        else:
            if part_meaning is not None and tuning.part_meaning and pool:
                best = _closest(part, pool, quoted, part_meaning, tuning)
                chosen += [best] if best is not None else []
    return chosen


def _weigher(words: list[str], rarity: Callable[[str], float]) -> Callable[[set[str]], float]:
    """The weight of some of a part's own stems: each its word's rarity in the index ("Hoosier", "welcomed" say more
    of "which Hoosier State leader was welcomed as a new member" than "state" and "member")."""
    of = {stem(w): w for w in words}
    return lambda stems: sum(rarity(of.get(t, t)) for t in stems)


def _sentence_of(hit, stems: list[str]):
    """A candidate (as qa.sentences.sentence_scores makes them, ranked last) of the hit's sentence with most of the
    stems, the first of those tied; None where no sentence has any."""
    best, most = None, 0
    for position, sentence in enumerate(split_sentences(hit.text)):
        found = len(has(sentence, stems))
        if found > most and len(sentence) >= 20:
            best, most = Candidate(0.0, 99, position, sentence, hit, found, hit.speaker_of(sentence)), found
    return best


def _closest(part: str, pool: list[Candidate], quoted: set, part_meaning, tuning: Tuning):
    """"...which country's security pact with Beijing worried them both?" of a one-paragraph readout already
    quoted for the other question: the unquoted sentence of the quoted paragraphs closest to it in meaning
    ("voiced common concern about the People's Republic of China and the Solomon Islands signing a bilateral
    security agreement"), if close enough and not a lead that only says who met."""
    inside = [c for c in pool if (c.hit.readout_id, c.hit.paragraph) in quoted
              and not (c.hit.paragraph == 1 and c.position == 0)][:tuning.part_sentences]
    if not inside:
        return None
    cosines = part_meaning(part, [c.sentence for c in inside])
    best = max(range(len(inside)), key=cosines.__getitem__)
    return inside[best] if cosines[best] >= tuning.part_cosine else None


def has_stems(part: str) -> list[str]:
    """The stems of a thing asked about, less frame words and countries ("its internal security": internal, secur)."""
    return [stem(w) for w in lexical_terms(part) if w not in FRAME and not country_of(w)]


def has(sentence: str, stems: list[str]) -> set[str]:
    """The stems that start a word of the sentence."""
    words = sentence_words(sentence)
    return {t for t in stems if any(w.startswith(t) for w in words)}


# A part that asks for a person: "who ...", "which presidents ...", "which Polish leader ...".
PERSON_ASKED = re.compile(r"^\W*(?:and\s+)?(?:who|whom|whose|which\s+(?:[\w-]+\s+){0,2}?(?:leaders?|presidents?|officials?|"
                          r"ministers?|envoys?|speakers?|governors?|ambassadors?|executives?|members?|directors?|"
                          r"secretar(?:y|ies)|advis[eo]rs?|premiers?|counterparts?|heads?|chiefs?|people|persons?))\b",
                          re.IGNORECASE)
# Someone named with a title ("President Ali Bongo Ondimba", "Prime Minister Mateusz Morawiecki", "Dr. Jill Biden").
NAMED_PERSON = re.compile(r"\b(?:President|Prime Minister|Minister|Secretary|Ambassador|Dr\.|Mr\.|Ms\.|Mrs\.|Director|"
                          r"Administrator|Governor|Senator|Representative|Commissioner|Chancellor|King|Queen|Sheikh|"
                          r"Crown Prince|Chair(?:man|woman|person)?|General|Admiral|Mayor|Taoiseach|Emir|Amir)\s+"
                          r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)")


def _names_other(sentence: str, question_text: str) -> bool:
    """Whether the sentence names someone by title whose name the question does not have."""
    asked = question_text.lower()
    return any(not any(w.lower() in asked for w in m.group(1).split() if len(w) > 2)
               for m in NAMED_PERSON.finditer(sentence))


def needed(question: Question, chosen: list[Candidate], part_meaning: Callable[[str, list[str]], list[float]] | None,
           tuning: Tuning = TUNING) -> list:
    """Of a question of several things, the chosen sentences of the paragraphs that answer one of its questions
    best: a sentence with most of its words, else the one closest to it in meaning. A paragraph that answers none
    of them best is left out ("outlined the progress ... disrupting human smuggling networks" beside the bullet
    "made over 5,000 arrests ... cracking down on ... human smuggling networks", for "how many arrests ..., and
    what program did Ecuador launch?")."""
    parts = question_parts(question.text)
    one = tuning.needed_one and asks_one(question.text)
    if not tuning.needed_only or part_meaning is None or (len(parts) < 2 and not one) or len(chosen) < 2:
        return chosen
    if not all(ASKS_THING.search(part) for part in parts):
        # "what did he tell them about the outcome ..." is answered by every sentence on it, not by one
        return chosen
    keep: set[int] = set()
    for part in parts:
        if one:
            # One question asking for one thing ("which newcomers did the council start with?"): the paragraphs
            # of the sentences with most of its topic's words (less those the readout's title has, which say who
            # met), and of the one closest to it in meaning, not every close second.
            stems = [stem(t) for t in question.topic]
            counts = [len(has(c.sentence, stems) - has(c.hit.title, stems)) for c in chosen]
        else:
            stems = has_stems(part)
            counts = [len(has(c.sentence, stems)) for c in chosen]
        if tuning.asks_person and PERSON_ASKED.search(scene_and_ask(part)[1] or part):
            # "Which presidents did Finer meet ...?", "who gave the keynote ...?": a sentence naming someone the
            # question does not answers it more than one that repeats who met.
            counts = [n + (1 if _names_other(c.sentence, question.text) else 0) for n, c in zip(counts, chosen)]
        top = max(counts)
        keep |= {i for i, n in enumerate(counts) if n == top and top > 0}
    # A paragraph is cited for any sentence of it that answers one best; its other chosen sentences stay quoted.
    def paragraphs(kept: set[int]) -> set:
        return {(chosen[i].hit.readout_id, chosen[i].hit.paragraph) for i in kept}
    if paragraphs(keep) == paragraphs(set(range(len(chosen)))):
        return chosen  # every paragraph answers one best by its words: nothing to embed (~10 ms a sentence cold)
    for part in parts:
        cosines = part_meaning(part, [c.sentence for c in chosen])
        keep.add(max(range(len(chosen)), key=cosines.__getitem__))
    cited = paragraphs(keep)
    return [c for c in chosen if (c.hit.readout_id, c.hit.paragraph) in cited]


EACH_PLACE = re.compile(r"\b(?:in|at|of|for)\s+(?:each|both|every)\b|\beach\s+(?:country|nation|capital|stop|city|place)\b|"
                        r"\bboth\s+(?:countries|nations|capitals|cities|places)\b", re.IGNORECASE)


def each_place(question: Question, candidates: list[Candidate], chosen: list[Candidate],
               tuning: Tuning = TUNING) -> list[Candidate]:
    """"Whom did she meet in each country?" of a trip to Panama and Colombia: a sentence for each country asked about
    that the chosen ones leave out (the readout's paragraph on Colombia as well as Panama's), the best candidate
    naming it within the readouts already quoted."""
    places = [w for w in question.topic if country_of(w)] if tuning.each_place and chosen else []
    if len(places) < 2 or not EACH_PLACE.search(question.text):
        # (only where each is asked about: "Did the NSC's top Africa official go with Jon Finer to Nigeria, Equatorial
        # Guinea and Mauritania?" names the trip's countries to say which trip)
        return chosen
    readouts = {c.hit.readout_id for c in chosen}
    out = list(chosen)
    for place in places:
        if any(mentions(place, c.sentence) for c in out):
            continue
        # (one about that country alone: the lead's "a delegation to Panama and Colombia" says where, not whom)
        extra = next((c for c in candidates if c.hit.readout_id in readouts and c not in out
                      and mentions(place, c.sentence) and not any(mentions(p, c.sentence) for p in places if p != place)),
                     None)
        if extra is not None:
            out.append(extra)
    return out
