"""The composition root: every service is built here, once, from the config."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.catalogue_service import CatalogueService, demo_catalogue_path
from kiosk.config import KioskConfig
from kiosk.fleet_status import StatusReader, StatusSources, read_catalogue_info
from offline_cache.generations import GenerationFolder

if TYPE_CHECKING:  # the network stack is imported only when a sync is configured
    import requests

    from kiosk.background_sync import BackgroundSync
    from kiosk.heartbeat import Heartbeat, HeartbeatSchedule
    from kiosk.metrics import KioskMetrics
    from offline_cache.sync import CatalogueSync


class Services:
    """Builds each service on first use and hands out the same instance afterwards."""

    def __init__(self, config: KioskConfig) -> None:
        self.config = config

    @cached_property
    def generations(self) -> GenerationFolder:
        return GenerationFolder(self.config.data_path() / "catalogue")

    @cached_property
    def catalogue(self) -> CatalogueService:
        bundled = (
            Path(self.config.catalogue.bundled)
            if self.config.catalogue.bundled
            else demo_catalogue_path()
        )
        return CatalogueService(self.generations, bundled)

    @cached_property
    def http(self) -> requests.Session:
        import requests  # noqa: PLC0415 - keeps ~0.1 s of imports off the kiosk's start

        session = requests.Session()
        session.headers["User-Agent"] = f"infomat-kiosk/{self.config.kiosk_id}"
        return session

    @cached_property
    def catalogue_sync(self) -> CatalogueSync | None:
        """The sync, or None when the config names no catalogue URL."""
        cfg = self.config.catalogue
        if not cfg.url:
            return None
        from offline_cache.sync import CatalogueSync, SyncSettings  # noqa: PLC0415

        settings = SyncSettings(cfg.url, cfg.public_key, cfg.timeout_s, cfg.max_bytes)
        return CatalogueSync(settings, self.generations, self.http)

    @cached_property
    def background_sync(self) -> BackgroundSync | None:
        """The app's scheduled sync (not started here), or None without a catalogue URL."""
        sync = self.catalogue_sync
        if sync is None:
            return None
        from kiosk.background_sync import BackgroundSync  # noqa: PLC0415

        return BackgroundSync(sync, self.config.catalogue.sync_interval_s)

    @cached_property
    def status_sources(self) -> StatusSources:
        """What the metrics and the heartbeat read at the moment they are asked.

        The outbox (`outbox_counts`, `oldest_queued_age_s`) and the printer (`printer_state`)
        are handed in here once those services exist; until then they are absent, not zero.
        """
        sync = self.catalogue_sync
        return StatusSources(
            catalogue=lambda: read_catalogue_info(self.generations),
            sync_status=sync.status if sync is not None else None,
        )

    @cached_property
    def status_reader(self) -> StatusReader:
        return StatusReader(self.config.kiosk_id, __version__, self.status_sources)

    @cached_property
    def metrics(self) -> KioskMetrics:
        """The kiosk's Prometheus registry (served by the app when `metrics.enabled`)."""
        from kiosk.metrics import KioskMetrics  # noqa: PLC0415 - ~20 ms, only for the app

        return KioskMetrics(self.status_reader)

    @cached_property
    def heartbeat(self) -> Heartbeat | None:
        """The signed status sender, or None without `heartbeat.url` (reads the key file)."""
        cfg = self.config.heartbeat
        if not cfg.url:
            return None
        from kiosk.heartbeat import Heartbeat, read_key  # noqa: PLC0415

        key = read_key(Path(cfg.key_file))
        return Heartbeat(self.status_reader, cfg.url, key, self.http, cfg.timeout_s)

    @cached_property
    def heartbeat_schedule(self) -> HeartbeatSchedule | None:
        """The app's scheduled heartbeat (not started here), or None without a URL."""
        beat = self.heartbeat
        if beat is None:
            return None
        from kiosk.heartbeat import HeartbeatSchedule  # noqa: PLC0415

        return HeartbeatSchedule(beat, self.config.heartbeat.interval_s)
