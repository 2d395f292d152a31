"""The library tab: list and search readouts, read one whole, upload files to ingest, remove, statistics."""
from __future__ import annotations

from html import escape
from pathlib import Path

import gradio as gr

from index.load import SUPPORTED
from index.types import InputError

from . import render
from .service import Service

LIST_LIMIT = 200
HEADERS = ["title", "date", "kind", "participants", "source", "¶"]


def _stats_markdown(stats: dict) -> str:
    return (f"**{stats['readouts']:,}** readouts · **{stats['paragraphs']:,}** paragraphs · "
            f"{stats['chunks']:,} chunks · model `{stats['model']}` · last update {stats['last_update'] or 'never'}")


def check_uploaded(paths: list[str], demo: gr.Blocks) -> None:
    """Only bytes uploaded through this server's file picker may be ingested.

    The upload event receives file paths from the caller; a crafted call can name any file on the
    server (/etc/..., the index's own database), and under mount_gradio_app Gradio skips its own
    check. So each path must be one Gradio's upload route handed out, inside its upload folder, and
    no link.
    """
    from gradio.utils import get_upload_folder

    folder = Path(get_upload_folder()).resolve()
    for path in paths:
        given = Path(path)
        name = given.name
        if (path not in demo.upload_file_set or given.is_symlink() or not given.is_file()
                or not given.resolve().is_relative_to(folder)):
            raise InputError(f"{name}: not a file uploaded to this server; choose it with the file picker")


def build(service: Service, source_filter: gr.Dropdown, demo: gr.Blocks) -> None:
    """Lay out the tab inside the current Blocks context."""

    def listing(text: str, participant: str = "", kind: str = ""):
        filters = {"participant": (participant or "").strip(), "kind": kind or ""}
        try:
            rows = service.readouts((text or "").strip(), LIST_LIMIT + 1, {k: v for k, v in filters.items() if v})
        except InputError as problem:
            return gr.skip(), str(problem), gr.skip()
        note = (f"First {LIST_LIMIT} matches; narrow the search to see others." if len(rows) > LIST_LIMIT
                else f"{len(rows)} readout(s).")
        rows = rows[:LIST_LIMIT]
        return ([[r.title, r.event_date, r.kind, ", ".join(r.participants), r.source, r.paragraphs] for r in rows],
                note, [r.id for r in rows])

    def open_row(ids, event: gr.SelectData):
        """Read the clicked readout; the removal box is left alone, so removing stays a deliberate act."""
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        if not isinstance(row, int) or not 0 <= row < len(ids):
            return gr.skip()
        return show(ids[row])

    def show(readout_id: str):
        readout = service.readout((readout_id or "").strip())
        if readout is None:
            return f"<p>No readout <code>{escape(readout_id or '')}</code> in this index.</p>"
        return render.readout_html(readout, meta=service.readout_metadata(readout.id))

    def upload(files, progress=gr.Progress()):
        if not files:
            return "<p>Choose one or more files first.</p>", gr.skip(), gr.skip()
        pairs = [(str(f), Path(str(f)).name) for f in (files if isinstance(files, list) else [files])]
        progress(0, desc="reading files")
        try:
            check_uploaded([path for path, _ in pairs], demo)
            report, per_file = service.ingest(pairs, lambda done, total, stage: progress(
                (done, max(total, 1)), unit="readouts" if stage == "chunking" else "chunks", desc=stage))
        except InputError as problem:
            return f'<p class="notice">{escape(str(problem))}</p>', gr.skip(), gr.skip()
        rows = []
        for name, ids in per_file.items():
            parts = []
            for label, done in (("added", report.added), ("updated", report.updated), ("unchanged", report.unchanged)):
                mine = [i for i in ids if i in done]
                if mine:
                    parts.append(f"{label} {len(mine)}: " + ", ".join(f"<code>{escape(i)}</code>" for i in mine[:20]))
            errors = [m for m in report.failed if m.startswith(name)]
            parts += [f'<span class="unsupported">error</span> {escape(m)}' for m in errors]
            rows.append(f"<li><b>{escape(name)}</b>: {'; '.join(parts) or 'no readouts found'}</li>")
        others = [m for m in report.failed if not any(m.startswith(name) for name in per_file)]
        rows += [f'<li><span class="unsupported">error</span> {escape(m)}</li>' for m in others]
        html = f"<p>{escape(report.summary())}</p><ul>{''.join(rows)}</ul>"
        return html, _stats_markdown(service.stats()), gr.update(choices=[""] + service.sources())

    def remove(readout_id: str | None):
        readout_id = (readout_id or "").strip()
        if not readout_id:  # nothing chosen, or the confirmation was cancelled
            return "Nothing removed.", gr.skip()
        removed, unknown = service.remove([readout_id])
        message = f"Removed `{readout_id}`." if removed else f"No readout `{readout_id}` in this index."
        return message, _stats_markdown(service.stats())

    with gr.Row():
        with gr.Column(scale=3):
            with gr.Row():
                search = gr.Textbox(label="Search the library (id, title or source)", placeholder="e.g. Kuleba", scale=3)
                participant = gr.Textbox(label="Participant", placeholder="e.g. Blinken", scale=2,
                                         elem_id="library-participant")
                kind = gr.Dropdown(["", "call", "meeting", "visit", "statement", "other"], value="", label="Kind",
                                   scale=1, elem_id="library-kind")
            rows, count, first_ids = listing("")
            note = gr.Markdown(count)
            ids = gr.State(first_ids)  # the id of each row shown, in order
            table = gr.Dataframe(rows, headers=HEADERS, interactive=False, wrap=True, max_height=420, elem_id="library",
                                 column_widths=["34%", "10%", "7%", "24%", "20%", "5%"])
            reader = gr.HTML("<p>Select a readout to read it whole.</p>", elem_id="reader", js_on_load=None)
        with gr.Column(scale=2):
            stats = gr.Markdown(_stats_markdown(service.stats()))
            refresh = gr.Button("Refresh statistics", size="sm")
            files = gr.File(label=f"Upload readouts ({', '.join(SUPPORTED)}; up to 10 MB each)",
                            file_count="multiple", file_types=list(SUPPORTED), elem_id="upload")
            ingest = gr.Button("Ingest uploaded files", variant="primary")
            report = gr.HTML(js_on_load=None)
            # Typed, never filled in by a click on a row: a mis-click must not be one step from deleting.
            chosen = gr.Textbox(label="Readout id to remove (type it; the reader shows each id)", elem_id="remove-id")
            remove_button = gr.Button("Remove readout", variant="stop")
            removed = gr.Markdown()

    listed = [search, participant, kind]
    demo.load(listing, listed, [table, note, ids], api_visibility="private")  # uploads since start-up show on reload
    gr.on([search.change, participant.change, kind.change], listing, listed, [table, note, ids],
          api_visibility="private", trigger_mode="always_last")
    table.select(open_row, ids, reader, api_visibility="private")
    refresh.click(lambda: _stats_markdown(service.stats()), None, stats, api_visibility="private")
    ingest.click(upload, files, [report, stats, source_filter], api_visibility="private", concurrency_limit=1) \
        .then(listing, listed, [table, note, ids], api_visibility="private")
    remove_button.click(remove, chosen, [removed, stats], api_visibility="private",
                        js="(id) => (id && confirm('Remove readout ' + id + ' from the index?')) ? id : ''") \
        .then(listing, listed, [table, note, ids], api_visibility="private")
