"""Checks of the [opennds] and [nftables] settings: formats always, completeness for the
chosen `gateway`. Each refusal names the source, the key and the reason, never a secret."""

from __future__ import annotations

import ipaddress
import re

from captive_portal.gateway import GatewayInputError
from captive_portal.gateway_registry import NAME
from captive_portal.gateways import _validate as v
from captive_portal.gateways.nftables import INTERFACE, TABLE
from captive_portal.settings import NftablesSettings, OpenNdsSettings, PortalSettings
from captive_portal.settings_checks import SettingsError, is_web_url, weak_secret_reason

FASKEY = re.compile(r"[A-Za-z0-9]{32,64}")
ANY_ADDRESS = ("0.0.0.0", "::")  # noqa: S104 - the portal may listen on every address


def check_gateways(settings: PortalSettings, source: str) -> None:
    """Raise SettingsError for the first wrong gateway setting."""
    _check_opennds(settings.opennds, settings.gateway == "opennds", source)
    _check_nftables(settings.nftables, settings.gateway == "nftables", source)
    if settings.gateway == "nftables":
        _check_portal_reachable(settings, source)
        _check_shared_store(settings, source)


def _refuse(source: str, key: str, reason: str) -> SettingsError:
    return SettingsError(f"{source}: '{key}' {reason}")


def _check_opennds(nds: OpenNdsSettings, chosen: bool, source: str) -> None:
    if chosen and not nds.faskey:
        raise _refuse(source, "opennds.faskey", "is needed with gateway = 'opennds'")
    if nds.faskey and not FASKEY.fullmatch(nds.faskey):
        raise _refuse(source, "opennds.faskey", "must be 32 to 64 letters and digits")
    if nds.faskey and (reason := weak_secret_reason(nds.faskey)):
        raise _refuse(source, "opennds.faskey", reason)
    if nds.fas_level not in (1, 2):
        raise _refuse(source, "opennds.fas_level", f"must be 1 or 2 (got {nds.fas_level})")
    if chosen and not nds.trusted_gateways:
        raise _refuse(
            source,
            "opennds.trusted_gateways",
            "must list every router's 'ip:port' (gatewayaddress), e.g. "
            "'192.168.1.1:2050': a forged fas could send phones anywhere",
        )
    for number, entry in enumerate(nds.trusted_gateways, start=1):
        try:
            v.host_port("trusted_gateways", entry)
        except GatewayInputError:
            raise _refuse(
                source,
                "opennds.trusted_gateways",
                f"entry {number} must be 'ipv4:port' or '[ipv6]:port' (got {entry!r})",
            ) from None
    if nds.landing_url and not is_web_url(nds.landing_url):
        raise _refuse(
            source,
            "opennds.landing_url",
            f"must be an http(s):// address (got {nds.landing_url!r})",
        )
    if chosen and (not nds.ndsctl or not all(part.strip() for part in nds.ndsctl)):
        raise _refuse(source, "opennds.ndsctl", "must be a command, e.g. ['ndsctl']")


def _check_nftables(nft: NftablesSettings, chosen: bool, source: str) -> None:
    if chosen and not nft.lan_interface:
        raise _refuse(source, "nftables.lan_interface", "is needed with gateway = 'nftables'")
    if nft.lan_interface and not INTERFACE.fullmatch(nft.lan_interface):
        raise _refuse(
            source,
            "nftables.lan_interface",
            f"is not an interface name (got {nft.lan_interface!r})",
        )
    if chosen and not nft.portal_address:
        raise _refuse(source, "nftables.portal_address", "is needed with gateway = 'nftables'")
    _check_address(source, "nftables.portal_address", nft.portal_address, 4)
    _check_address(source, "nftables.portal_address6", nft.portal_address6, 6)
    if nft.portal_port > 65535:
        raise _refuse(
            source, "nftables.portal_port", f"must be at most 65535 (got {nft.portal_port})"
        )
    if not TABLE.fullmatch(nft.table):
        raise _refuse(
            source,
            "nftables.table",
            f"must be letters, digits and _, at most 32 (got {nft.table!r})",
        )
    if nft.registered_name and not NAME.fullmatch(nft.registered_name):
        raise _refuse(
            source,
            "nftables.registered_name",
            "must be the router's name in the gateway registry: lower-case letters, digits "
            f"and '-', at most 32 (got {nft.registered_name!r})",
        )
    for number, entry in enumerate(nft.walled_garden, start=1):
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise _refuse(
                source,
                "nftables.walled_garden",
                f"entry {number} must be an address or CIDR network "
                f"(got {entry!r}); host names go in eservices_url",
            ) from None


def _check_address(source: str, key: str, value: str, version: int) -> None:
    if not value:
        return
    try:
        ok = ipaddress.ip_address(value).version == version
    except ValueError:
        ok = False
    if not ok:
        raise _refuse(source, key, f"must be an IPv{version} address (got {value!r})")


def _check_portal_reachable(settings: PortalSettings, source: str) -> None:
    """The DNAT target must be where the portal listens, with the client as TCP peer."""
    nft = settings.nftables
    if nft.portal_port not in (0, settings.port):
        raise _refuse(
            source,
            "nftables.portal_port",
            f"must be 0 or the portal's 'port' {settings.port} (got {nft.portal_port})",
        )
    listens = ("::",) if nft.portal_address6 else (nft.portal_address, *ANY_ADDRESS)
    if settings.host not in listens:
        raise _refuse(
            source,
            "host",
            f"must be one of {', '.join(map(repr, listens))} so the nftables "
            f"redirect reaches the portal (got {settings.host!r})",
        )


def _check_shared_store(settings: PortalSettings, source: str) -> None:
    """Routers sharing one database are told apart by their registered names: under one
    table name, a phone accepting at one would be let through at every other router by the
    same address (issue 13)."""
    if settings.database_url and not settings.nftables.registered_name:
        raise _refuse(
            source,
            "nftables.registered_name",
            "is needed with database_url: register this router with 'captive-portal gateway "
            "add NAME --kind nftables --address IP:PORT' and put its NAME here",
        )
