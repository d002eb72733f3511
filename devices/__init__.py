"""Receipt printers, receipt layout, QR matrices and scanner input (no Qt)."""
