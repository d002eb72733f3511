"""Filing an application by touch: the wizard, its checks, the review, consent and receipt."""

from __future__ import annotations

import os
import socket
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Q_ARG, QEvent, QMetaObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from devices.printers import PrinterStatus, make_printer
from kiosk.composition import printer_settings
from kiosk.config import Language
from kiosk.receipts import WORDS
from offline_cache.outbox import Outbox
from tests.offline_cache.test_outbox_durability import fill_up
from tests.ui.conftest import Kiosk, texts_on_screen
from ui.form_problems import optional_label
from ui.screenshots import settle
from ui.speech_model import visible_texts

INFO_REQUEST = "gl-informacja-publiczna"
WASTE_DECLARATION = "gl-deklaracja-oplata-za-odpady"


def open_form(kiosk: Kiosk, service_id: str) -> None:
    QMetaObject.invokeMethod(kiosk.window, "openService", Q_ARG("QVariant", service_id))
    settle(250)
    kiosk.tap("fileButton")
    assert kiosk.shown("formScreen")


def reveal(kiosk: Kiosk, item: QQuickItem) -> None:
    """Flick the questions so `item` is in view, as a resident's finger would."""
    QMetaObject.invokeMethod(kiosk.item("formScreen"), "reveal", Q_ARG("QVariant", item))
    settle(100)


def tap_field(kiosk: Kiosk, name: str) -> None:
    """Flick the item into view, then tap it."""
    item = kiosk.item(name)
    reveal(kiosk, item)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    settle(150)


def type_text(kiosk: Kiosk, name: str, text: str) -> None:
    """Tap the input, then type as a USB keyboard does (Polish letters included)."""
    tap_field(kiosk, name)
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Return if character == "\n" else Qt.Key.Key_unknown
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QGuiApplication.sendEvent(kiosk.window, event)
    settle(100)


def problem(kiosk: Kiosk, field_id: str) -> str:
    if not kiosk.shown(f"problem_{field_id}"):
        return ""
    text = kiosk.item(f"problem_{field_id}").property("text")
    assert isinstance(text, str)
    return text


def progress(kiosk: Kiosk) -> str:
    text = kiosk.item("formProgress").property("text")
    assert isinstance(text, str)
    return text


def fill_info_request(kiosk: Kiosk) -> None:
    type_text(kiosk, "area_tresc", "Proszę o uchwały rady miasta z 2026 r. — źródła ciepła")
    tap_field(kiosk, "choice_forma_plik")
    kiosk.tap("formNext")
    type_text(kiosk, "field_imie-nazwisko", "Zofia Żółkiewska")
    kiosk.tap("formNext")
    tap_field(kiosk, "choice_sposob_email")
    type_text(kiosk, "field_email", "zofia@example.pl")
    kiosk.tap("formNext")


