"""The sentences an answer may quote, scored for a question: topic words (fewer where the readout's title has
them), the speaker asked about, closeness in meaning, and the paragraph's rank within its readout."""
from __future__ import annotations

import re
from typing import Callable

from index.chunk import split_sentences
from index.countries import capital_country
from index.officials import US
from index.query import lexical_terms, stem
from index.search import Scored

from .cover import ASKS_THING, has as _has
from .parts import ASKED_THING, NOT_NOUNS, PLURAL_CONTACTS, asks_one, question_parts, scene_and_ask
from .present import present_asked
from .question import Question, sentence_words
from .readout_sentences import is_pointer
from .tuning import TUNING, Tuning
from .types import Candidate
from .vocabulary import official_words

MEANING_SENTENCES = 8  # a dated contact's best-scored sentences embedded to find the one closest in meaning


def sentence_scores(question: Question, scored: list[Scored], speakers: tuple[str, ...], tuning: Tuning,
                    closeness: dict[str, float] | None = None) -> list[Candidate]:
    """Each sentence of the passages as a Candidate (score, rank, position, sentence, hit, topic overlap, speaker),
    best first."""
    topic = {stem(t) for t in question.topic}
    # ("graft" is found as "corruption": a readout's word for a topic word that none of the passages has counts as it)
    official = {stem(t): tuple(stem(a) for a in official_words(t) if " " not in a) for t in question.topic
                if not any(_has(s.hit.text, [stem(t)]) for s in scored)} \
        if tuning.official_sentences and (question.intent == "yes_no" or tuning.official_all) else {}
    if tuning.capital_said and "capital" in question.topic:
        # "his trip to the Ukrainian capital": the readout names the city ("the Secretary's meetings in Kyiv")
        cities = tuple(stem(p) for p in question.places if capital_country(p))
        if cities:
            official[stem("capital")] = official.get(stem("capital"), ()) + cities
    # (... and one said in several words: "Northern Ireland" for "Ulster", "extended deterrence" for "umbrella")
    phrases = {stem(t): tuple(a for a in official_words(t) if " " in a) for t in question.topic
               if stem(t) in official} if tuning.official_phrases else {}
    excluded = {stem(t) for t in question.exclude}
    out = []
    # A paragraph ranks with its readout: within one readout, retrieval's order of paragraphs says little about
    # which answers (Finer's trip: the Mauritania paragraph came fourth of four).
    readout_rank: dict[str, int] = {}
    within: dict[str, int] = {}
    if tuning.dense_margin and scored and all(p.inferred for p in question.people) \
            and len(set(question.countries) - {US}) < 2:  # (not "with Chile and Ecuador": two contacts)
        # Naming no one, a readout far less close to the question than the closest one is not quoted for a few common
        # words it shares with it (the gun-violence roundtable's "2022 reauthorization" for the UN envoy's meeting).
        # (Not where people are named: their readouts are the evidence, and a weaker one of them may be the contact.)
        best: dict[str, float] = {}
        for s in scored:
            best[s.hit.readout_id] = max(best.get(s.hit.readout_id, -1.0), s.dense)
        top = max(best.values())
        scored = [s for s in scored if best[s.hit.readout_id] >= top - tuning.dense_margin]
    # A roster ("- Melanie Campbell, President and CEO of ...", "- Secretary of the Treasury") says who took part, which
    # only a question about people asks for.
    rosters_out = tuning.rosters and not ROSTER_ASKED.search(question.text) \
        and not (tuning.roster_seated and SEATED.search(question.text)) \
        and not (tuning.present_rosters and present_asked(question)[0])  # ("Was South Dakota represented at ...?")
    for position_in_hits, s in enumerate(scored):
        rank = readout_rank.setdefault(s.hit.readout_id, len(readout_rank)) if tuning.readout_rank else position_in_hits
        if tuning.readout_rank:
            # ... and a little by the paragraph's rank within its readout
            rank += tuning.paragraph_rank * within.get(s.hit.readout_id, 0)
            within[s.hit.readout_id] = within.get(s.hit.readout_id, 0) + 1
        if rosters_out and is_roster(s.hit.text):
            continue  # (after its rank is counted: the others keep theirs)
        # A topic word the readout's title has ("Argentina" in "... Beliz of Argentina") describes the
        # contact more than what was said in it: it counts for less.
        titled = sentence_words(s.hit.title)
        for position, sentence in enumerate(split_sentences(s.hit.text)):
            if len(sentence) < 20 or (sentence.endswith(":") and (len(sentence) < 80 or tuning.colon_intro
                                                                and _INTRO.search(sentence))):
                continue  # ("... heard from officials including:": what follows says it, not this)
            if tuning.pointers_out and is_pointer(sentence):
                continue  # "For further information, please visit https://...": where to read more, nothing said
            words = sentence_words(sentence)
            lowered = sentence.lower() if phrases else ""
            overlap = sum(tuning.titled_word if any(w.startswith(t) for w in titled) else 1.0
                          for t in topic if any(w.startswith(t) or w.startswith(official.get(t, ())) for w in words)
                          or any(p in lowered for p in phrases.get(t, ())))
            # A sentence naming what is to be left out is left out, unless it says something asked about too
            # ("the need for more international assistance ... and greater public awareness").
            if any(w.startswith(t) for t in excluded for w in words) and not (overlap and tuning.aside_topic):
                continue
            speaker = s.hit.speaker_of(sentence)
            by_speaker = speakers and speaker in speakers
            # A sentence's own closeness to the question, where measured, tells the paraphrased topic
            # ("relief reaching people inside the enclave") that no topic word finds.
            close = closeness.get(sentence) if closeness else None
            meaning = s.dense if close is None else tuning.sentence_weight * close
            score = (2.0 * overlap + (tuning.speaker_bonus if by_speaker else 0.0) + meaning) / (1 + 0.3 * rank) \
                * (1 - 0.02 * min(position, 5))
            out.append(Candidate(score, rank, position, sentence, s.hit, overlap, speaker))
    out.sort(key=lambda c: (-c.score, c.rank, c.position))
    return out


