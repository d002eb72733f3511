"""What the last catalogue sync did: read by the kiosk's screens without importing the sync
itself (HTTP, signatures and the catalogue builder are ~0.3 s of imports off the start)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["updated", "unchanged", "failed"]


@dataclass
class SyncStatus:
    """What the last sync did; kept in `sync-status.json` beside the generations."""

    outcome: Outcome | None = None
    reason: str = ""
    kind: str = ""  # of the last failure: network, http, signature, invalid, disk, too_large
    finished_at: str = ""
    last_success_at: str = ""
    failures: dict[str, int] = field(default_factory=dict)
