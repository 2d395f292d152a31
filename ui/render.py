"""HTML for the app: answers with [n] links, the sources panel, readouts. Every text from a readout, a
question or a model is escaped here, so nothing a user or a file supplies is ever rendered as HTML."""
from __future__ import annotations

import re
from html import escape
from urllib.parse import urlencode

from index.types import Hit, Readout
from qa.types import Answer, Citation

MARKER = re.compile(r"\[(\d+)\]")
UNSUPPORTED = "[unsupported]"  # qa.llm puts this after a sentence with no valid citation

# Styles and the click handler are passed to Gradio once (ui/app.py); ids are "src-<turn>-<n>".
CSS = """
.contact { font-size: 0.85em; margin: 2px 0 4px; } .contact .kind { font-variant: small-caps; font-weight: 600; }
#sources { max-height: 80vh; overflow-y: auto !important; position: sticky; top: 8px; }
.turn { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 10px; margin-bottom: 8px; }
.turn > summary { cursor: pointer; font-weight: 600; }
.src { border-left: 4px solid var(--border-color-primary); padding: 6px 10px; margin: 8px 0; transition: background .4s; }
.src.active { border-left-color: #d97706; background: rgba(250, 204, 21, .18); }
.src .meta { font-size: .85em; opacity: .8; }
.src .para { margin: 4px 0; }
.src .para .pn { font-size: .8em; opacity: .6; margin-right: 4px; }
.src .near { opacity: .65; font-size: .92em; }
.src mark { background: #fde68a; color: inherit; padding: 0 1px; }
a.cite { text-decoration: none; font-weight: 600; }
.unsupported { font-size: .75em; color: #b91c1c; border: 1px solid #b91c1c; border-radius: 4px; padding: 0 3px; }
.notice { font-size: .85em; opacity: .8; font-style: italic; }
.readout .para { margin: 8px 0; }
.readout .para.target { background: rgba(250, 204, 21, .18); }
.compare-link { font-size: .85em; margin: 2px 0 4px; }
table.aligned { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.aligned td, table.aligned th { vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border-color-primary); }
table.aligned tr.both td.side { background: rgba(34, 197, 94, .12); }
table.aligned tr.left-only td.left, table.aligned tr.right-only td.right { background: rgba(250, 204, 21, .16); }
table.aligned td.sim { width: 9em; font-size: .8em; opacity: .8; text-align: center; }
table.aligned .pn, .phrases .pn { font-size: .8em; opacity: .6; margin-right: 4px; }
table.phrases { width: 100%; border-collapse: collapse; } table.phrases td, table.phrases th { vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--border-color-primary); }
.status { font-variant: small-caps; font-weight: 600; }
"""

JS = """
() => {
  const show = (id) => {
    const target = document.getElementById(id);
    if (!target) return false;
    const turn = target.closest('details.turn');
    if (turn) turn.open = true;
    document.querySelectorAll('.src.active').forEach((e) => e.classList.remove('active'));
    target.classList.add('active');
    // Scroll the sources panel, not the page, so the answer stays in view beside its source.
    const panel = target.closest('#sources');
    if (panel && panel.scrollHeight > panel.clientHeight) {
      panel.scrollTo({top: target.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 12,
                      behavior: 'smooth'});
      panel.scrollIntoView({block: 'nearest'});
    } else {
      target.scrollIntoView({behavior: 'smooth', block: 'nearest'});
    }
    return true;
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#src-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    show(link.getAttribute('href').slice(1));
  }, true);
  // A permalink (?readout=ID&paragraph=N) renders #src-link; bring it into view once it exists.
  if (new URLSearchParams(location.search).get('readout')) {
    let tries = 0;
    const timer = setInterval(() => { if (show('src-link') || ++tries > 100) clearInterval(timer); }, 200);
  }
}
"""


def permalink(readout_id: str, paragraph: int | None = None) -> str:
    """A relative link that opens the app on a readout's paragraph."""
    query = {"readout": readout_id}
    if paragraph:
        query["paragraph"] = str(paragraph)
    return "./?" + urlencode(query)


