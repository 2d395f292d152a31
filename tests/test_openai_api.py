"""/v1/models and /v1/chat/completions through the real `openai` client, against a running
`readouts serve` with a token (tests/servers.py), and once with an LLM answerer configured
(the OpenAI-protocol model server of tests/test_llm.py standing in for vLLM or Ollama)."""
from __future__ import annotations

import json
import re
import shutil
import threading

import httpx
import openai
import pytest

from tests.servers import start_server
from tests.test_llm import FakeModelServer

TOKEN = "openai-token-321"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUESTION = "What did President Biden and President Xi discuss about Taiwan?"
FOLLOW_UP = "What else did they discuss?"


@pytest.fixture(scope="module")
def server(corpus_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("openai") / "index"
    shutil.copytree(corpus_index, folder)
    with start_server(folder, folder.parent, token=TOKEN, headers={}) as client:
        yield client


@pytest.fixture(scope="module")
def client(server):
    return openai.OpenAI(base_url=f"{server.base_url}/v1", api_key=TOKEN, max_retries=0, timeout=120)


def ask(client, *messages, **options):
    turns = [{"role": "user", "content": m} if isinstance(m, str) else m for m in messages]
    return client.chat.completions.create(model="readouts-extractive", messages=turns, **options)


def markers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\](?!\()", text.split("**Sources**")[0])}


def test_models_lists_the_extractive_answerer(client):
    assert [m.id for m in client.models.list()] == ["readouts-extractive"]
    assert client.models.retrieve("readouts-extractive").owned_by == "readouts"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_a_completion_is_the_api_answer_with_sources(client, server):
    completion = ask(client, {"role": "system", "content": "Be brief."}, QUESTION, temperature=0.2, max_tokens=50)
    expected = server.post("/api/ask", headers=AUTH, json={"question": QUESTION}).json()
    text = completion.choices[0].message.content
    assert completion.object == "chat.completion" and completion.model == "readouts-extractive"
    assert completion.choices[0].finish_reason == "stop"
    assert text.startswith(expected["answer"]) and "**Sources**" in text
    assert completion.citations == expected["citations"] and completion.refused is False
    assert markers(text) == {c["n"] for c in expected["citations"]}
    for c in expected["citations"]:
        assert f"- [{c['n']}] " in text and f"readout `{c['readout_id']}`" in text and c["quote"] in text
    refusal = ask(client, "What is the boiling point of mercury?")
    assert refusal.refused is True and refusal.citations == [] and "Sources" not in refusal.choices[0].message.content


def test_streaming_gives_the_same_reply_in_chunks(client, server):
    whole = ask(client, QUESTION)
    chunks = list(ask(client, QUESTION, stream=True, stream_options={"include_usage": False}))
    assert all(c.object == "chat.completion.chunk" for c in chunks) and len(chunks) > 3
    assert chunks[0].choices[0].delta.role == "assistant"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].citations == whole.citations
    with server.stream("POST", "/v1/chat/completions", headers=AUTH, json={
            "model": "readouts-extractive", "stream": True, "messages": [{"role": "user", "content": QUESTION}]}) as raw:
        assert raw.headers["content-type"].startswith("text/event-stream")
        events = [line for line in raw.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "data: [DONE]" and json.loads(events[-2][6:])["citations"] == whole.citations


def test_a_follow_up_is_answered_from_the_history(client, server):
    first = ask(client, QUESTION)
    cited = {c["readout_id"] for c in first.citations}
    follow = ask(client, QUESTION, {"role": "assistant", "content": first.choices[0].message.content}, FOLLOW_UP)
    alone = ask(client, FOLLOW_UP)
    assert follow.citations and {c["readout_id"] for c in follow.citations} <= cited
    assert follow.citations != alone.citations  # the same words without the history answer otherwise
    # The same history through /api/ask, where the cited readouts are given outright.
    expected = server.post("/api/ask", headers=AUTH, json={
        "question": FOLLOW_UP, "history": [{"question": QUESTION, "cited": sorted(cited)}]}).json()
    assert follow.citations == expected["citations"]
    # Content given as a list of parts, as some clients send it, reads the same.
    parts = ask(client, QUESTION, {"role": "assistant", "content": [{"type": "text", "text": first.choices[0].message.content}]},
                {"role": "user", "content": [{"type": "text", "text": FOLLOW_UP}]})
    assert parts.citations == follow.citations


def test_filters_ride_in_readouts_filters(client):
    dated = ask(client, QUESTION, extra_body={"readouts_filters": {"date_from": "2022-01-01", "date_to": "2022-12-31"}})
    assert dated.citations and all("2022-01-01" <= c["date"] <= "2022-12-31" for c in dated.citations)
    with pytest.raises(openai.BadRequestError) as bad:
        ask(client, QUESTION, extra_body={"readouts_filters": {"date_from": "2021-13-01"}})
    assert bad.value.body["param"] == "readouts_filters" and "filters.date_from" in bad.value.body["message"]


def test_the_token_guards_v1(server, client):
    bare = httpx.Client(base_url=server.base_url, timeout=60)
    for path in ("/v1/models", "/v1/chat/completions", "/v1/nothing"):
        response = bare.post(path, json={}) if "chat" in path else bare.get(path)
        assert response.status_code == 401, path
        assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    wrong = openai.OpenAI(base_url=client.base_url, api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()
    with pytest.raises(openai.AuthenticationError):
        ask(wrong, QUESTION)


@pytest.mark.parametrize("body, status, param", [
    ({"model": "gpt-4o", "messages": [{"role": "user", "content": QUESTION}]}, 404, "model"),
    ({"model": "readouts-extractive", "messages": []}, 400, "messages"),
    ({"model": "readouts-extractive", "messages": [{"content": QUESTION}]}, 400, "messages.0.role"),
    ({"model": "readouts-extractive", "messages": [{"role": "system", "content": "hi"}]}, 400, "messages"),
    ({"model": "readouts-extractive", "messages": [{"role": "user", "content": "  "}]}, 400, "messages"),
    ({"model": "readouts-extractive", "messages": [{"role": "user", "content": "x" * 2001}]}, 400, "messages"),
    ({"messages": [{"role": "user", "content": QUESTION}]}, 400, "model"),
    ({"model": "readouts-extractive", "messages": [{"role": "user", "content": QUESTION}], "n": 2}, 400, "n"),
    ({"model": "readouts-extractive", "messages": [{"role": "user", "content": QUESTION}], "colour": 1}, 400, "colour"),
])
def test_bad_requests_get_openai_errors(server, body, status, param):
    response = server.post("/v1/chat/completions", headers=AUTH, json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["param"] == param and error["message"]


def test_bodies_are_bounded_and_methods_checked(server):
    turns = [{"role": "user", "content": "y" * 1000}] * 1100
    big = server.post("/v1/chat/completions", headers=AUTH, json={"model": "readouts-extractive", "messages": turns})
    assert big.status_code == 413 and "bytes" in big.json()["error"]["message"]
    assert server.post("/v1/chat/completions", headers=AUTH, content=b"{not json").status_code == 400
    wrong = server.get("/v1/chat/completions", headers=AUTH)
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST" and wrong.json()["error"]["message"]


# --- with an LLM answerer: a second model ----------------------------------------------------
@pytest.fixture(scope="module")
def llm_server(corpus_index, tmp_path_factory):
    model = FakeModelServer()
    threading.Thread(target=model.serve_forever, daemon=True).start()
    folder = tmp_path_factory.mktemp("openai-llm") / "index"
    shutil.copytree(corpus_index, folder)
    env = {"READOUTS_LLM_BASE_URL": model.url, "READOUTS_LLM_MODEL": "fake"}
    with start_server(folder, folder.parent, token=TOKEN, env=env) as client:
        client.model = model
        yield client
    model.shutdown()
    model.server_close()


def test_the_llm_answerer_is_a_second_model(llm_server):
    client = openai.OpenAI(base_url=f"{llm_server.base_url}/v1", api_key=TOKEN, max_retries=0, timeout=120)
    assert [m.id for m in client.models.list()] == ["readouts-extractive", "readouts-llm"]
    llm_server.model.reply = "They discussed Taiwan and the one China policy [2]. They spoke about climate [1]."
    chunks = list(client.chat.completions.create(model="readouts-llm", stream=True,
                                                 messages=[{"role": "user", "content": QUESTION}]))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    # The model's [2] is the second paragraph it was given; the checked reply numbers citations from 1.
    assert text.startswith("They discussed Taiwan and the one China policy [1]. They spoke about climate [2].")
    assert [c["n"] for c in chunks[-1].citations] == [1, 2] and markers(text) == {1, 2}
    assert llm_server.model.requests[-1]["model"] == "fake"
    extractive = client.chat.completions.create(model="readouts-extractive",
                                                messages=[{"role": "user", "content": QUESTION}])
    assert not extractive.choices[0].message.content.startswith("They discussed")


def test_api_ask_stream_sends_the_llm_draft_then_the_checked_answer(llm_server):
    llm_server.model.reply = "They discussed Taiwan and the one China policy [2]. They spoke about climate [1]."
    with llm_server.stream("POST", "/api/ask/stream", json={"question": QUESTION}) as response:
        events = [json.loads(line) for line in response.iter_lines() if line]
    *deltas, last = events
    assert len(deltas) > 3 and "".join(d["delta"] for d in deltas) == llm_server.model.reply  # the model's own words
    assert last["answer"].startswith("They discussed Taiwan and the one China policy [1].")  # renumbered once checked
    assert [c["n"] for c in last["citations"]] == [1, 2] and last["refused"] is False
