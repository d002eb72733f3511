"""Checks of the settings for e-mail to residents, and the mail server's password.

The password is never in the TOML file: it comes from `smtp_password_file` (readable by
the service's user alone) or from the environment (INFOMAT_OFFICE_SMTP_PASSWORD, e.g. a
systemd credential), so the config can be shown and kept in version control.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

from office.settings import OfficeSettings

PASSWORD_ENV = "INFOMAT_OFFICE_SMTP_PASSWORD"  # noqa: S105 - the variable's name
ADDRESS = re.compile(r"[^@\s<>\"(),;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class MailSettingsError(ValueError):
    """A wrong combination of the e-mail settings (the caller adds the file's name)."""


def check_mail(settings: OfficeSettings) -> None:
    """Raise MailSettingsError naming the key of the first wrong value."""
    if not settings.smtp_host:
        return
    if not ADDRESS.fullmatch(settings.smtp_from):
        raise MailSettingsError(
            f"'smtp_from' must be an e-mail address such as wnioski@lancut.pl when "
            f"'smtp_host' is set (got {settings.smtp_from!r})"
        )
    url = urlsplit(settings.public_url)
    if url.scheme not in ("https", "http") or not url.netloc or url.query or url.fragment:
        raise MailSettingsError(
            "'public_url' must be the service's address for residents, e.g. "
            f"https://wnioski.lancut.pl, when 'smtp_host' is set (got {settings.public_url!r})"
        )
    if settings.smtp_user:
        _check_login(settings)


def _check_login(settings: OfficeSettings) -> None:
    if not settings.smtp_user.isascii():
        raise MailSettingsError("'smtp_user' must be ASCII (SMTP logins are)")
    if not settings.smtp_starttls and settings.smtp_host not in LOOPBACK_HOSTS:
        raise MailSettingsError(
            "'smtp_starttls' must be true when 'smtp_user' is set: the password would cross "
            "the network in clear"
        )
    if settings.smtp_password_file:
        _check_private(Path(settings.smtp_password_file))
    elif not os.environ.get(PASSWORD_ENV):
        raise MailSettingsError(
            f"'smtp_user' needs a password: set 'smtp_password_file' or {PASSWORD_ENV}"
        )


def _check_private(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise MailSettingsError(f"'smtp_password_file' {path}: cannot read it ({exc})") from exc
    if not stat.S_ISREG(mode):
        raise MailSettingsError(f"'smtp_password_file' {path}: not a file")
    if mode & 0o077:
        raise MailSettingsError(
            f"'smtp_password_file' {path}: readable by others; chmod 600 it (owned by the "
            "service's user)"
        )


def smtp_password(settings: OfficeSettings) -> str:
    """The mail server's password: the first line of smtp_password_file, else the
    environment's."""
    if not settings.smtp_user:
        return ""
    if settings.smtp_password_file:
        path = Path(settings.smtp_password_file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MailSettingsError(f"'smtp_password_file' {path}: cannot read it ({exc})") from exc
        return text.splitlines()[0] if text else ""
    return os.environ.get(PASSWORD_ENV, "")
