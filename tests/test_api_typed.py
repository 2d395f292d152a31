"""The typed /api over a running `readouts serve` (token set): the spec at /api/openapi.json names every
route with its schemas and real responses conform to them, the docs page works offline, and
POST /api/ask/stream streams text then the contract's answer."""
from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from tests.servers import start_server

TOKEN = "typed-token-789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUESTION = "What did President Biden and President Xi discuss about Taiwan?"
KULEBA = "wh-2022-03-26-readout-of-president-bidens-meeting-with-foreign-minister-kuleba-and-defense-minister-reznikov-of-ukraine"
# (method, path, request schema or None, 200 schema) for every /api route
ROUTES = [("post", "/api/ask", "AskRequest", "Answer"), ("post", "/api/ask/stream", "AskRequest", None),
          ("get", "/api/search", None, "Hits"), ("get", "/api/readouts/{readout_id}", None, "Readout"),
          ("get", "/api/participants", None, "Participants"), ("get", "/api/health", None, "Health"),
          ("get", "/api/timeline", None, "Timeline"), ("get", "/api/language", None, "Language"),
          ("get", "/api/compare", None, "Comparison"), ("get", "/api/directory", None, "Directory"),
          ("post", "/v1/chat/completions", "ChatRequest", None), ("get", "/v1/models", None, None)]


@pytest.fixture(scope="module")
def server(corpus_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("typed") / "index"
    shutil.copytree(corpus_index, folder)
    with start_server(folder, folder.parent, token=TOKEN, headers={}) as client:
        yield client


@pytest.fixture(scope="module")
def spec(server):
    response = server.get("/api/openapi.json", headers=AUTH)
    assert response.status_code == 200
    return response.json()


def conforms(spec: dict, name: str, value) -> None:
    """Validate `value` against the spec's own component schema `name` (refs resolved inside the spec)."""
    jsonschema.validate(value, {"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


@pytest.mark.parametrize("method, path, request_schema, response_schema", ROUTES)
def test_the_spec_lists_every_route_with_its_schemas(spec, method, path, request_schema, response_schema):
    operation = spec["paths"][path][method]
    assert operation.get("description")
    if request_schema:
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body == {"$ref": f"#/components/schemas/{request_schema}"}
        assert request_schema in spec["components"]["schemas"]
    if response_schema:
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{response_schema}"}
    if path.startswith("/api/"):
        assert operation["responses"]["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
        assert "422" not in operation["responses"]  # bad input is a 400 naming the field, never FastAPI's 422


def test_the_schema_and_the_server_refuse_an_unknown_field(server, spec):
    schemas = spec["components"]["schemas"]
    assert schemas["AskRequest"]["additionalProperties"] is False and schemas["Filters"]["additionalProperties"] is False
    assert schemas["AskRequest"]["required"] == ["question"]
    conforms(spec, "AskRequest", {"question": QUESTION, "filters": {"date_from": "2022-01-01"}, "k": 3})
    for bad in ({"question": QUESTION, "filter": {}}, {"question": QUESTION, "filters": {"from": "2022"}},
                {"question": QUESTION, "k": 0}, {"k": 3}):
        with pytest.raises(jsonschema.ValidationError):
            conforms(spec, "AskRequest", bad)
        response = server.post("/api/ask", headers=AUTH, json=bad)
        assert response.status_code == 400 and set(response.json()) == {"error"}, bad
    assert server.post("/api/ask", headers=AUTH, json={"question": QUESTION, "filter": {}}).json()["error"] \
        .startswith("unknown field(s): filter")


def test_real_responses_conform_to_the_spec(server, spec):
    answer = server.post("/api/ask", headers=AUTH, json={"id": 7, "question": QUESTION, "k": 3}).json()
    conforms(spec, "Answer", answer)
    assert answer["id"] == 7 and answer["citations"]
    refusal = server.post("/api/ask", headers=AUTH, json={"question": "What is the boiling point of mercury?"}).json()
    conforms(spec, "Answer", refusal)
    checks = [("/api/search?q=grain+exports&k=3", "Hits"), (f"/api/readouts/{KULEBA}", "Readout"),
              ("/api/participants?q=kuleba", "Participants"), ("/api/health", "Health"),
              ("/api/timeline?participant=kuleba&topic=grain", "Timeline"),
              ("/api/language?participant=kuleba&topic=grain", "Language"),
              (f"/api/compare?left={KULEBA}&right={KULEBA}", "Comparison"), ("/api/directory?q=kuleba&limit=3", "Directory"),
              ("/api/readouts/no-such-readout", "Error"), ("/api/search", "Error")]
    for path, name in checks:
        conforms(spec, name, server.get(path, headers=AUTH).json())
    with pytest.raises(jsonschema.ValidationError):  # the check can fail: a field the spec does not know
        conforms(spec, "Health", {**server.get("/api/health", headers=AUTH).json(), "extra": 1})


def test_the_docs_page_is_served_without_a_cdn(server):
    page = server.get("/api/docs", headers=AUTH)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for words in ("/api/ask/stream", "/v1/chat/completions", "id='schema-AskRequest'", "no other fields are accepted"):
        assert words in page.text, words
    assert "<script" not in page.text and "cdn" not in page.text.lower()
    assert server.get("/api/docs").status_code == 401
    wrong = server.post("/api/docs", headers=AUTH)
    assert wrong.status_code == 405 and "GET" in wrong.headers["allow"]


def _stream(server, body: dict) -> list[dict]:
    with server.stream("POST", "/api/ask/stream", headers=AUTH, json=body) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
        return [json.loads(line) for line in response.iter_lines() if line]


def test_ask_stream_sends_text_then_the_answer(server, spec):
    body = {"id": "s1", "question": QUESTION, "k": 3}
    events = _stream(server, body)
    *deltas, last = events
    assert deltas and all(set(e) == {"delta"} for e in deltas)
    conforms(spec, "Answer", last)
    assert last == server.post("/api/ask", headers=AUTH, json=body).json()
    assert "".join(e["delta"] for e in deltas) == last["answer"]  # extractive: the text is final at once
    follow = _stream(server, {"question": "What else did they discuss?",
                              "history": [{"question": QUESTION, "cited": [c["readout_id"] for c in last["citations"]]}]})
    assert follow[-1]["hits"][0]["readout_id"] in {c["readout_id"] for c in last["citations"]}


def test_ask_stream_errors_are_the_api_errors(server):
    assert server.post("/api/ask/stream", headers=AUTH, json={}).json() == {"error": "question: missing"}
    bad = server.post("/api/ask/stream", headers=AUTH, json={"question": QUESTION, "filters": {"date_from": "2021-13-01"}})
    assert bad.status_code == 400 and bad.json()["error"].startswith("filters.date_from")
    big = server.post("/api/ask/stream", headers=AUTH, content=json.dumps({"question": "x" * 70_000}))
    assert big.status_code == 413
    wrong = server.get("/api/ask/stream", headers=AUTH)
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
    assert server.post("/api/ask/stream", json={"question": QUESTION}).status_code == 401
