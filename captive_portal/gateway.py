"""What the portal needs from a hotspot gateway: one interface, several backends.

The portal never touches firewall rules itself. A backend identifies the client of a
request, lets it through for a number of seconds, and takes it back. openNDS logs the
client in itself when the portal redirects it to the gateway (FAS), so `authorise` may
return that redirect; backends that act directly return None once the rule is in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class GatewayInputError(ValueError):
    """A request's gateway parameters are missing, malformed or forged (HTTP 400)."""


class GatewayError(RuntimeError):
    """The gateway could not do what was asked (HTTP 503; counted in the metrics)."""


@dataclass(frozen=True)
class ClientContext:
    """One hotspot client as the gateway sees it, validated at the edge.

    `extra` carries backend data the portal must hand back unchanged when the client
    accepts (openNDS: hid, gatewayaddress...); the accept form protects it from tampering.
    """

    ip: str
    mac: str | None
    gateway_id: str
    origin_url: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GatewayClient:
    """A client the gateway lets through now; `idle_seconds` since it last sent anything
    (None when the backend cannot tell)."""

    ip: str
    mac: str | None
    seconds_remaining: int | None
    idle_seconds: int | None = None


class Gateway(Protocol):
    name: str
    # True when a client is the TCP peer of its requests (the portal on the hotspot's LAN:
    # nftables, dry run); False when the gateway names it (openNDS's FAS: the requests may
    # come through the router's NAT, every phone of a hotspot from one address).
    clients_are_peers: bool

    @property
    def gateway_id(self) -> str | None:
        """The gateway id its clients' sessions are stored under, so that routers sharing
        one store keep to their own (issue 13); None when the gateway names the router per
        request (openNDS as the configured gateway: each router's MAC)."""

    def identify(self, query: Mapping[str, str], peer_ip: str) -> ClientContext:
        """The client behind a splash request (query parameters and TCP peer address)."""

    def as_seen_now(self, client: ClientContext) -> ClientContext:
        """`client` as the gateway sees it at the accept: the device that posts the form is
        the one let through and recorded, not the one that loaded the splash (a phone may
        load it with another device's MAC, then post with its own; issue 13, attack 4)."""

    def authorise(self, client: ClientContext, seconds: int) -> str | None:
        """Let `client` through for `seconds`; a URL to redirect it to, or None when done."""

    def deauthorise(self, ip: str) -> None:
        """Take the client with this address back to the splash."""

    def clients(self) -> list[GatewayClient]:
        """Everyone the gateway lets through now (with how long each has been idle)."""

    def reapply(self, sessions: Sequence[tuple[ClientContext, int]]) -> None:
        """After a restart: let these clients through again for their remaining seconds."""
