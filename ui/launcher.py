"""The `kiosk` command with the screens: `run`, `screenshot`, `self-test` and `compile-qml`
added to the core commands.

The core (kiosk/) must not import Qt, so the console script starts here and hands the
rest of the command tree to `kiosk.cli`.
"""

from __future__ import annotations

import argparse
import fcntl
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk import cli
from kiosk.cli_catalogue import UsageError
from kiosk.composition import Services
from kiosk.sd_notify import SystemdNotifier

log = logging.getLogger("kiosk")


def add_ui_commands(commands: Any) -> None:
    run = commands.add_parser("run", help="the kiosk app (fullscreen, locked down)")
    run.add_argument(
        "--demo", action="store_true", help="bundled demo catalogue, demo PIN 2468, windowed"
    )
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.set_defaults(handler=_run)
    shots = commands.add_parser("screenshot", help="render every screen to PNG (offscreen)")
    shots.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    shots.set_defaults(handler=_screenshot)
    self_test = commands.add_parser(
        "self-test",
        help="start offscreen with a throwaway data dir and check catalogue, screen, receipt",
    )
    self_test.set_defaults(handler=_self_test)
    compile_qml = commands.add_parser(
        "compile-qml", help="compile the screens' QML into a Qt disk cache folder (image build)"
    )
    compile_qml.add_argument(
        "cache", type=Path, help="folder for the cache; the kiosk reads it as QML_DISK_CACHE_PATH"
    )
    compile_qml.set_defaults(handler=_compile_qml)


def _single_instance(folder: Path) -> Any:
    """Hold a lock for the app's lifetime; a second `kiosk run` refuses to start."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = (folder / "kiosk.lock").open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise UsageError("another kiosk app is already running") from exc
    return handle


def _run(args: argparse.Namespace) -> int:
    # No garbage collection while the kiosk starts (~48 collections, 7-9 ms before home's
    # first frame); after that frame one collection, then what the start made is frozen
    # (gc.freeze), as it lives as long as the app, and later collections walk only what
    # residents' taps made: a full one took 10-24 ms over the start's objects, 0.1 ms
    # without them (docs/platform-notes.md).
    gc.disable()
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - Qt only for this command

    from ui.kiosk_app import AfterFirstFrame, KioskApp, UiOptions, prepare_environment  # noqa: PLC0415
    from ui.kiosk_lifecycle import KioskLifecycle, QuitOnSignal  # noqa: PLC0415

    services: Services = args.services
    lock = _single_instance(services.config.data_path())
    prepare_environment()
    # Qt keeps its caches (compiled QML) under the application's name; unset, that was the
    # script's name ("launcher.py", "kiosk_main") and changed with the way it was started.
    QGuiApplication.setApplicationName("infomat-kiosk")
    app = QGuiApplication(sys.argv[:1])
    kiosk = KioskApp(app, services, UiOptions(windowed=args.windowed or args.demo, demo=args.demo))
    kiosk.install_crash_handler()
    collecting = AfterFirstFrame(kiosk.window, _collect_from_now_on)  # kept till the end
    # The demo never syncs: it shows the bundled catalogue, whatever the config names.
    notifier = SystemdNotifier.from_environment()
    lifecycle = KioskLifecycle(kiosk, services, notifier, sync_catalogue=not args.demo)
    quit_on_signal = QuitOnSignal(app)
    log.info("kiosk started (%s)", "windowed" if args.windowed or args.demo else "fullscreen")
    try:
        code = app.exec()
        lifecycle.stop()
    finally:  # whatever stopping raised, the window goes before the models it reads
        quit_on_signal.remove()
        kiosk.shutdown()  # the QML engine goes before the models its bindings read
        lock.close()
        del collecting
    return int(code)


def _collect_from_now_on() -> None:
    gc.collect()  # the start's garbage first (a first boot imports the catalogue): not kept
    gc.freeze()
    gc.enable()
    log.info("garbage collection on; %d objects of the start kept out of it", gc.get_freeze_count())


def _screenshot(args: argparse.Namespace) -> int:
    from ui.screenshots import take_screenshots  # noqa: PLC0415 - Qt only for this command

    written = take_screenshots(args.services, args.out)
    for path in written:
        print(path)
    return 0


def _self_test(args: argparse.Namespace) -> int:
    from ui.self_test import run_self_test  # noqa: PLC0415 - Qt only for this command

    services: Services = args.services
    return run_self_test(services.config, sys.stdout)


def _compile_qml(args: argparse.Namespace) -> int:
    from ui.qml_cache import QmlCompileError, compile_qml  # noqa: PLC0415 - Qt only here

    try:
        written = compile_qml(args.cache)
    except QmlCompileError as exc:
        raise UsageError(str(exc)) from exc
    print(f"{len(written)} compiled QML files in {args.cache}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The bundle's smoke test spells it as an option (`kiosk --self-test`), like --version.
    arguments = ["self-test" if a == "--self-test" else a for a in arguments]
    # The kiosk app's start builds only its own command (cli.build_parser).
    core = cli.command_named(arguments) != "run"
    return cli.main(arguments, extend=add_ui_commands, core=core)


if __name__ == "__main__":
    sys.exit(main())
