"""A real `readouts serve` in a subprocess on a free loopback port, for tests that act as clients would."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def start_server(folder: Path, logs: Path, token: str | None = None, auth: str | None = None,
                 headers: dict | None = None, env: dict | None = None):
    """Serve `folder`; yields an httpx client for its base URL (sending `headers`, default the token if set)."""
    port = free_port()
    # No LLM unless `env` names one (it may override any of these).
    env = {**os.environ, "READOUTS_API_TOKEN": token or "", "READOUTS_UI_AUTH": auth or "", "READOUTS_LLM_BASE_URL": "",
           **(env or {})}
    log = open(logs / f"serve-{port}.log", "w+")
    process = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--index", str(folder), "--port", str(port)],
                               cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    sent = headers if headers is not None else ({"Authorization": f"Bearer {token}"} if token else {})
    client = httpx.Client(base_url=base, timeout=120, headers=sent)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{base}/gradio_api/startup-events", timeout=2).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"readouts serve did not come up:\n{log.read()[-3000:]}")
            time.sleep(0.3)
        client.log = log  # type: ignore[attr-defined]
        yield client
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
