"""A hostile caller against real `readouts serve` processes: server files through the upload event,
routes without credentials, password guessing, wrong methods, hostile bodies, and questions held up
by an upload. The model behind each server is the real bundled one; the index is the real seed."""
from __future__ import annotations

import base64
import json
import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest

from eval.api_load import app_event, file_data
from tests.conftest import CORPUS, SEEDS
from tests.servers import start_server

TOKEN = "s3cret-token"
LOGIN = ("ann", "pw-4-ann")
BEARER = {"Authorization": f"Bearer {TOKEN}"}
SEED_ID = "000_95fd29420489899a"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, embedder) -> Path:
    from index.api import Library

    folder = tmp_path_factory.mktemp("security") / "index"
    library = Library(folder, embedder=embedder)
    assert not library.ingest_paths([SEEDS]).failed
    library.close()
    return folder


def _served(seed_index: Path, tmp_path_factory, **kwargs):
    where = tmp_path_factory.mktemp("served")
    shutil.copytree(seed_index, where / "index")
    uploads = where / "gradio"  # the server's upload folder, ours to inspect
    env = {"GRADIO_TEMP_DIR": str(uploads), **kwargs.pop("env", {})}
    return start_server(where / "index", where, env=env, **kwargs), uploads


@pytest.fixture(scope="module")
def token_server(seed_index, tmp_path_factory):
    # Many wrong credentials on purpose: a throttle over them would answer 429 before the check under test.
    server, uploads = _served(seed_index, tmp_path_factory, token=TOKEN, env={"READOUTS_AUTH_FAILURES": "100000"})
    with server as client:
        client.uploads = uploads
        yield client


def _bare(client: httpx.Client, **headers) -> httpx.Client:
    return httpx.Client(base_url=client.base_url, timeout=120, headers=headers)


def _basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


# --- the upload event ----------------------------------------------------------------------------
def _ingested(message: dict) -> str:
    return json.dumps(message.get("output", {}))


def test_the_upload_event_ingests_only_files_uploaded_through_the_server(token_server, tmp_path):
    marker = f"MARKER{time.monotonic_ns()}"
    secret = tmp_path / "secret-notes.txt"
    secret.write_text(f"title: Secret\n\nServer-side file {marker} that nobody uploaded.\n")
    index_db = Path(token_server.log.name).parent / "index" / "readouts.sqlite"
    for path in (secret, index_db, "/etc/hostname", "/dev/zero"):
        message = app_event(token_server, "upload", [[file_data(path)]])
        assert "added 1" not in _ingested(message), path
    assert token_server.get("/api/readouts/secret-notes").status_code == 404
    assert token_server.get("/api/readouts/readouts").status_code == 404
    copies = [p for p in token_server.uploads.rglob("*") if p.is_file() and marker in p.read_text(errors="ignore")]
    assert copies == []  # not even copied into Gradio's cache, from where its file route would serve it
    # A link placed in the upload folder is not an upload either.
    token_server.uploads.mkdir(parents=True, exist_ok=True)
    link = token_server.uploads / "planted.txt"
    link.symlink_to(secret)
    assert "added 1" not in _ingested(app_event(token_server, "upload", [[file_data(link)]]))
    # The same bytes uploaded through the upload route are ingested: the check is not a blanket refusal.
    uploaded = token_server.post("/gradio_api/upload", files={"files": ("secret-notes.txt", secret.read_bytes())}).json()
    assert "added 1" in _ingested(app_event(token_server, "upload", [[file_data(uploaded[0])]]))
    assert marker in token_server.get("/api/readouts/secret-notes").text
    token_server.post("/api/ask", json={"question": "x"})  # the server still answers
    assert _bare(token_server).post("/gradio_api/queue/join", json={"data": [], "fn_index": 0}).status_code == 401


