"""OpenAI-compatible routes, so chat front ends (Open WebUI) and OpenAI clients can ask the readouts.

GET /v1/models and POST /v1/chat/completions (streamed as server-sent `chat.completion.chunk`s
ending `data: [DONE]`, or whole). Each answerer is a model: `readouts-extractive` always,
`readouts-llm` when the server has an LLM answerer. The last user message is the question and the
earlier user messages are the history; the readouts an earlier answer cited are read back from its
sources list, which is how a follow-up stays on the same readouts in a client that keeps only text.
The reply is the answer with its [n] markers, then the sources as a Markdown list; the contract's
citations ride along in an extra `citations` field. Filters go in an extra `readouts_filters`
field. Errors use OpenAI's shape. ui/security.py guards /v1/* exactly as /api/*.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from typing import Any, Literal, Union

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from index.api import MAX_QUESTION_CHARS
from index.types import InputError
from qa.types import Answer

from .api import BodyProblem, allowed_methods, read_object
from .api_models import Filters, add_request_schemas, request_body
from .service import Service

EXTRACTIVE, LLM = "readouts-extractive", "readouts-llm"
MAX_CHAT_BYTES = 1024 * 1024  # whole conversations come each turn; only the user turns are used
MAX_TURNS = 10  # earlier questions kept as history (retrieval and the LLM use only the latest few)
SOURCE_LINE = re.compile(r"^- \[\d+\] .*?, readout `([^`\n]+)`", re.MULTILINE)


class TextPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class Message(BaseModel):
    """A chat message; fields clients add to assistant or tool messages (tool_calls, refusal) are ignored."""

    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: Union[str, list[TextPart], None] = None


class ChatRequest(BaseModel):
    """OpenAI's chat-completions body. Sampling and tool options are accepted and ignored: the answer
    comes from the readouts, not from sampling. Unknown fields are refused, as OpenAI refuses them."""

    model_config = ConfigDict(extra="forbid")
    model: str
    messages: list[Message] = Field(..., min_length=1)
    stream: bool | None = False
    readouts_filters: Filters | None = Field(None, description="CONTRACT.md \"Filters\" (an extension)")
    n: int | None = Field(1, ge=1, le=1, description="one answer per question")
    stream_options: Any = None
    temperature: Any = None
    top_p: Any = None
    max_tokens: Any = None
    max_completion_tokens: Any = None
    presence_penalty: Any = None
    frequency_penalty: Any = None
    logit_bias: Any = None
    logprobs: Any = None
    top_logprobs: Any = None
    seed: Any = None
    stop: Any = None
    user: Any = None
    metadata: Any = None
    store: Any = None
    response_format: Any = None
    tools: Any = None
    tool_choice: Any = None
    parallel_tool_calls: Any = None
    functions: Any = None
    function_call: Any = None
    reasoning_effort: Any = None
    service_tier: Any = None
    modalities: Any = None
    prediction: Any = None
    verbosity: Any = None


def openai_error(status: int, message: str, param: str | None = None, code: str | None = None,
                 kind: str = "invalid_request_error") -> JSONResponse:
    """OpenAI's error body, which its clients turn into typed exceptions."""
    return JSONResponse({"error": {"message": message, "type": kind, "param": param, "code": code}}, status_code=status)


def add_openai(app: FastAPI, service: Service) -> None:
    """Register /v1/* (before Gradio is mounted at "/", which would take those paths)."""
    router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])
    started = int(time.time())
    # The same Library either way; the extractive model is a Service without the LLM.
    answerers = {EXTRACTIVE: service if service.answerer is None else Service(service.library)}
    if service.answerer is not None:
        answerers[LLM] = service

    def model_card(name: str) -> dict:
        return {"id": name, "object": "model", "created": started, "owned_by": "readouts"}

    @router.get("/models")
    def models():
        """The answerers, as OpenAI models."""
        return {"object": "list", "data": [model_card(name) for name in answerers]}

    @router.get("/models/{name}")
    def model(name: str):
        """One answerer, or 404."""
        if name not in answerers:
            return openai_error(404, f"The model '{name}' does not exist", "model", "model_not_found")
        return model_card(name)

    @router.post("/chat/completions", openapi_extra=request_body(ChatRequest), responses={
        200: {"description": "a `chat.completion` object (JSON), or with \"stream\": true server-sent "
                             "`chat.completion.chunk`s ending `data: [DONE]`; both carry `citations` and `refused`"},
        400: {"description": "bad messages or fields: OpenAI's {\"error\": {message, type, param, code}}"},
        401: {"description": "missing or wrong API key (the server's token)"},
        404: {"description": "unknown model"}, 413: {"description": "body over 1 MiB"}})
    async def chat(request: Request):
        """The answer to the last user message, as a chat completion (streamed with "stream": true)."""
        try:
            body = ChatRequest.model_validate(await read_object(request, MAX_CHAT_BYTES))
        except BodyProblem as problem:
            return openai_error(problem.status, problem.message)
        except ValidationError as problem:
            return _invalid(problem)
        if body.model not in answerers:
            return openai_error(404, f"The model '{body.model}' does not exist; models: {', '.join(answerers)}",
                                "model", "model_not_found")
        try:
            question, history = conversation(body.messages)
            filters = body.readouts_filters.model_dump(exclude_none=True) if body.readouts_filters else None
            events = answerers[body.model].stream(question, filters, history)
            first = await run_in_threadpool(next, events)  # checks and retrieval: their errors are a plain 400
        except InputError as problem:
            return openai_error(400, str(problem), _param(str(problem)))
        except sqlite3.DatabaseError as problem:
            return openai_error(503, f"index database error: {problem}", kind="server_error")
        reply = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": body.model}
        if body.stream:
            return StreamingResponse(_chunks(reply, first, events), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache"})
        try:
            answer = ([first] + await run_in_threadpool(list, events))[-1]
        except sqlite3.DatabaseError as problem:
            return openai_error(503, f"index database error: {problem}", kind="server_error")
        return {**reply, "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content(answer)}, "finish_reason": "stop",
             "logprobs": None}], **extras(answer)}

    @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
                      include_in_schema=False)
    def elsewhere(request: Request, rest: str):
        allowed = allowed_methods(router, elsewhere_route, request.url.path)
        if allowed:
            return JSONResponse({"error": {"message": f"{request.method} is not allowed on {request.url.path}",
                                           "type": "invalid_request_error", "param": None, "code": None}},
                                status_code=405, headers={"Allow": ", ".join(allowed)})
        return openai_error(404, f"no route {request.url.path} (see /v1/models, /v1/chat/completions)")

    elsewhere_route = router.routes[-1]
    add_request_schemas(app, [ChatRequest])
    app.include_router(router)


