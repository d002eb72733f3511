"""Which addresses count as one client: IPv4 by address, IPv6 by its /64.

A phone on IPv6 makes new privacy addresses (RFC 8981) whenever it likes, all inside the
/64 its router announced; counting per exact address would let it step around any limit.
Worked out for every new connection, so without `ipaddress` objects (they cost several
microseconds): IPv4 as the socket names it, IPv6 from its 16 bytes.
"""

from __future__ import annotations

import ipaddress
import socket

IPV6_CLIENT_PREFIX = 64
_IPV4_MAPPED = bytes(10) + b"\xff\xff"  # ::ffff:a.b.c.d


def client_key(address: str) -> str:
    """The address (IPv4, also when seen as ::ffff:a.b.c.d) or its /64 network (IPv6)."""
    if ":" not in address:
        return address  # IPv4, as the socket names it (the common case, without parsing)
    try:
        packed = socket.inet_pton(socket.AF_INET6, address)
    except (OSError, ValueError):
        return _unusual_key(address)  # a scope (fe80::1%eth0), or not an address at all
    if packed[:12] == _IPV4_MAPPED:
        return socket.inet_ntop(socket.AF_INET, packed[12:])
    network = socket.inet_ntop(socket.AF_INET6, packed[:8] + bytes(8))
    return f"{network}/{IPV6_CLIENT_PREFIX}"


def _unusual_key(address: str) -> str:
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
