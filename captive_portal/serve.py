"""Running the portal under uvicorn: gateway choice, logging, one app per worker process.

The parent process checks the settings and the store, re-applies valid sessions to the
gateway once and starts the metrics from zero; each worker builds its own app from the same
settings (passed through the environment) with `restore_sessions=False`.
"""

from __future__ import annotations

import logging.config
import os
import time
from collections.abc import Mapping
from typing import Any

import uvicorn
from starlette.applications import Starlette

from captive_portal import counter_files
from captive_portal.app import create_app, restore
from captive_portal.fast_http import PortalHttpProtocol
from captive_portal.gateways.configured import build_gateway
from captive_portal.sessions import SessionBook
from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from captive_portal.store import SessionStore

__all__ = ["build_gateway", "serve", "worker_app"]
APP = "captive_portal.serve:worker_app"


def worker_app() -> Starlette:
    """uvicorn's app factory in every worker (settings come from the environment)."""
    settings = load_settings(None, os.environ)
    store = SessionStore(settings.store_file())
    return create_app(settings, build_gateway(settings), store, time.time, restore_sessions=False)


def serve(settings: PortalSettings, environ: Mapping[str, str]) -> None:
    """Re-apply sessions once, then serve until stopped (production uvicorn settings)."""
    logging.config.dictConfig(log_config(settings.log_level))
    gateway = build_gateway(settings)
    store = SessionStore(settings.store_file())
    try:
        restore(SessionBook(store, time.time), gateway)
    finally:
        store.close()
    counter_files.clear(settings.metrics_folder())
    os.environ.update(environ)  # the workers read the same settings
    options = _uvicorn_options(settings)
    if settings.workers > 1:
        uvicorn.run(APP, **options)
        return
    # One process: bind here, as uvicorn does for several workers; its own bind of "::"
    # would be IPv6-only, and the nftables redirect sends IPv4 and IPv6 to one address.
    config = uvicorn.Config(APP, **options)
    server = uvicorn.Server(config)
    server.run(sockets=[config.bind_socket()])
    if not server.started:
        raise SystemExit(3)  # as uvicorn.run: the app failed to start


def _uvicorn_options(settings: PortalSettings) -> dict[str, Any]:
    return {
        "factory": True,
        "host": settings.host,
        "port": settings.port,
        "workers": settings.workers,
        "loop": "uvloop",
        "http": PortalHttpProtocol,  # httptools, with probes answered from the parser
        "lifespan": "on",
        "access_log": False,
        "proxy_headers": False,
        "server_header": False,
        "log_config": log_config(settings.log_level),
        "timeout_graceful_shutdown": 5,
    }


def log_config(level: str) -> dict[str, Any]:
    """One line per event on stderr; no access log (it would hold client addresses)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "loggers": {
            "captive_portal": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }
