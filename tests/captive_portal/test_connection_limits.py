"""Who counts as one client for the connection cap and the accept limit."""

from __future__ import annotations

import pytest

from captive_portal.client_key import client_key
from captive_portal.connection_limits import ClientConnections, RequestLimits
from captive_portal.settings import PortalSettings


@pytest.mark.parametrize(
    ("address", "key"),
    [("192.0.2.7", "192.0.2.7"), ("::ffff:192.0.2.7", "192.0.2.7"),
     ("2001:db8:1:2:a1b2:c3d4:e5f6:789", "2001:db8:1:2::/64"),
     ("2001:db8:1:2::1", "2001:db8:1:2::/64"), ("fe80::1", "fe80::/64"),
     ("/run/portal.sock", "/run/portal.sock")],
)  # fmt: skip
def test_ipv4_counts_by_address_and_ipv6_by_its_64(address: str, key: str) -> None:
    assert client_key(address) == key


def test_a_client_past_its_share_is_refused_until_one_closes() -> None:
    connections = ClientConnections(per_client=2)
    first = connections.admit("2001:db8::1")
    assert first == connections.admit("2001:db8::ffff:2") == "2001:db8::/64"
    assert connections.admit("2001:db8::3") is None  # a new privacy address, the same /64
    assert connections.admit("192.0.2.1") == "192.0.2.1"  # another client
    connections.release(first)
    assert connections.admit("2001:db8::4") == "2001:db8::/64"
    assert connections.open_count() == 3


def test_the_limits_come_from_the_settings() -> None:
    settings = PortalSettings(max_header_bytes=4096, header_timeout_seconds=3)
    limits = RequestLimits.of(settings)
    assert (limits.max_header_bytes, limits.header_timeout) == (4096, 3.0)
    assert (limits.max_body_bytes, limits.body_timeout) == (16384, 10.0)
