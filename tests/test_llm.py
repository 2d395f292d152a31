"""The LLM answerer against a local HTTP server that speaks the OpenAI chat-completions protocol.

The server here stands in for a real model server (vLLM, llama.cpp, Ollama, OpenAI): it answers
`POST /v1/chat/completions` streamed (server-sent events) or not, fails with HTTP 500, or sleeps past
the client's timeout, so the protocol, the citation checks and the fallbacks are tested offline.
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from index.types import Turn
from qa.llm import UNSUPPORTED, LLMAnswerer
from qa.types import Answer

QUESTION = "What did President Biden and President Xi discuss about Taiwan?"


class FakeModelServer(ThreadingHTTPServer):
    """Replies with `reply` (split into pieces when streamed); the model name picks the behaviour."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.reply = ""
        self.requests: list[dict] = []

    def handle_error(self, request, client_address):
        pass  # the slow reply's client has gone away by the time it is written; that is the point

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        server: FakeModelServer = self.server
        server.requests.append(body)
        if body["model"] == "broken":
            return self._json(500, {"error": {"message": "model crashed", "type": "server_error"}})
        if body["model"] == "slow":
            time.sleep(3)
            return self._json(200, _completion(server.reply, body["model"]))
        if not body.get("stream"):
            return self._json(200, _completion(server.reply, body["model"]))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in re.findall(r"\S+\s*", server.reply):
            chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                     "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _json(self, status: int, payload: dict):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _completion(text: str, model: str) -> dict:
    return {"id": "c1", "object": "chat.completion", "created": 0, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


@pytest.fixture
def server():
    httpd = FakeModelServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def scored(library):
    return library.retrieve(QUESTION, k=5)


def check_contract(answer: Answer) -> None:
    """Every [n] has a citation, every citation is used, every quote is verbatim in its paragraph."""
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert used == {c.n for c in answer.citations}
    for c in answer.citations:
        paragraph = next(h.text for h in answer.hits if (h.readout_id, h.paragraph) == (c.readout_id, c.paragraph))
        assert c.quote in paragraph


def test_non_streamed_answer_is_verified(server, scored):
    server.reply = ("On Taiwan, President Biden underscored the one China policy [1]. "
                    "They also agreed on a moon base [9]. The leaders will meet again.")
    answer = LLMAnswerer(server.url, "ok", timeout=5)(QUESTION, scored, ())
    assert not answer.refused
    assert "[9]" not in answer.text  # a paragraph that was never given: the citation is removed
    assert answer.text.count(UNSUPPORTED) == 2  # both sentences left without a valid citation
    assert answer.text.startswith("On Taiwan, President Biden underscored the one China policy [1].")
    assert "passages not given: [9]" in answer.notice and "marked unsupported" in answer.notice
    check_contract(answer)
    assert answer.citations[0].readout_id == scored[0].hit.readout_id
    sent = server.requests[-1]
    assert sent["stream"] is False
    assert "[1] " in sent["messages"][1]["content"] and QUESTION in sent["messages"][1]["content"]


def test_streamed_answer_arrives_in_pieces(server, scored):
    server.reply = "President Biden raised concerns about Xinjiang, Tibet and Hong Kong. [1] He spoke about Taiwan [1][2]."
    events = list(LLMAnswerer(server.url, "ok", timeout=5).stream(QUESTION, scored, ()))
    pieces, final = events[:-1], events[-1]
    assert len(pieces) > 3 and all(isinstance(p, str) for p in pieces)
    assert "".join(pieces) == server.reply
    assert isinstance(final, Answer) and not final.refused and UNSUPPORTED not in final.text
    assert final.text.startswith("President Biden raised concerns about Xinjiang, Tibet and Hong Kong [1].")
    check_contract(final)
    assert server.requests[-1]["stream"] is True


def test_history_reaches_the_prompt(server, scored):
    server.reply = "Taiwan came up [1]."
    LLMAnswerer(server.url, "ok", timeout=5)(QUESTION, scored, (Turn("Who met Xi in Bali?"),))
    assert "Who met Xi in Bali?" in server.requests[-1]["messages"][1]["content"]


def test_context_is_budgeted_in_tokens(server, scored):
    server.reply = "Taiwan came up [1]. So did trade [2]."
    answerer = LLMAnswerer(server.url, "ok", timeout=5, context_tokens=1)  # room for the first paragraph only
    given, _ = answerer.messages(QUESTION, scored, ())
    assert len(given) == 1
    answer = answerer(QUESTION, scored, ())
    assert "[2]" not in answer.text and "passages not given: [2]" in answer.notice
    check_contract(answer)


def test_not_covered_is_a_refusal(server, scored):
    server.reply = "NOT COVERED"
    answer = LLMAnswerer(server.url, "ok", timeout=5)(QUESTION, scored, ())
    assert answer.refused and not answer.citations and answer.hits


def test_server_error_falls_back_to_extractive(server, scored):
    answer = LLMAnswerer(server.url, "broken", timeout=5)(QUESTION, scored, ())
    assert "HTTP 500" in answer.notice and "extractive" in answer.notice and "\n" not in answer.notice
    assert answer.citations and not answer.refused
    check_contract(answer)


def test_slow_model_falls_back_within_the_timeout(server, scored):
    started = time.monotonic()
    events = list(LLMAnswerer(server.url, "slow", timeout=1).stream(QUESTION, scored, ()))
    elapsed = time.monotonic() - started
    assert elapsed < 2.5, f"waited {elapsed:.1f} s for a 1 s timeout"
    assert "did not answer within 1 s" in events[-1].notice and events[-1].citations


def test_unreachable_model_falls_back(scored):
    answer = LLMAnswerer("http://127.0.0.1:9/v1", "ok", timeout=3)(QUESTION, scored, ())
    assert "could not be reached" in answer.notice and answer.citations


def test_unrelated_question_is_refused_without_calling_the_model(server, library):
    scored = library.retrieve("What is the boiling point of liquid nitrogen in a pressure cooker?", k=5)
    server.reply = "It boils at 77 K [1]."
    answer = LLMAnswerer(server.url, "ok", timeout=5)("What is the boiling point of liquid nitrogen in a pressure cooker?",
                                                      scored, ())
    assert answer.refused and not server.requests
