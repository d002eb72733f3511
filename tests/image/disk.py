"""What a stopped VM left on its disk: GRUB's environment on the ESP and files of the data
partition, read from the overlay without mounting anything (qemu-img, sfdisk, mtools, debugfs).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

SECTOR = 512


class StoppedDisk:
    """The overlay of a VM that has stopped, flattened to a sparse raw file once."""

    def __init__(self, overlay: Path) -> None:
        self.raw = overlay.with_suffix(".raw")
        subprocess.run(
            ["qemu-img", "convert", "-O", "raw", str(overlay), str(self.raw)], check=True
        )
        table = json.loads(
            subprocess.run(
                ["sfdisk", "--json", str(self.raw)], check=True, capture_output=True, text=True
            ).stdout
        )
        self._partitions = {
            p["name"]: (p["start"], p["size"]) for p in table["partitiontable"]["partitions"]
        }

    def grubenv(self) -> dict[str, str]:
        """ORDER, A_OK, A_TRY, ... as GRUB and RAUC left them."""
        start, _ = self._partitions["esp"]
        text = subprocess.run(
            ["mtype", "-i", f"{self.raw}@@{start * SECTOR}", "::/EFI/BOOT/grubenv"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
        return {key: value for key, value in pairs if not key.startswith("#")}

    def data_file(self, path: str) -> str | None:
        """A file of the data partition (/var/lib/infomat), or None when it is not there."""
        image = self._partition_copy("infomat-data")
        return _cat(image, path)

    def slot_file(self, slot: str, path: str) -> str | None:
        """A file of root slot A or B, or None when the slot holds no such file (or nothing)."""
        return _cat(self._partition_copy(f"rootfs-{slot.lower()}"), path)

    def _partition_copy(self, name: str) -> Path:
        copy = self.raw.with_name(f"{name}.img")
        if not copy.exists():
            start, size = self._partitions[name]
            subprocess.run(
                ["dd", f"if={self.raw}", f"of={copy}", "bs=4M", "iflag=skip_bytes,count_bytes",
                 f"skip={start * SECTOR}", f"count={size * SECTOR}", "conv=sparse", "status=none"],
                check=True,
            )  # fmt: skip
            if name != "esp":
                _replay_journal(copy)
        return copy


def _replay_journal(file_system: Path) -> None:
    """Apply what the journal holds, as the kernel does when it mounts the file system.

    The VM stops by power-off: a write the guest made durable (fsync) may still sit in the
    ext4 journal, and debugfs reads the file system without replaying it (it showed a file's
    older inode with zeroed data). e2fsck replays it; exit 1 and 2 mean it changed things.
    """
    result = subprocess.run(
        ["e2fsck", "-fy", str(file_system)], check=False, capture_output=True, text=True
    )
    if result.returncode not in (0, 1, 2):
        raise RuntimeError(f"e2fsck {file_system}: {result.returncode}\n{result.stdout}")


def _cat(file_system: Path, path: str) -> str | None:
    """A file of an ext4 image, or None (no such file, or no ext4 file system at all)."""
    result = subprocess.run(
        ["debugfs", "-R", f"cat {path}", str(file_system)],
        check=False,  # its status says little: the message tells a missing file apart
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or "not found" in result.stderr or "Bad magic" in result.stderr:
        return None
    return result.stdout
