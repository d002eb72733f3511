"""Debian's Chromium, headless, on this host's loopback, as a clerk's desktop browser.

The same DevTools driver as the phone's (browser.py), without a network namespace: the
office service listens on 127.0.0.1 here. Adds typing (Input.insertText, as an input
method commits text, so Polish letters arrive whole) and full-page screenshots.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

from websockets.sync.client import connect

from tests.peers.browser import CHROMIUM, Page, _page_socket_url, devtools_port_written
from tests.peers.netns import wait_until
from tests.peers.processes import stop

DESK = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}


@contextlib.contextmanager
def desk_browser(profile: Path) -> Iterator[Page]:
    """Chromium with a desktop-sized viewport; its first tab."""
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={profile}",
        "--window-size=1280,900", "about:blank",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    try:
        wait_until(
            lambda: devtools_port_written(port_file), 30.0, "Chromium to open its DevTools port"
        )
        port = int(port_file.read_text().split()[0])
        with connect(_page_socket_url(port), max_size=None, open_timeout=10) as socket:
            page = Page(socket)
            page.call("Page.enable")
            page.call("Emulation.setDeviceMetricsOverride", **DESK)
            yield page
    finally:
        stop(process)


def type_into(page: Page, selector: str, text: str) -> None:
    """Click into the field, then type `text` into it."""
    page.tap(selector)
    focused = page.value(
        f"document.activeElement === document.querySelector({json.dumps(selector)})"
    )
    assert focused, f"{selector} did not take the focus"
    page.call("Input.insertText", text=text)


def submit_with(page: Page, selector: str) -> None:
    """Click a form's button and wait for the page the form leads to."""
    page.tap(selector)
    page.wait_for_load()


def full_screenshot(page: Page, out: Path) -> None:
    """The whole page, however long, at the desk's width."""
    height = int(page.value("document.documentElement.scrollHeight"))
    page.call("Emulation.setDeviceMetricsOverride", **{**DESK, "height": max(height, 600)})
    page.screenshot(out)
    page.call("Emulation.setDeviceMetricsOverride", **DESK)
