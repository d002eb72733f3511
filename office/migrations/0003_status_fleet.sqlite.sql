-- Heartbeats: a kiosk's Ed25519 public key (base64, as the kiosk sends it) and its
-- last accepted heartbeat. Times are UTC ISO 8601 text.

CREATE TABLE kiosk_keys (
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (kiosk_id),
    public_key TEXT NOT NULL UNIQUE
);

CREATE TABLE heartbeats (
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (kiosk_id),
    received_at TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    version TEXT NOT NULL,
    uptime_s REAL,
    catalogue_generation TEXT,
    catalogue_age_s REAL,
    outbox_queued INTEGER,
    outbox_rejected INTEGER,
    oldest_queued_age_s REAL,
    printer_state TEXT,
    body TEXT NOT NULL
);
