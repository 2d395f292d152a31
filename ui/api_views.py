"""HTTP routes of the analyst views, beside /api/ask and /api/search (same errors, same guard):

GET /api/timeline?participant=&with=&country=&topic=&date_from=&date_to=   -> CONTRACT.md "Timeline"
GET /api/language?topic=&participant=&with=&country=&date_from=&date_to=   -> phrases over time
GET /api/compare?left=&right=                                              -> CONTRACT.md "Compare"
GET /api/directory?q=&limit=                                               -> participants with counterparts

Registered by `add_views` before Gradio is mounted at "/" (which takes every other path) and before
ui/api.py's catch-all; ui/security.py's middleware guards every /api/* path, these included.
"""
from __future__ import annotations

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from index.types import InputError
from qa.compare import UnknownReadout

from . import api_models as models
from .api import error
from .api_models import responses
from .service import Service


def add_views(app: FastAPI, service: Service) -> None:
    """Register the view routes (before api.add_api, whose catch-all answers every other /api path)."""
    router = APIRouter(prefix="/api")

    @router.get("/timeline", responses=responses(models.Timeline, 400))
    async def timeline(participant: str | None = None, country: str | None = None, topic: str | None = None,
                       date_from: str | None = None, date_to: str | None = None,
                       with_: str | None = Query(None, alias="with")):
        """Contacts of a participant (or a country) in event-date order, with a topic's sentence when one is asked."""
        return await _answer(lambda: service.timeline(participant, with_, country, topic, date_from, date_to).to_json())

    @router.get("/language", responses=responses(models.Language, 400))
    async def language(topic: str | None = None, participant: str | None = None, country: str | None = None,
                       date_from: str | None = None, date_to: str | None = None,
                       with_: str | None = Query(None, alias="with")):
        """Phrases about a topic that recur, appear or disappear over time, with their first and last use."""
        return await _answer(lambda: service.language(topic, participant, with_, country, date_from, date_to).to_json())

    @router.get("/compare", responses=responses(models.Comparison, 400, 404))
    async def compare(left: str | None = None, right: str | None = None):
        """Two readouts aligned sentence by sentence (CONTRACT.md "Compare")."""
        if not left or not right:
            return error(400, "left and right: two readout ids are required (?left=ID&right=ID)")
        return await _answer(lambda: service.compare(left, right).to_json())

    @router.get("/directory", responses=responses(models.Directory, 400))
    async def directory(q: str = "", limit: str = "200"):
        """Participants with counts, first and last contact, and their counterparts."""
        if not limit.isdigit() or not 1 <= int(limit) <= 10000:
            return error(400, f"limit: must be a whole number from 1 to 10000, got {limit!r}")
        return await _answer(lambda: {"participants": service.directory(q, int(limit))})

    def wrong_method(request: Request):
        return JSONResponse({"error": f"{request.method} is not allowed on {request.url.path}; use GET"},
                            status_code=405, headers={"Allow": "GET, HEAD"})

    for view in ("timeline", "language", "compare", "directory"):  # a 405 here, not the catch-all's 404
        router.add_api_route(f"/{view}", wrong_method, methods=["POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                             include_in_schema=False)

    app.include_router(router)


async def _answer(compute):
    """Run a view off the event loop (it may embed sentences); bad input is a 400 naming the field."""
    try:
        return await run_in_threadpool(compute)
    except UnknownReadout as problem:
        return error(404, str(problem))
    except InputError as problem:
        return error(400, str(problem))
