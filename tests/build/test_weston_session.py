"""The kiosk under weston as the package runs it (its weston.ini, kiosk shell, pixman): the
app says READY=1 through weston, fills the output, and weston quits when the app quits (so
systemd restarts both). weston runs on its X11 backend in an Xvfb here: its headless backend
has no seat, and Debian 12's kiosk shell shows no window without one (docs/platform-notes.md,
"Kiosk session under weston")."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from PIL import Image

from tests.window.processes import Xvfb

ROOT = Path(__file__).resolve().parents[2]
KIOSK = Path(sys.executable).parent / "kiosk"
SHIPPED_INI = ROOT / "build" / "deb" / "share" / "weston.ini"
TOOLS = ("weston", "weston-screenshooter", "Xvfb", "xkbcomp")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(shutil.which(t) for t in TOOLS), reason="needs weston and Xvfb (make test-debs)"
    ),
]


def session_files(tmp_path: Path) -> tuple[Path, Path]:
    """The package's weston.ini with its [autolaunch] pointed at this checkout's kiosk."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\nlog_level = "INFO"\n[metrics]\nenabled = false\n'
    )
    session = tmp_path / "kiosk-session"
    session.write_text(
        f"#!/bin/sh\nexport QT_QPA_PLATFORM=wayland\nexec {KIOSK} --config {config} run\n"
    )
    session.chmod(0o755)
    ini = tmp_path / "weston.ini"
    shipped = SHIPPED_INI.read_text()
    assert "path=/usr/lib/infomat/kiosk-session" in shipped
    ini.write_text(shipped.replace("path=/usr/lib/infomat/kiosk-session", f"path={session}"))
    return ini, session


def start_weston(
    tmp_path: Path, ini: Path, notify_name: str, display: str
) -> subprocess.Popen[bytes]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),
        "NOTIFY_SOCKET": "@" + notify_name,
        "DISPLAY": display,
    }
    env.pop("WAYLAND_DISPLAY", None)
    # --debug only here: it lets weston-screenshooter take the test's pictures. The child
    # keeps its own copy of the log's descriptor.
    with (tmp_path / "session.log").open("wb") as log:
        return subprocess.Popen(
            ["weston", "--backend=x11-backend.so", "--shell=kiosk-shell.so", "--use-pixman",
             "--width=1280", "--height=720", f"--config={ini}", "--socket=wayland-infomat",
             "--debug"],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
        )  # fmt: skip


def screenshot(tmp_path: Path) -> Image.Image:
    shots = tmp_path / "shots"
    shots.mkdir(exist_ok=True)
    for old in shots.iterdir():
        old.unlink()
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "WAYLAND_DISPLAY": "wayland-infomat",
    }
    subprocess.run(["weston-screenshooter"], env=env, cwd=shots, check=True, timeout=20)
    (shot,) = shots.iterdir()
    with Image.open(shot) as opened:
        return opened.convert("RGB")


def test_the_kiosk_fills_westons_output_and_weston_quits_with_it(tmp_path: Path) -> None:
    ini, _ = session_files(tmp_path)
    name = f"infomat-weston-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
        notify.bind("\0" + name)
        notify.settimeout(60)
        xvfb = Xvfb(1280, 720)
        try:
            weston = start_weston(tmp_path, ini, name, xvfb.display)
        except BaseException:
            xvfb.stop()  # no screen left behind when weston cannot start
            raise
        try:
            ready = notify.recv(4096).decode()
            assert ready.startswith("READY=1"), ready
            image = Image.new("RGB", (1, 1))
            deadline = time.monotonic() + 15
            # The first frames may still be weston's; wait for the kiosk's home screen.
            while time.monotonic() < deadline:
                image = screenshot(tmp_path)
                if dark_share(image) < 0.02 and colours(image) >= 16:
                    break
                time.sleep(0.5)
            image.save(tmp_path / "home.png")
            assert image.size == (1280, 720)
            assert dark_share(image) < 0.02, "weston's black background shows: not full screen"
            assert colours(image) >= 16, "the output shows no kiosk screen"
            app = app_pid(weston.pid)
            os.kill(app, signal.SIGKILL)  # the app dies: weston must go too ([autolaunch] watch)
            weston.wait(timeout=20)
        finally:
            if weston.poll() is None:
                weston.send_signal(signal.SIGTERM)
                weston.wait(timeout=15)
            xvfb.stop()


def app_pid(weston_pid: int) -> int:
    """The kiosk app: the child weston autolaunched (exec'd by the session script)."""
    children = Path(f"/proc/{weston_pid}/task/{weston_pid}/children").read_text().split()
    for child in map(int, children):
        if "kiosk" in Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace"):
            return child
    raise AssertionError(f"no kiosk app among weston's children {children}")


def samples(image: Image.Image, step: int = 8) -> list[tuple[int, int, int]]:
    small = image.resize((image.width // step, image.height // step), Image.Resampling.NEAREST)
    return [small.getpixel((x, y)) for y in range(small.height) for x in range(small.width)]  # type: ignore[misc]


def dark_share(image: Image.Image) -> float:
    """Share of pure black pixels: weston's background wherever no window covers the output."""
    pixels = samples(image)
    return sum(1 for p in pixels if p == (0, 0, 0)) / max(1, len(pixels))


def colours(image: Image.Image) -> int:
    return len(set(samples(image)))
