"""Catalogue sync: conditional GET, bounded download, signature check, atomic swap.

Any failure leaves the last good generation in use and says why, in three places: a log
line, the status file the UI and `kiosk sync` read, and a per-reason failure counter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import requests

from offline_cache.catalogue_load import CatalogueRejected, DiskFullError, load
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.generations import GenerationFolder
from offline_cache.http_get import Download, SyncFailed, conditional_get, plain_get
from offline_cache.signing import SignatureError, verify
from offline_cache.sync_status import Outcome, SyncStatus
from offline_cache.validation import BundleError

log = logging.getLogger(__name__)

SIGNATURE_SUFFIX = ".sig"
MAX_SIGNATURE_BYTES = 1024


@dataclass(frozen=True)
class SyncSettings:
    url: str
    public_key: str
    timeout_s: float = 30.0
    max_bytes: int = 50 * 1024 * 1024


class CatalogueSync:
    def __init__(
        self,
        settings: SyncSettings,
        folder: GenerationFolder,
        session: requests.Session,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._settings = settings
        self._folder = folder
        self._http = session
        self._clock = clock

    @property
    def status_path(self) -> Path:
        return self._folder.folder / "sync-status.json"

    def status(self) -> SyncStatus:
        try:
            raw = json.loads(self.status_path.read_text(encoding="utf-8"))
            return SyncStatus(**raw)
        except (FileNotFoundError, ValueError, TypeError):
            return SyncStatus()

    def run_once(self) -> SyncStatus:
        """Fetch, verify and swap in the catalogue once; never raises for expected faults."""
        status = self.status()
        try:
            status.outcome, status.reason = self._sync()
            status.kind = ""
        except SyncFailed as exc:
            status.outcome, status.reason, status.kind = "failed", str(exc), exc.kind
            status.failures[exc.kind] = status.failures.get(exc.kind, 0) + 1
            log.warning(
                "catalogue sync failed (%s): %s; keeping the current catalogue", exc.kind, exc
            )
        status.finished_at = self._clock().isoformat(timespec="seconds")
        if status.outcome != "failed":
            status.last_success_at = status.finished_at
        self._save(status)
        return status

    def _sync(self) -> tuple[Outcome, str]:
        current = self._current_meta()
        download = self._fetch(current)
        if download is None:
            log.info("catalogue unchanged (not modified on the server)")
            return "unchanged", "not modified"
        signature = self._fetch_signature()
        try:
            verify(download.body, signature, self._settings.public_key)
        except SignatureError as exc:
            raise SyncFailed("signature", str(exc)) from exc
        if _sha256(download.body) == current.get("sha256"):
            return "unchanged", "same catalogue"
        meta = {"etag": download.etag, "last_modified": download.last_modified}
        try:
            loaded = load(download.body, self._folder, self._settings.url, meta)
        except (BundleError, CatalogueRejected) as exc:
            raise SyncFailed("invalid", str(exc)) from exc
        except DiskFullError as exc:
            raise SyncFailed("disk", str(exc)) from exc
        return "updated", f"{loaded.services} services in {loaded.path.name}"

    def _current_meta(self) -> dict[str, str]:
        path = self._folder.current()
        return {} if path is None else CatalogueStore.meta_of(path)

    def _fetch(self, current: dict[str, str]) -> Download | None:
        s = self._settings
        return conditional_get(
            self._http,
            s.url,
            etag=current.get("etag", ""),
            last_modified=current.get("last_modified", ""),
            timeout_s=s.timeout_s,
            max_bytes=s.max_bytes,
        )

    def _fetch_signature(self) -> bytes:
        s = self._settings
        return plain_get(self._http, s.url + SIGNATURE_SUFFIX, s.timeout_s, MAX_SIGNATURE_BYTES)

    def _save(self, status: SyncStatus) -> None:
        self._folder.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.status_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(status), indent=1), encoding="utf-8")
        os.replace(tmp, self.status_path)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
