"""The kind of contact a readout is of, as a list or a count asks for it: a call or a meeting (by the metadata, or a
statement's title), one-on-one or with several sides, held at the White House or virtually (qa.selection.select
keeps those asked)."""
from __future__ import annotations

import re

from index.api import Library, ReadoutSummary

from .intent import HELD
from .tuning import TUNING

# A title of a contact with several sides: "Trilateral Meeting", "Call with Transatlantic Quad Foreign Ministers",
# "Meeting with Pacific Island Leaders", "G7 Leaders".
GROUP_TITLE = re.compile(r"\b(?:trilateral|quadrilateral|multilateral|quad|ministers|leaders|counterparts|allies|partners|"
                         r"heads|governors|g7|g20|ministerial|summit|roundtable)\b", re.IGNORECASE)


def held_as(library: Library, row: ReadoutSummary, company: str | None, setting: str | None) -> bool:
    """Whether a readout's contact was held in the company ("alone", "group") and setting asked (any, where None)."""
    return (not company or in_group(library, row) == (company == "group")) and \
        (not setting or held_so(library, row, setting))


def held_so(library: Library, row: ReadoutSummary, setting: str) -> bool:
    """Whether a readout's title or first two paragraphs say it was held in the setting ("to the White House",
    "virtual")."""
    readout = library.readout(row.id)
    lead = f"{row.title} {' '.join(readout.paragraphs[:2])}" if readout else row.title
    return HELD[setting].search(lead) is not None


def in_group(library: Library, row: ReadoutSummary) -> bool:
    """Whether a readout is of a contact with several sides: people of two or more countries besides the United
    States in its metadata, or a title that says so."""
    countries = {p.get("country") for p in library.readout_metadata(row.id).get("participants", ())}
    return len(countries - {None, "", "United States"}) >= 2 or GROUP_TITLE.search(row.title) is not None


def of_kind(row: ReadoutSummary, asked: str) -> bool:
    """Whether a readout is of the kind of contact asked about, by its metadata or, for a statement, its title."""
    return is_kind(row.kind, asked) or TUNING.titled_kind and row.kind == "other" and titles_kind(row.title, asked)


def is_kind(kind: str, asked: str) -> bool:
    """Whether a readout's kind of contact is the one asked about (a visit is a meeting)."""
    return kind == asked or (asked == "meeting" and kind == "visit")


def titles_kind(title: str, asked: str) -> bool:
    """Whether a title names contacts of the kind asked about ("... Calls with Foreign Leaders")."""
    words = {"call": r"calls?|phone", "meeting": r"meetings?|meets?|visits?", "visit": r"visits?|trips?|travel"}.get(asked)
    return bool(words) and re.search(rf"\b(?:{words})\b", title, re.IGNORECASE) is not None
