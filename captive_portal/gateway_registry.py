"""The gateway registry: the routers of a county's hotspots, each with its own secrets.

A registered openNDS router sends its phones to `/g/NAME/` with a `fas` under its own
faskey (at level 2 only that key decrypts it: the router proves who it is on every call),
and its technician reads its clients with its own admin token. The portal keeps the faskey
(it must decrypt with it) and only the SHA-256 of the admin token: the token is 256 random
bits, so a fast hash is as good as a slow one, and it is shown once, when made.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import string
from dataclasses import replace

from captive_portal.gateway import GatewayInputError
from captive_portal.gateways import _validate as v
from captive_portal.store import GatewayRecord

NAME = re.compile(r"[a-z0-9-]{1,32}")
BARE_MAC = re.compile(r"[0-9a-f]{12}")
TERMS_VERSION = re.compile(r"[A-Za-z0-9._-]{1,32}")
KINDS = ("opennds", "nftables")
FAS_LEVELS = (1, 2)
FASKEY_CHARS = 32  # openNDS's AES-256 takes the key's first 32 characters
_ALPHANUMERIC = string.ascii_letters + string.digits


class RegistryError(ValueError):
    """A gateway's name, kind, address or terms version is not one the registry takes."""


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise RegistryError(
            f"gateway name {name!r}: use 1 to 32 lower-case letters, digits and '-', "
            "e.g. 'rynek' or 'biblioteka-2'"
        )
    if BARE_MAC.fullmatch(name):  # an unregistered router's gateway id is its bare MAC
        raise RegistryError(
            f"gateway name {name!r}: twelve hex digits look like a router's MAC, which "
            "names unregistered routers' sessions; choose a name such as 'rynek'"
        )
    return name


def check_address(address: str) -> str:
    try:
        return v.host_port("address", address)
    except GatewayInputError:
        raise RegistryError(
            f"address {address!r}: give the router's address as 'ip:port' (openNDS: its "
            "gatewayaddress; nftables: where its portal answers), e.g. '192.168.1.1:2050' "
            "or '[fd00::1]:2050'"
        ) from None


def new_gateway(
    name: str, kind: str, address: str, *, fas_level: int, terms_version: str | None, now: float
) -> tuple[GatewayRecord, str]:
    """A gateway with a new faskey and admin token, checked; (record, the admin token)."""
    if kind not in KINDS:
        raise RegistryError(f"kind {kind!r}: the registry takes {', '.join(KINDS)} for now")
    if fas_level not in FAS_LEVELS:
        raise RegistryError(f"FAS level {fas_level}: use 1 or 2 (2: the router proves who it is)")
    if terms_version is not None and not TERMS_VERSION.fullmatch(terms_version):
        raise RegistryError(
            f"terms version {terms_version!r}: use 1 to 32 letters, digits, '.', '_' or '-'"
        )
    token = new_admin_token()  # the columns in GatewayRecord's order (the stores' SQL too)
    record = GatewayRecord(
        check_name(name), kind, check_address(address), new_faskey(), fas_level,
        terms_version, token_sha256(token), now,
    )  # fmt: skip
    return record, token


def with_new_faskey(gateway: GatewayRecord) -> GatewayRecord:
    return replace(gateway, faskey=new_faskey())


def with_new_admin_token(gateway: GatewayRecord) -> tuple[GatewayRecord, str]:
    token = new_admin_token()
    return replace(gateway, admin_token_sha256=token_sha256(token)), token


def new_faskey() -> str:
    """32 letters and digits (~190 bits): what openNDS's faskey takes, all of it used."""
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(FASKEY_CHARS))


def new_admin_token() -> str:
    return secrets.token_urlsafe(32)


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(gateway: GatewayRecord, given: str) -> bool:
    return hmac.compare_digest(token_sha256(given), gateway.admin_token_sha256)


def nftables_lines(gateway: GatewayRecord) -> list[str]:
    """The lines of the router's own portal settings that make it this registry entry."""
    return ["[nftables]", f'registered_name = "{gateway.name}"']


def opennds_lines(
    gateway: GatewayRecord, session_seconds: int, idle_timeout_seconds: int
) -> list[str]:
    """The lines of the router's opennds.conf that tie it to its registry entry, and the
    timeouts that match the portal's: openNDS takes no logout from a remote FAS, so its own
    `sessiontimeout` (never longer than the portal's session) and `authidletimeout` are
    what take a phone offline there (docs/gateways.md, "A remote openNDS router")."""
    lines = [
        f"faspath /g/{gateway.name}/",
        f"faskey {gateway.faskey}",
        f"fas_secure_enabled {gateway.fas_level}",
        f"sessiontimeout {router_minutes(session_seconds)}",
    ]
    if idle_timeout_seconds:
        lines.append(f"authidletimeout {router_minutes(idle_timeout_seconds)}")
    return lines


def router_minutes(seconds: int) -> int:
    """openNDS counts its timeouts in whole minutes: round down (at least 1), so the router
    never keeps a phone longer than the portal would."""
    return max(1, seconds // 60)
