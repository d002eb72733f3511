"""The kiosk app in a child process of bench_kiosk: start it offscreen and report on stdout.

Run by tests/perf/bench_kiosk.py, one process per measurement:
  python -m tests.perf.kiosk_probe start --data DIR [--vk-first]
  python -m tests.perf.kiosk_probe typing --data DIR
  python -m tests.perf.kiosk_probe journeys --data DIR --journeys 2000
Every report is one stdout line `REPORT <json>`; everything else goes to stderr. Times are
CLOCK_MONOTONIC (time.monotonic), which the parent shares, so it can subtract its spawn time.
Qt is only imported inside functions, so the parent can import `memory_of` without Qt.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem  # noqa: TID251

    from ui.kiosk_app import KioskApp

MARKER = "REPORT "
# What residents of a Polish town type, letter by letter, with and without diacritics.
QUERIES = (
    "dowód osobisty",
    "zaświadczenie o niezaleganiu",
    "karta wędkarska",
    "rejestracja pojazdu",
    "wycinka drzew",
    "zameldowanie",
    "meldunek czasowy",
    "wymeldowanie",
    "zgubiony dowód",
    "odpis aktu urodzenia",
    "akt małżeństwa",
    "akt zgonu",
    "ślub cywilny",
    "zmiana nazwiska",
    "podatek od nieruchomości",
    "podatek rolny",
    "opłata za psa",
    "śmieci deklaracja",
    "odpady komunalne",
    "usunięcie drzewa",
    "piec źródło ciepła",
    "warunki zabudowy",
    "plan zagospodarowania",
    "numer domu",
    "pas drogowy",
    "zjazd z drogi",
    "założenie firmy",
    "sprzedaż alkoholu",
    "karta dużej rodziny",
    "dodatek mieszkaniowy",
    "becikowe",
    "zasiłek",
    "przedszkole",
    "stypendium",
    "prawo jazdy",
    "sprzedaż samochodu",
    "pozwolenie na budowę",
    "mapa geodezyjna",
    "karta parkingowa",
    "bezrobotny",
    "pomoc prawna",
    "badanie kierowcy",
)
LANGUAGES = ("en", "uk", "de", "pl")
CATEGORIES = ("pojazdy-kierowcy", "stan-cywilny", "podatki-oplaty")


def memory_of(pid: int | str = "self") -> dict[str, int]:
    """VmRSS, VmHWM (from status) and Pss (from smaps_rollup) of one process, in KiB."""
    found: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
        for line in rollup:
            key, _, value = line.partition(":")
            if key in ("Pss", "Rss"):
                found[key] = int(value.split()[0])
    return found


def report(**figures: Any) -> None:
    sys.stdout.write(MARKER + json.dumps(figures) + "\n")
    sys.stdout.flush()


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- start ------------------------------------------------------------------------------


def start(data: str, vk_first: bool) -> KioskApp:
    """The kiosk as `kiosk run --demo` builds it, with a timestamp after each phase."""
    marks: dict[str, float] = {"script": STARTED}
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication  # noqa: TID251
    from PySide6.QtQml import QQmlApplicationEngine  # noqa: TID251, F401
    from PySide6.QtQuick import QQuickWindow  # noqa: TID251, F401

    marks["qt_imported"] = time.monotonic()
    from kiosk.composition import Services
    from kiosk.config import KioskConfig
    from ui.kiosk_app import KioskApp, UiOptions, prepare_environment

    marks["app_imported"] = time.monotonic()
    prepare_environment()
    app = QGuiApplication([sys.argv[0]])
    marks["qguiapplication"] = time.monotonic()
    services = Services(KioskConfig(data_dir=data))
    # KioskApp would open (and on a fresh data dir import) the catalogue itself, first
    # thing; doing it one line earlier only lets the import be timed on its own.
    services.catalogue.store()
    marks["catalogue"] = time.monotonic()
    if vk_first:
        _load_virtual_keyboard_alone()
        marks["virtual_keyboard"] = time.monotonic()
    kiosk = KioskApp(app, services, UiOptions(windowed=True, demo=True))
    marks["qml_loaded"] = time.monotonic()
    first: list[float] = []

    def on_frame() -> None:
        if not first:
            first.append(time.monotonic())

    kiosk.window.frameSwapped.connect(on_frame)
    deadline = time.monotonic() + 20
    while not first and time.monotonic() < deadline:
        app.processEvents()
        if not first:
            time.sleep(0.001)
    if not first:
        raise RuntimeError("no frame within 20 s")
    marks["first_frame"] = first[0]
    # The virtual keyboard is made just after the first frame (Main.qml): time it too.
    while not [i for i in all_items(kiosk.window.contentItem()) if i.objectName() == "keyboard"]:
        if time.monotonic() > deadline:
            raise RuntimeError("the virtual keyboard was not made after the first frame")
        app.processEvents()
    marks["keyboard_ready"] = time.monotonic()
    memory = memory_of()  # with the keyboard made, as a resident meets it
    report(
        kind="start",
        marks=marks,
        memory_kib=memory,
        categories=kiosk.catalogue._categories.rowCount(),
        services=services.catalogue.info().services,
    )
    return kiosk


def _load_virtual_keyboard_alone() -> None:
    """Diagnostic only: the keyboard's QML module and InputPanel in an engine of their own."""
    from PySide6.QtCore import QUrl  # noqa: TID251
    from PySide6.QtQml import QQmlComponent, QQmlEngine  # noqa: TID251

    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(
        b"import QtQuick\nimport QtQuick.VirtualKeyboard\n"
        b"Item { width: 1080; height: 1920; InputPanel { width: 1080 } }",
        QUrl(),
    )
    made = component.create()
    if made is None:
        raise RuntimeError(component.errorString())
    # Kept alive on purpose: the parent process exits right after the first frame.
    _KEEP.extend([engine, component, made])


