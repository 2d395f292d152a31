"""HTML and charts for the analyst views (timeline, language over time, compare, who met whom). As in
render.py, every text from a readout or a user is escaped here."""
from __future__ import annotations

import re
from html import escape

from qa.compare import Comparison
from qa.language import Language
from qa.timeline import month_series

from .render import permalink


def _cite(readout_id: str, paragraph: int, label: str = "") -> str:
    href = escape(permalink(readout_id, paragraph), quote=True)
    return (f'<a class="pn" href="{href}" target="_blank" title="{escape(readout_id, quote=True)}">'
            f'{escape(label or f"¶{paragraph}")}</a>')


def _mark(text: str, phrase: str) -> str:
    """The sentence escaped, with the first place whose words spell the phrase in <mark> (case-insensitive)."""
    words = phrase.split()
    pattern = re.compile(r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])", re.IGNORECASE)
    found = pattern.search(text.replace("’s", "  ").replace("'s", "  "))  # same length: offsets still hold
    if not found:
        return escape(text)
    a, b = found.span()
    return f"{escape(text[:a])}<mark>{escape(text[a:b])}</mark>{escape(text[b:])}"


def comparison_html(comparison: Comparison, titles: dict[str, tuple[str, str, str]]) -> str:
    """Two readouts side by side: aligned sentences (said by both), then each side's own."""
    counts = comparison.counts()
    heads = []
    for side in (comparison.left, comparison.right):
        title, date, source = titles.get(side, (side, "", ""))
        heads.append(f'<th><b>{escape(title)}</b><br><span class="meta">{escape(date)} · {escape(source)} · '
                     f'<code>{escape(side)}</code></span></th>')
    rows = []
    for pair in comparison.pairs:
        kind = "both" if pair.both else ("left-only" if pair.left else "right-only")
        cells = []
        for side, readout_id, cls in ((pair.left, comparison.left, "left"), (pair.right, comparison.right, "right")):
            if side is None:
                cells.append(f'<td class="{cls}"></td>')
            else:
                cells.append(f'<td class="side {cls}">{_cite(readout_id, side.paragraph)}{escape(side.quote)}</td>')
        label = (f"said by both<br>{pair.similarity:.2f}" if pair.both
                 else "only this side ←" if pair.left else "→ only this side")
        rows.append(f'<tr class="{kind}">{cells[0]}<td class="sim">{label}</td>{cells[1]}</tr>')
    summary = (f'<p><b>{counts["both"]}</b> sentences said by both · <b>{counts["left_only"]}</b> only left · '
               f'<b>{counts["right_only"]}</b> only right <span class="notice">(aligned by meaning at similarity '
               f'≥ {comparison.threshold:.2f})</span></p>')
    return (f'{summary}<table class="aligned"><tr>{heads[0]}<th class="sim"></th>{heads[1]}</tr>'
            f'{"".join(rows)}</table>')


def language_html(language: Language) -> str:
    """Phrases with their status and first and last use, each cited to its paragraph."""
    if not language.phrases:
        return f'<p class="notice">No phrase recurs across the {language.readouts} readout(s) read.</p>'
    rows = []
    for phrase in language.phrases:
        uses = []
        for use in (phrase.first, phrase.last):
            uses.append(f'<td>{escape(use.event_date)} {_cite(use.readout_id, use.paragraph)}'
                        f'<br>{_mark(use.quote, phrase.text)}</td>')
        rows.append(f'<tr><td class="status">{escape(phrase.status)}</td><td><b>{escape(phrase.text)}</b></td>'
                    f'<td>{phrase.readouts}</td>{"".join(uses)}</tr>')
    about = f" about “{escape(language.topic)}”" if language.topic else ""
    return (f'<p>{language.readouts} readouts{about}, {escape(language.date_from)} to {escape(language.date_to)}: '
            f'<span class="notice">appears = first used after the first third of that span; disappears = last '
            f'used before its last third</span></p><table class="phrases"><tr><th>status</th><th>phrase</th>'
            f'<th>readouts</th><th>first use</th><th>last use</th></tr>{"".join(rows)}</table>')


def months_figure(by_month, title: str):
    """A bar chart of contacts per month (every month of the span, zeros included)."""
    from matplotlib.figure import Figure

    series = month_series(tuple(by_month))
    figure = Figure(figsize=(9, 2.8), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    if series:
        axes.bar(range(len(series)), [c for _, c in series], color="#2563eb")
        step = max(1, len(series) // 12)
        axes.set_xticks(range(0, len(series), step), [m for m, _ in series][::step], rotation=45, ha="right",
                        fontsize=8)
    axes.set_ylabel("contacts")
    axes.set_title(title, fontsize=10)
    axes.yaxis.get_major_locator().set_params(integer=True)
    return figure


def bars_figure(labels: list[str], counts: list[int], title: str, xlabel: str = "readouts"):
    """A horizontal bar chart, largest on top."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, max(2.0, 0.32 * len(labels) + 0.9)), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.barh(range(len(labels)), counts, color="#0d9488")
    axes.set_yticks(range(len(labels)), labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.set_title(title, fontsize=10)
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure
