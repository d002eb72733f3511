"""What residents do on the real kiosk window reaches the metrics' counters, once each."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.metrics import KioskMetrics
from tests.ui.conftest import Kiosk
from ui.metrics_hooks import MetricsHooks
from ui.screenshots import settle


def counters(metrics: KioskMetrics) -> dict[str, float]:
    return {
        s.name.removeprefix("infomat_kiosk_"): s.value
        for family in text_string_to_metric_families(metrics.text().decode())
        for s in family.samples
        if s.name.endswith("_total")
    }


def test_searches_services_and_sessions_are_counted_once(kiosk: Kiosk) -> None:
    app = kiosk.app
    metrics = KioskMetrics(StatusReader("k", "1", StatusSources()))
    hooks = MetricsHooks(metrics, app.session, app.catalogue, app.idle)
    try:
        # Search as you type: three letters are one search; clearing and typing again is two.
        for text in ("d", "do", "dow"):
            app.catalogue.search(text)
        app.catalogue.search("")
        app.catalogue.search("ślub")
        # A card re-rendered in another language is still one service opened.
        app.catalogue.openService("gl-dowod-osobisty")
        app.session.setLanguage("uk")
        app.catalogue.closeService()
        app.catalogue.openService("gl-dowod-osobisty")
        settle(100)
        app.idle.resetDue.emit()  # what the idle watch emits when the countdown ran out
        settle(100)
        assert counters(metrics) == {
            "searches_total": 2,
            "services_opened_total": 2,
            "resident_sessions_total": 1,
            "crash_recoveries_total": 0,
            "frame_stalls_total": 0,
        }
        assert app.session.session.query == "", "the idle reset dropped the session"
    finally:
        hooks.deleteLater()
