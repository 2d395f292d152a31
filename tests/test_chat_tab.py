"""The conversation kept in the browser is accepted back only as this server answered it (ui/chat_tab.py)."""
from __future__ import annotations

import json

from ui import chat_tab


def _turn() -> dict:
    turn = {"question": "Q?", "cited": ["a"], "filters": {"date_from": "2022-01-01"},
            "answer": {"question": "Q?", "answer": "Yes [1].", "refused": False, "hits": [{"score": 1.0}],
                       "citations": [{"n": 1, "readout_id": "a", "paragraph": 2, "quote": "Yes"}]}}
    return {**turn, "signature": chat_tab._signature(turn)}


def test_a_signed_turn_survives_a_trip_through_json_and_javascript_numbers():
    turn = json.loads(json.dumps(_turn()))
    turn["answer"]["hits"][0]["score"] = 1  # JavaScript writes 1.0 back as 1
    assert chat_tab._genuine([turn])


def test_an_edited_or_unsigned_turn_is_refused():
    for change in (lambda t: t["answer"]["citations"][0].update(paragraph=3), lambda t: t.update(cited=["b"]),
                   lambda t: t["answer"].update(answer="No [1]."), lambda t: t.pop("signature")):
        turn = _turn()
        change(turn)
        assert not chat_tab._genuine([_turn(), turn])
    assert not chat_tab._genuine("not a list") and not chat_tab._genuine([{"question": "Q?"}])
    assert chat_tab._genuine([])
