"""Typed shapes of the /api routes (CONTRACT.md), for /api/openapi.json and for checking bodies.

The routes still build their JSON from the core types' `to_json` (the contract's bytes stay as they
were, `notice` only when set); these models describe that JSON, and tests check real responses
against them, so a drift between the spec and the server fails a test. Every model forbids unknown
fields, which in the spec reads `additionalProperties: false`. The one exception is a history turn:
the contract's readers have always taken `{"question", "cited"}` objects carrying more keys (an
earlier answer, say), and rejecting those now would break callers for nothing.
"""
from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from index.api import MAX_K, MAX_QUESTION_CHARS

KIND = Literal["call", "meeting", "visit", "statement", "other"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- requests ------------------------------------------------------------------------------
class Filters(Strict):
    """CONTRACT.md "Filters": every key optional, dates inclusive, text matched case-insensitively."""

    date_from: str | None = Field(None, description="YYYY-MM-DD, inclusive", examples=["2022-01-01"])
    date_to: str | None = Field(None, description="YYYY-MM-DD, inclusive")
    source: str | None = Field(None, description="substring of the readout's source, any case")
    readout: str | None = Field(None, description="one readout id")
    participant: str | None = Field(None, description="whole words of a participant's name")
    country: str | None = None
    kind: str | None = Field(None, description="call, meeting, visit, statement or other (any case)")


class HistoryTurn(BaseModel):
    """An earlier question and the readout ids its answer cited (extra keys are ignored, see above)."""

    question: StrictStr
    cited: list[StrictStr] | None = []


History = list[Union[StrictStr, HistoryTurn]]


class AskRequest(Strict):
    """POST /api/ask and /api/ask/stream: the batch line's fields (CONTRACT.md "Batch mode")."""

    id: StrictStr | StrictInt | None = Field(None, description="echoed back as the answer's `id`")
    question: StrictStr = Field(..., min_length=1, max_length=MAX_QUESTION_CHARS)
    history: History | None = Field(None, description="earlier turns, oldest first (CONTRACT.md \"History\")")
    filters: Filters | None = None
    k: StrictInt = Field(5, ge=1, le=MAX_K, description="how many paragraphs the answer may draw on")


# --- responses -----------------------------------------------------------------------------
class Error(Strict):
    """Every /api error: a message that names the field at fault."""

    error: str = Field(..., examples=["question: missing"])


class Hit(Strict):
    readout_id: str
    paragraph: int
    title: str
    date: str
    event_date: str
    source: str
    url: str
    score: float
    text: str = Field(..., description="the whole paragraph")


class Citation(Strict):
    n: int = Field(..., description="the [n] marker in the answer")
    readout_id: str
    paragraph: int
    title: str
    date: str
    event_date: str
    source: str
    url: str
    quote: str = Field(..., description="occurs verbatim in the paragraph")
    speaker: str | None = None


class Answer(Strict):
    """CONTRACT.md "Answer"; `notice` (for people, not tools) appears only when there is one."""

    id: StrictStr | StrictInt | None = Field(None, description="present when the request had one")
    answer: str
    refused: bool
    citations: list[Citation]
    hits: list[Hit]
    notice: str | None = None


class Hits(Strict):
    hits: list[Hit]


class Participant(Strict):
    name: str
    role: str | None
    country: str | None


class Readout(Strict):
    id: str
    title: str
    date: str
    source: str
    url: str
    paragraphs: list[str] = Field(..., description="paragraph n is item n-1")
    event_date: str
    kind: KIND
    participants: list[Participant]
    same_event: list[str]


class ParticipantRow(Strict):
    name: str
    role: str | None
    country: str | None
    readouts: int
    first: str | None
    last: str | None


class Participants(Strict):
    participants: list[ParticipantRow]


class Health(Strict):
    status: Literal["ok"]
    readouts: int
    paragraphs: int
    model: str
    last_update: str | None
    answerer: Literal["extractive", "llm"]


class TimelineEntry(Strict):
    readout_id: str
    event_date: str
    title: str
    kind: KIND
    participants: list[Participant]
    paragraph: int
    quote: str


class Timeline(Strict):
    """CONTRACT.md "Timeline"."""

    entries: list[TimelineEntry]
    by_month: dict[str, int]


class Use(Strict):
    readout_id: str
    event_date: str
    paragraph: int
    quote: str


class Phrase(Strict):
    phrase: str
    status: Literal["appears", "disappears", "recurs"]
    readouts: int
    first: Use
    last: Use


class Language(Strict):
    topic: str
    from_: str = Field(..., alias="from")
    to: str
    readouts: int
    phrases: list[Phrase]


class Side(Strict):
    paragraph: int
    quote: str


class Pair(Strict):
    left: Side | None
    right: Side | None
    similarity: float | None


class Comparison(Strict):
    """CONTRACT.md "Compare"."""

    left: str
    right: str
    pairs: list[Pair]


class Counterpart(Strict):
    name: str
    readouts: int


class DirectoryRow(ParticipantRow):
    counterparts: list[Counterpart]


class Directory(Strict):
    participants: list[DirectoryRow]


class StreamDelta(Strict):
    """A line of POST /api/ask/stream before the last: text as it is written (a preview, see docs/APP.md)."""

    delta: str


# --- the spec ------------------------------------------------------------------------------
ERRORS = {400: "a field is wrong; the message names it", 401: "missing or wrong credentials",
          404: "no such route or readout", 405: "wrong method (see the Allow header)",
          413: "body over the size limit", 503: "the index database is damaged or unreadable"}


def responses(model: type[BaseModel], *codes: int) -> dict:
    """FastAPI `responses=`: the 200 shape and the error codes a route can give, all {"error": ...}."""
    out = {200: {"model": model}}
    for code in (401, *codes, 503):
        out[code] = {"model": Error, "description": ERRORS[code]}
    return out


def request_body(model: type[BaseModel], media: str = "application/json") -> dict:
    """FastAPI `openapi_extra=` for a route that reads its own body (to bound its size and word its errors)."""
    return {"requestBody": {"required": True, "content": {media: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


def add_request_schemas(app, models: list[type[BaseModel]]) -> None:
    """Put request models into the spec's components (FastAPI adds only the models it validates itself).

    Also drops the 422 answers FastAPI lists for every route with parameters: these routes take
    their parameters as plain text and check them themselves, so a bad one is a 400 naming it.
    """
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        for item in spec.get("paths", {}).values():
            for operation in item.values():
                operation.get("responses", {}).pop("422", None)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        for model in models:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(schema.pop("$defs", {}))
            schemas[model.__name__] = schema
        app.openapi_schema = spec
        return spec

    app.openapi = openapi