def test_a_resident_files_a_request_for_public_information(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    assert progress(kiosk).startswith("Krok 1 z 3")
    kiosk.tap("formNext")  # nothing answered yet: the wizard says what is missing, in Polish
    assert progress(kiosk).startswith("Krok 1 z 3")
    assert "wymagana" in problem(kiosk, "tresc")

    fill_info_request(kiosk)
    assert kiosk.shown("formReview")
    shown = " ".join(texts_on_screen(kiosk.window))
    assert "Zofia Żółkiewska" in shown
    assert "zofia@example.pl" in shown
    kiosk.tap("formSubmit")  # no consent yet: nothing is sent, the box to tick is shown
    assert kiosk.shown("formReview")
    assert kiosk.shown("consentAsk")
    assert kiosk.app.services.outbox.counts()["queued"] == 0

    kiosk.tap("consentButton")  # the screen has scrolled to it
    kiosk.tap("formSubmit")
    assert kiosk.shown("receiptScreen")
    shown_code = kiosk.item("submissionCode").property("text")
    [filed] = kiosk.app.services.outbox.list()
    assert filed.code.startswith(shown_code.replace("-", "")[:5])
    assert filed.service_id == INFO_REQUEST
    assert filed.answers is not None
    assert filed.answers["imie-nazwisko"] == "Zofia Żółkiewska"
    assert filed.answers["sposob"] == "email"
    assert "ulica" not in filed.answers  # a hidden question is not submitted
    kiosk.qtbot.waitUntil(lambda: kiosk.app.form.property("result")["printState"] != "printing")
    assert kiosk.app.form.property("result")["printState"] == "printed"


def test_a_wrong_email_is_explained_next_to_the_field(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Budżet gminy")
    tap_field(kiosk, "choice_forma_plik")
    kiosk.tap("formNext")
    kiosk.tap("formNext")
    tap_field(kiosk, "choice_sposob_email")
    type_text(kiosk, "field_email", "zofia(at)example")
    kiosk.tap("formNext")
    assert "@" in problem(kiosk, "email")
    type_text(kiosk, "field_email", "@example.pl")  # typing clears the old complaint
    assert problem(kiosk, "email") == ""


def test_back_and_forward_keep_every_answer(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    fill_info_request(kiosk)
    assert kiosk.shown("formReview")
    kiosk.tap("formBack")
    assert kiosk.item("field_email").property("text") == "zofia@example.pl"
    kiosk.tap("backButton")  # the header's Back also goes one step back
    assert kiosk.item("field_imie-nazwisko").property("text") == "Zofia Żółkiewska"
    kiosk.tap("formBack")
    kiosk.tap("formBack")  # from the first step back to the service card
    assert kiosk.shown("cardScreen")
    kiosk.tap("fileButton")  # and in again: nothing lost
    assert kiosk.item("area_tresc").property("text").startswith("Proszę o uchwały")


def test_choosing_post_asks_for_the_address_instead_of_the_email(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Protokoły sesji")
    tap_field(kiosk, "choice_forma_kopia-papierowa")
    kiosk.tap("formNext")
    kiosk.tap("formNext")
    assert not kiosk.shown("field_email")
    tap_field(kiosk, "choice_sposob_poczta")
    assert kiosk.shown("field_ulica")
    assert kiosk.shown("field_kod-pocztowy")
    assert not kiosk.shown("field_email")


OPTIONAL = {
    "pl": "(nieobowiązkowe)",
    "en": "(optional)",
    "uk": "(необов’язково)",
    "de": "(freiwillig)",
}


@pytest.mark.parametrize("language", ["pl", "en", "uk", "de"])
def test_an_optional_question_says_so_once_with_one_space(kiosk: Kiosk, language: Language) -> None:
    kiosk.tap(f"lang_{language}")
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Protokoły sesji")
    tap_field(kiosk, "choice_forma_plik")
    kiosk.tap("formNext")  # step 2: the name, which the request does not need
    shown = " ".join(visible_texts(kiosk.item("formScreen")))
    mark = OPTIONAL[language]
    assert shown.count(mark) == 1
    assert f" {mark}" in shown and f"  {mark}" not in shown
    word = mark.strip("()").casefold().replace("’", "'")
    assert shown.casefold().replace("’", "'").count(word) == 1  # not again in the help


def test_a_label_that_already_says_optional_is_not_marked_again(kiosk: Kiosk) -> None:
    kiosk.tap("lang_uk")
    assert optional_label("Телефон") == "Телефон (необов’язково)"
    assert optional_label("Телефон (необов'язково)") == "Телефон (необов'язково)"
    kiosk.tap("lang_en")
    assert optional_label("Phone number (Optional)") == "Phone number (Optional)"
    assert optional_label("Phone number ") == "Phone number (optional)"


def test_an_electronic_file_is_not_offered_by_post(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Protokoły sesji")
    tap_field(kiosk, "choice_forma_plik")
    kiosk.tap("formNext")
    kiosk.tap("formNext")
    assert kiosk.shown("choice_sposob_email") and kiosk.shown("choice_sposob_odbior")
    assert not kiosk.shown("choice_sposob_poczta")


def test_post_then_a_change_to_an_electronic_file_is_shown_as_a_problem(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Protokoły sesji")
    tap_field(kiosk, "choice_forma_kopia-papierowa")
    kiosk.tap("formNext")
    kiosk.tap("formNext")
    tap_field(kiosk, "choice_sposob_poczta")
    kiosk.tap("formBack")
    kiosk.tap("formBack")
    tap_field(kiosk, "choice_forma_plik")  # the resident changes their mind on step 1
    kiosk.tap("formNext")
    kiosk.tap("formNext")
    type_text(kiosk, "field_ulica", "Plac Sobieskiego 18")
    kiosk.tap("formNext")
    assert progress(kiosk).startswith("Krok 3 z 3")  # not on to the review
    assert "nie pasuje do odpowiedzi" in problem(kiosk, "sposob")
    assert not kiosk.shown("choice_sposob_poczta")


def test_a_wrong_pesel_is_explained_in_the_residents_language(kiosk: Kiosk) -> None:
    kiosk.tap("lang_uk")
    open_form(kiosk, WASTE_DECLARATION)
    tap_field(kiosk, "choice_cel_pierwsza")
    type_text(kiosk, "field_data", "01.12.2026")
    kiosk.tap("formNext")
    type_text(kiosk, "field_pesel", "44051401358")  # the checksum digit is wrong
    kiosk.tap("formNext")
    assert "PESEL" in problem(kiosk, "pesel")
    assert any("\u0400" <= ch <= "\u04ff" for ch in problem(kiosk, "pesel"))
    kiosk.tap("lang_en")
    assert "typo" in problem(kiosk, "pesel")


def test_the_idle_reset_drops_a_half_filled_form(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    type_text(kiosk, "area_tresc", "Sprawa sąsiada Kowalskiego")
    kiosk.app.session.reset()
    settle(300)
    assert kiosk.app.session.session.form is None
    assert kiosk.app.form.property("fields").rowCount() == 0
    assert kiosk.stack_depth() == 1
    assert not any("Kowalskiego" in text for text in texts_on_screen(kiosk.window))
    QMetaObject.invokeMethod(kiosk.window, "openService", Q_ARG("QVariant", INFO_REQUEST))
    settle(250)
    kiosk.tap("fileButton")
    assert kiosk.item("area_tresc").property("text") == ""


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def file_info_request(kiosk: Kiosk) -> None:
    open_form(kiosk, INFO_REQUEST)
    fill_info_request(kiosk)
    tap_field(kiosk, "consentButton")
    kiosk.tap("formSubmit")


def test_a_printer_that_cannot_print_leaves_the_code_on_screen(kiosk: Kiosk) -> None:
    services = kiosk.app.services
    # A network printer nobody answers for: a real refused connection on loopback.
    settings = replace(printer_settings(services.config), kind="network", host="127.0.0.1")
    services.__dict__["printer"] = make_printer(replace(settings, port=closed_port()))
    try:
        file_info_request(kiosk)
        kiosk.qtbot.waitUntil(lambda: kiosk.app.form.property("result")["printState"] != "printing")
        assert kiosk.app.form.property("result")["printState"] == "failed"
        assert "zdjęcie" in kiosk.item("printMessage").property("text")  # photograph the screen
        assert kiosk.shown("submissionCode") and kiosk.shown("statusQr")
        assert services.receipt_desk.last_status == PrinterStatus.OFFLINE
        assert [s.state for s in services.outbox.list()][-1] in ("queued", "delivered")
    finally:
        del services.__dict__["printer"]


@pytest.mark.root
def test_a_full_disk_tells_the_resident_and_prints_nothing(kiosk: Kiosk, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], check=True)
    services = kiosk.app.services
    outbox = Outbox(mount / "outbox.sqlite")
    services.__dict__["outbox"] = outbox
    printed_before = len(list(printer_settings(services.config).folder.glob("*.png")))
    try:
        fill_up(mount / "filler")
        file_info_request(kiosk)
        assert kiosk.shown("formReview")  # still there, every answer kept
        assert "nie zostało wysłane ani wydrukowane" in kiosk.item("formMessage").property("text")
        assert outbox.list() == []
        assert kiosk.app.session.session.filed is None
        settle(300)
        assert len(list(printer_settings(services.config).folder.glob("*.png"))) == printed_before
        (mount / "filler").unlink()
        kiosk.tap("formSubmit")  # space again: the same answers go through
        assert kiosk.shown("receiptScreen")
        assert len(outbox.list()) == 1
    finally:
        outbox.close()
        del services.__dict__["outbox"]
        subprocess.run(["umount", str(mount)], check=True)


ONE_NAME = {"pl": "Kod wniosku", "en": "Application code", "uk": "Код заяви", "de": "Antragscode"}


@pytest.mark.parametrize("language", ["pl", "en", "uk", "de"])
def test_the_code_has_one_name_on_screen_in_speech_and_on_the_receipt(
    kiosk: Kiosk, language: Language
) -> None:
    file_info_request(kiosk)
    assert kiosk.shown("receiptScreen")
    kiosk.tap(f"lang_{language}")
    name = ONE_NAME[language]
    assert WORDS[language].code == name
    read_aloud = visible_texts(kiosk.item("receiptScreen"))  # what "read aloud" says
    assert f"{name}:" in read_aloud
    assert not any("zgłoszeni" in text or "zapisany" in text for text in read_aloud)
