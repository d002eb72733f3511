"""A sync (the catalogue's, the fleet config's) in the background, off the UI thread, on a
schedule.

Logic emits, the UI subscribes: every result goes to the `on_result` callbacks, which a
small adapter in ui/ turns into a Qt signal.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from typing import Protocol

from offline_cache.sync_status import SyncStatus

log = logging.getLogger(__name__)

Listener = Callable[[SyncStatus], None]


class Sync(Protocol):
    def run_once(self) -> SyncStatus: ...


class BackgroundSync:
    def __init__(
        self,
        sync: Sync,
        interval_s: float,
        first_delay_s: float = 5.0,
        jitter: float = 0.1,
        name: str = "catalogue",
    ) -> None:
        self._sync = sync
        self._name = name
        self._interval_s = interval_s
        self._first_delay_s = first_delay_s
        self._jitter = jitter
        self._listeners: list[Listener] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"{name}-sync", daemon=True)

    def on_result(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        self._thread.start()

    def sync_now(self) -> None:
        """Run a sync as soon as possible (the admin screen's "sync now")."""
        self._wake.set()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout_s)

    def _run(self) -> None:
        delay = self._first_delay_s
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                break
            self._once()
            # Spread a fleet's requests so hundreds of kiosks do not poll in step.
            delay = self._interval_s * (1 + random.uniform(-self._jitter, self._jitter))  # noqa: S311

    def _once(self) -> None:
        try:
            status = self._sync.run_once()
        except Exception:
            log.exception("%s sync crashed; will try again at the next interval", self._name)
            return
        for listener in self._listeners:
            try:
                listener(status)
            except Exception:
                log.exception("a sync listener failed")


__all__ = ["BackgroundSync", "Listener", "SyncStatus"]
