"""SQLite-backed offline catalogue, its signed sync and the outbox (no Qt, nothing of ours)."""
