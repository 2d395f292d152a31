"""The HTTP API over a running `readouts serve` (a subprocess on a free localhost port, over a copy of
the corpus index, with READOUTS_API_TOKEN set), plus the app's shared Service in process."""
from __future__ import annotations

import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import start_server

TOKEN = "test-token-123"
QUESTION = "What did President Biden and President Xi discuss about Taiwan?"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def server(corpus_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("served") / "index"
    shutil.copytree(corpus_index, folder)
    with start_server(folder, folder.parent, token=TOKEN, headers={}) as client:
        yield client


def test_health(server):
    body = server.get("/api/health", headers=AUTH).json()
    assert body["status"] == "ok" and body["readouts"] > 2000 and body["answerer"] == "extractive"


@pytest.mark.parametrize("method, path", [("GET", "/api/health"), ("GET", f"/api/search?q=Taiwan"),
                                          ("POST", "/api/ask"), ("GET", "/api/readouts/anything")])
def test_every_route_needs_the_token(server, method, path):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = server.request(method, path, headers=headers, json={"question": "x"} if method == "POST" else None)
        assert response.status_code == 401, (path, headers)
        assert "bearer token" in response.json()["error"]


def test_ask_returns_the_contract_answer(server):
    response = server.post("/api/ask", headers=AUTH, json={"id": "q1", "question": QUESTION, "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "q1" and body["refused"] is False and len(body["hits"]) == 3
    assert set(body) >= {"answer", "refused", "citations", "hits"}
    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} == {c["n"] for c in body["citations"]}
    for citation in body["citations"]:
        readout = server.get(f"/api/readouts/{citation['readout_id']}", headers=AUTH).json()
        assert citation["quote"] in readout["paragraphs"][citation["paragraph"] - 1]


def test_ask_follow_up_and_filters(server):
    first = server.post("/api/ask", headers=AUTH, json={"question": QUESTION}).json()
    cited = sorted({c["readout_id"] for c in first["citations"]})
    follow = server.post("/api/ask", headers=AUTH, json={
        "question": "What else did they discuss?", "history": [{"question": QUESTION, "cited": cited}]}).json()
    assert follow["hits"][0]["readout_id"] in cited
    dated = server.post("/api/ask", headers=AUTH, json={
        "question": QUESTION, "filters": {"date_from": "2022-01-01", "date_to": "2022-12-31"}}).json()
    assert all("2022-01-01" <= h["date"] <= "2022-12-31" for h in dated["hits"])


def test_search_and_filters(server):
    response = server.get("/api/search", headers=AUTH, params={"q": "grain exports from Ukraine", "k": 4,
                                                               "source": "state", "date_from": "2022-01-01"})
    hits = response.json()["hits"]
    assert response.status_code == 200 and len(hits) == 4
    assert all("State" in h["source"] and h["date"] >= "2022-01-01" for h in hits)
    assert set(hits[0]) == {"readout_id", "paragraph", "title", "date", "event_date", "source", "url", "score", "text"}


def test_readout_and_unknown_readout(server):
    hit = server.get("/api/search", headers=AUTH, params={"q": QUESTION, "k": 1}).json()["hits"][0]
    readout = server.get(f"/api/readouts/{hit['readout_id']}", headers=AUTH).json()
    assert readout["id"] == hit["readout_id"] and readout["paragraphs"][hit["paragraph"] - 1] == hit["text"]
    missing = server.get("/api/readouts/no-such-readout", headers=AUTH)
    assert missing.status_code == 404 and "no-such-readout" in missing.json()["error"]


@pytest.mark.parametrize("body, status, message", [
    ({}, 400, "question: missing"),
    ({"question": "   "}, 400, "non-empty"),
    ({"question": 42}, 400, "non-empty string"),
    ({"question": "x" * 2001}, 400, "limit is 2000"),
    ({"question": QUESTION, "k": 0}, 400, "k: must be"),
    ({"question": QUESTION, "k": 101}, 400, "k: must be"),
    ({"question": QUESTION, "k": "5"}, 400, "k: must be"),
    ({"question": QUESTION, "filters": {"date_from": "2021-13-01"}}, 400, "filters.date_from"),
    ({"question": QUESTION, "filters": {"date_from": "2022-05-01", "date_to": "2022-01-01"}}, 400, "after date_to"),
    ({"question": QUESTION, "filters": {"from": "2022-01-01"}}, 400, "unknown key"),
    ({"question": QUESTION, "history": "earlier"}, 400, "history"),
    ({"question": QUESTION, "filter": {}}, 400, "unknown field"),
])
def test_bad_ask_requests(server, body, status, message):
    response = server.post("/api/ask", headers=AUTH, json=body)
    assert response.status_code == status and message in response.json()["error"], response.text


def test_bad_bodies(server):
    assert server.post("/api/ask", headers=AUTH, content=b"{not json").status_code == 400
    assert "JSON object" in server.post("/api/ask", headers=AUTH, json=["a"]).json()["error"]
    big = json.dumps({"question": "x", "history": ["y" * 70_000]})
    response = server.post("/api/ask", headers=AUTH, content=big)
    assert response.status_code == 413 and "bytes" in response.json()["error"]

    def chunked():  # no Content-Length: the server must still stop reading at the limit
        for _ in range(100):
            yield b"x" * 1024

    assert server.post("/api/ask", headers=AUTH, content=chunked()).status_code == 413


@pytest.mark.parametrize("params, message", [
    ({}, "q: missing"), ({"q": " "}, "non-empty"), ({"q": "x", "k": "abc"}, "whole number"),
    ({"q": "x", "k": "0"}, "k: must be"), ({"q": "x", "date_to": "May 2022"}, "filters.date_to"),
    ({"q": "x", "history": "[1]"}, "history[0]"),
])
def test_bad_search_requests(server, params, message):
    response = server.get("/api/search", headers=AUTH, params=params)
    assert response.status_code == 400 and message in response.json()["error"], response.text


def test_concurrent_requests_agree(server):
    questions = [QUESTION, "What was said about grain exports from Ukraine?",
                 "What did Secretary Blinken and Foreign Minister Kuleba discuss?"]
    alone = {q: server.post("/api/ask", headers=AUTH, json={"question": q}).json() for q in questions}
    # ask narrows to the readouts of the people named, so its hits are compared with its own, search's with search's
    searched = {q: server.get("/api/search", headers=AUTH, params={"q": q, "k": 5}).json() for q in questions}

    def one(i: int):
        q = questions[i % len(questions)]
        if i % 2:
            return q, server.post("/api/ask", headers=AUTH, json={"question": q})
        return q, server.get("/api/search", headers=AUTH, params={"q": q, "k": 5})

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, range(24)))
    for q, response in results:
        assert response.status_code == 200
        body = response.json()
        if "answer" in body:
            assert body == alone[q]
        else:
            assert [(h["readout_id"], h["paragraph"]) for h in body["hits"]] == \
                [(h["readout_id"], h["paragraph"]) for h in searched[q]["hits"]]


