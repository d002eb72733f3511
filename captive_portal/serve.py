"""Running the portal under uvicorn: gateway choice, logging, one app per worker process.

The parent process checks the settings and the store, re-applies valid sessions to the
gateway once and starts the metrics from zero; each worker builds its own app from the same
settings (passed through the environment) with `restore_sessions=False`. The parent binds
both listeners, the hotspot's and the technicians' (metrics and health), and hands them to
every worker; the app tells them apart by the local port.
"""

from __future__ import annotations

import logging.config
import os
import socket
import time
from collections.abc import Mapping
from typing import Any

import uvicorn
from starlette.applications import Starlette

from captive_portal import counter_files
from captive_portal.app import create_app
from captive_portal.fast_http import PortalHttpProtocol
from captive_portal.gateways.configured import build_gateway
from captive_portal.log_privacy import NoClientAddresses
from captive_portal.open_store import open_store
from captive_portal.registered_router import as_registered
from captive_portal.sessions import SessionBook
from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from captive_portal.sweeps import restore
from captive_portal.uvicorn_parts import Multiprocess

__all__ = ["ListenError", "build_gateway", "serve", "worker_app"]
APP = "captive_portal.serve:worker_app"


class ListenError(RuntimeError):
    """A listener cannot be opened (the address is taken or not this host's)."""


def worker_app() -> Starlette:
    """uvicorn's app factory in every worker (settings come from the environment)."""
    settings = load_settings(None, os.environ)
    store = open_store(settings)
    settings = as_registered(settings, store)
    return create_app(settings, build_gateway(settings), store, time.time, restore_sessions=False)


def serve(settings: PortalSettings, environ: Mapping[str, str]) -> None:
    """Re-apply sessions once, then serve until stopped (production uvicorn settings)."""
    logging.config.dictConfig(log_config(settings.log_level))
    gateway = build_gateway(settings)
    store = open_store(settings)
    try:
        as_registered(settings, store)  # the workers read it again (the terms may change)
        restore(SessionBook(store, time.time, gateway_id=gateway.gateway_id), gateway)
    finally:
        store.close()
    counter_files.clear(settings.metrics_folder())
    os.environ.update(environ)  # the workers read the same settings
    config = uvicorn.Config(APP, **_uvicorn_options(settings))
    # Bound here, as uvicorn.run does for several workers; uvicorn's own bind of "::" in
    # one process would be IPv6-only, and the nftables redirect sends both families to it.
    sockets = [config.bind_socket(), *_management_sockets(settings)]
    if settings.workers > 1:
        Multiprocess(config, sockets=sockets).run()
        return
    server = uvicorn.Server(config)
    server.run(sockets=sockets)
    if not server.started:
        raise SystemExit(3)  # as uvicorn.run: the app failed to start


def _management_sockets(settings: PortalSettings) -> list[socket.socket]:
    """The technicians' listener (metrics and health), or none with `metrics.port = 0`."""
    metrics = settings.metrics
    if not metrics.port:
        return []
    family = socket.AF_INET6 if ":" in metrics.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((metrics.host, metrics.port))
    except OSError as exc:
        listener.close()
        raise ListenError(
            f"cannot listen for metrics on {metrics.host} port {metrics.port}: {exc.strerror}"
        ) from exc
    listener.set_inheritable(True)  # for the worker processes
    logging.getLogger("captive_portal").info(
        "metrics and health on %s port %d", metrics.host, metrics.port
    )
    return [listener]


def _uvicorn_options(settings: PortalSettings) -> dict[str, Any]:
    return {
        "factory": True,
        "host": settings.host,
        "port": settings.port,
        "workers": settings.workers,
        "loop": "uvloop",
        "http": PortalHttpProtocol,  # httptools, with probes answered from the parser
        "ws": "none",  # no WebSocket: an upgrade is answered as plain HTTP, and not logged
        "lifespan": "on",
        "access_log": False,
        "proxy_headers": False,
        "server_header": False,
        "log_config": log_config(settings.log_level),
        "timeout_graceful_shutdown": 5,
    }


def log_config(level: str) -> dict[str, Any]:
    """One line per event on stderr; no access log and no client address (attack 7)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "filters": {"no_client_addresses": {"()": NoClientAddresses}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["no_client_addresses"],
            }
        },
        "loggers": {
            "captive_portal": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            # Set, not inherited: at NOTSET uvicorn formats a TRACE line (with the client's
            # address) for every connection made and lost before the level drops it.
            "uvicorn.error": {"level": "INFO"},
        },
    }
