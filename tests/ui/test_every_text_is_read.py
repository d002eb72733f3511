"""What a sighted resident reads on a screen, a blind one hears: every visible text is in the
accessibility tree that speech mode reads (and a screen reader gets over AT-SPI).

A Qt Quick `Text` without `Accessible.*` is not in that tree at all: "Nothing found…" on
home, the data notice before the consent box, a status check's answer and the office's
message, the card's note that it is not in the chosen language were all silent in speech
mode, while every button around them was read.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtQuick import QQuickItem

from tests.outbox_factories import new_submission
from tests.ui.conftest import Kiosk, all_items
from tests.ui.test_filing import INFO_REQUEST, file_info_request, fill_info_request, open_form
from tests.ui.test_status_check import open_status_check, type_text, wait_for_the_answer
from ui.a11y_nodes import readable_nodes, top_layer
from ui.screenshots import settle

# Seen but not read, each for its reason: the idle countdown's number (speech mode says the
# seconds left itself), the PIN's dots, and web addresses under a QR code (the sentence
# beside them says what to do; spelt out, an address helps nobody).
NOT_READ = {"secondsLeft", "pinDots"}


def words(text: str) -> str:
    """Letters and digits only, one space between: symbols, arrows and the tags of a rich
    text are not read."""
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"<[^>]*>", " ", text)).split()).lower()


def silent_texts(kiosk: Kiosk) -> list[str]:
    """The visible texts of the top layer (what speech mode reads: an open overlay or popup,
    else the window) whose words no read node carries, in its name or its description."""
    settle(200)
    window = kiosk.window
    layer = top_layer(window)
    nodes = readable_nodes(layer)
    heard = " | ".join(words(f"{node.name} {node.description}") for node in nodes)
    shown = layer.object() if layer is not None else None  # a popup or overlay, if open
    root = shown if isinstance(shown, QQuickItem) else window.contentItem()
    silent = []
    for item in all_items(root, skip="keyboard"):
        text = item.property("text")
        if not item.inherits("QQuickText") or not isinstance(text, str) or not words(text):
            continue
        if item.objectName() in NOT_READ or text.startswith(("http://", "https://")):
            continue
        if _seen(item, window.width(), window.height()) and not _in(words(text), heard):
            silent.append(text)
    return silent


def _in(said: str, heard: str) -> bool:
    """Heard as words, or letter by letter (a code is spelt out: "F, P, Y…")."""
    return said in heard or said.replace(" ", "") in heard.replace(" ", "")


def _seen(item: QQuickItem, width: int, height: int) -> bool:
    """Drawn now: visible, not see-through, and its corner inside the window."""
    if not item.isVisible() or item.opacity() == 0 or item.width() <= 0:
        return False
    corner = item.mapToScene(item.boundingRect().topLeft())
    return 0 <= corner.y() < height and 0 <= corner.x() < width


def test_nothing_found_is_read_with_its_suggestions(kiosk: Kiosk) -> None:
    kiosk.app.catalogue.search("xyzzy")
    kiosk.wait_shown("nothingFound")
    assert silent_texts(kiosk) == []


def test_a_card_is_read_whole(kiosk: Kiosk) -> None:
    kiosk.app.catalogue.search("dowód")
    settle(100)
    kiosk.tap("service_gl-dowod-osobisty")
    kiosk.wait_shown("cardScreen")
    assert silent_texts(kiosk) == []


def test_the_data_notice_before_the_consent_is_read(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    assert silent_texts(kiosk) == []  # the first step, with its introduction
    fill_info_request(kiosk)
    kiosk.wait_shown("formReview")
    assert kiosk.item("consentText").property("text"), "the review shows the data notice"
    assert silent_texts(kiosk) == []


def test_a_status_checks_answer_is_read(kiosk: Kiosk) -> None:
    filed = kiosk.app.services.outbox.enqueue(new_submission())
    open_status_check(kiosk)
    assert silent_texts(kiosk) == []  # what to type, and where the code is
    type_text(kiosk, "statusCodeField", filed.code)
    kiosk.tap("checkStatusButton")
    wait_for_the_answer(kiosk)
    assert kiosk.app.status_check.property("details"), "the answer has details to read"
    assert silent_texts(kiosk) == []


@pytest.mark.parametrize("overlay", ["countdown", "pin"])
def test_an_overlay_is_read_whole(kiosk: Kiosk, overlay: str) -> None:
    if overlay == "countdown":
        kiosk.app.idle.show_countdown_now()
    else:
        for _ in range(5):
            kiosk.app.admin.cornerTapped()
    assert silent_texts(kiosk) == []


def test_the_receipt_is_read_whole(kiosk: Kiosk) -> None:
    file_info_request(kiosk)
    kiosk.wait_shown("receiptScreen")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.form.property("result")["printState"] != "printing")
    assert silent_texts(kiosk) == []


@pytest.mark.parametrize("button", ["category_pojazdy-kierowcy", "accessibilityButton"])
def test_a_list_and_the_accessibility_panel_are_read_whole(kiosk: Kiosk, button: str) -> None:
    kiosk.tap(button)
    assert silent_texts(kiosk) == []
