"""The `readouts serve` verb: the chat app and the HTTP API on one server, over one Library."""
from __future__ import annotations

import os
import sys
import threading


def add_parser(sub) -> None:
    from .cli import add_index_options, add_llm_options

    p = sub.add_parser("serve", help="the browser app (chat, sources, library) and the HTTP API")
    p.add_argument("--host", default=os.environ.get("READOUTS_HOST", "127.0.0.1"),
                   help="address to listen on (env READOUTS_HOST; default %(default)s)")
    p.add_argument("--port", type=int, default=int(os.environ.get("READOUTS_PORT", "7860")),
                   help="port (env READOUTS_PORT; default %(default)s)")
    p.add_argument("--auth", default=os.environ.get("READOUTS_UI_AUTH"), metavar="USER:PASSWORD",
                   help="login for the browser app and Gradio's client API (env READOUTS_UI_AUTH)")
    p.add_argument("--llm-timeout", type=float, default=float(os.environ.get("READOUTS_LLM_TIMEOUT", "30")),
                   help="seconds to wait for the LLM before the extractive answer (default %(default)s)")
    p.add_argument("--replicas", type=int, metavar="N",
                   help="serve the HTTP API (not the page) from N replicas on Ray Serve (the 'ray' extra); "
                        "see ui/ray_serve.py")
    p.add_argument("--ray", metavar="ADDRESS", help="with --replicas: a running Ray cluster (default: start a local one)")
    add_index_options(p)
    add_llm_options(p)
    p.set_defaults(run=run)


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """USER:PASSWORD (the password may contain ':') or None."""
    from index.types import InputError

    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise InputError("--auth: expected USER:PASSWORD")
    return user, password


def make_app(service, auth: tuple[str, str] | None = None, token: str | None = None, host: str = "127.0.0.1"):
    """The FastAPI app: /api and /v1 routes and, with the mcp extra, the MCP tools at /mcp first, then
    Gradio at / (which takes every other path).

    Who may call what is ui/security.py's one rule: the token guards every programmatic route
    (Gradio's too), the login guards the page, and with only a token the page's login takes it.
    """
    import gradio as gr
    from fastapi import FastAPI
    from starlette.routing import Mount

    from . import api, api_views, app, openai_api, render, security

    credentials = security.Credentials(token, auth)
    blocks = app.build(service)
    server = FastAPI(title="Readouts QA", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    api_views.add_views(server, service)  # before add_api: its catch-all answers every other /api path
    api.add_api(server, service)
    openai_api.add_openai(server, service)  # /v1/*: OpenAI clients and chat front ends
    if mcp_installed():
        from . import mcp_tools

        mcp_tools.mount(server, service, "/mcp", host)
    guard = security.install(server, credentials)
    # Gradio's own FastAPI would serve /openapi.json and /docs to anyone: its API is described at
    # /gradio_api/info, behind its login.
    mounted = gr.mount_gradio_app(server, blocks, path="/", auth=credentials.page_login(),
                                  css=render.CSS, js=render.JS, max_file_size="10mb", footer_links=["api"],
                                  theme=gr.themes.Soft(), show_error=True,
                                  app_kwargs={"openapi_url": None, "docs_url": None, "redoc_url": None})
    # Gradio checks that a file named in an event was uploaded (and does not copy it into its cache
    # otherwise) only once it thinks it launched; mounted, it never does. The upload handler checks
    # again (library_tab.check_uploaded).
    blocks.has_launched = True
    guard.gradio_app = next(r.app for r in mounted.routes if isinstance(r, Mount) and r.path == "")
    return mounted


def mcp_installed() -> bool:
    """True when the optional `mcp` package (the mcp extra) can be imported."""
    import importlib.util

    return importlib.util.find_spec("mcp") is not None


def run(args) -> int:
    if args.replicas is not None:
        from index.types import InputError

        if args.replicas < 1:
            raise InputError("--replicas: at least 1")
        try:
            from . import ray_serve
        except ImportError:
            raise InputError("--replicas needs the Ray extra: pip install 'readouts-qa[ray]'") from None
        return ray_serve.run(args)
    import uvicorn

    from index.api import Library
    from qa.ask import prepare
    from qa.llm import LLMAnswerer

    from .service import Service

    auth = parse_auth(args.auth)
    library = Library(args.index, model=args.model, create=False)  # the model loads here, once
    answerer = None
    if args.llm_base_url and args.llm_model:
        answerer = LLMAnswerer(args.llm_base_url, args.llm_model, timeout=args.llm_timeout)
    token = os.environ.get("READOUTS_API_TOKEN") or None
    server = make_app(Service(library, answerer), auth, token, args.host)
    # What the first questions would wait for is read beside the server (at 100x ~3 s); a question asked
    # meanwhile reads what it needs itself (each cache has its lock).
    threading.Thread(target=prepare, args=(library,), name="prepare", daemon=True).start()
    stats = library.stats()
    print(f"Readouts QA: {stats['readouts']} readouts from {args.index}; answers: "
          f"{'LLM ' + args.llm_model if answerer else 'extractive'}; API token {'required' if token else 'off'}; "
          f"page login {'USER:PASSWORD' if auth else 'the token as password' if token else 'off'}", file=sys.stderr)
    print(f"open http://{args.host}:{args.port}/" + (f"; MCP at http://{args.host}:{args.port}/mcp"
                                                     if mcp_installed() else ""), file=sys.stderr, flush=True)
    uvicorn.run(server, host=args.host, port=args.port, log_level="warning")
    return 0
