"""What `kiosk run` starts beside the window, once the first frame is on the screen.

systemd hears READY=1 after the first frame, then WATCHDOG=1 from a timer of the GUI event
loop: a hung GUI thread stops the pings and systemd restarts the kiosk. Metrics, the
heartbeat, the outbox sender and the syncs wait for the first frame so their imports do not
delay the resident's first look, and start one at a time from the event loop, each followed
by a ping.
A second later the objects made at start are set aside from Python's garbage collector.
The unit's status says whether anybody is at the screen: the image's updater reboots into
a new slot only while it says VACANT (docs/image.md, "Updates over the network").
"""

from __future__ import annotations

import gc
import logging
import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot

from kiosk.composition import Services
from kiosk.sd_notify import SystemdNotifier
from ui import frame_watch
from ui.kiosk_app import AfterFirstFrame, KioskApp
from ui.metrics_hooks import MetricsHooks

if TYPE_CHECKING:  # prometheus_client and requests load after the first frame, not before
    from kiosk.background_sync import BackgroundSync
    from kiosk.heartbeat import HeartbeatSchedule
    from kiosk.metrics import MetricsServer

log = logging.getLogger(__name__)
FREEZE_AFTER_MS = 1000  # after the imports and services started just after the first frame
# The attract loop runs: the home screen with nothing chosen, untouched for screen.attract_s.
VACANT = "vacant: the home screen, nobody at it"
IN_USE = "in use: somebody may be at the screen"


