"""A card whose record lacks the resident's language: it says so, and is read in Polish."""

from __future__ import annotations

import copy
import gc
import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.catalogue_service import demo_catalogue_path
from kiosk.speech import Speaker
from offline_cache.catalogue_load import load
from tests.ui.conftest import Kiosk, make_services
from ui.kiosk_app import KioskApp, UiOptions, prepare_environment
from ui.screenshots import settle
from ui.service_card import card
from ui.speech_model import spoken_language, text_languages, visible_texts

POLISH_ONLY = "gl-tylko-po-polsku"
PARTLY = "gl-czesciowo-przetlumaczona"
NAME = "Usługa opisana tylko po polsku"


def polish_only(record: Any) -> Any:
    """`record` with every text (and keyword list) reduced to its Polish."""
    if isinstance(record, list):
        return [polish_only(item) for item in record]
    if not isinstance(record, dict):
        return record
    if "pl" in record and set(record) <= {"pl", "en", "uk", "de"}:
        return {"pl": record["pl"]}
    return {key: polish_only(value) for key, value in record.items()}


def catalogue_with_untranslated_records() -> dict[str, Any]:
    """The demo, plus one Polish-only service and one whose documents lack translations."""
    bundle: dict[str, Any] = json.loads(demo_catalogue_path().read_bytes())
    model = copy.deepcopy(next(s for s in bundle["services"] if s["id"] == "gl-petycja"))
    # Filed on paper only, so that the card lists every document to bring.
    model["channels"] = [c for c in model["channels"] if c["type"] != "kiosk"]
    only = polish_only(copy.deepcopy(model)) | {"id": POLISH_ONLY, "related": []}
    only["name"] = {"pl": NAME}
    partly = copy.deepcopy(model) | {"id": PARTLY, "related": []}
    partly["documents"] = polish_only(partly["documents"])
    bundle["services"] += [only, partly]
    return bundle


@pytest.fixture(scope="module")
def kiosk_app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskApp]:
    """A kiosk whose catalogue in use has the untranslated records (overrides conftest's)."""
    prepare_environment()
    services = make_services(tmp_path_factory.mktemp("kiosk-data"))
    raw = json.dumps(catalogue_with_untranslated_records()).encode()
    load(raw, services.generations, "test:untranslated", {})
    app = KioskApp(qapp, services, UiOptions(True, False))
    settle(500)
    yield app
    app.shutdown()
    del app
    gc.collect()


def open_card(kiosk: Kiosk, service_id: str, language: str) -> None:
    kiosk.app.session.setLanguage(language)
    kiosk.app.catalogue.search("petycja" if service_id != POLISH_ONLY else "tylko po polsku")
    settle(150)
    kiosk.tap(f"service_{service_id}")


def test_a_polish_only_card_says_so_in_the_residents_language(kiosk: Kiosk) -> None:
    open_card(kiosk, POLISH_ONLY, "en")
    assert kiosk.item("cardTitle").property("text") == NAME
    notice = kiosk.item("languageNotice")
    assert notice.isVisible()
    assert notice.property("text") == "This information is available only in Polish."
    assert kiosk.app.catalogue.property("card")["textLanguage"] == "pl"
    kiosk.tap("lang_de")
    assert notice.property("text") == "Diese Information ist nur auf Polnisch verfügbar."
    kiosk.tap("lang_uk")
    assert notice.property("text") == "Ця інформація доступна лише польською мовою."


def test_a_translated_card_shows_no_notice(kiosk: Kiosk) -> None:
    open_card(kiosk, "gl-petycja", "uk")
    assert not kiosk.item("languageNotice").isVisible()
    assert kiosk.app.catalogue.property("card")["textLanguage"] == "uk"
    kiosk.tap("lang_pl")
    assert not kiosk.item("languageNotice").isVisible()


def test_a_partly_translated_card_says_which(kiosk: Kiosk) -> None:
    open_card(kiosk, PARTLY, "en")
    notice = kiosk.item("languageNotice").property("text")
    assert notice == "Part of this information is available only in Polish."
    assert kiosk.app.catalogue.property("card")["textLanguage"] == "pl"


def test_result_rows_tell_their_language(kiosk: Kiosk) -> None:
    kiosk.app.session.setLanguage("de")
    kiosk.app.catalogue.search("petycja")
    settle(150)
    rows = {r["serviceId"]: r["textLanguage"] for r in kiosk.app.catalogue._results.rows()}
    assert rows["gl-petycja"] == "de"
    kiosk.app.catalogue.search("tylko po polsku")
    rows = {r["serviceId"]: r["textLanguage"] for r in kiosk.app.catalogue._results.rows()}
    assert rows[POLISH_ONLY] == "pl"


def test_polish_text_is_read_with_the_polish_voice(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoken: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(Speaker, "say_parts", lambda _self, parts, *_: spoken.append(list(parts)))
    open_card(kiosk, POLISH_ONLY, "en")
    screen = kiosk.item("cardScreen")
    kiosk.app.speech.sayScreen(screen)
    parts = dict(spoken[-1])
    assert parts[NAME] == "pl"
    assert parts["This information is available only in Polish."] == "en"
    assert parts["What it is"] == "en"  # the kiosk's own words stay in the resident's voice
    shown = kiosk.app.catalogue.property("card")
    assert parts[shown["description"]] == "pl"
    marked = text_languages(screen)
    lines = [t for t in visible_texts(screen) if t.startswith("•")]
    documents = [t for t in lines if t.removeprefix("•").strip() in shown["documents"]]
    assert len(documents) == len(shown["documents"]) > 0
    assert {spoken_language(t, "en", marked) for t in documents} == {"pl"}
    hours = [t for t in lines if "Mon" in t]  # opening hours are the kiosk's words
    assert {spoken_language(t, "en", marked) for t in hours} == {"en"}


def test_the_card_dict_names_the_polish_texts(qtbot: QtBot) -> None:
    bundle = catalogue_with_untranslated_records()
    partly = next(s for s in bundle["services"] if s["id"] == PARTLY)
    shown = card(partly, {"pl": "Gmina"}, "en")
    # the authority's name too, shown in Polish for want of an English one
    assert set(shown["textLanguages"]) == {*shown["documents"], "Gmina"}
    assert set(shown["textLanguages"].values()) == {"pl"}
    named = card(partly, {"pl": "Gmina", "en": "Municipality"}, "en")
    assert "Municipality" not in named["textLanguages"]
    assert card(partly, {"pl": "Gmina"}, "pl")["languageNotice"] == ""


def test_speech_mode_reads_an_untranslated_name_with_the_polish_voice(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoken: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(Speaker, "say_parts", lambda _self, parts, *_: spoken.append(list(parts)))
    monkeypatch.setattr(
        Speaker, "say", lambda _self, text, language, *_: spoken.append([(text, language)])
    )
    open_card(kiosk, POLISH_ONLY, "en")
    kiosk.app.session.setOption("read_aloud", True)
    for _ in range(30):
        kiosk.app.screen_reader.next()
        if spoken and spoken[-1][0][0] == NAME:
            break
    assert spoken[-1] == [(NAME, "pl"), ("heading", "en")]
