"""`kiosk run` under systemd's eyes: READY after the first frame, watchdog pings from the GUI
event loop (none while it hangs), metrics served, STOPPING and exit 0 on SIGTERM."""

from __future__ import annotations

import gc
import logging
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.composition import Services
from kiosk.config import KioskConfig, MetricsConfig
from kiosk.fleet_apply import fleet_folder, load_effective_config
from kiosk.sd_notify import SystemdNotifier
from tests.kiosk.fleet_helpers import GROUP, document, kiosk_toml, signature
from tests.peers.catalogue_server import CatalogueServer
from tests.ui.test_run_command import KIOSK, wait_for_line
from ui import frame_watch
from ui.kiosk_app import KioskApp
from ui.kiosk_lifecycle import KioskLifecycle
from ui.screenshots import settle


@pytest.fixture
def notify_socket() -> Iterator[tuple[str, socket.socket]]:
    name = f"infomat-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        yield "@" + name, sock


def messages(sock: socket.socket, wait_s: float = 0.0) -> list[str]:
    """Every datagram waiting now (or arriving within `wait_s` when none is waiting)."""
    found: list[str] = []
    sock.settimeout(wait_s or None)
    if wait_s == 0:
        sock.setblocking(False)
    try:
        while True:
            found.append(sock.recv(4096).decode("utf-8"))
            sock.setblocking(False)
    except (BlockingIOError, TimeoutError):
        return found


def first_frame_messages(kiosk_app: KioskApp, sock: socket.socket) -> list[str]:
    """Draws a new frame (the lifecycle's "first frame") and returns the first datagrams
    that follow it, waiting up to 10 s for them."""
    kiosk_app.window.update()
    deadline = time.monotonic() + 10
    found = messages(sock)
    while not found and time.monotonic() < deadline:
        settle(50)
        found = messages(sock)
    return found


