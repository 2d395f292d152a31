"""HTML for the app: the sources panel, readouts, styles and click handlers (answers: render_chat.py). Every
text from a readout, a question or a model is escaped here, so nothing a user or a file supplies is ever
rendered as HTML."""
from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from index.types import Hit, Readout

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
/* Dark text on the yellow mark: with the theme's own text colour it was light-on-yellow in dark mode. */
.src mark, .readout mark { background: #fde68a; color: #1c1917; padding: 0 1px; }
.dark .src.active, .dark .readout .para.target { background: rgba(250, 204, 21, .10); }
.chip { font-size: .72em; border: 1px solid var(--border-color-primary); border-radius: 999px; padding: 0 5px;
        margin: 0 3px 0 2px; opacity: .85; white-space: nowrap; vertical-align: 1px; }
.filters-used { font-size: .8em; opacity: .75; margin-top: 6px; }
.src a.back { font-size: .8em; margin-left: 6px; text-decoration: none; }
/* On a phone the panel sits under the chat: no nested scroll box, the page scrolls to each source. */
@media (max-width: 720px) { #sources { position: static; max-height: none; overflow-y: visible !important; } }
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
    // "↑ answer" in a source card: back to the answer (its bot message; turn n is the n-th).
    const back = event.target.closest('a[href^="#ans-"]');
    if (back) {
      event.preventDefault();
      const answers = document.querySelectorAll('#chat .message.bot');
      const answer = answers[parseInt(back.getAttribute('href').slice(5), 10) - 1];
      if (answer) answer.scrollIntoView({behavior: 'smooth', block: 'start'});
      return;
    }
    const link = event.target.closest('a[href^="#src-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    show(link.getAttribute('href').slice(1));
  }, true);
  // Gradio's per-message copy button copies the message's HTML. An answer is copied as text instead: the
  // sentences with their [n], then each source (from the [n] link's title). DOMParser runs no script.
  let copying = false;
  document.addEventListener('click', (event) => {
    copying = !!event.target.closest('#chat button[title="Copy message"]');
  }, true);
  const plain = (html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const seen = new Set();
    const sources = [...doc.querySelectorAll('a.cite')].filter((a) => !seen.has(a.textContent) && seen.add(a.textContent))
      .map((a) => a.textContent + ' ' + a.title);
    doc.querySelectorAll('.chip').forEach((chip) => chip.remove());
    doc.querySelectorAll('.filters-used').forEach((line) => line.prepend('\\n'));
    return (doc.body.textContent + (sources.length ? '\\n\\n' + sources.join('\\n') : '')).trim();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      const mine = copying;
      copying = false;
      return write(mine && typeof text === 'string' ? plain(text) : text);
    };
  }
  // Without navigator.clipboard (plain http on another host) Gradio copies through a textarea and execCommand.
  document.addEventListener('copy', (event) => {
    const box = document.activeElement;
    if (!copying || !box || box.tagName !== 'TEXTAREA') return;
    copying = false;
    event.clipboardData.setData('text/plain', plain(box.value));
    event.preventDefault();
  });
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


def highlight(text: str, quotes: list[str] | str) -> str:
    """The paragraph escaped, with the first occurrence of each quote inside <mark> (overlaps merged)."""
    spans = []
    for quote in [quotes] if isinstance(quotes, str) else quotes:
        start = text.find(quote) if quote else -1
        if start >= 0:
            spans.append((start, start + len(quote)))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(f"{escape(text[at:start])}<mark>{escape(text[start:end])}</mark>")
        at = end
    return "".join(out) + escape(text[at:])


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


def hit_card(hit: Hit, rank: int) -> str:
    """A nearest passage shown when nothing was cited."""
    return (f'<div class="src"><b>{rank}.</b> {_meta(hit.title, hit.date, hit.source, hit.url, hit.readout_id, hit.paragraph)}'
            f'<div class="para">{escape(hit.text)}</div></div>')


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
