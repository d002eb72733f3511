"""Journeys a resident makes by touch, in a real Qt Quick window (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QMetaObject, QUrl
from PySide6.QtQml import QQmlComponent

from kiosk.to_bring import to_bring
from tests.ui.conftest import Kiosk, all_items, texts_on_screen
from ui.screenshots import settle


def test_pick_a_category_open_a_card_and_come_back(kiosk: Kiosk) -> None:
    kiosk.tap("category_pojazdy-kierowcy")
    assert kiosk.stack_depth() == 2
    assert kiosk.item("listTitle").property("text") == "Pojazdy i prawo jazdy"
    kiosk.tap("service_pl-rejestracja-pojazdu")
    assert kiosk.stack_depth() == 3
    assert kiosk.item("cardTitle").property("text") == "Rejestracja pojazdu"
    assert kiosk.item("phoneQr").isVisible()
    kiosk.tap("backButton")
    assert kiosk.stack_depth() == 2
    kiosk.tap("homeButton")
    assert kiosk.stack_depth() == 1
    assert kiosk.app.catalogue.property("card") == {}


def type_on_virtual_keyboard(kiosk: Kiosk, text: str) -> None:
    """Press keys of the Qt Virtual Keyboard, the way a finger does."""
    component = QQmlComponent(kiosk.app.engine)
    component.setData(
        b"import QtQuick\nimport QtQuick.VirtualKeyboard\n"
        b"QtObject { function press(ch) { InputContext.inputEngine.virtualKeyClick(Qt.Key_unknown, ch, 0) } }",
        QUrl(),
    )
    typist = component.create()
    assert typist is not None, component.errorString()
    for character in text:
        QMetaObject.invokeMethod(typist, "press", Q_ARG("QVariant", character))
        settle(20)
    settle(200)


def test_typing_polish_letters_on_the_virtual_keyboard_updates_results(kiosk: Kiosk) -> None:
    kiosk.tap("searchField")
    assert kiosk.item("keyboard").property("active") is True
    type_on_virtual_keyboard(kiosk, "zaświadczenie o niezaleganiu")
    assert kiosk.item("searchField").property("text") == "zaświadczenie o niezaleganiu"
    rows = kiosk.app.catalogue._results.rows()
    assert rows[0]["serviceId"] == "gl-zaswiadczenie-o-niezaleganiu"
    kiosk.tap("service_gl-zaswiadczenie-o-niezaleganiu")
    assert kiosk.item("cardTitle").property("text").startswith("Zaświadczenie o niezaleganiu")


def test_nothing_found_suggests_categories(kiosk: Kiosk) -> None:
    # Made only when shown: hidden, they doubled the category buttons of every start.
    assert suggestions(kiosk) == 0
    kiosk.app.catalogue.search("qqqqqqq")
    settle(150)
    assert kiosk.item("nothingFound").isVisible()
    assert suggestions(kiosk) == kiosk.app.catalogue.property("categories").rowCount() > 0
    kiosk.tap("suggest_podatki-oplaty")
    assert kiosk.item("listTitle").property("text") == "Podatki i opłaty lokalne"


def suggestions(kiosk: Kiosk) -> int:
    """The "nothing found" screen's category buttons that exist, shown or not."""
    return sum(i.objectName().startswith("suggest_") for i in all_items(kiosk.window.contentItem()))


def test_changing_language_re_renders_at_once(kiosk: Kiosk) -> None:
    kiosk.tap("category_stan-cywilny")
    kiosk.tap("lang_uk")
    assert kiosk.item("listTitle").property("text") == "Акти цивільного стану"
    assert "Назад" in kiosk.item("backButton").property("text")
    kiosk.tap("lang_en")
    assert kiosk.item("listTitle").property("text") == "Civil status records"
    kiosk.tap("lang_de")
    assert "Zurück" in kiosk.item("backButton").property("text")


def test_high_contrast_and_large_text_in_one_tap_each(kiosk: Kiosk) -> None:
    kiosk.tap("accessibilityButton")
    kiosk.tap("a11y_high_contrast")
    kiosk.tap("a11y_large_text")
    theme = kiosk.app.theme
    assert theme.palette().background == "#000000"
    assert theme.property("body") == 45
    kiosk.tap("a11yClose")
    assert kiosk.window.color().name() == "#000000"


def test_low_reach_puts_every_control_in_the_lower_part(kiosk: Kiosk) -> None:
    kiosk.app.session.setOption("low_reach", True)
    settle(300)
    height = kiosk.window.height()
    for name in ("accessibilityButton", "lang_pl", "searchField", "category_podatki-oplaty"):
        top = kiosk.item(name).mapToScene(kiosk.item(name).boundingRect().topLeft()).y()
        assert top > height * 0.3, f"{name} at {top} of {height}"