class KioskLifecycle(QObject):
    def __init__(
        self,
        kiosk: KioskApp,
        services: Services,
        notifier: SystemdNotifier,
        parent: QObject | None = None,
        *,
        sync_catalogue: bool = True,
    ) -> None:
        super().__init__(parent)
        self._sync_catalogue = sync_catalogue
        self._background: BackgroundSync | None = None
        self._fleet_poll: BackgroundSync | None = None
        self._kiosk = kiosk
        self._services = services
        self._notifier = notifier
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(self._on_watchdog_due)
        self._started = False
        self._vacant = False
        self._sending = False
        self._metrics_server: MetricsServer | None = None
        self._hooks: MetricsHooks | None = None
        self._heartbeat: HeartbeatSchedule | None = None
        self._stop_printer_watch: Callable[[], None] | None = None
        self._steps: list[Callable[[], None]] = []  # what starts after the first frame
        self._stopped = False
        self.frame_watch: frame_watch.FrameWatch | None = None
        self._first_frame = AfterFirstFrame(kiosk.window, self._on_frame_swapped)

    @property
    def metrics_server(self) -> MetricsServer | None:
        return self._metrics_server

    def _on_frame_swapped(self) -> None:
        if self._started:
            return
        self._started = True
        self._notifier.ready(f"kiosk {self._services.config.kiosk_id} on screen")
        interval = self._notifier.watchdog_interval_s
        if interval is not None:
            self._watchdog.start(max(1, int(interval * 1000)))
        log.info("first frame on screen")
        self._kiosk.hide_cursor()
        self._kiosk.idle.stateChanged.connect(self._on_idle_state)
        self._steps = [self._start_metrics, self._start_heartbeat, self._start_filing]
        if self._sync_catalogue:
            self._steps += [self._start_catalogue_sync, self._start_fleet_poll]
        QTimer.singleShot(0, self._next_step)

    @Slot()
    def _next_step(self) -> None:
        """One part of what starts after the first frame, then back to the event loop, with
        a watchdog ping: on a slow machine (the image's VM under TCG, loaded) all of it at
        once held the GUI thread past WatchdogSec, and systemd restarted a kiosk that was
        only starting. A tap between two parts is drawn at once, too."""
        if self._stopped:
            return  # stopped before every part had started: none starts after
        if not self._steps:
            QTimer.singleShot(FREEZE_AFTER_MS, self._set_start_up_aside)
            return
        self._steps.pop(0)()
        if self._notifier.watchdog_interval_s is not None:
            self._notifier.watchdog()
        QTimer.singleShot(0, self._next_step)

    def _start_catalogue_sync(self) -> None:
        self._background = self._kiosk.start_catalogue_sync()

    def _start_fleet_poll(self) -> None:
        """The group's signed fleet config, pulled every `fleet.interval_s` (it applies at
        the next start: docs/technician-guide.md, "Fleet config")."""
        poll = self._services.fleet_poll
        if poll is not None:
            poll.start()
            self._fleet_poll = poll

    @Slot()
    def _set_start_up_aside(self) -> None:
        """The ~56,000 objects made at start live as long as the kiosk. Left to the
        collector, each full collection walks them all (40-60 ms), and one falling into a
        tap delayed its frame by as much; frozen, they are never walked again (gc.freeze).
        """
        gc.collect()
        gc.freeze()
        log.info("start-up objects set aside from the collector: %d", gc.get_freeze_count())

    def _start_filing(self) -> None:
        """The outbox sender (applications left from before are sent too) and the printer
        watch (paper out is known before a resident meets it)."""
        from kiosk.filing import OutboxWriteError  # noqa: PLC0415

        services = self._services
        self._stop_printer_watch = services.receipt_desk.watch(
            services.config.printer.check_every_s
        )
        try:
            services.outbox_sender.start()
        except OutboxWriteError as exc:
            # The forms say so to residents before they type (docs/outbox.md); the kiosk goes
            # on showing the catalogue, and the technician finds the reason in the journal.
            log.error("applications are not sent: %s", exc)
            return
        self._sending = True

    @Slot()
    def _on_idle_state(self) -> None:
        """Tell systemd (the unit's StatusText) when the screen becomes vacant or in use."""
        vacant = self._kiosk.idle.property("attractVisible") is True
        if vacant != self._vacant:
            self._vacant = vacant
            self._notifier.notify(f"STATUS={VACANT if vacant else IN_USE}")

    @Slot()
    def _on_watchdog_due(self) -> None:
        self._notifier.watchdog()

    def _start_metrics(self) -> None:
        kiosk, services = self._kiosk, self._services
        metrics = services.metrics
        self._hooks = MetricsHooks(metrics, kiosk.session, kiosk.catalogue, kiosk.idle, self)
        kiosk.crash_listeners.append(metrics.crash_recovered)
        if frame_watch.needed_here():
            window = kiosk.window
            watch = frame_watch.FrameWatch(
                window.frameSwapped,
                kiosk.idle.motion,
                lambda: frame_watch.ask_for_a_frame(window),
                parent=self,
            )
            watch.stalled.connect(metrics.frame_stalled)
            self.frame_watch = watch
            log.info("frame watch on: a touch or key that draws nothing is logged and counted")
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
        """The event loop has ended: tell systemd, stop pinging, stop the servers."""
        self._stopped = True
        self._notifier.stopping()
        self._watchdog.stop()
        if self._sending:
            self._services.outbox_sender.stop()
        if self._stop_printer_watch is not None:
            self._stop_printer_watch()
            self._stop_printer_watch = None
        if self._heartbeat is not None:
            self._heartbeat.stop()
            self._heartbeat = None
        if self._metrics_server is not None:
            self._metrics_server.stop()
            self._metrics_server = None
        for sync in (self._background, self._fleet_poll):
            if sync is not None:
                sync.stop()
        self._background = self._fleet_poll = None


class QuitOnSignal(QObject):
    """SIGTERM/SIGINT (systemctl stop, Ctrl+C) end the event loop, so the kiosk shuts down
    cleanly and says STOPPING=1. Python runs signal handlers only between bytecodes, which
    Qt's C++ loop never reaches: the signal wakes a pipe that Qt watches instead."""

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._read, write = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._previous_fd = signal.set_wakeup_fd(write)
        self._write = write
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)
        self._previous = {
            number: signal.signal(number, lambda *_: None)
            for number in (signal.SIGTERM, signal.SIGINT)
        }

    @Slot()
    def _on_signal(self) -> None:
        received = os.read(self._read, 64)
        log.info("signal %s received; closing the kiosk", ", ".join(map(str, received)))
        self._app.quit()

    def remove(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        os.close(self._read)
        os.close(self._write)
