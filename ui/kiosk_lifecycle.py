"""What `kiosk run` starts beside the window, once the first frame is on the screen.

Metrics and the heartbeat wait for the first frame so their imports do not delay the
resident's first look at the kiosk.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.composition import Services
from ui.kiosk_app import KioskApp
from ui.metrics_hooks import MetricsHooks

if TYPE_CHECKING:  # prometheus_client and requests load after the first frame, not before
    from kiosk.heartbeat import HeartbeatSchedule
    from kiosk.metrics import MetricsServer

log = logging.getLogger(__name__)


class KioskLifecycle(QObject):
    def __init__(self, kiosk: KioskApp, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._services = services
        self._started = False
        self._metrics_server: MetricsServer | None = None
        self._hooks: MetricsHooks | None = None
        self._heartbeat: HeartbeatSchedule | None = None
        kiosk.window.frameSwapped.connect(self._on_frame_swapped)

    @property
    def metrics_server(self) -> MetricsServer | None:
        return self._metrics_server

    def _on_frame_swapped(self) -> None:
        if self._started:
            return
        self._started = True
        self._kiosk.window.frameSwapped.disconnect(self._on_frame_swapped)
        self._start_metrics()
        self._start_heartbeat()

    def _start_metrics(self) -> None:
        kiosk, services = self._kiosk, self._services
        metrics = services.metrics
        self._hooks = MetricsHooks(metrics, kiosk.session, kiosk.catalogue, kiosk.idle, self)
        kiosk.crash_listeners.append(metrics.crash_recovered)
        config = services.config.metrics
        if not config.enabled:
            return
        try:
            self._metrics_server = metrics.serve(config.bind, config.port)
        except OSError as exc:
            # A busy port must not keep the kiosk from serving residents.
            log.warning(
                "metrics not served on %s:%d (%s); the kiosk runs without them",
                config.bind,
                config.port,
                exc.strerror or exc,
            )

    def _start_heartbeat(self) -> None:
        from kiosk.heartbeat import HeartbeatKeyError  # noqa: PLC0415

        try:
            self._heartbeat = self._services.heartbeat_schedule
        except HeartbeatKeyError as exc:
            log.error("heartbeat off: %s", exc)
            return
        if self._heartbeat is not None:
            self._heartbeat.start()

    def stop(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.stop()
            self._heartbeat = None
        if self._metrics_server is not None:
            self._metrics_server.stop()
            self._metrics_server = None
