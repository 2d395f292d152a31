"""API latency under a few concurrent clients: `python -m eval.api_load --url http://127.0.0.1:7860 -n 60 -c 4`.

Sends N requests from C threads to a running `readouts serve` (loopback only) and prints p50/p95.
Questions come from a question set and are made unique per request (a numbered suffix), so the
server's query-embedding cache does not flatter the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860", help="server base URL (loopback only)")
    parser.add_argument("-n", type=int, default=60, help=f"requests in all (at most {MAX_REQUESTS})")
    parser.add_argument("-c", type=int, default=4, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--route", choices=("ask", "search"), default="ask")
    parser.add_argument("--questions", default=str(QUESTIONS), help="question-set JSONL to draw questions from")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
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
    started = time.perf_counter()
    with ThreadPoolExecutor(args.c) as pool:
        results = list(pool.map(lambda q: _request(url, args.route, q, token, args.timeout), questions))
    wall = time.perf_counter() - started
    ok = [seconds for seconds, status in results if status == 200]
    failed = len(results) - len(ok)
    if not ok:
        print(f"all {len(results)} requests failed (statuses {sorted({s for _, s in results})})", file=sys.stderr)
        return 1
    figures = {"route": args.route, "requests": len(results), "clients": args.c, "failed": failed,
               "p50_ms": round(1000 * statistics.median(ok), 1), "p95_ms": round(1000 * percentile(ok, 0.95), 1),
               "max_ms": round(1000 * max(ok), 1), "throughput_rps": round(len(results) / wall, 2)}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{args.route}: {len(results)} requests from {args.c} clients, {failed} failed; "
              f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms; "
              f"{figures['throughput_rps']} requests/s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
