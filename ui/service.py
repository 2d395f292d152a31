"""The one Library of a server process, shared by the Gradio app and the HTTP API.

Reads (search, ask, list, show) run side by side, also while an upload embeds: the Library gives
each thread its own SQLite connection and swaps its caches only for the moment after a commit
(index/store.py). Writes queue behind each other and behind another process writing the folder.
"""
from __future__ import annotations

import datetime as _dt
import json
import threading
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

from index.api import Library, check_k, check_question
from index.ingest import IngestReport
from index.load import SUPPORTED, load_paths
from index.types import Filters, Hit, InputError, Readout, parse_history
from qa import ask as qa_ask
from qa.ask import plan
from qa.compare import Comparison, compare
from qa.directory import directory
from qa.language import Language, language_over_time
from qa.timeline import Timeline, timeline
from qa.types import Answer

FEEDBACK_FILE = "feedback.jsonl"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
WRITE_WAIT = 60.0  # seconds an upload or removal waits for another writer (a CLI ingest, say) before it gives up


class Service:
    """Library access for interfaces: validated input, writes that wait for each other, feedback records."""

    def __init__(self, library: Library, answerer=None):
        self.library = library
        self.answerer = answerer
        self._feedback_lock = threading.Lock()

    # --- questions ------------------------------------------------------------------------
    def search(self, question: Any, filters: Any = None, history: Any = None, k: Any = 10) -> list[Hit]:
        """The k best paragraphs (validation errors raise InputError)."""
        check_k(k)
        return self.library.search(question, filters, history, k)

    def ask(self, question: Any, filters: Any = None, history: Any = None, k: Any = 5) -> Answer:
        """A whole answer, with the LLM answerer when configured."""
        answer = None
        for event in self.stream(question, filters, history, k):
            answer = event
        return answer

    def stream(self, question: Any, filters: Any = None, history: Any = None, k: Any = 5) -> Iterator[str | Answer]:
        """Text as it arrives from an LLM answerer (str pieces), then the verified Answer last."""
        check_question(question)
        check_k(k)  # qa.ask widens k to 5 before retrieve checks it, so k=0 would pass there
        turns = parse_history(history)
        if self.answerer is None:
            yield qa_ask(self.library, question, filters, turns, k)
            return
        # The LLM gets the evidence and refusals that the extractive answerer gets (qa.ask.plan).
        prepared = plan(self.library, question, filters, turns, k)
        if prepared.refusal or prepared.route == "metadata":
            yield qa_ask(self.library, question, filters, turns, k)
            return
        scored = prepared.scored
        streamer = getattr(self.answerer, "stream", None)
        if streamer is None:
            yield _trim(self.answerer(question.strip(), scored, turns), k)
            return
        for event in streamer(question.strip(), scored, turns):
            yield _trim(event, k) if isinstance(event, Answer) else event

    # --- the library ----------------------------------------------------------------------
    def readout(self, readout_id: str) -> Readout | None:
        return self.library.readout(readout_id)

    def readouts_of(self, ids: list[str]) -> dict[str, Readout | None]:
        """Several readouts at once (the sources panel shows neighbouring paragraphs)."""
        return {i: self.library.readout(i) for i in dict.fromkeys(ids)}

    def readouts(self, text: str = "", limit: int | None = None, filters: Any = None):
        return self.library.readouts(text, limit, filters)

    def readout_metadata(self, readout_id: str) -> dict:
        return self.library.readout_metadata(readout_id)

    def participants(self, text: str = "") -> list[dict]:
        return self.library.participants(text)

    def stats(self) -> dict:
        return self.library.stats()

    def sources(self) -> list[str]:
        """The distinct sources in the index, for the source filter."""
        return sorted({r.source for r in self.library.readouts() if r.source})

    def ingest(self, files: list[tuple[str, str]], progress=None) -> tuple[IngestReport, dict[str, list[str]]]:
        """Ingest uploaded (path, original name) files; returns the report and each file's readout ids."""
        names = {Path(path): name for path, name in files}
        for path, name in files:
            if Path(name).suffix.lower() not in SUPPORTED:
                raise InputError(f"{name}: not a supported format ({', '.join(SUPPORTED)})")
            if Path(path).stat().st_size > MAX_UPLOAD_BYTES:
                raise InputError(f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        per_file = {name: [r.id for r in load_paths([Path(path)], names=names).readouts] for path, name in files}
        report = self.library.ingest_paths([Path(p) for p, _ in files], progress, names=names, wait=WRITE_WAIT)
        return report, per_file

    def remove(self, readout_ids: list[str]) -> tuple[list[str], list[str]]:
        return self.library.remove(readout_ids, wait=WRITE_WAIT)

    # --- feedback -------------------------------------------------------------------------
    def record_feedback(self, answer: dict, vote: str, comment: str = "", filters: Any = None,
                        history: Any = None) -> dict:
        """Append one vote to <index>/feedback.jsonl as a question-set line (kind "feedback")."""
        if vote not in ("helpful", "wrong"):
            raise InputError("feedback: must be 'helpful' or 'wrong'")
        cited = [{"doc": c["readout_id"], "paragraph": c["paragraph"]} for c in answer.get("citations", [])]
        record = {
            "id": f"feedback-{uuid.uuid4().hex[:12]}",
            "question": answer.get("question", ""),
            "answers": [],
            # A helpful answer's citations are its gold; a wrong one's gold is unknown until someone reviews it.
            "gold": cited if vote == "helpful" else [],
            "kind": "feedback",
            "filters": Filters.from_json(filters).to_json(),
            "history": list(history or []),
            "feedback": vote,
            "comment": (comment or "").strip()[:2000],
            "answer": answer.get("answer", ""),
            "cited": cited,
            "refused": bool(answer.get("refused")),
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._feedback_lock, open(self.library.folder / FEEDBACK_FILE, "a", encoding="utf-8") as out:
            out.write(line)
        return record

    # --- analyst views (timeline, language over time, compare, who met whom) ---------------
    def timeline(self, participant: Any = None, with_: Any = None, country: Any = None, topic: Any = None,
                 date_from: Any = None, date_to: Any = None) -> Timeline:
        """qa.timeline.timeline over this library (bad input raises InputError)."""
        return timeline(self.library, participant, with_, country, topic, date_from, date_to)

    def language(self, topic: Any = None, participant: Any = None, with_: Any = None, country: Any = None,
                 date_from: Any = None, date_to: Any = None) -> Language:
        """qa.language.language_over_time: phrases that recur, appear or disappear, with first and last use."""
        return language_over_time(self.library, topic, participant, with_, country, date_from, date_to)

    def compare(self, left: Any, right: Any) -> Comparison:
        """qa.compare.compare: two readouts aligned sentence by sentence."""
        return compare(self.library, left, right)

    def directory(self, text: str = "", limit: int | None = None) -> list[dict]:
        """Participants with counts, first and last contact, and counterparts."""
        return directory(self.library, (text or "").strip(), limit)


def _trim(answer: Answer, k: int) -> Answer:
    return replace(answer, hits=answer.hits[:k])

