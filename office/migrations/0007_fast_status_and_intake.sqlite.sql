-- Whatever a resident could see change on the status page changes this stamp, so every
-- process sharing the file drops its cached pages at its next request (status_changes.py).
-- A case's first history row is its filing: nobody has a page of it yet.
CREATE TABLE status_changes (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    stamp INTEGER NOT NULL
);
INSERT INTO status_changes VALUES (1, 0);

CREATE TRIGGER cases_status_changed AFTER UPDATE OF state, document ON cases
BEGIN
    UPDATE status_changes SET stamp = stamp + 1;
END;

CREATE TRIGGER cases_removed AFTER DELETE ON cases
BEGIN
    UPDATE status_changes SET stamp = stamp + 1;
END;

CREATE TRIGGER case_history_added AFTER INSERT ON case_history
WHEN EXISTS (SELECT 1 FROM case_history WHERE case_id = NEW.case_id AND id <> NEW.id)
BEGIN
    UPDATE status_changes SET stamp = stamp + 1;
END;

CREATE TRIGGER case_history_changed AFTER UPDATE ON case_history
BEGIN
    UPDATE status_changes SET stamp = stamp + 1;
END;

CREATE TRIGGER case_history_removed AFTER DELETE ON case_history
BEGIN
    UPDATE status_changes SET stamp = stamp + 1;
END;
