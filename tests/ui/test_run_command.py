"""`kiosk run` as a real process: it starts offscreen, and a second one refuses to start."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.peers.processes import stop

KIOSK = Path(sys.executable).parent / "kiosk"


def wait_for_line(process: subprocess.Popen[str], needle: str, timeout: float = 30.0) -> list[str]:
    assert process.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} never appeared; the kiosk said: {''.join(seen)[-2000:]}")


def kiosk_run(tmp_path: Path, settings: str) -> tuple[subprocess.Popen[str], list[str]]:
    """`kiosk run --windowed` offscreen with these settings (its data in tmp_path/data, its
    Qt caches in tmp_path/cache); the process and the command, for a second one."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path / "data"}"\nlog_level = "INFO"\n{settings}')
    command = [str(KIOSK), "--config", str(config), "run", "--windowed"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True), command


@pytest.mark.slow
def test_kiosk_run_starts_and_a_second_instance_refuses(tmp_path: Path) -> None:
    first, command = kiosk_run(tmp_path, "")
    try:
        lines = wait_for_line(first, "kiosk started (windowed)")
        assert any("catalogue in use: gen-000001.sqlite (82 services)" in line for line in lines)
        # From home's first frame on, collections leave out what the start made.
        collecting = wait_for_line(first, "garbage collection on;")[-1]
        assert int(collecting.split("; ")[1].split()[0]) > 10_000, collecting
        # Qt's caches (the compiled QML) under the kiosk's name, not the launcher script's.
        assert [p.name for p in (tmp_path / "cache").iterdir()] == ["infomat-kiosk"]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        second = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert second.returncode == 1
        assert second.stderr.strip().endswith("kiosk: another kiosk app is already running")
        assert first.poll() is None, "the first kiosk must keep running"
    finally:
        stop(first)
        assert first.stderr is not None
        first.stderr.close()


@pytest.mark.slow
def test_kiosk_run_with_a_damaged_outbox_keeps_serving_and_stops_cleanly(tmp_path: Path) -> None:
    """Forms then say to ask at the office; the catalogue stays on screen, and the sender that
    cannot open the file is no reason to crash or to fail at SIGTERM."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "outbox.sqlite").write_bytes(b"not a database at all, but Zazolc gesla jazn " * 50)
    kiosk, _ = kiosk_run(tmp_path, "[metrics]\nenabled = false\n")
    try:
        lines = wait_for_line(kiosk, "applications are not sent")
        assert any("the outbox file is damaged" in line for line in lines)
        time.sleep(1.5)  # the rest of the start (the collector's set-aside) still happens
        assert kiosk.poll() is None, "the kiosk keeps showing the catalogue"
    finally:
        kiosk.terminate()
        try:
            _, rest = kiosk.communicate(timeout=20)
        finally:
            stop(kiosk)  # a kiosk that did not stop in time is killed, never left running
    said = "".join(lines) + rest
    assert kiosk.returncode == 0, said[-2000:]
    assert "set aside from the collector" in said
    assert "Traceback" not in said and "TypeError" not in said and "CRITICAL" not in said
