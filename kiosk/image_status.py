"""Which image a kiosk runs and how its last update ended, for the heartbeat and the metrics.

On the kiosk image (docs/image.md) the slot's root holds its version
(/usr/lib/infomat-image/version), GRUB names the booted slot on the kernel command line
(`rauc.slot=A`), and the image's update scripts keep the outcome of the last update in the
data folder (`image-update.json`: installed, updated, rolled-back, refused or
download-failed). A kiosk
installed from the .deb on an ordinary system has none of these: it reports no image.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

VERSION_FILE = Path("/usr/lib/infomat-image/version")
CMDLINE_FILE = Path("/proc/cmdline")
STATE_FILE_NAME = "image-update.json"

# What the image's scripts write (build/image/rootfs/usr/lib/infomat-image/update-state.sh).
UPDATE_STATES = ("installed", "updated", "rolled-back", "refused", "download-failed")
_VERSION = re.compile(r"[A-Za-z0-9.+~_-]{1,64}")
_SLOT = re.compile(r"(?:^|\s)rauc\.slot=([AB])(?:\s|$)")


@dataclass(frozen=True)
class LastUpdate:
    state: str  # one of UPDATE_STATES
    version: str  # the bundle's version; "" when a refused bundle named none
    slot: str  # the slot it went into; "" when refused
    reason: str
    at: str


@dataclass(frozen=True)
class ImageStatus:
    version: str
    slot: str  # "A" or "B"; "" when the kernel command line names none
    last_update: LastUpdate | None


class ImageStatusReader:
    """Reads the three files afresh each time (an update changes them while the app runs)."""

    def __init__(
        self,
        data_dir: Path,
        version_file: Path = VERSION_FILE,
        cmdline_file: Path = CMDLINE_FILE,
    ) -> None:
        self._state_file = data_dir / STATE_FILE_NAME
        self._version_file = version_file
        self._cmdline_file = cmdline_file

    def read(self) -> ImageStatus | None:
        """None off the image; a damaged state file reads as no last update."""
        try:
            version = self._version_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not _VERSION.fullmatch(version):
            version = "unknown"
        return ImageStatus(version, self._booted_slot(), self._last_update())

    def _booted_slot(self) -> str:
        try:
            match = _SLOT.search(self._cmdline_file.read_text(encoding="utf-8"))
        except OSError:
            return ""
        return match.group(1) if match else ""

    def _last_update(self) -> LastUpdate | None:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("state") not in UPDATE_STATES:
            return None
        fields = [data.get(key) for key in ("state", "version", "slot", "reason", "at")]
        strings = [value for value in fields if isinstance(value, str)]
        if len(strings) != len(fields):
            return None
        return LastUpdate(*strings)
