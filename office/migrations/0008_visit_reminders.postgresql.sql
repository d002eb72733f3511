-- A reminder by e-mail the day before a visit (issue 15): the address the resident gave
-- on the visit's page (or the kiosk sent), the page's language, the version of the
-- office's notice they accepted. reminder_state: none, wanted, sent, refused (the mail
-- server refused the address for good). reminder_claimed_until: a sender is at it;
-- one claim per booking, so two senders at once remind it once.
ALTER TABLE visit_bookings ADD COLUMN reminder_email TEXT NOT NULL DEFAULT '';
ALTER TABLE visit_bookings ADD COLUMN reminder_language TEXT NOT NULL DEFAULT 'pl';
ALTER TABLE visit_bookings ADD COLUMN reminder_consent TEXT NOT NULL DEFAULT '';
ALTER TABLE visit_bookings ADD COLUMN reminder_state TEXT NOT NULL DEFAULT 'none'
    CHECK (reminder_state IN ('none', 'wanted', 'sent', 'refused'));
ALTER TABLE visit_bookings ADD COLUMN reminder_set_at TIMESTAMPTZ;
ALTER TABLE visit_bookings ADD COLUMN reminder_claimed_until TIMESTAMPTZ;
ALTER TABLE visit_bookings ADD COLUMN reminder_sent_at TIMESTAMPTZ;
CREATE INDEX visit_bookings_reminders ON visit_bookings (reminder_state, starts_at);
