"""Extra citations of the thirty-first session's measurement (all dev sets): an answer that quotes two or more later
paragraphs of a readout has what was asked in its body, and the lead's opening sentence quoted beside them ("Senior
Bureau Official Kin Moy participated in ...") only sums up the contact. It is left out (Tuning.lead_beside), except
where the question asks who or where, which the lead says, or where the lead's quoted sentence is past its opening
(a fact of its own: "Latino business ownership up 40%").
Real corpus index and bundled model; the first two fail with lead_beside = 0, the guards' tests without the guards."""
from __future__ import annotations

from dataclasses import replace

from conftest import cited
from index.chunk import split_sentences
from qa import ask
from qa.ask import plan
from qa.sentences import lead_beside_many
from qa.texts import paragraph_hit
from qa.tuning import TUNING

EAST_ASIA_SUMMIT = "sd-east-asia-summit-senior-officials-meeting"
HARRIS_AI = "wh-2023-07-13-readout-of-vice-president-harriss-meeting-with-consumer-protection-labor-and-civil-rights-leaders-on-ai"


def test_two_later_paragraphs_answer_without_the_lead(library):
    answer = ask(library, "What did the State Department's Kin Moy tell the East Asia Summit senior officials in June 2021 "
                          "about COVID-19 vaccines, and about the South China Sea?")
    # (before: the lead's "Kin Moy participated in ..." too)
    assert cited(answer, EAST_ASIA_SUMMIT) == {(EAST_ASIA_SUMMIT, 2), (EAST_ASIA_SUMMIT, 3)}, answer.citations


def test_a_question_of_two_things_in_the_body_leaves_the_opening_out(library):
    answer = ask(library, "At Harris's July 2023 meeting on artificial intelligence with consumer, labor and civil rights "
                          "leaders, what false choice did she reject, and how had older people been harmed?")
    paragraphs = cited(answer, HARRIS_AI)
    assert (HARRIS_AI, 1) not in paragraphs and {(HARRIS_AI, 2), (HARRIS_AI, 3)} <= paragraphs, answer.citations


def _chosen(library, lead_sentence: int) -> list[tuple]:
    """The lead's sentence `lead_sentence` and the first sentences of paragraphs 2 and 3, as sentence_scores makes them."""
    hits = [paragraph_hit(library, HARRIS_AI, n) for n in (1, 2, 3)]
    lead = split_sentences(hits[0].text)[lead_sentence]
    return [(1.0, 0, lead_sentence, lead, hits[0], 2.0, None)] + \
        [(0.9, 0, 0, split_sentences(h.text)[0], h, 2.0, None) for h in hits[1:]]


def test_the_lead_says_who_and_where(library):
    chosen = _chosen(library, 0)
    asked = plan(library, "What did the AI meeting's participants raise, and how did Harris frame the choice?").question
    assert [c[4].paragraph for c in lead_beside_many(asked, chosen)] == [2, 3]
    assert [c[4].paragraph for c in lead_beside_many(asked, chosen, replace(TUNING, lead_beside=0))] == [1, 2, 3]
    who = plan(library, "Who hosted the AI meeting's participants, and how did Harris frame the choice?").question
    assert [c[4].paragraph for c in lead_beside_many(who, chosen)] == [1, 2, 3]


def test_a_lead_sentence_past_the_opening_is_a_fact_of_its_own(library):
    asked = plan(library, "What did the AI meeting's participants raise, and how did Harris frame the choice?").question
    assert len(split_sentences(paragraph_hit(library, HARRIS_AI, 1).text)) >= 2
    assert [c[4].paragraph for c in lead_beside_many(asked, _chosen(library, 1))] == [1, 2, 3]
