"""openNDS FAS parameters: decode, validate, encode; the login token.

openNDS 9.10 redirects a new client to `faspath?fas=<base64>` (level 1) or
`faspath?fas=<base64>&iv=<16 chars>` (level 2, AES-256-CBC). Decoded, `fas` is a
", "-separated list of `key=value` with percent-encoded values, e.g.

    hid=99d3…d606, clientip=192.168.77.2, clientmac=2e:4e:a6:49:57:fc, client_type=cpd_can,
    gatewayname=Infomat%20hotspot, gatewayurl=http%3a%2f%2f192.168.77.1, version=9.10.0,
    gatewayaddress=192.168.77.1:2050, gatewaymac=06f68b6ed382,
    originurl=http%3a%2f%2f10.77.0.2%2fx, clientif=lan0, themespec=(null), (null)(null)(null)(null)

The trailing `(null)…` item stands for the unset custom parameter lists; `(null)` as a value
means "not set". Anything not in this shape is refused with GatewayInputError.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from urllib.parse import quote, unquote

from captive_portal.gateways import _validate as v

MAX_FAS = 8192
NULL = "(null)"
_NULL_TRAILER = re.compile(r"(?:\(null\))+")
_VERSION = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}")
_WORD = re.compile(r"[A-Za-z0-9_]{1,32}")
_IFNAMES = re.compile(r"[A-Za-z0-9_.@:\-]{1,32}(?: [A-Za-z0-9_.@:\-]{1,32}){0,2}")


@dataclass(frozen=True)
class FasRequest:
    """The validated FAS parameters; field names follow openNDS without the underscores."""

    hid: str
    clientip: str
    clientmac: str
    gatewayaddress: str
    gatewaymac: str
    gatewayname: str = ""
    gatewayurl: str | None = None
    version: str | None = None
    originurl: str | None = None
    client_type: str | None = None
    clientif: str | None = None
    themespec: str | None = None
    authdir: str | None = None  # level 2 and up
    cpi_query: str | None = None  # 9.x: the client's RFC 8908 query, if any


REQUIRED = ("hid", "clientip", "clientmac", "gatewayaddress", "gatewaymac")
KNOWN = frozenset(f.name for f in fields(FasRequest))


def _check(key: str, value: str) -> str | None:
    """The canonical value of one field, None for an unset optional one."""
    if value == NULL or (value == "" and key not in REQUIRED):
        return None
    checks: dict[str, Callable[[str, str], str]] = {
        "hid": v.hex64,
        "clientip": v.ip,
        "clientmac": v.mac,
        "gatewayaddress": v.host_port,
        "gatewaymac": _bare_mac,
        "gatewayurl": v.http_url,
        "originurl": v.http_url,
        "version": partial(v.text, pattern=_VERSION),
        "client_type": partial(v.text, pattern=_WORD),
        "authdir": partial(v.text, pattern=_WORD),
        "clientif": partial(v.text, pattern=_IFNAMES),
    }
    check = checks.get(key, v.text)
    return check(key, value)


def _bare_mac(field: str, value: str) -> str:
    return v.mac(field, value).replace(":", "")


def _split(decoded: str) -> dict[str, str]:
    items: dict[str, str] = {}
    for item in decoded.split(", "):
        if _NULL_TRAILER.fullmatch(item):
            continue
        key, sep, raw = item.partition("=")
        if not sep or key not in KNOWN:
            raise v.fail("fas", "unexpected item")
        if key in items:
            raise v.fail(key, "given twice")
        try:
            items[key] = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            raise v.fail(key, "not UTF-8") from None
    return items


def parse_fas_text(decoded: str) -> FasRequest:
    """Validate the decoded ", "-separated list."""
    items = _split(decoded)
    missing = [key for key in REQUIRED if key not in items]
    if missing:
        raise v.fail(missing[0], "missing")
    values = {key: _check(key, raw) for key, raw in items.items()}
    values["gatewayname"] = values.get("gatewayname") or ""
    return FasRequest(**values)  # type: ignore[arg-type]


def b64_text(field: str, value: str, limit: int = MAX_FAS) -> bytes:
    """Strict standard base64 (with padding), bounded in length."""
    if len(value) > limit:
        raise v.fail(field, "too long")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise v.fail(field, "not base64") from None


def utf8(field: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise v.fail(field, "not UTF-8") from None


def decode_fas(value: str) -> FasRequest:
    """The level 1 `fas` query parameter: base64 of the parameter list."""
    return parse_fas_text(utf8("fas", b64_text("fas", value)))


def fas_text(request: FasRequest) -> str:
    """The parameter list openNDS would send for `request` (for tests and stubs)."""
    items = []
    for f in fields(FasRequest):
        value = getattr(request, f.name)
        if value is not None:
            items.append(f"{f.name}={quote(value, safe='')}")
    return ", ".join(items)


def encode_fas(request: FasRequest) -> str:
    return base64.b64encode(fas_text(request).encode("utf-8")).decode("ascii")


def auth_token(hid: str, faskey: str) -> str:
    """What `opennds_auth` expects as `tok`: sha256hex(hid + faskey)."""
    return hashlib.sha256((hid + faskey).encode("ascii")).hexdigest()
