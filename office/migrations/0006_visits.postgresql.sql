-- Visits and queue tickets (issue 15). Days are the office's (Polish) calendar dates,
-- YYYY-MM-DD text, as on SQLite.

-- Days an administrator closed the office for visits (beside the public holidays).
CREATE TABLE visit_days_off (
    tenant_id TEXT NOT NULL,
    day TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    set_by TEXT NOT NULL,
    set_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, day)
);

CREATE TABLE visit_bookings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    kiosk_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'pl',
    consent_version TEXT NOT NULL,
    booked_at TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'called', 'no_show', 'served')),
    cancelled_at TIMESTAMPTZ,
    personal_data_purged_at TIMESTAMPTZ,
    UNIQUE (kiosk_id, idempotency_key)
);
-- No double booking, however many instances book at once: one live booking per desk
-- and start time (a cancelled one frees its slot).
CREATE UNIQUE INDEX visit_bookings_one_per_slot
    ON visit_bookings (tenant_id, desk, starts_at) WHERE state <> 'cancelled';
CREATE INDEX visit_bookings_by_day ON visit_bookings (tenant_id, starts_at);

CREATE TABLE visit_ticket_counters (
    tenant_id TEXT NOT NULL,
    day TEXT NOT NULL,
    queue TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, day, queue)
);

CREATE TABLE visit_tickets (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    day TEXT NOT NULL,
    queue TEXT NOT NULL,
    number INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'no_show', 'served')),
    UNIQUE (tenant_id, day, queue, number),
    UNIQUE (kiosk_id, idempotency_key)
);

-- Every call at a desk, for the clerk's page and the waiting-room display: a booking
-- (label: its time, 10:30) or a ticket (label: A017). Nothing personal.
CREATE TABLE visit_calls (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    label TEXT NOT NULL,
    booking_id BIGINT REFERENCES visit_bookings (id),
    ticket_id BIGINT REFERENCES visit_tickets (id),
    called_at TIMESTAMPTZ NOT NULL,
    called_by TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT 'called' CHECK (outcome IN ('called', 'no_show', 'served')),
    ended_at TIMESTAMPTZ
);
CREATE INDEX visit_calls_by_office ON visit_calls (tenant_id, id);