def test_the_file_route_serves_no_server_file(token_server):
    index_db = Path(token_server.log.name).parent / "index" / "readouts.sqlite"
    for target in ("README.md", "pyproject.toml", str(index_db), "/etc/hostname", "../../etc/hostname",
                   str(token_server.base_url.join("/api/health"))):
        response = token_server.get(f"/gradio_api/file={target}")
        assert response.status_code in (403, 404), (target, response.status_code)


# --- the token guards every route ----------------------------------------------------------------
ROUTES = [("GET", "/api/health"), ("GET", "/api/search?q=Olympics"), ("POST", "/api/ask"),
          ("GET", f"/api/readouts/{SEED_ID}"), ("GET", "/api/openapi.json"), ("GET", "/openapi.json"),
          ("GET", "/docs"), ("GET", "/gradio_api/info"), ("GET", "/config"), ("POST", "/gradio_api/upload"),
          ("POST", "/gradio_api/queue/join"), ("POST", "/gradio_api/call/ask"), ("POST", "/gradio_api/call/search"),
          ("GET", "/api/docs"), ("POST", "/api/ask/stream"), ("GET", "/v1/models"), ("POST", "/v1/chat/completions")]


@pytest.mark.parametrize("method, path", ROUTES)
def test_the_token_guards_every_programmatic_route(token_server, method, path):
    body = {"question": "What about the Olympics?"} if path.startswith("/api/ask") else {"data": ["Olympics"]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, _basic("api", TOKEN)):
        response = _bare(token_server, **headers).request(method, path, json=body if method == "POST" else None)
        assert response.status_code == 401, (path, headers, response.status_code)
    allowed = token_server.request(method, path, json=body if method == "POST" else None)
    assert allowed.status_code != 401, (path, allowed.text[:200])


def test_gradio_client_needs_the_token_and_the_page_login_takes_it(token_server):
    from gradio_client import Client

    url = str(token_server.base_url)
    with pytest.raises(Exception):
        Client(url, verbose=False)
    answer = Client(url, headers=BEARER, verbose=False).predict("What did Wang Yi say about the Winter Olympics?",
                                                                 api_name="/ask")
    assert answer["citations"] and answer["citations"][0]["readout_id"] == SEED_ID
    browser = _bare(token_server)
    page = browser.get("/")  # the login form, not a bare 401
    assert page.status_code == 200 and '"auth_required":true' in page.text.replace(" ", "")
    assert browser.get("/config").status_code == 401
    assert browser.post("/login", data={"username": "anyone", "password": "wrong"}).status_code == 400
    assert browser.post("/login", data={"username": "anyone", "password": TOKEN}).status_code == 200
    assert browser.get("/config").status_code == 200  # the login session's cookie
    assert browser.get("/api/health").status_code == 401  # the API itself takes the token, not the page session


def test_a_login_only_server_guards_the_api_with_the_login(seed_index, tmp_path_factory):
    server, _ = _served(seed_index, tmp_path_factory, auth=":".join(LOGIN), headers={})
    with server as client:
        assert client.get("/api/health").status_code == 401
        assert client.get("/api/health", headers=_basic("ann", "nope")).status_code == 401
        assert client.get("/api/health", headers=_basic(*LOGIN)).json()["status"] == "ok"
        assert client.get("/v1/models").status_code == 401  # /v1 follows the rule of /api
        assert client.get("/v1/models", headers=_basic(*LOGIN)).json()["data"][0]["id"] == "readouts-extractive"
        assert client.get("/gradio_api/info").status_code == 401
        assert client.post("/login", data={"username": LOGIN[0], "password": LOGIN[1]}).status_code == 200
        assert client.get("/gradio_api/info").status_code == 200


def test_with_both_the_api_takes_the_token_and_the_page_the_login(seed_index, tmp_path_factory):
    server, _ = _served(seed_index, tmp_path_factory, token=TOKEN, auth=":".join(LOGIN), headers={})
    with server as client:
        assert client.get("/api/health", headers=_basic(*LOGIN)).status_code == 401
        assert client.get("/api/health", headers=BEARER).status_code == 200
        assert client.post("/login", data={"username": "x", "password": TOKEN}).status_code == 400
        assert client.get("/gradio_api/info", headers=BEARER).status_code == 200
        assert client.post("/login", data={"username": LOGIN[0], "password": LOGIN[1]}).status_code == 200
        assert client.get("/config").status_code == 200


