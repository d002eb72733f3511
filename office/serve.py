"""Running the office service under uvicorn: logging, the store, one app per process.

Several instances (processes, hosts) may serve one PostgreSQL database behind a load
balancer; each opens its own pool. The store is opened (and migrated) before the port
is bound and closed when the server stops. The same server also listens for /metrics on
`metrics_host`:`metrics_port` (metrics_listener.py), and runs the background jobs
(background.py): the retention purge and, with `smtp_host` set, the e-mail to residents.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging.config
import socket
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from office.app import create_app
from office.background import Periodic
from office.mail_sender import ResidentMailSender
from office.metrics import OfficeMetrics
from office.metrics_listener import ByListener, metrics_app, metrics_socket
from office.open_store import open_store
from office.request_guard import RequestLimits, limited
from office.retention import RetentionPurge
from office.settings import OfficeSettings
from office.settings_mail import smtp_password
from office.status_http import StatusHttpProtocol
from office.store import CaseStore


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def serve(settings: OfficeSettings) -> None:
    """Serve until stopped; raises StoreError when the case register cannot be opened."""
    logging.config.dictConfig(log_config(settings.log_level))
    store = open_store(settings)
    jobs = background_jobs(settings, store)
    try:
        app, sockets = _apps_and_sockets(settings, store)
        config = uvicorn.Config(app, **_uvicorn_options(settings))
        server = uvicorn.Server(config)
        keep_start_out_of_collections()
        for job in jobs:
            job.start()
        server.run(sockets=[config.bind_socket(), *sockets])
    finally:
        for job in jobs:
            job.stop()
        store.close()
    if not server.started:
        raise SystemExit(3)  # as uvicorn.run: it failed to start (the port is taken...)


def keep_start_out_of_collections() -> None:
    """What the start made (modules, the app, its templates) lives as long as the process:
    frozen (gc.freeze), it is left out of the garbage collector's full collections, each of
    which walked its ~60,000 objects in ~20 ms, a pause any request then in flight met."""
    gc.collect()
    gc.freeze()
    logging.getLogger("office").info(
        "garbage collection: %d objects of the start kept out of it", gc.get_freeze_count()
    )


def background_jobs(settings: OfficeSettings, store: CaseStore) -> list[Periodic]:
    """The jobs beside the requests: the retention purge (at start, then every
    purge_interval_min) and the e-mail to residents (every mail_check_s)."""
    retention = RetentionPurge(store.sql(), settings.retention_days)
    jobs = [
        Periodic("retention purge", lambda: retention.purge(utc_now()),
                 settings.purge_interval_min * 60),
    ]  # fmt: skip
    if settings.smtp_host:
        sender = ResidentMailSender(store.sql(), settings, smtp_password(settings), utc_now)
        jobs.append(Periodic("resident mail", sender.send_due, settings.mail_check_s))
    return jobs


def _apps_and_sockets(
    settings: OfficeSettings, store: CaseStore
) -> tuple[ASGIApp, list[socket.socket]]:
    """The service's app, and the metrics listener's beside it unless metrics_port is 0."""
    metrics = OfficeMetrics(store, utc_now, settings.stale_kiosk_after_s)
    app = create_app(settings, store, utc_now, metrics)
    if not settings.metrics_port:
        return app, []
    listener = metrics_socket(settings)
    return ByListener(app, settings.metrics_port, metrics_app(settings, metrics, store)), [listener]


def _uvicorn_options(settings: OfficeSettings) -> dict[str, Any]:
    return {
        # kept status pages answered from the parser; every request held to the limits
        "http": limited(RequestLimits.of(settings), StatusHttpProtocol),
        "ws": "none",  # no WebSocket: an upgrade request is answered as plain HTTP
        "host": settings.host,
        "port": settings.port,
        "lifespan": "off",
        "access_log": False,
        # The client's address (throttles count per client) from X-Forwarded-For only
        # when a trusted load balancer sent it; anyone else could write any address there.
        "proxy_headers": bool(settings.trusted_proxies),
        "forwarded_allow_ips": list(settings.trusted_proxies) or None,
        "server_header": False,
        "log_config": log_config(settings.log_level),
        "timeout_graceful_shutdown": 5,
    }


class NoWebSocketAdvice(logging.Filter):
    """Drops uvicorn's advice to install a WebSocket library, logged after "Unsupported
    upgrade request." whenever a client asks for one: the office has no WebSocket and
    answers such a request as plain HTTP, so the advice would only mislead a technician."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("No supported WebSocket library")


def log_config(level: str) -> dict[str, Any]:
    """One line per event on stderr; no access log (it would hold client addresses)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "filters": {"no_websocket_advice": {"()": NoWebSocketAdvice}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["no_websocket_advice"],
            }
        },
        "loggers": {
            "office": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }
