"""The composition root: every service is built here, once, from the config."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from kiosk import __version__
from kiosk.catalogue_service import CatalogueService, demo_catalogue_path
from kiosk.config import KioskConfig
from offline_cache.generations import GenerationFolder

if TYPE_CHECKING:  # the network stack is imported only when a sync is configured
    import requests

    from devices.printers import PrinterSettings, ReceiptPrinter
    from devices.receipt_image import ReceiptImageRenderer
    from kiosk.background_sync import BackgroundSync
    from kiosk.case_status import CaseStatusLookup
    from kiosk.config import LocalConfig
    from kiosk.filing import FilingService
    from kiosk.fleet_status import StatusReader, StatusSources
    from kiosk.fleet_store import FleetStore
    from kiosk.fleet_sync import FleetSync
    from kiosk.heartbeat import Heartbeat, HeartbeatSchedule
    from kiosk.metrics import KioskMetrics
    from kiosk.outbox_sender import OutboxSender
    from kiosk.receipt_desk import ReceiptDesk
    from kiosk.visits import VisitsClient
    from kiosk.wifi_slip import WifiSlip
    from kiosk.wifi_voucher import VoucherKey
    from offline_cache.intake.outcomes import Intake
    from offline_cache.outbox import Outbox
    from offline_cache.sync import CatalogueSync


class Services:
    """Builds each service on first use and hands out the same instance afterwards."""

    def __init__(self, config: KioskConfig, local: LocalConfig | None = None) -> None:
        self.config = config
        # The config file as written: the fleet config is checked against its explicit keys.
        self.local = local

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
        session.headers["User-Agent"] = f"infomat-kiosk/{user_agent_name(self.config.kiosk_id)}"
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
    def fleet_store(self) -> FleetStore:
        from kiosk.fleet_apply import fleet_folder  # noqa: PLC0415
        from kiosk.fleet_store import FleetStore  # noqa: PLC0415

        return FleetStore(fleet_folder(self.config))

    @cached_property
    def fleet_sync(self) -> FleetSync | None:
        """The fleet config's pull, or None when the config names no `fleet.url`."""
        cfg = self.config.fleet
        if not cfg.url:
            return None
        from kiosk.config import LocalConfig  # noqa: PLC0415
        from kiosk.fleet_sync import FleetSettings, FleetSync  # noqa: PLC0415

        settings = FleetSettings(cfg.url, cfg.group, cfg.public_keys, cfg.timeout_s)
        local = self.local or LocalConfig({}, "the built-in defaults")
        return FleetSync(settings, self.fleet_store, self.http, local)

    @cached_property
    def fleet_poll(self) -> BackgroundSync | None:
        """The app's scheduled fleet config pull (not started here), or None without a URL."""
        sync = self.fleet_sync
        if sync is None:
            return None
        from kiosk.background_sync import BackgroundSync  # noqa: PLC0415

        return BackgroundSync(sync, self.config.fleet.interval_s, name="fleet")

    @cached_property
    def outbox(self) -> Outbox:
        """The outbox file in the data dir; raises OutboxWriteError if it cannot be opened."""
        from offline_cache.outbox import Outbox  # noqa: PLC0415

        return Outbox(self.config.data_path() / "outbox.sqlite")

    @cached_property
    def intake(self) -> Intake:
        """The office's intake the config names (the spool folder by default)."""
        from kiosk.intake_choice import build_intake  # noqa: PLC0415

        cfg = self.config.intake
        return build_intake(cfg, self.config.data_path(), lambda: self.http)

    @cached_property
    def outbox_sender(self) -> OutboxSender:
        """The background sender (not started here; the app starts and stops it)."""
        from kiosk.outbox_sender import Backoff, OutboxSender  # noqa: PLC0415

        cfg = self.config.outbox
        return OutboxSender(
            self.outbox,
            self.intake,
            backoff=Backoff(cfg.first_retry_s, cfg.max_retry_s),
            retention=dt.timedelta(days=cfg.retention_days),
        )

    @cached_property
    def filing(self) -> FilingService:
        """Forms for residents and the outbox behind them (built on the first application)."""
        from kiosk.filing import FilingService  # noqa: PLC0415

        return FilingService(
            self.catalogue,
            lambda: self.outbox,
            self._wake_sender,
            self.config.kiosk_id,
            status_url_base=self.config.receipt.status_url,
        )

    def _wake_sender(self) -> None:
        """An application was filed. The sender is built here, not with the filing service:
        it opens the outbox, and a form must open far enough to say when that fails."""
        self.outbox_sender.wake()

    @cached_property
    def receipt_desk(self) -> ReceiptDesk:
        """Prints residents' receipts and test prints; knows the printer's last state."""
        from kiosk.receipt_desk import ReceiptDesk  # noqa: PLC0415

        return ReceiptDesk(
            lambda: self.printer, self.config.kiosk_id, self.config.receipt.status_url
        )

    def wifi_slip(self) -> WifiSlip:
        """A new Wi-Fi slip for one resident (a fresh voucher when the kiosk has a key)."""
        from kiosk.wifi_slip import new_slip  # noqa: PLC0415

        return new_slip(self.config.wifi, self._voucher_key, dt.datetime.now(dt.UTC))

    @cached_property
    def _voucher_key(self) -> VoucherKey | None:
        """Read once (the config check read it at load): the commune's voucher key."""
        from kiosk.wifi_voucher import read_key  # noqa: PLC0415

        path = self.config.wifi.voucher_key_file
        return read_key(Path(path)) if path else None

    @cached_property
    def visits(self) -> VisitsClient | None:
        """The office's visits API ('Umów wizytę', 'Pobierz numerek'), or None without one."""
        cfg = self.config.visits
        if not cfg.api_url:
            return None
        from kiosk.visits import VisitsClient  # noqa: PLC0415

        token = self.config.intake.token
        return VisitsClient(cfg.api_url, cfg.office, token, cfg.timeout_s, lambda: self.http)

    @cached_property
    def case_status(self) -> CaseStatusLookup:
        """Where an application stands: the office's status API, else this kiosk's outbox."""
        from kiosk.case_status import CaseStatusLookup  # noqa: PLC0415

        status = self.config.status
        return CaseStatusLookup(
            status.api_url, status.timeout_s, lambda: self.outbox, lambda: self.http
        )

    @cached_property
    def receipt_images(self) -> ReceiptImageRenderer:
        """Draws receipts (the screen's copy, the virtual printer, Ukrainian on paper)."""
        from devices.receipt_image import ReceiptImageRenderer  # noqa: PLC0415 - Pillow

        return ReceiptImageRenderer()

    @cached_property
    def printer(self) -> ReceiptPrinter:
        """The receipt printer of `[printer]`; nothing is opened before the first use."""
        from devices.printers import make_printer  # noqa: PLC0415 - keeps Pillow off start-up

        return make_printer(printer_settings(self.config), self.receipt_images)

    @cached_property
    def status_sources(self) -> StatusSources:
        """What the metrics and the heartbeat read at the moment they are asked.

        Called from the metrics server's and the heartbeat's threads: the outbox has its own
        lock, and the printer's state is what the receipt desk heard last.
        """
        # Here, not at import: the kiosk's first frame needs none of it (~10 ms).
        from kiosk.fleet_status import StatusSources, read_catalogue_info  # noqa: PLC0415
        from kiosk.image_status import ImageStatusReader  # noqa: PLC0415

        sync = self.catalogue_sync
        return StatusSources(
            catalogue=lambda: read_catalogue_info(self.generations),
            sync_status=sync.status if sync is not None else None,
            outbox_counts=self._outbox_counts,  # the outbox opens on first use, safe on threads
            oldest_queued_age_s=self._oldest_queued_age_s,
            printer_state=self.receipt_desk.state_name,  # the last answer, never a live query
            image=ImageStatusReader(self.config.data_path()).read,
        )

    def _outbox_counts(self) -> dict[str, int]:
        return {str(state): count for state, count in self.outbox.counts().items()}

    def _oldest_queued_age_s(self) -> float | None:
        age = self.outbox.oldest_queued_age()
        return age.total_seconds() if age is not None else None

    @cached_property
    def status_reader(self) -> StatusReader:
        from kiosk.fleet_status import StatusReader  # noqa: PLC0415

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


def user_agent_name(kiosk_id: str) -> str:
    """The kiosk's name as a header allows (http.client sends Latin-1 only, and a kiosk_id
    such as "łańcut-ratusz-1" made every request fail): Polish letters folded, the rest
    percent-encoded."""
    if kiosk_id.isascii():
        return quote(kiosk_id, safe="-._~")
    from offline_cache.folding import fold  # noqa: PLC0415

    return quote(fold(kiosk_id), safe="-._~")


def printer_settings(config: KioskConfig) -> PrinterSettings:
    """The devices' printer settings from the kiosk's `[printer]` table."""
    from devices.escpos_render import RenderMode  # noqa: PLC0415
    from devices.paper import paper_for_width  # noqa: PLC0415
    from devices.printers import PrinterSettings  # noqa: PLC0415

    cfg = config.printer
    folder = Path(cfg.folder) if cfg.folder else config.data_path() / "receipts"
    return PrinterSettings(
        kind=cfg.kind,
        paper=paper_for_width(cfg.paper_mm),
        mode=RenderMode(cfg.text),
        usb_vendor_id=cfg.usb_vendor_id,
        usb_product_id=cfg.usb_product_id,
        host=cfg.host,
        port=cfg.port,
        device=Path(cfg.device),
        folder=folder.expanduser(),
        timeout_s=cfg.timeout_s,
        status_timeout_s=cfg.status_timeout_s,
    )
