"""The kiosk's window and its view models, built from the services of the composition root."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast, get_args

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import __version__
from kiosk.admin_pin import DEMO_PIN_HASH, AdminPin
from kiosk.composition import Services
from kiosk.config import Language
from kiosk.speech import Speaker
from ui.admin_model import AdminActions, AdminModel
from ui.admin_status import (
    PrinterFacts,
    catalogue_line,
    network_line,
    outbox_line,
    printer_line,
    sync_line,
)
from ui.catalogue_model import CatalogueModel
from ui.form_model import FormModel
from ui.i18n import Translations
from ui.idle import IdleWatch
from ui.lockdown import Lockdown
from ui.qr_image import QrImageProvider
from ui.screen_reader import ScreenReader
from ui.session_model import SessionModel
from ui.speech_model import SpeechModel
from ui.status_check_model import StatusCheckModel
from ui.status_model import StatusModel
from ui.theme import Theme
from ui.visits_model import VisitsModel
from ui.wifi_model import WifiModel

if TYPE_CHECKING:
    from kiosk.background_sync import BackgroundSync
    from kiosk.filing import FiledApplication
    from kiosk.sync_status import SyncStatus
    from kiosk.wifi_slip import WifiSlip

log = logging.getLogger(__name__)
MAIN_QML = Path(__file__).resolve().parent / "qml" / "Main.qml"
GPU_NODES = Path("/dev/dri")
# Set by a technician (or a test) to choose Qt Quick's renderer: then it is theirs.
RENDERER_VARIABLES = ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND")


def prepare_environment(gpu_nodes: Path = GPU_NODES) -> None:
    """Before the QGuiApplication exists: the in-window virtual keyboard and the renderer."""
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] == "xcb":
        # A frame asked for is drawn at the event loop's next turn, not 5 ms later: on X11
        # Qt waits that long before every requested frame (QWindow::requestUpdate), so a
        # tap's first frame came 5 ms late (a category opened in 16 -> 12 ms). Frames in
        # motion stay paced by Qt Quick's animation timer. Wayland paces frames by the
        # compositor; offscreen (tests, screenshots, self-test) keeps Qt's default, as
        # Qt 6.11's offscreen platform crashed on such requests (docs/platform-notes.md).
        os.environ.setdefault("QT_QPA_UPDATE_IDLE_TIME", "0")
    if any(v in os.environ for v in RENDERER_VARIABLES):
        return
    if os.environ.get("QT_QPA_PLATFORM") == "wayland":
        # The bundle carries no EGL client integration for Wayland (build/bundle_parts.py):
        # OpenGL there fails ("Failed to create RHI"), and the kiosk never showed a frame on
        # a machine with a GPU (seen in the image's VM, which has a render node).
        os.environ["QT_QUICK_BACKEND"] = "software"
        log.info("on Wayland (weston): Qt Quick's software renderer")
    elif not has_gpu(gpu_nodes):
        os.environ["QT_QUICK_BACKEND"] = "software"
        log.info("no GPU render node: Qt Quick's software renderer")


def has_gpu(gpu_nodes: Path = GPU_NODES) -> bool:
    """Whether the machine has a GPU that renders (a DRM render node, /dev/dri/renderD*).

    Without one, OpenGL is Mesa's llvmpipe on the CPU, which draws the whole window for
    every frame (40 to 120 ms for 1080 x 1920 on two cores: a tap's next frame came 60 to
    150 ms after it, and a 150 ms fade took up to half a second). Qt Quick's software
    renderer repaints only what changed, with the same screens (no shader effects are used).
    """
    return any(gpu_nodes.glob("renderD*"))


@dataclass(frozen=True)
class UiOptions:
    windowed: bool
    demo: bool


class KioskApp:
    """Owns the QML engine and the view models; `window` is the kiosk's one window."""

    def __init__(self, app: QGuiApplication, services: Services, options: UiOptions) -> None:
        config = services.config
        self.app = app
        self.services = services
        self.session = SessionModel(config.language)
        self.engine = QQmlApplicationEngine()
        # Translations first: every later listener of a language change reads translated text.
        self.translations = Translations(app, self.engine)
        self.session.languageChanged.connect(self._on_language_changed)
        self.theme = Theme()
        self.catalogue = CatalogueModel(services.catalogue, self.session)
        screen = config.screen
        self.idle = IdleWatch(screen.idle_s, screen.countdown_s, screen.attract_s)
        self.form = FormModel(lambda: services.filing, self._print_receipt, self.session)
        self.status = StatusModel(lambda: services.catalogue.info().loaded_at)
        speech = config.speech
        speaker = Speaker(speech.command, speech.words_per_minute, speech.volume)
        self.speech = SpeechModel(speaker, self.session)
        self.status_check = StatusCheckModel(
            lambda: services.case_status, self.session, self.speech.say
        )
        self.wifi = WifiModel(config.wifi, self._wifi_slip, self.session, self.speech.say)
        self.visits = VisitsModel(
            lambda: services.visits, self._print_visit, config.visits.notice_version,
            session=self.session, say=self.speech.say, phone=self._visits_phone,
        )  # fmt: skip
        hint_loudness = speech.attract_hint_volume / max(1, speech.volume)
        self.screen_reader = ScreenReader(
            self.session,
            self.speech,
            speech.keypad(),
            hint=(lambda text: speaker.say(text, config.language, 1.0, hint_loudness),
                  speech.attract_hint_s),
        )  # fmt: skip
        self.admin = AdminModel(AdminPin(self._pin_hash(options)), self._admin_actions())
        self.lockdown = Lockdown()
        # Told after the crash handler took the resident home (the metrics count recoveries).
        self.crash_listeners: list[Callable[[], None]] = []
        self._connect_signals()
        self.window = self._load(options)

    def _pin_hash(self, options: UiOptions) -> str:
        configured = self.services.config.admin.pin_hash
        return configured or (DEMO_PIN_HASH if options.demo else "")

    def _admin_actions(self) -> AdminActions:
        return AdminActions(
            status=self._admin_status,
            sync_now=self._sync_now,
            can_sync=bool(self.services.config.catalogue.url),
            reload=self._reload,
            test_print=self._test_print,
            allow_exit=self.services.config.admin.allow_exit,
        )

    def _connect_signals(self) -> None:
        """All wiring in one place (the language is wired first, in __init__)."""
        self.session.accessibilityChanged.connect(self._on_accessibility_changed)
        self.idle.resetDue.connect(self.session.reset)
        # A technician who walks away leaves no open PIN pad or admin screen behind.
        self.session.wasReset.connect(self.admin.close)
        self.admin.exitRequested.connect(self._on_exit_requested)
        self.session.languageChanged.connect(self.admin.retranslate)
        self.status.syncReported.connect(self.admin.syncReported)  # queued: the sync's thread
        self.idle.stateChanged.connect(self._on_idle_state)

    def _watch_events(self) -> None:
        """Application-wide filters, so they see every event before any object's own
        filters (the keyboard's and the popups' among them). Installed at the first frame:
        until then there is nothing to touch, and the ~400 events of the QML load and the
        first frame cost ~40 ms of the cold start through them (a Python wrapper made for
        each kind of Qt object they were asked about and ignored).
        Filters run last-installed first: the idle watch sees every event, then the speech
        mode takes its keypad keys (Escape, F1), then the lockdown swallows leaving keys."""
        self.app.installEventFilter(self.lockdown)
        self.app.installEventFilter(self.screen_reader)
        self.app.installEventFilter(self.idle)

    def _load(self, options: UiOptions) -> QQuickWindow:
        context = self.engine.rootContext()
        models: dict[str, QObject] = {
            "session": self.session,
            "theme": self.theme,
            "catalogue": self.catalogue,
            "idle": self.idle,
            "kioskStatus": self.status,
            "speech": self.speech,
            "screenReader": self.screen_reader,
            "admin": self.admin,
            "form": self.form,
            "statusCheck": self.status_check,
            "wifi": self.wifi,
            "visits": self.visits,
        }
        for name, model in models.items():
            context.setContextProperty(name, model)
        self.engine.addImageProvider("qr", QrImageProvider())
        screen = self.services.config.screen
        self.engine.setInitialProperties(
            {
                "windowed": options.windowed,
                "landscape": screen.orientation == "landscape",
                "municipality": screen.municipality,
                "defaultLanguage": self.services.config.language,
            }
        )
        self._on_language_changed()
        self.engine.load(QUrl.fromLocalFile(str(MAIN_QML)))
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError(f"{MAIN_QML.name} did not load; see the QML errors above")
        window = roots[0]
        self._after_first_frame = AfterFirstFrame(window, self._watch_events)
        self.screen_reader.attach(window)
        self._hides_cursor = screen.hide_cursor and not options.windowed
        self.idle.start()
        return window

    def hide_cursor(self) -> None:
        """Hides the pointer if the config says so (not in a window). Called after the first
        frame: the cursor's shape is read from PySide's `Qt` namespace, which builds all of
        it (~20 ms a resident would wait for at every start)."""
        if self._hides_cursor:
            self.window.setCursor(QCursor(QtCore.Qt.CursorShape.BlankCursor))

    def start_catalogue_sync(self) -> BackgroundSync | None:
        """Builds and starts the scheduled sync, or None without a catalogue URL. Called after
        the first frame: the sync's imports (HTTP, signatures, the catalogue builder) are
        ~0.25 s a resident would otherwise wait for at every start."""
        background = self.services.background_sync
        if background is not None:
            # Called on the sync thread: only a signal crosses to the UI thread, where the
            # status model reads the new catalogue (SQLite and Qt objects stay on their thread).
            background.on_result(self.status.syncReported.emit)
            background.start()
        return background

    def _test_print(self) -> bool:
        # The receipt desk (forms, filing, printers: ~50 ms of imports) is built when first
        # needed, after the first frame, not for the admin screen's button.
        return self.services.receipt_desk.test_print()

    def _sync_now(self) -> None:
        background = self.services.background_sync
        if background is not None:
            background.sync_now()

    def _on_language_changed(self) -> None:
        self.translations.apply(self.session.session.language)

    def _on_idle_state(self) -> None:
        idle = self.idle
        self.screen_reader.on_idle(
            idle.property("countdownVisible") is True,
            idle.property("attractVisible") is True,
            int(idle.property("secondsLeft")),
        )

    def _on_accessibility_changed(self) -> None:
        access = self.session.session.accessibility
        self.theme.apply(access.high_contrast, access.large_text)
        self.idle.set_factor(self.session.session.timeout_factor)

    def _wifi_slip(self, language: str) -> tuple[WifiSlip, bool]:
        """A new slip for the resident at the screen, printed (on the model's thread)."""
        slip = self.services.wifi_slip()
        return slip, self.services.receipt_desk.print_wifi_slip(slip, _printed_language(language))

    def _visits_phone(self) -> str:
        """The office's phone for "cannot be reached": the config's, else the catalogue's."""
        cfg = self.services.config.visits
        return cfg.phone or self.services.catalogue.authority_phone(cfg.office)

    def _print_visit(self, visit: object, language: str) -> bool:
        """A booked visit's slip or a queue ticket (on the visits model's thread)."""
        from kiosk.visits import Booking, Ticket  # noqa: PLC0415

        if not isinstance(visit, Booking | Ticket):
            return False
        service = None  # its card's "what to bring" goes on the slip
        if isinstance(visit, Booking) and visit.service_id:
            try:
                service = self.services.catalogue.service(visit.service_id)
            except Exception:  # the visit is booked: print it without the list
                log.exception("visit slip: the catalogue could not say what to bring")
        return self.services.receipt_desk.print_visit(visit, _printed_language(language), service)

    def _print_receipt(self, application: FiledApplication) -> bool:
        return self.services.receipt_desk.print_application(application)

    def _on_exit_requested(self) -> None:
        log.info("kiosk closed from the admin screen")
        self.lockdown.allow_close = True
        self.app.quit()

    def _reload(self) -> None:
        log.info("screens reloaded from the admin screen")
        self.engine.clearComponentCache()
        self.session.reset()

    def _admin_status(self) -> dict[str, str]:
        """Every line of the technician screen, in the session's language."""
        language = self.session.session.language
        now = dt.datetime.now().astimezone()
        sync = self.services.catalogue_sync
        last: SyncStatus | None = sync.status() if sync else None
        return {
            "version": __version__,
            "kiosk": self.services.config.kiosk_id,
            "catalogue": catalogue_line(self.services.catalogue.info(), language, now),
            "sync": sync_line(last, language, now),
            "network": network_line(self.status.property("offline") is True, sync is not None),
            "printer": self._printer_line(),
            "outbox": self._outbox_line(),
        }

    def _printer_line(self) -> str:
        settings = self.services.config.printer
        address = {
            "usb": f"{settings.usb_vendor_id:04x}:{settings.usb_product_id:04x}",
            "network": f"{settings.host}:{settings.port}",
            "file": str(settings.device),
        }.get(settings.kind, "")
        facts = PrinterFacts(settings.kind, address)
        return printer_line(facts, self.services.receipt_desk.last_status)

    def _outbox_line(self) -> str:
        outbox = self.services.outbox
        return outbox_line(outbox.counts(), outbox.oldest_queued_age())

    def shutdown(self) -> None:
        """Close the window and drop the QML engine before the models it binds to go away."""
        self.window.close()
        self.speech.close()
        self.app.removeEventFilter(self.idle)
        self.app.removeEventFilter(self.screen_reader)
        self.app.removeEventFilter(self.lockdown)
        self.translations.remove()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def install_crash_handler(self) -> None:
        """A bug is logged with context and the resident is taken home instead of a crash."""

        def handle(
            kind: type[BaseException], error: BaseException, trace: types.TracebackType | None
        ) -> None:
            log.critical(
                "unexpected error; returning to the home screen", exc_info=(kind, error, trace)
            )
            self.session.reset()
            for listener in self.crash_listeners:
                listener()

        sys.excepthook = handle


class AfterFirstFrame(QObject):
    """Calls `then` once, on the GUI thread, after the window's first frame is drawn.
    (Not the window's child: its owner keeps it, and it outlives a window deleted first.)"""

    def __init__(self, window: QQuickWindow, then: Callable[[], None]) -> None:
        super().__init__()
        self._window = window
        self._then: Callable[[], None] | None = then
        window.frameSwapped.connect(self._on_frame)

    @Slot()
    def _on_frame(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._window.frameSwapped.disconnect(self._on_frame)
        then()


def _printed_language(language: str) -> Language:
    """The session's language as the receipts know it (Polish for anything else)."""
    return cast(Language, language) if language in get_args(Language) else "pl"