_KEEP: list[object] = []


# -- helpers that drive the window --------------------------------------------------------


class Frames:
    """Stamps frameSwapped and the results model's listChanged; waits for a condition."""

    def __init__(self, kiosk: KioskApp) -> None:
        from PySide6.QtCore import QEventLoop, QTimer  # noqa: TID251

        self.swapped_at = 0.0
        self.model_at = 0.0
        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._loop.quit)
        self._done: Callable[[], bool] | None = None
        kiosk.window.frameSwapped.connect(self._on_frame)
        kiosk.catalogue.listChanged.connect(self._on_model)

    def _on_model(self) -> None:
        self.model_at = time.perf_counter()
        self._check()

    def _on_frame(self) -> None:
        self.swapped_at = time.perf_counter()
        self._check()

    def _check(self) -> None:
        if self._done is not None and self._done():
            self._loop.quit()

    def wait(self, done: Callable[[], bool], timeout_ms: int = 1000) -> bool:
        """Run the event loop until `done()` holds (checked at every frame and model change)."""
        if done():
            return True
        self._done = done
        self._timer.start(timeout_ms)
        self._loop.exec()
        self._timer.stop()
        self._done = None
        return done()

    def frame_after(self, moment: float, timeout_ms: int = 1000) -> bool:
        return self.wait(lambda: self.swapped_at > moment, timeout_ms)

    def shown_after(self, moment: float, timeout_ms: int = 1000) -> bool:
        """The results model changed after `moment` and a frame swapped after that change."""
        return self.wait(
            lambda: self.model_at > moment and self.swapped_at > self.model_at, timeout_ms
        )


def all_items(item: QQuickItem) -> list[QQuickItem]:
    found = [item]
    for child in item.childItems():
        if isinstance(child, QQuickItem):  # not a stale wrapper of an item being deleted
            found += all_items(child)
    return found


def find_item(kiosk: KioskApp, name: str) -> QQuickItem:
    named = [i for i in all_items(kiosk.window.contentItem()) if i.objectName() == name]
    visible = [i for i in named if i.isVisible()]
    if not named:
        raise RuntimeError(f"no item named {name!r}")
    return (visible or named)[0]


