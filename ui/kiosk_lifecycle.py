"""What `kiosk run` starts beside the window, once the first frame is on the screen.

Metrics and the heartbeat wait for the first frame so their imports do not delay the
resident's first look at the kiosk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.composition import Services
from kiosk.metrics import MetricsServer
from ui.kiosk_app import KioskApp
from ui.metrics_hooks import MetricsHooks

log = logging.getLogger(__name__)


class KioskLifecycle(QObject):
    def __init__(self, kiosk: KioskApp, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._services = services
        self._started = False
        self._metrics_server: MetricsServer | None = None
        self._hooks: MetricsHooks | None = None
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

    def stop(self) -> None:
        if self._metrics_server is not None:
            self._metrics_server.stop()
            self._metrics_server = None
