"""A background sync changes the catalogue while a resident is filling in a form.

The resident keeps the form they started, as they saw it, until they send or leave; a
form that can no longer be started is explained on the card, not lost in the crash handler.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject

from offline_cache.catalogue_load import load
from tests.factories import encoded
from tests.ui.conftest import Kiosk
from tests.ui.test_filing import INFO_REQUEST, fill_info_request, open_form, tap_field
from ui.screenshots import settle

INFO_FORM = "wniosek-informacja-publiczna"


@pytest.fixture
def sync(kiosk: Kiosk, demo_bytes: bytes) -> Iterator[Any]:
    """Publishes a changed catalogue as a sync would; the demo one is back afterwards."""
    generations = kiosk.app.services.generations

    def publish(change: Any) -> None:
        bundle: dict[str, Any] = json.loads(demo_bytes)
        change(bundle)
        load(encoded(bundle), generations, "test-sync", {})

    yield publish
    load(demo_bytes, generations, "demo", {})


def without_info_request(bundle: dict[str, Any]) -> None:
    bundle["services"] = [s for s in bundle["services"] if s["id"] != INFO_REQUEST]
    bundle["forms"] = [f for f in bundle["forms"] if f["id"] != INFO_FORM]
    for service in bundle["services"]:
        service["related"] = [r for r in service.get("related", []) if r != INFO_REQUEST]


def renamed_with_a_new_form_version(bundle: dict[str, Any]) -> None:
    [service] = [s for s in bundle["services"] if s["id"] == INFO_REQUEST]
    service["name"]["pl"] = "Wniosek o informację publiczną (nowy wzór)"
    [form] = [f for f in bundle["forms"] if f["id"] == INFO_FORM]
    form["version"] = "2099-01"


def send(kiosk: Kiosk) -> None:
    tap_field(kiosk, "consentButton")
    kiosk.tap("formSubmit")


def test_a_service_removed_by_a_sync_is_still_sent_as_the_resident_filled_it(
    kiosk: Kiosk, sync: Any
) -> None:
    open_form(kiosk, INFO_REQUEST)
    fill_info_request(kiosk)
    sync(without_info_request)
    assert kiosk.app.services.catalogue.service(INFO_REQUEST) is None
    send(kiosk)
    assert kiosk.shown("receiptScreen")
    filed = kiosk.app.services.outbox.list()[-1]
    assert filed.service_id == INFO_REQUEST
    assert filed.service_name == "Wniosek o udostępnienie informacji publicznej"
    assert filed.answers is not None
    assert filed.answers["imie-nazwisko"] == "Zofia Żółkiewska"


def test_a_service_changed_by_a_sync_is_sent_in_the_version_the_resident_saw(
    kiosk: Kiosk, sync: Any
) -> None:
    open_form(kiosk, INFO_REQUEST)
    fill_info_request(kiosk)
    sync(renamed_with_a_new_form_version)
    kiosk.tap("lang_en")  # the screen is drawn again, from the form the resident started
    assert kiosk.shown("formReview")
    send(kiosk)
    assert kiosk.shown("receiptScreen")
    filed = kiosk.app.services.outbox.list()[-1]
    assert filed.service_name == "Wniosek o udostępnienie informacji publicznej"
    assert filed.form_version != "2099-01"


def test_a_form_removed_while_its_card_is_open_is_explained_on_the_card(
    kiosk: Kiosk, sync: Any
) -> None:
    QMetaObject.invokeMethod(kiosk.window, "openService", Q_ARG("QVariant", INFO_REQUEST))
    settle(250)
    sync(without_info_request)
    kiosk.tap("fileButton")
    assert kiosk.shown("cardScreen")
    assert kiosk.stack_depth() == 2
    assert "nie można już wypełnić" in kiosk.item("fileMessage").property("text")
    kiosk.tap("lang_uk")
    assert any("\u0400" <= ch <= "\u04ff" for ch in kiosk.item("fileMessage").property("text"))
