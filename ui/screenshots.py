"""`kiosk screenshot`: every screen rendered offscreen to PNG, for eyes and for the docs."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Q_ARG, QEventLoop, QMetaObject, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.case_status import CaseStatus
from kiosk.composition import Services
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment

EXAMPLE_STATUS = CaseStatus(
    "K7P4MX9RCA",
    "office",
    "answered",
    state="in_progress",
    case_number="UM-2026/00017",
    filed_at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
    updated_at=dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC),
    expected_by=dt.date(2026, 12, 20),
    service="Wniosek o udostępnienie informacji publicznej",
    office_name="Urząd Miasta Łańcut",
    office_phone="+48 17 225 22 13",
    message="Odpowiedź wyślemy e-mailem do 20 grudnia.",
)
DEMO_SERVICE = "gl-dowod-osobisty"
DEMO_FORM_SERVICE = "gl-informacja-publiczna"
DEMO_ANSWERS = (  # what a resident might type; shown on screen only, never filed
    ("tresc", "Uchwały rady miasta o dopłatach do wymiany źródeł ciepła z 2026 r."),
    ("forma", "plik"),
    ("imie-nazwisko", "Zofia Żółkiewska"),
    ("sposob", "email"),
    ("email", "zofia.zolkiewska@example.pl"),
)


def settle(milliseconds: int = 350) -> None:
    """Let bindings, transitions and the scene graph catch up before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def take_screenshots(services: Services, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QGuiApplication exists
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    kiosk = KioskApp(app, services, UiOptions(windowed=True, demo=True))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for orientation in ("portrait", "landscape"):
        kiosk.window.setProperty("landscape", orientation == "landscape")
        for language in ("pl", "en", "uk", "de"):
            for contrast in (False, True):
                prefix = f"{orientation}-{language}-{'contrast' if contrast else 'normal'}"
                written += _one_set(kiosk, out, prefix, language, contrast)
    kiosk.shutdown()
    return written


def _one_set(kiosk: KioskApp, out: Path, prefix: str, language: str, contrast: bool) -> list[Path]:
    written = []

    def shot(name: str, prepare: Callable[[], None]) -> None:
        kiosk.session.reset()
        kiosk.idle.touch()
        kiosk.session.setLanguage(language)
        kiosk.session.setOption("high_contrast", contrast)
        settle()
        prepare()
        settle()
        path = out / f"{prefix}-{name}.png"
        kiosk.window.grabWindow().save(str(path))
        written.append(path)

    root = kiosk.window
    shot("home", lambda: None)
    shot("results", lambda: kiosk.catalogue.search("zaświadczenie"))
    shot("nothing-found", lambda: kiosk.catalogue.search("xyzzy qwerty"))
    shot("card", lambda: _invoke(root, "openService", DEMO_SERVICE))
    shot("accessibility", lambda: _invoke(root, "openAccessibility"))
    shot("countdown", lambda: _force_countdown(kiosk))
    shot("pin-pad", lambda: _tap_corner(kiosk.admin.cornerTapped))
    shot("form", lambda: _invoke(root, "openForm", DEMO_FORM_SERVICE))
    shot("form-problems", lambda: _form_with_problems(kiosk))
    shot("form-review", lambda: _form_review(kiosk))
    shot("receipt", lambda: _receipt_screen(kiosk))
    shot("receipt-printer-failed", lambda: _receipt_screen(kiosk, printed=False))
    shot("status", lambda: _status_screen(kiosk))
    return written


def _invoke(item: QObject, function: str, *args: str) -> None:
    """Call a function of the QML root item, as a tap on the screen would."""
    QMetaObject.invokeMethod(item, function, *(Q_ARG("QVariant", a) for a in args))


def _tap_corner(tap: Callable[[], None]) -> None:
    for _ in range(5):
        tap()


def _force_countdown(kiosk: KioskApp) -> None:
    kiosk.catalogue.search("dowód")
    kiosk.idle.show_countdown_now()


def _form_with_problems(kiosk: KioskApp) -> None:
    _invoke(kiosk.window, "openForm", DEMO_FORM_SERVICE)
    kiosk.form.setAnswer("tresc", "x" * 3)
    kiosk.form.next()  # "forma" is missing: its problem shows


def _form_review(kiosk: KioskApp) -> None:
    _invoke(kiosk.window, "openForm", DEMO_FORM_SERVICE)
    for field_id, value in DEMO_ANSWERS:
        kiosk.form.setAnswer(field_id, value)
    while not kiosk.form.property("reviewing") and kiosk.form.next():
        pass


def _receipt_screen(kiosk: KioskApp, *, printed: bool = True) -> None:
    """The receipt screen of a made-up application (nothing goes to the outbox)."""
    _invoke(kiosk.window, "openForm", DEMO_FORM_SERVICE)
    kiosk.form.show_example_receipt(printed=printed)


def _status_screen(kiosk: KioskApp) -> None:
    """'Sprawdź stan sprawy' with a made-up answer of the office (nothing is asked)."""
    _invoke(kiosk.window, "openStatusCheck")
    settle()
    QGuiApplication.inputMethod().hide()  # the answer is what the picture is for
    kiosk.status_check.show_example(EXAMPLE_STATUS)
