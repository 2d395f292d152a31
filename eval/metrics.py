"""Evaluation metrics as pure functions: retrieval at paragraph level, answers, citations, refusals, CIs.

A paragraph is a `(readout_id, paragraph)` pair. A metric that is not defined for a question (recall with
no gold, citation precision with no citations) returns None, and averages leave it out.
Retrieval metrics take an optional list of scores: paragraphs with equal scores are in no real order,
so the metric is the expected value over every order of the tied group (McSherry & Najork, ECIR 2008).
"""
from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, Sequence

import numpy as np

Paragraph = tuple[str, int]


def dedupe(ranked: Sequence[Hashable], scores: Sequence[float] | None = None) -> tuple[list, list | None]:
    """Keep each paragraph's first (best) place; duplicates would otherwise count twice."""
    seen, keep = set(), []
    for i, item in enumerate(ranked):
        if item not in seen:
            seen.add(item)
            keep.append(i)
    return [ranked[i] for i in keep], ([scores[i] for i in keep] if scores is not None else None)


def _groups(ranked: Sequence, scores: Sequence[float] | None, gold: set, k: int) -> list[tuple[int, int, int]]:
    """(start, size, gold count) of each run of tied scores, cut at the group crossing k (positions 0-based)."""
    items, scores = dedupe(ranked, scores)
    if scores is None:
        scores = list(range(len(items)))  # distinct: every paragraph its own group
    out, start = [], 0
    while start < min(len(items), k):
        end = start
        while end + 1 < len(items) and scores[end + 1] == scores[start]:
            end += 1
        group = items[start:end + 1]
        out.append((start, len(group), sum(1 for p in group if p in gold)))
        start = end + 1
    return out


def recall_at_k(ranked: Sequence, gold: Iterable, k: int, scores: Sequence[float] | None = None) -> float | None:
    """Share of the gold paragraphs among the first k distinct paragraphs."""
    gold = set(gold)
    if not gold:
        return None
    found = 0.0
    for start, size, hits in _groups(ranked, scores, gold, k):
        inside = min(size, k - start)  # a tied group crossing k: each member is in with chance inside/size
        found += hits * inside / size
    return found / len(gold)


def reciprocal_rank(ranked: Sequence, gold: Iterable, k: int, scores: Sequence[float] | None = None) -> float | None:
    """1 / rank of the first gold paragraph within the first k (0 when none); MRR is its mean."""
    gold = set(gold)
    if not gold:
        return None
    for start, size, hits in _groups(ranked, scores, gold, k):
        if not hits:
            continue
        # The first gold item of a shuffled group lands at offset j with chance C(size-j, hits-1) / C(size, hits).
        total = math.comb(size, hits)
        return sum(math.comb(size - j, hits - 1) / total / (start + j)
                   for j in range(1, size - hits + 2) if start + j <= k)
    return 0.0


def ndcg_at_k(ranked: Sequence, gold: Iterable, k: int, scores: Sequence[float] | None = None) -> float | None:
    """Binary-relevance nDCG over the first k distinct paragraphs; a tied group shares its gain evenly."""
    gold = set(gold)
    if not gold:
        return None
    dcg = 0.0
    for start, size, hits in _groups(ranked, scores, gold, k):
        gain = hits / size
        dcg += sum(gain / math.log2(position + 2) for position in range(start, min(start + size, k)))
    ideal = sum(1 / math.log2(position + 2) for position in range(min(len(gold), k)))
    return dcg / ideal


