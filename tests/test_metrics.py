"""The metric functions against small examples worked by hand."""
from __future__ import annotations

import itertools
import math

import pytest

from eval import metrics as m

A, B, C, D = ("a", 1), ("b", 1), ("c", 2), ("d", 3)
G1, G2, G3 = ("g", 1), ("g", 2), ("h", 1)


def test_recall_counts_gold_in_the_first_k():
    ranked = [A, G1, B, G2]
    assert m.recall_at_k(ranked, {G1, G2}, 1) == 0.0
    assert m.recall_at_k(ranked, {G1, G2}, 2) == 0.5
    assert m.recall_at_k(ranked, {G1, G2}, 4) == 1.0
    assert m.recall_at_k(ranked, {G1, G2}, 10) == 1.0  # k past the list


def test_several_gold_paragraphs_beyond_k():
    # Three gold paragraphs, only two places: recall cannot pass 2/3, nDCG can still be perfect.
    assert m.recall_at_k([G1, G2], {G1, G2, G3}, 2) == pytest.approx(2 / 3)
    assert m.ndcg_at_k([G1, G2], {G1, G2, G3}, 2) == pytest.approx(1.0)
    assert m.reciprocal_rank([G1, G2], {G1, G2, G3}, 2) == 1.0


def test_duplicates_count_once():
    # Two chunks of paragraph A: without de-duplication G1 would sit at rank 3.
    assert m.reciprocal_rank([A, A, G1], {G1}, 10) == 0.5
    assert m.recall_at_k([A, A, G1], {G1}, 2) == 1.0
    assert m.recall_at_k([G1, G1], {G1, G2}, 2) == 0.5


def test_empty_gold_is_undefined():
    for metric in (m.recall_at_k, m.reciprocal_rank, m.ndcg_at_k):
        assert metric([A, B], set(), 5) is None
        assert metric([], [], 5) is None


def test_reciprocal_rank_by_hand():
    assert m.reciprocal_rank([G1, A], {G1}, 10) == 1.0
    assert m.reciprocal_rank([A, B, G1], {G1}, 10) == pytest.approx(1 / 3)
    assert m.reciprocal_rank([A, B, G1], {G1}, 2) == 0.0  # past the cut-off
    assert m.reciprocal_rank([], {G1}, 10) == 0.0


def test_ndcg_by_hand():
    # DCG = 1/log2(3) + 1/log2(4) = 0.6309 + 0.5; ideal = 1 + 0.6309.
    assert m.ndcg_at_k([A, G1, G2], {G1, G2}, 3) == pytest.approx(1.1309297 / 1.6309297)
    assert m.ndcg_at_k([G2, G1, A], {G1, G2}, 3) == pytest.approx(1.0)
    assert m.ndcg_at_k([A, B], {G1}, 2) == 0.0


def test_tied_scores_average_over_orders():
    # A and G1 tie for first: G1 is first half the time.
    ranked, scores = [A, G1], [0.5, 0.5]
    assert m.reciprocal_rank(ranked, {G1}, 10, scores) == pytest.approx(0.75)
    assert m.recall_at_k(ranked, {G1}, 1, scores) == pytest.approx(0.5)
    assert m.ndcg_at_k(ranked, {G1}, 1, scores) == pytest.approx(0.5)
    assert m.ndcg_at_k(ranked, {G1}, 2, scores) == pytest.approx(0.5 + 0.5 / math.log2(3))
    # Three tied, two gold: first gold at 1 in orders {1,2},{1,3}, at 2 in {2,3}: (1 + 1 + 1/2) / 3.
    assert m.reciprocal_rank([A, G1, G2], {G1, G2}, 10, [1.0, 1.0, 1.0]) == pytest.approx(5 / 6)
    # A tie crossing the cut-off: G1 is inside k=2 half the time.
    assert m.recall_at_k([B, A, G1], {G1}, 2, [0.9, 0.5, 0.5]) == pytest.approx(0.5)
    assert m.reciprocal_rank([B, A, G1], {G1}, 2, [0.9, 0.5, 0.5]) == pytest.approx(0.25)
    # Distinct scores change nothing.
    assert m.reciprocal_rank([A, G1], {G1}, 10, [0.9, 0.5]) == 0.5


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_tie_handling_matches_brute_force(k):
    ranked, scores, gold = [B, A, G1, C, G2, D], [0.9, 0.7, 0.7, 0.7, 0.2, 0.2], {G1, G2}
    groups = [list(g) for _, g in itertools.groupby(ranked, key=lambda p: scores[ranked.index(p)])]
    orders = [[p for group in choice for p in group]
              for choice in itertools.product(*(itertools.permutations(g) for g in groups))]
    for metric in (m.recall_at_k, m.reciprocal_rank, m.ndcg_at_k):
        expected = sum(metric(order, gold, k) for order in orders) / len(orders)
        assert metric(ranked, gold, k, scores) == pytest.approx(expected), metric.__name__


def test_containment_needs_every_answer():
    text = "They discussed the  Climate Crisis and ‘secure’ supply chains."
    assert m.answer_containment(text, ["climate crisis", "'secure' supply chains"]) == 1.0
    assert m.answer_containment(text, ["climate crisis", "Libya"]) == 0.0
    assert m.answer_containment(text, []) is None


