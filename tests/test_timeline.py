"""Timeline and language over time on the real corpus (CONTRACT.md "Timeline"): the Kuleba timeline is
exactly the readouts whose metadata lists him, in event-date order; topics pick the sentence about them."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ENTRY_KEYS = {"readout_id", "event_date", "title", "kind", "participants", "paragraph", "quote"}
READOUTS_BIN = str(Path(sys.executable).with_name("readouts"))
XI_2021 = "wh-2021-11-16-readout-of-president-bidens-virtual-meeting-with-president-xi-jinping-of-the-peoples-republic-of-china"


def check_shape(data: dict, library) -> None:
    """The contract's shape, event-date order, and every quote verbatim in its paragraph."""
    assert set(data) == {"entries", "by_month"}
    assert all(set(e) == ENTRY_KEYS for e in data["entries"])
    assert all(set(p) == {"name", "role", "country"} for e in data["entries"] for p in e["participants"])
    dates = [e["event_date"] for e in data["entries"]]
    assert dates == sorted(dates)
    assert all(re.fullmatch(r"\d{4}-\d{2}", month) and count > 0 for month, count in data["by_month"].items())
    for entry in data["entries"]:
        readout = library.readout(entry["readout_id"])
        assert entry["quote"] and entry["quote"] in readout.paragraphs[entry["paragraph"] - 1]


def metadata_ids(corpus_index, word: str) -> list[tuple[str, str]]:
    """(event_date, readout id) of every readout whose stored participants include the word, sorted."""
    db = sqlite3.connect(corpus_index / "readouts.sqlite")
    rows = db.execute("SELECT DISTINCT m.event_date, p.readout_id FROM participants p JOIN readout_meta m "
                      "ON m.readout_id = p.readout_id WHERE lower(p.name) LIKE ?", (f"%{word.lower()}%",)).fetchall()
    db.close()
    return sorted(rows)


def test_kuleba_timeline_is_every_readout_listing_him_in_date_order(library, corpus_index):
    from qa.timeline import timeline

    result = timeline(library, participant="Kuleba")
    data = result.to_json()
    check_shape(data, library)
    expected = metadata_ids(corpus_index, "kuleba")
    assert len(expected) >= 25
    assert sorted(e["readout_id"] for e in data["entries"]) == sorted(i for _, i in expected)
    assert [e["event_date"] for e in data["entries"]] == [d for d, _ in expected]
    assert all(any("Kuleba" in p["name"] for p in e["participants"]) for e in data["entries"])
    # Without a topic each entry is cited to its lead, never to the State Department's attribution line.
    assert not any(e["quote"].startswith("The below is attributable") for e in data["entries"])
    # Contacts per month: the White House and State readouts of the 2022-03-26 meeting are one contact.
    assert sum(data["by_month"].values()) == len(data["entries"]) - 1
    assert data["by_month"]["2022-03"] == sum(e["event_date"].startswith("2022-03") for e in data["entries"]) - 1


def test_pair_country_and_dates_narrow_the_timeline(library):
    from qa.timeline import timeline

    pair = timeline(library, participant="kuleba", with_="Biden").to_json()["entries"]
    assert pair and all({"Kuleba", "Biden"} <= {p["name"].split()[-1] for p in e["participants"]} for e in pair)
    spring = timeline(library, participant="Kuleba", date_from="2022-03-01", date_to="2022-04-30").entries
    assert spring and all("2022-03-01" <= e.event_date <= "2022-04-30" for e in spring)
    ukraine = timeline(library, country="Ukraine", date_from="2022-03-01", date_to="2022-03-31").entries
    assert len(ukraine) >= len(spring) // 2 and all(
        any(p.country == "Ukraine" for p in e.participants) for e in ukraine)


def test_topic_picks_the_sentence_about_it(library):
    from qa.timeline import timeline

    result = timeline(library, participant="Biden", with_="Xi Jinping", topic="one China policy")
    data = result.to_json()
    check_shape(data, library)
    quotes = {e["readout_id"]: e["quote"] for e in data["entries"]}
    assert "one China" in quotes[XI_2021]  # the “one China” policy sentence, not the lead
    # Every entry speaks of it, most by name; the rest of Taiwan policy ("U.S. policy on Taiwan has not changed").
    assert sum("one China" in q for q in quotes.values()) >= 4
    assert all("Taiwan" in q or "one China" in q for q in quotes.values())
    everything = timeline(library, participant="Biden", with_="Xi Jinping")
    assert len(everything.entries) > len(result.entries)


@pytest.mark.parametrize("kwargs, message", [
    ({}, "participant"),
    ({"participant": "Kuleba", "date_from": "2022-13-01"}, "date_from"),
    ({"participant": "Kuleba", "date_from": "2022-05-01", "date_to": "2022-04-01"}, "after"),
    ({"participant": "Kuleba", "topic": "x" * 2001}, "topic"),
])
def test_bad_input_is_named(library, kwargs, message):
    from index.types import InputError
    from qa.timeline import timeline

    with pytest.raises(InputError, match=message):
        timeline(library, **kwargs)


def test_month_series_fills_the_gaps():
    from qa.timeline import month_series

    assert month_series((("2021-11", 2), ("2022-02", 1))) == [("2021-11", 2), ("2021-12", 0), ("2022-01", 0),
                                                              ("2022-02", 1)]
    assert month_series(()) == []


def test_language_over_time_cites_first_and_last_use(library):
    from qa.language import language_over_time

    result = language_over_time(library, "Taiwan", participant="Biden", with_="Xi Jinping")
    data = json.loads(json.dumps(result.to_json()))
    assert set(data) == {"topic", "from", "to", "readouts", "phrases"} and data["readouts"] >= 6
    phrases = {p["phrase"]: p for p in data["phrases"]}
    assert phrases["one china policy"]["status"] == "recurs"
    assert any(p["status"] == "appears" for p in data["phrases"])
    assert any(p["status"] == "disappears" and "strongly opposes" in p["phrase"] for p in data["phrases"])
    for phrase in data["phrases"]:
        assert phrase["readouts"] >= 2 and phrase["first"]["event_date"] <= phrase["last"]["event_date"]
        for use in (phrase["first"], phrase["last"]):
            readout = library.readout(use["readout_id"])
            assert use["quote"] in readout.paragraphs[use["paragraph"] - 1]


def test_phrases_start_and_end_on_content_words():
    from qa.language import phrases_of, words_of

    assert words_of("the “one China” policy of the U.S.") == ["the", "one", "china", "policy", "of", "the", "u.s"]
    grams = phrases_of("President Biden underscored that the United States’ one China policy remains unchanged.",
                       frozenset({"joe", "biden"}))
    assert "one china policy" in grams and "policy remains unchanged" in grams
    assert not any(g.split()[0] in {"the", "president", "biden"} for g in grams)


def test_cli_timeline_json(corpus_index):
    result = subprocess.run([READOUTS_BIN, "timeline", "--participant", "Kuleba", "--with", "Blinken", "--topic",
                             "grain", "--json", "--index", str(corpus_index)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["entries"] and all(set(e) == ENTRY_KEYS and "grain" in e["quote"] for e in data["entries"])
    result = subprocess.run([READOUTS_BIN, "timeline", "--index", str(corpus_index)], capture_output=True, text=True,
                            cwd=REPO, timeout=300)
    assert result.returncode == 2 and "participant" in result.stderr
