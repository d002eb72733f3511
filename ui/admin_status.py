"""The technician screen's lines, in the panel's language (the resident session's).

Each function turns one plain fact (catalogue info, the last sync, the printer's answer,
outbox counts) into words: states and reasons translated, times as local human dates
("6 grudnia 2026, 14:05", "dziś 14:05"), no raw file names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from devices.printer_status import PrinterStatus
from kiosk.catalogue_service import CatalogueInfo
from kiosk.sync_status import SyncStatus

_LOCALES = {
    "pl": QLocale.Language.Polish,
    "en": QLocale.Language.English,
    "uk": QLocale.Language.Ukrainian,
    "de": QLocale.Language.German,
}


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; match it.
    return QCoreApplication.translate("", text)


def parse_time(iso: str) -> dt.datetime | None:
    """An ISO 8601 time with its zone, on the kiosk's clock; None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo else None


def human_date(day: dt.date, language: str) -> str:
    """ "6 grudnia 2026" in the language's own month names."""
    locale = QLocale(_LOCALES.get(language, QLocale.Language.Polish))
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def human_time(iso: str, language: str, now: dt.datetime) -> str:
    """ "dziś 14:05", "wczoraj 14:05" or "6 grudnia 2026, 14:05"; "" when `iso` is no time."""
    moment = parse_time(iso)
    if moment is None:
        return ""
    clock = moment.strftime("%H:%M")
    today = now.astimezone(moment.tzinfo).date()
    if moment.date() == today:
        return tr("today %1").replace("%1", clock)
    if moment.date() == today - dt.timedelta(days=1):
        return tr("yesterday %1").replace("%1", clock)
    return f"{human_date(moment.date(), language)}, {clock}"


def short_date(iso: str) -> str:
    """ "6.12.2026" ("" when `iso` is no time)."""
    moment = parse_time(iso)
    return f"{moment.day}.{moment.month}.{moment.year}" if moment else ""


def catalogue_line(info: CatalogueInfo, language: str, now: dt.datetime) -> str:
    """ "katalog z 6.12.2026, usług: 82 · wczytany dziś 14:05"."""
    line = (
        tr("catalogue of %1, services: %2")
        .replace("%1", short_date(info.generated) or "?")
        .replace("%2", str(info.services))
    )
    if info.source.startswith("bundled:"):
        line += " · " + tr("built in")
    loaded = human_time(info.loaded_at, language, now)
    return f"{line} · " + tr("loaded %1").replace("%1", loaded) if loaded else line


def _failure_words() -> dict[str, str]:
    return {
        "network": tr("no connection to the catalogue server"),
        "http": tr("the catalogue server answered with an error"),
        "signature": tr("the catalogue's signature is not valid"),
        "invalid": tr("the catalogue has invalid records"),
        "disk": tr("the disk is full"),
        "too_large": tr("the catalogue is too large"),
    }


def failure_reason(kind: str) -> str:
    """Why a sync failed, in words (the details are in the log)."""
    return _failure_words().get(kind) or tr("an unexpected error (see the log)")


def sync_line(status: SyncStatus | None, language: str, now: dt.datetime) -> str:
    """The last sync: what it did and when; a failure says why and when the last one worked."""
    if status is None:
        return tr("not set up (no catalogue address in the config)")
    if status.outcome is None:
        return tr("not yet since the start")
    when = human_time(status.finished_at, language, now)
    if status.outcome == "updated":
        return tr("new catalogue loaded, %1").replace("%1", when)
    if status.outcome == "unchanged":
        return tr("no changes, %1").replace("%1", when)
    line = tr("failed, %1: %2").replace("%1", when).replace("%2", failure_reason(status.kind))
    last = human_time(status.last_success_at, language, now)
    return f"{line}; " + tr("last success %1").replace("%1", last) if last else line


def sync_result(status: SyncStatus) -> str:
    """What "Sync now" came to, for the panel's message line."""
    if status.outcome == "updated":
        return tr("Sync finished: a new catalogue is in use.")
    if status.outcome == "unchanged":
        return tr("Sync finished: the catalogue has not changed.")
    reason = failure_reason(status.kind)
    return tr("Sync failed: %1. The kiosk keeps the catalogue it has.").replace("%1", reason)


def network_line(offline: bool, syncing: bool) -> str:
    """Whether the catalogue server can be reached (known from the syncs)."""
    if not syncing:
        return tr("not checked (no catalogue address in the config)")
    return (
        tr("no connection (the kiosk answers from its own catalogue)")
        if offline
        else tr("connected")
    )


@dataclass(frozen=True)
class PrinterFacts:
    """Which printer the config names, and where it is (no file names of receipts)."""

    kind: str  # virtual | usb | network | file
    address: str  # "0416:5011", "192.0.2.7:9100", "/dev/usb/lp0"; "" for the virtual one


def printer_name(printer: PrinterFacts) -> str:
    names = {
        "virtual": tr("virtual printer (receipts saved as pictures)"),
        "usb": tr("USB printer %1"),
        "network": tr("network printer %1"),
        "file": tr("printer at %1"),
    }
    return names.get(printer.kind, printer.kind).replace("%1", printer.address)


def _state_words() -> dict[PrinterStatus, tuple[str, str]]:
    return {
        PrinterStatus.READY: (tr("ready"), ""),
        PrinterStatus.PAPER_NEAR_END: (
            tr("paper running out"),
            tr("Put a new roll in soon."),
        ),
        PrinterStatus.PAPER_OUT: (
            tr("out of paper"),
            tr("Put in a new roll (thermal side out) and close the cover."),
        ),
        PrinterStatus.COVER_OPEN: (tr("cover open"), tr("Close the cover until it clicks.")),
        PrinterStatus.OFFLINE: (
            tr("unreachable"),
            tr("The printer is off, unplugged or unreachable: check power and cable."),
        ),
        PrinterStatus.ERROR: (
            tr("error"),
            tr("Paper jam, cutter or mechanical error: clear it, then switch it off and on."),
        ),
        PrinterStatus.UNKNOWN: (
            tr("does not answer status requests"),
            tr("Check the cable; receipts are still sent."),
        ),
    }


def printer_line(printer: PrinterFacts, state: PrinterStatus | None) -> str:
    """ "virtual printer (…): ready" or the state and what to do about it."""
    if state is None:
        return f"{printer_name(printer)}: " + tr("not asked yet")
    words, advice = _state_words()[state]
    return f"{printer_name(printer)}: {words}" + (f". {advice}" if advice else "")


def outbox_line(counts: Mapping[Any, int], oldest_waiting: dt.timedelta | None) -> str:
    """ "czeka 2 · dostarczone 40 · odrzucone 0 (najstarszy czeka 12 min)"."""
    line = (
        tr("waiting %1 · delivered %2 · rejected %3")
        .replace("%1", str(counts.get("queued", 0)))
        .replace("%2", str(counts.get("delivered", 0)))
        .replace("%3", str(counts.get("rejected", 0)))
    )
    if oldest_waiting is None:
        return line
    minutes = int(oldest_waiting.total_seconds() // 60)
    return f"{line} (" + tr("the oldest has waited %1 min").replace("%1", str(minutes)) + ")"
