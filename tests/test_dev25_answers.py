"""Failures of the dev sets (twenty-fifth session), in other words: a series' meeting named by its ordinal ("the
fourth Donor Coordination Platform steering committee meeting") is the readout whose title numbers it so, a first
one titled "Inaugural" too. Real corpus index and bundled model; each fails with its Tuning switch off
(event_ordinal)."""
from __future__ import annotations

from qa import ask

PLATFORM = "ukraine-donor-coordination-platform-steering-committee"


def test_an_ordinal_picks_the_meeting_of_a_series(library):
    for said, titled in (("fourth", "fourth-meeting"), ("second", "second-meeting"), ("first", "inaugural-meeting")):
        answer = ask(library, f"What did the {said} Donor Coordination Platform steering committee meeting discuss "
                              f"about Ukraine's reform agenda?")
        cited = {c.readout_id for c in answer.citations}
        assert cited and all(PLATFORM in r and titled in r for r in cited), (said, cited)
