"""The resident session as QML sees it; `reset` drops it whole and says so."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.session import Accessibility, ResidentSession

LANGUAGES = ("pl", "en", "uk", "de")


class SessionModel(QObject):
    languageChanged = Signal()
    accessibilityChanged = Signal()
    queryChanged = Signal()
    wasReset = Signal()

    def __init__(self, default_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._default_language = default_language
        self.session = ResidentSession.fresh(default_language)

    @Slot()
    def reset(self) -> None:
        """A new resident: defaults everywhere, nothing of the previous one."""
        previous = self.session
        self.session = ResidentSession.fresh(self._default_language)
        if previous.language != self.session.language:  # re-rendering costs ~50 ms
            self.languageChanged.emit()
        self.accessibilityChanged.emit()
        self.queryChanged.emit()
        self.wasReset.emit()

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        if language in LANGUAGES and language != self.session.language:
            self.session.language = language
            self.languageChanged.emit()

    @Slot(str, bool)
    def setOption(self, name: str, on: bool) -> None:
        if name in Accessibility().names() and getattr(self.session.accessibility, name) != on:
            setattr(self.session.accessibility, name, on)
            self.accessibilityChanged.emit()

    @Slot(str, int)
    def adjustSpeech(self, which: str, step: int) -> None:
        """Slower/faster ("pace") or quieter/louder ("loudness") by one step of 20 %."""
        state = self.session
        if which == "pace":
            state.speech_pace = _stepped(state.speech_pace, step)
        elif which == "loudness":
            state.speech_loudness = _stepped(state.speech_loudness, step)
        self.accessibilityChanged.emit()

    @Slot(str)
    def setQuery(self, text: str) -> None:
        if text != self.session.query:
            self.session.query = text
            self.queryChanged.emit()

    def _language(self) -> str:
        return self.session.language

    def _query(self) -> str:
        return self.session.query

    def _options(self) -> dict[str, bool]:
        access = self.session.accessibility
        return {name: getattr(access, name) for name in access.names()}

    def _any_option(self) -> bool:
        return any(self._options().values())

    def _pace(self) -> float:
        return self.session.speech_pace

    def _loudness(self) -> float:
        return self.session.speech_loudness

    language = Property(str, _language, notify=languageChanged)
    speechPace = Property(float, _pace, notify=accessibilityChanged)
    speechLoudness = Property(float, _loudness, notify=accessibilityChanged)
    query = Property(str, _query, notify=queryChanged)
    options = Property(dict, _options, notify=accessibilityChanged)
    anyOption = Property(bool, _any_option, notify=accessibilityChanged)


def _stepped(value: float, step: int) -> float:
    """One step is 20 %, from 40 % to 200 % of the configured value."""
    return min(2.0, max(0.4, round(value + 0.2 * step, 1)))
