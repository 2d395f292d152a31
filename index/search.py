"""Hybrid retrieval: dense (FAISS) and lexical (BM25, `lexical.py`) fused by reciprocal rank, then
nudged by what the question says about dates and names and by the conversation so far."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from . import readout_meta
from .countries import capital_country, country_names, country_of, fold
from .embed import Embedder
from .query import QueryHints, lexical_terms, mention_finder, places_joined, read_hints
from .wording import readouts_words, with_epithets
from .store import Store
from .types import Filters, Hit, Turn

RRF_K = 60
POOL = 100  # candidates taken from each retriever before fusion
BOOSTED = 60  # fused candidates whose text is checked for names and focus terms
# Boosts are on the scale of one reciprocal rank near the top (1/61 ~ 0.016).
DATE_BOOST = 0.010
NAME_BOOST = 0.012
CITED_BOOST = 0.010
FOCUS_BOOST = 0.012
FOLLOW_BOOST = 0.030
# Per unit of cosine above the pool's lowest, added when a filter leaves fewer chunks than the dense search
# takes. Both lists then rank the same few paragraphs and RRF becomes an average of ranks, blind to a wide
# lead: the homeland security advisor's visit to France, cosine 0.55 against 0.38-0.43 for the rest of
# France in March 2022, came 7th on a poor lexical rank. 0.05 / 0.10 / 0.20 on the 8 dev sets: 0.10
# (docs/EVAL.md, ninth part).
DENSE_LEAD = 0.10
MODES = ("hybrid", "dense", "lexical")
# Words that tie a question to the conversation before it.
FOLLOW_UP = re.compile(r"^(and|also|what about|how about|what else|anything else)\b|"
                       r"\b(he|she|they|them|their|his|her|it|this|that|these|those)\b", re.IGNORECASE)
# Attribution lines ("The below is attributable to Spokesperson Ned Price:") answer nothing.
ATTRIBUTION_PENALTY = 0.015


@dataclass(frozen=True)
class Scored:
    """A hit with the signals that produced it; `dense` is the best cosine of its chunks."""

    hit: Hit
    dense: float
    lexical_rank: int | None  # 1-based rank in the lexical list, None when not there
    name_match: float  # share of the question's names found in the readout's title or paragraph


@dataclass(frozen=True)
class Query:
    """A question after history is folded in: what to embed, what to match, what to prefer."""

    dense_text: str
    terms: tuple[str, ...]
    hints: QueryHints
    cited: tuple[str, ...] = ()


def build_query(question: str, history: tuple[Turn, ...] = ()) -> Query:
    """Fold earlier turns into a follow-up question: carry names and dates over, prefer cited readouts."""
    hints = with_epithets(read_hints(question), question)
    dense_text = readouts_words(question)
    terms = lexical_terms(question)
    cited: tuple[str, ...] = ()
    if history:
        cited = tuple(dict.fromkeys(c for turn in history[-1:] for c in turn.cited))
        earlier = [read_hints(turn.question) for turn in reversed(history)]
        if not hints.names:
            # An underspecified follow-up ("What else did they discuss?", "And the pandemic?") leans on
            # the turns before it: the names of the last two, or of the latest turn that had any.
            names = tuple(dict.fromkeys(n for h in earlier[:2] for n in h.names)) or next((h.names for h in earlier if h.names), ())
            hints = replace(hints, names=names)
            terms = terms + [t for turn in history[-2:] for t in lexical_terms(turn.question) if t not in terms]
            dense_text = " ".join(turn.question for turn in history[-2:]) + " " + question
        elif FOLLOW_UP.search(question):
            # "Did he mention Ukraine?" names something new but still leans on who and when.
            recent = history[-2:]
            carried = tuple(n for turn in recent for n in read_hints(turn.question).names)
            hints = replace(hints, names=tuple(dict.fromkeys(hints.names + carried)))
            terms = terms + [t for turn in recent for t in lexical_terms(turn.question) if t not in terms]
            dense_text = " ".join(turn.question for turn in recent) + " " + question
        if hints.date_from is None:
            dated = next((h for h in earlier if h.date_from), None)
            if dated:
                hints = replace(hints, date_from=dated.date_from, date_to=dated.date_to)
    return Query(dense_text, tuple(terms), hints, cited)


def retrieve(store: Store, embedder: Embedder, question: str, filters: Filters = Filters(),
             history: tuple[Turn, ...] = (), k: int = 10, mode: str = "hybrid") -> list[Scored]:
    """The k best paragraphs for a question, best first, one entry per paragraph."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    query = build_query(question, history)
    allowed = store.lexical.allowed_chunks(filters)
    qvec = embedder.encode_query(query.dense_text) if mode != "lexical" else None
    dense_cos, complete = _dense(store, qvec, allowed) if qvec is not None else ({}, False)
    dense = list(dense_cos)
    lexical = _lexical(store, query.terms, filters) if mode != "dense" else []
    fused: dict[int, float] = {}
    for ranked in (dense, lexical):
        for rank, pid in enumerate(ranked, start=1):
            fused[pid] = fused.get(pid, 0.0) + 1.0 / (RRF_K + rank)
    if complete:  # the dense list holds every paragraph the filter allows
        floor = min(dense_cos.values())
        for pid, cos in dense_cos.items():
            fused[pid] += DENSE_LEAD * (cos - floor)
    lexical_rank = {pid: rank for rank, pid in enumerate(lexical, start=1)}
    # Names and focus terms cost a text scan each; only candidates near the top can gain from them.
    near = sorted(fused, key=fused.get, reverse=True)[:BOOSTED]
    info = _paragraph_info(store, near)
    focus = _focus_shares(query, info)
    names = places_joined(question, query.hints.names)
    forms = _place_forms(names)
    names_in = mention_finder(tuple(sorted({form for group in forms for form in group})))
    follow = (CITED_BOOST if read_hints(question).names else FOLLOW_BOOST) if query.cited else 0.0

    def score_of(pid: int, base: float, boosted: bool) -> tuple[float, int, float]:
        readout_id, n, text, title, date, source, url, _ = info[pid]
        if names and boosted:
            found = names_in(f"{title} {text}")
            name_match = sum(1 for group in forms if not found.isdisjoint(group)) / len(names)
        else:
            name_match = 0.0
        score = base + NAME_BOOST * name_match + FOCUS_BOOST * focus.get(pid, 0.0)
        if query.hints.date_from and query.hints.in_range(date):
            score += DATE_BOOST
        if len(text) < 100 and text.rstrip().endswith(":"):
            score -= ATTRIBUTION_PENALTY
        if readout_id in query.cited:
            score += follow  # a follow-up that names no one is about what the last answer cited
        return score, pid, name_match

    # A pid missing from info was removed by a concurrent update.
    scored = [score_of(pid, fused[pid], True) for pid in near if pid in info]
    # The rest can gain only a date, name or follow-up boost: their rows are read only when that could reach the
    # top k (at 100x, reading the ~140 other rows was 1.6 ms of a 20 ms search; they almost never can).
    kth = sorted((s for s, _, _ in scored), reverse=True)[k - 1] if len(scored) >= k else float("-inf")
    reach = (DATE_BOOST if query.hints.date_from else 0.0) + (follow if query.cited else 0.0) + (NAME_BOOST if names else 0.0)
    near_set = set(near)
    rest = [pid for pid in fused if pid not in near_set and fused[pid] + reach >= kth]
    info.update(_paragraph_info(store, rest))
    scored += [score_of(pid, fused[pid], bool(names)) for pid in rest if pid in info]
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:k]
    cosines = _cosines(store, [pid for _, pid, _ in top], qvec if qvec is not None else embedder.encode_query(query.dense_text))
    spans = readout_meta.speaker_spans(store.db, [pid for _, pid, _ in top])
    out = []
    for score, pid, name_match in top:
        readout_id, n, text, title, date, source, url, event_date = info[pid]
        hit = Hit(readout_id, n, title, date, source, url, score, text, event_date, spans.get(pid, ()))
        out.append(Scored(hit, cosines.get(pid, 0.0), lexical_rank.get(pid), name_match))
    return out


