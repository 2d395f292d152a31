"""The default answerer: sentences taken verbatim from the retrieved paragraphs, each cited, or a refusal."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.chunk import split_sentences
from index.countries import capital_country
from index.query import STOPWORDS, lexical_terms, mentions, read_hints, stem
from index.search import Scored, build_query
from index.types import Turn

from .parts import ABOUT, part_without
from .tuning import TUNING
from .vocabulary import official_words
from .types import Answer, Citation, cite, span_quote
from .unsaid import situation_said
from .verbs import before_out, gerund_with_object

TIME_WORDS = frozenset("spring summer autumn fall winter early late recent recently".split())
REFUSAL = "The readouts in this index do not cover this question."


@dataclass(frozen=True)
class Calibration:
    """Thresholds for refusing, set on the dev question set (eval/questions/dev.jsonl)."""

    min_cosine: float = 0.30  # best dense similarity below this: nothing relevant was found
    # Below this, a name missing from the top readouts refuses (and an unknown word, 0.1 lower). 0.60 until the
    # analyst dev set: 0.45 halves its false refusals (0.109 -> 0.065) at the same refusal recall on both dev sets.
    loose_cosine: float = 0.45
    max_sentences: int = 3
    sentence_ratio: float = 0.5  # further sentences must score at least this share of the best


def _stems(text: str) -> set[str]:
    return {stem(w) for w in lexical_terms(text)}


TITLES = (r"(?:President|Prime Minister|Minister|King|Queen|Sultan|Emir|Chancellor|Secretary|Crown Prince|Prince|"
          r"Sheikh|Ambassador|Governor|Senator|Pope|Premier|Mayor|Speaker|Chairman|Chairwoman|Director|General|Advisor|"
          r"Adviser|Counselor|Envoy|Commissioner|Spokesperson|Leader|Deputy|"
          r"Mr\.|Ms\.|Mrs\.|Dr\.)")


# A title and up to three words after it, up to where a name would start (compiled once: with the word in
# the pattern, each call compiled the whole title list again, ~1.4 ms).
_TITLE_BEFORE = re.compile("(?i:" + TITLES + r")(?:\s+[A-Z][\w'’\-]*){0,3}?\s+$", re.IGNORECASE)


def _is_counterpart(word: str, question: str) -> bool:
    """Whether an (unknown) word is a name right after a title: who was met, not where."""
    # Matched without regard to case up to the word ("the Sultan of Aldovia" counts), but the word itself
    # must be written with a capital ("Prime Minister Kishida did Biden quote": "quote" is no one's name).
    return word[:1].isalpha() and any(
        m.group(0)[:1].isupper() and _TITLE_BEFORE.search(question, 0, m.start())
        for m in re.finditer(re.escape(word) + r"\b", question, re.IGNORECASE))


def _is_topic(word: str, question: str) -> bool:
    """Whether an (unknown) word is what the question asks about: within three words after 'about' (five with
    unknown_subject: "about a second Scottish independence referendum")."""
    pattern = ABOUT + r"(?:[\w'’\-]+\s+){0,%d}?" % (4 if TUNING.unknown_subject else 2) + re.escape(word) + r"\b"
    return re.search(pattern, question, re.IGNORECASE) is not None


def _paraphrased(word: str, question: str, texts: dict[str, str]) -> bool:
    """Whether an unknown word asked about sits beside a common word the top readouts have: "Israel's judicial
    overhaul" where they say "judicial reforms" is the same thing in other words ("about uranium exports",
    where nothing has "exports" beside it, is not)."""
    match = re.search(ABOUT + r"((?:[\w'’\-]+\s+){0,3})", question, re.IGNORECASE)
    around = [w for w in re.findall(r"\b[a-z][\w\-]+", match.group(1) if match else "")
              if len(w) > 3 and w != word.lower() and w not in STOPWORDS]
    return any(mentions(w, text) for w in around for text in texts.values())


def _spelled_out(word: str, question: str, texts: dict[str, str]) -> bool:
    """Whether an acronym of the question ("DFAT") is spelled out in the top readouts ("Department of Foreign
    Affairs and Trade"): the index has the thing, not the letters."""
    if not re.search(rf"\b{re.escape(word.upper())}\b", question) or not 2 <= len(word) <= 6 or not word.isalpha():
        return False
    link = r"(?:\s+(?:of|for|the|and|on|de|&))*\s+"
    spelled = re.compile(r"\b" + link.join(rf"{letter}[\w'’-]*" for letter in word.upper()) + r"\b")
    return any(spelled.search(text) for text in texts.values())


def refusal_reason(question: str, scored: list[Scored], history: tuple[Turn, ...], calibration: Calibration,
                   readout_texts: dict[str, str] | None = None, count=None, known: frozenset[str] = frozenset()) -> str:
    """Why the hits do not support an answer, or "" when they do.

    Two signs that the readouts lack what is asked: a word of the question that no paragraph in the
    index contains (a leader who never appears, a topic never raised: `count` gives a word's paragraph
    count), or a name no top readout mentions while the best passage is only loosely related. `known`: words
    of participants the metadata found in the matching readouts (a name said only in a title is no unknown word).
    """
    if not scored:
        return "nothing in the index matched"
    best = max(s.dense for s in scored)
    if best < calibration.min_cosine:
        return f"no passage is close to the question (best similarity {best:.2f})"
    own = read_hints(question).names
    if count is not None:
        words = [w for w in dict.fromkeys(list(own) + lexical_terms(question))
                 if len(w) > 3 and not any(ch.isdigit() for ch in w) and w not in TIME_WORDS]
        # "Kyrgyz-Tajik": a compound whose parts the index has is not unknown.
        unknown = [w for w in words if count(w) == 0 and w not in known
                   and not ("-" in w and all(count(part) > 0 for part in w.split("-") if len(part) > 2))
                   # ("graft": the index says "corruption", which the topic rule then looks for)
                   # (a phrase of the table counts where the index has each of its words: "world war ii" for "postwar")
                   and not (TUNING.official_words
                            and any(all(count(part) for part in alt.split()) for alt in official_words(w)))
                   and not (TUNING.acronyms_spelled and _spelled_out(w, question, readout_texts or {}))
                   # ("who was being flown out?": a verb with its particle says how, as qa/verbs.says_how has it)
                   and not (TUNING.phrasal_out and before_out(w, question))
                   # ("about drumming up outside support": an action with its particle or object, asked in other words)
                   and not (TUNING.gerund_object and gerund_with_object(w, question))
                   # ("the turmoil in Venezuela" of a readout on "the situation in Venezuela")
                   and not (TUNING.situation_said and situation_said(question, words, [w], readout_texts or {}))]
        # Paraphrases use words the readouts do not ("worries", "Damascus"), so an unknown word
        # refuses only where it is who met ("President Japarov") or what was asked about
        # ("about uranium exports"), or where the passages are loosely related anyway.
        # A capital stands for its government ("Copenhagen's head of government"): it describes, never decides.
        decisive = [w for w in unknown if (_is_counterpart(w, question) or _is_topic(w, question) and not
                                           _paraphrased(w, question, readout_texts or {}))
                    and not capital_country(w)]
        if decisive and TUNING.parts_unknown and part_without(decisive, question):
            decisive = []  # (another part of the question is asked without them)
        if decisive or (unknown and best < calibration.loose_cosine - 0.1):
            return f"nothing in the index mentions {', '.join(decisive or unknown)}"
    # Who met is what must be found; places and demonyms in a question only describe.
    asked = " ".join([t.question for t in history[-1:]] + [question])
    names = [n for n in build_query(question, history).hints.names
             if _is_counterpart(n, asked) or re.search(r"\bwith\s+(?:[\w.'’\-]+\s+){0,2}?" + re.escape(n) + r"\b", asked, re.IGNORECASE)]
    texts = readout_texts or {}
    per_readout = {s.hit.readout_id: f"{s.hit.title} {texts.get(s.hit.readout_id, s.hit.text)}" for s in scored[:5]}
    missing = [n for n in names if not any(mentions(n, text) for text in per_readout.values())]
    if missing and best < calibration.loose_cosine:
        return f"no readout found mentions {', '.join(missing)}"
    together = any(all(mentions(n, text) for n in names) for text in per_readout.values())
    if len(names) > 1 and not together and best < calibration.loose_cosine:
        return f"no readout found mentions {', '.join(names)} together"
    return ""


def answer(question: str, scored: list[Scored], history: tuple[Turn, ...] = (),
           calibration: Calibration = Calibration(), answer_hits: int = 5,
           readout_texts: dict[str, str] | None = None, count=None) -> Answer:
    """Answer from the scored hits by quoting their best-matching sentences, or refuse."""
    hits = tuple(s.hit for s in scored)
    reason = refusal_reason(question, scored, history, calibration, readout_texts, count)
    if reason:
        return Answer(question, REFUSAL, (), hits, True, notice=f"Nothing was cited: {reason}.")
    query = build_query(question, history)
    wanted = _stems(" ".join(query.terms)) | {stem(n) for n in query.hints.names}
    candidates = []
    for rank, s in enumerate(scored[:answer_hits]):
        # Words of the question that the title already carries ("Blinken", "Albares") say which
        # readout; the rest ("Venezuela", "elections") say which sentence answers.
        context = wanted & _stems(s.hit.title)
        focus = wanted - context
        for position, sentence in enumerate(split_sentences(s.hit.text)):
            if len(sentence) < 20 or (sentence.endswith(":") and len(sentence) < 80):
                continue
            words = _stems(sentence)
            hits_focus = len(focus & words)
            score = (2.0 * hits_focus + 0.3 * len(context & words) + 0.5) / (1 + 0.5 * rank) * (1 - 0.02 * min(position, 5))
            candidates.append((score, rank, position, sentence, s.hit, hits_focus))
    if not candidates:
        return Answer(question, REFUSAL, (), hits, True, notice="Nothing was cited: the passages have no usable sentence.")
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    best = candidates[0][0]
    lead = candidates[0]
    # Further sentences must add something asked for, not merely repeat who met.
    chosen = [lead] + [c for c in candidates[1:] if c[0] >= calibration.sentence_ratio * best and c[5] > 0][: calibration.max_sentences - 1]
    if lead[5] == 0 and len(chosen) == 1:
        # A broad question ("What did they discuss?"): read on in the lead paragraph.
        chosen += sorted((c for c in candidates if c[4] is lead[4] and c[2] > lead[2]), key=lambda c: c[2])[: calibration.max_sentences - 1]
    # Read in document order within a hit, hits in rank order; one [n] per paragraph, its quote the paragraph's
    # own text from the first chosen sentence to the last (the sentences between come with it).
    chosen.sort(key=lambda c: (c[1], c[2]))
    groups: dict[tuple[str, int], list] = {}
    for c in chosen:
        groups.setdefault((c[4].readout_id, c[4].paragraph), []).append(c)
    citations: list[Citation] = []
    parts = []
    for group in groups.values():
        hit = group[0][4]
        said = span_quote(hit.text, group[0][3], group[-1][3])
        citation = cite(len(citations) + 1, hit, said)
        citations.append(citation)
        parts.append(f"{said} [{citation.n}]")
    return Answer(question, " ".join(parts), tuple(citations), hits, False)
