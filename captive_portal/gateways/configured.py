"""The gateway backend the settings choose, built from its [opennds] or [nftables] table.

The settings were checked when loaded (settings_gateways); a backend's own ValueError here
would mean the two disagree, so it is reported as a SettingsError all the same.
"""

from __future__ import annotations

from captive_portal.gateway import Gateway
from captive_portal.gateways._garden import Resolver, resolve_hosts, system_resolver
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.gateways.nftables import NftablesGateway
from captive_portal.gateways.opennds import OpenNdsGateway
from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError


def build_gateway(settings: PortalSettings, resolver: Resolver = system_resolver) -> Gateway:
    """The configured backend; nftables resolves the walled garden's hosts first."""
    try:
        if settings.gateway == "opennds":
            return opennds_gateway(settings)
        if settings.gateway == "nftables":
            return nftables_gateway(settings, resolver)
    except ValueError as exc:
        raise SettingsError(f"gateway {settings.gateway!r}: {exc}") from exc
    return DryRunGateway()


def opennds_gateway(settings: PortalSettings) -> OpenNdsGateway:
    nds = settings.opennds
    return OpenNdsGateway(
        nds.faskey,
        nds.ndsctl,
        fas_level=nds.fas_level,
        trusted_gateways=nds.trusted_gateways,
        landing_url=nds.landing_url or settings.portal_url() + "success",
    )


def nftables_gateway(settings: PortalSettings, resolver: Resolver) -> NftablesGateway:
    nft = settings.nftables
    garden = resolve_hosts(settings.walled_garden_hosts(), resolver)
    return NftablesGateway(
        nft.lan_interface,
        nft.portal_address,
        nft.portal_port or settings.port,
        table=nft.table,
        portal_address6=nft.portal_address6 or None,
        walled_garden=[*nft.walled_garden, *garden],
        registered_name=nft.registered_name or None,
    )
