"""`office visits remind`: send tomorrow's visit reminders once (for the systemd timer
infomat-office-remind.timer; safe beside other instances and when run twice)."""

from __future__ import annotations

import argparse
from pathlib import Path

from office.intake import Clock
from office.open_store import open_store
from office.serve import utc_now
from office.settings import OfficeSettings
from office.settings_mail import smtp_password
from office.visit_reminder_mail import VisitReminders


def add_visits_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    visits = commands.add_parser("visits", help="booked visits: reminders by e-mail")
    visit_commands = visits.add_subparsers(dest="visits_command", required=True, metavar="COMMAND")
    remind = visit_commands.add_parser(
        "remind",
        help="e-mail the reminders of tomorrow's visits (each booking once)",
        description="Send the reminder by e-mail to every resident of a visit tomorrow (Polish "
        "time) who asked for one on the visit's page, through smtp_host. Each booking is "
        "reminded once, however many runs or instances; one the mail server could not take is "
        "tried again at the next run. Exit 1 when some could not be sent.",
    )
    remind.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def run_remind(settings: OfficeSettings, clock: Clock = utc_now) -> tuple[str, int]:
    """Send once; the line to print and the exit status."""
    if not settings.smtp_host:
        return "reminders are off: smtp_host is not set", 0
    password = smtp_password(settings)
    store = open_store(settings)
    try:
        report = VisitReminders(store.sql(), settings, password, clock).send_for_tomorrow()
    finally:
        store.close()
    line = (
        f"reminders for {report.day.isoformat()}: {report.sent} sent, {report.later} to try "
        f"again, {report.refused} refused by the mail server"
    )
    return line, 1 if report.later else 0
