"""Speech mode as a blind resident uses it: keypad keys in, the synthesizer's text out.

The kiosk speaks through a stand-in for espeak-ng that records the text it is given (the
speech log); the tests press keys and read that log, never coordinates or item names.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.composition import Services
from kiosk.config import AdminConfig, KioskConfig, SpeechConfig
from tests.outbox_factories import new_submission
from tests.ui.conftest import find_item
from ui.keyboard_keys import KeyboardKey, keys_of
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle

RECORDER = """#!/bin/sh
# Stands in for espeak-ng: one line per utterance, "voice<TAB>text".
text=$(cat)
printf '%s\\t%s\\n' "$2" "$text" >> {log}
"""


class Listener:
    """The resident's ears: what the kiosk said, and the keys they press."""

    def __init__(self, app: KioskApp, log: Path) -> None:
        self.app = app
        self.log = log
        self._words_end = "Na tym ekranie nie ma nic więcej."
        self._mark = 0

    def heard(self) -> list[str]:
        if not self.log.exists():
            return []
        return [line.split("\t", 1)[1] for line in self.log.read_text("utf-8").splitlines()]

    def press(self, key: Qt.Key, wait_for_speech: bool = True) -> str:
        """Press a key; return what was said after it."""
        before = self._mark = len(self.heard())
        QTest.keyClick(self.app.window, key)
        deadline = time.monotonic() + 3
        while wait_for_speech and len(self.heard()) == before and time.monotonic() < deadline:
            settle(20)
        settle(60)
        said = self.heard()[before:]
        return " | ".join(said)

    def listen_from_now(self) -> None:
        self._mark = len(self.heard())

    def wait_for(self, wanted: str, timeout_s: float = 5) -> str:
        """Until something said since the last key contains `wanted` (a screen announced)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = [line for line in self.heard()[self._mark :] if wanted in line]
            if found:
                return found[-1]
            settle(20)
        raise AssertionError(f"never heard {wanted!r}; heard: {self.heard()[-10:]}")

    def find(self, wanted: str, limit: int = 90) -> str:
        """Down until the item spoken contains `wanted` (as a keypad user steps)."""
        for _ in range(limit):
            said = self.press(Qt.Key.Key_Down)
            if wanted in said:
                return said
            if said == self._words_end:
                break
        raise AssertionError(
            f"never heard {wanted!r}; heard: {[h for h in self.heard() if h != self._words_end][-30:]}"
        )

    def type(self, text: str) -> None:
        for character in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
                )
                QGuiApplication.sendEvent(self.app.window, event)
            settle(30)
        settle(100)


@pytest.fixture(scope="module")
def speaking_app(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[KioskApp, Path]]:
    prepare_environment()
    folder = tmp_path_factory.mktemp("speech")
    log = folder / "speech.log"
    recorder = folder / "espeak-ng"
    recorder.write_text(RECORDER.format(log=log))
    os.chmod(recorder, 0o755)
    config = KioskConfig(
        data_dir=str(folder / "data"),
        admin=AdminConfig(pin_hash="", allow_exit=False),
        speech=SpeechConfig(command=str(recorder), attract_hint_s=0),
    )
    app = KioskApp(qapp, Services(config), UiOptions(True, False))
    settle(500)
    yield app, log
    app.shutdown()
    del app
    gc.collect()


@pytest.fixture
def ears(speaking_app: tuple[KioskApp, Path]) -> Listener:
    app, log = speaking_app
    app.session.reset()
    app.idle.touch()
    settle(200)
    log.unlink(missing_ok=True)
    return Listener(app, log)


def test_the_help_key_turns_speech_on_and_says_how_it_works(ears: Listener) -> None:
    said = ears.press(Qt.Key.Key_F1)
    assert "Tryb mówiący włączony" in said
    assert "Strona główna" in ears.wait_for("elementów")
    assert "Strzałka w dół" in ears.press(Qt.Key.Key_F1)


def test_each_item_is_said_once_with_its_role(ears: Listener) -> None:
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    said = [ears.press(Qt.Key.Key_Down) for _ in range(8)]
    assert said[0] == "Gmina Miasto Łańcut, nagłówek"
    assert "Dostępność, przycisk" in said[1]
    assert "Polski, przycisk, włączony" in said
    # A language's own name in its own voice, the role words in the resident's.
    english = '<s xml:lang="en-gb">English</s><s xml:lang="pl">przycisk, wyłączony</s>'
    assert f"<speak>{english}</speak>" in said
    assert any(s.startswith("Szukaj e-usług, pole tekstowe") for s in said)
    assert not any("♿" in s for s in said)
    assert ears.press(Qt.Key.Key_Up) == said[6]


def test_a_blind_resident_files_an_application_with_the_keypad_alone(ears: Listener) -> None:
    app = ears.app
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.find("Informacja publiczna, skargi i wnioski, przycisk")
    ears.press(Qt.Key.Key_Return)
    assert "Informacja publiczna, skargi i wnioski" in ears.wait_for("element")
    ears.find("Wniosek o udostępnienie informacji publicznej")
    ears.press(Qt.Key.Key_Return)
    ears.find("Wypełnij wniosek tutaj, przycisk")
    ears.press(Qt.Key.Key_Return)
    assert "Wniosek o udostępnienie informacji publicznej" in ears.wait_for("element")

    ears.find("Dalej, przycisk")  # "Next" with nothing answered: the problem is spoken
    said = ears.press(Qt.Key.Key_Return)
    assert "Opis informacji, pole tekstowe" in said and "wymagan" in said
    ears.type("Uchwały rady")
    assert ears.heard()[-1] == "y"  # each typed letter is echoed
    ears.find("Plik elektroniczny")
    assert ears.press(Qt.Key.Key_Return) == "Plik elektroniczny (np. PDF), przycisk, włączony"
    ears.find("Dalej, przycisk")
    ears.press(Qt.Key.Key_Return)
    ears.wait_for("element")
    ears.find("Dalej, przycisk")  # the name is optional
    ears.press(Qt.Key.Key_Return)
    ears.wait_for("element")
    ears.find("E-mailem, przycisk")  # past the question's help, read before its choices
    ears.press(Qt.Key.Key_Return)
    said = ears.find("Adres e-mail, pole tekstowe")
    ears.press(Qt.Key.Key_Return)  # into the field
    ears.type("ala@example.pl")
    ears.find("Dalej, przycisk")
    ears.press(Qt.Key.Key_Return)
    ears.wait_for("Sprawdź swoje odpowiedzi")
    ears.find("z informacją o przetwarzaniu moich danych osobowych., przycisk, wyłączony")
    assert ears.press(Qt.Key.Key_Return).endswith("przycisk, włączony")
    ears.find("Wyślij wniosek, przycisk")
    ears.press(Qt.Key.Key_Return)
    ears.wait_for("element")
    [filed] = app.services.outbox.list()
    assert filed.answers is not None and filed.answers["email"] == "ala@example.pl"
    code = filed.code
    said = ears.find("Kod wniosku")
    assert ", ".join(code[:3]) in said or " ".join(code[:3]) in said
    assert find_item(app.window.contentItem(), "receiptScreen") is not None


def tap(app: KioskApp, name: str) -> None:
    item = find_item(app.window.contentItem(), name)
    assert item is not None and item.isVisible(), name
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(app.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def stack_depth(app: KioskApp) -> int:
    stack = find_item(app.window.contentItem(), "stack")
    assert stack is not None
    depth = stack.property("depth")
    assert isinstance(depth, int)
    return depth


def test_touch_exploration_speaks_first_and_a_double_tap_chooses(ears: Listener) -> None:
    app = ears.app
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.listen_from_now()
    tap(app, "category_podatki-oplaty")
    assert ears.wait_for("Podatki i opłaty lokalne") == "Podatki i opłaty lokalne, przycisk"
    settle(600)  # well past a double tap: the single touch opened nothing
    assert stack_depth(app) == 1
    tap(app, "category_podatki-oplaty")
    settle(80)
    tap(app, "category_podatki-oplaty")
    ears.wait_for("elementów")  # the category's list is announced
    assert stack_depth(app) == 2


def test_the_countdown_is_spoken_with_how_to_get_more_time(ears: Listener) -> None:
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.app.idle.show_countdown_now()
    said = ears.wait_for("Czy nadal tu jesteś?")
    assert "sekund" in said and "więcej czasu" in said
    ears.app.idle.touch()


def test_a_new_resident_hears_nothing_of_the_last_one(ears: Listener) -> None:
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.app.session.reset()
    settle(300)
    assert ears.app.session.session.accessibility.read_aloud is False
    before = len(ears.heard())
    QTest.keyClick(ears.app.window, Qt.Key.Key_Down)
    settle(400)
    assert ears.heard()[before:] == []  # speech mode went with the last resident


def touch(app: KioskApp, key: KeyboardKey) -> None:
    centre = key.scene_rect().center().toPoint()
    QTest.mouseClick(app.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def test_a_blind_resident_types_on_the_on_screen_keyboard_by_touch(ears: Listener) -> None:
    """Qt's keyboard has no accessible keys: the reader finds them, says them, and a double
    tap types one, echoed like a key of a keypad."""
    app = ears.app
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.find("pole tekstowe")  # the search field
    ears.press(Qt.Key.Key_Return)  # into it: the keyboard opens
    settle(400)
    keyboard = find_item(app.window.contentItem(), "keyboard")
    assert keyboard is not None and keyboard.isVisible()
    keys = {k.text.lower(): k for k in keys_of(keyboard) if k.kind == "letter"}
    special = {k.kind: k for k in keys_of(keyboard) if k.kind != "letter"}
    # Found by Qt Virtual Keyboard's documented key types: this fails if a release changes them.
    assert set(special) == {"shift", "backspace", "symbols", "language", "space", "hide", "enter"}
    assert set("aąbcdefghijklmnopqrstuvwxyz") - set(keys) <= {"ą"}, sorted(keys)
    field = app.window.activeFocusItem()
    assert field is not None

    ears.listen_from_now()
    touch(app, keys["k"])
    heard = ears.wait_for("")  # the first thing said after the touch
    settle(500)
    assert field.property("text") == "", "one touch only says the key"
    touch(app, keys["k"])
    settle(60)
    touch(app, keys["k"])
    settle(200)
    typed = str(field.property("text"))
    assert typed.lower() == "k", typed
    assert ears.heard()[-1] == typed  # the letter typed is echoed

    ears.listen_from_now()
    touch(app, special["backspace"])
    assert ears.wait_for("klawisz") == "Usuń ostatnią literę, klawisz"
    settle(500)
    touch(app, special["backspace"])
    settle(60)
    touch(app, special["backspace"])
    settle(200)
    assert field.property("text") == ""
    assert ears.heard()[-1].startswith("usunięto")
    assert heard in ("k", "wielka litera K")


def test_the_status_of_an_application_is_read_aloud(ears: Listener) -> None:
    """'Sprawdź stan sprawy' in speech mode: the answer is spoken when it arrives."""
    app = ears.app
    filed = app.services.outbox.enqueue(new_submission())
    ears.press(Qt.Key.Key_F1)
    ears.wait_for("elementów")
    ears.find("Sprawdź stan sprawy, przycisk")
    ears.press(Qt.Key.Key_Return)
    ears.wait_for("Sprawdź stan sprawy")
    ears.find("Kod wniosku z potwierdzenia, pole tekstowe")
    ears.press(Qt.Key.Key_Return)  # into the field
    ears.type(filed.code)
    ears.listen_from_now()
    ears.press(Qt.Key.Key_Return)  # Enter in the field asks, as a scanner's Enter does
    said = ears.wait_for("czeka na wysłanie do urzędu")
    assert said.startswith("Twój wniosek jest zapisany w tym kiosku")
    assert "Sprawa: Wniosek o udostępnienie informacji publicznej" in said
