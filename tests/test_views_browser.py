"""The analyst views in headless Chromium (the fixtures of tests/test_browser.py): a Timeline with its chart,
an entry opened to its paragraph and on to the Compare view of its event, language over time, a Compare
reached by id, and the Who met whom directory leading to a participant's timeline.

Saves test-artifacts/timeline.png, compare.png and participants.png (docs/APP.md shows copies).
"""
from __future__ import annotations

import re

import pytest

from tests.test_browser import ARTIFACTS, app_url, browser, page, served  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

WH = "wh-2022-03-26-readout-of-president-bidens-meeting-with-foreign-minister-kuleba-and-defense-minister-reznikov-of-ukraine"
SD = "sd-secretary-blinken-and-secretary-austins-meeting-with-ukraines-foreign-minister-kuleba-and-defense-minister-reznikov"
WH_TITLE = "Readout of President Biden’s Meeting with Foreign Minister Kuleba and Defense Minister Reznikov of Ukraine"


def _open(page, url: str, tab: str) -> None:
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.get_by_role("tab", name=tab).click()


def _timeline(page, participant: str, with_: str = "", topic: str = "", days: tuple[str, str] = ("", "")) -> None:
    page.fill("#tl-participant textarea", participant)
    page.fill("#tl-with textarea", with_)
    page.fill("#tl-topic textarea", topic)
    page.fill("#tl-from textarea", days[0])
    page.fill("#tl-to textarea", days[1])
    page.click("#tl-go")


def _fill(page, selector: str, value: str) -> None:
    """Type into a textbox and leave it, as a user does; then check the box holds it. (A click straight after
    `fill` on a tab just opened once sent the box empty under load: "left: a readout id is required".)"""
    from playwright.sync_api import expect

    box = page.locator(selector)
    box.fill(value)
    box.press("Tab")
    expect(box).to_have_value(value)
    page.wait_for_timeout(300)  # Gradio takes the box's value on its change event, after the blur


def _shoot(page, name: str, area, height: int = 1300) -> None:
    """A screenshot of an area of the page, at most `height` pixels of it (the docs show these)."""
    area.scroll_into_view_if_needed()
    box = area.bounding_box()  # in viewport coordinates; the clip of a full-page shot is in page coordinates
    top = box["y"] + page.evaluate("window.scrollY")
    page.screenshot(path=str(ARTIFACTS / name), full_page=True,
                    clip={"x": 0, "y": max(top - 8, 0), "width": page.viewport_size["width"],
                          "height": min(box["height"] + 16, height)})


