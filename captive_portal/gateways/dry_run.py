"""The dry-run gateway: lets nobody through for real, records and logs what it was asked.

It identifies the client by the TCP peer address; `?mac=` (tests and demos) gives a MAC,
`?origin=` the page the client first asked for and `?tag=` one extra value that the
accept form must carry back unchanged. Neither MACs nor addresses reach the log: a client is
named by a keyed tag.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from captive_portal.gateway import ClientContext, GatewayClient, GatewayInputError
from captive_portal.gateways._privacy import LogTag

log = logging.getLogger("captive_portal.gateway.dry_run")
_MAC = re.compile(r"[0-9a-f]{2}(:[0-9a-f]{2}){5}")
_TAG = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_ORIGIN_CHARS = 2048


@dataclass(frozen=True)
class GatewayAction:
    """One call the portal made: what, for which client, for how long."""

    action: str
    ip: str
    client: ClientContext | None = None
    seconds: int | None = None


class DryRunGateway:
    name = "dry-run"
    clients_are_peers = True

    def __init__(self, gateway_id: str = "dry-run") -> None:
        self.gateway_id = gateway_id
        self.actions: list[GatewayAction] = []
        self._through: dict[str, ClientContext] = {}
        self._lock = threading.Lock()
        self._tag = LogTag()

    def identify(self, query: Mapping[str, str], peer_ip: str) -> ClientContext:
        mac = query.get("mac")
        if mac is not None:
            mac = mac.strip().lower().replace("-", ":")
            if not _MAC.fullmatch(mac):
                raise GatewayInputError("the mac parameter is not a MAC address")
        tag = query.get("tag")
        if tag is not None and not _TAG.fullmatch(tag):
            raise GatewayInputError("the tag parameter has characters other than A-Z 0-9 _ -")
        origin = query.get("origin")
        if origin is not None and len(origin) > MAX_ORIGIN_CHARS:
            raise GatewayInputError("the origin parameter is too long")
        extra = {"tag": tag} if tag else {}
        return ClientContext(peer_ip, mac, self.gateway_id, origin, extra)

    def as_seen_now(self, client: ClientContext) -> ClientContext:
        """The dry run knows a client only by what the splash's query said."""
        return client

    def authorise(self, client: ClientContext, seconds: int) -> str | None:
        self._record(GatewayAction("authorise", client.ip, client, seconds))
        with self._lock:
            self._through[client.ip] = client
        return None

    def deauthorise(self, ip: str) -> None:
        self._record(GatewayAction("deauthorise", ip))
        with self._lock:
            self._through.pop(ip, None)

    def clients(self) -> list[GatewayClient]:
        with self._lock:
            return [GatewayClient(c.ip, c.mac, None) for c in self._through.values()]

    def reapply(self, sessions: Sequence[tuple[ClientContext, int]]) -> None:
        for client, seconds in sessions:
            self._record(GatewayAction("reapply", client.ip, client, seconds))
            with self._lock:
                self._through[client.ip] = client

    def _record(self, action: GatewayAction) -> None:
        with self._lock:
            self.actions.append(action)
        log.info(
            "dry-run gateway: %s client %s%s", action.action, self._tag(action.ip),
            f" for {action.seconds} s" if action.seconds is not None else "",
        )  # fmt: skip
