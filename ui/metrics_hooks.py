"""Counts what residents do for the kiosk's metrics, from signals the screens already emit.

Nothing in the screens knows about metrics: this adapter subscribes to the session, the
catalogue model and the idle watch, and bumps the plain counters of `KioskMetrics`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:  # prometheus_client loads after the first frame
    from kiosk.metrics import KioskMetrics
    from ui.catalogue_model import CatalogueModel
    from ui.idle import IdleWatch
    from ui.session_model import SessionModel


class MetricsHooks(QObject):
    def __init__(
        self,
        metrics: KioskMetrics,
        session: SessionModel,
        catalogue: CatalogueModel,
        idle: IdleWatch,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._session = session
        self._searching = False
        self._open_service = ""
        # Search as you type changes the query on every letter: a search counts once, when
        # a query starts from an empty box.
        session.queryChanged.connect(self._on_query_changed)
        # The card is re-rendered on a language switch: count a service once while it is open.
        catalogue.cardChanged.connect(self._on_card_changed)
        # Only the idle reset ends a session a resident used (it never fires on a pristine home).
        idle.resetDue.connect(self._on_reset_due)

    @Slot()
    def _on_reset_due(self) -> None:
        self._metrics.session_ended()

    @Slot()
    def _on_query_changed(self) -> None:
        searching = bool(self._session.session.query.strip())
        if searching and not self._searching:
            self._metrics.search_started()
        self._searching = searching

    @Slot()
    def _on_card_changed(self) -> None:
        service = self._session.session.open_service
        if service and service != self._open_service:
            self._metrics.service_opened()
        self._open_service = service