def answer_html(answer: Answer, turn: int) -> str:
    """The answer text with each [n] as a link to its source card and unsupported sentences flagged."""
    known = {c.n for c in answer.citations}
    parts = []
    for piece in re.split(r"(\[\d+\]|\[unsupported\])", answer.text):
        if piece == UNSUPPORTED:
            parts.append('<span class="unsupported" title="No valid citation supports this sentence">unsupported</span>')
        elif MARKER.fullmatch(piece) and int(piece[1:-1]) in known:
            n = int(piece[1:-1])
            parts.append(f'<a class="cite" href="#src-{turn}-{n}" title="Show source {n}">[{n}]</a>')
        else:
            parts.append(escape(piece))
    html = "".join(parts)
    if answer.notice:
        html += f'<br><span class="notice">{escape(answer.notice)}</span>'
    return html


def partial_html(text: str) -> str:
    """A streamed answer still arriving: escaped text, markers shown as they are."""
    return escape(text) + " ▍"


def highlight(text: str, quote: str) -> str:
    """The paragraph escaped, with the quoted span (its first occurrence) inside <mark>."""
    start = text.find(quote) if quote else -1
    if start < 0:
        return escape(text)
    end = start + len(quote)
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def _meta(title: str, date: str, source: str, url: str, readout_id: str, paragraph: int) -> str:
    link = f' · <a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">original</a>' \
        if url.startswith(("http://", "https://")) else ""
    return (f'<div class="meta"><b>{escape(title)}</b><br>{escape(date or "undated")} · {escape(source)} · '
            f'paragraph {paragraph}{link} · <a href="{escape(permalink(readout_id, paragraph), quote=True)}" '
            f'target="_blank">permalink</a></div>')


def _neighbours(paragraphs: tuple[str, ...], n: int, body: str) -> str:
    """The cited paragraph with the ones before and after it, folded away but one click open."""
    before = (f'<details class="near"><summary>paragraph {n - 1}</summary>{escape(paragraphs[n - 2])}</details>'
              if n >= 2 and len(paragraphs) >= n - 1 else "")
    after = (f'<details class="near"><summary>paragraph {n + 1}</summary>{escape(paragraphs[n])}</details>'
             if len(paragraphs) > n else "")
    return f'{before}<div class="para"><span class="pn">¶{n}</span>{body}</div>{after}'


def contact_line(meta: dict | None, speaker: str | None = None) -> str:
    """Kind, day of the contact and who took part (readout metadata), and who speaks in the quote."""
    if not meta:
        return ""
    people = ", ".join(escape(p["name"]) + (f' <span class="country">({escape(p["country"])})</span>'
                                            if p.get("country") else "") for p in meta.get("participants", []))
    said = f' · quote: <b>{escape("both sides" if speaker == "both" else speaker)}</b>' if speaker else ""
    return (f'<div class="contact"><span class="kind">{escape(meta.get("kind") or "other")}</span> on '
            f'{escape(meta.get("event_date") or "unknown date")}{" · " + people if people else ""}{said}</div>')


def compare_url(left: str, right: str) -> str:
    """A relative link that opens the app's Compare view on two readouts."""
    return "./?" + urlencode({"compare": left, "with": right})


def compare_links(readout_id: str, meta: dict | None) -> str:
    """Links to compare a readout with the other readouts of its event (metadata `same_event`), or ""."""
    others = [o for o in (meta or {}).get("same_event") or () if o != readout_id]
    if not others:
        return ""
    if len(others) == 1:
        return (f'<div class="compare-link"><a href="{escape(compare_url(readout_id, others[0]), quote=True)}" '
                f'target="_blank" title="{escape(others[0], quote=True)}">Compare with the other readout of this '
                f'event</a></div>')
    links = " · ".join(f'<a href="{escape(compare_url(readout_id, o), quote=True)}" target="_blank" '
                       f'title="{escape(o, quote=True)}">{i}</a>' for i, o in enumerate(others, start=1))
    return f'<div class="compare-link">Compare with other readouts of this event: {links}</div>'


def paragraph_card(readout: Readout | None, paragraph: int, quote: str, readout_id: str,
                   meta: dict | None = None) -> str:
    """A paragraph opened from an analyst view: where it is from, who took part, the quote marked, its
    neighbours, and links to the other readouts of the event."""
    if readout is None:
        return f'<p class="notice">The readout {escape(readout_id)} is not in this index.</p>'
    n = paragraph if 1 <= paragraph <= len(readout.paragraphs) else 1
    body = _neighbours(readout.paragraphs, n, highlight(readout.paragraphs[n - 1], quote))
    return (f'<div class="src active">{_meta(readout.title, readout.date, readout.source, readout.url, readout.id, n)}'
            f'{contact_line(meta)}{compare_links(readout.id, meta)}{body}</div>')


