"""HTTP routes for internal tools, mounted beside the Gradio app: JSON shaped like the CLI's --json.

POST /api/ask, POST /api/ask/stream, GET /api/search, GET /api/readouts/{id}, GET /api/health.
Credentials are checked before these run (ui/security.py); here: size limits, strict JSON, 400 naming
the field, 405 for a wrong method, and 503 when the index database is damaged. The shapes are typed in
ui/api_models.py for /api/openapi.json; the routes read their own bodies (not FastAPI's 422 path) so
that a body is read no further than the limit and each error names the field as it always has.
"""
from __future__ import annotations

import json
import sqlite3

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from index.api import check_k, check_question
from index.jsonl import Rejected, parse_json
from index.store import damaged, is_damage
from index.types import Filters, InputError, check_text, parse_history
from qa.types import Answer

from . import api_docs
from . import api_models as models
from .api_models import request_body, responses
from .service import Service

MAX_BODY_BYTES = 64 * 1024


def allowed_methods(router: APIRouter, catch_all, path: str) -> list[str]:
    """The methods the router's routes other than its catch-all take at `path` (a 405's Allow header)."""
    return sorted({m for route in router.routes if route is not catch_all and route.path_regex.match(path)
                   for m in route.methods})


def error(status: int, message: str) -> JSONResponse:
    """The one error shape: {"error": message}, as in the CLI's batch lines."""
    return JSONResponse({"error": message}, status_code=status)


def add_api(app: FastAPI, service: Service) -> None:
    """Register the /api routes (call before mounting Gradio at "/", which takes every other path).

    Who may call them is ui/security.py's business (its middleware runs before this one's).
    """
    router = APIRouter(prefix="/api")

    @app.middleware("http")
    async def limit(request: Request, call_next):
        if not request.url.path.startswith("/api/"):
            return await call_next(request)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return error(413, f"request body over {MAX_BODY_BYTES} bytes")
        return await call_next(request)

    @router.post("/ask", responses=responses(models.Answer, 400, 413), openapi_extra=request_body(models.AskRequest))
    async def ask(request: Request):
        """The answer to a question, with citations and the paragraphs it was drawn from (CONTRACT.md "Answer")."""
        body = await _read_body(request)
        if isinstance(body, JSONResponse):
            return body
        checked = check_ask(body)
        if isinstance(checked, JSONResponse):
            return checked
        try:
            answer = await run_in_threadpool(service.ask, body["question"], body.get("filters"), body.get("history"),
                                             body.get("k", 5))
        except InputError as problem:
            return error(400, str(problem))
        return _with_id(body, answer)

    @router.post("/ask/stream", openapi_extra=request_body(models.AskRequest),
                 responses={**responses(models.Answer, 400, 413), 200: {
                     "description": "NDJSON: {\"delta\": text} lines, then the answer object as the last line",
                     "content": {"application/x-ndjson": {"schema": {"oneOf": [
                         {"$ref": "#/components/schemas/StreamDelta"}, {"$ref": "#/components/schemas/Answer"}]}}}}})
    async def ask_stream(request: Request):
        """/api/ask as newline-delimited JSON: text as it is written, then the whole answer, which replaces it.

        The extractive answerer writes its text in one piece; an LLM's pieces are its draft, whose
        markers the final answer renumbers once checked, so a client shows the last line's `answer`.
        """
        body = await _read_body(request)
        if isinstance(body, JSONResponse):
            return body
        checked = check_ask(body)
        if isinstance(checked, JSONResponse):
            return checked
        events = service.stream(body["question"], body.get("filters"), body.get("history"), body.get("k", 5))
        try:  # the first event comes after validation and retrieval: their errors are still a plain 400
            first = await run_in_threadpool(next, events)
        except InputError as problem:
            return error(400, str(problem))

        async def lines():
            event, rest, streamed = first, iterate_in_threadpool(events), False
            try:
                while not isinstance(event, Answer):
                    streamed = True
                    yield _line({"delta": event})
                    event = await rest.__anext__()
            except (sqlite3.DatabaseError, StopAsyncIteration) as problem:
                # The status line is sent: a failure from here on is the last line, in the one error shape.
                yield _line({"error": f"the answer failed: {str(problem) or type(problem).__name__}"})
                return
            if not streamed:
                yield _line({"delta": event.text})
            yield _line(_with_id(body, event))

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    @router.get("/search", responses=responses(models.Hits, 400))
    def search(request: Request, q: str | None = None, k: str = "10", date_from: str | None = None,
               date_to: str | None = None, source: str | None = None, readout: str | None = None,
               participant: str | None = None, country: str | None = None, kind: str | None = None,
               history: str | None = None):
        """The k best paragraphs for a question (CONTRACT.md "Hit"); filters as query parameters, history as JSON."""
        if q is None:
            return error(400, "q: missing (the question, as ?q=...)")
        try:
            filters = {key: value for key, value in {"date_from": date_from, "date_to": date_to, "source": source,
                                                     "readout": readout, "participant": participant,
                                                     "country": country, "kind": kind}.items() if value}
            hits = service.search(q, filters, _history(history), _whole(k))
        except InputError as problem:
            return error(400, str(problem))
        return {"hits": [h.to_json() for h in hits]}

    @router.get("/readouts/{readout_id}", responses=responses(models.Readout, 404))
    def readout(readout_id: str):
        """One readout: its paragraphs (paragraph n is item n-1) and its metadata."""
        found = service.readout(readout_id)
        if found is None:
            return error(404, f"no readout {readout_id!r} in this index")
        return {"id": found.id, "title": found.title, "date": found.date, "source": found.source,
                "url": found.url, "paragraphs": list(found.paragraphs), **service.readout_metadata(found.id)}

    @router.get("/participants", responses=responses(models.Participants))
    def participants(q: str = ""):
        """Participants whose name or country contains `q`, most readouts first."""
        return {"participants": service.participants(q)}

    @router.get("/health", responses=responses(models.Health))
    def health():
        """Counts, the embedding model, the last update and which answerer answers."""
        stats = service.stats()
        return {"status": "ok", "readouts": stats["readouts"], "paragraphs": stats["paragraphs"],
                "model": stats["model"], "last_update": stats["last_update"],
                "answerer": "llm" if service.answerer is not None else "extractive"}

    api_docs.add_docs(router, app)
    models.add_request_schemas(app, [models.AskRequest, models.StreamDelta])

    @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
                      include_in_schema=False)
    def elsewhere(request: Request, rest: str):
        # Gradio at "/" would answer 404 for every method of every path: say which methods a route has.
        allowed = allowed_methods(router, elsewhere_route, request.url.path)
        if allowed:
            return JSONResponse({"error": f"{request.method} is not allowed on {request.url.path}; use {', '.join(allowed)}"},
                                status_code=405, headers={"Allow": ", ".join(allowed)})
        return error(404, f"no route {request.url.path} (see /api/openapi.json)")

    elsewhere_route = router.routes[-1]

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_error(request: Request, problem: sqlite3.DatabaseError):
        if is_damage(problem):
            return error(503, str(damaged(service.library.folder, problem)))
        return error(503, f"index database error: {problem}")

    app.include_router(router)


