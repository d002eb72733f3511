"""The image's data partition grows to the end of a larger disk, and nothing else moves.

A small disk is laid out with the image's own partition table (build/image/disk-layout.sh),
made larger as a technician's bigger disk would be, and repartitioned by the real
systemd-repart with the image's definitions (build/image/rootfs/usr/lib/repart.d), as the
kiosk does at every boot. The VM test (tests/image/test_boot.py) boots the image on a larger
disk and finds the file system grown too (systemd-growfs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYOUT = ROOT / "build" / "image" / "disk-layout.sh"
DEFINITIONS = ROOT / "build" / "image" / "rootfs" / "usr" / "lib" / "repart.d"
MIB = 1024 * 1024
SECTOR = 512
# Small sizes, the image's layout: ESP, slot A, slot B, data (MiB).
SIZES = {"esp_mib": 2, "slot_mib": 8, "data_mib": 16}  # repart wants >= 10 MiB
DISK_MIB = 1 + 2 + 2 * 8 + 16 + 1

pytestmark = pytest.mark.skipif(
    shutil.which("systemd-repart") is None or shutil.which("sfdisk") is None,
    reason="needs systemd-repart and sfdisk (systemd, fdisk)",
)


def make_disk(path: Path) -> None:
    """The image's partition table on a sparse file, a marker at the data partition's start."""
    sizes = " ".join(f"{k}={v}" for k, v in SIZES.items())
    table = subprocess.run(
        ["bash", "-c", f'. "{LAYOUT}"; {sizes}; partition_table'],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    with path.open("wb") as disk:
        disk.truncate(DISK_MIB * MIB)
    subprocess.run(["sfdisk", "--quiet", str(path)], input=table, text=True, check=True)
    data_start = partitions(path)["infomat-data"]["start"] * SECTOR
    with path.open("r+b") as disk:
        disk.seek(data_start)
        disk.write(b"infomat data kept")


def partitions(path: Path) -> dict[str, dict[str, Any]]:
    """The GPT's partitions by name, as sfdisk reads them (start and size in sectors)."""
    done = subprocess.run(["sfdisk", "--json", str(path)], capture_output=True, check=True)
    table = json.loads(done.stdout)["partitiontable"]
    return {p["name"]: p for p in table["partitions"]}


def repart(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemd-repart", "--dry-run=no", f"--definitions={DEFINITIONS}", "--no-pager",
         str(path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


def grow_file(path: Path, mib: int) -> None:
    with path.open("r+b") as disk:
        disk.truncate(mib * MIB)


def test_the_data_partition_grows_to_the_end_of_a_larger_disk(tmp_path: Path) -> None:
    disk = tmp_path / "disk.img"
    make_disk(disk)
    before = partitions(disk)
    grow_file(disk, 4 * DISK_MIB)

    done = repart(disk)

    assert done.returncode == 0, done.stderr
    after = partitions(disk)
    assert list(after) == ["esp", "rootfs-a", "rootfs-b", "infomat-data"]
    for name in ("esp", "rootfs-a", "rootfs-b"):
        assert after[name] == before[name], name
    data = after["infomat-data"]
    assert data["start"] == before["infomat-data"]["start"]
    assert data["uuid"] == before["infomat-data"]["uuid"]
    # To the end, less the GPT's backup (33 sectors) and repart's alignment (at most 4 KiB).
    end = (data["start"] + data["size"]) * SECTOR
    assert 4 * DISK_MIB * MIB - end <= 33 * SECTOR + 4096, (end, data)
    assert data["size"] > 3 * before["infomat-data"]["size"]
    with disk.open("rb") as image:
        image.seek(data["start"] * SECTOR)
        assert image.read(17) == b"infomat data kept"


def test_a_second_boot_changes_nothing(tmp_path: Path) -> None:
    disk = tmp_path / "disk.img"
    make_disk(disk)
    grow_file(disk, 2 * DISK_MIB)
    assert repart(disk).returncode == 0
    grown = partitions(disk)
    table = disk.read_bytes()[: 34 * SECTOR]

    again = repart(disk)

    assert again.returncode == 0, again.stderr
    assert partitions(disk) == grown
    assert disk.read_bytes()[: 34 * SECTOR] == table


def test_a_disk_of_the_image_size_keeps_its_layout(tmp_path: Path) -> None:
    """The image's own disk: the data partition takes at most the last MiB the layout leaves
    for the GPT's backup, and fails nothing (a unit failing at every boot would hide one that
    matters)."""
    disk = tmp_path / "disk.img"
    make_disk(disk)
    before = partitions(disk)

    done = repart(disk)

    assert done.returncode == 0, done.stderr
    after = partitions(disk)
    for name in ("esp", "rootfs-a", "rootfs-b"):
        assert after[name] == before[name], name
    grown = after["infomat-data"]["size"] - before["infomat-data"]["size"]
    assert after["infomat-data"]["start"] == before["infomat-data"]["start"]
    assert 0 <= grown * SECTOR < MIB
