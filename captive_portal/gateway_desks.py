"""Each registered gateway's own portal: its OpenNdsGateway, form key, pages and terms.

Built from the registry row at the first request for it and kept per process. When the
store's stamp changes (any write, by any process or host) the row is read again before the
next use, and the desk is built anew only if the row changed: accepts change the stamp
all the time, a router's key or terms rarely. A removed gateway is gone at the next request.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, replace

from captive_portal.form_token import FormSigner
from captive_portal.gateways.opennds import OpenNdsGateway
from captive_portal.pages import Pages
from captive_portal.portal import Portal
from captive_portal.public import PublicPages
from captive_portal.store import GatewayRecord, SessionStore


@dataclass(frozen=True)
class GatewayDesk:
    record: GatewayRecord
    portal: Portal  # the portal as this gateway's phones see it
    public: PublicPages


class GatewayDesks:
    def __init__(self, portal: Portal, store: SessionStore) -> None:
        self._portal = portal
        self._store = store
        self._desks: dict[str, GatewayDesk] = {}
        self._checked: set[str] = set()  # names read again since the stamp last changed
        self._stamp = store.stamp()
        self._lock = threading.Lock()  # requests of one process may come from threads too

    def find(self, name: str) -> GatewayDesk | None:
        """The gateway's desk, or None when no gateway of that name is registered."""
        stamp = self._store.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._checked.clear()
                self._stamp = stamp
            desk = self._desks.get(name)
            if desk is not None and name in self._checked:
                return desk
        record = self._store.gateway(name)
        with self._lock:
            if record is None:
                self._desks.pop(name, None)
                return None
            if desk is None or desk.record != record:
                desk = self._desks[name] = build_desk(self._portal, record)
            self._checked.add(name)
            return desk


def build_desk(portal: Portal, record: GatewayRecord) -> GatewayDesk:
    settings = portal.settings
    if record.terms_version:
        settings = replace(settings, terms_version=record.terms_version)
    gateway = OpenNdsGateway(
        record.faskey,
        settings.opennds.ndsctl,
        fas_level=record.fas_level,
        trusted_gateways=[record.address],
        landing_url=settings.opennds.landing_url or settings.portal_url() + "success",
        clock=portal.clock,
        registered_as=record.name,
    )
    # A form key of its own: a form from one gateway's splash is refused at another's
    # accept (and at the portal's own /accept), as forged.
    form_key = hmac.digest(portal.keys.form_key, f"gateway {record.name}".encode(), "sha256")
    own = replace(
        portal,
        settings=settings,
        gateway=gateway,
        signer=FormSigner(form_key, settings.form_seconds, portal.clock),
        pages=Pages(
            settings, has_logo=portal.logo is not None, accept_path=f"/g/{record.name}/accept"
        ),
    )
    return GatewayDesk(record, own, PublicPages(own))
