"""Debian's Chromium, headless, in a network namespace, driven over the DevTools protocol.

What a phone's browser does on the hotspot, for the journey test: load a page, tap at a
point on the screen (real mouse events, not a script's click()), read the page, take a
screenshot. The DevTools port listens on the namespace's loopback, so the websocket is
opened while the thread is inside the namespace; the socket stays there. Protocol
reference: https://chromedevtools.github.io/devtools-protocol/ (Page, Runtime, Input,
Emulation).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

from tests.peers.netns import Namespace, NetnsError, wait_until
from tests.peers.processes import stop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


class Page:
    """One tab; every call waits for its answer (events before it are kept)."""

    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []

    def call(self, method: str, timeout_s: float = 15.0, **params: object) -> dict[str, Any]:
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        deadline = time.monotonic() + timeout_s
        while True:
            message = json.loads(self._socket.recv(timeout=max(0.01, deadline - time.monotonic())))
            if message.get("id") == number:
                if "error" in message:
                    raise NetnsError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self._events.append(message)

    def open(self, url: str) -> None:
        """Navigate and wait for the load event of the page that ends up showing."""
        self._events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for_load()

    def wait_for_load(self, timeout_s: float = 15.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            if time.monotonic() > deadline:
                raise NetnsError("the page did not finish loading")
            message = json.loads(self._socket.recv(timeout=max(0.01, deadline - time.monotonic())))
            self._events.append(message)
        self._events.clear()

    def value(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer["result"].get("value")

    def tap(self, selector: str) -> None:
        """Press and release the mouse in the middle of the element, as a finger would."""
        box = self.value(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = float(box[0]), float(box[1])
        self._events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        """Type into the focused field as a phone's keyboard does (one insertion per key)."""
        for character in text:
            self.call("Input.insertText", text=character)

    def screenshot(self, out: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))


@contextlib.contextmanager
def phone_browser(ns: Namespace, profile: Path) -> Iterator[Page]:
    """Chromium in `ns` with a phone-sized viewport; its first tab."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={profile}",
        "--window-size=390,844", "about:blank",
    ]  # fmt: skip
    process = ns.popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    try:
        # Chromium writes the file in two steps: it may exist, still empty, for a moment.
        wait_until(
            lambda: devtools_port_written(port_file), 30.0, "Chromium to open its DevTools port"
        )
        port = int(port_file.read_text().split()[0])
        with ns.entered():
            socket = connect(_page_socket_url(port), max_size=None, open_timeout=10)
        with socket:
            page = Page(socket)
            page.call("Page.enable")
            page.call("Emulation.setDeviceMetricsOverride", **PHONE)
            yield page
    finally:
        stop(process)


def devtools_port_written(port_file: Path) -> bool:
    """Whether Chromium has finished writing its DevTools port file."""
    try:
        return port_file.read_text().split()[0].isdigit()
    except (FileNotFoundError, IndexError):
        return False


def _page_socket_url(port: int) -> str:
    """The websocket of the first tab, from DevTools' /json/list (on this namespace's lo)."""
    deadline = time.monotonic() + 10
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/json/list")
            targets = json.loads(connection.getresponse().read())
        finally:
            connection.close()
        pages = [t for t in targets if t.get("type") == "page"]
        if pages:
            return str(pages[0]["webSocketDebuggerUrl"])
        if time.monotonic() > deadline:
            raise NetnsError("Chromium has no tab to drive")
        time.sleep(0.1)
