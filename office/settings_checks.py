"""Checks of office settings that types alone cannot express: the store's URL, the offices."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from office.settings import OfficeSettings
from office.settings_mail import MailSettingsError, check_mail
from office.visit_settings import check_visits

TENANT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
PREFIX = re.compile(r"[A-Z][A-Z0-9]{0,7}")
PHONE = re.compile(r"\+?[0-9(][0-9 ()-]{4,28}[0-9]")
DATABASE_SCHEMES = ("postgresql", "postgres")


class SettingsError(ValueError):
    """The settings are missing, not TOML, or have an unknown key or a wrong value."""


def check(settings: OfficeSettings, source: str) -> None:
    """Raise SettingsError naming the source and key of the first wrong value."""
    url = settings.database_url
    if url and urlsplit(url).scheme not in DATABASE_SCHEMES:
        raise SettingsError(
            f"{source}: 'database_url' must start with postgresql:// (or be empty for SQLite)"
        )
    if not settings.offices:
        raise SettingsError(f"{source}: 'offices' must name at least one office")
    seen: set[str] = set()
    for number, office in enumerate(settings.offices):
        where = f"{source}: 'offices[{number}]"
        if not TENANT_ID.fullmatch(office.tenant_id):
            raise SettingsError(
                f"{where}.tenant_id' must be lower-case letters, digits and '-' "
                f"(got {office.tenant_id!r})"
            )
        if office.tenant_id in seen:
            raise SettingsError(f"{where}.tenant_id' repeats {office.tenant_id!r}")
        seen.add(office.tenant_id)
        if not PREFIX.fullmatch(office.prefix):
            raise SettingsError(
                f"{where}.prefix' must be 1 to 8 capital letters or digits, a letter first "
                f"(got {office.prefix!r})"
            )
        if not office.name.strip():
            raise SettingsError(f"{where}.name' must not be empty")
        if office.phone and not PHONE.fullmatch(office.phone):
            raise SettingsError(
                f"{where}.phone' must be a phone number: digits, spaces, + - ( ) "
                f"(got {office.phone!r})"
            )
        _check_notice(office.notice_url, office.notice_version, where)
        problem = check_visits(office.visit_services, office.opening_hours, f"offices[{number}]")
        if problem:
            raise SettingsError(f"{source}: {problem}")
    _check_metrics(settings, source)
    try:
        check_mail(settings)
    except MailSettingsError as exc:
        raise SettingsError(f"{source}: {exc}") from None
    for number, proxy in enumerate(settings.trusted_proxies):
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise SettingsError(
                f"{source}: 'trusted_proxies[{number}]' must be an IP address or network, "
                f"e.g. 10.0.0.5 or 10.0.0.0/24 (got {proxy!r})"
            ) from None


MIN_TOKEN_CHARS = 16
NOTICE_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _check_notice(url: str, version: str, where: str) -> None:
    parts = urlsplit(url)
    if url and (parts.scheme not in ("https", "http") or not parts.netloc):
        raise SettingsError(
            f"{where}.notice_url' must be the notice's web address, e.g. "
            f"https://bip.lancut.pl/rodo (got {url!r})"
        )
    if not NOTICE_VERSION.fullmatch(version):
        raise SettingsError(
            f"{where}.notice_version' must be 1 to 64 letters, digits, '.', '_' or '-', "
            f"e.g. rodo-2026-01 (got {version!r})"
        )


def _check_metrics(settings: OfficeSettings, source: str) -> None:
    """The /metrics listener: its own port, and a token unless only this host reaches it."""
    if settings.metrics_port and settings.metrics_port == settings.port:
        raise SettingsError(
            f"{source}: 'metrics_port' must differ from 'port' ({settings.port}): the kiosks "
            "and residents reach the service's port, and must not reach the metrics"
        )
    token = settings.metrics_token
    if token and len(token) < MIN_TOKEN_CHARS:
        raise SettingsError(
            f"{source}: 'metrics_token' must be at least {MIN_TOKEN_CHARS} characters "
            "(generate one: openssl rand -hex 32)"
        )
    if settings.metrics_port and not token and not _is_loopback(settings.metrics_host):
        raise SettingsError(
            f"{source}: 'metrics_token' is needed when 'metrics_host' "
            f"({settings.metrics_host!r}) is not a loopback address "
            "(generate one: openssl rand -hex 32)"
        )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
