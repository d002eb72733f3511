-- E-mail to residents: each message a clerk wrote, queued with the move that carried it,
-- sent by a background job with retries (claimed_until: an instance is sending it).
-- Times are UTC ISO 8601 text, as in 0001.

CREATE TABLE resident_mail (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX resident_mail_due ON resident_mail (state, next_attempt_at);
CREATE INDEX resident_mail_by_case ON resident_mail (case_id, queued_at);
