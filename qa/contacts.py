"""Readouts of one contact counted once: a White House and a State Department readout of one call, an
announcement and the readout of the meeting it announced, a readout published twice under two ids
(`index.metadata.link_same_events` links them as `same_event`; `one_contact` says which links hold)."""
from __future__ import annotations

from typing import Sequence

from index.api import Library, ReadoutSummary
from index.metadata import same_person


def one_contact(source: str, title: str, names: Sequence[str], other_source: str, other_title: str,
                other_names: Sequence[str]) -> bool:
    """Whether two readouts linked as one event are of one contact. Across sources the link stands (the White
    House names the President, State the Secretary, in their readouts of one meeting). A source reads a contact
    out once: two of its readouts are of one only when one is published again (the same title) or announces
    the other ("Statement by Press Secretary Jen Psaki on President Biden's Virtual Meeting with ..."), and
    both name the same people. Harris met Marcos alone and then with Kishida on 2023-09-06: two meetings
    ("the fifth" after); Sherman met NATO's deputy secretary general and the permanent representatives: two."""
    if source != other_source:
        return True
    if title != other_title and not any(t.startswith("Statement") for t in (title, other_title)):
        return False
    return all(any(same_person(a, b) for b in other_names) for a in names) and \
        all(any(same_person(b, a) for a in names) for b in other_names)


def group_contacts(library: Library, rows: list[ReadoutSummary]) -> list[tuple[ReadoutSummary, ...]]:
    """The rows grouped by contact, in the rows' order: a group stands where its first readout is. Reads the
    metadata of each row and of its linked rows (callers pass the few rows of a list answer, not thousands)."""
    listed = {row.id: row for row in rows}
    group_of: dict[str, int] = {}
    groups: list[list[ReadoutSummary]] = []
    for row in rows:
        if row.id in group_of:
            groups[group_of[row.id]].append(row)
            continue
        group_of[row.id] = len(groups)
        groups.append([row])
        meta = library.readout_metadata(row.id)
        for other in meta.get("same_event") or ():
            twin = listed.get(other)
            if twin is not None and other not in group_of and one_contact(
                    row.source, row.title, _names(meta), twin.source, twin.title,
                    _names(library.readout_metadata(other))):
                group_of[other] = group_of[row.id]
    return [tuple(group) for group in groups]


def _names(meta: dict) -> list[str]:
    return [p["name"] for p in meta.get("participants") or ()]
