"""The analyst tabs of the app: Timeline (contacts per month, entries that open their paragraph, language
over time), Compare (two readouts side by side) and Who met whom (the participants directory).

`build` lays them out inside the app's Blocks, after the Library tab. The Compare view also opens from a
link, `/?compare=ID&with=OTHER` (the citation cards' "Compare with the other readout of this event").
"""
from __future__ import annotations

from html import escape

import gradio as gr

from index.types import InputError

from . import render
from .render_views import bars_figure, comparison_html, language_html, months_figure
from .service import Service

ENTRY_HEADERS = ["event date", "kind", "title", "participants", "quote (click a row to open its paragraph)"]
DIRECTORY_HEADERS = ["name", "role", "country", "readouts", "first", "last", "counterparts"]
DIRECTORY_LIMIT = 300
TOP = 15  # bars in the directory's charts


def _select_tab(label: str) -> str:
    """JS that clicks the app's tab with this label (Gradio exposes no selected= for the app's own tab row)."""
    return ("(...args) => { const tab = [...document.querySelectorAll('button[role=\"tab\"]')]"
            f".find((b) => b.textContent.trim() === {label!r}); if (tab) tab.click(); return args; }}")


def _row(event: gr.SelectData, count: int) -> int | None:
    row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
    return row if isinstance(row, int) and 0 <= row < count else None


