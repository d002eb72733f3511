-- A revoked kiosk (stolen, scrapped, moved to another commune): its token and its
-- heartbeat key are refused from revoked_at on (NULL: in service). Its row stays, so its
-- cases keep their kiosk and the fleet page still lists it.
ALTER TABLE kiosks ADD COLUMN revoked_at TIMESTAMPTZ;
