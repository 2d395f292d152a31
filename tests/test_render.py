"""HTML of answers, sources and readouts: text is escaped, [n] are links, quotes are highlighted."""
from __future__ import annotations

from html.parser import HTMLParser

from index.types import Hit, Readout
from qa.types import Answer, cite
from ui import render, render_chat

EVIL = 'The minister said <script>alert("x")</script> & <b>left</b> "early".'
READOUT = Readout("evil-1", "<img src=x onerror=alert(1)> Talks", "2023-05-01", "State <i>Dept</i>",
                  "javascript:alert(1)", ("Opening paragraph.", EVIL, "Closing paragraph."))
HIT = Hit("evil-1", 2, READOUT.title, READOUT.date, READOUT.source, READOUT.url, 0.5, EVIL)


class Tags(HTMLParser):
    """Every start tag and attribute the browser would build."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _answer() -> Answer:
    citation = cite(1, HIT, 'alert("x")</script> & <b>left</b>')
    return Answer("Was <script> said?", f"The minister said something [1]. Then more [2]. {render.UNSUPPORTED}",
                  (citation,), (HIT,), False, notice="<b>note</b>")


def test_script_in_a_readout_renders_as_text():
    html = render.readout_html(READOUT)
    tags = {tag for tag, _ in Tags(html).tags}
    assert "script" not in tags and "img" not in tags and "i" not in tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html  # a url that is not http(s) is shown, not linked


def test_answer_links_known_markers_and_escapes_the_rest():
    html = render_chat.answer_html(_answer(), turn=3)
    links = [attrs for tag, attrs in Tags(html).tags if tag == "a"]
    assert [a["href"] for a in links] == ["#src-3-1"]  # [2] has no citation: left as text
    assert "[2]" in html and "&lt;b&gt;note&lt;/b&gt;" in html
    assert 'class="unsupported"' in html and render.UNSUPPORTED not in html


def test_citation_card_highlights_the_quote_inside_the_whole_paragraph():
    answer = _answer()
    html = render_chat.citation_card(answer.citations[0], 3, READOUT)
    assert 'id="src-3-1"' in html
    assert "<mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;left&lt;/b&gt;</mark>" in html
    assert html.count("<mark>") == 1
    assert "The minister said &lt;script&gt;" in html  # the rest of the paragraph, around the mark
    assert "Opening paragraph." in html and "Closing paragraph." in html  # neighbours, one click away
    assert "script" not in {tag for tag, _ in Tags(html).tags}
    assert "./?readout=evil-1&amp;paragraph=2" in html  # the permalink


def test_highlight_without_the_quote_escapes_everything():
    assert render.highlight("<a>", "missing") == "&lt;a&gt;"
    assert render.highlight("x <y> z", "<y>") == "x <mark>&lt;y&gt;</mark> z"


def test_refusal_section_shows_why_and_the_nearest_passages():
    refusal = Answer("Mars?", "The readouts in this index do not cover this question.", (), (HIT,), True,
                     notice="Nothing was cited: no passage mentions mars.")
    html = render_chat.turn_section(refusal, 1, {})
    assert "no passage mentions mars" in html and "Nearest passages" in html
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_sources_panel_keeps_every_turn_and_opens_the_last():
    html = render.sources_html(["<summary>one</summary>", "<summary>two</summary>"])
    assert html.index("two") < html.index("one")
    assert html.count(" open>") == 1 and '<details class="turn" open><summary>two' in html


def test_linked_paragraph_marks_the_target_and_tolerates_unknown_ids():
    html = render.linked_paragraph(READOUT, 2, "evil-1")
    assert 'id="src-link"' in html and "<mark>The minister said &lt;script&gt;" in html
    assert "&lt;script&gt;" in render.linked_paragraph(None, 1, "<script>")


def test_streamed_partial_text_is_escaped():
    assert render_chat.partial_html("a <script>").startswith("a &lt;script&gt;")


def _twice() -> Answer:
    """Two quotes from one paragraph ([1], [3]) and one from another readout ([2])."""
    other = Hit("other-1", 1, "Other talks", "2022-01-02", "White House", "https://example.org/x", 0.4, "Plain text.")
    cited = (cite(1, HIT, "The minister said"), cite(2, other, "Plain text."), cite(3, HIT, '"early"'))
    return Answer("Q?", "One [1]. Two [2]. Three [3].", cited, (HIT, other), False)


def test_one_card_per_paragraph_with_every_quote_marked():
    answer = _twice()
    html = render_chat.turn_section(answer, 2, {"evil-1": READOUT})
    assert html.count('class="src"') == 2 and 'id="src-2-3"' not in html
    assert "<b>[1] [3]</b>" in html and "<mark>&quot;early&quot;</mark>" in html and "<mark>The minister said</mark>" in html
    links = [attrs["href"] for tag, attrs in Tags(render_chat.answer_html(answer, 2)).tags if tag == "a"]
    assert links == ["#src-2-1", "#src-2-2", "#src-2-1"]  # [3] opens the card [1] opened


def test_chips_titles_and_filters_under_the_answer_are_escaped():
    html = render_chat.answer_html(_answer(), 1, {"date_from": "2023-01-01", "source": "<b>state</b>"})
    tags = Tags(html).tags
    chip = [attrs for tag, attrs in tags if tag == "span" and attrs.get("class") == "chip"]
    assert chip and chip[0]["title"].startswith("<img src=x") and "2023-05-01 · State <i>Dept</i>" in chip[0]["title"]
    assert not {"img", "i", "b"} & {tag for tag, _ in tags}  # the title's markup stays inside the attribute
    assert '<div class="filters-used">Filters: from 2023-01-01 · source &lt;b&gt;state&lt;/b&gt;</div>' in html
    assert "filters-used" not in render_chat.answer_html(_answer(), 1, {})


def test_markdown_export_and_json_round_trip():
    answer = _twice()
    text = render_chat.markdown(answer, {"date_to": "2023-12-31"})
    assert text.startswith("# Q?\n\nOne [1].") and "Filters: to 2023-12-31" in text
    assert "> The minister said" in text and "readout `other-1` <https://example.org/x>" in text
    assert "javascript:" not in text  # a url that is not http(s) is not linked
    again = render_chat.answer_from_json("Q?", answer.to_json())
    assert again.citations == answer.citations and again.text == answer.text and again.hits[1].text == "Plain text."