def build(service: Service, demo: gr.Blocks) -> None:
    """Lay out the Timeline, Compare and Who met whom tabs inside the current Blocks context."""

    # --- timeline --------------------------------------------------------------------------
    def show_timeline(participant, with_, country, topic, date_from, date_to):
        try:
            result = service.timeline(participant or None, with_ or None, country or None, topic or None,
                                      (date_from or "").strip() or None, (date_to or "").strip() or None)
        except InputError as problem:
            gr.Warning(str(problem))
            return f"_{problem}_", None, [], [], "", ""
        entries = result.entries
        contacts = sum(count for _, count in result.by_month)
        who = " and ".join(n for n in (participant, with_) if n) or country
        about = f" about “{topic.strip()}”" if topic and topic.strip() else ""
        summary = (f"**{len(entries)}** readouts of **{contacts}** contacts ({who}{about})"
                   + (f", {entries[0].event_date} to {entries[-1].event_date}." if entries else "."))
        rows = [[e.event_date, e.kind, e.title, ", ".join(p.name for p in e.participants),
                 f"¶{e.paragraph}: {e.quote}"] for e in entries]
        state = [{"readout_id": e.readout_id, "paragraph": e.paragraph, "quote": e.quote} for e in entries]
        figure = months_figure(result.by_month, f"Contacts per month: {who}{about}")
        hint = '<p class="notice">Click an entry to read its paragraph.</p>' if entries else ""
        return summary, figure, rows, state, hint, ""

    def open_entry(state, event: gr.SelectData):
        row = _row(event, len(state))
        if row is None:
            return gr.skip()
        entry = state[row]
        return render.paragraph_card(service.readout(entry["readout_id"]), entry["paragraph"], entry["quote"],
                                     entry["readout_id"], service.readout_metadata(entry["readout_id"]))

    def show_language(participant, with_, country, topic, date_from, date_to):
        try:
            result = service.language(topic or None, participant or None, with_ or None, country or None,
                                      (date_from or "").strip() or None, (date_to or "").strip() or None)
        except InputError as problem:
            return f'<p class="notice">{escape(str(problem))}</p>'
        return language_html(result)

    with gr.Tab("Timeline", id="timeline", elem_id="tab-timeline"):
        with gr.Row():
            participant = gr.Textbox(label="Participant", placeholder="e.g. Kuleba", max_length=200, scale=2,
                                     elem_id="tl-participant")
            with_ = gr.Textbox(label="With (optional)", placeholder="e.g. Blinken", max_length=200, scale=2,
                               elem_id="tl-with")
            country = gr.Textbox(label="Country (optional)", placeholder="e.g. Ukraine", max_length=100, scale=1,
                                 elem_id="tl-country")
            topic = gr.Textbox(label="Topic (optional)", placeholder="e.g. grain exports", max_length=2000, scale=2,
                               elem_id="tl-topic")
            date_from = gr.Textbox(label="From", placeholder="YYYY-MM-DD", max_length=10, scale=1, elem_id="tl-from")
            date_to = gr.Textbox(label="To", placeholder="YYYY-MM-DD", max_length=10, scale=1, elem_id="tl-to")
        go = gr.Button("Show timeline", variant="primary", elem_id="tl-go")
        summary = gr.Markdown("Who spoke with whom, and when: give a participant (and another), or a country.",
                              elem_id="tl-summary")
        plot = gr.Plot(label="Contacts per month", show_label=False, format="png", elem_id="tl-plot")
        entries = gr.Dataframe(headers=ENTRY_HEADERS, interactive=False, wrap=True, max_height=420,
                               elem_id="tl-entries", column_widths=["9%", "7%", "28%", "18%", "38%"])
        shown = gr.State([])
        reader = gr.HTML(elem_id="tl-reader", js_on_load=None)
        with gr.Accordion("Language over time: phrases that recur, appear or disappear", open=False):
            language_button = gr.Button("Show how the language changed", elem_id="tl-language")
            phrases = gr.HTML(elem_id="tl-phrases", js_on_load=None)

    asked = [participant, with_, country, topic, date_from, date_to]
    for trigger in (go.click, participant.submit, with_.submit, topic.submit):
        trigger(show_timeline, asked, [summary, plot, entries, shown, reader, phrases], api_visibility="private",
                concurrency_limit=4)
    entries.select(open_entry, shown, reader, api_visibility="private")
    language_button.click(show_language, asked, phrases, api_visibility="private", concurrency_limit=4)

    # --- compare ---------------------------------------------------------------------------
    def run_compare(left_id, right_id):
        left_id, right_id = (left_id or "").strip(), (right_id or "").strip()
        if left_id and not right_id:  # "other readouts of this event"
            others = service.readout_metadata(left_id).get("same_event") or []
            right_id = others[0] if others else ""
            if not right_id:
                return gr.skip(), ('<p class="notice">No other readout of this event is linked; give a second '
                                   'readout id.</p>')
        try:
            comparison = service.compare(left_id, right_id)
        except InputError as problem:
            return gr.skip(), f'<p class="notice">{escape(str(problem))}</p>'
        titles = {}
        for readout_id in (comparison.left, comparison.right):
            readout = service.readout(readout_id)
            titles[readout_id] = (readout.title, readout.date, readout.source) if readout else (readout_id, "", "")
        return right_id, comparison_html(comparison, titles)

    def linked_pairs():
        found = [(r, other) for r in service.readouts()
                 for other in service.readout_metadata(r.id).get("same_event") or []]
        choices = [(f"{r.event_date} · {r.title[:90]} ↔ {other[:40]}", str(i)) for i, (r, other) in enumerate(found)]
        return gr.update(choices=choices, value=None), [[r.id, other] for r, other in found]

    def pick_pair(value, linked):
        if value is None or not str(value).isdigit() or int(value) >= len(linked):
            return gr.skip(), gr.skip()
        return linked[int(value)][0], linked[int(value)][1]

    def opened(request: gr.Request):
        params = request.query_params if request else {}
        left_id, right_id = params.get("compare", "")[:300], params.get("with", "")[:300]
        if not left_id:
            return gr.skip(), gr.skip(), gr.skip()
        found_right, html = run_compare(left_id, right_id)
        return left_id, found_right if isinstance(found_right, str) else right_id, html

    with gr.Tab("Compare", id="compare", elem_id="tab-compare") as compare_tab:
        gr.Markdown("Two readouts side by side, sentences aligned by meaning: green is said by both, yellow only by "
                    "one side. Leave the right id empty to compare with another readout of the same event.")
        pairs = gr.Dropdown(label="Readouts linked to another readout of the same event", choices=[], value=None,
                            elem_id="cmp-pairs")
        with gr.Row():
            left = gr.Textbox(label="Left readout id", max_length=300, scale=3, elem_id="cmp-left")
            right = gr.Textbox(label="Right readout id", max_length=300, scale=3, elem_id="cmp-right")
            compare_button = gr.Button("Compare", variant="primary", scale=1, elem_id="cmp-go")
        result = gr.HTML(elem_id="cmp-result", js_on_load=None)
        linked = gr.State([])

    compare_tab.select(linked_pairs, None, [pairs, linked], api_visibility="private")
    pairs.input(pick_pair, [pairs, linked], [left, right], api_visibility="private") \
        .then(run_compare, [left, right], [right, result], api_visibility="private")
    for trigger in (compare_button.click, left.submit, right.submit):
        trigger(run_compare, [left, right], [right, result], api_visibility="private", concurrency_limit=4)
    demo.load(opened, None, [left, right, result], api_visibility="private") \
        .then(None, None, None, js="() => { if (new URLSearchParams(location.search).get('compare')) { "
                                   f"({_select_tab('Compare')})(); }} }}", api_visibility="private")

    # --- who met whom ----------------------------------------------------------------------
    def listing(text):
        rows = service.directory(text or "", DIRECTORY_LIMIT + 1)
        note = (f"First {DIRECTORY_LIMIT} participants; search to narrow." if len(rows) > DIRECTORY_LIMIT
                else f"{len(rows)} participant(s). Select one to see their counterparts.")
        rows = rows[:DIRECTORY_LIMIT]
        table = [[r["name"], r["role"] or "", r["country"] or "", r["readouts"], r["first"], r["last"],
                  ", ".join(f"{c['name']} ({c['readouts']})" for c in r["counterparts"])] for r in rows]
        top = rows[:TOP]
        figure = bars_figure([r["name"] for r in top], [r["readouts"] for r in top],
                             "Most readouts" + (f" matching “{text.strip()}”" if text and text.strip() else ""))
        return table, note, rows, figure

    def open_person(rows, event: gr.SelectData):
        # By the name in the clicked row, not its index: a listing still arriving (a search typed while the
        # page loads) may have replaced the rows the index refers to.
        name = (event.row_value or [None])[0]
        if name is None:
            row = _row(event, len(rows))
            name = rows[row]["name"] if row is not None else None
        person = next((r for r in rows if r["name"] == name), None) if name else None
        if person is None and name:
            person = next((r for r in service.directory(name) if r["name"] == name), None)
        if person is None:
            return gr.skip(), gr.skip(), gr.skip()
        others = person["counterparts"]
        figure = bars_figure([c["name"] for c in others], [c["readouts"] for c in others],
                             f"{person['name']}: readouts shared with each counterpart", "shared readouts")
        text = (f"**{person['name']}** ({person['role'] or 'role unknown'}, {person['country'] or 'country unknown'}): "
                f"{person['readouts']} readouts, first contact {person['first']}, last {person['last']}.")
        return figure, text, person["name"]

    with gr.Tab("Who met whom", id="participants", elem_id="tab-participants"):
        search = gr.Textbox(label="Search participants (name or country)", placeholder="e.g. Ukraine", max_length=200,
                            elem_id="dir-search")
        first_table, first_note, first_rows, first_figure = listing("")
        with gr.Row():
            with gr.Column(scale=3):
                chart = gr.Plot(first_figure, format="png", label="Who met whom", show_label=False, elem_id="dir-plot")
            with gr.Column(scale=2):
                note = gr.Markdown(first_note)
                person = gr.Markdown(elem_id="dir-person")
                to_timeline = gr.Button("Timeline of the selected participant", elem_id="dir-timeline")
        chosen = gr.State("")
        table = gr.Dataframe(first_table, headers=DIRECTORY_HEADERS, interactive=False, wrap=True, max_height=520,
                             elem_id="directory", column_widths=["16%", "15%", "12%", "7%", "10%", "10%", "30%"])
        rows = gr.State(first_rows)

    search.change(listing, search, [table, note, rows, chart], api_visibility="private", trigger_mode="always_last")
    demo.load(listing, search, [table, note, rows, chart], api_visibility="private")  # uploads since start-up
    table.select(open_person, rows, [chart, person, chosen], api_visibility="private")
    to_timeline.click(lambda name: (name, "", "", "", "", ""), chosen, asked, api_visibility="private") \
        .then(None, None, None, js=_select_tab("Timeline"), api_visibility="private") \
        .then(show_timeline, asked, [summary, plot, entries, shown, reader, phrases], api_visibility="private")
