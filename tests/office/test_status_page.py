"""GET /s/<CODE>: the page behind the receipt's QR, in four languages, with nothing personal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import requests

from office.settings import OfficeSettings
from office.status_texts import CATALOGUES, LANGUAGES, pick_language
from office.status_throttle import MissThrottle, client_key
from office.store import CaseStore
from offline_cache.submission_code import display, new_code
from tests.office.case_moves import move_case
from tests.office.office_server import RECEIVED, OfficeServer
from tests.office.status_helpers import PHONE, SERVICE, file_case, status_server
from tests.office.test_status_api import wrong_check
from tests.outbox_factories import ANSWERS, LABELS

MESSAGE = "Odpowiedź wyślemy e-mailem do 20 grudnia. <script>alert(1)</script>"


@pytest.fixture
def office(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    server = status_server(settings, store)
    yield server
    server.stop()


def page(
    office: OfficeServer, http: requests.Session, path: str, **headers: str
) -> requests.Response:
    return http.get(office.url + path, headers=headers, timeout=10)


def test_the_page_shows_where_the_case_stands_and_nothing_personal(
    office: OfficeServer, http: requests.Session, kiosk_token: str, settings: OfficeSettings
) -> None:
    code = file_case(office, http, kiosk_token)
    move_case(settings, code, "in_progress", RECEIVED + dt.timedelta(days=1), MESSAGE)
    reply = page(office, http, f"/s/{code}")
    assert reply.status_code == 200
    assert reply.headers["content-language"] == "pl"
    assert reply.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in reply.headers["content-security-policy"]
    html = reply.text
    for shown in (
        "Twój wniosek jest rozpatrywany.", SERVICE, "UM-2026/00001", display(code),
        "20 listopada 2026", "21 listopada 2026, 11:00", "Urząd Miasta Łańcut",
        "Przewidywany termin załatwienia", "20 grudnia 2026",
        'href="tel:+48172252213"', PHONE, "Wniosek przyjęty", "Rozpatrywanie",
        "Odpowiedź wyślemy e-mailem do 20 grudnia. &lt;script&gt;",
    ):  # fmt: skip
        assert shown in html
    assert "<script" not in html
    personal = [*ANSWERS.values(), *LABELS.values(), "Łucja", "kiosk:", "clerk:"]
    assert [text for text in personal if text in html] == []


LANGUAGE_CASES = [
    ("uk-UA,uk;q=0.9,en;q=0.5", "uk", "Установа отримала вашу заяву."),
    ("de-DE,de;q=0.9", "de", "Das Amt hat Ihren Antrag erhalten."),
    ("fr-FR,en;q=0.8", "en", "The office has received your application."),
    ("fr-FR", "pl", "Urząd otrzymał Twój wniosek."),
]


def test_the_browser_s_language_is_chosen(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    for accept, lang, words in LANGUAGE_CASES:
        reply = page(office, http, f"/s/{code}", **{"Accept-Language": accept})
        assert (reply.headers["content-language"], words in reply.text) == (lang, True)
        assert f'<html lang="{lang}">' in reply.text


def test_the_switcher_wins_over_the_browser(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    reply = page(office, http, f"/s/{code}?lang=uk", **{"Accept-Language": "de"})
    assert "20 листопада 2026" in reply.text
    for language in LANGUAGES:
        assert f'href="?lang={language}"' in reply.text
    assert 'aria-current="true">Українська</a>' in reply.text


def test_a_mistyped_code_is_told_apart_from_one_not_at_the_office_yet(
    office: OfficeServer, http: requests.Session
) -> None:
    code = new_code()
    unknown = page(office, http, f"/s/{code}")
    assert unknown.status_code == 404
    assert "nie dotarł jeszcze do urzędu" in unknown.text
    assert "w ciągu kilku minut, gdy kiosk ma połączenie z siecią" in unknown.text
    mistyped = page(office, http, f"/s/{wrong_check(code).lower()}?lang=en")
    assert mistyped.status_code == 400
    assert "One character does not match. Compare the code with your receipt." in mistyped.text
    nonsense = page(office, http, "/s/%3Cb%3Ehello?lang=de")
    assert nonsense.status_code == 400
    assert "Ein Code hat 10 Zeichen" in nonsense.text
    assert "<b>" not in nonsense.text


def test_every_language_has_every_text() -> None:
    keys = set(CATALOGUES["pl"])
    differences = {language: set(CATALOGUES[language]) ^ keys for language in LANGUAGES}
    assert differences == {language: set() for language in LANGUAGES}
    for texts in CATALOGUES.values():
        assert len(texts["months"].split()) == 12


def test_pick_language() -> None:
    assert pick_language("de", "uk") == "de"
    assert pick_language("xx", "en;q=0.1, uk;q=0.8") == "uk"
    assert pick_language(None, "uk;q=0, en") == "en"
    assert pick_language(None, "de;q=abc, en-GB;q=0.5") == "en"
    assert pick_language(None, "") == "pl"


def test_the_throttle_refills_over_a_minute() -> None:
    now = [0.0]
    throttle = MissThrottle(6, clock=lambda: now[0])
    for _ in range(6):
        assert throttle.wait_s("a") == 0
        throttle.missed("a")
    assert throttle.wait_s("a") == pytest.approx(10.0)
    assert throttle.wait_s("b") == 0  # another client
    now[0] = 10.0
    assert throttle.wait_s("a") == 0


def test_who_counts_as_one_client() -> None:
    assert client_key("192.0.2.7") == "192.0.2.7"
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::9")
    assert client_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert client_key("::ffff:192.0.2.7") == "192.0.2.7"


EXPECTED = [
    ("pl", "Przewidywany termin załatwienia", "20 grudnia 2026"),
    ("en", "Expected to be dealt with by", "20 December 2026"),
    ("uk", "Очікуваний термін розгляду", "20 грудня 2026"),
    ("de", "Voraussichtlich erledigt bis", "20. Dezember 2026"),
]


@pytest.mark.parametrize("expected", EXPECTED)
def test_the_due_date_is_shown_in_each_language_until_the_case_is_settled(
    office: OfficeServer, http: requests.Session, kiosk_token: str, settings: OfficeSettings,
    expected: tuple[str, str, str],
) -> None:  # fmt: skip
    language, label, date = expected
    code = file_case(office, http, kiosk_token)
    html = page(office, http, f"/s/{code}?lang={language}").text
    assert f'<dt>{label}</dt><dd class="expected">{date}</dd>' in html
    move_case(settings, code, "ready", RECEIVED + dt.timedelta(days=2))
    assert label not in page(office, http, f"/s/{code}?lang={language}").text
