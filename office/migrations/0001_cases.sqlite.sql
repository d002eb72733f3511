-- The case register: offices' counters, cases, their state history, kiosks.
-- Times are UTC ISO 8601 text; the document is the application's canonical JSON.

CREATE TABLE case_counters (
    tenant_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    body_sha256 TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    case_number TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('received', 'in_progress', 'needs_more', 'ready', 'closed')),
    document TEXT,
    UNIQUE (tenant_id, year, number),
    UNIQUE (tenant_id, case_number)
);
CREATE INDEX cases_by_office_and_time ON cases (tenant_id, received_at);

CREATE TABLE case_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    state TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_history_by_case ON case_history (case_id, changed_at);

CREATE TABLE kiosks (
    kiosk_id TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
);

CREATE TABLE kiosk_offices (
    kiosk_id TEXT NOT NULL REFERENCES kiosks (kiosk_id),
    tenant_id TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, tenant_id)
);
