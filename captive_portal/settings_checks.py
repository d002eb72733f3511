"""Checks of settings that types alone cannot express: URLs, secrets, WiFi4EU identifiers."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import urlsplit

from captive_portal.settings import PortalSettings

MIN_SECRET_CHARS = 32
MAX_VOUCHER_KEY_ID = 63
_PLACEHOLDERS = ("change", "secret", "example", "placeholder", "password", "xxxx", "todo")
_SECRET_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_WIFI4EU_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
_TWO_LETTERS = re.compile(r"[a-z]{2}")
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg", ".webp": "image/webp"}  # fmt: skip


class SettingsError(ValueError):
    """The settings are missing, not TOML, or have an unknown key or a wrong value."""


def check(settings: PortalSettings, source: str) -> None:
    """Raise SettingsError naming the source and key of the first wrong value."""
    if settings.port > 65535:
        raise SettingsError(f"{source}: 'port' must be at most 65535 (got {settings.port})")
    for key in ("public_url", "venue_info_url", "eservices_url"):
        url = getattr(settings, key)
        if url and not is_web_url(url):
            raise SettingsError(f"{source}: '{key}' must be an http(s):// address (got {url!r})")
    _check_database(settings.database_url, source)
    _check_secrets(settings, source)
    _check_vouchers(settings.vouchers.keys, source)
    _check_metrics(settings, source)
    _check_logo(settings, source)
    _check_wifi4eu(settings, source)


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def weak_secret_reason(secret: str) -> str | None:
    """Why a secret is unfit (too short, a placeholder, too few distinct characters)."""
    if len(secret) < MIN_SECRET_CHARS:
        return f"is shorter than {MIN_SECRET_CHARS} characters"
    if any(word in secret.lower() for word in _PLACEHOLDERS) or len(set(secret)) < 10:
        return "looks like a placeholder; generate one: openssl rand -hex 32"
    return None


def _check_secrets(settings: PortalSettings, source: str) -> None:
    seen: set[str] = set()
    for number, entry in enumerate(settings.consent_secrets, start=1):
        secret_id, _, secret = entry.partition(":")
        where = f"{source}: 'consent_secrets' entry {number}"
        if not _SECRET_ID.fullmatch(secret_id) or not secret:
            raise SettingsError(f"{where} must be 'id:secret' (id: letters, digits, . _ -)")
        if secret_id in seen:
            raise SettingsError(f"{where} repeats the id {secret_id!r}")
        seen.add(secret_id)
        if reason := weak_secret_reason(secret):
            raise SettingsError(f"{where} {reason}")
    if settings.admin_token and (reason := weak_secret_reason(settings.admin_token)):
        raise SettingsError(f"{source}: 'admin_token' {reason}")


def _check_vouchers(keys: list[str], source: str) -> None:
    seen: set[int] = set()
    for number, entry in enumerate(keys, start=1):
        key_id, _, secret = entry.partition(":")
        where = f"{source}: 'vouchers.keys' entry {number}"
        if not key_id.isdigit() or not 0 <= int(key_id) <= MAX_VOUCHER_KEY_ID or not secret:
            raise SettingsError(f"{where} must be 'id:secret' with an id from 0 to 63")
        if int(key_id) in seen:
            raise SettingsError(f"{where} repeats the id {key_id}")
        seen.add(int(key_id))
        if reason := weak_secret_reason(secret):
            raise SettingsError(f"{where} {reason}")


def _check_database(url: str, source: str) -> None:
    """A PostgreSQL address; its text is never repeated (it may hold a password)."""
    if not url:
        return
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port out of range or not a number raises here)
    except ValueError:
        raise SettingsError(f"{source}: 'database_url' is not a valid address") from None
    if parts.scheme not in ("postgresql", "postgres"):
        raise SettingsError(
            f"{source}: 'database_url' must start with postgresql:// "
            "(e.g. postgresql://portal@db.example/portal, or postgresql:///portal for the "
            "local server's socket); leave it empty for the SQLite store in data_dir"
        )
    if parts.password:
        raise SettingsError(
            f"{source}: 'database_url' must not hold a password: put it in the portal "
            "user's ~/.pgpass (mode 0600) or PGPASSFILE, or use the local socket"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_metrics(settings: PortalSettings, source: str) -> None:
    """The technicians' listener: its own port, and a token unless only this host reaches it."""
    metrics = settings.metrics
    if metrics.port > 65535:
        raise SettingsError(f"{source}: 'metrics.port' must be at most 65535 (got {metrics.port})")
    if metrics.port and metrics.port == settings.port:
        raise SettingsError(
            f"{source}: 'metrics.port' must differ from 'port' ({settings.port}): hotspot "
            "clients reach the portal's port, and must not reach the metrics"
        )
    if metrics.token and (reason := weak_secret_reason(metrics.token)):
        raise SettingsError(f"{source}: 'metrics.token' {reason}")
    if metrics.port and not metrics.token and not is_loopback(metrics.host):
        raise SettingsError(
            f"{source}: 'metrics.token' is needed when 'metrics.host' ({metrics.host!r}) is "
            "not a loopback address (generate one: openssl rand -hex 32)"
        )


def _check_logo(settings: PortalSettings, source: str) -> None:
    if not settings.logo_path:
        return
    path = Path(settings.logo_path).expanduser()
    if path.suffix.lower() not in LOGO_TYPES:
        raise SettingsError(f"{source}: 'logo_path' must be a .png, .svg, .jpg or .webp file")
    if not path.is_file():
        raise SettingsError(f"{source}: 'logo_path' {str(path)!r} is not a file")


def _check_wifi4eu(settings: PortalSettings, source: str) -> None:
    wifi4eu = settings.wifi4eu
    if wifi4eu.enabled and not _WIFI4EU_ID.fullmatch(wifi4eu.network_id):
        raise SettingsError(
            f"{source}: 'wifi4eu.network_id' must be the identifier WiFi4EU gave "
            f"(letters, digits, '-'; got {wifi4eu.network_id!r})"
        )
    if wifi4eu.language and not _TWO_LETTERS.fullmatch(wifi4eu.language):
        raise SettingsError(
            f"{source}: 'wifi4eu.language' must be two lower-case letters (got "
            f"{wifi4eu.language!r})"
        )
