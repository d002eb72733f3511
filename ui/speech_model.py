"""Read aloud for QML: speaks the texts of the screen in the resident's language (and in
Polish those the screen marks as Polish)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Slot
from PySide6.QtQml import QJSValue
from PySide6.QtQuick import QQuickItem
from shiboken6 import Shiboken

from kiosk.speech import Speaker
from ui.session_model import SessionModel


def visible_texts(item: QQuickItem) -> list[str]:
    """The `text` of every visible item under `item`, in reading order (depth first)."""
    if not item.isVisible():
        return []
    found = []
    text = item.property("text")
    if isinstance(text, str) and text.strip():
        found.append(text.strip())
    for child in item.childItems():
        found += visible_texts(child)
    return found


BULLET = "•"


def text_languages(item: QQuickItem) -> dict[str, str]:
    """The screen's `textLanguages`: shown text -> language, for texts not in the resident's."""
    value = item.property("textLanguages")
    if isinstance(value, QJSValue):
        value = value.toVariant()
    if not isinstance(value, Mapping):
        return {}
    return {str(text): str(language) for text, language in value.items()}


def spoken_language(text: str, language: str, languages: Mapping[str, str]) -> str:
    """The language to read `text` in (a list line's bullet is not part of its text)."""
    return languages.get(text) or languages.get(text.removeprefix(BULLET).strip(), language)


def name_language(item: QQuickItem) -> str:
    """The language an item's accessible name is in when it says so (`nameLanguage`, as a
    language button does: its name is in its own language), or ""."""
    value = item.property("nameLanguage") if Shiboken.isValid(item) else None
    return value if isinstance(value, str) else ""


class SpeechModel(QObject):
    def __init__(
        self, speaker: Speaker, session: SessionModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._session = session
        session.wasReset.connect(speaker.stop)

    @Slot(QQuickItem)
    def sayScreen(self, item: QQuickItem) -> None:
        """Read the screen aloud; texts it marks as Polish (a card without a translation) are
        read with the Polish voice, the rest with the resident's."""
        language, marked = self._session.session.language, text_languages(item)
        self.say_parts([(t, spoken_language(t, language, marked)) for t in visible_texts(item)])

    def say_parts(self, parts: list[tuple[str, str]]) -> None:
        """(text, language) parts, each in its own voice, at the resident's rate and volume."""
        state = self._session.session
        self._speaker.say_parts(parts, state.speech_pace, state.speech_loudness)

    def stop(self) -> None:
        self._speaker.stop()

    def close(self) -> None:
        """Silent for good: the kiosk is closing."""
        self._speaker.close()

    @Slot(str)
    def say(self, text: str) -> None:
        """In the resident's language, at the rate and volume they chose."""
        state = self._session.session
        self._speaker.say(text, state.language, state.speech_pace, state.speech_loudness)
