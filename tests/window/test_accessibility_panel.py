"""The accessibility panel in the real window: every label read whole, in every language.

The panel's buttons keep one size (switching large text on never moves a switch under the
finger), so a long label must wrap or be set smaller, never be cut off with "…" ("Mowa
wol…", "Мовлення по…"): a resident must read the whole of what a button does. Each button
must also lie whole in the window (a 1280x800 panel is only 800 pixels high).
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from tests.window import shots
from tests.window.atspi import Node
from tests.window.geometry import Rect
from tests.window.harness import BUTTON, WindowKiosk, layer
from tests.window.test_journeys import label
from tests.window.words import translated

LANGUAGES = {"pl": "Polski", "en": "English", "uk": "Українська", "de": "Deutsch"}
BORDER = 6  # the button's frame and rounded corners: not its label's ink


def words_in(language: str) -> Callable[[str], str]:
    """The kiosk's words in `language` (its screens are written in English)."""
    return lambda source: source if language == "en" else translated(source, language)


def panel_buttons(kiosk: WindowKiosk) -> list[Node]:
    """The buttons of the open panel (a popup: a dialog in the accessibility tree)."""
    return [n for n in kiosk.tree.nodes() if n.role == BUTTON and layer(n) is not None]


def cut_labels(kiosk: WindowKiosk, step: str) -> list[str]:
    """The panel's buttons that are not whole in the window or whose label ends in "…"."""
    kiosk.wait_still()
    image = kiosk.shot(step)
    window = kiosk.window()
    buttons = panel_buttons(kiosk)
    problems = [] if len(buttons) >= 10 else [f"{step}: only {len(buttons)} buttons in the panel"]
    for button in buttons:
        if not window.contains(button.extents):
            problems.append(f"{step}: {button.name!r} at {button.extents} is not whole in {window}")
            continue
        if label_cut_off(image, window, button.extents):
            problems.append(f"{step}: the label of {button.name!r} is cut off with '…'")
    return problems


def label_cut_off(image: Image.Image, window: Rect, button: Rect) -> bool:
    """Whether the label drawn inside the button (in a screenshot of the window) ends in "…"."""
    return shots.ends_in_an_ellipsis(inside(image, window, button))


def inside(image: Image.Image, window: Rect, control: Rect) -> Image.Image:
    """What is drawn within the control's frame, from a screenshot of the window."""
    return image.crop((control.x - window.x + BORDER, control.y - window.y + BORDER,
                       control.right - window.x - BORDER, control.bottom - window.y - BORDER))  # fmt: skip


def panel_problems(kiosk: WindowKiosk, languages: dict[str, str]) -> list[str]:
    """In each language, the panel as it opens and with large text on (switched there and
    back off), then Done; the kiosk is left in Polish with every option off."""
    problems: list[str] = []
    for language, name in languages.items():
        words = words_in(language)
        kiosk.tap(name)
        kiosk.tap(label(words("Accessibility")))
        kiosk.find(words("Accessibility"), "heading")
        problems += cut_labels(kiosk, f"{language}-panel")
        large = label(words("Large text"))
        kiosk.tap(large)
        problems += cut_labels(kiosk, f"{language}-panel-large-text")
        kiosk.tap(large)
        kiosk.tap(label(words("Done")))
        kiosk.wait_gone(label(words("Done")), BUTTON)
    kiosk.tap(LANGUAGES["pl"])
    return problems


def test_every_label_of_the_panel_is_read_whole(kiosk: WindowKiosk) -> None:
    problems = panel_problems(kiosk, LANGUAGES)
    assert not problems, "\n".join(problems)
