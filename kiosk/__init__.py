"""Application core of the Infomat kiosk: config, services and the `kiosk` command (no Qt)."""
