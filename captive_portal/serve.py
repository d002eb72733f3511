"""Running the portal under uvicorn: gateway choice, logging, one app per worker process.

The parent process checks the settings and the store and re-applies valid sessions to the
gateway once; each worker builds its own app from the same settings (passed through the
environment) with `restore_sessions=False`.
"""

from __future__ import annotations

import importlib
import logging.config
import os
import time
from collections.abc import Mapping
from typing import Any

import uvicorn
from starlette.applications import Starlette

from captive_portal.app import create_app, restore
from captive_portal.gateway import Gateway
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.sessions import SessionBook
from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError
from captive_portal.settings_file import load_settings
from captive_portal.store import SessionStore


def build_gateway(settings: PortalSettings) -> Gateway:
    """The configured backend; others than dry-run expose `from_settings(settings)`."""
    if settings.gateway == "dry-run":
        return DryRunGateway()
    try:
        module = importlib.import_module(f"captive_portal.gateways.{settings.gateway}")
    except ModuleNotFoundError:
        module = None
    factory = getattr(module, "from_settings", None)
    if factory is None:
        raise SettingsError(f"gateway {settings.gateway!r} is not part of this build yet")
    gateway: Gateway = factory(settings)
    return gateway


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
    os.environ.update(environ)  # the workers read the same settings
    uvicorn.run(
        "captive_portal.serve:worker_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        loop="uvloop",
        http="httptools",
        lifespan="on",
        access_log=False,
        proxy_headers=False,
        server_header=False,
        log_config=log_config(settings.log_level),
        timeout_graceful_shutdown=5,
    )


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
