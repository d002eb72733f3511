-- Retention: when a closed case's personal data was removed (NULL: not yet).
-- Times are UTC ISO 8601 text, as in 0001.

ALTER TABLE cases ADD COLUMN personal_data_purged_at TEXT;
CREATE INDEX cases_by_state_and_purge ON cases (state, personal_data_purged_at);