def test_the_app_page_is_served(server):
    page = server.get("/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    # Gradio's own client API: with a token set it is guarded like /api/* (docs/APP.md, "Security model").
    assert server.get("/gradio_api/info").status_code == 401
    assert server.get("/gradio_api/info", headers=AUTH).status_code == 200


# --- in process: the shared Service the app and the API both use -------------------------

@pytest.fixture
def service(corpus_index, embedder, tmp_path):
    from index.api import Library
    from ui.service import Service

    folder = tmp_path / "index"
    shutil.copytree(corpus_index, folder)
    library = Library(folder, embedder=embedder, create=False)
    yield Service(library)
    library.close()


def test_upload_and_removal_are_seen_by_the_next_question(service, tmp_path):
    upload = tmp_path / "upload" / "zz-lunar-talks.md"
    upload.parent.mkdir()
    upload.write_text("# Readout of the Lunar Cooperation Talks\n\nThe delegations agreed to build a joint "
                      "observatory on the far side of the Moon by 2031.\n", encoding="utf-8")
    question = "Where will the joint observatory be built?"
    report, per_file = service.ingest([(str(upload), "zz-lunar-talks.md")])
    assert report.added == ("zz-lunar-talks",) and per_file == {"zz-lunar-talks.md": ["zz-lunar-talks"]}
    answer = service.ask(question)
    assert answer.citations and answer.citations[0].readout_id == "zz-lunar-talks"
    assert service.remove(["zz-lunar-talks"]) == (["zz-lunar-talks"], [])
    assert all(h.readout_id != "zz-lunar-talks" for h in service.search(question))


def test_uploads_of_other_formats_are_refused(service, tmp_path):
    from index.types import InputError

    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(InputError, match="not a supported format"):
        service.ingest([(str(bad), "notes.exe")])


def test_feedback_is_a_question_set_line(service):
    answer = service.ask(QUESTION)
    payload = {"question": QUESTION, **answer.to_json()}
    service.record_feedback(payload, "helpful", "good", {"source": "White House"}, [{"question": "hi", "cited": []}])
    service.record_feedback(payload, "wrong", "")
    lines = [json.loads(x) for x in (service.library.folder / "feedback.jsonl").read_text().splitlines()]
    assert [x["feedback"] for x in lines] == ["helpful", "wrong"]
    first = lines[0]
    assert {"id", "question", "answers", "gold", "kind", "filters", "history", "comment", "answer", "created"} <= set(first)
    assert first["kind"] == "feedback" and first["filters"] == {"source": "White House"} and first["comment"] == "good"
    assert first["gold"] == [{"doc": c.readout_id, "paragraph": c.paragraph} for c in answer.citations]
    assert lines[1]["gold"] == [] and lines[1]["cited"] == first["gold"]


def test_ui_login_guards_the_app_and_gradio_client_api(service):
    from starlette.testclient import TestClient

    from ui.cmd_serve import make_app

    with TestClient(make_app(service, auth=("ann", "pw"), token=None)) as client:
        assert client.get("/gradio_api/info").status_code == 401
        assert client.post("/login", data={"username": "ann", "password": "nope"}).status_code == 400
        assert client.post("/login", data={"username": "ann", "password": "pw"}).status_code == 200
        assert client.get("/gradio_api/info").status_code == 200
        # No token: the API takes the login as HTTP Basic.
        assert client.get("/api/health").status_code == 401
        assert client.get("/api/health", auth=("ann", "pw")).status_code == 200


def test_readout_metadata_participants_and_metadata_filters(server):
    seed = server.get("/api/readouts/000_95fd29420489899a", headers=AUTH).json()
    assert seed["event_date"] == "2020-11-26" and seed["kind"] == "meeting"
    assert {p["name"] for p in seed["participants"]} == {"Moon Jae-in", "Wang Yi"} and seed["same_event"] == []
    rows = server.get("/api/participants", headers=AUTH, params={"q": "kuleba"}).json()["participants"]
    assert any(r["name"].endswith("Kuleba") and r["readouts"] > 5 for r in rows)
    hits = server.get("/api/search", headers=AUTH, params={"q": "grain", "participant": "kuleba", "kind": "call",
                                                           "k": 5}).json()["hits"]
    assert hits and all(h["event_date"] for h in hits)
    for hit in hits:
        meta = server.get(f"/api/readouts/{hit['readout_id']}", headers=AUTH).json()
        assert meta["kind"] == "call" and any(p["name"].endswith("Kuleba") for p in meta["participants"])
    assert server.get("/api/search", headers=AUTH, params={"q": "grain", "kind": "phone"}).status_code == 400
