-- Heartbeats: a kiosk's Ed25519 public key (base64, as the kiosk sends it) and its
-- last accepted heartbeat.

CREATE TABLE kiosk_keys (
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (kiosk_id),
    public_key TEXT NOT NULL UNIQUE
);

CREATE TABLE heartbeats (
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (kiosk_id),
    received_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    version TEXT NOT NULL,
    uptime_s DOUBLE PRECISION,
    catalogue_generation TEXT,
    catalogue_age_s DOUBLE PRECISION,
    outbox_queued INTEGER,
    outbox_rejected INTEGER,
    oldest_queued_age_s DOUBLE PRECISION,
    printer_state TEXT,
    body TEXT NOT NULL
);
