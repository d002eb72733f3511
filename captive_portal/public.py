"""What a hotspot user's browser asks for: splash, accept, success, the style sheet, logo."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from captive_portal import vouchers
from captive_portal.client_key import client_key
from captive_portal.errors import PortalError
from captive_portal.gateway import ClientContext, Gateway, GatewayError
from captive_portal.pages import pick_language
from captive_portal.portal import Portal, peer_address
from captive_portal.redirects import safe_origin
from captive_portal.sessions import Acceptance
from captive_portal.settings import Language
from captive_portal.settings_checks import is_web_url
from captive_portal.store import VoucherClaim, VoucherTaken
from captive_portal.vouchers import Voucher

log = logging.getLogger("captive_portal")
MAX_FORM_BYTES = 16384
_NO_STORE = {"Cache-Control": "no-store"}
STYLE_SHEET = Path(__file__).with_name("static") / "portal.css"


class PublicPages:
    def __init__(self, portal: Portal) -> None:
        self._portal = portal
        self._style = STYLE_SHEET.read_bytes()

    def routes(self) -> list[Route]:
        return [
            Route("/", self.splash, methods=["GET", "HEAD"]),
            Route("/accept", self.accept, methods=["POST"]),
            Route("/success", self.success, methods=["GET", "HEAD"]),
            Route("/portal.css", self.style, methods=["GET", "HEAD"]),
            Route("/logo", self.logo, methods=["GET", "HEAD"]),
        ]

    async def splash(self, request: Request) -> Response:
        peer = peer_address(request)
        # Set first, so a refused gateway parameter is explained in the asked language.
        request.state.lang = self.splash_language(request.query_params)
        return HTMLResponse(self.splash_page(request.query_params, peer), headers=_NO_STORE)

    def splash_language(self, params: QueryParams) -> Language:
        return pick_language(params.get("lang"), self._portal.settings.language)

    def splash_page(self, params: QueryParams, peer: str) -> bytes:
        """The splash for this gateway query and peer; PortalError when the query is bad.

        Also answered from the parser by fast_http.py (through app.FastAnswers)."""
        portal = self._portal
        language = self.splash_language(params)
        query = {k: v for k, v in params.items() if k != "lang"}
        client = portal.gateway.identify(query, peer)
        blob, token = portal.signer.fields(client, peer)
        hidden = {"client": blob, "token": token, "lang": language}
        return portal.pages.splash(language, params.multi_items(), hidden)

    async def accept(self, request: Request) -> Response:
        portal = self._portal
        peer = peer_address(request)
        form = await _read_form(request)
        language = pick_language(form.get("lang"), portal.settings.language)
        request.state.lang = language
        client = portal.signer.verify(form.get("client"), form.get("token"), peer)
        if portal.gateway.clients_are_peers and client.ip != peer:
            raise PortalError(403, "form_forged")  # a form made for another device
        wait = portal.limiter.wait_seconds(_counted_as(client, peer, portal.gateway))
        if wait:
            raise PortalError(429, "rate_limited", {"Retry-After": str(wait)})
        voucher = self._voucher(form.get("voucher", ""))
        gateway_url = await run_in_threadpool(self._let_through, client, voucher)
        own_hosts = {portal.settings.portal_host(), (request.url.hostname or "").lower()}
        target = gateway_url or safe_origin(client.origin_url, own_hosts)
        return RedirectResponse(target or f"/success?lang={language}", 303, headers=_NO_STORE)

    def _voucher(self, typed: str) -> Voucher | None:
        """The voucher typed on the splash, checked by its signature; None when none was."""
        if not typed.strip() or not self._portal.voucher_keys:
            return None
        try:
            return vouchers.check(typed, self._portal.voucher_keys, self._portal.clock())
        except vouchers.VoucherRefused as refused:
            status = 410 if refused.problem == "voucher_expired" else 400
            raise PortalError(status, refused.problem) from None

    def _let_through(self, client: ClientContext, voucher: Voucher | None) -> str | None:
        """Tell the gateway, then record session and consent (in a worker thread)."""
        portal = self._portal
        client = portal.gateway.as_seen_now(client)  # the device posting, not the splash's
        mac_hash = portal.keys.mac_hash(client.mac)
        seconds = portal.settings.session_seconds
        if voucher is not None:  # claimed first: a used voucher never lets a device through
            seconds = self._voucher_seconds(voucher, client, mac_hash)
        url = portal.gateway.authorise(client, seconds)
        if url is not None and not is_web_url(url):
            raise GatewayError(f"gateway {portal.gateway.name} answered a non-web redirect")
        acceptance = Acceptance(
            client, mac_hash, portal.keys.current.id, portal.settings.terms_version,
            voucher.fingerprint() if voucher else None,
        )  # fmt: skip
        portal.book.start(acceptance, seconds)
        portal.metrics.accepted()
        log.info(
            "client accepted terms v%s on gateway %s (mac %s)%s, online for %d s",
            portal.settings.terms_version, client.gateway_id,
            mac_hash[:12] if mac_hash else "unknown", " with a voucher" if voucher else "",
            seconds,
        )  # fmt: skip
        return url

    def _voucher_seconds(self, voucher: Voucher, client: ClientContext, mac: str | None) -> int:
        """Seconds online the voucher still gives this device (its hours from first use)."""
        portal = self._portal
        claim = VoucherClaim(voucher.fingerprint(), voucher.expires_at, mac, client.gateway_id)
        try:
            first_used = portal.book.claim_voucher(claim)
        except VoucherTaken:
            raise PortalError(409, "voucher_used") from None
        left = int(first_used + portal.settings.vouchers.hours * 3600 - portal.clock())
        if left <= 0:
            raise PortalError(410, "voucher_expired")
        return left

    async def success(self, request: Request) -> Response:
        language = pick_language(request.query_params.get("lang"), self._portal.settings.language)
        return HTMLResponse(self._portal.pages.success(language), headers=_NO_STORE)

    async def style(self, request: Request) -> Response:
        return Response(
            self._style, media_type="text/css", headers={"Cache-Control": "max-age=3600"}
        )

    async def logo(self, request: Request) -> Response:
        logo = self._portal.logo
        if logo is None:
            raise PortalError(404, "not_found")
        return Response(
            logo.body, media_type=logo.media_type, headers={"Cache-Control": "max-age=3600"}
        )


def _counted_as(client: ClientContext, peer: str, gateway: Gateway) -> str:
    """Whose accepts the limit counts: the peer's address (IPv6: its /64), or, where the
    gateway names the client (openNDS: every phone of a hotspot may come from its router's
    one address), the client at its gateway as the signed form says."""
    if gateway.clients_are_peers:
        return peer
    return f"{client_key(client.ip)}@{client.gateway_id}"


async def _read_form(request: Request) -> dict[str, str]:
    """The urlencoded accept form, at most MAX_FORM_BYTES; the last value of each field."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise PortalError(400, "form_missing")
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                raise PortalError(413, "too_large")
    except ClientDisconnect as exc:  # it left, or was cut off for a late body: no traceback
        raise PortalError(400, "form_missing") from exc
    try:
        return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=16))
    except ValueError as exc:  # bad UTF-8 (UnicodeDecodeError) or too many fields
        raise PortalError(400, "form_missing") from exc
