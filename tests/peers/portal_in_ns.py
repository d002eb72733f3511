"""The real portal (`create_app`) under uvicorn inside a namespace, and a no-JS browser.

The server thread enters the namespace for its whole life, so the listening socket, the
worker threads it starts and the subprocesses they run (ndsctl, `ip neigh`) and the
netlink sockets they open (libnftables) all live there. The socket is bound before uvicorn
starts, dual-stack when the host is "::", as `captive-portal serve` binds it.
"""

from __future__ import annotations

import html
import http.client
import re
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit

import uvicorn

from captive_portal.app import create_app
from captive_portal.gateway import Gateway
from captive_portal.open_store import open_store
from captive_portal.settings import PortalSettings
from tests.captive_portal.portal_server import FakeClock
from tests.peers.netns import Namespace, NetnsError, wait_until

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
FORM_ACTION = re.compile(r'<form method="post" action="([^"]+)">')


class PortalInNamespace:
    def __init__(
        self, ns: Namespace, settings: PortalSettings, gateway: Gateway, clock: FakeClock
    ) -> None:
        self.ns = ns
        self.clock = clock
        self.store = open_store(settings)
        app = create_app(settings, gateway, self.store, clock)
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
        self._server = uvicorn.Server(config)
        with ns.entered():
            self._listener = _listener(settings.host, settings.port)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        try:
            wait_until(self._started, 10.0, "the portal to start")
        except NetnsError:
            self.stop()
            raise

    def _run(self) -> None:
        with self.ns.entered():
            self._server.run(sockets=[self._listener])

    def _started(self) -> bool:
        if not self._thread.is_alive():
            raise NetnsError("the portal stopped at start")
        return bool(self._server.started)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._listener.close()
        self.store.close()


def _listener(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    listener.bind((host, port))
    return listener


@dataclass(frozen=True)
class Answer:
    url: str
    status: int
    location: str | None
    body: str


def send(
    ns: Namespace,
    method: str,
    url: str,
    form: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Answer:
    """One request from inside `ns`, redirects not followed; `form` is sent urlencoded."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    body = None if form is None else urlencode(form)
    sent = dict(headers or {})
    if form is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    with ns.entered():
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port or 80, timeout=3)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            return Answer(url, response.status, response.getheader("Location"), text)
        finally:
            connection.close()


def submit_splash(ns: Namespace, splash: Answer) -> Answer:
    """What a browser without JavaScript does with the splash: post its form as it is."""
    action = FORM_ACTION.search(splash.body)
    if splash.status != 200 or action is None:
        raise AssertionError(f"no accept form at {splash.url}: {splash.status}")
    fields = {name: html.unescape(value) for name, value in HIDDEN.findall(splash.body)}
    return send(ns, "POST", urljoin(splash.url, action[1]), form=fields)
