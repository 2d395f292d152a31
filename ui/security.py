"""Who may call what on a `readouts serve` server (docs/APP.md, "Security model").

Two credentials, each optional: the API token (READOUTS_API_TOKEN) and the page login (--auth
USER:PASSWORD). The rule is one for every route family:
- programmatic routes (/api/*, the OpenAI-compatible /v1/*, the MCP
  endpoint /mcp, the OpenAPI specs, and Gradio's own API
  that gradio_client uses) need the token as `Authorization: Bearer TOKEN` when a token is set;
  without a token but with a login, /api/*, /v1/* and /mcp take the login as HTTP Basic;
- the page needs the login; with only a token set, the login form takes the token as its password,
  so a token-only server is never open to a browser either; Gradio's routes accept a login session
  or the bearer token;
- with neither set, everything is open (the default binds to 127.0.0.1 only).
Failed attempts (a wrong token, a wrong login) are counted per client address: after
`FAILURES_ALLOWED` in `WINDOW` seconds that address gets 429 for `LOCKOUT` seconds.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

FAILURES_ALLOWED = int(os.environ.get("READOUTS_AUTH_FAILURES", "10"))  # per client address and WINDOW
WINDOW = 60.0
LOCKOUT = 60.0
# Paths that describe a programmatic API, guarded like /api/* (Gradio's own spec and info sit behind its login).
SPEC_PATHS = ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")


def same(sent: str, wanted: str) -> bool:
    return hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), wanted.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class Credentials:
    """The server's token and login; either may be None."""

    token: str | None = None
    login: tuple[str, str] | None = None

    def bearer_ok(self, request: Request) -> bool:
        sent = request.headers.get("authorization", "")
        return bool(self.token) and sent.startswith("Bearer ") and same(sent[7:], self.token)

    def basic_ok(self, request: Request) -> bool:
        sent = request.headers.get("authorization", "")
        if not self.login or not sent.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(sent[6:], validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return same(user, self.login[0]) & same(password, self.login[1])

    def api_allows(self, request: Request) -> bool:
        """May this request use /api/*, /v1/* and the specs?"""
        if self.token:
            return self.bearer_ok(request)
        if self.login:
            return self.basic_ok(request)
        return True

    def page_login(self):
        """What Gradio's login form checks: the login, or with only a token, the token as password."""
        if self.login:
            user, password = self.login
            return lambda u, p: same(u, user) & same(p, password)
        if self.token:
            token = self.token
            return lambda u, p: same(p, token)
        return None

    def challenge(self) -> dict:
        return {"WWW-Authenticate": "Bearer" if self.token else 'Basic realm="readouts"'}

    def missing(self) -> str:
        if self.token:
            return "missing or wrong bearer token (Authorization: Bearer READOUTS_API_TOKEN)"
        return "missing or wrong login (HTTP Basic with the --auth USER:PASSWORD)"


class Throttle:
    """Failed attempts per client address in a sliding window; too many locks that address out for a while."""

    def __init__(self, allowed: int = FAILURES_ALLOWED, window: float = WINDOW, lockout: float = LOCKOUT):
        self.allowed, self.window, self.lockout = allowed, window, lockout
        self._failures: dict[str, deque] = {}
        self._locked: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_for(self, client: str) -> float:
        """Seconds this client must still wait (0 when it may try)."""
        with self._lock:
            until = self._locked.get(client, 0.0)
            left = until - time.monotonic()
            if left <= 0 and client in self._locked:
                del self._locked[client]
            return max(left, 0.0)

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            recent = self._failures.setdefault(client, deque())
            recent.append(now)
            while recent and recent[0] < now - self.window:
                recent.popleft()
            if len(recent) >= self.allowed:
                self._locked[client] = now + self.lockout
                recent.clear()
            if len(self._failures) > 10000:  # bounded memory under a spray of addresses
                self._failures = {k: v for k, v in self._failures.items() if v and v[-1] >= now - self.window}


API_PREFIXES = ("/api", "/v1", "/mcp")  # one rule: OpenAI and MCP clients send the token as a bearer


def is_guarded(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in API_PREFIXES) or path in SPEC_PATHS


def refusal(path: str, status: int, message: str, headers: dict) -> JSONResponse:
    """{"error": message}, or on /v1/* OpenAI's error object, which its clients expect."""
    if path == "/v1" or path.startswith("/v1/"):
        code = "invalid_api_key" if status == 401 else "rate_limit_exceeded"
        body = {"error": {"message": message, "type": "invalid_request_error" if status == 401 else "requests",
                          "param": None, "code": code}}
        return JSONResponse(body, status_code=status, headers=headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class Guard:
    """What the middleware needs: the credentials, the throttle, and (once mounted) Gradio's app."""

    def __init__(self, credentials: Credentials, throttle: Throttle):
        self.credentials, self.throttle = credentials, throttle
        self.gradio_app = None
        self._session = secrets.token_urlsafe(24)

    def admit_bearer_to_gradio(self, request: Request) -> None:
        """Let a bearer-token request through Gradio's login check as a session of user "api".

        Gradio knows only its login cookie (an auth_dependency would replace its login page with a
        bare 401), so a request that proved the token gets that cookie added before Gradio sees it.
        """
        app = self.gradio_app
        if app is None:
            return
        app.tokens[self._session] = "api"
        cookie = f"access-token-{app.cookie_id}={self._session}; access-token-unsecure-{app.cookie_id}={self._session}"
        headers = [(k, v) for k, v in request.scope["headers"] if k != b"cookie"]
        request.scope["headers"] = headers + [(b"cookie", cookie.encode())]


def install(app: FastAPI, credentials: Credentials, throttle: Throttle | None = None) -> Guard:
    """Guard the API and spec routes, count failed logins; returns the guard (set its gradio_app once mounted)."""
    throttle = throttle or Throttle()
    guard_state = Guard(credentials, throttle)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        path = request.url.path
        client = request.client.host if request.client else "unknown"
        logging_in = path.rstrip("/") == "/login" and request.method == "POST"
        if is_guarded(path) or logging_in:
            wait = throttle.wait_for(client)
            if wait:
                return refusal(path, 429, f"too many failed attempts; try again in {int(wait) + 1} s",
                               {"Retry-After": str(int(wait) + 1)})
        if is_guarded(path) and not credentials.api_allows(request):
            if "authorization" in request.headers:
                throttle.failed(client)
            return refusal(path, 401, credentials.missing(), credentials.challenge())
        if not is_guarded(path) and credentials.bearer_ok(request):
            guard_state.admit_bearer_to_gradio(request)
        response = await call_next(request)
        if logging_in and response.status_code in (400, 401):
            throttle.failed(client)
        return response

    return guard_state
