"""The readouts as MCP tools: search, ask, readout, timeline and participants over one Service.

Built on the `mcp` package's MCPServer (the `mcp` extra), not on Gradio's `mcp_server`: gradio
6.31's own `mcp` extra pins mcp<2 and pydantic<=2.12.5, so it would downgrade the pydantic under
FastAPI (2.14 here), and it makes tools of the app's event handlers (UI callbacks and their
arguments) rather than of the contract's verbs. mcp 2.3 asks for nothing newer or older than what
is installed already (pydantic>=2.12, starlette>=0.27, uvicorn>=0.31); docs/APP.md, "MCP".

Each tool answers twice: readable text (what most assistants read) and the contract's JSON as
structured content, checked against the declared output schema.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from index.api import MAX_K, MAX_QUESTION_CHARS
from index.types import InputError
from qa.compare import UnknownReadout

from . import mcp_shapes as shapes
from .service import Service

INSTRUCTIONS = (
    "Diplomatic readouts (official summaries of calls, meetings and visits by U.S. officials, from the "
    "State Department and the White House), split into numbered paragraphs. Use `ask` for a question "
    "that wants an answer with citations, `search` to see the passages themselves, `readout` to read "
    "a cited readout or check a paragraph, `timeline` for who met whom when (optionally about a "
    "topic), and `participants` to find the exact name or country to filter on. Cite as "
    "[readout_id ¶paragraph]; quote only text the tools returned."
)
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

Question = Annotated[str, Field(min_length=1, max_length=MAX_QUESTION_CHARS, description="the question, in plain English")]
Filtered = Annotated[shapes.Filters | None, Field(description="restrict which readouts may answer; omit for all")]
History = Annotated[list[str | shapes.Turn] | None, Field(
    description="earlier turns of this conversation, oldest first, so that a follow-up such as "
                "'what else did they discuss?' is read in context")]


def build(service: Service) -> MCPServer:
    """An MCPServer whose tools call `service` (one Library, shared with any other interface)."""
    server = MCPServer("readouts", title="Readouts QA", instructions=INSTRUCTIONS, log_level="WARNING")

    def tool(fn):
        # The docstring is the description an assistant reads: one paragraph, without source indentation.
        server.add_tool(fn, description=" ".join(fn.__doc__.split()), annotations=READ_ONLY, structured_output=True)
        return fn

    @tool
    def search(question: Question, filters: Filtered = None,
               k: Annotated[int, Field(ge=1, le=MAX_K, description="how many paragraphs")] = 10,
               ) -> Annotated[CallToolResult, shapes.Hits]:
        """The paragraphs of the readouts that best match a question or a few keywords, best first, each
        whole with its readout id, paragraph number, title, dates and link. Use it to gather evidence or
        to see every passage on a subject; use `ask` when you want a cited answer."""
        hits = _checked(lambda: service.search(question, _filters(filters), None, k))
        out = {"hits": [h.to_json() for h in hits]}
        return _result(out, "\n\n".join(_hit_text(rank, hit) for rank, hit in enumerate(out["hits"], 1))
                       or "No paragraphs match (check the filters).")

    @tool
    def ask(question: Question, history: History = None, filters: Filtered = None) -> Annotated[CallToolResult, shapes.Answer]:
        """A short answer from the readouts, each claim marked [n] with a citation naming the readout,
        the paragraph and the exact sentence quoted from it; or a refusal (refused: true) with the nearest
        passages when the readouts do not cover the question. Facts (who, when, what was said), follow-ups
        (pass `history`) and questions limited by date, source, participant or country."""
        answer = _checked(lambda: service.ask(question, _filters(filters), _history(history)))
        out = answer.to_json()
        lines = [out["answer"]] + [f'[{c["n"]}] {c["title"]} ({c["event_date"]}) [{c["readout_id"]} ¶{c["paragraph"]}]: '
                                   f'"{c["quote"]}" {c["url"]}'.rstrip() for c in out["citations"]]
        if out["refused"] and out["hits"]:
            lines += ["Nearest passages:"] + [_hit_text(rank, hit) for rank, hit in enumerate(out["hits"][:3], 1)]
        return _result(out, "\n".join(lines))

    @tool
    def readout(id: Annotated[str, Field(min_length=1, description="a readout id from search, ask or timeline")],
                paragraph: Annotated[int | None, Field(ge=1, description="one paragraph number to show; omit for all")] = None,
                ) -> Annotated[CallToolResult, shapes.Readout]:
        """One readout whole: title, publication and event dates, source, link, kind, participants, other
        readouts of the same contact, and its numbered paragraphs. With `paragraph`, the text shows only
        that paragraph (to check a citation); the structured result always has them all."""
        found = service.readout(id)
        if found is None:
            raise ToolError(f"no readout {id!r} in this index (ids come from search, ask or timeline)")
        out = {"id": found.id, "title": found.title, "date": found.date, "source": found.source, "url": found.url,
               "paragraphs": list(found.paragraphs), **service.readout_metadata(found.id)}
        numbers = range(1, len(found.paragraphs) + 1)
        if paragraph is not None:
            if paragraph not in numbers:
                raise ToolError(f"paragraph: {id} has paragraphs 1 to {len(found.paragraphs)}, not {paragraph}")
            out.update(paragraph=paragraph, text=found.paragraphs[paragraph - 1])
            numbers = [paragraph]
        people = "; ".join(_person(p) for p in out.get("participants") or [])
        head = (f'{found.title}\n{found.date} — {found.source}\n{found.url}\n'
                f'{out.get("kind") or "readout"} on {out.get("event_date") or found.date}' + (f" — {people}" if people else ""))
        return _result(out, "\n\n".join([head] + [f"¶{n} {found.paragraphs[n - 1]}" for n in numbers]))

    @tool
    def timeline(participant: Annotated[str | None, Field(description="a participant, whole words: 'kuleba', 'Xi Jinping'")] = None,
                 with_: Annotated[str | None, Field(validation_alias="with", description=(
                     "only readouts where this second participant takes part too"))] = None,
                 country: Annotated[str | None, Field(description="readouts with a participant of this country")] = None,
                 topic: Annotated[str | None, Field(description=(
                     "only readouts that speak of this ('Taiwan'), each quoted at the sentence that does"))] = None,
                 date_from: Annotated[str | None, Field(pattern=shapes.DATE, description="event date from, YYYY-MM-DD")] = None,
                 date_to: Annotated[str | None, Field(pattern=shapes.DATE, description="event date to, YYYY-MM-DD")] = None,
                 ) -> Annotated[CallToolResult, shapes.Timeline]:
        """Every readout of a participant, a pair of participants or a country, in event-date order (all
        of them, not a search's top few), each with its kind, participants and a cited sentence, plus
        contacts per month. Give a participant, a country, or both; add `with` for meetings of two people."""
        found = _checked(lambda: service.timeline(participant, with_, country, topic, date_from, date_to))
        out = found.to_json()
        lines = [f'{e["event_date"]}  {e["kind"]}  {e["title"]} [{e["readout_id"]} ¶{e["paragraph"]}]\n'
                 f'    {"; ".join(_person(p) for p in e["participants"])}\n    "{e["quote"]}"' for e in out["entries"]]
        summary = f"{len(lines)} readouts" + (f' about "{found.topic}"' if found.topic else "")
        return _result(out, "\n".join([summary] + lines))

    @tool
    def participants(text: Annotated[str, Field(description="part of a name or a country; empty for everyone")] = "",
                     limit: Annotated[int, Field(ge=1, le=1000, description="at most this many")] = 20,
                     ) -> Annotated[CallToolResult, shapes.Participants]:
        """Who takes part in the readouts: name, role, country, how many readouts, first and last contact,
        and whom they met most. Use it to find the spelling `timeline` and the participant filter expect."""
        rows = _checked(lambda: service.directory(text, limit))
        lines = [f'{r["name"]}{_role(r)}: {r["readouts"]} readouts, {r["first"]} to {r["last"]}'
                 + (" — met " + ", ".join(f'{c["name"]} ({c["readouts"]})' for c in r["counterparts"]) if r["counterparts"] else "")
                 for r in rows]
        return _result({"participants": rows}, "\n".join(lines) or f"No participant matches {text!r}.")

    return server


def mount(app, service: Service, path: str = "/mcp", host: str = "127.0.0.1") -> None:
    """Serve the tools over streamable HTTP at `path` of a FastAPI app (before Gradio takes "/").

    Stateless JSON responses: every call stands alone, so no session outlives a request and any
    worker can answer it. Who may call is ui/security.py's rule, as for /api. On a loopback `host` the
    SDK also checks Host and Origin against DNS rebinding, which a token-less local server needs.
    """
    server = build(service)
    http = server.streamable_http_app(streamable_http_path=path, stateless_http=True, json_response=True, host=host)
    app.router.routes.extend(http.routes)
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application):
        # A mounted app's own lifespan never runs; the session manager's task group must.
        async with outer(application) as state, server.session_manager.run():
            yield state

    app.router.lifespan_context = lifespan


def _checked(compute):
    """Bad input becomes a tool error the assistant can read and correct, not a crash."""
    try:
        return compute()
    except (InputError, UnknownReadout) as problem:
        raise ToolError(str(problem)) from None


def _filters(filters: shapes.Filters | None) -> dict | None:
    return filters.model_dump(exclude_none=True) if filters else None


def _history(history) -> list | None:
    return [turn if isinstance(turn, str) else turn.model_dump() for turn in history] if history else None


def _result(out: dict, text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=out)


def _hit_text(rank: int, hit: dict) -> str:
    return (f'{rank}. {hit["title"]} ({hit["event_date"]}) [{hit["readout_id"]} ¶{hit["paragraph"]}] '
            f'{hit["url"]}\n{hit["text"]}')


def _person(p: dict) -> str:
    return p["name"] + _role(p)


def _role(p: dict) -> str:
    details = ", ".join(x for x in (p.get("role"), p.get("country")) if x)
    return f" ({details})" if details else ""

