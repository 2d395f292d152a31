"""HTML and Markdown of chat answers: [n] links with their date, the filters used, one source card per
paragraph, and an answer exported with its sources. Readout, question and model text is escaped here."""
from __future__ import annotations

import re
from html import escape

from index.types import Hit, Readout
from qa.types import Answer, Citation

from .render import UNSUPPORTED, _meta, _neighbours, compare_links, contact_line, highlight, hit_card

MARKER = re.compile(r"\[(\d+)\]")
FILTER_NAMES = (("date_from", "from"), ("date_to", "to"), ("source", "source"), ("participant", "participant"),
                ("kind", "kind"), ("readout", "readout"), ("country", "country"))


def groups(citations: tuple[Citation, ...]) -> list[list[Citation]]:
    """Citations of the same paragraph together, in order of first citation: each group is one card."""
    by_paragraph: dict[tuple[str, int], list[Citation]] = {}
    for c in citations:
        by_paragraph.setdefault((c.readout_id, c.paragraph), []).append(c)
    return list(by_paragraph.values())


def _anchors(citations: tuple[Citation, ...]) -> dict[int, int]:
    """Marker n -> the n whose card shows its paragraph (the first citation of that paragraph)."""
    return {c.n: group[0].n for group in groups(citations) for c in group}


def filters_text(filters: dict | None) -> str:
    """The active filters in words ("from 2023-01-01 · source state"), or "" when none."""
    return " · ".join(f"{label} {filters[key]}" for key, label in FILTER_NAMES if (filters or {}).get(key))


def answer_html(answer: Answer, turn: int, filters: dict | None = None) -> str:
    """The answer: each [n] a link to its source card with the date as a chip and the source in its title,
    unsupported sentences flagged, and the filters the question was asked under."""
    cited = {c.n: c for c in answer.citations}
    anchors = _anchors(answer.citations)
    parts = []
    for piece in re.split(r"(\[\d+\]|\[unsupported\])", answer.text):
        if piece == UNSUPPORTED:
            parts.append('<span class="unsupported" title="No valid citation supports this sentence">unsupported</span>')
        elif MARKER.fullmatch(piece) and int(piece[1:-1]) in cited:
            c = cited[int(piece[1:-1])]
            title = escape(f"{c.title} · {c.date or 'undated'} · {c.source} · paragraph {c.paragraph}", quote=True)
            parts.append(f'<a class="cite" href="#src-{turn}-{anchors[c.n]}" title="{title}">[{c.n}]</a>'
                         f'<span class="chip" title="{title}">{escape(c.date or "undated")}</span>')
        else:
            parts.append(escape(piece))
    html = "".join(parts)
    if answer.notice:
        html += f'<br><span class="notice">{escape(answer.notice)}</span>'
    used = filters_text(filters)
    if used:
        html += f'<div class="filters-used">Filters: {escape(used)}</div>'
    return html


def partial_html(text: str) -> str:
    """A streamed answer still arriving: escaped text, markers shown as they are."""
    return escape(text) + " ▍"


def citation_card(group: list[Citation] | Citation, turn: int, readout: Readout | None, meta: dict | None = None) -> str:
    """One paragraph however often the answer cites it: its markers, where it is from, who took part, the
    whole paragraph with every quote marked, its neighbours, and a link back to the answer (phones)."""
    group = [group] if isinstance(group, Citation) else group
    first = group[0]
    paragraphs = readout.paragraphs if readout else ()
    text = paragraphs[first.paragraph - 1] if len(paragraphs) >= first.paragraph else " … ".join(c.quote for c in group)
    body = _neighbours(paragraphs, first.paragraph, highlight(text, [c.quote for c in group]))
    markers = " ".join(f"[{c.n}]" for c in group)
    speaker = next((c.speaker for c in group if c.speaker), None)
    return (f'<div class="src" id="src-{turn}-{first.n}"><b>{markers}</b> '
            f'<a class="back" href="#ans-{turn}" title="Back to answer {turn}">↑ answer</a>'
            f'{_meta(first.title, first.date, first.source, first.url, first.readout_id, first.paragraph)}'
            f'{contact_line(meta, speaker)}{compare_links(first.readout_id, meta)}{body}</div>')


def turn_section(answer: Answer, turn: int, readouts: dict[str, Readout | None],
                 metas: dict[str, dict] | None = None) -> str:
    """The sources of one answer (without the surrounding <details>, which sources_html adds)."""
    head = f"<summary>Question {turn}: {escape(answer.question)}</summary>"
    if answer.refused or not answer.citations:
        why = escape(answer.notice or "Nothing in the readouts answers this question.")
        nearest = "".join(hit_card(h, i) for i, h in enumerate(answer.hits[:3], start=1))
        return f'{head}<p class="notice">{why}</p><p>Nearest passages:</p>{nearest or "<p>none</p>"}'
    metas = metas or {}
    return head + "".join(citation_card(g, turn, readouts.get(g[0].readout_id), metas.get(g[0].readout_id))
                          for g in groups(answer.citations))


def markdown(answer: Answer, filters: dict | None = None) -> str:
    """An answer with its sources as Markdown (the export download): quotes verbatim, readout ids named."""
    lines = [f"# {answer.question}", "", answer.text, ""]
    used = filters_text(filters)
    if used:
        lines += [f"Filters: {used}", ""]
    if answer.notice:
        lines += [f"_{answer.notice}_", ""]
    if answer.citations:
        lines += ["## Sources", ""]
        for c in answer.citations:
            link = f" <{c.url}>" if c.url.startswith(("http://", "https://")) else ""
            lines += [f"[{c.n}] **{c.title}** ({c.date or 'undated'}), {c.source}, paragraph {c.paragraph}, "
                      f"readout `{c.readout_id}`{link}", "", f"> {c.quote}", ""]
    return "\n".join(lines)


def answer_from_json(question: str, data: dict) -> Answer:
    """An Answer back from its JSON (a conversation kept in the browser); bad data raises KeyError/TypeError."""
    fields = Citation.__dataclass_fields__
    citations = tuple(Citation(**{k: v for k, v in c.items() if k in fields}) for c in data["citations"])
    hits = tuple(Hit(h["readout_id"], int(h["paragraph"]), h["title"], h["date"], h["source"], h["url"],
                     float(h["score"]), h["text"], h.get("event_date", "")) for h in data["hits"])
    return Answer(str(question), str(data["answer"]), citations, hits, bool(data["refused"]),
                  str(data.get("notice", "")))
