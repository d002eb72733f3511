-- Filing in two steps (postgres_store.py): a case is inserted without a number, with the
-- prefix it will be numbered under, then numbered in a batch under its office's counter.
ALTER TABLE cases ALTER COLUMN number DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN case_number DROP NOT NULL;
ALTER TABLE cases ADD COLUMN prefix TEXT;
CREATE INDEX cases_waiting_for_number ON cases (tenant_id, year, id) WHERE number IS NULL;

-- Whatever a resident could see change on the status page is announced with the case's
-- code, so every instance drops its cached pages of that case (status_changes.py). A
-- case's first history row is its filing: nobody has a page of it yet.
CREATE FUNCTION office_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'cases' THEN
        PERFORM pg_notify('office_status', COALESCE(NEW.code, OLD.code));
    ELSIF TG_OP <> 'INSERT' OR EXISTS (
        SELECT 1 FROM case_history WHERE case_id = NEW.case_id AND id <> NEW.id
    ) THEN
        PERFORM pg_notify('office_status', c.code)
        FROM cases c WHERE c.id = COALESCE(NEW.case_id, OLD.case_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cases_status_changed AFTER UPDATE OF state, document OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION office_status_changed();
CREATE TRIGGER case_history_changed AFTER INSERT OR UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION office_status_changed();
