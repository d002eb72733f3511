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
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
import urllib3

from offline_cache.catalogue_load import CatalogueRejected, DiskFullError, load
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.generations import GenerationFolder
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


class SyncFailed(Exception):
    """A sync failure with a short kind (for the counter) and a reason for technicians."""

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind
        super().__init__(reason)


@dataclass(frozen=True)
class _Download:
    body: bytes
    etag: str
    last_modified: str


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

    def _fetch(self, current: dict[str, str]) -> _Download | None:
        headers = {}
        if current.get("etag"):
            headers["If-None-Match"] = current["etag"]
        if current.get("last_modified"):
            headers["If-Modified-Since"] = current["last_modified"]
        response = self._get(self._settings.url, headers, self._settings.max_bytes)
        if response is None:
            return None
        body, reply_headers = response
        return _Download(
            body, reply_headers.get("ETag", ""), reply_headers.get("Last-Modified", "")
        )

    def _fetch_signature(self) -> bytes:
        response = self._get(self._settings.url + SIGNATURE_SUFFIX, {}, MAX_SIGNATURE_BYTES)
        if response is None:
            raise SyncFailed("http", "signature answered 'not modified' to a plain GET")
        return response[0]

    def _get(
        self, url: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[bytes, requests.structures.CaseInsensitiveDict[str]] | None:
        host = urlsplit(url).netloc
        deadline = time.monotonic() + self._settings.timeout_s
        try:
            with self._http.get(
                url, headers=headers, stream=True, timeout=self._settings.timeout_s
            ) as reply:
                if reply.status_code == 304 and headers:
                    return None
                if reply.status_code != 200:
                    raise SyncFailed("http", f"{url} answered HTTP {reply.status_code}")
                return _read_bounded(reply, max_bytes, deadline, url), reply.headers
        except requests.Timeout as exc:
            raise SyncFailed(
                "network", f"{host} did not answer within {self._settings.timeout_s:g} s"
            ) from exc
        except requests.ConnectionError as exc:
            if isinstance(exc.__context__, TimeoutError) or "timed out" in str(exc):
                raise SyncFailed("network", f"{host} timed out") from exc
            raise SyncFailed("network", f"cannot connect to {host}") from exc
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise SyncFailed(
                "network", f"{host} stopped sending for {self._settings.timeout_s:g} s"
            ) from exc
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            raise SyncFailed(
                "network", f"download from {host} broke off ({type(exc).__name__})"
            ) from exc

    def _save(self, status: SyncStatus) -> None:
        self._folder.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.status_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(status), indent=1), encoding="utf-8")
        os.replace(tmp, self.status_path)


def _read_bounded(reply: requests.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    declared = reply.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise SyncFailed(
            "too_large", f"{url} is {declared} bytes, more than the limit of {max_bytes}"
        )
    chunks: list[bytes] = []
    size = 0
    while chunk := reply.raw.read1(65536, decode_content=True):
        # read1 returns whatever has arrived, so a server dripping one byte at a time
        # meets the deadline here instead of holding the kiosk for hours.
        size += len(chunk)
        if size > max_bytes:
            raise SyncFailed("too_large", f"{url} is more than the limit of {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise SyncFailed("network", f"{url} took longer than the time limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
