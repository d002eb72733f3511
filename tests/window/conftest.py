"""The kiosk in a real X window: one desk and one kiosk process per module and orientation.

Each test starts from the pristine home screen: when a journey leaves the kiosk elsewhere
(a query, an option, a popup), the kiosk process is started again before the next test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.window.harness import SHOTS, Desk, KioskSettings, WindowKiosk
from tests.window.processes import missing_tools

WINDOW_TESTS = Path(__file__).parent

ORIENTATIONS = ("portrait", "landscape")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent == WINDOW_TESTS:
            item.add_marker(pytest.mark.window)
            item.add_marker(pytest.mark.slow)


SEARCH = "Szukaj e-usług"


@pytest.fixture(scope="module", params=ORIENTATIONS)
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"window tests need {', '.join(missing)} (./dev test installs them)")
    desk = Desk(request.param)
    yield desk
    desk.stop()


@dataclass
class Seat:
    """The kiosk process of a module; replaced when a journey did not end at pristine home."""

    desk: Desk
    settings: KioskSettings
    kiosk: WindowKiosk | None = None
    pristine: tuple[object, ...] = field(default=())

    def ready(self, shots_name: str) -> WindowKiosk:
        if (
            self.kiosk is not None
            and self.kiosk.alive()
            and fingerprint(self.kiosk) == self.pristine
        ):
            self.kiosk.shots, self.kiosk.step = SHOTS / shots_name, 0
            return self.kiosk
        self.stop()
        self.kiosk = WindowKiosk(self.desk, self.settings, shots_name)
        self.pristine = fingerprint(self.kiosk)
        return self.kiosk

    def stop(self) -> None:
        if self.kiosk is not None:
            self.kiosk.stop()
            self.kiosk = None


def fingerprint(kiosk: WindowKiosk) -> tuple[object, ...]:
    """What is on screen, by role, name and place, and what the search field holds."""
    nodes = kiosk.tree.nodes()
    search = next((n for n in nodes if n.name == SEARCH), None)
    typed = None if search is None else kiosk.text_of(search)
    return (typed, *((n.role, n.name, n.extents) for n in nodes))


@pytest.fixture(scope="module")
def seat(desk: Desk, request: pytest.FixtureRequest) -> Iterator[Seat]:
    overrides: dict[str, Any] = getattr(request.module, "KIOSK_SETTINGS", {})
    seat = Seat(desk, KioskSettings(desk.orientation, **overrides))
    yield seat
    seat.stop()


@pytest.fixture
def kiosk(seat: Seat, request: pytest.FixtureRequest) -> WindowKiosk:
    """The kiosk on its home screen, as the next resident finds it."""
    shots_name = f"{seat.desk.name}/{request.node.originalname}"
    shutil.rmtree(SHOTS / shots_name, ignore_errors=True)
    kiosk = seat.ready(shots_name)
    kiosk.shot("home")
    return kiosk
