"""The outbox file's schema, as ordered migrations (PRAGMA user_version)."""

from __future__ import annotations

import sqlite3

from offline_cache.migrations import Migration


def _create_submissions(conn: sqlite3.Connection) -> None:
    # Times are ISO 8601 in UTC with milliseconds ("...T10:00:00.123+00:00"), so they sort
    # as text. `answers` (JSON) is the only personal data and becomes NULL when purged.
    conn.execute(
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            filed_at TEXT NOT NULL,
            kiosk_id TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            service_id TEXT NOT NULL,
            service_name TEXT NOT NULL,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            language TEXT NOT NULL,
            consent_version TEXT NOT NULL,
            answers TEXT,
            answer_labels TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            next_attempt_at TEXT,
            delivered_at TEXT,
            case_number TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            purged_at TEXT
        )
        """
    )
    conn.execute("CREATE INDEX submissions_due ON submissions (state, next_attempt_at, id)")


OUTBOX_MIGRATIONS = (Migration(1, "submissions table", _create_submissions),)
