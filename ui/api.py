"""HTTP routes for internal tools, mounted beside the Gradio app: JSON shaped like the CLI's --json.

POST /api/ask, GET /api/search, GET /api/readouts/{id}, GET /api/health. With a token set
(READOUTS_API_TOKEN), every /api/* request must send `Authorization: Bearer TOKEN`.
"""
from __future__ import annotations

import hmac
import json

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from index.types import InputError

from .service import Service

MAX_BODY_BYTES = 64 * 1024
ASK_FIELDS = {"id", "question", "history", "filters", "k"}


def error(status: int, message: str) -> JSONResponse:
    """The one error shape: {"error": message}, as in the CLI's batch lines."""
    return JSONResponse({"error": message}, status_code=status)


def add_api(app: FastAPI, service: Service, token: str | None = None) -> None:
    """Register the /api routes (call before mounting Gradio at "/", which takes every other path)."""
    router = APIRouter(prefix="/api")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if not request.url.path.startswith("/api/"):
            return await call_next(request)
        if token:
            sent = request.headers.get("authorization", "")
            if not (sent.startswith("Bearer ") and hmac.compare_digest(sent[7:].encode(), token.encode())):
                return JSONResponse({"error": "missing or wrong bearer token (Authorization: Bearer READOUTS_API_TOKEN)"},
                                    status_code=401, headers={"WWW-Authenticate": "Bearer"})
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
               history: str | None = None):
        if q is None:
            return error(400, "q: missing (the question, as ?q=...)")
        try:
            filters = {key: value for key, value in {"date_from": date_from, "date_to": date_to, "source": source,
                                                     "readout": readout}.items() if value}
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
                "url": found.url, "paragraphs": list(found.paragraphs)}

    @router.get("/health")
    def health():
        stats = service.stats()
        return {"status": "ok", "readouts": stats["readouts"], "paragraphs": stats["paragraphs"],
                "model": stats["model"], "last_update": stats["last_update"],
                "answerer": "llm" if service.answerer is not None else "extractive"}

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
        body = json.loads(b"".join(parts) or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        return error(400, f"body: not valid JSON ({problem})")
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
        return json.loads(value)
    except json.JSONDecodeError:
        raise InputError('history: expected a JSON list such as ["earlier question"]') from None
