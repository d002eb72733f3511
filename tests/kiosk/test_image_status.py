"""The image's version, slot and last update, as the heartbeat and the metrics report them.

The files are the ones the image's scripts write (build/image/rootfs/usr/lib/infomat-image);
the VM test (tests/image/test_update.py) checks the scripts write them so on a real update.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.image_status import ImageStatus, ImageStatusReader, LastUpdate
from kiosk.metrics import KioskMetrics
from tests.kiosk.test_metrics import scrape, value

CMDLINE = "BOOT_IMAGE=/vmlinuz root=PARTUUID=x ro rauc.slot=B panic=10 console=ttyS0\n"
ROLLED_BACK = {
    "state": "rolled-back",
    "slot": "A",
    "version": "0.2.0+202612061030",
    "reason": "the kiosk did not start from the new slot; back on the old one",
    "at": "2026-12-06T10:40:00Z",
}


def reader(tmp_path: Path, cmdline: str = CMDLINE, version: str = "0.1.0\n") -> ImageStatusReader:
    (tmp_path / "version").write_text(version, encoding="utf-8")
    (tmp_path / "cmdline").write_text(cmdline, encoding="utf-8")
    return ImageStatusReader(tmp_path, tmp_path / "version", tmp_path / "cmdline")


def test_off_the_image_there_is_no_image_status(tmp_path: Path) -> None:
    assert ImageStatusReader(tmp_path, tmp_path / "missing", tmp_path / "cmdline").read() is None


def test_the_slot_version_and_last_update_are_read_from_the_images_files(tmp_path: Path) -> None:
    status_reader = reader(tmp_path)
    assert status_reader.read() == ImageStatus("0.1.0", "B", None)
    (tmp_path / "image-update.json").write_text(json.dumps(ROLLED_BACK), encoding="utf-8")
    assert status_reader.read() == ImageStatus("0.1.0", "B", LastUpdate(**ROLLED_BACK))


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({**ROLLED_BACK, "state": "exploded"}),
        json.dumps({**ROLLED_BACK, "version": 2}),
        json.dumps([ROLLED_BACK]),
        "",
    ],
    ids=["damaged", "unknown-state", "number", "list", "empty"],
)
def test_a_state_file_the_kiosk_cannot_read_is_no_last_update(tmp_path: Path, content: str) -> None:
    status_reader = reader(tmp_path)
    (tmp_path / "image-update.json").write_text(content, encoding="utf-8")
    assert status_reader.read() == ImageStatus("0.1.0", "B", None)


def test_odd_version_and_command_line_are_not_passed_on(tmp_path: Path) -> None:
    odd = reader(tmp_path, cmdline="ro rauc.slot=C quiet\n", version='1.0"; rm -rf /\n')
    assert odd.read() == ImageStatus("unknown", "", None)


def test_heartbeat_and_metrics_report_a_rolled_back_update(tmp_path: Path) -> None:
    (tmp_path / "image-update.json").write_text(json.dumps(ROLLED_BACK), encoding="utf-8")
    status = StatusReader("k-1", "9.9.9", StatusSources(image=reader(tmp_path).read))
    assert status.read().as_dict()["image"] == {
        "version": "0.1.0",
        "slot": "B",
        "last_update": ROLLED_BACK,
    }
    server = KioskMetrics(status).serve("127.0.0.1", 0)
    try:
        samples = scrape(server)
    finally:
        server.stop()
    p = "infomat_kiosk_"
    assert value(samples, p + "image_info", slot="B", version="0.1.0") == 1
    assert value(samples, p + "image_update_state", state="rolled-back") == 1
    assert value(samples, p + "image_update_state", state="updated") == 0
    assert value(samples, p + "image_update_state", state="refused") == 0


def test_a_download_that_failed_is_reported_as_the_network_updater_writes_it(
    tmp_path: Path,
) -> None:
    """net-update writes no slot for a bundle that never came (build/image/rootfs/...)."""
    failed = {**ROLLED_BACK, "state": "download-failed", "slot": "", "version": "0.2.0"}
    (tmp_path / "image-update.json").write_text(json.dumps(failed), encoding="utf-8")
    status = StatusReader("k-1", "9.9.9", StatusSources(image=reader(tmp_path).read))
    image = status.read().as_dict()["image"]
    assert isinstance(image, dict)
    assert image["last_update"] == failed
    server = KioskMetrics(status).serve("127.0.0.1", 0)
    try:
        samples = scrape(server)
    finally:
        server.stop()
    assert value(samples, "infomat_kiosk_image_update_state", state="download-failed") == 1
    assert value(samples, "infomat_kiosk_image_update_state", state="refused") == 0
