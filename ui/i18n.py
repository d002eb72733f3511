"""UI languages through Qt's translation files: `.ts` sources in ui/i18n, `.qm` built by make.

QML and Python mark text with qsTr()/translate() in English; Polish is the default
language, and switching re-renders every bound text at once (`engine.retranslate()`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

log = logging.getLogger(__name__)

FOLDER = Path(__file__).resolve().parent / "i18n"
TRANSLATED = ("pl", "uk", "de")  # English is the source text


def qm_path(language: str) -> Path:
    return FOLDER / f"infomat_{language}.qm"


class Translations:
    def __init__(self, app: QCoreApplication, engine: QQmlEngine) -> None:
        self._app = app
        self._engine = engine
        self._translator: QTranslator | None = None
        self._loaded: dict[str, QTranslator] = {}  # one per language, loaded once
        self.language = "en"

    def _translator_for(self, language: str) -> QTranslator | None:
        if language not in TRANSLATED:
            return None
        if language not in self._loaded:
            translator = QTranslator(self._app)
            if not translator.load(str(qm_path(language))):
                name = qm_path(language).name
                log.error("no compiled translation %s: run make; showing English", name)
                return None
            self._loaded[language] = translator
        return self._loaded[language]

    def remove(self) -> None:
        """Take our translator out of the application (when the kiosk window goes away)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self.language = "en"

    def apply(self, language: str) -> None:
        if language == self.language:
            return
        self.remove()
        translator = self._translator_for(language)
        if translator is not None:
            self._app.installTranslator(translator)
            self._translator = translator
        self.language = language
        self._engine.retranslate()
