"""Who met whom: the participants directory (readouts, first and last contact) with each participant's
counterparts, the people they appear beside most often."""
from __future__ import annotations

from collections import Counter

from index.api import Library

COUNTERPARTS = 5


def counterparts(library: Library) -> dict[str, Counter]:
    """Per participant name, how many readouts they share with each other participant."""
    together: dict[str, Counter] = {}
    for summary in library.readouts():
        names = list(dict.fromkeys(summary.participants))
        for name in names:
            together.setdefault(name, Counter()).update(other for other in names if other != name)
    return together


def directory(library: Library, text: str = "", limit: int | None = None, top: int = COUNTERPARTS) -> list[dict]:
    """Library.participants rows (most readouts first), each with `counterparts`: [{"name", "readouts"}]."""
    rows = library.participants(text)[:limit or None]
    together = counterparts(library) if rows else {}
    return [{**row, "counterparts": [{"name": name, "readouts": count}
                                     for name, count in together.get(row["name"], Counter()).most_common(top)]}
            for row in rows]
