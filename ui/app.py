"""The Gradio app: the Ask tab (ui/chat_tab.py), the library, the analyst views, and Gradio's client API."""
from __future__ import annotations

import gradio as gr

from index.types import InputError

from . import chat_tab, library_tab, views_tab
from .service import Service


def build(service: Service) -> gr.Blocks:
    """The Blocks app over one Service; css and js go to launch/mount (render.CSS, render.JS)."""

    def header() -> str:
        stats = service.stats()
        return (f"## Readouts QA\nAsk about {stats['readouts']:,} diplomatic readouts ({stats['paragraphs']:,} "
                "paragraphs). Every sentence of an answer cites its paragraph; click [n] to read it.")

    with gr.Blocks(title="Readouts QA") as demo:
        title = gr.Markdown(header())
        with gr.Tab("Ask"):
            source = chat_tab.build(service, demo)
        with gr.Tab("Library"):
            library_tab.build(service, source, demo)
        views_tab.build(service, demo)  # Timeline, Compare, Who met whom

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
