-- The clerks' side: accounts and their offices, sessions, failed logins (for throttling),
-- internal notes, the audit log of clerks' actions, and who a case is assigned to.
-- Times are UTC ISO 8601 text, as in 0001.

ALTER TABLE cases ADD COLUMN assignee TEXT NOT NULL DEFAULT '';

CREATE TABLE clerks (
    login TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE clerk_offices (
    login TEXT NOT NULL REFERENCES clerks (login),
    tenant_id TEXT NOT NULL,
    PRIMARY KEY (login, tenant_id)
);

CREATE TABLE clerk_sessions (
    token_sha256 TEXT PRIMARY KEY,
    login TEXT NOT NULL REFERENCES clerks (login),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, failed_at);

CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    author TEXT NOT NULL,
    written_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, written_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id INTEGER REFERENCES cases (id),
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_case ON audit_log (case_id, at);
