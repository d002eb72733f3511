"""Everything the request handlers share, built once by the app factory."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from starlette.requests import Request

from captive_portal.errors import PortalError
from captive_portal.form_token import FormSigner
from captive_portal.gateway import Gateway
from captive_portal.keys import PortalKeys
from captive_portal.metrics import PortalMetrics
from captive_portal.pages import Pages
from captive_portal.ratelimit import AcceptLimiter
from captive_portal.sessions import SessionBook
from captive_portal.settings import PortalSettings


@dataclass(frozen=True)
class Logo:
    body: bytes
    media_type: str


@dataclass(frozen=True)
class Portal:
    settings: PortalSettings
    gateway: Gateway
    book: SessionBook
    keys: PortalKeys
    signer: FormSigner
    limiter: AcceptLimiter
    pages: Pages
    metrics: PortalMetrics
    clock: Callable[[], float]
    logo: Logo | None
    started_at: float
    voucher_keys: Mapping[int, bytes]  # id -> secret; empty: the splash asks for no voucher


def peer_address(request: Request) -> str:
    """The TCP peer's address (proxy headers are never trusted)."""
    if request.client is None:
        raise PortalError(400, "gateway_input")
    return unmapped(request.client.host)


def unmapped(address: str) -> str:
    """An IPv4 peer seen through a dual-stack socket ("::ffff:192.0.2.1") as plain IPv4,
    as gateways name their clients."""
    if address.startswith("::ffff:") and "." in address:
        return address[7:]
    return address
