-- Retention: when a closed case's personal data was removed (NULL: not yet).

ALTER TABLE cases ADD COLUMN personal_data_purged_at TIMESTAMPTZ;
CREATE INDEX cases_by_state_and_purge ON cases (state, personal_data_purged_at);
