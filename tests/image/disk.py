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
        return copy


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
