"""What keeps a tap's next frame quick: no rows made twice, the theme's colours made once,
Qt Quick's software renderer where there is no GPU (tests/perf/bench_taps.py measures it)."""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from tests.ui.conftest import Kiosk, all_items
from ui.kiosk_app import has_gpu, prepare_environment
from ui.screenshots import settle
from ui.theme import HIGH_CONTRAST, NORMAL, Palette, Theme


def rows_under(kiosk: Kiosk, screen: str) -> list[str]:
    return [
        i.objectName()
        for i in all_items(kiosk.item(screen))
        if i.objectName().startswith("service_")
    ]


def test_a_category_list_makes_its_rows_once_not_again_under_home(kiosk: Kiosk) -> None:
    kiosk.tap("category_pojazdy-kierowcy")
    # Rows of a hidden list go with a deferred delete: on a busy machine, give it a moment.
    kiosk.qtbot.waitUntil(
        lambda: "service_pl-rejestracja-pojazdu" in rows_under(kiosk, "listScreen"), timeout=3000
    )
    kiosk.qtbot.waitUntil(lambda: rows_under(kiosk, "homeScreen") == [], timeout=3000)
    kiosk.tap("homeButton")
    kiosk.qtbot.waitUntil(lambda: rows_under(kiosk, "homeScreen") == [], timeout=3000)


def test_search_results_still_list_under_the_field_and_open(kiosk: Kiosk) -> None:
    kiosk.tap("category_pojazdy-kierowcy")
    kiosk.tap("homeButton")
    kiosk.app.catalogue.search("rejestracja pojazdu")
    settle(150)
    assert kiosk.item("resultsList").isVisible()
    assert "service_pl-rejestracja-pojazdu" in rows_under(kiosk, "homeScreen")
    kiosk.tap("service_pl-rejestracja-pojazdu")
    assert kiosk.item("cardTitle").property("text") == "Rejestracja pojazdu"
    kiosk.tap("backButton")
    assert kiosk.item("resultsList").isVisible()
    kiosk.app.catalogue.search("")
    settle(150)
    assert rows_under(kiosk, "homeScreen") == []


def colour(theme: Theme, name: str) -> object:
    colours = theme.property("colors")
    assert isinstance(colours, QObject)
    return colours.property(name)


def test_the_theme_colours_follow_high_contrast_from_one_object_per_palette() -> None:
    theme = Theme()
    first = theme.property("colors")
    assert colour(theme, "mutedText") == NORMAL.muted_text
    assert colour(theme, "onPrimary") == NORMAL.on_primary
    theme.apply(high_contrast=True, large_text=False)
    assert colour(theme, "background") == HIGH_CONTRAST.background
    assert colour(theme, "text") == HIGH_CONTRAST.text
    theme.apply(high_contrast=False, large_text=False)
    assert colour(theme, "background") == NORMAL.background
    assert theme.property("colors") is first  # made once per palette, not per binding
    for field in fields(Palette):  # every palette colour is a property QML can read
        head, *rest = field.name.split("_")
        assert colour(theme, head + "".join(part.title() for part in rest)) == getattr(
            NORMAL, field.name
        )


def test_a_render_node_means_a_gpu(tmp_path: Path) -> None:
    assert not has_gpu(tmp_path / "missing")
    assert not has_gpu(tmp_path)
    (tmp_path / "card0").touch()  # a display only (simpledrm) renders nothing
    assert not has_gpu(tmp_path)
    (tmp_path / "renderD128").touch()
    assert has_gpu(tmp_path)


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (
        "QT_QUICK_BACKEND", "QSG_RHI_BACKEND", "QT_IM_MODULE", "QT_QPA_PLATFORM",
        "QT_QPA_UPDATE_IDLE_TIME",
    ):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_a_gpu_qt_quick_draws_in_software(
    clean_environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    prepare_environment(tmp_path)

    assert os.environ["QT_QUICK_BACKEND"] == "software"
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"


def test_with_a_gpu_or_a_technicians_choice_the_renderer_is_left_alone(
    clean_environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:

    (tmp_path / "renderD128").touch()
    prepare_environment(tmp_path)
    assert "QT_QUICK_BACKEND" not in os.environ
    (tmp_path / "renderD128").unlink()
    clean_environment.setenv("QSG_RHI_BACKEND", "opengl")
    prepare_environment(tmp_path)
    assert "QT_QUICK_BACKEND" not in os.environ


def test_on_wayland_qt_quick_draws_in_software_even_with_a_gpu(
    clean_environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The kiosk session under cage: the bundle has no EGL integration for Wayland clients.
    (tmp_path / "renderD128").touch()
    clean_environment.setenv("QT_QPA_PLATFORM", "wayland")
    prepare_environment(tmp_path)
    assert os.environ["QT_QUICK_BACKEND"] == "software"


def test_on_x11_a_requested_frame_is_not_held_back_elsewhere_qt_decides(
    clean_environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # tests/window/test_frame_requests.py shows what the variable does on X11.
    prepare_environment(tmp_path)  # no platform named: X11's on a desk with a display
    assert os.environ["QT_QPA_UPDATE_IDLE_TIME"] == "0"
    for platform, wait in (("xcb", "0"), ("offscreen", None), ("wayland", None)):
        clean_environment.delenv("QT_QPA_UPDATE_IDLE_TIME", raising=False)
        clean_environment.setenv("QT_QPA_PLATFORM", platform)
        prepare_environment(tmp_path)
        assert os.environ.get("QT_QPA_UPDATE_IDLE_TIME") == wait, platform
