"""`readouts serve --replicas N`: the HTTP API on Ray Serve, N replicas over one published index.

Needs the optional extra (`pip install 'readouts-qa[ray]'`); only `--replicas` imports Ray.

Each replica opens the index folder as a reader (`create=False`; the API has no write route) with its
own model, so any replica answers any request: the /api routes keep no state between requests. A writer (a
`readouts ingest`, plain or `--ray`) commits a new generation while they serve; each replica's
store notices the newer generation on its next request and loads it once the writer has finished
(`index/store.py` `follow`), answering from the previous generation until then: no restart, no
downtime. The Gradio page is not served here: its queue keeps a session's events in one process
and Ray Serve's router does not pin a browser to a replica, so the page stays on a plain
`readouts serve` (which can run beside the replicas, over the same folder).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

APP_NAME = "readouts"


def build_api(index: str, model: str | None = None, token: str | None = None):
    """The FastAPI app of one replica: the /api routes over the index, guarded as `readouts serve` guards them."""
    from fastapi import FastAPI

    from index.api import Library
    from qa.ask import prepare

    from . import api, api_views, security
    from .service import Service

    library = Library(index, model=model, create=False)
    threading.Thread(target=prepare, args=(library,), name="prepare", daemon=True).start()  # as `readouts serve`
    service = Service(library)
    server = FastAPI(title="Readouts QA", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    api_views.add_views(server, service)  # before add_api: its catch-all answers every other /api path
    api.add_api(server, service)
    security.install(server, security.Credentials(token, None))
    return server


def application(index: str, replicas: int, model: str | None = None, token: str | None = None,
                cpus_per_replica: float = 1.0):
    """A Ray Serve application of `replicas` copies of the API over `index` (bind it with serve.run)."""
    from ray import serve

    @serve.ingress()
    class ReadoutsAPI:
        def __init__(self, index: str, model: str | None, token: str | None):
            self.arguments = (index, model, token)

        def __serve_build_asgi_app__(self):
            # Built on the replica: the model and the index are loaded where they answer.
            return build_api(*self.arguments)

    deployment = serve.deployment(ReadoutsAPI, name="ReadoutsAPI", num_replicas=replicas,
                                  ray_actor_options={"num_cpus": cpus_per_replica},
                                  max_ongoing_requests=8)
    return deployment.bind(os.path.abspath(index), model, token)


def start(index: str, replicas: int, host: str = "127.0.0.1", port: int = 8000, model: str | None = None,
          token: str | None = None, cpus_per_replica: float = 1.0) -> None:
    """Deploy (or redeploy with another replica count) on the connected cluster; returns once all replicas run."""
    from ray import serve

    serve.start(http_options={"host": host, "port": port})
    serve.run(application(index, replicas, model, token, cpus_per_replica), name=APP_NAME, route_prefix="/")


def running_replicas() -> int:
    """How many replicas of the API are running now."""
    from ray import serve

    status = serve.status().applications[APP_NAME].deployments["ReadoutsAPI"]
    return int(status.replica_states.get("RUNNING", 0))


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def run(args) -> int:
    """The CLI path: connect to (or start) a cluster, deploy, serve until interrupted, then clean up."""
    import ray
    from ray import serve

    from index.ray_ingest import connect
    from index.types import InputError

    if args.auth:
        raise InputError("--auth: the page login is for the Gradio app, which --replicas does not serve; "
                         "use READOUTS_API_TOKEN for the API")
    started = connect(args.ray)
    # A service manager stops with SIGTERM: leave the same way as on Ctrl-C, so the replicas (and a
    # local cluster started here) are shut down rather than left running.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        # One CPU a replica, or a share of a local cluster's CPUs when there are fewer (else replicas
        # past the CPU count would wait for resources forever).
        cpus = min(1.0, ray.cluster_resources().get("CPU", 1.0) / args.replicas) if started else 1.0
        start(args.index, args.replicas, args.host, args.port, args.model, os.environ.get("READOUTS_API_TOKEN") or None,
              cpus_per_replica=cpus)
        print(f"Readouts QA API on Ray Serve: {args.replicas} replica(s) over {args.index}; "
              f"http://{args.host}:{args.port}/api/health (Ctrl-C stops)", file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        serve.delete(APP_NAME)
        if started:
            serve.shutdown()
            ray.shutdown()
