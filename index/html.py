"""HTML -> title, date and paragraphs (CONTRACT.md "Readouts and paragraphs"), with Python's html.parser."""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text becomes paragraphs. A div's own text is split into runs at every nested
# collector, so text before and after a nested <p> keeps its place in document order.
COLLECTORS = frozenset({"p", "li", "div"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = frozenset({"script", "style", "template", "head"})
# What may appear inside <head>; anything else there means the page left </head> implied.
HEAD_CONTENT = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class HtmlText:
    """What a page gives a readout: <title> (else the first <h1>), <meta name=date>, paragraphs."""

    title: str
    meta_date: str
    paragraphs: tuple[str, ...]


def collapse_whitespace(text: str) -> str:
    """Collapse runs of whitespace to single spaces and strip the ends."""
    return " ".join(text.split())


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive decoded in handle_data
        self.open: list[tuple[str, list[str]]] = []  # collectors open now, innermost last
        self.paragraphs: list[str] = []
        self.skip_depth: list[str] = []  # open skipped elements (script, style, head ...)
        self.heading: list[str] | None = None  # text of the heading being read
        self.in_title = False
        self.title_parts: list[str] = []
        self.first_h1 = ""
        self.meta_date = ""

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The stdlib asserts on odd "<![...]>" markers; skip such a marker instead of failing the page.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def flush(self) -> None:
        """Emit the innermost collector's current run of text as a paragraph."""
        if self.open:
            parts = self.open[-1][1]
            text = collapse_whitespace("".join(parts))
            if text:
                self.paragraphs.append(text)
            parts.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth == ["head"] and tag not in HEAD_CONTENT:
            self.skip_depth.clear()  # </head> is optional in HTML; <body> or content ends the head
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            if values.get("name", "").lower() == "date" and not self.meta_date:
                self.meta_date = values.get("content", "").strip()
            return
        if tag == "title":
            self.in_title = not self.title_parts  # only the first: an <svg> may hold <title>s too
            return
        if tag in VOID:
            return
        if tag in SKIPPED:
            self.skip_depth.append(tag)
        elif tag in HEADINGS:
            # Headings are not paragraphs; their text must not run into a surrounding div's text.
            self.flush()
            self.heading = []
        elif tag in COLLECTORS:
            self.flush()
            self.open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in SKIPPED:
            # Pop to the matching element, so a stray end tag cannot leave everything skipped.
            if tag in self.skip_depth:
                while self.skip_depth and self.skip_depth.pop() != tag:
                    pass
        elif tag in HEADINGS and self.heading is not None:
            if tag == "h1" and not self.first_h1:
                self.first_h1 = collapse_whitespace("".join(self.heading))
            self.heading = None
        elif tag in COLLECTORS and any(name == tag for name, _ in self.open):
            # Close the nearest matching collector (and any unclosed ones inside it).
            while self.open:
                self.flush()
                name, _ = self.open.pop()
                if name == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif self.skip_depth:
            return
        elif self.heading is not None:
            self.heading.append(data)
        elif self.open:
            self.open[-1][1].append(data)

    def finish(self) -> None:
        """Flush collectors left open by markup that never closed them."""
        self.close()
        while self.open:
            self.flush()
            self.open.pop()


def extract_html(source: str) -> HtmlText:
    """Parse an HTML page into its title, meta date and paragraphs (each <p>, <li>, block <div>)."""
    parser = _Extractor()
    parser.feed(source)
    parser.finish()
    title = collapse_whitespace("".join(parser.title_parts)) or parser.first_h1
    return HtmlText(title=title, meta_date=parser.meta_date, paragraphs=tuple(parser.paragraphs))