def check_ask(body: dict) -> models.AskRequest | JSONResponse:
    """The ask body checked: the messages callers have always had first, then the typed model as a backstop."""
    unknown = set(body) - set(models.AskRequest.model_fields)
    if unknown:
        return error(400, f"unknown field(s): {', '.join(sorted(unknown))} (expected {', '.join(sorted(models.AskRequest.model_fields))})")
    if "question" not in body:
        return error(400, "question: missing")
    try:
        if "id" in body:
            if isinstance(body["id"], bool) or not isinstance(body["id"], (str, int)):
                raise InputError("id: expected a string or a whole number")
            if isinstance(body["id"], str):
                check_text(body["id"], "id")
        check_question(body["question"])
        check_k(body.get("k", 5))
        parse_history(body.get("history"))
        Filters.from_json(body.get("filters"))
        return models.AskRequest.model_validate(body)
    except InputError as problem:
        return error(400, str(problem))
    except ValidationError as problem:
        first = problem.errors()[0]
        return error(400, f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}")


def _with_id(body: dict, answer: Answer) -> dict:
    out = answer.to_json()
    return {"id": body["id"], **out} if "id" in body else out


def _line(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")


class BodyProblem(Exception):
    """A body that could not be read as a JSON object: the status and the message to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


async def read_object(request: Request, limit: int = MAX_BODY_BYTES) -> dict:
    """The JSON object sent, read no further than `limit` bytes (a chunked body has no length header)."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        raise BodyProblem(413, f"request body over {limit} bytes")
    size, parts = 0, []
    async for part in request.stream():
        size += len(part)
        if size > limit:
            raise BodyProblem(413, f"request body over {limit} bytes")
        parts.append(part)
    try:
        body = parse_json(b"".join(parts).decode("utf-8") or "null", whole_file=True)
    except UnicodeDecodeError as problem:
        raise BodyProblem(400, f"body: not UTF-8 ({problem})") from None
    except Rejected as problem:  # also 30,000 levels deep, a 4,400-digit number, NaN
        raise BodyProblem(400, f"body: not valid JSON ({problem.message})") from None
    if not isinstance(body, dict):
        raise BodyProblem(400, 'body: expected a JSON object like {"question": "..."}')
    return body


async def _read_body(request: Request) -> dict | JSONResponse:
    try:
        return await read_object(request)
    except BodyProblem as problem:
        return error(problem.status, problem.message)


def _whole(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(f"k: must be a whole number, got {value!r}") from None


def _history(value: str | None):
    if not value:
        return None
    try:
        return parse_json(value, whole_file=True)
    except Rejected:
        raise InputError('history: expected a JSON list such as ["earlier question"]') from None
