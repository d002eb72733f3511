"""An nftables router's own portal, as its entry in the gateway registry says.

Routers sharing one database are told apart by their registered names (issue 13): the
sessions and consents of this router's phones are stored under its name, and its sweeps
hand no other router's sessions to its table. The entry must exist before the portal
starts; its terms version, if the commune set one, is this portal's.
"""

from __future__ import annotations

from dataclasses import replace

from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError
from captive_portal.store import SessionStore


def as_registered(settings: PortalSettings, store: SessionStore) -> PortalSettings:
    """`settings` with the registry entry's terms version; SettingsError when the
    `nftables.registered_name` is not an nftables router in the registry."""
    name = settings.nftables.registered_name
    if settings.gateway != "nftables" or not name:
        return settings
    record = store.gateway(name)
    if record is None or record.kind != "nftables":
        raise SettingsError(
            f"'nftables.registered_name' {name!r} is no nftables router in the gateway "
            f"registry: run 'captive-portal gateway add {name} --kind nftables --address "
            "IP:PORT' with this database_url first"
        )
    if record.terms_version:
        return replace(settings, terms_version=record.terms_version)
    return settings