def test_containment_matches_a_count_as_a_whole_number():
    # A how-many answer "2" is not contained in an answer that only holds dates like 2023-05-12.
    assert m.answer_containment("They met on 2023-05-12 and 2024-02-01.", ["2"]) == 0.0
    assert m.answer_containment("They had 12 calls.", ["2"]) == 0.0
    assert m.answer_containment("2 contacts: 2023-05-12 and 2024-02-01.", ["2"]) == 1.0
    assert m.answer_containment("They spoke (2 calls).", ["2"]) == 1.0


def test_count_exact_reads_the_count_the_answer_states():
    listing = "6 readouts of Joe Biden and Abdullah II of 2024:\n- 2024-02-12 (meeting): Readout [1]\n- 2024-04-14 (call): Readout [2]"
    assert m.answer_containment(listing, ["2"]) == 1.0  # the marker [2] holds the digit: containment passes
    assert m.count_exact(listing, ["2"]) == 0.0  # the answer says 6
    assert m.count_exact(listing, ["6"]) == 1.0
    assert m.count_exact("They spoke three times in 2022 [1].", ["3"]) == 1.0
    assert m.count_exact("On 2024-02-12 they met [2].", ["2"]) == 0.0  # no count stated
    assert m.count_exact("12 readouts of them", ["12"]) == 1.0
    assert m.count_exact("They discussed Gaza.", ["Gaza"]) is None  # not a count
    assert m.count_exact("1 readout", ["1", "2"]) is None


def test_token_f1_by_hand():
    assert m.token_f1("the climate crisis", ["climate crisis"]) == 1.0
    # 3 predicted tokens, 2 expected, 2 shared: P = 2/3, R = 1, F1 = 0.8.
    assert m.token_f1("climate change crisis", ["climate crisis"]) == pytest.approx(0.8)
    # Expected strings taken together: 4 tokens, 2 found in 2 predicted: P = 1, R = 1/2.
    assert m.token_f1("Libya, Belarus!", ["Libya", "Belarus", "NATO 2030"]) == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert m.token_f1("nothing here", ["climate"]) == 0.0
    assert m.token_f1("anything", []) is None


def test_citation_precision_and_recall():
    cited = [A, A, G1]  # the same paragraph cited twice counts once
    assert m.citation_precision(cited, {G1, G3}) == 0.5
    assert m.citation_recall(cited, {G1, G3}) == 0.5
    assert m.citation_precision([], {G1}) is None
    assert m.citation_precision([A], set()) == 0.0
    assert m.citation_recall([A], set()) is None


def test_quote_validity():
    assert m.quote_validity([("spoke today", "Blinken spoke today with"), ("with", "with me")]) == 1.0
    assert m.quote_validity([("spoke today", "Blinken spoke today"), ("spoke  today", "spoke today")]) == 0.0
    assert m.quote_validity([("anything", None)]) == 0.0  # the paragraph does not exist
    assert m.quote_validity([("", "text")]) == 0.0
    assert m.quote_validity([]) is None


def test_markers_consistent():
    assert m.markers_consistent("One [1]. Two [2].", [1, 2]) == 1.0
    assert m.markers_consistent("One [1]. Two [3].", [1, 2]) == 0.0
    assert m.markers_consistent("One [1].", [1, 2]) == 0.0
    assert m.markers_consistent("No sources.", []) is None


def test_refusal_stats_by_hand():
    outcomes = [(True, True), (True, False), (False, True), (False, False), (False, False)]
    stats = m.refusal_stats(outcomes)
    assert (stats.precision, stats.recall) == (0.5, 0.5)
    assert stats.false_refusal_rate == pytest.approx(1 / 3)
    assert (stats.refused, stats.unanswerable, stats.answerable) == (2, 2, 3)
    none = m.refusal_stats([(False, False)])
    assert none.precision is None and none.recall is None and none.false_refusal_rate == 0.0


def test_percentiles_interpolate():
    assert m.percentiles([4, 1, 3, 2]) == {"p50": 2.5, "p95": pytest.approx(3.85)}
    assert m.percentiles([]) == {"p50": None, "p95": None}
    assert m.percentiles([7.0], (50, 99)) == {"p50": 7.0, "p99": 7.0}


def test_mean_skips_undefined():
    assert m.mean([1.0, None, 0.0]) == 0.5
    assert m.mean([None]) is None


def test_bootstrap_is_seeded_and_brackets_the_mean():
    values = [1.0, 0.0, 1.0, 1.0, 0.0, 1.0, None, 1.0, 0.0, 1.0]
    first = m.bootstrap_ci(values, seed=7)
    assert first == m.bootstrap_ci(values, seed=7)
    assert first != m.bootstrap_ci(values, seed=8)
    low, high = first
    assert 0.0 <= low <= m.mean(values) <= high <= 1.0
    assert m.bootstrap_ci([0.5] * 20) == (0.5, 0.5)
    assert m.bootstrap_ci([]) == (None, None)
    assert m.bootstrap_ci([None, None]) == (None, None)


def test_bootstrap_with_another_statistic():
    pairs = [(True, True), (False, True), (False, False), (True, False)]
    precision = lambda sample: m.refusal_stats(sample).precision  # noqa: E731
    low, high = m.bootstrap_ci(pairs, precision, resamples=200, seed=1)
    assert 0.0 <= low <= 0.5 <= high <= 1.0
    assert m.bootstrap_ci(pairs, precision, resamples=200, seed=1) == (low, high)
