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
    assert answer.text.startswith("2 meetings of Jake Sullivan and Wang Yi of 2024 (3 readouts")
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


def test_a_count_of_a_kind_with_none_of_it_says_0_and_lists_the_other_contacts(library):
    # Every 2022 readout of Biden and Zelenskyy is of a call (he came to Washington in December, which the corpus
    # has no readout of): "meet" counts 0, and the calls are listed, not a paragraph of one of them quoted.
    calls = ask(library, "How many calls did Biden have with Zelenskyy in 2022?")
    met = ask(library, "How many times did Biden meet Zelenskyy in 2022?")
    assert met.text.startswith("0 meetings of Joe Biden and Volodymyr Zelenskyy of 2022 in these readouts. Their other "
                               "contacts, ")
    listed = [line for line in met.text.splitlines() if line.startswith("- ")]
    assert len(listed) == len([line for line in calls.text.splitlines() if line.startswith("- ")]) >= 10
    assert all(line.startswith("- 2022-") for line in listed) and len(met.citations) >= len(listed)
    last = ask(library, "When did Biden last meet Zelenskyy in 2022?")
    assert last.text.startswith("0 meetings of Joe Biden and Volodymyr Zelenskyy of 2022 in these readouts; of their "
                                "other contacts, most recently on 2022-12-")


def test_a_count_of_one_kind_names_it(library):
    answer = ask(library, "How many times did Blinken speak by phone with Kuleba in April 2022?")
    assert answer.text.startswith("3 calls of Antony Blinken and Dmytro Kuleba between 2022-04-01 and 2022-04-30:")


def test_one_on_one_leaves_out_the_group_calls_and_group_keeps_only_them(library):
    # Of Blinken's seven 2022 calls with Truss, one is with the Transatlantic Quad (France's and Germany's ministers).
    every = ask(library, "List Secretary Blinken's calls with UK Foreign Secretary Truss in 2022.")
    alone = ask(library, "List Secretary Blinken's one-on-one calls with UK Foreign Secretary Truss in 2022.")
    group = ask(library, "How many group calls did Blinken have with Truss in 2022?")
    assert every.text.startswith("7 calls of Antony Blinken and Elizabeth Truss of 2022:"), every.text
    assert alone.text.startswith("6 one-on-one calls of Antony Blinken and Elizabeth Truss of 2022:"), alone.text
    assert "Transatlantic Quad" not in alone.text
    assert group.text.startswith("1 group call of ") and "Transatlantic Quad" in group.text, group.text


def test_not_counting_the_trilateral_leaves_it_out_and_counting_it_keeps_it(library):
    without = ask(library, "How many times did Harris meet Marcos in 2023, not counting the trilateral?")
    counting = ask(library, "How many times did Harris meet Marcos in 2023, counting the trilateral?")
    assert without.text.startswith("3 one-on-one meetings of Kamala Harris and Ferdinand Marcos of 2023"), without.text
    assert counting.text.startswith("4 meetings of Kamala Harris and Ferdinand Marcos of 2023"), counting.text
    assert TRILATERAL in {c.readout_id for c in counting.citations} - {c.readout_id for c in without.citations}


def test_a_count_at_the_white_house_or_virtual_reads_where_the_lead_says_it_was_held(library):
    # Starmer: a call in July 2024, then meetings at the White House on July 10 and September 13.
    hosted = ask(library, "How many times did President Biden host British Prime Minister Keir Starmer at the White House?")
    assert hosted.text.startswith("2 contacts at the White House of Joe Biden and Keir Starmer"), hosted.text
    assert all(line.startswith("- 2024-") and "(meeting)" in line for line in hosted.text.splitlines()[1:3])
    # Harris and Giammattei: one virtual bilateral meeting (a call in the metadata) among calls and a visit.
    virtual = ask(library, "List Vice President Harris's virtual meetings with Guatemalan President Alejandro Giammattei.")
    assert virtual.text.startswith("1 virtual contact of Kamala Harris and Alejandro Giammattei"), virtual.text
    assert "Virtual Bilateral Meeting" in virtual.text


def test_counting_the_group_contacts_beside_the_bilateral_ones_counts_every_contact():
    from qa.intent import company_of

    assert company_of("How many times did Harris meet Marcos in 2023, counting both their bilateral meetings and her "
                      "trilateral meeting with him and Kishida?") is None
    assert company_of("How many bilateral meetings did Harris have with Marcos in 2023?") == "alone"
