"""The catalogue for QML: results as the resident types, categories, life events, the card."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue_service import CatalogueService, Filters, ServiceSummary, in_language
from ui.list_models import RowsModel
from ui.service_card import card
from ui.session_model import SessionModel

log = logging.getLogger(__name__)
SUMMARY_CHARS = 140


def summary(text: str) -> str:
    first = text.split(". ", maxsplit=1)[0].strip()
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1].rstrip() + "…"


class CatalogueModel(QObject):
    listChanged = Signal()
    cardChanged = Signal()

    def __init__(
        self, catalogue: CatalogueService, session: SessionModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._session = session
        self._results = RowsModel(
            ("serviceId", "name", "authority", "summary", "textLanguage"), self
        )
        self._categories = RowsModel(("termId", "name", "icon"), self)
        self._life_events = RowsModel(("termId", "name", "icon"), self)
        self._tenants = RowsModel(("termId", "name", "icon"), self)
        self._card: dict[str, Any] = {}
        self._title = ""
        session.languageChanged.connect(self._on_language_changed)
        session.wasReset.connect(self._on_reset)
        self._load_terms()

    # -- what the resident does ---------------------------------------------------------

    @Slot(str)
    def search(self, text: str) -> None:
        """Search the whole catalogue (of the chosen office), not the last category seen."""
        state = self._session.session
        state.category = state.life_event = ""
        self._session.setQuery(text)
        self._refresh_list()

    @Slot(str)
    def showCategory(self, category_id: str) -> None:
        self._browse(category=category_id, life_event="")

    @Slot(str)
    def showLifeEvent(self, life_event_id: str) -> None:
        self._browse(category="", life_event=life_event_id)

    @Slot(str)
    def setTenant(self, tenant_id: str) -> None:
        self._session.session.tenant = tenant_id
        self._refresh_list()

    @Slot(str)
    def openService(self, service_id: str) -> None:
        self._session.session.open_service = service_id
        self._refresh_card()

    @Slot()
    def closeService(self) -> None:
        self._session.session.open_service = ""
        self._refresh_card()

    # -- keeping the models in step -------------------------------------------------------

    def _browse(self, category: str, life_event: str) -> None:
        state = self._session.session
        state.category, state.life_event = category, life_event
        self._session.setQuery("")
        self._refresh_list()

    def _refresh_list(self) -> None:
        state = self._session.session
        language = state.language
        filters = Filters(state.tenant or None, state.category or None, state.life_event or None)
        if state.query.strip():
            found = self._catalogue.search(state.query, filters, language, limit=30)
            self._title = state.query.strip()
        elif state.category or state.life_event:
            found = self._catalogue.browse(filters, language, limit=100)
            self._title = self._term_name(state.category or state.life_event)
        else:
            found, self._title = [], ""
        self._results.set_rows([self._row(s) for s in found])
        self.listChanged.emit()

    def _refresh_card(self) -> None:
        service_id = self._session.session.open_service
        service = self._catalogue.service(service_id) if service_id else None
        if service is None:
            self._card = {}
        else:
            authority = self._catalogue.authority_name(service["authority"])
            self._card = card(service, authority, self._session.session.language)
        self.cardChanged.emit()

    def _load_terms(self) -> None:
        language = self._session.session.language
        for model, table in (
            (self._categories, "categories"),
            (self._life_events, "life_events"),
            (self._tenants, "tenants"),
        ):
            terms = self._catalogue.terms(table)
            if table == "tenants":  # residents choose a commune, county or voivodeship
                terms = [t for t in terms if t.get("kind") != "body"]
            model.set_rows(
                [
                    {
                        "termId": t["id"],
                        "name": in_language(t["name"], language),
                        "icon": t.get("icon", ""),
                    }
                    for t in terms
                ]
            )

    def _term_name(self, term_id: str) -> str:
        for model in (self._categories, self._life_events):
            for row in model.rows():
                if row["termId"] == term_id:
                    return row["name"]
        return ""

    @staticmethod
    def _row(found: ServiceSummary) -> dict[str, str]:
        return {
            "serviceId": found.id,
            "name": found.name,
            "authority": found.authority,
            "summary": summary(found.description),
            "textLanguage": found.language,
        }

    @Slot()
    def _on_language_changed(self) -> None:
        self._load_terms()
        self._refresh_list()
        self._refresh_card()

    @Slot()
    def _on_reset(self) -> None:
        self._refresh_list()
        self._refresh_card()

    # -- properties -----------------------------------------------------------------------

    def _get_results(self) -> QObject:
        return self._results

    def _get_categories(self) -> QObject:
        return self._categories

    def _get_life_events(self) -> QObject:
        return self._life_events

    def _get_tenants(self) -> QObject:
        return self._tenants

    def _get_tenant(self) -> str:
        return self._session.session.tenant

    def _get_card(self) -> dict[str, Any]:
        return self._card

    def _get_title(self) -> str:
        return self._title

    def _nothing_found(self) -> bool:
        return bool(self._session.session.query.strip()) and self._results.rowCount() == 0

    results = Property(QObject, _get_results, constant=True)
    categories = Property(QObject, _get_categories, constant=True)
    lifeEvents = Property(QObject, _get_life_events, constant=True)
    tenants = Property(QObject, _get_tenants, constant=True)
    card = Property(dict, _get_card, notify=cardChanged)
    tenant = Property(str, _get_tenant, notify=listChanged)
    listTitle = Property(str, _get_title, notify=listChanged)
    nothingFound = Property(bool, _nothing_found, notify=listChanged)