ROSTER_ASKED = re.compile(r"\b(?:who|whom|whose|which\s+(?:[\w-]+\s+){0,2}?(?:officials?|leaders?|members?|people|"
                          r"participants?|organi[sz]ations?|groups?|companies|executives?|agencies|secretaries|ministers?|"
                          r"cabinet)|attend\w*|participa\w*|took part|joined|present|roster|list)\b", re.IGNORECASE)


# ... or asks who was there in other words: "which Heisman Trophy winner was at the table?", "which advocacy groups were
# in the room?", "which former congressman was on the attendee list?"
SEATED = re.compile(r"\b(?:at the table|in the room|sat (?:in|on|at|with)|on hand|in attendance|"
                    r"on the (?:attendee|guest|participant)s? list|among the (?:\w+\s+)?(?:participants|attendees|"
                    r"speakers|guests|delegat\w+|panel\w*)|(?:was|were)\s+(?:also\s+)?(?:on|in)\s+(?:the|his|her|their)\s+"
                    r"(?:call|delegation|team|panel|group))\b", re.IGNORECASE)


def is_roster(text: str) -> bool:
    """Whether a paragraph is a bulleted list of who took part: every line a bullet, none a sentence ending in a stop
    (a short line may: "- Emergent BioSolutions, Inc."), or the list's heading."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1 and len(lines[0].split()) <= 5 and not lines[0].endswith((".", "?", "!", "”", '"')):
        return True  # the list's heading ("White House Officials", "Participants")
    return bool(lines) and all(line.startswith(("- ", "• ")) and (not line.endswith((".", ";", ":")) or len(line.split()) <= 7)
                               for line in lines)


def is_list(text: str) -> bool:
    """Whether a paragraph is a list: two or more lines, each a bullet ("- The Department of Agriculture explained
    ...", "- The Consumer Financial Protection Bureau announced ...")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) >= 2 and all(line.startswith(("- ", "• ")) for line in lines)


def topic_words(question: Question, sentence: str) -> set[str]:
    """The question's topic words (stemmed) that a sentence has."""
    return _has(sentence, [stem(t) for t in question.topic])


# A sentence that only introduces a list ("During the forum, participants heard from officials including:")
_INTRO = re.compile(r"\b(?:including|include|included|following|as follows|are|were|was|is|below|these|to)\s*:$",
                    re.IGNORECASE)


def candidate_sentences(scored: list[Scored], tuning: Tuning = TUNING, most: int | None = None) -> list[str]:
    """The sentences worth embedding for an answer: those of the paragraphs closest to the question."""
    most = tuning.meaning_sentences if most is None else most
    out: list[str] = []
    for s in sorted(scored, key=lambda s: -s.dense):
        for sentence in split_sentences(s.hit.text):
            if len(sentence) >= 20 and not sentence.endswith(":") and sentence not in out:
                out.append(sentence)
        if len(out) >= most:
            break
    return out[:most]


# "Who moderated ...?", "Who kicked off ...?": a part someone played at a meeting, which a readout says with the verb
# or its noun ("a discussion moderated by ...", "the moderator", "opened the discussion"), each as said there.
ROLE_ASKED = re.compile(r"^\W*who\s+(?:co-?)?(moderated|hosted|chaired|convened|headed|led off|led|ran|opened|kicked off|"
                        r"facilitated|introduced|presided)\b", re.IGNORECASE)
_OPENED = r"open(?:ed|ing)|kick(?:ed)? off|led off|began|started"
_ROLE_SAID = {"moderated": r"moderat\w*", "hosted": r"(?:co-?)?host(?:ed|s|ing)?", "chaired": r"(?:co-?)?chair\w*",
              "convened": r"conven\w*", "headed": r"head(?:ed|s|ing)?", "led": r"led|lead(?:s|ing)?",
              "ran": r"ran|run|led|moderat\w*", "opened": _OPENED, "kicked off": _OPENED, "led off": _OPENED,
              "facilitated": r"facilitat\w*", "introduced": r"introduc\w*", "presided": r"presid(?:ed|ing)"}


def prefer_role(question: Question, candidates: list[Candidate], tuning: Tuning = TUNING) -> list[Candidate]:
    """The candidates with, first, those that say the part asked about ("The convening included a discussion
    moderated by Senior Advisor to the President Cedric Richmond"), not the lead's "the White House hosted a
    historic convening of Black Cabinet members" for "Who moderated the Black Cabinet discussion?"."""
    asked = ROLE_ASKED.search(question.text) if tuning.role_asked else None
    if not asked:
        return candidates
    said = re.compile(rf"\b(?:{_ROLE_SAID[asked.group(1).lower()]})\b", re.IGNORECASE)
    return sorted(candidates, key=lambda c: not (c.overlap and said.search(c.sentence)))


def prefer_asked(question: Question, candidates: list[Candidate], nouns: list[str], tuning: Tuning = TUNING) -> list[Candidate]:
    """The best readout's sentences that name what the question asks for ("What new dialogue did they propose?":
    "... the C5+1 Critical Minerals Dialogue") before its others, where one does; candidates stay best first."""
    if not tuning.asked_noun or not candidates or not nouns or question.intent != "discuss":
        return candidates
    best = candidates[0].hit.readout_id
    asked = [stem(n) for n in nouns]
    naming = {id(c) for c in candidates if c.hit.readout_id == best and _has(c.sentence, asked)}
    if not naming or id(candidates[0]) in naming:
        return candidates
    return sorted(candidates, key=lambda c: id(c) not in naming)


# "Who went along with him?", "who accompanied the Secretary?", "who else was on the trip?": asked who came along ...
ASKS_COMPANY = re.compile(r"\bwho\s+(?:else\s+)?(?:went|came|travel(?:l)?ed|was|were)\s+(?:along|with|on)\b|"
                          r"\bwho\s+(?:else\s+)?(?:accompanied|joined)\b|\bwho\s+else\b", re.IGNORECASE)
# ... which a readout says so ("The DNI was joined by ...", "accompanied by", "the delegation included")
SAYS_COMPANY = re.compile(r"\b(?:joined|accompanied)\s+by\b|\bdelegation\s+(?:also\s+)?(?:included|comprised|consisted)\b|"
                          r"\btravel(?:l)?ed\s+with\b", re.IGNORECASE)


def company_said(question: Question, lead_text: str, tuning: Tuning = TUNING) -> str | None:
    """Of a question asking who came along, the sentence of the best readout's lead saying who joined ("The DNI was
    joined by ..."), or None: the lead names the party, the sentences ranked on the topic rarely do."""
    if not tuning.company_sentence or not ASKS_COMPANY.search(question.text):
        return None
    return next((s for s in split_sentences(lead_text) if SAYS_COMPANY.search(s)), None)


# Who took part or where is what a lead says ("X met with Y in Z today"): asked for, it stays.
ASKS_WHO_OR_WHERE = re.compile(r"\b(?:who|whom|where|which\s+(?:city|country|officials?|leaders?|ministers?))\b", re.IGNORECASE)


def past_lead(question: Question, chosen: list[Candidate], tuning: Tuning = TUNING) -> list[Candidate]:
    """Chosen sentences (as sentence_scores makes them) less those of a readout's lead paragraph ("X met with Y
    today to ...") when the answer quotes that readout further on and each topic word the lead has is said there
    too or only sets the scene: the words of a scene clause ("In her April 2022 virtual meeting with Caribbean
    leaders, ...") or those a description stands for ("the Gulf kingdom": Saudi Arabia, ...). The lead then
    only repeats who met, which the citation of the later paragraph already tells."""
    if not tuning.lead_context or ASKS_WHO_OR_WHERE.search(question.text):
        return chosen
    said = set(lexical_terms(question.text))
    # (each question's own words, where each asks for a thing: a later sentence must have some of each, or the lead
    # may be what answers one of them in other words: "what international gathering" of "the Summit for Democracy")
    parts = question_parts(question.text)
    topic = set(question.topic)
    things = [[stem(w) for w in lexical_terms(scene_and_ask(part)[1] or part) if w in topic] for part in parts] \
        if tuning.lead_adds_nothing and all(ASKS_THING.search(part) for part in parts) \
        and (len(parts) > 1 or asks_one(question.text)) else []  # (not "..., and in which sectors ...", unsplit)
    scene = {stem(w) for w in lexical_terms(scene_and_ask(question.text)[0])} | \
        {stem(t) for t in question.topic if t not in said}
    out = []
    for c in chosen:
        if c.hit.paragraph == 1:
            further = [d for d in chosen if d.hit.readout_id == c.hit.readout_id and d.hit.paragraph > 1]
            if further and question.intent == "yes_no" and tuning.yes_past_lead:
                continue  # ("Yes." needs the sentence that says it; the question named who and when already)
            # (nor, of a question asking for things, where the later sentences quoted say each of its topic words
            # too: it adds nothing to them; "what did they discuss" is answered by the lead's list as well)
            later = set().union(*(topic_words(question, d.sentence) for d in further)) \
                if things and all(any(_has(d.sentence, part) for d in further) for part in things) else set()
            if further and (mine := topic_words(question, c.sentence)) and mine <= scene | later:
                continue
            if further and tuning.lead_first_dropped and c.position == 0 and asks_one(question.text) \
                    and not SAYS_SEVERAL.search(question.text) and not ASKS_LEAD.search(question.text):
                continue  # (the opening "X met Y today" beside the later paragraph that answers one thing asked)
        out.append(c)
    return out


# What a lead's opening sentence says: when, for how long, in what year, and who took part ("which senator ...").
ASKS_LEAD = re.compile(r"\b(?:when|(?:what|which)\s+(?:day|date|time|year)|how\s+long)\b|\bwhich\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:senators?|governors?|mayors?|lawmakers?|legislators?|representatives?|members?|secretar\w+|"
                       r"ministers?|officials?|leaders?|envoys?|advis[eo]rs?|ceos?|executives?|administrators?|directors?|"
                       r"chiefs?|heads?|presidents?|participants?|guests?|speakers?)\b", re.IGNORECASE)


# Wording that asks for what was said in general or for several things ("what did they discuss", "what did they
# agree on", "..., and the status of what ...", "which presidents did he meet", "list the meetings"): answered by
# several paragraphs, each needed. (Even where a thing is asked for: "which upcoming hosting roles did he say they
# had in common" lost its answer so; thirtieth session.)
SAYS_SEVERAL = re.compile(r"\b(?:discuss\w*|talk\w*|say\w*|said|rais\w*|cover\w*|agenda\w*|topics?|issues?|"
                          r"agree(?:d|s|ing)?|list\w*)\b|"
                          r"\band\s+(?:[\w-]+\s+){0,3}?(?:what|which|who|whom|whose|how|where|when|why)\b|"
                          rf"{PLURAL_CONTACTS.pattern}|"
                          r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:presidents|leaders|officials|ministers|countries|"
                          r"nations|states|governments|people|counterparts)\b", re.IGNORECASE)
# A name asked for ("Who headed the American delegation ...?") is not close in meaning to the sentence that gives it
# ("The delegation was led by ... Jennifer Daskal").
NAME_ASKED = re.compile(r"\bwho(?:m)?\b", re.IGNORECASE)
# "According to the readout of the White House Summit on Extreme Heat, ...", "..., according to ...?": names the
# contact, as a scene does.
ACCORDING = re.compile(r"^\s*according to\b[^,?]*,\s*|,?\s*according to\b[^?]*", re.IGNORECASE)


AGENDA = re.compile(r"\bagenda\b", re.IGNORECASE)


def lead_beside_many(question: Question, chosen: list[Candidate], tuning: Tuning = TUNING) -> list[Candidate]:
    """Chosen sentences less a readout's lead where two or more later paragraphs of that readout are quoted (lead_beside):
    what is asked is then in its body, which the lead only sums up ("X met Y to discuss A, B and C"). Not where the
    question asks who, where or the agenda, which the lead says."""
    if not tuning.lead_beside or ASKS_WHO_OR_WHERE.search(question.text) or AGENDA.search(question.text):
        return chosen
    later: dict[str, set[int]] = {}
    opening: dict[str, bool] = {}  # whether all the lead's sentences quoted are its first ("X met Y today to ...")
    for c in chosen:
        if c.hit.paragraph > 1:
            later.setdefault(c.hit.readout_id, set()).add(c.hit.paragraph)
        else:
            opening[c.hit.readout_id] = opening.get(c.hit.readout_id, True) and c.position <= 0
    return [c for c in chosen if c.hit.paragraph > 1 or not opening[c.hit.readout_id]
            or len(later.get(c.hit.readout_id, ())) < tuning.lead_beside]


def closest_paragraphs(question: Question, chosen: list[Candidate], meaning: Callable[[str, list[str]], list[float]] | None,
                       tuning: Tuning = TUNING) -> list[Candidate]:
    """Chosen sentences (as sentence_scores makes them) less the paragraphs far less close in meaning to a question
    that asks one thing than the closest one. A paragraph quoted for words of the contact's description is ("what
    did Washington's North Korea representative ask China to do together with the US?": the lead, "Sung Kim called
    PRC Special Representative ... Liu Xiaoming to discuss the DPRK's ... launches"); the one that answers ("he called
    upon Beijing to join Washington in publicly condemning the DPRK's missile launches") is closest.
    `meaning(text, sentences)` gives the sentences' cosines to a text."""
    paragraphs = {(c.hit.readout_id, c.hit.paragraph) for c in chosen}
    asked = ACCORDING.sub("", scene_and_ask(question.text)[1]).strip(" ,?") or question.text
    if not tuning.meaning_trim or meaning is None or len(paragraphs) < 2 or not asks_one(question.text) \
            or SAYS_SEVERAL.search(question.text) or NAME_ASKED.search(question.text) or question.exclude:
        return chosen  # ("besides ...": the aside rules' own)
    if tuning.asked_named and (noun := ASKED_THING.match(asked)) and noun.group(1).lower() not in NOT_NOUNS:
        # "Which rear admiral ... was part of the delegation?": the paragraphs that name what is asked for ("Rear
        # Admiral ...") answer; the lead, on the delegation, is closer in meaning but names none.
        naming = {(c.hit.readout_id, c.hit.paragraph) for c in chosen if _has(c.sentence, [stem(noun.group(1).lower())])}
        if naming and naming != paragraphs:
            chosen = [c for c in chosen if (c.hit.readout_id, c.hit.paragraph) in naming]
            if len(naming) < 2:
                return chosen
    best: dict[tuple[str, int], float] = {}
    words: dict[tuple[str, int], float] = {}
    for c, cosine in zip(chosen, meaning(asked, [c.sentence for c in chosen])):
        key = (c.hit.readout_id, c.hit.paragraph)
        best[key] = max(best.get(key, -1.0), cosine)
        words[key] = max(words.get(key, 0.0), c.overlap)
    closest = max(best, key=best.__getitem__)
    # (one with more of the question's words than the closest stays: "the steps are drawn from previous arrangements
    # ... under the Luanda and Nairobi processes" is less close than a sentence of the description's words, "these DRC
    # and Rwandan steps towards de-escalation", but answers)
    return [c for c in chosen if best[(key := (c.hit.readout_id, c.hit.paragraph))] >= best[closest] - tuning.meaning_trim
            or words[key] > words[closest]]
