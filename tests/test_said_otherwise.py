"""A yes/no question whose topic the contact's readout has only in other words ("hunger" / "emergency food aid",
"keeping things calm" / "maintaining peace and stability", "bombing from the air" / "air strikes") is answered, and one
whose topic is not there stays refused ("nickel", "extraditing Alex Saab"); a follow-up counting time from a plain
string turn ("a couple of weeks later") counts from what that turn's answer cites. On the real corpus index and the
bundled model; each fails with its Tuning switch off (yes_otherwise, replay_turn, the_north: "the North" said as
"the DPRK")."""
from __future__ import annotations

from qa import ask


def test_a_yes_no_topic_said_in_other_words_is_answered(library):
    for question, said in (
            ("When Jon Finer met Haiti's Prime Minister Garry Conille in July 2024, did they touch on hunger in Haiti?",
             "emergency food aid"),
            ("In their March 2021 call, did Jake Sullivan and Suh Hoon stress keeping things calm and secure between "
             "the two Koreas?", "maintaining peace and stability on the Korean Peninsula"),
            ("Did President Biden voice worry about bombing from the air harming civilians when he called Prime "
             "Minister Abiy Ahmed in January 2022?", "recent air strikes"),
            ("When Jennifer Klein and Nicholas Berliner met Uzbekistan's Saida Mirziyoyeva in March 2023, did they talk "
             "about protecting victims of abuse in the home?", "survivors of domestic violence")):
        answer = ask(library, question)
        assert not answer.refused and answer.text.startswith("Yes") and said in answer.text, (question, answer.text)


def test_a_yes_no_topic_not_there_stays_refused(library):
    for question in ("Did President Biden and Prabowo Subianto discuss Indonesia's nickel industry?",
                     "Did President Biden thank Cabo Verde's Prime Minister Correia e Silva for extraditing Alex Saab to "
                     "the United States?",
                     "When Jon Finer met Haiti's Prime Minister Garry Conille in July 2024, did they discuss cocoa "
                     "exports?"):
        answer = ask(library, question)
        assert answer.refused, (question, answer.text)


def test_a_follow_up_counts_time_from_what_a_plain_turn_s_answer_cites(library):
    answer = ask(library, "And when the Vice President called him a couple of weeks later, whose jurisdiction did they "
                          "oppose?",
                 history=["When did President Biden first speak with Prime Minister Netanyahu after taking office?"])
    assert {c.readout_id for c in answer.citations} == {
        "wh-2021-03-04-readout-of-vice-president-kamala-harris-call-with-prime-minister-benjamin-netanyahu-of-israel"}
    assert "International Criminal Court" in answer.text


def test_the_north_is_said_as_the_dprk(library):
    answer = ask(library, "How did she describe the North's missile launches?",
                 history=["Who did Deputy Secretary Sherman speak with from South Korea and Japan on February 1, 2022?"])
    assert not answer.refused and "recent and escalatory ballistic missile launches" in answer.text, answer.text
