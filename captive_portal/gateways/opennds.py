"""openNDS as the hotspot gateway, with the portal as its Forwarding Authentication Service.

openNDS sends a new client to the portal with a `fas` parameter (see `_fas`); the portal
shows the terms and, on accept, redirects the client to openNDS's `opennds_auth` with
`tok = sha256hex(hid + faskey)`, which logs it in. The session length of such a login is
openNDS's own `sessiontimeout`; `reapply` and `deauthorise` go through `ndsctl` and so need
the portal on the gateway host (or an `ndsctl` command that reaches it, e.g. over ssh).
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from urllib.parse import urlencode

from captive_portal.gateway import ClientContext, GatewayClient, GatewayError, GatewayInputError
from captive_portal.gateways import _validate as v
from captive_portal.gateways._fas import FasRequest, auth_token, decode_fas, parse_fas_text
from captive_portal.gateways._fas_aes import decrypt_fas
from captive_portal.gateways._ndsctl import Ndsctl, parse_clients
from captive_portal.gateways._privacy import LogTag

log = logging.getLogger(__name__)

FASKEY = re.compile(r"[A-Za-z0-9]{16,64}")
AUTHDIR = re.compile(r"[A-Za-z0-9_]{1,32}")
DEFAULT_AUTHDIR = "opennds_auth"
EXTRA_FIELDS = ("hid", "gatewayaddress", "authdir", "gatewayname", "client_type")


class OpenNdsGateway:
    name = "opennds"
    clients_are_peers = False

    def __init__(
        self,
        faskey: str,
        ndsctl: str | Sequence[str] = "ndsctl",
        *,
        fas_level: int = 1,
        trusted_gateways: Collection[str] | None = None,
        landing_url: str | None = None,
        timeout_s: float = 5.0,
        clock: Callable[[], float] = time.time,
        registered_as: str | None = None,
    ) -> None:
        """`trusted_gateways` ("ip:port" as openNDS sends `gatewayaddress`) stops a forged
        `fas` from turning the portal into a redirector to any address; `landing_url` is
        where a client goes after login when openNDS did not send its original URL;
        `registered_as`: the router's name in the gateway registry, its clients' gateway_id
        (else the router's MAC, as openNDS sends it)."""
        if not FASKEY.fullmatch(faskey):
            raise ValueError("faskey: 16 to 64 letters and digits, as openNDS accepts")
        if fas_level not in (1, 2):
            raise ValueError("fas_level: 1 or 2 (level 3 needs https and is not supported)")
        self._faskey = faskey
        self.gateway_id: str | None = registered_as  # None: each router by its MAC
        self._fas_level = fas_level
        self._trusted = (
            None
            if trusted_gateways is None
            else frozenset(v.host_port("trusted_gateways", g) for g in trusted_gateways)
        )
        self._landing_url = None if landing_url is None else v.http_url("landing_url", landing_url)
        self._ndsctl = Ndsctl([ndsctl] if isinstance(ndsctl, str) else ndsctl, timeout_s)
        self._clock = clock
        self._tag = LogTag()
        if registered_as is not None:
            self.name = f"opennds {registered_as}"

    def identify(self, query: Mapping[str, str], peer_ip: str) -> ClientContext:
        """The client openNDS describes in `fas` (the TCP peer may be a NAT on the way)."""
        fas = query.get("fas")
        if fas is None:
            raise GatewayInputError("fas: missing")
        request = self._decode(fas, query)
        self._check_gateway(request.gatewayaddress)
        return ClientContext(
            ip=request.clientip,
            mac=request.clientmac,
            gateway_id=self.gateway_id or request.gatewaymac,
            origin_url=request.originurl,
            extra=_extra(request),
        )

    def _decode(self, fas: str, query: Mapping[str, str]) -> FasRequest:
        if self._fas_level == 1:
            return decode_fas(fas)
        iv = query.get("iv")
        if iv is None:
            raise GatewayInputError("iv: missing")
        return parse_fas_text(decrypt_fas(fas, iv, self._faskey))

    def _check_gateway(self, address: str) -> str:
        address = v.host_port("gatewayaddress", address)
        if self._trusted is not None and address not in self._trusted:
            raise GatewayInputError("gatewayaddress: not a trusted gateway")
        return address

    def as_seen_now(self, client: ClientContext) -> ClientContext:
        """openNDS binds the login itself: the accept sends the phone to openNDS's own auth
        address with the client's token, and openNDS lets through the client it issued
        that token to."""
        return client

    def authorise(self, client: ClientContext, seconds: int) -> str:
        """The `opennds_auth` URL that logs `client` in; openNDS's sessiontimeout applies."""
        hid = v.hex64("hid", client.extra.get("hid", ""))
        address = self._check_gateway(client.extra.get("gatewayaddress", ""))
        authdir = v.text("authdir", client.extra.get("authdir", DEFAULT_AUTHDIR), AUTHDIR)
        query = {"tok": auth_token(hid, self._faskey)}
        redir = client.origin_url or self._landing_url
        if redir is not None:
            query["redir"] = v.http_url("redir", redir)
        log.info("client %s sent to openNDS to log in", self._tag(client.ip))
        return f"http://{address}/{authdir}/?{urlencode(query)}"

    def deauthorise(self, ip: str) -> None:
        """Log the client out, by every MAC openNDS holds with this address (a phone that
        changed its MAC and accepted again is two clients there; issue 13, attack 3), then
        by the address; one openNDS does not know is out already."""
        ip = v.ip("ip", ip)
        try:
            listed = self.clients()
        except GatewayError as error:  # the logout by address below still happens
            log.warning("openNDS clients not listed for a logout: %s", error)
            listed = []
        macs = sorted({c.mac for c in listed if c.ip == ip and c.mac is not None})
        for mac in macs:
            self._ndsctl.run("deauth", mac, done_if="not found")
        self._ndsctl.run("deauth", ip, done_if="not found")
        log.info("client %s logged out through ndsctl (%d MACs)", self._tag(ip), len(macs))

    def clients(self) -> list[GatewayClient]:
        return parse_clients(self._ndsctl.run("json"), self._clock())

    def reapply(self, sessions: Sequence[tuple[ClientContext, int]]) -> None:
        """`ndsctl auth <ip> <minutes>` for each live session, rounded up to whole minutes.

        openNDS 9.10 only authenticates clients it has seen since it started (a port-80
        request); after an openNDS restart, sessions of clients not yet back fail here
        and are counted in the GatewayError.
        """
        failed = 0
        live = [(client, seconds) for client, seconds in sessions if seconds > 0]
        for client, seconds in live:
            minutes = str(max(1, math.ceil(seconds / 60)))
            try:
                self._ndsctl.run("auth", v.ip("ip", client.ip), minutes)
            except (GatewayError, GatewayInputError):
                failed += 1
        log.info("openNDS sessions restored: %d of %d", len(live) - failed, len(live))
        if failed:
            raise GatewayError(f"{failed} of {len(live)} sessions could not be restored")


def _extra(request: FasRequest) -> dict[str, str]:
    extra = {key: getattr(request, key) for key in EXTRA_FIELDS}
    return {key: value for key, value in extra.items() if value}