def test_timeline_entry_opens_its_paragraph_and_the_compare_view(page, app_url, library):
    from playwright.sync_api import expect

    from qa.timeline import timeline

    expected = timeline(library, participant="Kuleba")
    _open(page, app_url, "Timeline")
    _timeline(page, "Kuleba")
    summary = page.locator("#tl-summary")
    expect(summary).to_contain_text(f"{len(expected.entries)} readouts of {sum(c for _, c in expected.by_month)} "
                                    "contacts", timeout=60_000)
    expect(page.locator("#tl-plot img")).to_be_visible()
    first = expected.entries[0]
    expect(page.locator("#tl-entries")).to_contain_text(first.event_date)

    # An entry opens its paragraph, the cited sentence marked, with a link to the other readout of the meeting.
    _timeline(page, "Kuleba", days=("2022-03-20", "2022-03-31"))
    expect(summary).to_contain_text("2022-03-26 to 2022-03-26", timeout=60_000)
    page.locator("#tl-entries").get_by_text(WH_TITLE).filter(visible=True).first.click()
    reader = page.locator("#tl-reader")
    expect(reader.locator("mark")).to_contain_text("met with Ukraine’s Foreign Minister Dmytro Kuleba", timeout=30_000)
    expect(reader.locator(".contact")).to_contain_text("Oleksii Reznikov")
    link = reader.get_by_text("Compare with the other readout of this event")
    expect(link).to_be_visible()

    # Language over time for a topic: phrases with first and last use, each cited.
    _timeline(page, "Biden", "Xi Jinping", "Taiwan")
    expect(summary).to_contain_text("about “Taiwan”", timeout=60_000)
    page.get_by_text("Language over time: phrases that recur").click()
    page.click("#tl-language")
    phrases = page.locator("#tl-phrases table.phrases")
    expect(phrases).to_contain_text("one china policy", timeout=60_000)
    expect(phrases).to_contain_text("disappears")
    assert phrases.locator("a.pn").count() >= 4  # first and last use, each a permalink
    page.locator("#tl-entries").get_by_text("On Taiwan").filter(visible=True).first.click()
    expect(page.locator("#tl-reader mark")).to_contain_text("Taiwan", timeout=30_000)
    _shoot(page, "timeline.png", page.locator("#tab-timeline"))
    _shoot(page, "timeline-language.png", page.locator("#tl-phrases"))

    # The compare link (as on a citation card) opens the Compare view of the two readouts.
    _timeline(page, "Kuleba", days=("2022-03-26", "2022-03-26"))
    expect(summary).to_contain_text("2 readouts of 1 contacts (Kuleba)", timeout=60_000)
    page.locator("#tl-entries").get_by_text(WH_TITLE).filter(visible=True).first.click()
    with page.context.expect_page() as opened:
        page.locator("#tl-reader").get_by_text("Compare with the other readout of this event").click()
    compare = opened.value
    result = compare.locator("#cmp-result")
    expect(result).to_contain_text("said by both", timeout=60_000)
    expect(compare.get_by_role("tab", name="Compare")).to_have_attribute("aria-selected", "true")
    expect(compare.locator("#cmp-left textarea")).to_have_value(WH)
    expect(compare.locator("#cmp-right textarea")).to_have_value(SD)
    both = result.locator("tr.both")
    assert both.count() >= 2
    expect(both.first).to_contain_text("Secretary of State Antony J. Blinken and Secretary of Defense")
    expect(result.locator("tr.right-only")).to_contain_text("The below is attributable to Spokesperson Ned Price")
    compare.close()


def test_compare_by_id_takes_the_other_readout_of_the_event(page, app_url):
    from playwright.sync_api import expect

    _open(page, app_url, "Compare")
    _fill(page, "#cmp-left textarea", WH)
    page.click("#cmp-go")
    result = page.locator("#cmp-result")
    expect(result).to_contain_text("said by both", timeout=60_000)
    expect(page.locator("#cmp-right textarea")).to_have_value(SD)
    assert re.search(r"\d+ sentences said by both · \d+ only left · \d+ only right", result.inner_text())
    _shoot(page, "compare.png", page.locator("#tab-compare"))
    _fill(page, "#cmp-right textarea", "no-such-readout")
    page.click("#cmp-go")
    expect(result).to_contain_text("no readout 'no-such-readout'", timeout=30_000)


def test_who_met_whom_leads_to_a_timeline(page, app_url):
    from playwright.sync_api import expect

    _open(page, app_url, "Who met whom")
    expect(page.locator("#dir-plot img")).to_be_visible(timeout=30_000)
    page.fill("#dir-search textarea", "Ukraine")  # names or countries
    table = page.locator("#directory")
    expect(table).to_contain_text("Antony Blinken (27)", timeout=30_000)  # Kuleba's counterparts
    expect(page.get_by_text(re.compile(r"^\d+ participant\(s\)"))).to_be_visible()
    page.wait_for_timeout(500)  # the table settles (a click on a cell still moving selects another row)
    table.get_by_text("Dmytro Kuleba", exact=True).filter(visible=True).first.click()
    person = page.locator("#dir-person")
    expect(person).to_contain_text("Dmytro Kuleba", timeout=30_000)
    expect(person).to_contain_text("30 readouts, first contact 2021-08-04")
    expect(page.locator("#dir-plot img")).to_be_visible()
    _shoot(page, "participants.png", page.locator("#tab-participants"))
    page.click("#dir-timeline")
    expect(page.get_by_role("tab", name="Timeline")).to_have_attribute("aria-selected", "true", timeout=30_000)
    expect(page.locator("#tl-summary")).to_contain_text("30 readouts", timeout=60_000)
    expect(page.locator("#tl-participant textarea")).to_have_value("Dmytro Kuleba")
