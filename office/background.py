"""Jobs `office serve` runs beside the requests: each in a thread of its own, at start and
then every so often, until the server stops.

A job that fails is logged and tried again at its next turn; it never stops the service.
Jobs must be safe with several instances running them at once (they work in the shared
store with statements that change each row once).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from office.store import StoreError

log = logging.getLogger("office.background")


class Periodic:
    def __init__(self, name: str, job: Callable[[], object], every_s: float) -> None:
        self.name = name
        self._job = job
        self._every_s = every_s
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"office-{name}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stopping.set()
        self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stopping.is_set():
            self.run_once()
            self._stopping.wait(self._every_s)

    def run_once(self) -> None:
        try:
            self._job()
        except StoreError as exc:
            log.warning("%s: the case register did not answer, tried again later: %s",
                        self.name, exc)  # fmt: skip
        except Exception:  # a bug: logged with its trace; the service goes on
            log.exception("%s failed; tried again at its next turn", self.name)
