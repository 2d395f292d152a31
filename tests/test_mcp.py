"""The MCP tools as an MCP client meets them: `readouts mcp` started over stdio by the `mcp` package's
own client (as Claude Desktop starts it), and /mcp on a real `readouts serve` behind the API token.
Real corpus index, real bundled model, extractive answers."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the mcp extra is not installed")

import httpx  # noqa: E402
import httpx2  # noqa: E402  (the mcp package's HTTP client)
from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402

from tests.servers import REPO, start_server  # noqa: E402

TOOLS = {"search", "ask", "readout", "timeline", "participants"}
ALIYEV = "sd-secretary-blinkens-call-with-azerbaijani-president-aliyev-4"
TOKEN = "mcp-test-token"
# The answerer is the extractive one whatever the environment says (an LLM would make answers vary).
QUIET_ENV = {"READOUTS_LLM_BASE_URL": "", "READOUTS_LLM_MODEL": ""}


@asynccontextmanager
async def stdio_session(index: Path):
    """A client session with `python -m ui.cli mcp --index INDEX`, spawned as an MCP client would."""
    params = StdioServerParameters(command=sys.executable, args=["-m", "ui.cli", "mcp", "--index", str(index)],
                                   cwd=str(REPO), env={**os.environ, **QUIET_ENV})
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def over_stdio(index: Path, body):
    """Run `body(session)` against a fresh stdio server; returns what it returns."""
    async def main():
        async with stdio_session(index) as session:
            return await body(session)

    return asyncio.run(main())


def called(result):
    """The structured content and the text of a successful tool call."""
    assert not result.is_error, result.content
    return result.structured_content, "\n".join(part.text for part in result.content)


def test_the_tools_are_listed_with_descriptions_and_typed_parameters(corpus_index):
    async def body(session):
        return (await session.list_tools()).tools

    tools = {tool.name: tool for tool in over_stdio(corpus_index, body)}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert len(tool.description) > 120, tool.name  # says when to use it, not just its name
        assert "  " not in tool.description and "\n" not in tool.description, tool.name
        assert tool.output_schema and tool.output_schema["type"] == "object", tool.name
        assert tool.annotations.read_only_hint, tool.name
    search = tools["search"].input_schema
    assert search["required"] == ["question"]
    assert search["properties"]["question"]["type"] == "string"
    assert search["properties"]["k"]["minimum"] == 1 and search["properties"]["k"]["default"] == 10
    filters = search["$defs"]["Filters"]
    assert {"date_from", "date_to", "source", "participant", "country", "kind"} <= set(filters["properties"])
    assert filters["additionalProperties"] is False
    assert {"history", "filters"} <= set(tools["ask"].input_schema["properties"])
    assert tools["readout"].input_schema["required"] == ["id"]
    timeline = tools["timeline"].input_schema["properties"]
    assert {"participant", "with", "country", "topic", "date_from", "date_to"} == set(timeline)
    assert all(spec.get("description") for spec in timeline.values())
    assert set(tools["ask"].output_schema["properties"]) >= {"answer", "refused", "citations", "hits"}


def test_ask_cites_paragraphs_whose_text_holds_each_quote(corpus_index):
    async def body(session):
        answer = await session.call_tool("ask", {
            "question": "What did Secretary Blinken urge President Aliyev to do on their call?",
            "filters": {"date_from": "2022-07-20", "date_to": "2022-07-31"}})
        out, text = called(answer)
        paragraphs = [called(await session.call_tool("readout", {"id": c["readout_id"], "paragraph": c["paragraph"]}))
                      for c in out["citations"]]
        return out, text, paragraphs

    out, text, paragraphs = over_stdio(corpus_index, body)
    assert not out["refused"] and out["citations"]
    assert "release all remaining Armenian detainees" in out["answer"]
    assert (ALIYEV, 2) in {(c["readout_id"], c["paragraph"]) for c in out["citations"]}
    for citation, (shown, shown_text) in zip(out["citations"], paragraphs):
        assert f"[{citation['n']}]" in out["answer"]
        assert citation["quote"] in shown["text"]  # the quote is verbatim in the paragraph the tool cites
        assert shown["paragraphs"][citation["paragraph"] - 1] == shown["text"]
        assert f"¶{citation['paragraph']} {shown['text']}" in shown_text and shown_text.count("¶") == 1
    assert f"[{ALIYEV} ¶2]" in text and out["answer"] in text


def test_ask_reads_a_follow_up_with_the_history_and_refuses_what_is_not_there(corpus_index):
    async def body(session):
        follow_up = await session.call_tool("ask", {
            "question": "What did she say about this year's Passover?",
            "history": ["How many times did Vice President Harris speak with President Herzog in 2024?",
                        "When was the last of those?"]})
        absent = await session.call_tool("ask", {
            "question": "What did Vice President Harris and King Mohammed VI discuss about phosphate?"})
        return called(follow_up)[0], called(absent)

    follow_up, (absent, absent_text) = over_stdio(corpus_index, body)
    assert "especially painful and resonant" in follow_up["answer"]
    assert "harriss-call-with-president-herzog-of-israel-4" in " ".join(c["readout_id"] for c in follow_up["citations"])
    assert absent["refused"] and absent["citations"] == [] and absent["hits"]
    assert "Nearest passages:" in absent_text


def test_search_applies_the_filters_and_k(corpus_index):
    async def body(session):
        found, text = called(await session.call_tool("search", {
            "question": "grain exports", "k": 3, "filters": {"participant": "kuleba", "date_from": "2022-05-01"}}))
        shown = [called(await session.call_tool("readout", {"id": h["readout_id"]}))[0] for h in found["hits"]]
        return found, text, shown

    found, text, shown = over_stdio(corpus_index, body)
    assert len(found["hits"]) == 3
    for hit, readout in zip(found["hits"], shown):
        assert hit["date"] >= "2022-05-01"
        assert "Dmytro Kuleba" in [p["name"] for p in readout["participants"]]
        assert readout["paragraphs"][hit["paragraph"] - 1] == hit["text"]
        assert f"[{hit['readout_id']} ¶{hit['paragraph']}]" in text
    assert any("grain" in hit["text"] for hit in found["hits"])


def test_timeline_and_participants(corpus_index):
    async def body(session):
        line = called(await session.call_tool("timeline", {"participant": "kuleba", "with": "blinken", "topic": "grain"}))
        people = called(await session.call_tool("participants", {"text": "kuleba", "limit": 5}))
        return line, people

    (line, line_text), (people, people_text) = over_stdio(corpus_index, body)
    dates = [entry["event_date"] for entry in line["entries"]]
    assert len(dates) >= 3 and dates == sorted(dates)
    for entry in line["entries"]:
        names = {p["name"] for p in entry["participants"]}
        assert {"Dmytro Kuleba", "Antony Blinken"} <= names
        assert entry["quote"] in line_text
    assert "grain" in line["entries"][0]["quote"]
    assert sum(line["by_month"].values()) >= 1
    assert line_text.startswith(f'{len(dates)} readouts about "grain"')
    kuleba = people["participants"][0]
    assert kuleba["name"] == "Dmytro Kuleba" and kuleba["country"] == "Ukraine" and kuleba["readouts"] >= 10
    assert "Antony Blinken" in [c["name"] for c in kuleba["counterparts"]]
    assert "Dmytro Kuleba (foreign minister, Ukraine)" in people_text


def test_bad_arguments_are_tool_errors_the_assistant_can_read(corpus_index):
    async def body(session):
        calls = {"unknown id": ("readout", {"id": "no-such-readout"}),
                 "paragraph past the end": ("readout", {"id": ALIYEV, "paragraph": 99}),
                 "nobody": ("timeline", {"topic": "grain"}),
                 "k of 0": ("search", {"question": "grain", "k": 0}),
                 "unknown filter": ("search", {"question": "grain", "filters": {"speaker": "x"}}),
                 "bad kind": ("ask", {"question": "grain", "filters": {"kind": "dinner"}})}
        return {what: await session.call_tool(name, args) for what, (name, args) in calls.items()}

    results = over_stdio(corpus_index, body)
    for what, result in results.items():
        assert result.is_error, what
    message = {what: result.content[0].text for what, result in results.items()}
    assert "no readout 'no-such-readout'" in message["unknown id"]
    assert "paragraphs 1 to" in message["paragraph past the end"]
    assert "give a participant" in message["nobody"]
    assert "k" in message["k of 0"] and "speaker" in message["unknown filter"] and "kind" in message["bad kind"]


def test_standard_output_carries_nothing_but_the_protocol(corpus_index, tmp_path):
    # A stray line on stdout (a loading notice, a progress bar) would be read as a broken message.
    requests = [{"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}}},
                {"jsonrpc": "2.0", "method": "notifications/initialized"},
                {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                 "params": {"name": "search", "arguments": {"question": "grain", "k": 1}}}]
    with open(tmp_path / "stderr", "w+") as errors:
        process = subprocess.Popen([sys.executable, "-m", "ui.cli", "mcp", "--index", str(corpus_index)], cwd=REPO,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True,
                                   env={**os.environ, **QUIET_ENV})
        try:
            lines = []
            for request in requests:
                process.stdin.write(json.dumps(request) + "\n")
                process.stdin.flush()
                if "id" in request:  # wait for its answer: at end of input the server stops, unanswered calls too
                    lines.append(process.stdout.readline())
            process.stdin.close()
            lines += process.stdout.readlines()
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
        errors.seek(0)
        logged = errors.read()
    messages = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    assert [m.get("id") for m in messages] == [1, 2] and all(m["jsonrpc"] == "2.0" for m in messages)
    assert messages[1]["result"]["structuredContent"]["hits"]
    assert "serving MCP over stdio" in logged


def test_a_missing_index_is_an_error_on_stderr(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ui.cli", "mcp", "--index", str(tmp_path / "none")], cwd=REPO,
                          input="", capture_output=True, text=True, env={**os.environ, **QUIET_ENV}, timeout=300)
    assert done.returncode == 2 and done.stdout == ""
    assert "error:" in done.stderr


def test_without_the_extra_the_verb_says_what_to_install(corpus_index):
    # `mcp` made unimportable, as in an install without the extra.
    script = ("import sys; sys.modules['mcp'] = None\n"
              "from ui.cmd_serve import mcp_installed\n"
              "from ui.cli import main\n"
              "print('installed' if mcp_installed() else 'absent', file=sys.stderr)\n"
              f"sys.exit(main(['mcp', '--index', {str(corpus_index)!r}]))")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **QUIET_ENV, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2 and done.stdout == ""
    assert "absent" in done.stderr and "pip install 'readouts-qa[mcp]'" in done.stderr


# --- /mcp on `readouts serve` ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def token_server(corpus_index, tmp_path_factory):
    # Served read-only from the shared test index: no tool writes.
    with start_server(corpus_index, tmp_path_factory.mktemp("mcp-serve"), token=TOKEN,
                      env={"READOUTS_AUTH_FAILURES": "1000"}) as client:
        yield client


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}}}
ACCEPT = {"Accept": "application/json, text/event-stream"}


def test_http_mcp_needs_the_api_token(token_server):
    initialize, accept = INITIALIZE, ACCEPT
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic YW5uOnB3"}):
        response = httpx.post(f"{token_server.base_url}/mcp", json=initialize, headers={**accept, **headers}, timeout=60)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
    allowed = token_server.post("/mcp", json=initialize, headers=accept)
    assert allowed.status_code == 200 and allowed.json()["result"]["serverInfo"]["name"] == "readouts"


def test_http_mcp_lists_and_calls_the_tools_with_the_token(token_server):
    async def main():
        http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        async with http, streamable_http_client(f"{token_server.base_url}/mcp", http_client=http) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            names = {tool.name for tool in (await session.list_tools()).tools}
            found = called(await session.call_tool("search", {"question": "release Armenian detainees Aliyev", "k": 3}))
            return names, found

    names, (found, text) = asyncio.run(main())
    assert names == TOOLS
    assert ALIYEV in [hit["readout_id"] for hit in found["hits"]] and ALIYEV in text



def test_a_token_less_local_server_refuses_other_sites(corpus_index, tmp_path):
    # Without a token a loopback server is open to this machine, so a web page that rebinds its own
    # name to 127.0.0.1 must not reach the tools: foreign Origin and Host are refused.
    with start_server(corpus_index, tmp_path) as client:
        assert client.post("/mcp", json=INITIALIZE, headers=ACCEPT).status_code == 200
        assert client.post("/mcp", json=INITIALIZE, headers={**ACCEPT, "Origin": "http://localhost:3000"}).status_code == 200
        assert client.post("/mcp", json=INITIALIZE, headers={**ACCEPT, "Origin": "http://evil.example"}).status_code == 403
        assert client.post("/mcp", json=INITIALIZE, headers={**ACCEPT, "Host": "evil.example"}).status_code == 421
