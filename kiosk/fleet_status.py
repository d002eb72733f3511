"""What the fleet needs to know about one kiosk, read fresh whenever somebody asks.

The metrics endpoint and the heartbeat both describe the kiosk from the same snapshot. The
values live in other services (catalogue, sync, outbox, printer); the composition root hands
in one small callable per service, and a service that is not there (yet) is simply absent
from the snapshot, never reported as zero.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Protocol, TypeVar

from kiosk.catalogue_service import CatalogueInfo
from kiosk.image_status import ImageStatus
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.generations import GenerationFolder

log = logging.getLogger(__name__)
T = TypeVar("T")


class SyncReport(Protocol):
    """What the fleet reads of the last catalogue sync (offline_cache.sync.SyncStatus)."""

    @property
    def outcome(self) -> str | None: ...
    @property
    def finished_at(self) -> str: ...
    @property
    def last_success_at(self) -> str: ...
    @property
    def failures(self) -> Mapping[str, int]: ...


@dataclass(frozen=True)
class StatusSources:
    """One callable per service; None where the service does not exist in this build."""

    catalogue: Callable[[], CatalogueInfo | None] | None = None
    sync_status: Callable[[], SyncReport | None] | None = None
    # Submissions by delivery state: {"queued": n, "delivered": n, "rejected": n}.
    outbox_counts: Callable[[], Mapping[str, int]] | None = None
    oldest_queued_age_s: Callable[[], float | None] | None = None
    printer_state: Callable[[], str] | None = None
    # The kiosk image's version, slot and last update; None off the image.
    image: Callable[[], ImageStatus | None] | None = None


@dataclass(frozen=True)
class LastSync:
    outcome: str
    finished_at: str
    last_success_at: str
    failures: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class KioskStatus:
    """One kiosk at one moment; None means "not known here", never "zero"."""

    kiosk_id: str
    version: str
    time: str
    uptime_s: float
    catalogue_generation: str | None = None
    catalogue_generated: str | None = None
    catalogue_age_s: float | None = None
    catalogue_services: int | None = None
    last_sync: LastSync | None = None
    outbox: dict[str, int] | None = None
    oldest_queued_age_s: float | None = None
    printer_state: str | None = None
    image: ImageStatus | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class StatusReader:
    """Builds a KioskStatus from the sources; a failing source is logged and left out."""

    def __init__(
        self,
        kiosk_id: str,
        version: str,
        sources: StatusSources,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.kiosk_id = kiosk_id
        self.version = version
        self._sources = sources
        self._clock = clock
        self._monotonic = monotonic
        self._started = monotonic()

    def read(self) -> KioskStatus:
        now = self._clock()
        sources = self._sources
        info = _ask("catalogue", sources.catalogue)
        generated = info.generated if info else None
        sync = _ask("sync status", sources.sync_status)
        return KioskStatus(
            kiosk_id=self.kiosk_id,
            version=self.version,
            time=now.isoformat(timespec="seconds"),
            uptime_s=round(self._monotonic() - self._started, 3),
            catalogue_generation=info.generation if info else None,
            catalogue_generated=generated,
            catalogue_age_s=age_s(generated, now) if generated else None,
            catalogue_services=info.services if info else None,
            last_sync=_last_sync(sync),
            outbox=_counts(_ask("outbox counts", sources.outbox_counts)),
            oldest_queued_age_s=_ask("oldest queued age", sources.oldest_queued_age_s),
            printer_state=_ask("printer state", sources.printer_state),
            image=_ask("image status", sources.image),
        )


def read_catalogue_info(folder: GenerationFolder) -> CatalogueInfo | None:
    """The generation in use, read with a connection of the calling thread's own.

    Metrics are scraped on the HTTP server's thread and heartbeats sent on theirs, while the
    catalogue service's SQLite connection belongs to the GUI thread that opened it.
    """
    path = folder.current()
    if path is None:
        return None
    store = CatalogueStore(path)
    try:
        meta = store.meta
        return CatalogueInfo(
            path.name,
            store.service_count(),
            meta.get("generated", ""),
            meta.get("loaded_at", ""),
            meta.get("source", ""),
        )
    finally:
        store.close()


def age_s(iso: str, now: dt.datetime) -> float | None:
    """Seconds from an RFC 3339 time to `now`; None when the time cannot be read."""
    moment = parse_time(iso)
    return None if moment is None else round((now - moment).total_seconds(), 3)


def parse_time(iso: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _ask(what: str, source: Callable[[], T] | None) -> T | None:
    """The source's answer, or None when there is no source or it failed (logged)."""
    if source is None:
        return None
    try:
        return source()
    except Exception:
        # A broken source must not take the metrics or the heartbeat down with it.
        log.exception("could not read the %s for the fleet status; leaving it out", what)
        return None


def _last_sync(sync: SyncReport | None) -> LastSync | None:
    if sync is None or not sync.outcome:
        return None
    return LastSync(sync.outcome, sync.finished_at, sync.last_success_at, dict(sync.failures))


def _counts(counts: Mapping[str, int] | None) -> dict[str, int] | None:
    return None if counts is None else {str(k): int(v) for k, v in counts.items()}
