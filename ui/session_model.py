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

    language = Property(str, _language, notify=languageChanged)
    query = Property(str, _query, notify=queryChanged)
    options = Property(dict, _options, notify=accessibilityChanged)
    anyOption = Property(bool, _any_option, notify=accessibilityChanged)
