"""Application core of the Infomat kiosk: config, services and the `kiosk` command (no Qt)."""

__version__ = "0.1.0"
