"""The kiosk under cage's headless backend, as the image runs it: the window fills the output.

cage refuses to run as root, so it runs in a user namespace; the output is fixed at 1280x720
there. `-r -r` (rotated twice) makes grim's screenshots current. All three are in
docs/platform-notes.md, "Kiosk session under cage".
"""

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

KIOSK = Path(sys.executable).parent / "kiosk"
TOOLS = ("cage", "grim", "unshare", "Xwayland")

pytestmark = [
    pytest.mark.root,
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="runs cage in a user namespace: needs root"),
    pytest.mark.skipif(
        not all(shutil.which(t) for t in TOOLS), reason="needs cage, xwayland, grim (test-debs)"
    ),
]


def test_the_kiosk_window_fills_the_cage_output(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\nlog_level = "INFO"\n[metrics]\nenabled = false\n'
    )
    name = f"infomat-cage-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "wayland",
        "NOTIFY_SOCKET": "@" + name,
    }
    log = (tmp_path / "session.log").open("wb")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
        notify.bind("\0" + name)
        notify.settimeout(30)
        cage = subprocess.Popen(
            ["unshare", "--user", "--map-user=1000", "--map-group=1000",
             "cage", "-d", "-r", "-r", "--", str(KIOSK), "--config", str(config), "run"],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            ready = notify.recv(4096).decode()
            assert ready.startswith("READY=1"), ready
            shot = tmp_path / "output.png"
            image = Image.new("RGB", (1, 1))
            deadline = time.monotonic() + 10
            # The first frames may still be cage's; wait for the kiosk's home screen.
            while time.monotonic() < deadline:
                wayland = {**env, "WAYLAND_DISPLAY": "wayland-0"}
                subprocess.run(["grim", str(shot)], env=wayland, check=True, timeout=10)
                with Image.open(shot) as opened:
                    image = opened.convert("RGB")
                if dark_share(image) < 0.02:
                    break
                time.sleep(0.3)
            assert image.size == (1280, 720)
            assert dark_share(image) < 0.02, "cage's black background shows: not full screen"
            assert colours(image) >= 16, "the output shows no kiosk screen"
        finally:
            cage.send_signal(signal.SIGTERM)
            cage.wait(timeout=15)
            log.close()


def samples(image: Image.Image, step: int = 8) -> list[tuple[int, int, int]]:
    small = image.resize((image.width // step, image.height // step), Image.Resampling.NEAREST)
    return [small.getpixel((x, y)) for y in range(small.height) for x in range(small.width)]  # type: ignore[misc]


def dark_share(image: Image.Image) -> float:
    """Share of pure black pixels: cage's background wherever no window covers the output."""
    pixels = samples(image)
    return sum(1 for p in pixels if p == (0, 0, 0)) / max(1, len(pixels))


def colours(image: Image.Image) -> int:
    return len(set(samples(image)))
