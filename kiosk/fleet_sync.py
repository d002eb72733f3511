"""Pulling this kiosk group's signed fleet config: the catalogue's fetch, checks and swap.

A conditional GET of `fleet.url` and `fleet.url.sig`, the signature checked against the
trusted keys, the document against its format, this kiosk's group, its expiry, the one in
use (never an older one) and this kiosk's own config file; only then is it kept. Any failure
changes nothing and is said in the log and in `fleet/sync-status.json`. A new fleet config
takes effect at the kiosk's next start.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

import requests

from kiosk.config import ConfigError, LocalConfig, config_from
from kiosk.fleet_document import (
    FleetDocument,
    FleetDocumentError,
    merged,
    parse_document,
    rfc3339,
)
from kiosk.fleet_store import FleetStore, StoredFleet
from kiosk.fleet_trust import check_signature
from offline_cache.http_get import SyncFailed, conditional_get, plain_get
from offline_cache.signing import SignatureError
from offline_cache.sync_status import Outcome, SyncStatus

log = logging.getLogger(__name__)

SIGNATURE_SUFFIX = ".sig"
MAX_DOCUMENT_BYTES = 64 * 1024  # a fleet config is a few hundred bytes
MAX_SIGNATURE_BYTES = 1024


@dataclass(frozen=True)
class FleetSettings:
    url: str
    group: str
    public_keys: tuple[str, ...]
    timeout_s: float = 20.0


class FleetSync:
    def __init__(
        self,
        settings: FleetSettings,
        store: FleetStore,
        session: requests.Session,
        local: LocalConfig,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._settings = settings
        self._store = store
        self._http = session
        self._local = local
        self._clock = clock

    def status(self) -> SyncStatus:
        return self._store.status()

    def run_once(self) -> SyncStatus:
        """Fetch, check and keep the fleet config once; never raises for expected faults."""
        status = self._store.status()
        try:
            status.outcome, status.reason = self._sync()
            status.kind = ""
        except SyncFailed as exc:
            status.outcome, status.reason, status.kind = "failed", str(exc), exc.kind
            status.failures[exc.kind] = status.failures.get(exc.kind, 0) + 1
            log.warning("fleet config refused (%s): %s; keeping the one in use", exc.kind, exc)
        status.finished_at = self._clock().isoformat(timespec="seconds")
        if status.outcome != "failed":
            status.last_success_at = status.finished_at
        self._store.save_status(status)
        return status

    def _sync(self) -> tuple[Outcome, str]:
        settings, current = self._settings, self._store.current()
        same_url = current is not None and current.url == settings.url
        download = conditional_get(
            self._http,
            settings.url,
            etag=current.etag if current and same_url else "",
            last_modified=current.last_modified if current and same_url else "",
            timeout_s=settings.timeout_s,
            max_bytes=MAX_DOCUMENT_BYTES,
        )
        if download is None:
            return "unchanged", "not modified"
        signature = plain_get(
            self._http, settings.url + SIGNATURE_SUFFIX, settings.timeout_s, MAX_SIGNATURE_BYTES
        )
        try:
            check_signature(download.body, signature, settings.public_keys)
        except SignatureError as exc:
            raise SyncFailed("signature", str(exc)) from exc
        if current is not None and download.body == current.document:
            return "unchanged", "same fleet config"
        document = self._checked(download.body, current)
        stored = StoredFleet(
            download.body, signature, settings.url, download.etag, download.last_modified
        )
        self._store.keep(stored)
        reason = (
            f"group {document.group}: image {document.image_version}, "
            f"{len(document.option_keys())} option(s); applied at the next start"
        )
        log.info("fleet config kept: %s", reason)
        return "updated", reason

    def _checked(self, body: bytes, current: StoredFleet | None) -> FleetDocument:
        """The document, if it may replace the one in use; SyncFailed saying why not."""
        try:
            document = parse_document(body, self._settings.url)
        except FleetDocumentError as exc:
            raise SyncFailed("invalid", str(exc)) from exc
        if document.group != self._settings.group:
            raise SyncFailed(
                "group",
                f"{self._settings.url} is for group {document.group!r}, "
                f"this kiosk is in {self._settings.group!r}",
            )
        if document.expires <= self._clock():
            expired = rfc3339(document.expires)
            raise SyncFailed("expired", f"{self._settings.url} expired at {expired}")
        in_use = _in_use(current)
        if (
            in_use is not None
            and in_use.group == document.group
            and document.issued < in_use.issued
        ):
            raise SyncFailed(
                "older",
                f"{self._settings.url} was issued at {rfc3339(document.issued)}, before the one "
                f"in use ({rfc3339(in_use.issued)})",
            )
        local = self._local
        try:
            config_from(merged(document.options, local.tables), local.source)
        except ConfigError as exc:
            raise SyncFailed("invalid", f"with this kiosk's own config: {exc}") from exc
        return document


def _in_use(current: StoredFleet | None) -> FleetDocument | None:
    if current is None:
        return None
    try:
        return parse_document(current.document, current.url)
    except FleetDocumentError:
        return None  # it could not be applied either; any good new one may replace it