@lru_cache(maxsize=4096)
def _place_forms(names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Per name of the question, the words that count as mentioning it: a country's name or demonym is found
    under either ("the French capital" in "visit to France"; "France" in "French President Macron")."""
    forms = []
    for name in names:
        others = country_names(country_of(name) or capital_country(name) or "")
        # Short forms ("US", "UK") are ordinary words once lower-cased ("us"): only whole names and demonyms.
        forms.append(frozenset({name} | {fold(o) for o in others if len(o) >= 4 and "." not in o}))
    return tuple(forms)


def _focus_shares(query: Query, info: dict[int, tuple]) -> dict[int, float]:
    """Per paragraph, the share of the question's terms it has that are not common to its readout.

    Names that run through a whole readout ("Wang Yi", "Moon Jae-in") say which readout, not which
    paragraph; the remaining terms ("Belt and Road") pick the paragraph inside it.
    """
    by_readout: dict[str, list[int]] = {}
    for pid, row in info.items():
        by_readout.setdefault(row[0], []).append(pid)
    shares = {}
    terms_in = mention_finder(tuple(query.terms))
    for readout_id, pids in by_readout.items():
        title = info[pids[0]][3]
        present = {pid: terms_in(info[pid][2]) for pid in pids}
        common = terms_in(title)
        if len(pids) > 1:
            common |= {t for t in query.terms if sum(t in present[pid] for pid in pids) * 2 > len(pids)}
        focus_terms = [t for t in query.terms if t not in common]
        for pid in pids:
            shares[pid] = len(present[pid] - common) / len(focus_terms) if focus_terms else 0.0
    return shares


def search(store: Store, embedder: Embedder, question: str, filters: Filters = Filters(),
           history: tuple[Turn, ...] = (), k: int = 10, mode: str = "hybrid") -> list[Hit]:
    """The contract's search: hits only."""
    return [s.hit for s in retrieve(store, embedder, question, filters, history, k, mode)]


def _dense(store: Store, qvec: np.ndarray, allowed: np.ndarray | None) -> tuple[dict[int, float], bool]:
    """Paragraph ids by best chunk cosine, best first, with that cosine; and whether these are all the
    paragraphs allowed (the search ran out of chunks before its limit)."""
    pairs = store.vectors.search(qvec, POOL * 2, allowed)
    if not pairs:
        return {}, False
    pids = store.lexical.paragraphs_of(np.fromiter((cid for cid, _ in pairs), dtype=np.int64, count=len(pairs)))
    # First occurrence of each paragraph, in rank order; -1 is a chunk removed since the search began.
    best: dict[int, float] = {}
    for pid, (_, cos) in zip(pids, pairs):
        if pid >= 0 and int(pid) not in best:
            best[int(pid)] = float(cos)
            if len(best) == POOL:
                break
    return best, len(pairs) < POOL * 2 and len(best) < POOL


def _lexical(store: Store, terms: tuple[str, ...], filters: Filters) -> list[int]:
    """Paragraph ids by BM25 over title and text (the title weighs double, as names live there)."""
    return store.lexical.search(terms, POOL, filters) if terms else []


def _paragraph_info(store: Store, pids: list[int]) -> dict[int, tuple]:
    out = {}
    for i in range(0, len(pids), 500):
        part = pids[i:i + 500]
        rows = store.db.execute("SELECT p.id, p.readout_id, p.n, p.text, r.title, r.date, r.source, r.url, "
                                "coalesce(m.event_date, '') FROM paragraphs p JOIN readouts r ON r.id = p.readout_id "
                                "LEFT JOIN readout_meta m ON m.readout_id = p.readout_id "
                                f"WHERE p.id IN ({','.join('?' * len(part))})", part)
        out.update((row[0], row[1:]) for row in rows)
    return out


def _cosines(store: Store, pids: list[int], qvec: np.ndarray) -> dict[int, float]:
    """Best chunk cosine per paragraph, read from the stored vectors (exact, whatever the FAISS type)."""
    if not pids:
        return {}
    rows = store.db.execute(f"SELECT paragraph_id, vector FROM chunks WHERE paragraph_id IN ({','.join('?' * len(pids))})", pids)
    out: dict[int, float] = {}
    for pid, blob in rows:
        cosine = float(np.frombuffer(blob, dtype=np.float32) @ qvec)
        out[pid] = max(out.get(pid, -1.0), cosine)
    return out

