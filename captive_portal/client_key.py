"""Which addresses count as one client: IPv4 by address, IPv6 by its /64.

A phone on IPv6 makes new privacy addresses (RFC 8981) whenever it likes, all inside the
/64 its router announced; counting per exact address would let it step around any limit.
"""

from __future__ import annotations

import ipaddress

IPV6_CLIENT_PREFIX = 64


def client_key(address: str) -> str:
    """The address (IPv4, also when seen as ::ffff:a.b.c.d) or its /64 network (IPv6)."""
    if ":" not in address:
        return address  # IPv4, as the socket names it (the common case, without parsing)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a Unix socket's name): itself
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    network = ipaddress.IPv6Network((parsed, IPV6_CLIENT_PREFIX), strict=False)
    return str(network)
