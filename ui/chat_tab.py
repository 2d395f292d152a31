"""The Ask tab: streamed, cited answers with stop, retry, edit, undo and copy; an answer exported as Markdown;
the conversation kept in the browser across reloads; filters with date pickers; feedback."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import tempfile
from collections import OrderedDict
from html import escape, unescape
from pathlib import Path

import gradio as gr
from gradio.utils import cancel_tasks

from index.types import Filters, InputError

from . import render, render_chat
from .service import Service

EXAMPLES = [
    "What did President Biden and President Xi discuss about Taiwan?",
    "What did Vice President Harris discuss with WHO Director-General Tedros?",
    "What did Secretary Blinken and Foreign Minister Kuleba discuss?",
    "What was said about grain exports from Ukraine?",
]
K = 5
PENDING_KEPT = 10_000  # pages with an answer under way that Stop may still put back (see build)
KEPT = 50  # turns kept in the browser: older ones are dropped so localStorage (about 5 MB) never fills up
STORAGE_KEY = "readouts-qa-conversation"
LAST = "Export the last answer (Markdown)"
# The conversation lives in the browser, so a page could send back turns the server never answered. Each
# turn is signed with a key of this process: a vote (feedback.jsonl becomes gold for evaluation) and a
# restored conversation are accepted only as the server made them. A restart forgets the key, as
# gr.BrowserState forgets its own, so a conversation lasts as long as the server process.
SIGNING_KEY = secrets.token_bytes(32)


def _signature(turn: dict) -> str:
    """HMAC of what a turn says (not its hits: their float scores need not survive a trip through JavaScript)."""
    answer = {key: value for key, value in turn["answer"].items() if key != "hits"}
    said = json.dumps([turn["question"], turn["cited"], turn["filters"], answer], sort_keys=True, ensure_ascii=False)
    return hmac.new(SIGNING_KEY, said.encode("utf-8"), hashlib.sha256).hexdigest()


def _genuine(turns) -> bool:
    """Every turn as this server answered it."""
    try:
        return isinstance(turns, list) and all(hmac.compare_digest(str(t["signature"]), _signature(t)) for t in turns)
    except (KeyError, TypeError, AttributeError):
        return False


def _filters(date_from, date_to, source, participant="", kind="") -> dict:
    """The filter object from the panel; bad dates raise InputError with the field named."""
    raw = {"date_from": date_from, "date_to": date_to, "source": source, "participant": participant, "kind": kind}
    cleaned = {key: str(value or "").strip() for key, value in raw.items()}
    return Filters.from_json({key: value for key, value in cleaned.items() if value}).to_json()


def _text(content) -> str:
    """A chat message's text as the browser sends it back (a string, or a list of parts in Gradio 6)."""
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def build(service: Service, demo: gr.Blocks) -> gr.Dropdown:
    """Lay out the tab inside the current Blocks context; returns the source filter (the library updates it)."""

    EXPORTS = Path(tempfile.mkdtemp(prefix="readouts-export-"))  # one per app; Gradio serves copies from its cache
    # The question each page (session) is being answered, kept here for Stop to put back in the box. Stop
    # used to read it from the chat as the browser sent it, but a Stop clicked the moment it shows can
    # arrive with the chat as it was before the question (CI saw an empty box). A closed page leaves its
    # entry behind, so only the newest PENDING_KEPT are kept.
    pending_questions: OrderedDict[str, str] = OrderedDict()

    def remember(session: str, question: str | None) -> None:
        pending_questions.pop(session, None)
        if question is not None:
            pending_questions[session] = question
            while len(pending_questions) > PENDING_KEPT:
                pending_questions.popitem(last=False)

    def section(answer, turn: int) -> str:
        cited = sorted({c.readout_id for c in answer.citations})
        return render_chat.turn_section(answer, turn, service.readouts_of(cited),
                                        {i: service.readout_metadata(i) for i in cited})

    def view(turns: list, link: str = "") -> tuple[list, str]:
        """Chat messages and sources panel of a conversation, rendered (and so escaped) from its answers."""
        messages, sections = [], []
        for turn, kept in enumerate(turns, start=1):
            answer = render_chat.answer_from_json(kept["question"], kept["answer"])
            messages += [{"role": "user", "content": escape(kept["question"])},
                         {"role": "assistant", "content": render_chat.answer_html(answer, turn, kept["filters"])}]
            sections.append(section(answer, turn))
        return messages, render.sources_html(sections, link)

    def exported(turns: list, chosen: int | None = None):
        """The export button: answer `chosen` (default the last) with its sources as a Markdown file."""
        position = len(turns) - 1 if chosen is None else chosen
        if not 0 <= position < len(turns):
            return gr.update(value=None, label=LAST)
        turn = turns[position]
        text = render_chat.markdown(render_chat.answer_from_json(turn["question"], turn["answer"]), turn["filters"])
        # A folder per content: every answer and page load re-offers the file, and the same text is written once.
        folder = EXPORTS / hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"readouts-answer-{position + 1}.md"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        # A chosen answer that is the last one is named as such: a stray select on it (a click on the page before
        # its script took [n] clicks, seen once in CI after a reload) must not rename the button.
        last = position == len(turns) - 1
        return gr.update(value=str(path), label=LAST if last else f"Export answer {position + 1} (Markdown)")

    def chosen(turns, data: gr.SelectData):
        """A click on an answer makes it the one to export (a click on its [n] is taken by the page's script)."""
        position = _position(data.index)
        return exported(turns, position) if _genuine(turns) and position < len(turns) else gr.skip()

    def answer_text(turns: list) -> str:
        """The last answer as plain text with its sources (the copy box)."""
        if not turns:
            return ""
        return render_chat.answer_from_json(turns[-1]["question"], turns[-1]["answer"]).to_text()

    def answer_turn(question: str, kept: list, filters: dict, session: str):
        """Answer `question` after the turns `kept`: yields chat, turns, sources, plain, question box, export, stop."""
        remember(session, question)  # before Stop is shown (the first yield), so Stop always finds it
        history = [{"question": t["question"], "cited": t["cited"]} for t in kept]
        messages, _ = view(kept)
        messages += [{"role": "user", "content": escape(question)},
                     {"role": "assistant", "content": "Searching the readouts…"}]
        yield messages, gr.skip(), gr.skip(), gr.skip(), "", gr.skip(), gr.update(visible=True)
        text, answer = "", None
        try:
            for event in service.stream(question, filters, history, K):
                if isinstance(event, str):
                    text += event
                    messages[-1] = {"role": "assistant", "content": render_chat.partial_html(text)}
                    yield messages, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
                else:
                    answer = event
        except InputError as problem:  # the conversation goes back to the kept turns; the question to the box
            remember(session, None)
            gr.Warning(f"Could not answer: {problem}")
            messages, panel = view(kept)
            yield messages, kept, panel, answer_text(kept), question, exported(kept), gr.update(visible=False)
            return
        if session and pending_questions.get(session) != question:
            return  # Stop took this question back (the cancel came as the answer finished): the answer is dropped
        remember(session, None)
        cited = sorted({c.readout_id for c in answer.citations})
        turn = {"question": question, "cited": cited, "filters": filters, "answer": {"question": question, **answer.to_json()}}
        turns = (list(kept) + [{**turn, "signature": _signature(turn)}])[-KEPT:]
        messages, panel = view(turns)
        yield messages, turns, panel, answer.to_text(), gr.skip(), exported(turns), gr.update(visible=False)

    nothing = (gr.skip(),) * 7

    def session_of(request: gr.Request | None) -> str:
        return getattr(request, "session_hash", None) or ""

    def respond(question, turns, date_from, date_to, source, participant, kind, request: gr.Request):  # not "ask": that api_name is gr.api's
        question = (question or "").strip()
        if not question:
            gr.Warning("Type a question first.")
            yield nothing
            return
        try:
            filters = _filters(date_from, date_to, source, participant, kind)
        except InputError as problem:
            gr.Warning(str(problem))
            yield nothing
            return
        yield from answer_turn(question, list(turns or []), filters, session_of(request))

    # Each message pair is one turn, so message index // 2 is the turn; a retried or edited turn keeps the
    # filters it was first asked under, and the turns after it are dropped (they followed from its answer).
    def retry(turns, data: gr.RetryData, request: gr.Request):
        position = _position(data.index)
        if position >= len(turns or []):
            yield nothing
            return
        yield from answer_turn(turns[position]["question"], turns[:position], turns[position]["filters"],
                               session_of(request))

    def edit(turns, data: gr.EditData, request: gr.Request):
        position, question = _position(data.index), unescape(_text(data.value)).strip()
        if position >= len(turns or []) or not question:
            yield nothing
            return
        yield from answer_turn(question[:2000], turns[:position], turns[position]["filters"], session_of(request))

    def undo(turns, data: gr.UndoData):
        position = _position(data.index)
        if position >= len(turns or []):
            return nothing
        kept = turns[:position]
        messages, panel = view(kept)
        return messages, kept, panel, answer_text(kept), turns[position]["question"], exported(kept), gr.skip()

    answering: list[int] = []  # the ids of the events that answer (filled in below, once they exist)

    async def stopped(messages, turns, request: gr.Request):
        """After a cancel: the conversation as it was when Stop was clicked (an answer that still slipped
        through is dropped with it), and the question that got no answer back in the box."""
        # Gradio's own cancel (cancels= below) runs beside this handler, not before it: an answer step under
        # way could still send its output after ours and put the answer back. Cancelling the answer here
        # first (awaited, as Gradio's /cancel does) sends ours last; CI caught that race once.
        await cancel_tasks({f"{session_of(request)}_{fn_id}" for fn_id in answering})
        turns = turns if _genuine(turns) else []
        pending = messages[2 * len(turns)] if len(messages or []) > 2 * len(turns) else None
        shown, panel = view(turns)
        question = pending_questions.pop(session_of(request), None)
        if question is None:  # already answered (or a restart): what the chat showed, if anything
            question = unescape(_text(pending["content"])) if pending else gr.skip()
        return shown, turns, panel, answer_text(turns), question, exported(turns), gr.update(visible=False)

    def clear():
        return [], [], render.sources_html([]), "", "", "", exported([])

    def vote(turns, which: int, kind: str, comment: str):
        if not turns:
            return "Ask a question first; feedback goes with an answer."
        if not _genuine(turns):
            return "This conversation was not answered by this server (restarted since?); ask again to give feedback."
        position = which % len(turns) if -len(turns) <= which < len(turns) else len(turns) - 1
        turn = turns[position]
        history = [{"question": t["question"], "cited": t["cited"]} for t in turns[:position]]
        record = service.record_feedback(turn["answer"], kind, comment, turn["filters"], history)
        return f"Thanks: recorded “{kind}” for question {position + 1} ({record['id']})."

    def on_like(turns, comment, data: gr.LikeData):
        kind = "helpful" if data.liked is True or data.liked == "Like" else "wrong"
        return vote(turns, _position(data.index), kind, comment)

    def opened(stored, request: gr.Request):
        """The kept conversation; a permalink (?readout=ID&paragraph=N) shows that paragraph; ?q= fills in a question."""
        params = request.query_params if request else {}
        # Without ?q=, leave the box alone: this answer may arrive after the user started typing.
        question = params.get("q", "")[:2000] or gr.skip()
        link = ""
        if params.get("readout"):
            paragraph = params.get("paragraph", "")
            link = render.linked_paragraph(service.readout(params["readout"]), int(paragraph) if paragraph.isdigit()
                                           else None, params["readout"])
        turns = list(stored)[-KEPT:] if isinstance(stored, list) else []
        if not _genuine(turns):  # from before a restart, an older version of the app, or edited: start afresh
            turns = []
        try:
            messages, panel = view(turns, link)
        except (KeyError, TypeError, ValueError, AttributeError):
            turns, (messages, panel) = [], view([], link)
        return messages, turns, panel, answer_text(turns), question, exported(turns)

    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(elem_id="chat", height=480, label="Conversation", sanitize_html=True,
                              render_markdown=False, buttons=["copy"], layout="bubble", editable="user")
            with gr.Row():
                question = gr.Textbox(elem_id="question", placeholder="Ask about the readouts…", lines=1,
                                      max_length=2000, show_label=False, scale=5, autofocus=True)
                ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                stop = gr.Button("Stop", variant="stop", scale=1, elem_id="stop", visible=False)
            gr.Examples(EXAMPLES, inputs=question, label="Examples")
            with gr.Row():
                clear_button = gr.Button("Clear conversation", size="sm")
                export = gr.DownloadButton(LAST, size="sm", elem_id="export")
            with gr.Accordion("Copy the last answer with its sources", open=False):
                plain = gr.Textbox(show_label=False, lines=6, interactive=False, buttons=["copy"], elem_id="plain")
            with gr.Accordion("Feedback on the last answer", open=False):
                comment = gr.Textbox(label="Comment (optional)", lines=2, max_length=2000)
                with gr.Row():
                    helpful = gr.Button("👍 Helpful", size="sm")
                    wrong = gr.Button("👎 Wrong", size="sm")
                feedback_status = gr.Markdown()
        with gr.Column(scale=2):
            with gr.Accordion("Filters (apply to the next question)", open=False):
                with gr.Row():
                    date_from = gr.DateTime(label="From", include_time=False, type="string", elem_id="date-from")
                    date_to = gr.DateTime(label="To", include_time=False, type="string", elem_id="date-to")
                source = gr.Dropdown(label="Source", choices=[""] + service.sources(), value="",
                                     allow_custom_value=True, info="any part of the source's name")
                with gr.Row():
                    participant = gr.Textbox(label="Participant", placeholder="e.g. Kuleba", max_length=200,
                                             elem_id="participant")
                    kind = gr.Dropdown(["", "call", "meeting", "visit", "statement", "other"], value="",
                                       label="Kind", elem_id="kind")
            sources = gr.HTML(render.sources_html([]), elem_id="sources", js_on_load=None)
    # Kept in the browser's localStorage (encrypted with a key made at server start, so a restart forgets).
    turns = gr.BrowserState([], storage_key=STORAGE_KEY)

    outputs = [chat, turns, sources, plain, question, export, stop]
    private = {"api_visibility": "private", "concurrency_limit": 4, "concurrency_id": "answer"}
    asked = [trigger(respond, [question, turns, date_from, date_to, source, participant, kind], outputs, **private)
             for trigger in (question.submit, ask_button.click)]
    asked.append(chat.retry(retry, turns, outputs, **private))
    asked.append(chat.edit(edit, turns, outputs, **private))
    answering.extend(dependency["id"] for dependency in asked)
    chat.undo(undo, turns, outputs, api_visibility="private")
    stop.click(stopped, [chat, turns], outputs, cancels=asked, api_visibility="private")
    cleared = [chat, turns, sources, plain, comment, feedback_status, export]
    clear_button.click(clear, None, cleared, api_visibility="private")
    chat.clear(clear, None, cleared, api_visibility="private")
    helpful.click(lambda t, c: vote(t, -1, "helpful", c), [turns, comment], feedback_status, api_visibility="private")
    wrong.click(lambda t, c: vote(t, -1, "wrong", c), [turns, comment], feedback_status, api_visibility="private")
    chat.like(on_like, [turns, comment], feedback_status, api_visibility="private")
    chat.select(chosen, turns, export, api_visibility="private")
    demo.load(opened, turns, [chat, turns, sources, plain, question, export], api_visibility="private")
    return source


def _position(index) -> int:
    """The turn of a chat message index (Gradio sends an int, or a pair for tuple-style chats)."""
    return int(index[0] if isinstance(index, (list, tuple)) else index) // 2
