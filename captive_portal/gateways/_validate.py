"""Validators for the values gateways hand us; each returns the canonical form or raises.

Every failure is a `GatewayInputError` (HTTP 400) whose message names the field but never
repeats the value: these values are client data and may end up in a log.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, urlsplit

from captive_portal.gateway import GatewayInputError

MAX_URL = 2048
MAX_TEXT = 256
URL_SAFE = "!#$%&'()*+,/:;=?@[]~"  # RFC 3986 reserved characters, and escapes
_MAC = re.compile(r"[0-9a-f]{2}(?::[0-9a-f]{2}){5}")
_BARE_MAC = re.compile(r"[0-9a-f]{12}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_PORT = re.compile(r"[1-9][0-9]{0,4}")
_HOST_PORT = re.compile(r"(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<ip4>[0-9.]+)):(?P<port>[0-9]+)")


def fail(field: str, reason: str) -> GatewayInputError:
    return GatewayInputError(f"{field}: {reason}")


def ip(field: str, value: str) -> str:
    """An IPv4 or IPv6 address without zone, in its canonical spelling."""
    if "%" in value or len(value) > 45:
        raise fail(field, "not an IP address")
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        raise fail(field, "not an IP address") from None


def mac(field: str, value: str) -> str:
    """A colon-separated MAC address, lower case; bare 12-hex-digit form accepted too."""
    lowered = value.lower()
    if _MAC.fullmatch(lowered):
        return lowered
    if _BARE_MAC.fullmatch(lowered):
        return ":".join(lowered[i : i + 2] for i in range(0, 12, 2))
    raise fail(field, "not a MAC address")


def hex64(field: str, value: str) -> str:
    """64 lower-case hex digits (a SHA-256), exactly as the gateway wrote them."""
    if not _HEX64.fullmatch(value):
        raise fail(field, "not 64 lower-case hex digits")
    return value


def host_port(field: str, value: str) -> str:
    """`ipv4:port` or `[ipv6]:port`, canonical; a port in 1..65535."""
    match = _HOST_PORT.fullmatch(value)
    if match is None or not _PORT.fullmatch(match["port"]) or int(match["port"]) > 65535:
        raise fail(field, "not an address:port")
    bracketed = match["ip6"] is not None
    try:
        address = ipaddress.ip_address(match["ip6"] if bracketed else match["ip4"])
    except ValueError:
        raise fail(field, "not an address:port") from None
    if (address.version == 6) != bracketed:
        raise fail(field, "not an address:port")
    host = f"[{address}]" if bracketed else str(address)
    return f"{host}:{int(match['port'])}"


def http_url(field: str, value: str) -> str:
    """An absolute http(s) URL with a host, no spaces or control characters, in ASCII.

    openNDS hands over the client's URL with its query already percent-decoded, so "Łódź"
    arrives as raw UTF-8; it is escaped again here, or a Location header would carry
    non-ASCII bytes that clients read as Latin-1.
    """
    if len(value) > MAX_URL or not value.isprintable() or " " in value or "\\" in value:
        raise fail(field, "not an http(s) URL")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise fail(field, "not an http(s) URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        raise fail(field, "not an http(s) URL")
    return quote(value, safe=URL_SAFE)


def text(field: str, value: str, pattern: re.Pattern[str] | None = None) -> str:
    """Printable text of bounded length, optionally matching `pattern` in full."""
    if len(value) > MAX_TEXT or not value.isprintable():
        raise fail(field, "not printable text of at most 256 characters")
    if pattern is not None and not pattern.fullmatch(value):
        raise fail(field, "has an unexpected form")
    return value