def test_offline_indicator_shows_the_catalogue_age(kiosk: Kiosk) -> None:
    from kiosk.sync_status import SyncStatus

    kiosk.app.status.syncReported.emit(SyncStatus(outcome="failed", reason="x", kind="network"))
    settle(100)
    indicator = kiosk.item("offlineIndicator")
    assert indicator.isVisible()
    assert "Brak połączenia" in indicator.property("text")
    kiosk.app.status.syncReported.emit(SyncStatus(outcome="unchanged", reason="ok"))
    settle(100)
    assert not indicator.isVisible()


def test_every_text_is_translated_in_every_language(kiosk: Kiosk) -> None:
    english = (
        set(texts_on_screen(kiosk.window)) if kiosk.app.session.setLanguage("en") is None else set()
    )
    settle(200)
    english = set(texts_on_screen(kiosk.window))
    for language in ("pl", "uk", "de"):
        kiosk.app.session.setLanguage(language)
        settle(200)
        shown = set(texts_on_screen(kiosk.window))
        untranslated = {
            t for t in english & shown if any(c.isalpha() for c in t) and t not in _SAME_IN_ALL
        }
        assert untranslated == set(), language


_SAME_IN_ALL = {
    "Polski", "English", "Українська", "Deutsch", "Gmina Miasto Łańcut", "OK", "Kiosk", "Version",
    "Dotknij ekranu · Touch the screen · Торкніться екрана · Bildschirm berühren",
}  # fmt: skip


def test_choosing_an_office_narrows_categories_and_search(kiosk: Kiosk) -> None:
    assert kiosk.item("tenantBar").isVisible()
    kiosk.tap("tenant_powiat-lancucki")
    kiosk.tap("category_budownictwo-nieruchomosci")
    authorities = {row["authority"] for row in kiosk.app.catalogue._results.rows()}
    assert authorities == {"Powiat Łańcucki"}
    kiosk.tap("homeButton")
    kiosk.tap("tenant_woj-podkarpackie")  # the voivodeship includes its bodies
    kiosk.app.catalogue.search("zajęcie pasa")
    ids = [row["serviceId"] for row in kiosk.app.catalogue._results.rows()]
    assert ids[0] == "pzdw-zajecie-pasa-drogowego"
    assert all(i.startswith("pzdw-") for i in ids)
    kiosk.app.catalogue.search("")
    settle(100)
    kiosk.tap("tenant_all")
    assert kiosk.app.catalogue.property("tenant") == ""


def test_texts_made_in_python_are_translated_too(kiosk: Kiosk) -> None:
    kiosk.app.catalogue.openService("gl-dowod-osobisty")
    card = kiosk.app.catalogue.property("card")
    assert card["costs"][0].startswith("bezpłatnie")
    assert card["places"][0]["hours"] == ["pon.–pt. 07:30–15:30"]
    kiosk.app.session.setLanguage("de")
    assert kiosk.app.catalogue.property("card")["places"][0]["hours"] == ["Mo–Fr 07:30–15:30"]


def test_a_physical_keyboard_types_into_the_search_too(kiosk: Kiosk) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QGuiApplication, QKeyEvent

    kiosk.tap("searchField")
    for character in "karta wędk":  # key events as a USB keyboard sends them, ę included
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QGuiApplication.sendEvent(kiosk.window, event)
    settle(200)
    assert kiosk.item("searchField").property("text") == "karta wędk"
    assert kiosk.app.catalogue._results.rows()[0]["serviceId"] == "pl-karta-wedkarska"


def test_a_card_fileable_here_does_not_ask_to_bring_the_paper_form(kiosk: Kiosk) -> None:
    kiosk.app.catalogue.openService("gl-informacja-publiczna")  # the kiosk's form replaces it
    card = kiosk.app.catalogue.property("card")
    assert card["kioskForm"] == "wniosek-informacja-publiczna"
    assert card["documents"] == []
    kiosk.app.catalogue.openService("gl-wypis-wyrys-mpzp")  # the rest is still needed
    assert kiosk.app.catalogue.property("card")["documents"] == [
        "Potwierdzenie zapłaty opłaty skarbowej"
    ]


def test_the_paper_form_stays_in_the_list_where_the_kiosk_cannot_file_it() -> None:
    online = {"type": "online", "url": "https://epuap.gov.pl"}
    documents = [{"name": {"pl": "Wniosek"}, "application_form": True}]
    assert to_bring({"channels": [online], "documents": documents}) == documents
    kiosk = {"type": "kiosk", "form": "wniosek"}
    assert to_bring({"channels": [online, kiosk], "documents": documents}) == []