def conversation(messages: list[Message]) -> tuple[str, list[dict]]:
    """The last user message, and the user messages before it as the contract's history (oldest first)."""
    turns: list[dict] = []
    question = None
    for message in messages:
        if message.role == "user":
            if question is not None:
                turns.append({"question": question, "cited": []})
            question = text_of(message)
        elif message.role == "assistant" and question is not None:
            turns.append({"question": question, "cited": cited_in(text_of(message))})
            question = None
    if question is None:
        raise InputError("messages: the last turn needs a user message with the question")
    # Earlier questions only steer retrieval: a long one (a pasted document) is cut, not refused,
    # since the client resends the whole conversation each turn and could never get past it.
    earlier = [{**t, "question": t["question"][:MAX_QUESTION_CHARS]} for t in turns if t["question"].strip()]
    return question, earlier[-MAX_TURNS:]


def text_of(message: Message) -> str:
    if isinstance(message.content, list):
        return "\n".join(part.text or "" for part in message.content if part.type == "text")
    return message.content or ""


def cited_in(reply: str) -> list[str]:
    """The readout ids listed in an earlier reply's sources (see `content`)."""
    return list(dict.fromkeys(SOURCE_LINE.findall(reply)))


def content(answer: Answer) -> str:
    """The answer with its [n] markers, any notice, then the sources as a Markdown list.

    Each source line names its readout id: a client sends this text back with the next question,
    and `cited_in` reads the ids from it, so a follow-up keeps to the readouts cited.
    """
    out = [answer.text]
    if answer.notice and answer.text not in answer.notice:  # a refusal's notice repeats its text
        out.append(f"_{answer.notice}_")
    if answer.citations:
        lines = ["**Sources**", ""]
        for c in answer.citations:
            title = re.sub(r"([\[\]*_`])", r"\\\1", c.title)
            named = f"[{title}]({c.url})" if c.url else title
            # An extractive answer is its quotes: repeat only the ones the text does not already hold.
            quote = "" if c.quote in answer.text else f": \u201c{c.quote}\u201d"
            lines.append(f"- [{c.n}] {named}, {c.event_date or c.date}, paragraph {c.paragraph}, "
                         f"readout `{c.readout_id}`{quote}")
        out.append("\n".join(lines))
    return "\n\n".join(out)


def extras(answer: Answer) -> dict:
    """The contract's fields that a chat reply has no place for."""
    return {"citations": [c.to_json() for c in answer.citations], "refused": answer.refused}


async def _chunks(reply: dict, first, events):
    """Server-sent chunks: the role, the reply line by line once checked, a last chunk with the citations."""
    def chunk(delta: dict, finish: str | None = None, **more) -> str:
        body = {**reply, "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}], **more}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    event, rest = first, iterate_in_threadpool(events)
    try:
        # An LLM's pieces are a draft whose [n] the checked answer renumbers, and a chat client cannot
        # take text back: send comments (which clients skip) to keep the connection alive until then.
        while not isinstance(event, Answer):
            yield ": writing\n\n"
            event = await rest.__anext__()
    except (sqlite3.DatabaseError, StopAsyncIteration) as problem:
        error = {"message": f"the answer failed: {str(problem) or type(problem).__name__}", "type": "server_error",
                 "param": None, "code": None}
        yield f"data: {json.dumps({'error': error})}\n\n"
        yield "data: [DONE]\n\n"
        return
    for line in re.findall(r"[^\n]*\n|[^\n]+", content(event)):
        yield chunk({"content": line})
    yield chunk({}, "stop", **extras(event))
    yield "data: [DONE]\n\n"


def _invalid(problem: ValidationError) -> JSONResponse:
    first = problem.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        return openai_error(400, f"Unrecognized request argument supplied: {where}", where)
    return openai_error(400, f"{where}: {first['msg']}", where)


def _param(message: str) -> str:
    """Which request field an InputError's message is about."""
    if message.startswith("filters"):
        return "readouts_filters"
    return "messages"
