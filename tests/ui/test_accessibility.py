"""WCAG 2.1 AA from the theme and the real item sizes: contrast 4.5:1, touch targets 64 px."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from tests.ui.conftest import Kiosk, all_items
from ui.screenshots import settle
from ui.theme import HIGH_CONTRAST, NORMAL, TEXT_ON, TOUCH_MIN_PX, Palette, contrast_ratio


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
@pytest.mark.parametrize(("text", "background"), TEXT_ON)
def test_text_contrast_is_at_least_4_5_to_1(palette: Palette, text: str, background: str) -> None:
    assert contrast_ratio(getattr(palette, text), getattr(palette, background)) >= 4.5


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_focus_ring_is_visible_and_not_the_error_colour(palette: Palette) -> None:
    """A focused field must not look wrong: its ring (WCAG 1.4.11, 3:1) is far from the error red."""
    assert contrast_ratio(palette.focus, palette.background) >= 3
    assert contrast_ratio(palette.focus, palette.surface) >= 3
    red, _green, blue = (int(palette.focus[i : i + 2], 16) for i in (1, 3, 5))
    assert blue > red, f"focus {palette.focus} is a red, like the error colour {palette.error}"


def test_contrast_formula_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def tappable(kiosk: Kiosk) -> list[QQuickItem]:
    """Every visible item a finger can act on: those with a TapHandler, and the search field."""
    found = []
    for item in all_items(kiosk.window.contentItem(), skip="keyboard"):
        has_tap = any(c.inherits("QQuickTapHandler") for c in item.children())
        if (
            (has_tap or item.objectName() == "searchField")
            and item.isVisible()
            and item.objectName() != "adminCorner"
        ):
            found.append(item)
    return found


@pytest.mark.parametrize("screen", ["home", "list", "card", "accessibility", "countdown", "pin"])
def test_every_touch_target_is_at_least_64_px(kiosk: Kiosk, screen: str) -> None:
    if screen == "list":
        kiosk.tap("category_pojazdy-kierowcy")
    elif screen == "card":
        kiosk.app.catalogue.search("dowód")
        settle(100)
        kiosk.tap("service_gl-dowod-osobisty")
    elif screen == "accessibility":
        kiosk.tap("accessibilityButton")
    elif screen == "countdown":
        kiosk.app.catalogue.search("dowód")
        kiosk.app.idle.show_countdown_now()
    elif screen == "pin":
        for _ in range(5):
            kiosk.app.admin.cornerTapped()
    settle(300)
    items = tappable(kiosk)
    assert len(items) >= 3
    small = [
        (i.objectName(), i.width(), i.height())
        for i in items
        if min(i.width(), i.height()) < TOUCH_MIN_PX
    ]
    assert small == []


def test_every_control_has_an_accessible_name_and_role(kiosk: Kiosk) -> None:
    """What a screen reader gets, through Qt's accessibility interface."""
    kiosk.tap("accessibilityButton")
    settle(200)
    unnamed = []
    for item in tappable(kiosk):
        accessible = QAccessible.queryAccessibleInterface(item)
        if accessible is None or not accessible.text(QAccessible.Text.Name).strip():
            unnamed.append(item.objectName())
        elif accessible.role() not in (
            QAccessible.Role.Button,
            QAccessible.Role.EditableText,
            QAccessible.Role.AlertMessage,
        ):
            unnamed.append(f"{item.objectName()}: role {accessible.role()}")
    assert unnamed == []
