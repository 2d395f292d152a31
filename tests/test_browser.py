"""The app in headless Chromium (Debian's `chromium`, driven by Playwright): ask about the real corpus,
see an answer with [1], click it, see the cited paragraph highlighted; follow up; filter; permalink.

Saves test-artifacts/browser.png and test-artifacts/browser-timing.json (time to first answer).
"""
from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
XI = "wh-2021-11-16-readout-of-president-bidens-virtual-meeting-with-president-xi-jinping-of-the-peoples-republic-of-china"


@pytest.fixture(scope="module")
def served(corpus_index, embedder, tmp_path_factory):
    """The real app (make_app, as `readouts serve` builds it) on a free port, over a copy of the index."""
    import uvicorn

    from index.api import Library
    from ui.cmd_serve import make_app
    from ui.service import Service

    folder = tmp_path_factory.mktemp("browser") / "index"
    shutil.copytree(corpus_index, folder)
    library = Library(folder, embedder=embedder, create=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(Service(library)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/", folder
    server.should_exit = True
    thread.join(timeout=10)
    library.close()


@pytest.fixture(scope="module")
def app_url(served):
    return served[0]


@pytest.fixture
def page(browser, request):
    """A fresh page; on failure its screenshot goes to test-artifacts/<test>-failure.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    opened = browser.new_page(viewport={"width": 1400, "height": 950})
    log: list[str] = []
    opened.on("console", lambda message: log.append(f"console {message.type}: {message.text}"))
    opened.on("request", lambda r: log.append(f"{time.monotonic():.2f} {r.method} {r.url} {(r.post_data or '')[:300]}")
              if "/gradio_api/" in r.url else None)
    failed_before = request.session.testsfailed
    yield opened
    if request.session.testsfailed > failed_before:  # the call's report is counted before teardown
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}-failure.png"), full_page=True)
        (ARTIFACTS / f"{request.node.name}-failure.log").write_text("\n".join(log))
    opened.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _ask(page, question: str) -> tuple[float, float]:
    """Type and send a question; seconds until the first streamed text and until the cited answer."""
    turns = page.locator("#chat .message.bot").count()
    page.fill("#question textarea", question)
    print(f"{time.monotonic():.2f} asking {question!r}, box holds {page.input_value('#question textarea')!r}")
    started = time.monotonic()
    page.click("#ask")
    page.wait_for_function("n => document.querySelectorAll(\"#chat .message.bot\").length > n",
                           arg=turns, timeout=60_000)
    first = time.monotonic() - started
    page.wait_for_function("() => !document.querySelector('#chat').innerText.includes('Searching the readouts')",
                           timeout=60_000)
    answered = time.monotonic() - started
    # The sources panel is updated by the same step; it may paint a moment after the chat.
    page.locator("#sources summary", has_text=f"Question {turns + 1}:").wait_for(timeout=30_000)
    return first, answered


def test_ask_click_citation_follow_up_filter_and_permalink(browser, page, app_url, served):
    from playwright.sync_api import expect

    page.goto(app_url)
    page.wait_for_selector("#question textarea", timeout=60_000)

    first, answered = _ask(page, "What did President Biden and President Xi discuss in their virtual meeting in November 2021?")
    link = page.locator("#chat a[href='#src-1-1']")
    expect(link).to_have_text("[1]")
    link.click()
    card = page.locator("#src-1-1")
    expect(card).to_have_class(re.compile(r"\bactive\b"))
    expect(card.locator("mark")).to_be_in_viewport()
    quote = card.locator("mark").inner_text()
    assert len(quote) > 20 and quote in card.locator(".para").first.inner_text()
    assert "paragraph" in card.locator(".meta").inner_text()
    contact = card.locator(".contact").inner_text()  # readout metadata: kind, day of the contact, participants
    assert "Xi Jinping" in contact and "Joe Biden" in contact and re.search(r"\d{4}-\d{2}-\d{2}", contact)
    page.screenshot(path=str(ARTIFACTS / "browser.png"))

    # A follow-up naming no one is answered from the same meeting (the app sends history with cited ids).
    _ask(page, "Did they talk about the climate crisis?")
    page.locator("#chat a[href='#src-2-1']").click()
    follow = page.locator("#src-2-1")
    expect(follow).to_have_class(re.compile(r"\bactive\b"))
    assert "Xi Jinping" in follow.locator(".meta").inner_text()
    assert "climate" in follow.locator("mark").inner_text().lower()

    # Dates in the filter apply to the next question.
    page.get_by_text("Filters (apply to the next question)").click()
    page.fill("#date-from input", "2023-01-01")
    page.fill("#date-to input", "2023-12-31")
    _ask(page, "What did President Biden and President Xi discuss?")
    third = page.locator("details.turn", has=page.locator("summary", has_text="Question 3:"))
    metas = third.locator(".src .meta").all_inner_texts()
    dates = [re.search(r"\d{4}-\d{2}-\d{2}", m).group() for m in metas]
    assert dates and all(d.startswith("2023") for d in dates), dates

    # The last answer as plain text, and a vote on it with a comment, kept in the index folder.
    page.get_by_text("Copy the last answer with its sources").click()
    assert re.search(r"\[1\] .+\(20\d\d-\d\d-\d\d\), paragraph \d+", page.input_value("#plain textarea"))
    page.get_by_text("Feedback on the last answer").click()
    page.get_by_label("Comment (optional)").fill("only 2023 readouts, as asked")
    page.get_by_role("button", name="👎 Wrong").click()
    expect(page.get_by_text("recorded “wrong” for question 3")).to_be_visible(timeout=30_000)
    vote = json.loads((served[1] / "feedback.jsonl").read_text().splitlines()[-1])
    assert vote["feedback"] == "wrong" and vote["comment"] == "only 2023 readouts, as asked"
    assert vote["filters"] == {"date_from": "2023-01-01", "date_to": "2023-12-31"} and len(vote["history"]) == 2

    # A permalink opens the app on the paragraph, marked.
    other = browser.new_page(viewport={"width": 1400, "height": 950})
    other.goto(f"{app_url}?readout={XI}&paragraph=4&q=Did+they+discuss+Iran%3F")
    linked = other.locator("#src-link mark")
    expect(linked).to_contain_text("climate crisis", timeout=30_000)
    expect(linked).to_be_in_viewport()
    expect(other.locator("#question textarea")).to_have_value("Did they discuss Iran?")
    other.close()

    (ARTIFACTS / "browser-timing.json").write_text(json.dumps(
        {"first_streamed_text_s": round(first, 3), "cited_answer_s": round(answered, 3)}, indent=2))
    print(f"\nbrowser: first streamed text {first:.2f} s, cited answer {answered:.2f} s after the click")


def test_upload_ask_and_remove_in_the_library_tab(page, app_url, tmp_path):
    from playwright.sync_api import expect

    upload = tmp_path / "zz-lunar-talks.md"
    upload.write_text("# Readout of the Lunar Cooperation Talks\n\nThe delegations agreed to build a joint observatory "
                      "on the far side of the Moon by 2031.\n\nA note said <script>alert(1)</script> in passing.\n",
                      encoding="utf-8")
    page.on("dialog", lambda dialog: dialog.accept())  # the removal asks for confirmation
    page.goto(app_url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.get_by_role("tab", name="Library").click()
    page.set_input_files("#upload input[type=file]", str(upload))
    # Uploaded once the file links to its copy on the server.
    page.locator("#upload a[href*='gradio_api/file=']").wait_for(timeout=30_000)
    page.get_by_role("button", name="Ingest uploaded files").click()
    expect(page.get_by_text("added 1, updated 0")).to_be_visible(timeout=60_000)

    page.get_by_label("Search the library (id, title or source)").fill("lunar")
    page.locator("#library").get_by_text("Readout of the Lunar Cooperation Talks").filter(visible=True).first.click()
    expect(page.locator("#reader")).to_contain_text("<script>alert(1)</script>")  # shown as text, never run
    expect(page.locator("#remove-id textarea")).to_have_value("")  # reading a readout never arms its removal

    page.get_by_role("tab", name="Ask").click()
    _ask(page, "Where will the joint observatory be built?")
    expect(page.locator("#src-1-1 .meta")).to_contain_text("Lunar Cooperation Talks")

    page.get_by_role("tab", name="Library").click()
    page.fill("#remove-id textarea", "zz-lunar-talks")
    page.get_by_role("button", name="Remove readout").click()
    expect(page.get_by_text("Removed zz-lunar-talks.")).to_be_visible(timeout=30_000)
