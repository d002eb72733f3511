"""Machine-readable answers: the RFC 8908 captive portal API and the WiFi4EU variables."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from captive_portal.errors import PortalError
from captive_portal.pages import pick_language
from captive_portal.portal import Portal, peer_address

CAPTIVE_JSON = "application/captive+json"


class MachineAnswers:
    def __init__(self, portal: Portal) -> None:
        self._portal = portal

    def routes(self) -> list[Route]:
        return [
            Route("/api/captive", self.captive, methods=["GET", "HEAD"]),
            Route("/wifi4eu.js", self.wifi4eu_variables, methods=["GET", "HEAD"]),
        ]

    async def captive(self, request: Request) -> Response:
        """RFC 8908 section 5: the client's state, never cached by shared caches."""
        settings = self._portal.settings
        remaining = self._portal.book.seconds_remaining(peer_address(request))
        state: dict[str, object] = {
            "captive": remaining is None,
            "user-portal-url": settings.portal_url(),
            "can-extend-session": True,
        }
        if settings.venue_info_url:
            state["venue-info-url"] = settings.venue_info_url
        if remaining is not None:
            state["seconds-remaining"] = remaining
        return Response(
            json.dumps(state), media_type=CAPTIVE_JSON, headers={"Cache-Control": "private"}
        )

    async def wifi4eu_variables(self, request: Request) -> Response:
        """The globals the WiFi4EU snippet reads, as a script file (the CSP forbids inline).

        The programme's snippet is an inline script setting wifi4euTimerStart,
        wifi4euNetworkIdentifier and wifi4euLanguage (and selftestModus while testing)
        followed by collection.wifi4eu.ec.europa.eu/wifi4eu.min.js; top-level `var` in a
        classic script file defines the same globals.
        """
        settings = self._portal.settings.wifi4eu
        if not settings.enabled:
            raise PortalError(404, "not_found")
        page = pick_language(request.query_params.get("lang"), self._portal.settings.language)
        lines = [
            "var wifi4euTimerStart = Date.now();",
            f"var wifi4euNetworkIdentifier = {json.dumps(settings.network_id)};",
            f"var wifi4euLanguage = {json.dumps(settings.language or page)};",
        ]
        if settings.self_test:
            lines.append("var selftestModus = true;")
        return Response(
            "\n".join(lines) + "\n",
            media_type="text/javascript",
            headers={"Cache-Control": "no-store"},
        )