def tap(kiosk: KioskApp, name: str) -> None:
    from PySide6.QtCore import QPointF, Qt  # noqa: TID251
    from PySide6.QtTest import QTest  # noqa: TID251

    item = find_item(kiosk, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def invoke(target: object, method: str, *args: object) -> None:
    from PySide6.QtCore import Q_ARG, QMetaObject, QObject  # noqa: TID251

    assert isinstance(target, QObject)
    if not QMetaObject.invokeMethod(target, method, *(Q_ARG("QVariant", a) for a in args)):
        raise RuntimeError(f"could not call {method}")


def virtual_keyboard_typist(kiosk: KioskApp) -> object:
    """A QML object whose press(ch) presses a key of the Qt Virtual Keyboard."""
    from PySide6.QtCore import QUrl  # noqa: TID251
    from PySide6.QtQml import QQmlComponent  # noqa: TID251

    component = QQmlComponent(kiosk.engine)
    component.setData(
        b"import QtQuick\nimport QtQuick.VirtualKeyboard\n"
        b"QtObject { function press(ch) "
        b"{ InputContext.inputEngine.virtualKeyClick(Qt.Key_unknown, ch, 0) } }",
        QUrl(),
    )
    typist = component.create()
    if typist is None:
        raise RuntimeError(component.errorString())
    _KEEP.append(component)
    return typist


# -- typing -------------------------------------------------------------------------------


def typing(kiosk: KioskApp) -> None:
    from ui.screenshots import settle

    settle(500)
    frames = Frames(kiosk)
    typist = virtual_keyboard_typist(kiosk)
    to_model: list[float] = []
    to_frame: list[float] = []
    in_call: list[float] = []
    missed = 0
    wrong_text: list[str] = []
    top_results: dict[str, str] = {}
    for query in QUERIES:
        kiosk.session.reset()
        kiosk.idle.touch()
        settle(60)
        tap(kiosk, "searchField")
        settle(60)
        if find_item(kiosk, "keyboard").property("active") is not True:
            raise RuntimeError("the virtual keyboard did not open")
        for character in query:
            pressed = time.perf_counter()
            invoke(typist, "press", character)
            returned = time.perf_counter()
            if not frames.shown_after(pressed):
                missed += 1
                continue
            in_call.append((returned - pressed) * 1000)
            to_model.append((frames.model_at - pressed) * 1000)
            to_frame.append((frames.swapped_at - pressed) * 1000)
            settle(20)  # the finger moves to the next key
        text = find_item(kiosk, "searchField").property("text")
        if text != query:
            wrong_text.append(f"{query!r} -> {text!r}")
        rows = kiosk.catalogue._results.rows()
        top_results[query] = rows[0]["serviceId"] if rows else ""
    search_ms = _search_alone(kiosk)
    report(
        kind="typing",
        search_alone_ms=search_ms,
        keys=len(to_frame),
        missed=missed,
        wrong_text=wrong_text,
        top_results=top_results,
        to_model_ms=to_model,
        to_frame_ms=to_frame,
        in_call_ms=in_call,
        frame_p50_ms=statistics.median(to_frame),
        frame_p99_ms=percentile(to_frame, 0.99),
    )


def _search_alone(kiosk: KioskApp) -> list[float]:
    """The catalogue search the field calls, without Qt, for every prefix typed above."""
    from kiosk.catalogue_service import Filters

    catalogue = kiosk.services.catalogue
    timings = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            began = time.perf_counter()
            catalogue.search(query[:end], Filters(), "pl", limit=30)
            timings.append((time.perf_counter() - began) * 1000)
    return timings


# -- journeys -----------------------------------------------------------------------------


def journeys(kiosk: KioskApp, total: int, checkpoints: list[int]) -> None:
    """Residents one after another: find a service, open its card, go back, switch the
    language and high contrast, leave (the idle reset). Each change is rendered."""
    import gc

    from ui.screenshots import settle

    settle(500)
    frames = Frames(kiosk)
    root = kiosk.window
    back = find_item(kiosk, "backButton")
    home = find_item(kiosk, "homeScreen")
    contrast = False
    missed_frames = 0
    began = time.monotonic()
    call_ms: dict[str, list[float]] = {}
    frame_ms: dict[str, list[float]] = {}

    def step(name: str, action: Callable[[], object], render: bool = True) -> None:
        nonlocal missed_frames
        moment = time.perf_counter()
        action()
        called = time.perf_counter()
        call_ms.setdefault(name, []).append((called - moment) * 1000)
        if not render:
            return
        if frames.frame_after(moment, timeout_ms=500):
            frame_ms.setdefault(name, []).append((frames.swapped_at - called) * 1000)
        else:
            missed_frames += 1

    for number in range(1, total + 1):
        kiosk.idle.touch()
        if number % 4 == 0:  # every fourth resident browses a category instead of searching
            category = CATEGORIES[number % len(CATEGORIES)]
            button = next(i for i in all_items(home) if i.objectName() == f"category_{category}")
            step("category", lambda b=button: invoke(b, "clicked"))  # type: ignore[misc]
        else:
            query = QUERIES[number % len(QUERIES)]
            step("search", lambda q=query: kiosk.catalogue.search(q))  # type: ignore[misc]
        rows = kiosk.catalogue._results.rows()
        if rows:
            service = rows[number % min(3, len(rows))]["serviceId"]
            step("open_card", lambda s=service: invoke(root, "openService", s))  # type: ignore[misc]
            step("back", lambda: invoke(back, "clicked"))
        language = LANGUAGES[number % len(LANGUAGES)]
        # The language and the contrast change are drawn in one frame, to keep the run short.
        step("language", lambda lang=language: kiosk.session.setLanguage(lang), render=False)  # type: ignore[misc]
        contrast = not contrast
        step("contrast", lambda on=contrast: kiosk.session.setOption("high_contrast", on))  # type: ignore[misc]
        step("reset", kiosk.session.reset)
        if number in checkpoints:
            settle(300)
            report(
                kind="journeys",
                done=number,
                memory_kib=memory_of(),
                missed_frames=missed_frames,
                seconds=time.monotonic() - began,
                python_objects=len(gc.get_objects()),
            )
    gc.collect()
    settle(300)
    report(
        kind="journeys_end",
        done=total,
        memory_kib_after_gc=memory_of(),
        step_call_p50_ms={k: statistics.median(v) for k, v in call_ms.items()},
        step_frame_p50_ms={k: statistics.median(v) for k, v in frame_ms.items()},
        step_counts={k: len(v) for k, v in call_ms.items()},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("start", "typing", "journeys"))
    parser.add_argument("--data", required=True)
    parser.add_argument("--vk-first", action="store_true")
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--checkpoints", default="100,500,1000,1500,2000")
    args = parser.parse_args()
    kiosk = start(args.data, args.vk_first)
    if args.mode == "typing":
        typing(kiosk)
    elif args.mode == "journeys":
        checkpoints = [int(c) for c in args.checkpoints.split(",")]
        journeys(kiosk, args.journeys, checkpoints)
    # No orderly teardown: the parent has what it needs, and Qt's shutdown order logs noise.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
