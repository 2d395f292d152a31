"""The chat in headless Chromium (the server fixtures of tests/test_browser.py): one source card per paragraph,
citation chips with the date, copy, retry, filters shown under the answer, undo, export of a chosen answer, edit,
the conversation back after a reload, a Markdown export, stop; on a phone the sources under the answer with a
way back; dark-mode highlights.

Saves test-artifacts/chat.png, chat-phone.png and chat-dark.png (docs/APP.md shows copies in docs/img/).
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.test_browser import ARTIFACTS, app_url, browser, served  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

# Answered from two readouts, one paragraph each, in date order: [1] Biden's call with Kishida (2021-10-04),
# [2] the East Asia Summit (2022-11-13). (Two quotes of one paragraph share a card: tests/test_render.py.)
INDO_PACIFIC = "What did the President say about the Indo-Pacific?"
KISHIDA_CALL_DATE = "2021-10-04"
EAST_ASIA_DATE = "2022-11-13"
TAIWAN = "What did President Biden and President Xi discuss about Taiwan?"
KISHIDA = "What did President Biden discuss with Prime Minister Kishida?"
# Asked by the Stop test only: no cached result, and a comparison embeds its sentences, so the answer takes long
# enough for the Stop click to reach the server first (KISHIDA, answered earlier in this module, came back from the
# cache before it once in CI).
STOPPED = "Compare what President Biden and Prime Minister Kishida said about North Korea in their 2022 and 2023 meetings."


@pytest.fixture
def context(browser, request):  # noqa: F811 (the fixture imported above)
    """A fresh browser profile (its own localStorage) that may read the clipboard; on failure, a screenshot."""
    ARTIFACTS.mkdir(exist_ok=True)
    opened = browser.new_context(viewport={"width": 1400, "height": 950}, permissions=["clipboard-read", "clipboard-write"])
    failed_before = request.session.testsfailed
    yield opened
    if request.session.testsfailed > failed_before:
        for number, page in enumerate(opened.pages):
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-failure-{number}.png"), full_page=True)
    opened.close()


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)


def _answered(page, answers: int, question: str) -> None:
    """Wait until the chat shows `answers` answers, the last one finished, and the sources of `question`."""
    page.wait_for_function("n => document.querySelectorAll('#chat .message.bot').length === n && "
                           "!document.querySelector('#chat').innerText.includes('Searching the readouts')",
                           arg=answers, timeout=60_000)
    page.locator("#sources summary", has_text=question).wait_for(timeout=30_000)


def _ask(page, question: str) -> None:
    answers = page.locator("#chat .message.bot").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    _answered(page, answers + 1, question)


def _turns(page) -> list[str]:
    return page.locator("#sources details.turn > summary").all_inner_texts()


def test_chat_cards_chips_copy_retry_filters_edit_reload_export(context, app_url):  # noqa: F811
    from playwright.sync_api import expect

    page = context.new_page()
    _open(page, app_url)
    _ask(page, INDO_PACIFIC)

    # One card per cited paragraph, its quote marked in the whole paragraph; [2] leads to its own card.
    assert page.locator("#sources details.turn[open] .src").count() == 2
    expect(page.locator("#src-1-1").locator("b").first).to_have_text("[1]")
    card = page.locator("#src-1-2")
    expect(card.locator("b").first).to_have_text("[2]")
    expect(card.locator(".para mark")).to_have_count(1)
    second = page.locator("#chat a.cite", has_text="[2]")
    expect(second).to_have_attribute("href", "#src-1-2")
    # The date of each citation next to its [n], the source in its hover title.
    expect(page.locator("#chat .chip").first).to_have_text(KISHIDA_CALL_DATE)
    assert EAST_ASIA_DATE in second.get_attribute("title") and "White House" in second.get_attribute("title")
    second.click()
    expect(card).to_have_class(re.compile(r"\bactive\b"))

    # Copy an answer: its text with [n] and a line per source, no HTML.
    page.locator("#chat .message-buttons-left button[title='Copy message']").last.click()
    page.wait_for_function("() => navigator.clipboard.readText().then((t) => t.includes('Indo-Pacific'))", timeout=10_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[1]" in copied and "<a" not in copied and "class=" not in copied
    assert re.search(rf"^\[2\] .*{EAST_ASIA_DATE}.*paragraph 1$", copied, re.M), copied

    # Retry answers the question again in its place: still one question, one answer.
    page.locator("#chat button[title='Retry']").click()
    _answered(page, 1, INDO_PACIFIC)
    assert _turns(page) == [f"Question 1: {INDO_PACIFIC}"]

    # Dates from the filter pickers apply to the next question and are shown under its answer.
    page.get_by_text("Filters (apply to the next question)").click()
    page.fill("#date-from input", "2022-01-01")
    page.fill("#date-to input", "2022-12-31")
    _ask(page, KISHIDA)
    last = page.locator("#chat .message.bot").last
    expect(last.locator(".filters-used")).to_have_text("Filters: from 2022-01-01 · to 2022-12-31")
    chips = last.locator(".chip").all_inner_texts()
    assert chips and all(c.startswith("2022") for c in chips), chips
    expect(page.locator("#chat .message.bot").first.locator(".filters-used")).to_have_count(0)  # asked unfiltered
    page.screenshot(path=str(ARTIFACTS / "chat.png"))

    # Undo takes the last turn back and returns its question to the box; asked again, it is answered again.
    page.locator("#chat button[title='Undo']").click()
    expect(page.locator("#question textarea")).to_have_value(KISHIDA)
    expect(page.locator("#chat .message.bot")).to_have_count(1)
    assert _turns(page) == [f"Question 1: {INDO_PACIFIC}"]
    page.click("#ask")
    _answered(page, 2, KISHIDA)

    # A click on an earlier answer makes it the one to export.
    page.locator("#chat .message.bot").first.click(position={"x": 12, "y": 12})
    expect(page.locator("#export")).to_have_text("Export answer 1 (Markdown)", timeout=30_000)
    with page.expect_download() as download:
        page.click("#export")
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith(f"# {INDO_PACIFIC}\n")
    # A click on the last answer names it as the last one again.
    page.locator("#chat .message.bot").last.click(position={"x": 12, "y": 12})
    expect(page.locator("#export")).to_have_text("Export the last answer (Markdown)", timeout=30_000)
    with page.expect_download() as download:
        page.click("#export")
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith(f"# {KISHIDA}\n")

    # Edit the first question: it is answered anew (under its own filters: none) and the turn after it goes.
    page.locator("#chat .message-buttons-right button[title='Edit']").first.click()
    page.locator("#chat textarea").first.fill(TAIWAN)
    page.locator("#chat button[title='Submit']").click()
    _answered(page, 1, TAIWAN)
    assert _turns(page) == [f"Question 1: {TAIWAN}"]
    expect(page.locator("#chat .message.user")).to_have_text(TAIWAN)
    expect(page.locator("#chat .message.bot .filters-used")).to_have_count(0)

    # A reload finds the conversation, kept in the browser, with its sources.
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    _answered(page, 1, TAIWAN)
    expect(page.locator("#chat .message.user")).to_have_text(TAIWAN)
    page.locator("#chat a[href='#src-1-1']").first.click()
    quote = page.locator("#src-1-1 mark").first.inner_text()
    assert "Taiwan" in quote
    readout_id = parse_qs(urlparse(page.locator("#src-1-1 a", has_text="permalink").get_attribute("href")).query)["readout"][0]

    # Export: the answer with its sources as a Markdown download, quotes verbatim, readout ids named. (The page's load
    # event sets the button anew after the reload: on 2 busy cores it once took longer than the 5 s default.)
    expect(page.locator("#export")).to_have_text("Export the last answer (Markdown)", timeout=30_000)
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename.endswith(".md")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert exported.startswith(f"# {TAIWAN}\n") and "## Sources" in exported
    assert f"> {quote}" in exported and f"`{readout_id}`" in exported

    # A new profile (another browser) starts with an empty conversation: it is kept per browser.
    other = context.browser.new_page()
    _open(other, app_url)
    time.sleep(2)  # the stored conversation, if any, arrives with the page's load event
    expect(other.locator("#chat .message")).to_have_count(0)
    other.close()


def test_stop_cancels_a_running_answer(context, app_url):  # noqa: F811
    from playwright.sync_api import expect

    page = context.new_page()
    _open(page, app_url)
    # Click Stop the moment it shows (the answer is under way): a person could not be this quick, a test must be.
    page.evaluate("""() => new MutationObserver((changes, observer) => {
        const stop = document.querySelector('#stop');
        if (stop && stop.offsetParent !== null) { observer.disconnect(); stop.click(); }
      }).observe(document.body, {subtree: true, childList: true, attributes: true})""")
    page.fill("#question textarea", STOPPED)
    page.click("#ask")
    expect(page.locator("#question textarea")).to_have_value(STOPPED, timeout=30_000)  # back in the box
    expect(page.locator("#stop")).to_be_hidden()
    time.sleep(3)  # long enough for the cancelled answer to have arrived, were it still coming
    expect(page.locator("#chat .message")).to_have_count(0)
    assert _turns(page) == []


def test_phone_sources_under_the_answer_with_a_way_back(context, app_url):  # noqa: F811
    from playwright.sync_api import expect

    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, app_url)
    _ask(page, INDO_PACIFIC)
    chat, sources = page.locator("#chat").bounding_box(), page.locator("#sources").bounding_box()
    assert sources["y"] >= chat["y"] + chat["height"], (chat, sources)  # one column: sources below
    assert sources["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing forces sideways scrolling
    page.locator("#chat a.cite", has_text="[2]").click()
    card = page.locator("#src-1-2")
    expect(card).to_be_in_viewport()
    answer = page.locator("#chat .message.bot").first
    expect(answer).not_to_be_in_viewport()
    page.screenshot(path=str(ARTIFACTS / "chat-phone.png"))
    card.locator("a.back").click()
    expect(answer).to_be_in_viewport()


def test_highlights_read_in_dark_mode(context, app_url):  # noqa: F811
    page = context.new_page()
    _open(page, app_url + "?__theme=dark")
    assert page.evaluate("document.body.classList.contains('dark')")
    _ask(page, INDO_PACIFIC)
    page.locator("#chat a[href='#src-1-1']").first.click()
    ratio = page.evaluate("""() => {
        const mark = document.querySelector('#src-1-1 mark'), style = getComputedStyle(mark);
        const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => {
          v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      }""")
    assert ratio >= 4.5, f"highlighted text contrast {ratio:.2f} in dark mode"
    page.locator("#sources").screenshot(path=str(ARTIFACTS / "chat-dark.png"))