def test_failed_attempts_are_throttled(seed_index, tmp_path_factory):
    server, _ = _served(seed_index, tmp_path_factory, token=TOKEN, headers={})
    with server as client:
        for _ in range(10):
            assert client.get("/api/health", headers={"Authorization": "Bearer guess"}).status_code == 401
        locked = client.get("/api/health", headers=BEARER)
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
        assert client.post("/login", data={"username": "x", "password": TOKEN}).status_code == 429


# --- methods and hostile bodies ------------------------------------------------------------------
@pytest.mark.parametrize("method, path, allow", [("GET", "/api/ask", "POST"), ("POST", "/api/search", "GET"),
                                                 ("DELETE", f"/api/readouts/{SEED_ID}", "GET"),
                                                 ("PUT", "/api/health", "GET")])
def test_wrong_methods_get_405(token_server, method, path, allow):
    response = token_server.request(method, path)
    assert response.status_code == 405 and response.headers["Allow"] == allow
    assert token_server.get("/api/no-such-route").status_code == 404


HOSTILE = [
    ('{"question": "\\ud800 Olympics"}', "question"),
    ('{"question": "Olympics", "id": "\\udfff"}', "id"),
    ('{"question": "Olympics", "filters": {"source": "\\ud800"}}', "filters.source"),
    ('{"question": "Olympics", "history": ["\\ud800"]}', "history[0]"),
    ('{"question": "Olympics", "history": [{"question": "ok", "cited": ["\\ud800"]}]}', "history[0].cited[0]"),
    ("[" * 30000 + "]" * 30000, "body"),
    ('{"question": "Olympics", "k": ' + "9" * 4400 + "}", "body"),
    ('{"question": "Olympics", "k": 1e999}', "body"),
    ('{"question": "Olympics", "k": NaN}', "body"),
]


@pytest.mark.parametrize("body, field", HOSTILE)
def test_hostile_bodies_get_400_naming_the_field(token_server, body, field):
    response = token_server.post("/api/ask", content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:300]
    assert response.json()["error"].startswith(field)


def test_bytes_that_are_not_utf8_get_400(token_server):
    response = token_server.post("/api/ask", content=b'{"question": "\xff"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    # A surrogate percent-encoded in a URL is decoded as U+FFFD by the server: a plain question, no crash.
    assert token_server.get("/api/search?q=%ED%A0%80").status_code in (200, 400)
    assert token_server.get("/api/search", params={"q": "Olympics", "history": "[" * 5000}).status_code == 400
    assert token_server.post("/api/ask", json={"question": "What did Wang Yi say?"}).status_code == 200


# --- reads during a write ------------------------------------------------------------------------
def test_questions_are_answered_while_an_upload_embeds(token_server, tmp_path):
    with open(CORPUS / "whitehouse_readouts.jsonl", encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(120), lines)]
    big = tmp_path / "big-upload.jsonl"  # ~300 KB: tens of seconds of embedding on two cores
    big.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    uploaded = token_server.post("/gradio_api/upload", files={"files": (big.name, big.read_bytes())}).json()
    finished = {}

    def upload():
        finished["message"] = app_event(token_server, "upload", [[file_data(uploaded[0])]])
        finished["at"] = time.monotonic()

    writer = threading.Thread(target=upload)
    writer.start()
    time.sleep(3)  # let the upload reach its embedding
    answered = []
    while writer.is_alive() and len(answered) < 3:
        response = token_server.post("/api/ask", json={"question": "What did Wang Yi say about the Winter Olympics?"})
        assert response.status_code == 200
        answered.append(time.monotonic())
    writer.join(timeout=600)
    assert "added 120" in _ingested(finished["message"])
    assert len(answered) == 3 and answered[-1] < finished["at"], "questions waited for the upload"
