"""Builds the intake the config's [intake] table names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import IntakeConfig
from offline_cache.intake.outcomes import Intake

if TYPE_CHECKING:
    import requests


def spool_folder(cfg: IntakeConfig, data_dir: Path) -> Path:
    return Path(cfg.spool_dir).expanduser() if cfg.spool_dir else data_dir / "spool"


def build_intake(cfg: IntakeConfig, data_dir: Path, http: Callable[[], requests.Session]) -> Intake:
    """Only the chosen intake's libraries are imported (requests is ~0.1 s of start-up)."""
    if cfg.kind == "http":
        from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings  # noqa: PLC0415

        return HttpIntake(HttpIntakeSettings(cfg.url, cfg.token, cfg.timeout_s), http())
    if cfg.kind == "smtp":
        from offline_cache.intake.smtp_intake import SmtpIntake, SmtpIntakeSettings  # noqa: PLC0415

        settings = SmtpIntakeSettings(
            host=cfg.smtp_host,
            mail_from=cfg.mail_from,
            mail_to=cfg.mail_to,
            port=cfg.smtp_port,
            starttls=cfg.smtp_starttls,
            username=cfg.smtp_username,
            password=cfg.smtp_password,
            timeout_s=cfg.timeout_s,
        )
        return SmtpIntake(settings)
    from offline_cache.intake.spool_intake import SpoolIntake  # noqa: PLC0415

    return SpoolIntake(spool_folder(cfg, data_dir))
