"""The `readouts mcp` verb: the MCP tools (ui/mcp_tools.py) over stdio, the transport that Claude
Desktop and most MCP clients start a server with. Needs the `mcp` extra."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager


def add_parser(sub) -> None:
    from .cli import add_index_options, add_llm_options

    p = sub.add_parser("mcp", help="serve search, ask, readout, timeline and participants as MCP tools over stdio "
                                   "(for Claude Desktop and other MCP clients; needs the mcp extra)")
    add_index_options(p)
    add_llm_options(p)
    p.set_defaults(run=run)


@contextmanager
def stdout_to_stderr():
    """Send everything written to standard output, by Python or by native code, to standard error.

    Over stdio, standard output is the protocol: one stray line (a model-loading notice, a progress
    bar) and the client reads garbage. While serving, the SDK diverts it itself; this covers the
    loading before that.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def run(args) -> int:
    try:
        from . import mcp_tools
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] != "mcp":
            raise
        print("error: `readouts mcp` needs the mcp package: pip install 'readouts-qa[mcp]'", file=sys.stderr)
        return 2
    from .cli import make_answerer, open_library
    from .service import Service

    with stdout_to_stderr():
        library = open_library(args)  # the model loads here, before the client's first call waits on it
        server = mcp_tools.build(Service(library, make_answerer(args)))
    stats = library.stats()
    print(f"readouts mcp: {stats['readouts']} readouts from {args.index}, serving MCP over stdio", file=sys.stderr,
          flush=True)
    server.run("stdio")
    return 0
