"""The Gradio app: chat with streamed, cited answers, a sources panel, filters, feedback and a library tab."""
from __future__ import annotations

from html import escape

import gradio as gr

from index.types import Filters, InputError

from . import library_tab, render, views_tab
from .service import Service

EXAMPLES = [
    "What did President Biden and President Xi discuss about Taiwan?",
    "What did Vice President Harris discuss with WHO Director-General Tedros?",
    "What did Secretary Blinken and Foreign Minister Kuleba discuss?",
    "What was said about grain exports from Ukraine?",
]
K = 5


def _filters(date_from: str, date_to: str, source: str, participant: str = "", kind: str = "") -> dict:
    """The filter object from the panel; bad dates raise InputError with the field named."""
    raw = {"date_from": (date_from or "").strip(), "date_to": (date_to or "").strip(), "source": (source or "").strip(),
           "participant": (participant or "").strip(), "kind": (kind or "").strip()}
    return Filters.from_json({key: value for key, value in raw.items() if value}).to_json()


def build(service: Service) -> gr.Blocks:
    """The Blocks app over one Service; css and js go to launch/mount (render.CSS, render.JS)."""

    def respond(question, messages, turns, date_from, date_to, source, participant, kind):
        question = (question or "").strip()
        if not question:
            gr.Warning("Type a question first.")
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        try:
            filters = _filters(date_from, date_to, source, participant, kind)
        except InputError as problem:
            gr.Warning(str(problem))
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        history = [{"question": t["question"], "cited": t["cited"]} for t in turns]
        messages = list(messages or []) + [{"role": "user", "content": escape(question)},
                                           {"role": "assistant", "content": "Searching the readouts…"}]
        yield messages, gr.skip(), gr.skip(), gr.skip(), ""
        text, answer = "", None
        try:
            for event in service.stream(question, filters, history, K):
                if isinstance(event, str):
                    text += event
                    messages[-1] = {"role": "assistant", "content": render.partial_html(text)}
                    yield messages, gr.skip(), gr.skip(), gr.skip(), gr.skip()
                else:
                    answer = event
        except InputError as problem:  # drop the turn again: chat messages and turns stay in step
            gr.Warning(f"Could not answer: {problem}")
            yield messages[:-2], gr.skip(), gr.skip(), gr.skip(), question
            return
        turn = len(turns) + 1
        cited = sorted({c.readout_id for c in answer.citations})
        section = render.turn_section(answer, turn, service.readouts_of(cited),
                                      {i: service.readout_metadata(i) for i in cited})
        turns = list(turns) + [{"question": question, "cited": cited, "filters": filters, "section": section,
                                "answer": {"question": question, **answer.to_json()}}]
        messages[-1] = {"role": "assistant", "content": render.answer_html(answer, turn)}
        panel = render.sources_html([t["section"] for t in turns])
        yield messages, turns, panel, answer.to_text(), gr.skip()

    def clear():
        return [], [], render.sources_html([]), "", "", ""

    def vote(turns, which: int, kind: str, comment: str):
        if not turns:
            return "Ask a question first; feedback goes with an answer."
        position = which % len(turns) if -len(turns) <= which < len(turns) else len(turns) - 1
        turn = turns[position]
        history = [{"question": t["question"], "cited": t["cited"]} for t in turns[:position]]
        record = service.record_feedback(turn["answer"], kind, comment, turn["filters"], history)
        return f"Thanks: recorded “{kind}” for question {position + 1} ({record['id']})."

    def on_like(turns, comment, data: gr.LikeData):
        kind = "helpful" if data.liked is True or data.liked == "Like" else "wrong"
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        return vote(turns, int(index) // 2, kind, comment)

    def opened(request: gr.Request):
        """A permalink (?readout=ID&paragraph=N) shows that paragraph; ?q= fills in a question."""
        params = request.query_params if request else {}
        # Without parameters, leave both alone: this answer may arrive after the user started typing.
        question = params.get("q", "")[:2000] or gr.skip()
        readout_id = params.get("readout")
        if not readout_id:
            return gr.skip(), question
        paragraph = params.get("paragraph", "")
        number = int(paragraph) if paragraph.isdigit() else None
        link = render.linked_paragraph(service.readout(readout_id), number, readout_id)
        return render.sources_html([], link), question

    def header() -> str:
        stats = service.stats()
        return (f"## Readouts QA\nAsk about {stats['readouts']:,} diplomatic readouts ({stats['paragraphs']:,} "
                "paragraphs). Every sentence of an answer cites its paragraph; click [n] to read it.")

    with gr.Blocks(title="Readouts QA") as demo:
        title = gr.Markdown(header())
        turns = gr.State([])
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(elem_id="chat", height=480, label="Conversation", sanitize_html=True,
                                      render_markdown=False, buttons=[], layout="bubble")
                    with gr.Row():
                        question = gr.Textbox(elem_id="question", placeholder="Ask about the readouts…", lines=1,
                                              max_length=2000, show_label=False, scale=5, autofocus=True)
                        ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    gr.Examples(EXAMPLES, inputs=question, label="Examples")
                    with gr.Row():
                        clear_button = gr.Button("Clear conversation", size="sm")
                    with gr.Accordion("Copy the last answer with its sources", open=False):
                        plain = gr.Textbox(show_label=False, lines=6, interactive=False, buttons=["copy"],
                                           elem_id="plain")
                    with gr.Accordion("Feedback on the last answer", open=False):
                        comment = gr.Textbox(label="Comment (optional)", lines=2, max_length=2000)
                        with gr.Row():
                            helpful = gr.Button("👍 Helpful", size="sm")
                            wrong = gr.Button("👎 Wrong", size="sm")
                        feedback_status = gr.Markdown()
                with gr.Column(scale=2):
                    with gr.Accordion("Filters (apply to the next question)", open=False):
                        with gr.Row():
                            date_from = gr.Textbox(label="From", placeholder="YYYY-MM-DD", max_length=10, elem_id="date-from")
                            date_to = gr.Textbox(label="To", placeholder="YYYY-MM-DD", max_length=10, elem_id="date-to")
                        source = gr.Dropdown(label="Source", choices=[""] + service.sources(), value="",
                                             allow_custom_value=True, info="any part of the source's name")
                        with gr.Row():
                            participant = gr.Textbox(label="Participant", placeholder="e.g. Kuleba", max_length=200,
                                                     elem_id="participant")
                            kind = gr.Dropdown(["", "call", "meeting", "visit", "statement", "other"], value="",
                                               label="Kind", elem_id="kind")
                    sources = gr.HTML(render.sources_html([]), elem_id="sources", js_on_load=None)
        with gr.Tab("Library"):
            library_tab.build(service, source, demo)
        views_tab.build(service, demo)  # Timeline, Compare, Who met whom

        inputs = [question, chat, turns, date_from, date_to, source, participant, kind]
        outputs = [chat, turns, sources, plain, question]
        for trigger in (question.submit, ask_button.click):
            trigger(respond, inputs, outputs, api_visibility="private", concurrency_limit=4)
        clear_button.click(clear, None, [chat, turns, sources, plain, comment, feedback_status], api_visibility="private")
        chat.clear(clear, None, [chat, turns, sources, plain, comment, feedback_status], api_visibility="private")
        helpful.click(lambda t, c: vote(t, -1, "helpful", c), [turns, comment], feedback_status, api_visibility="private")
        wrong.click(lambda t, c: vote(t, -1, "wrong", c), [turns, comment], feedback_status, api_visibility="private")
        chat.like(on_like, [turns, comment], feedback_status, api_visibility="private")
        demo.load(opened, None, [sources, question], api_visibility="private")
        demo.load(header, None, title, api_visibility="private")

        # Gradio's own client API (gradio_client): the same JSON as POST /api/ask and GET /api/search.
        def ask_json(question: str, filters: dict | None = None, history: list | None = None, k: int = 5) -> dict:
            try:
                return service.ask(question, filters, history, k).to_json()
            except InputError as problem:
                raise gr.Error(str(problem)) from None

        def search_json(question: str, filters: dict | None = None, history: list | None = None, k: int = 10) -> dict:
            try:
                return {"hits": [h.to_json() for h in service.search(question, filters, history, k)]}
            except InputError as problem:
                raise gr.Error(str(problem)) from None

        gr.api(ask_json, api_name="ask")
        gr.api(search_json, api_name="search")
    return demo
