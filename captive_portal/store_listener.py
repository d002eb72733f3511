"""Turns PostgreSQL notifications of store writes into this host's change stamp.

One thread per process, on a connection of its own, `LISTEN`s on the store's channel and
changes the stamp for each notification, so the session caches of this host's workers
drop their answers at the next request. If the connection drops, notifications may have
been missed: the stamp is changed at once, and again when it is back (the caches are
also dropped every second whatever happens: sessions.py).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import psycopg

from captive_portal.change_stamp import ChangeStamp

CHANNEL = "infomat_portal_store"
POLL_S = 0.5
RETRY_S = (0.5, 1.0, 2.0, 5.0)
log = logging.getLogger(__name__)


class StoreListener:
    def __init__(self, url: str, stamp: ChangeStamp) -> None:
        self._url = url
        self._stamp = stamp
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-listener", daemon=True)
        self.listening = threading.Event()  # set while a LISTEN connection is up

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=POLL_S * 4)

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._listen()
                failures = 0
            except psycopg.Error as exc:
                self.listening.clear()
                self._stamp.change()  # what happened while we were away is unknown
                pause = RETRY_S[min(failures, len(RETRY_S) - 1)]
                failures += 1
                log.warning("store notices lost (%s); again in %g s", type(exc).__name__, pause)
                self._stopping.wait(pause)

    def _listen(self) -> None:
        db: psycopg.Connection[Any]
        with psycopg.connect(self._url, autocommit=True, connect_timeout=5) as db:
            db.execute(f"LISTEN {CHANNEL}")
            self._stamp.change()  # writes made before LISTEN took hold
            self.listening.set()
            while not self._stopping.is_set():
                for notice in db.notifies(timeout=POLL_S):
                    self._stamp.change(notice.payload or None)  # one address, or anything
        self.listening.clear()
