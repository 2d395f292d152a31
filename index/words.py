"""Words as SQLite FTS5 sees them (unicode61 split, porter stems), so the lexical index matches FTS5."""
from __future__ import annotations

import re
import sqlite3
import threading

WORD = re.compile(r"[^\W_]+")  # FTS5 unicode61: letters and digits are token characters, the rest separate


class Stemmer:
    """Words to FTS5 terms, asked of FTS5 itself (porter unicode61) in batches and remembered."""

    def __init__(self):
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.execute("CREATE VIRTUAL TABLE w USING fts5(x, tokenize='porter unicode61')")
        self._db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')")
        self._lock = threading.Lock()
        self.known: dict[str, tuple[str, ...]] = {}

    def learn(self, words) -> None:
        """Stem every word not seen before (one round trip for all of them)."""
        missing = [w for w in set(words) if w not in self.known]
        if not missing:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO w(rowid, x) VALUES(?, ?)", enumerate(missing))
            found: dict[int, list[tuple[int, str]]] = {}
            for term, doc, offset in self._db.execute("SELECT term, doc, offset FROM v"):
                found.setdefault(doc, []).append((offset, term))
            self._db.execute("DELETE FROM w")
            self._db.execute("COMMIT")
        for i, word in enumerate(missing):
            self.known[word] = tuple(term for _, term in sorted(found.get(i, ())))
