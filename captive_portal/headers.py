"""Strict security headers on every response, as one ASGI layer."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from captive_portal.settings import WIFI4EU_HOST


def content_security_policy(wifi4eu: bool) -> str:
    """No inline script anywhere; the WiFi4EU host only when its snippet is on.

    No form-action: after an accept the browser follows a redirect to the gateway or to
    the page the client first asked for, and browsers apply form-action to redirects.
    """
    extra = f" https://{WIFI4EU_HOST}" if wifi4eu else ""
    parts = [
        "default-src 'none'",
        f"style-src 'self'{extra}",
        f"img-src 'self'{extra}",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
    if wifi4eu:
        parts += [f"script-src 'self'{extra}", f"connect-src{extra}"]
    return "; ".join(parts)


def security_headers(wifi4eu: bool) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", content_security_policy(wifi4eu).encode()),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-content-type-options", b"nosniff"),
    ]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, wifi4eu: bool) -> None:
        self._app = app
        self.headers = security_headers(wifi4eu)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *self.headers]}
            await send(message)

        await self._app(scope, receive, send_with_headers)
