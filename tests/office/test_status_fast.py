"""The status page's fast path (issue 12's speed): the hand-made HTML, the reads that never
hold up the event loop, PostgreSQL's lookups asked together, HEAD and other methods."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
import requests
from hypothesis import example, given
from hypothesis import strategies as st

from office.settings import Office, OfficeSettings
from office.sqlite_store import SqliteCaseStore
from office.status_html import StatusHtml
from office.status_reads import BatchedStatusReader
from office.status_records import CaseStatusRecord, HistoryEntry
from office.status_texts import CATALOGUES, LANGUAGES, Language, day_and_time
from office.store import CaseStore, StoreError
from offline_cache.submission_code import display, new_code
from tests.office.case_moves import move_case
from tests.office.conftest import LANCUT
from tests.office.office_server import RECEIVED, OfficeServer
from tests.office.status_helpers import file_case, status_server

AT = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def office(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    server = status_server(settings, store)
    yield server
    server.stop()


class _Page(HTMLParser):
    """The text a browser shows and the tags it builds, of one page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "nav", "a",
             "main", "strong", "section", "h2", "dl", "dt", "dd", "ol", "li", "time", "br",
             "footer"}  # fmt: skip


@given(st.text(min_size=1), st.text(), st.text(min_size=1), st.sampled_from(LANGUAGES))
@example(service="0", message="\r", office_name="0", language="pl")  # found in CI
def test_whatever_the_register_and_config_hold_is_shown_as_text(
    service: str, message: str, office_name: str, language: Language
) -> None:
    html = StatusHtml(OfficeSettings(offices=[Office(LANCUT, office_name, "UM", "+48 17 1")]))
    history = (HistoryEntry("received", RECEIVED, ""), HistoryEntry("needs_more", AT, message))
    record = CaseStatusRecord("K7P4MX9RCA", "UM-2026/00001", "needs_more", LANCUT, "gl-x",
                              service, RECEIVED, RECEIVED, history)  # fmt: skip
    markup = html.found(record, display(record.code), language).body().decode()
    page = _Page(markup)
    shown = "".join(page.text)
    assert page.tags <= PAGE_TAGS
    for text in (service, office_name, CATALOGUES[language]["state_needs_more"],
                 day_and_time(language, AT), "K7P4M-X9RCA"):  # fmt: skip
        assert text in shown
    # A message of blanks alone says nothing: the page leaves it out (CaseStatusRecord.message).
    assert ('id="message-heading"' in markup) == bool(message.strip())
    if message.strip():
        assert message in shown


def test_the_page_of_each_language_is_the_frame_of_that_language(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    for language in LANGUAGES:
        for _ in range(2):  # looked up, then kept
            reply = http.get(f"{office.url}/s/{code}?lang={language}", timeout=10)
            texts = CATALOGUES[language]
            assert reply.headers["content-language"] == language
            assert f'<html lang="{language}">' in reply.text
            assert (
                f'href="?lang={language}" hreflang="{language}" lang="{language}" aria-current'
                in reply.text
            )
            for key in ("page_title", "state_received", "step_received", "privacy", "contact"):
                assert texts[key] in reply.text


def test_head_answers_the_page_s_headers_and_other_methods_are_refused(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    page = http.get(f"{office.url}/s/{code}", timeout=10)
    head = http.head(f"{office.url}/s/{code}", timeout=10)
    assert (head.status_code, head.content) == (200, b"")
    for name in ("content-type", "content-length", "content-security-policy", "cache-control"):
        assert head.headers[name] == page.headers[name]
    assert http.head(f"{office.url}/s/{new_code()}", timeout=10).status_code == 404
    refused = http.post(f"{office.url}/s/{code}", timeout=10)
    assert refused.status_code == 405
    assert http.get(f"{office.url}/s/{code}/x", timeout=10).status_code == 404


def test_a_write_in_progress_does_not_hold_up_the_page(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    """SQLite: the page reads on its own connection, so a write of this process that holds
    the store (a filing waiting for its fsync, a clerk's move) does not stop it."""
    if not isinstance(store, SqliteCaseStore):
        pytest.skip("SQLite's one write connection per process")
    office = status_server(settings, store)
    holding, release = threading.Event(), threading.Event()

    def slow_write() -> None:
        with store._transaction():  # the lock every write of this process takes
            holding.set()
            release.wait(10)

    try:
        with requests.Session() as http:
            http.trust_env = False
            code = file_case(office, http, kiosk_token)
            move_case(settings, code, "in_progress", AT)
            writer = threading.Thread(target=slow_write)
            writer.start()
            assert holding.wait(5)
            started = time.monotonic()
            reply = http.get(f"{office.url}/s/{code}", timeout=10)
            took = time.monotonic() - started
            release.set()
            writer.join(10)
    finally:
        release.set()
        office.stop()
    assert reply.status_code == 200
    assert CATALOGUES["pl"]["state_in_progress"] in reply.text
    assert took < 1.0


def test_lookups_asked_together_are_one_statement_with_each_its_own_answer(
    settings: OfficeSettings, store: CaseStore, kiosk_token: str
) -> None:
    office = status_server(settings, store)
    try:
        with requests.Session() as http:
            http.trust_env = False
            filed = [file_case(office, http, kiosk_token) for _ in range(4)]
    finally:
        office.stop()
    move_case(settings, filed[1], "ready", AT, "Do odbioru.")
    asked = filed * 5 + [new_code() for _ in range(10)]
    entered, gate, batches = threading.Event(), threading.Event(), []

    def lookup_many(codes: list[str]) -> dict[str, CaseStatusRecord]:
        batches.append(codes)
        entered.set()
        gate.wait(10)  # the first statement is slow: the others wait together
        return {code: found for code in codes if (found := store.status_of(code))}

    reader = BatchedStatusReader(lookup_many)

    async def ask_all() -> list[CaseStatusRecord | None]:
        first = asyncio.create_task(reader.status_of(asked[0]))
        while not entered.is_set():
            await asyncio.sleep(0.01)
        others = [asyncio.create_task(reader.status_of(code)) for code in asked[1:]]
        await asyncio.sleep(0.1)
        gate.set()
        return [await first, *await asyncio.gather(*others)]

    try:
        answers = asyncio.run(ask_all())
    finally:
        reader.close()
    assert [a.code if a else None for a in answers] == [*filed * 5, *[None] * 10]
    assert {a.state for a in answers if a and a.code == filed[1]} == {"ready"}
    assert batches == [[asked[0]], sorted(set(asked))]  # the first alone, then all asked meanwhile


def test_a_failed_statement_answers_each_waiting_lookup_with_the_store_s_error() -> None:
    def unavailable(codes: list[str]) -> dict[str, CaseStatusRecord]:
        raise StoreError("cannot read: PostgreSQL is unavailable")

    reader = BatchedStatusReader(unavailable)

    async def ask() -> list[BaseException | CaseStatusRecord | None]:
        return await asyncio.gather(*(reader.status_of(new_code()) for _ in range(3)),
                                    return_exceptions=True)  # fmt: skip

    try:
        answers = asyncio.run(ask())
    finally:
        reader.close()
    assert [type(answer) for answer in answers] == [StoreError] * 3
    with pytest.raises(StoreError):
        asyncio.run(reader.status_of(new_code()))
