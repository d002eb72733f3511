"""Read aloud for QML: speaks the texts of the screen in the resident's language."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtQuick import QQuickItem

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
        self.say(". ".join(visible_texts(item)))

    def stop(self) -> None:
        self._speaker.stop()

    @Slot(str)
    def say(self, text: str) -> None:
        """In the resident's language, at the rate and volume they chose."""
        state = self._session.session
        self._speaker.say(text, state.language, state.speech_pace, state.speech_loudness)
