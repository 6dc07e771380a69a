"""What a local server that holds patients' names refuses, before any page code runs.

Why: the page runs on the clinician's machine, but a web page anywhere else can still try to
reach it: by a link to 127.0.0.1 (no token: refused), by a DNS name it points at 127.0.0.1
(rebinding: the Host header is not a loopback name, refused), or by a form it posts to us
(cross-site: the Origin is not ours, and it cannot know the CSRF token, refused). Bodies are
bounded; nothing is cached; no address carries a patient's details, and no address is sent on
to another site (no Referer leaves this page).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 2 * 1024 * 1024  # a composed worksheet and its print options: far less
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # never sent to another site (no-referrer would make a form's Origin "null")
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; "
                                 b"object-src 'self' blob:; script-src 'self'; style-src 'self'; base-uri 'none'; "
                                 b"form-action 'self'; frame-ancestors 'self'"),
]


class Guard:
    """ASGI middleware: loopback Host, the run's token in every path, our Origin and a bounded
    body on every POST, and headers that keep pages and PDFs out of every cache."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app, self.token, self.port = app, token, port
        self.hosts = {f"{h}:{port}".encode() for h in LOOPBACK}
        self.origins = {f"http://{h}:{port}".encode() for h in LOOPBACK}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if headers.get(b"host") not in self.hosts:
            await _refuse(send, 400, "This page answers only at its own address on this computer.")
            return
        path: str = scope.get("path", "")
        if not (path == f"/{self.token}" or path.startswith(f"/{self.token}/")):
            await _refuse(send, 404, "Not found: open the address the worksheet command printed.")
            return
        if scope["method"] not in ("GET", "HEAD", "POST"):
            await _refuse(send, 405, "Not allowed.")
            return
        if scope["method"] == "POST":
            if headers.get(b"origin") not in self.origins:
                await _refuse(send, 403, "Refused: this form was not sent from this page.")
                return
            length = headers.get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                await _refuse(send, 413, "Too much data for one worksheet.")
                return
            receive = _bounded(receive)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class TooLarge(Exception):
    """The body ran past the limit as it came in (no Content-Length, or a wrong one)."""


def _bounded(receive: Receive) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY:
            raise TooLarge()
        return message

    return counted


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
