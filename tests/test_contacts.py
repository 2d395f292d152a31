"""A list or a count is of contacts: readouts of one contact (published twice, or announced and then read out)
share a line; two meetings of one day stay two. On the real corpus index."""
from __future__ import annotations

import pytest

from index.types import Filters
from qa import ask
from qa.contacts import group_contacts
from qa.timeline import timeline

pytestmark = pytest.mark.slow

MISTURA = "sd-secretary-blinkens-meeting-with-un-personal-envoy-of-the-secretary-general-for-western-sahara-staffan-de-mistura"
BILATERAL = ("wh-2023-09-06-readout-of-bilateral-meeting-between-the-vice-president-kamala-harris-of-the-united-states-"
             "and-president-ferdinand-marcos-jr-of-the-philippines")
TRILATERAL = ("wh-2023-09-07-readout-of-vice-president-harriss-trilateral-meeting-with-president-marcos-of-the-philippines-"
              "and-prime-minister-kishida-of-japan")


def rows(library, *ids):
    found = {r.id: r for r in library.readouts(filters=Filters(readouts=frozenset(ids)), participants=False)}
    return [found[i] for i in ids]


def test_a_readout_published_twice_is_one_contact(library):
    twice = rows(library, MISTURA, MISTURA + "-2")
    assert library.readout_metadata(MISTURA)["same_event"] == [MISTURA + "-2"]  # what the grouping reads
    assert group_contacts(library, twice) == [tuple(twice)]


def test_a_bilateral_and_a_trilateral_of_one_day_are_two_contacts(library):
    # The metadata links them (same source, same day, two people in common); the people differ.
    assert TRILATERAL in library.readout_metadata(BILATERAL)["same_event"]
    both = rows(library, BILATERAL, TRILATERAL)
    assert group_contacts(library, both) == [(both[0],), (both[1],)]


def test_a_count_counts_an_announcement_and_its_readout_once(library):
    answer = ask(library, "How many times did Jake Sullivan meet Wang Yi in 2024?")
    assert answer.text.startswith("2 contacts of Jake Sullivan and Wang Yi of 2024 (3 readouts")
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(lines) == 2 and "Statement from NSC Spokesperson" in lines[0] and "[1]; the same meeting: " in lines[0]
    assert len(answer.citations) == 3  # every readout is still cited


def test_a_count_of_readouts_counts_readouts(library):
    answer = ask(library, "How many readouts are there of Jake Sullivan and Wang Yi in 2024?")
    assert answer.text.startswith("3 readouts of Jake Sullivan and Wang Yi of 2024")


def test_a_timeline_counts_the_two_meetings_of_one_day_as_two(library):
    found = timeline(library, participant="Harris", with_="Marcos")
    assert {e.readout_id for e in found.entries} >= {BILATERAL, TRILATERAL}
    assert dict(found.by_month)["2023-09"] == 2