def citation_card(citation: Citation, turn: int, readout: Readout | None, meta: dict | None = None) -> str:
    """One source: where it is from, who took part, the whole paragraph with the quote marked, its neighbours."""
    paragraphs = readout.paragraphs if readout else ()
    text = paragraphs[citation.paragraph - 1] if len(paragraphs) >= citation.paragraph else citation.quote
    body = _neighbours(paragraphs, citation.paragraph, highlight(text, citation.quote))
    return (f'<div class="src" id="src-{turn}-{citation.n}"><b>[{citation.n}]</b> '
            f'{_meta(citation.title, citation.date, citation.source, citation.url, citation.readout_id, citation.paragraph)}'
            f'{contact_line(meta, citation.speaker)}{compare_links(citation.readout_id, meta)}{body}</div>')


def hit_card(hit: Hit, rank: int) -> str:
    """A nearest passage shown when nothing was cited."""
    return (f'<div class="src"><b>{rank}.</b> {_meta(hit.title, hit.date, hit.source, hit.url, hit.readout_id, hit.paragraph)}'
            f'<div class="para">{escape(hit.text)}</div></div>')


def turn_section(answer: Answer, turn: int, readouts: dict[str, Readout | None],
                 metas: dict[str, dict] | None = None) -> str:
    """The sources of one answer (without the surrounding <details>, which sources_html adds)."""
    head = f"<summary>Question {turn}: {escape(answer.question)}</summary>"
    if answer.refused or not answer.citations:
        why = escape(answer.notice or "Nothing in the readouts answers this question.")
        nearest = "".join(hit_card(h, i) for i, h in enumerate(answer.hits[:3], start=1))
        return f'{head}<p class="notice">{why}</p><p>Nearest passages:</p>{nearest or "<p>none</p>"}'
    metas = metas or {}
    cards = "".join(citation_card(c, turn, readouts.get(c.readout_id), metas.get(c.readout_id))
                    for c in answer.citations)
    return head + cards


def sources_html(sections: list[str], link: str = "") -> str:
    """The panel: a permalinked paragraph if any, then every turn's sources, newest first and open."""
    if not sections and not link:
        return '<p class="notice">Sources of each answer appear here. Click a [n] in an answer to bring its paragraph into view.</p>'
    out = [link] if link else []
    last = len(sections) - 1
    for i in range(last, -1, -1):
        out.append(f'<details class="turn"{" open" if i == last else ""}>{sections[i]}</details>')
    return "".join(out)


def linked_paragraph(readout: Readout | None, paragraph: int | None, readout_id: str) -> str:
    """The section a permalink opens: the paragraph marked whole, with its neighbours."""
    if readout is None:
        return f'<p class="notice">The linked readout {escape(readout_id)} is not in this index.</p>'
    n = paragraph if paragraph and 1 <= paragraph <= len(readout.paragraphs) else 1
    body = _neighbours(readout.paragraphs, n, f"<mark>{escape(readout.paragraphs[n - 1])}</mark>")
    return (f'<details class="turn" open><summary>Linked paragraph</summary><div class="src" id="src-link">'
            f'{_meta(readout.title, readout.date, readout.source, readout.url, readout.id, n)}{body}</div></details>')


def readout_html(readout: Readout, target: int | None = None, meta: dict | None = None) -> str:
    """A whole readout for the library tab, paragraphs numbered, each with its permalink."""
    rows = []
    for n, text in enumerate(readout.paragraphs, start=1):
        cls = "para target" if n == target else "para"
        rows.append(f'<div class="{cls}" id="para-{n}"><a class="pn" href="{escape(permalink(readout.id, n), quote=True)}" '
                    f'target="_blank">¶{n}</a> {escape(text)}</div>')
    url = escape(readout.url, quote=True)
    link = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{escape(readout.url)}</a>' \
        if readout.url.startswith(("http://", "https://")) else escape(readout.url)
    return (f'<div class="readout"><h3>{escape(readout.title)}</h3><p class="meta">{escape(readout.date or "undated")} · '
            f'{escape(readout.source)} · <code>{escape(readout.id)}</code> · {link}</p>{contact_line(meta)}'
            f'{"".join(rows)}</div>')
