"""The conversation kept in the browser is accepted back only as this server answered it (ui/chat_tab.py)."""
from __future__ import annotations

import asyncio
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


def _handler(demo, name: str):
    return next(block.fn for block in demo.fns.values() if getattr(block.fn, "__name__", "") == name)


def _stop(stopped):
    """The Stop handler (a coroutine: it cancels the answer's events first) run to its result."""
    return lambda *args: asyncio.run(stopped(*args))


def test_stop_puts_the_question_back_even_when_the_chat_it_sends_has_not_caught_up(library):
    """A Stop clicked the moment it shows may send the chat as it was before the question (seen in CI):
    the question comes back from what this server was answering for that page, not from the chat."""
    import gradio as gr

    from ui.app import build
    from ui.service import Service

    demo = build(Service(library))
    respond, stopped = _handler(demo, "respond"), _stop(_handler(demo, "stopped"))
    question = "What did President Biden discuss with Prime Minister Kishida?"
    page, other = gr.Request(session_hash="page-1"), gr.Request(session_hash="page-2")
    answering = respond(question, [], None, None, "", "", "", page)
    first = next(answering)
    assert first[4] == "" and first[6]["visible"] is True  # the box emptied, Stop shown
    shown = stopped([], [], page)  # the chat as it was before the question: no pending message in it
    assert shown[4] == question and shown[0] == [] and shown[1] == []
    assert not isinstance(stopped([], [], other)[4], str)  # another page's Stop does not get it
    answering.close()
    # Answered to the end, nothing is pending: a late Stop falls back to the chat it was sent.
    finished = list(respond(question, [], None, None, "", "", "", page))[-1]
    assert finished[1] and finished[1][-1]["question"] == question
    assert not isinstance(stopped(finished[0], finished[1], page)[4], str)


def test_an_answer_that_finishes_as_stop_is_clicked_is_dropped(library):
    """The cancel may come as the answer finishes (seen once in a full local run): Stop has put the conversation
    back, so the answer's last update must not put the cancelled turn back in the chat."""
    import gradio as gr

    from ui.app import build
    from ui.service import Service

    demo = build(Service(library))
    respond, stopped = _handler(demo, "respond"), _stop(_handler(demo, "stopped"))
    question = "What did President Biden discuss with Prime Minister Kishida?"
    page = gr.Request(session_hash="page-3")
    answering = respond(question, [], None, None, "", "", "", page)
    next(answering)  # Stop is shown
    assert stopped([], [], page)[4] == question  # Stop clicked; the cancel does not reach the generator
    rest = list(answering)  # ... which runs on to its end
    assert not any(update[1] for update in rest if isinstance(update[1], list))  # no turn kept


def test_stop_cancels_the_answer_of_its_page_before_it_answers(library):
    """Gradio's own cancel runs beside the Stop handler, not before it (CI saw an answer come back after Stop):
    the handler cancels the running answer of its page first, and waits for it, so its update comes last."""
    import gradio as gr

    from ui.app import build
    from ui.service import Service

    demo = build(Service(library))
    stopped = _handler(demo, "stopped")
    answering = [i for i, block in demo.fns.items() if getattr(block.fn, "__name__", "") == "respond"]

    async def clicked():
        # Tasks named as Gradio's queue names them: "<session>_<fn id><gradio-sep><event id>".
        mine = asyncio.create_task(asyncio.sleep(60), name=f"page-4_{answering[0]}<gradio-sep>e1")
        other = asyncio.create_task(asyncio.sleep(60), name=f"page-5_{answering[0]}<gradio-sep>e2")
        await asyncio.sleep(0)
        await stopped([], [], gr.Request(session_hash="page-4"))
        cancelled = (mine.cancelled(), other.cancelled())
        other.cancel()
        return cancelled

    assert asyncio.run(clicked()) == (True, False)