@pytest.mark.slow
def test_kiosk_run_tells_systemd_and_serves_metrics(
    tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    address, sock = notify_socket
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'kiosk_id = "rynek-łańcut"\ndata_dir = "{tmp_path / "data"}"\nlog_level = "INFO"\n'
        "[metrics]\nport = 0\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": address,
        "WATCHDOG_USEC": "400000",
    }
    kiosk = subprocess.Popen(
        [KIOSK, "--config", str(config), "run", "--windowed"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines = wait_for_line(kiosk, "metrics served on")
        port = re.search(r"metrics served on http://127\.0\.0\.1:(\d+)/metrics", lines[-1])
        assert port is not None
        first = messages(sock, wait_s=5)
        assert first[0] == "READY=1\nSTATUS=kiosk rynek-łańcut on screen"
        time.sleep(2.0)  # half the watchdog period (0.2 s) between pings: ~10; a busy
        pings = messages(sock)  # machine (CI on 2 cores) may delay some, none may stop them
        assert 3 <= pings.count("WATCHDOG=1") <= 16, pings
        url = f"http://127.0.0.1:{port.group(1)}/metrics"
        with urllib.request.urlopen(url, timeout=5) as reply:
            text = reply.read().decode("utf-8")
        samples = {s.name: s for f in text_string_to_metric_families(text) for s in f.samples}
        assert samples["infomat_kiosk_up"].value == 1
        assert samples["infomat_kiosk_build_info"].labels["kiosk_id"] == "rynek-łańcut"
        assert samples["infomat_kiosk_catalogue_services"].value == 82
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=15) == 0
        assert "STOPPING=1" in messages(sock, wait_s=2)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        assert kiosk.stderr is not None
        kiosk.stderr.close()


def test_pings_stop_while_the_gui_thread_hangs(
    kiosk_app: KioskApp, tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    address, sock = notify_socket
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    notifier = SystemdNotifier(address, watchdog_usec=100_000)  # a ping every 50 ms
    lifecycle = KioskLifecycle(kiosk_app, services, notifier)
    try:
        assert first_frame_messages(kiosk_app, sock)[0].startswith("READY=1")
        settle(400)
        assert messages(sock).count("WATCHDOG=1") >= 4
        time.sleep(0.6)  # the GUI thread hangs: its timer cannot fire
        assert messages(sock) == []
        # Pings every 50 ms once the loop runs again; a loaded machine (CI beside a VM) may
        # serve the loop late, so up to 3 s for three of them.
        resumed: list[str] = []
        deadline = time.monotonic() + 3.0
        while resumed.count("WATCHDOG=1") < 3 and time.monotonic() < deadline:
            settle(100)
            resumed += messages(sock)
        assert resumed.count("WATCHDOG=1") >= 3, "pings resume with the event loop"
    finally:
        gc.unfreeze()  # the test process goes on making and dropping kiosks
        lifecycle.stop()
        lifecycle.deleteLater()
    assert messages(sock, wait_s=1) == ["STOPPING=1"]


def test_each_part_started_after_the_first_frame_is_followed_by_a_watchdog_ping(
    kiosk_app: KioskApp, tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    """All of them at once held the GUI thread past WatchdogSec on a slow machine (the
    image's VM under TCG), and systemd restarted a kiosk that was only starting: each part
    runs from the event loop and pings when done. (A 60 s watchdog: its timer pings every
    30 s, so every ping seen here is a part's.)"""
    address, sock = notify_socket
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier(address, 60_000_000))
    try:
        found = first_frame_messages(kiosk_app, sock)
        deadline = time.monotonic() + 10
        while found.count("WATCHDOG=1") < 5 and time.monotonic() < deadline:
            settle(50)
            found += messages(sock)
        assert found[0].startswith("READY=1")
        # metrics, heartbeat, filing (outbox sender, printer watch), catalogue sync, fleet poll
        assert found[1:] == ["WATCHDOG=1"] * 5
        settle(300)
        assert messages(sock) == []
    finally:
        gc.unfreeze()
        lifecycle.stop()
        lifecycle.deleteLater()


def test_on_wayland_a_touch_that_draws_nothing_is_counted_and_redrawn(
    kiosk_app: KioskApp,
    tmp_path: Path,
    notify_socket: tuple[str, socket.socket],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The frame watch (ui/frame_watch.py) as the running kiosk wires it: offscreen the frame
    ticker does not run, so a touch that changes nothing draws nothing, as a frozen screen
    would; taken for Wayland, the kiosk counts it in its metrics and draws a frame."""
    address, sock = notify_socket
    monkeypatch.setattr(frame_watch, "needed_here", lambda: True)
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier(address, 60_000_000))
    try:
        first_frame_messages(kiosk_app, sock)
        deadline = time.monotonic() + 10
        while lifecycle.frame_watch is None and time.monotonic() < deadline:
            settle(50)
        watch = lifecycle.frame_watch
        assert watch is not None, "no frame watch on Wayland"
        frames: list[int] = []
        kiosk_app.window.frameSwapped.connect(lambda: frames.append(1))
        # At rest first: a fresh kiosk still draws for a while after its first frame (the
        # keyboard and the parts the lifecycle starts), and a frame after the touch is no stall.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            frames.clear()
            settle(1500)
            if not frames:
                break
        assert not frames, "the window never came to rest"
        kiosk_app.idle.motion.emit()  # what a touch or key makes the idle watch say
        deadline = time.monotonic() + 5
        while watch.stalls == 0 and time.monotonic() < deadline:
            settle(50)
        settle(300)
        assert watch.stalls == 1, f"{len(frames)} frames drawn after the touch"
        assert frames, "the watch's request drew no frame"
        text = services.metrics.text().decode()
        assert "infomat_kiosk_frame_stalls_total 1.0" in text
    finally:
        gc.unfreeze()
        lifecycle.stop()
        lifecycle.deleteLater()


def test_a_kiosk_stopped_before_its_parts_started_starts_none_after(
    kiosk_app: KioskApp, tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    """SIGTERM right after the first frame: the parts still queued must not start (a server
    or a thread started after `stop` would be left running)."""
    address, sock = notify_socket
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier(address, 60_000_000))
    try:
        lifecycle._on_frame_swapped()  # the first frame, and the loop ends before its next turn
        lifecycle.stop()
        settle(300)
        sent = messages(sock)
        assert sent[0].startswith("READY=1")
        assert sent[1:] == ["STOPPING=1"], "a part started after the stop"
    finally:
        gc.unfreeze()
        lifecycle.deleteLater()


def test_the_units_status_says_when_nobody_is_at_the_screen(
    kiosk_app: KioskApp, tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    """The image's updater reboots into a new slot only while the status says vacant."""
    address, sock = notify_socket
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier(address))
    try:
        assert first_frame_messages(kiosk_app, sock)[0].startswith("READY=1")
        kiosk_app.idle.show_attract_now()
        assert messages(sock) == ["STATUS=vacant: the home screen, nobody at it"]
        kiosk_app.idle.show_attract_now()  # still nobody: said once
        settle(600)  # two ticks of the idle watch
        assert messages(sock) == []
        kiosk_app.idle.touch()
        assert messages(sock) == ["STATUS=in use: somebody may be at the screen"]
    finally:
        gc.unfreeze()
        lifecycle.stop()
        lifecycle.deleteLater()


def test_start_up_objects_are_set_aside_from_the_collector(
    kiosk_app: KioskApp, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A full collection walked all of them (40-60 ms) and could fall into a resident's tap."""
    services = Services(KioskConfig(data_dir=str(tmp_path), metrics=MetricsConfig(enabled=False)))
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier())
    caplog.set_level(logging.INFO, logger="ui.kiosk_lifecycle")
    gc.unfreeze()  # what an earlier lifecycle of this test process set aside
    try:
        kiosk_app.window.update()  # a new frame: the lifecycle's "first frame"
        deadline = time.monotonic() + 10
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            settle(100)
        assert gc.get_freeze_count() > 10_000, "the kiosk's own objects, not a handful"
        assert "set aside from the collector" in caplog.text
        began = time.perf_counter()
        gc.collect()
        assert time.perf_counter() - began < 0.03, "a full collection no longer walks them"
    finally:
        gc.unfreeze()  # the test process goes on making and dropping kiosks
        lifecycle.stop()
        lifecycle.deleteLater()


def test_the_running_kiosk_pulls_its_groups_fleet_config_after_the_first_frame(
    kiosk_app: KioskApp, tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    body = document({"screen": {"idle_s": 45}})
    catalogue_server.publish(f"/fleet/{GROUP}.json", body)
    catalogue_server.publish(f"/fleet/{GROUP}.json.sig", signature(body))
    path = kiosk_toml(tmp_path, f"{catalogue_server.base_url}/fleet/{GROUP}.json",
                      extra="[metrics]\nenabled = false")  # fmt: skip
    effective = load_effective_config(path)
    services = Services(effective.config, effective.local)
    lifecycle = KioskLifecycle(kiosk_app, services, SystemdNotifier())
    kept = fleet_folder(effective.config) / "current.json"
    try:
        kiosk_app.window.update()  # a new frame: the lifecycle's "first frame"
        deadline = time.monotonic() + 10
        while not kept.exists() and time.monotonic() < deadline:
            settle(100)
        assert load_effective_config(path).config.screen.idle_s == 45, "at the next start"
    finally:
        gc.unfreeze()
        lifecycle.stop()
        lifecycle.deleteLater()
    assert services.fleet_poll is not None
    assert not services.fleet_poll._thread.is_alive(), "the pull stops with the kiosk"
