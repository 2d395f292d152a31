"""API latency under a few concurrent clients: `python -m eval.api_load --url http://127.0.0.1:7860 -n 60 -c 4`.

Sends N requests from C threads to a running `readouts serve` (loopback only) and prints p50/p95.
Questions come from a question set and are made unique per request (a numbered suffix), so the
server's query-embedding cache does not flatter the figures. With `--upload FILE`, the same load
runs again while FILE is uploaded through the app (Gradio's upload route, then the Library tab's
ingest event), and both sets of figures are printed side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent / "questions" / "dev.jsonl"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_REQUESTS = 2000
MAX_CLIENTS = 32


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of values (share in 0..1)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def _request(url: str, route: str, question: str, token: str | None, timeout: float) -> tuple[float, int]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if route == "ask":
        data = json.dumps({"question": question, "k": 5}).encode()
        request = urllib.request.Request(f"{url}/api/ask", data=data, method="POST",
                                         headers={**headers, "Content-Type": "application/json"})
    else:
        request = urllib.request.Request(f"{url}/api/search?" + urllib.parse.urlencode({"q": question, "k": 10}),
                                         headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return time.perf_counter() - started, status


def app_event(client, api_name: str, data: list) -> dict:
    """Run one of the app's events through Gradio's HTTP queue (as the page does); the completion message."""
    config = client.get("/config").json()
    dependency = next(d for d in config["dependencies"] if d.get("api_name") == api_name)
    session = f"load{secrets.token_hex(6)}"
    joined = client.post("/gradio_api/queue/join", json={
        "data": data, "fn_index": dependency["id"], "session_hash": session, "event_data": None,
        "trigger_id": dependency["targets"][0][0]})
    joined.raise_for_status()
    with client.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise RuntimeError(f"the {api_name} event never completed")


def file_data(path: str | Path) -> dict:
    return {"path": str(path), "orig_name": Path(path).name, "meta": {"_type": "gradio.FileData"}}


def upload_through_app(client, path: Path) -> dict:
    """Upload a file and ingest it as the Library tab does; the event's completion message."""
    uploaded = client.post("/gradio_api/upload", files={"files": (path.name, path.read_bytes())})
    uploaded.raise_for_status()
    return app_event(client, "upload", [[file_data(uploaded.json()[0])]])


def _load(url: str, route: str, questions: list[str], clients: int, token: str | None, timeout: float):
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda q: _request(url, route, q, token, timeout), questions))
    return results, time.perf_counter() - started


def _figures(route: str, clients: int, results: list, wall: float) -> dict | None:
    ok = [seconds for seconds, status in results if status == 200]
    if not ok:
        return None
    return {"route": route, "requests": len(results), "clients": clients, "failed": len(results) - len(ok),
            "p50_ms": round(1000 * statistics.median(ok), 1), "p95_ms": round(1000 * percentile(ok, 0.95), 1),
            "max_ms": round(1000 * max(ok), 1), "throughput_rps": round(len(results) / wall, 2)}


def _during_upload(url: str, args, questions: list[str], token: str | None) -> dict:
    """The same load while a file is uploaded and embedded; stops sending when the upload is done."""
    import httpx

    done: dict = {}
    headers = {"Authorization": f"Bearer {token}"} if token else {}

    def upload():
        with httpx.Client(base_url=url, headers=headers, timeout=3600) as client:
            started = time.perf_counter()
            done["message"] = upload_through_app(client, Path(args.upload))
            done["seconds"] = time.perf_counter() - started

    writer = threading.Thread(target=upload)
    writer.start()
    time.sleep(1.0)  # past reading the file, into chunking and embedding
    results, started = [], time.perf_counter()
    for start in range(0, len(questions), args.c):
        if not writer.is_alive():
            break
        batch, _ = _load(url, args.route, questions[start:start + args.c], args.c, token, args.timeout)
        results += batch
    wall = time.perf_counter() - started
    writer.join()
    output = json.dumps(done.get("message", {}).get("output", {}))[:300]
    return {"figures": _figures(args.route, args.c, results, wall) if results else None,
            "upload_seconds": round(done.get("seconds", 0.0), 1), "upload_output": output}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860", help="server base URL (loopback only)")
    parser.add_argument("-n", type=int, default=60, help=f"requests in all (at most {MAX_REQUESTS})")
    parser.add_argument("-c", type=int, default=4, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--route", choices=("ask", "search"), default="ask")
    parser.add_argument("--questions", default=str(QUESTIONS), help="question-set JSONL to draw questions from")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument("--upload", metavar="FILE",
                        help="then repeat the load while FILE is uploaded through the app; print both")
    args = parser.parse_args(argv)
    host = urllib.parse.urlsplit(args.url).hostname
    if host not in LOOPBACK:
        parser.error(f"--url must be a loopback address ({', '.join(sorted(LOOPBACK))}), not {host!r}")
    if not 1 <= args.n <= MAX_REQUESTS or not 1 <= args.c <= MAX_CLIENTS:
        parser.error(f"-n must be 1..{MAX_REQUESTS} and -c 1..{MAX_CLIENTS}")
    base = [json.loads(line)["question"] for line in open(args.questions, encoding="utf-8") if line.strip()]
    run = secrets.token_hex(3)  # a new suffix per run: no question is in the server's cache from an earlier run
    questions = [f"{base[i % len(base)]} ({run}{i})" for i in range(args.n)]
    token = os.environ.get("READOUTS_API_TOKEN")
    url = args.url.rstrip("/")
    _request(url, args.route, "warm up", token, args.timeout)
    results, wall = _load(url, args.route, questions, args.c, token, args.timeout)
    figures = _figures(args.route, args.c, results, wall)
    if figures is None:
        print(f"all {len(results)} requests failed (statuses {sorted({s for _, s in results})})", file=sys.stderr)
        return 1
    out = {"idle": figures}
    if args.upload:
        during = _during_upload(url, args, [f"{q} (upload)" for q in questions], token)
        out["during_upload"] = during
    if args.json:
        print(json.dumps(out if args.upload else figures))
    else:
        for name, shown in (("idle", figures), ("during upload", (out.get("during_upload") or {}).get("figures"))):
            if shown:
                print(f"{name}: {args.route} {shown['requests']} requests from {args.c} clients, {shown['failed']} failed; "
                      f"p50 {shown['p50_ms']} ms, p95 {shown['p95_ms']} ms, max {shown['max_ms']} ms; "
                      f"{shown['throughput_rps']} requests/s")
        if args.upload:
            print(f"upload of {args.upload}: {out['during_upload']['upload_seconds']} s; "
                  f"{out['during_upload']['upload_output']}")
    return 1 if figures["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
