"""The fleet config on the kiosk's disk: the one in use, the last good one before it, the status.

Layout of `DATA_DIR/fleet/` (readable by the kiosk's user alone):
    current.json      the signed document in use, its signature and the server's ETag
    previous.json     the one before it (kept as the catalogue keeps its last good generation)
    sync-status.json  what the last check did (the same shape as the catalogue's)
Each file is written beside and renamed into place, so a reader sees the old or the new one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from offline_cache.sync_status import SyncStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredFleet:
    """A fleet config as it came from the server, signature and cache validators included."""

    document: bytes
    signature: bytes
    url: str
    etag: str = ""
    last_modified: str = ""

    def to_json(self) -> bytes:
        record = {
            "url": self.url,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "signature": self.signature.decode("ascii"),
            "document": self.document.decode("utf-8"),  # checked UTF-8: the bytes come back
        }
        return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> StoredFleet:
        record = json.loads(raw)
        return cls(
            document=str(record["document"]).encode("utf-8"),
            signature=str(record["signature"]).encode("ascii"),
            url=str(record["url"]),
            etag=str(record["etag"]),
            last_modified=str(record["last_modified"]),
        )


class FleetStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def status_path(self) -> Path:
        return self.folder / "sync-status.json"

    def current(self) -> StoredFleet | None:
        """The fleet config in use: current.json, or previous.json when that cannot be read."""
        for name in ("current.json", "previous.json"):
            stored = self._read(self.folder / name)
            if stored is not None:
                return stored
        return None

    def keep(self, stored: StoredFleet) -> None:
        """Make `stored` the current one; the current one becomes previous.json."""
        self._make_folder()
        current = self.folder / "current.json"
        if current.exists():
            self._write(self.folder / "previous.json", current.read_bytes())
        self._write(current, stored.to_json())

    def status(self) -> SyncStatus:
        try:
            return SyncStatus(**json.loads(self.status_path.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError, TypeError):
            return SyncStatus()

    def save_status(self, status: SyncStatus) -> None:
        self._make_folder()
        self._write(self.status_path, json.dumps(asdict(status), indent=1).encode("utf-8"))

    def _read(self, path: Path) -> StoredFleet | None:
        try:
            return StoredFleet.from_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, UnicodeError) as exc:
            log.warning("fleet config %s cannot be read (%s); skipping it", path.name, exc)
            return None

    def _make_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    def _write(self, path: Path, data: bytes) -> None:
        # A name of its own per writer (mode 0600): the app and `kiosk fleet pull` may write
        # at the same moment, and each file renamed into place is then one writer's whole.
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
