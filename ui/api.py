"""HTTP routes for internal tools, mounted beside the Gradio app: JSON shaped like the CLI's --json.

POST /api/ask, GET /api/search, GET /api/readouts/{id}, GET /api/health. Credentials are checked
before these run (ui/security.py); here: size limits, strict JSON, 400 naming the field, 405 for a
wrong method, and 503 when the index database is damaged.
"""
from __future__ import annotations

import sqlite3

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from index.jsonl import Rejected, parse_json
from index.store import damaged, is_damage
from index.types import InputError, check_text

from .service import Service

MAX_BODY_BYTES = 64 * 1024
ASK_FIELDS = {"id", "question", "history", "filters", "k"}


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

    @router.post("/ask")
    async def ask(request: Request):
        body = await _read_body(request)
        if isinstance(body, JSONResponse):
            return body
        unknown = set(body) - ASK_FIELDS
        if unknown:
            return error(400, f"unknown field(s): {', '.join(sorted(unknown))} (expected {', '.join(sorted(ASK_FIELDS))})")
        if "question" not in body:
            return error(400, "question: missing")
        if "id" in body:
            if isinstance(body["id"], bool) or not isinstance(body["id"], (str, int)):
                return error(400, "id: expected a string or a whole number")
            if isinstance(body["id"], str):
                try:
                    check_text(body["id"], "id")
                except InputError as problem:
                    return error(400, str(problem))
        try:
            answer = await run_in_threadpool(service.ask, body["question"], body.get("filters"), body.get("history"),
                                             body.get("k", 5))
        except InputError as problem:
            return error(400, str(problem))
        out = answer.to_json()
        return {"id": body["id"], **out} if "id" in body else out

    @router.get("/search")
    def search(request: Request, q: str | None = None, k: str = "10", date_from: str | None = None,
               date_to: str | None = None, source: str | None = None, readout: str | None = None,
               participant: str | None = None, country: str | None = None, kind: str | None = None,
               history: str | None = None):
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

    @router.get("/readouts/{readout_id}")
    def readout(readout_id: str):
        found = service.readout(readout_id)
        if found is None:
            return error(404, f"no readout {readout_id!r} in this index")
        return {"id": found.id, "title": found.title, "date": found.date, "source": found.source,
                "url": found.url, "paragraphs": list(found.paragraphs), **service.readout_metadata(found.id)}

    @router.get("/participants")
    def participants(q: str = ""):
        return {"participants": service.participants(q)}

    @router.get("/health")
    def health():
        stats = service.stats()
        return {"status": "ok", "readouts": stats["readouts"], "paragraphs": stats["paragraphs"],
                "model": stats["model"], "last_update": stats["last_update"],
                "answerer": "llm" if service.answerer is not None else "extractive"}

    @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
                      include_in_schema=False)
    def elsewhere(request: Request, rest: str):
        # Gradio at "/" would answer 404 for every method of every path: say which methods a route has.
        allowed = sorted({m for route in router.routes if route is not elsewhere_route
                          and route.path_regex.match(request.url.path) for m in route.methods})
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


async def _read_body(request: Request) -> dict | JSONResponse:
    """The JSON object sent, read no further than the size limit (a chunked body has no length header)."""
    size, parts = 0, []
    async for part in request.stream():
        size += len(part)
        if size > MAX_BODY_BYTES:
            return error(413, f"request body over {MAX_BODY_BYTES} bytes")
        parts.append(part)
    try:
        body = parse_json(b"".join(parts).decode("utf-8") or "null", whole_file=True)
    except UnicodeDecodeError as problem:
        return error(400, f"body: not UTF-8 ({problem})")
    except Rejected as problem:  # also 30,000 levels deep, a 4,400-digit number, NaN
        return error(400, f"body: not valid JSON ({problem.message})")
    if not isinstance(body, dict):
        return error(400, 'body: expected a JSON object like {"question": "..."}')
    return body


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
