"""What the last catalogue sync did, for the screens (ui/ reaches offline_cache through kiosk/)."""

from offline_cache.sync_status import Outcome, SyncStatus

__all__ = ["Outcome", "SyncStatus"]
