"""Reminders by e-mail the day before a visit, on SQLite and PostgreSQL, through a real SMTP
server on loopback (aiosmtpd): the resident asks on the visit's page (address checked,
consent recorded, throttled, refused from another site), `office visits remind` sends
tomorrow's once in the page's language, however many senders run at once; removing,
cancelling and the retention purge take the address away; no address reaches a log."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.cli import main
from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.retention import RetentionPurge
from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.store import CaseStore
from office.visit_calendar import WARSAW, polish_day
from office.visit_records import NewBooking
from office.visit_reminder_command import run_remind
from office.visit_reminder_mail import VisitReminders
from office.visit_reminder_texts import REMINDER_TEXTS
from office.visit_store import VisitStore
from office.visit_texts import VISIT_TEXTS
from tests.office.conftest import KIOSK, LANCUT, REGISTRATION, SetClock
from tests.office.office_server import (
    ROOT,
    OfficeServer,
    free_port,
    office_command,
    write_config,
)
from tests.office.visit_client import VisitKiosk
from tests.peers.browser import Page
from tests.peers.desk_browser import desk_browser, submit_with, type_into
from tests.peers.mail_server import MailServer

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # Friday 11:00 in Łańcut
SATURDAY = dt.datetime(2026, 11, 21, 15, 0, tzinfo=dt.UTC)
SUNDAY = dt.datetime(2026, 11, 22, 15, 0, tzinfo=dt.UTC)  # 16:00, the day before Monday
MONDAY = "2026-11-23T{}:00+01:00"
ADDRESS = "zofia.zolkiewska@example.pl"
PUBLIC = "https://wnioski.lancut.pl"


@dataclasses.dataclass
class Office:
    server: OfficeServer
    kiosk: VisitKiosk
    clock: SetClock
    settings: OfficeSettings
    store: CaseStore

    def book(self, time: str = "09:00") -> str:
        answer = self.kiosk.book(service_id=REGISTRATION, starts_at=MONDAY.format(time),
                                 name="Zofia Żółkiewska")  # fmt: skip
        assert answer.status_code == 201, answer.text
        code: str = answer.json()["code"]
        return code

    def remind(
        self, code: str, email: str = ADDRESS, lang: str = "pl", from_site: str = "same-origin"
    ) -> requests.Response:
        return requests.post(
            f"{self.server.url}/v/{LANCUT}/{code}/remind", timeout=10,
            data={"email": email, "consent": "yes", "lang": lang},
            headers={"Sec-Fetch-Site": from_site},
        )  # fmt: skip

    def page(self, code: str, lang: str = "pl") -> str:
        return requests.get(f"{self.server.url}/v/{LANCUT}/{code}?lang={lang}", timeout=10).text

    def send(self, at: dt.datetime, store: CaseStore | None = None) -> tuple[int, int, int]:
        reminders = VisitReminders((store or self.store).sql(), self.settings, "", lambda: at)
        report = reminders.send_for_tomorrow()
        return report.sent, report.later, report.refused


def with_mail(settings: OfficeSettings, port: int) -> OfficeSettings:
    return dataclasses.replace(
        settings, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False,
        smtp_from="wnioski@lancut.pl", public_url=PUBLIC, smtp_timeout_s=5,
        status_misses_per_minute=20,
        offices=[dataclasses.replace(settings.offices[0], notice_version="rodo-2026-01",
                                     notice_url="https://bip.lancut.pl/rodo"),
                 *settings.offices[1:]],
    )  # fmt: skip


@pytest.fixture
def office(visit_settings: OfficeSettings, mailbox: MailServer) -> Iterator[Office]:
    settings = with_mail(visit_settings, mailbox.port)
    store = open_store(settings)
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), NOW)
    clock = SetClock(NOW)
    server = OfficeServer(settings, store, clock)
    yield Office(server, VisitKiosk(server.url, token), clock, settings, store)
    server.stop()
    store.close()


def reminder_row(store: CaseStore, code: str) -> tuple[str, str, str, str]:
    with store.sql().reading() as sql:
        row = sql.rows(
            "SELECT reminder_email, reminder_state, reminder_language, reminder_consent"
            " FROM visit_bookings WHERE code = ?",
            (code,),
        )[0]
    return str(row[0]), str(row[1]), str(row[2]), str(row[3])


def test_the_resident_asks_on_the_page_and_is_reminded_the_day_before_once(
    office: Office, mailbox: MailServer
) -> None:
    code = office.book()
    form = office.page(code, "uk")
    assert "Нагадати мені e-mail за день до візиту" in form and 'type="email"' in form
    assert 'href="https://bip.lancut.pl/rodo"' in form
    asked = office.remind(code, lang="uk")
    assert asked.status_code == 200 and asked.history[0].status_code == 303
    assert "Готово: за день до візиту ми нагадаємо" in asked.text
    assert "За день до візиту ми надішлемо нагадування" in asked.text
    assert ADDRESS not in asked.text, "the page never shows the address"
    assert reminder_row(office.store, code) == (ADDRESS, "wanted", "uk", "rodo-2026-01")
    assert office.send(NOW) == (0, 0, 0) and office.send(SATURDAY) == (0, 0, 0)  # not yet
    assert office.send(SUNDAY) == (1, 0, 0)
    assert office.send(SUNDAY) == (0, 0, 0), "once"
    [mail] = mailbox.messages
    body = mail.get_content()
    shown = f"{code[:5]}-{code[5:]}"
    assert mail["To"] == ADDRESS and mail["Content-Language"] == "uk"
    assert mail["Subject"] == "Нагадування: завтра візит до установи, 23 листопада 2026, 09:00"
    for words in ("Urząd Miasta Łańcut", "Справа: Zameldowanie na pobyt stały",
                  "Місце обслуговування: Pokój 12", f"Код візиту: {shown}",
                  f"{PUBLIC}/v/{LANCUT}/{code}?lang=uk", "+48 17 225 22 13"):  # fmt: skip
        assert words in body, words
    assert "Zofia" not in body and "Żółkiewska" not in body
    assert "Нагадування електронною поштою надіслано." in office.page(code, "uk")


def test_two_senders_at_once_remind_each_booking_once(office: Office, mailbox: MailServer) -> None:
    codes = [office.book(time) for time in ("09:00", "09:20", "09:40", "10:00", "10:20")]
    for number, code in enumerate(codes):
        assert office.remind(code, f"osoba{number}@example.pl").status_code == 200
    other = open_store(office.settings)
    start = threading.Barrier(2)
    sent: list[int] = []

    def send(on: CaseStore) -> None:
        start.wait()
        sent.append(office.send(SUNDAY, on)[0])

    try:
        threads = [threading.Thread(target=send, args=(s,)) for s in (office.store, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()
    assert sum(sent) == 5 and len(mailbox.messages) == 5
    assert sorted(str(m["To"]) for m in mailbox.messages) == [
        f"osoba{n}@example.pl" for n in range(5)
    ]


def test_a_wrong_address_or_no_consent_comes_back_as_typed_and_nothing_is_kept(
    office: Office,
) -> None:
    code = office.book()
    wrong = office.remind(code, "zofia(at)example.pl")
    assert wrong.status_code == 400
    assert "To nie jest adres e-mail. Sprawdź go" in wrong.text
    assert 'value="zofia(at)example.pl"' in wrong.text, "mended, not typed again"
    unticked = requests.post(f"{office.server.url}/v/{LANCUT}/{code}/remind", timeout=10,
                             data={"email": ADDRESS, "lang": "de"})  # fmt: skip
    assert unticked.status_code == 400
    assert "Bitte stimmen Sie zu, damit das Amt die Erinnerung senden darf." in unticked.text
    assert reminder_row(office.store, code)[:2] == ("", "none")
    elsewhere = office.remind(code, from_site="cross-site")
    assert elsewhere.status_code == 403
    assert "Ten formularz można wysłać tylko ze strony wizyty." in elsewhere.text
    assert reminder_row(office.store, code)[:2] == ("", "none")


def test_forms_are_throttled_like_guessed_codes(visit_settings: OfficeSettings,
                                                mailbox: MailServer) -> None:  # fmt: skip
    settings = dataclasses.replace(with_mail(visit_settings, mailbox.port),
                                   status_misses_per_minute=3)  # fmt: skip
    store = open_store(settings)
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), NOW)
    server = OfficeServer(settings, store, SetClock(NOW))
    try:
        office = Office(server, VisitKiosk(server.url, token), SetClock(NOW), settings, store)
        code = office.book()
        answers = [office.remind(code, f"a{n}@example.pl").status_code for n in range(4)]
    finally:
        server.stop()
        store.close()
    assert answers == [200, 200, 200, 429]


def test_removing_cancelling_and_the_purge_take_the_address_away(
    office: Office, mailbox: MailServer
) -> None:
    removed, cancelled, kept = office.book("09:00"), office.book("09:20"), office.book("09:40")
    for code in (removed, cancelled, kept):
        office.remind(code)
    gone = requests.post(f"{office.server.url}/v/{LANCUT}/{removed}/remind/remove",
                         data={"lang": "en"}, timeout=10)  # fmt: skip
    assert "Reminder and e-mail address deleted." in gone.text
    assert "Remind me by e-mail the day before" in gone.text, "the form again"
    assert office.kiosk.cancel(cancelled).status_code == 200
    assert reminder_row(office.store, removed)[:2] == ("", "none")
    assert reminder_row(office.store, cancelled)[:2] == ("", "none")
    assert office.send(SUNDAY) == (1, 0, 0) and len(mailbox.messages) == 1
    later = dt.datetime(2027, 3, 1, tzinfo=dt.UTC)  # past the 90 days of retention
    assert RetentionPurge(office.store.sql(), 90).purge(later).bookings == 3
    assert reminder_row(office.store, kept)[:2] == ("", "sent")


def test_an_unreachable_or_refusing_mail_server(
    office: Office, mailbox: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    first, second = office.book("09:00"), office.book("09:20")
    office.remind(first)
    office.remind(second, "nikt@example.pl")
    nowhere = dataclasses.replace(office.settings, smtp_port=free_port())
    with caplog.at_level(logging.INFO):
        line, status = run_remind(nowhere, lambda: SUNDAY)
        assert (line, status) == (
            "reminders for 2026-11-23: 0 sent, 2 to try again, 0 refused by the mail server",
            1,
        )
        mailbox.script("250", "550")
        line, status = run_remind(office.settings, lambda: SUNDAY)
    assert (line, status) == (
        "reminders for 2026-11-23: 1 sent, 0 to try again, 1 refused by the mail server",
        0,
    )
    assert reminder_row(office.store, second)[1] == "refused"
    assert "Serwer poczty nie przyjął podanego adresu." in office.page(second)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("office"))
    assert ADDRESS not in logged and "nikt@" not in logged
    assert first not in logged and second not in logged, "the code cancels: not logged"
    assert logged.count("cannot reach the mail server") == 1, "the second was not tried"
    assert (
        "reminder of booking #2 of gmina-miasto-lancut not sent: the mail server refused" in logged
    )


def test_the_command_line_and_reminders_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, "")
    assert main(["visits", "remind", "--config", str(config)]) == 0
    assert capsys.readouterr().out == "reminders are off: smtp_host is not set\n"


def test_every_language_has_every_text() -> None:
    for texts in (VISIT_TEXTS, REMINDER_TEXTS):
        assert set(texts) == {"pl", "en", "uk", "de"}
        keys = set(texts["pl"])
        assert all(set(t) == keys and all(t.values()) for t in texts.values())


PHONE = {"width": 412, "height": 915, "deviceScaleFactor": 1, "mobile": True}


def whole_page_on_the_phone(browser: Page, out: Path) -> None:
    height = int(browser.value("document.documentElement.scrollHeight"))
    browser.call("Emulation.setDeviceMetricsOverride", **{**PHONE, "height": height})
    browser.screenshot(out)
    browser.call("Emulation.setDeviceMetricsOverride", **PHONE)


def test_a_resident_asks_for_the_reminder_in_a_real_browser(
    office: Office, mailbox: MailServer, tmp_path: Path
) -> None:
    code = office.book()
    with desk_browser(tmp_path / "profile") as browser:
        browser.call("Emulation.setDeviceMetricsOverride", **PHONE)
        browser.open(f"{office.server.url}/v/{LANCUT}/{code}?lang=pl")
        type_into(browser, "#email", ADDRESS)
        browser.tap("input[name=consent]")
        whole_page_on_the_phone(browser, tmp_path / "form.png")
        submit_with(browser, "button.go")
        text = browser.value("document.body.innerText")
        whole_page_on_the_phone(browser, tmp_path / "asked.png")
    assert "Gotowe: dzień przed wizytą przypomnimy o niej e-mailem." in text
    assert "Usuń przypomnienie i mój adres" in text and ADDRESS not in text
    assert reminder_row(office.store, code)[:2] == (ADDRESS, "wanted")
    assert office.send(SUNDAY) == (1, 0, 0)
    for shot in ("form.png", "asked.png"):
        assert (tmp_path / shot).stat().st_size > 5000


def test_no_form_on_the_visits_day_nor_when_the_office_sends_no_email(office: Office) -> None:
    code = office.book()
    without_mail = OfficeServer(dataclasses.replace(office.settings, smtp_host=""), office.store,
                                SetClock(NOW))  # fmt: skip
    try:
        off = requests.get(f"{without_mail.url}/v/{LANCUT}/{code}?lang=pl", timeout=10).text
    finally:
        without_mail.stop()
    assert "Wizyta umówiona" in off and "Przypomnij mi e-mailem" not in off
    office.clock.now = dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)  # 7:00 on the day
    assert "Przypomnij mi e-mailem" not in office.page(code)
    late = office.remind(code)
    assert "Do tej wizyty nie można już ustawić przypomnienia." in late.text
    assert reminder_row(office.store, code)[:2] == ("", "none")


def test_the_command_the_timer_runs_reminds_tomorrows_visits(
    settings: OfficeSettings, tmp_path: Path, mailbox: MailServer
) -> None:
    config = write_config(
        tmp_path, settings.database_url, smtp_host="127.0.0.1", smtp_port=mailbox.port,
        smtp_from="wnioski@lancut.pl", public_url=PUBLIC,
    )  # fmt: skip
    config.write_text(
        config.read_text().replace("[[offices]]", "smtp_starttls = false\n[[offices]]", 1)
    )
    tomorrow = polish_day(dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)
    at_ten = dt.datetime.combine(tomorrow, dt.time(10), WARSAW).astimezone(dt.UTC)
    store = open_store(load_settings(config))
    try:
        new = NewBooking(LANCUT, REGISTRATION, ("Pokój 12",), at_ten, KIOSK, "k1", "sha",
                         "", ADDRESS, "de", "rodo-2026-01")  # fmt: skip
        booked = VisitStore(store.sql()).book(new, dt.datetime.now(dt.UTC))
    finally:
        store.close()
    runs = [
        subprocess.run(office_command("visits", "remind", "--config", str(config)), cwd=ROOT,
                       capture_output=True, text=True, timeout=60, check=False)
        for _ in range(2)
    ]  # fmt: skip
    day = tomorrow.isoformat()
    assert [(r.returncode, r.stdout) for r in runs] == [
        (0, f"reminders for {day}: 1 sent, 0 to try again, 0 refused by the mail server\n"),
        (0, f"reminders for {day}: 0 sent, 0 to try again, 0 refused by the mail server\n"),
    ]
    [mail] = mailbox.messages
    assert mail["To"] == ADDRESS and mail["Subject"].startswith("Erinnerung: Ihr Termin im Amt")
    assert f"{PUBLIC}/v/{LANCUT}/{booked.code}?lang=de" in mail.get_content()
    assert ADDRESS not in runs[0].stderr and booked.code not in runs[0].stderr