def normalize(text: str) -> str:
    """Case-, accent-width- and space-insensitive form used to match answer strings."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def answer_containment(answer: str, answers: Sequence[str]) -> float | None:
    """1.0 when every expected answer string occurs in the answer (normalised), else 0.0."""
    if not answers:
        return None
    text = normalize(answer)
    return float(all(_contains(text, normalize(a)) for a in answers))


def _contains(text: str, expected: str) -> bool:
    # A count is a whole number: "2" must not be found inside "2023" or "12" (a how-many answer that
    # compared instead of counting scored 1.0 because its dates held the digit). Text answers stay substrings.
    if expected.isdigit():
        return re.search(rf"(?<!\d){expected}(?!\d)", text) is not None
    return expected in text


# A count as an answer states it: a whole number of one to three digits, or a number word up to twenty; not a
# citation marker ("[2]"), nor part of a date ("2024-02-12"), a time or an amount ("1,000", "3.5").
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()
_COUNT = re.compile(r"(?<![\d\-/.,:\[])\b(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\b(?![\d\-/.,:\]])")


def count_exact(answer: str, answers: Sequence[str]) -> float | None:
    """For a how-many question (one expected answer, a whole number): 1.0 when the first count the answer
    states is that number, else 0.0; None for other questions. Stricter than containment, which a "6 readouts"
    answer to "2" passes by a citation marker "[2]" or a day of a date."""
    if len(answers) != 1 or not answers[0].strip().isdigit():
        return None
    found = _COUNT.search(normalize(answer))
    if found is None:
        return 0.0
    said = found.group(1)
    value = int(said) if said.isdigit() else _NUMBER_WORDS.index(said)
    return float(value == int(answers[0]))


_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = str.maketrans({c: " " for c in string.punctuation + "‘’“”–—"})


def tokens(text: str) -> list[str]:
    """SQuAD-style tokens: lower case, punctuation and articles dropped."""
    return _ARTICLES.sub(" ", normalize(text).translate(_PUNCTUATION)).split()


def token_f1(answer: str, answers: Sequence[str]) -> float | None:
    """Token F1 of the answer against all expected strings taken together (they are all required)."""
    if not answers:
        return None
    predicted, expected = Counter(tokens(answer)), Counter(t for a in answers for t in tokens(a))
    common = sum((predicted & expected).values())
    if not common:
        return 0.0
    precision, recall = common / sum(predicted.values()), common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def citation_precision(cited: Sequence[Paragraph], gold: Iterable[Paragraph]) -> float | None:
    """Share of the distinct cited paragraphs that are gold (None when nothing is cited)."""
    cited = set(cited)
    if not cited:
        return None
    return len(cited & set(gold)) / len(cited)


def citation_recall(cited: Sequence[Paragraph], gold: Iterable[Paragraph]) -> float | None:
    """Share of the gold paragraphs that are cited (None when there is no gold)."""
    gold = set(gold)
    if not gold:
        return None
    return len(gold & set(cited)) / len(gold)


def quote_validity(quotes: Sequence[tuple[str, str | None]]) -> float | None:
    """1.0 when every (quote, paragraph text) has the quote verbatim in the text; a missing paragraph fails."""
    if not quotes:
        return None
    return float(all(text is not None and quote and quote in text for quote, text in quotes))


def markers_consistent(answer: str, numbers: Sequence[int]) -> float | None:
    """1.0 when the [n] markers in the answer are exactly the citations' numbers (CONTRACT.md "Answer")."""
    if not numbers and "[" not in answer:
        return None
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer)}
    return float(used == set(numbers))


@dataclass(frozen=True)
class RefusalStats:
    """Refusing as a classifier of unanswerable questions; None where a denominator is zero."""

    precision: float | None  # refusals that were on unanswerable questions
    recall: float | None  # unanswerable questions refused
    false_refusal_rate: float | None  # answerable questions refused
    refused: int
    unanswerable: int
    answerable: int


def refusal_stats(outcomes: Sequence[tuple[bool, bool]]) -> RefusalStats:
    """Refusal figures from (unanswerable, refused) pairs, one per question."""
    right = sum(1 for unanswerable, refused in outcomes if unanswerable and refused)
    wrong = sum(1 for unanswerable, refused in outcomes if not unanswerable and refused)
    unanswerable = sum(1 for u, _ in outcomes if u)
    answerable = len(outcomes) - unanswerable
    return RefusalStats(right / (right + wrong) if right + wrong else None,
                        right / unanswerable if unanswerable else None,
                        wrong / answerable if answerable else None, right + wrong, unanswerable, answerable)


def percentiles(values: Sequence[float], qs: Sequence[float] = (50, 95)) -> dict[str, float | None]:
    """Linear-interpolation percentiles keyed 'p50', 'p95'; None for no values."""
    if not len(values):
        return {f"p{q:g}": None for q in qs}
    found = np.percentile(np.asarray(values, dtype=float), list(qs))
    return {f"p{q:g}": float(v) for q, v in zip(qs, found)}


def mean(values: Sequence[float | None]) -> float | None:
    """Mean of the defined values, None when there are none."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def bootstrap_ci(items: Sequence, statistic: Callable[[list], float | None] = mean, resamples: int = 1000,
                 seed: int = 0, level: float = 0.95) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval of statistic(items): resample items with replacement; same seed, same answer.

    With the default mean, undefined (None) items are dropped first; with another statistic, resamples where
    it is undefined are left out.
    """
    items = list(items)
    if statistic is mean:  # the common case, vectorised: resample the questions the metric is defined for
        items = [v for v in items if v is not None]
    if not items:
        return None, None
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(items), size=(resamples, len(items)))
    if statistic is mean:
        values = np.asarray(items, dtype=float)[draws].mean(axis=1)
    else:
        values = [v for v in (statistic([items[i] for i in row]) for row in draws) if v is not None]
    if not len(values):
        return None, None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)
