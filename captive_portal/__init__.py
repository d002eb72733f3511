"""The municipal hotspot's captive portal (imports nothing of the kiosk)."""
