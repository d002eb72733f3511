"""Colours and sizes of the two themes, declared once and checked by tests (WCAG 2.1 AA)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal


@dataclass(frozen=True)
class Palette:
    background: str
    surface: str
    text: str
    muted_text: str
    primary: str
    on_primary: str
    border: str
    error: str
    focus: str


NORMAL = Palette(
    background="#FFFFFF",
    surface="#EEF2F7",
    text="#14181F",
    muted_text="#46505E",
    primary="#0B4F9C",
    on_primary="#FFFFFF",
    border="#8A95A5",
    error="#A8071A",
    focus="#005FCC",
)
HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted_text="#E6E6E6",
    primary="#FFD400",
    on_primary="#000000",
    border="#FFFFFF",
    error="#FF8A80",
    focus="#00E5FF",
)
TEXT_ON = [
    ("text", "background"),
    ("muted_text", "background"),
    ("text", "surface"),
    ("muted_text", "surface"),
    ("on_primary", "primary"),
    ("error", "background"),
    ("primary", "background"),
]
"""Every pair of (text colour, background colour) the screens use."""

BODY_PX = 30
TOUCH_MIN_PX = 64
LARGE_TEXT_SCALE = 1.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class Colours(QObject):
    """One palette as QML reads it (`theme.colors.mutedText`): constant properties of one
    object per palette. A dict here had QML build a new JavaScript object at every binding
    (4,000 bindings: 100 ms against 45), a few milliseconds of every screen change."""

    def __init__(self, palette: Palette, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.palette = palette

    background = Property(str, lambda self: self.palette.background, constant=True)
    surface = Property(str, lambda self: self.palette.surface, constant=True)
    text = Property(str, lambda self: self.palette.text, constant=True)
    mutedText = Property(str, lambda self: self.palette.muted_text, constant=True)
    primary = Property(str, lambda self: self.palette.primary, constant=True)
    onPrimary = Property(str, lambda self: self.palette.on_primary, constant=True)
    border = Property(str, lambda self: self.palette.border, constant=True)
    error = Property(str, lambda self: self.palette.error, constant=True)
    focus = Property(str, lambda self: self.palette.focus, constant=True)


class Theme(QObject):
    """What QML binds to: `theme.colors.text`, `theme.body`, `theme.touch`."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._high_contrast = False
        self._scale = 1.0
        self._colours = {NORMAL: Colours(NORMAL, self), HIGH_CONTRAST: Colours(HIGH_CONTRAST, self)}

    def apply(self, high_contrast: bool, large_text: bool) -> None:
        scale = LARGE_TEXT_SCALE if large_text else 1.0
        if (high_contrast, scale) != (self._high_contrast, self._scale):
            self._high_contrast, self._scale = high_contrast, scale
            self.changed.emit()

    def palette(self) -> Palette:
        return HIGH_CONTRAST if self._high_contrast else NORMAL

    def _colors(self) -> Colours:
        return self._colours[self.palette()]

    def _body(self) -> int:
        return round(BODY_PX * self._scale)

    def _title(self) -> int:
        return round(BODY_PX * 1.6 * self._scale)

    def _small(self) -> int:
        return round(BODY_PX * 0.8 * self._scale)

    def _touch(self) -> int:
        return max(TOUCH_MIN_PX, round(88 * min(self._scale, 1.25)))

    def _is_high_contrast(self) -> bool:
        return self._high_contrast

    colors = Property(QObject, _colors, notify=changed)
    body = Property(int, _body, notify=changed)
    title = Property(int, _title, notify=changed)
    small = Property(int, _small, notify=changed)
    touch = Property(int, _touch, notify=changed)
    highContrast = Property(bool, _is_high_contrast, notify=changed)
