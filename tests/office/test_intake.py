"""POST /intake as docs/outbox.md describes it, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from offline_cache.submission_code import check_character, new_code
from tests.office.conftest import KIOSK, LANCUT, OFFICES, RZESZOW
from tests.office.documents import body, document, headers
from tests.office.office_server import RECEIVED, OfficeServer
from tests.outbox_factories import ANSWERS
from tests.peers.postgres import PostgresCluster


def post(
    office: OfficeServer, http: requests.Session, data: bytes, sent: dict[str, str]
) -> requests.Response:
    return http.post(office.url + "/intake", data=data, headers=sent, timeout=10)


def test_an_application_becomes_a_case_once(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str
) -> None:
    doc = document()
    first = post(office, http, body(doc), headers(kiosk_token, doc))
    assert (first.status_code, first.json()) == (201, {"case_number": "UM-2026/00001"})
    # A resend (the kiosk did not hear the answer): the same case, whatever the spacing.
    resent = json.dumps(doc, ensure_ascii=False).encode()
    again = post(office, http, resent, headers(kiosk_token, doc))
    assert (again.status_code, again.json()) == (200, {"case_number": "UM-2026/00001"})
    other = document()
    assert post(office, http, body(other), headers(kiosk_token, other)).json() == {
        "case_number": "UM-2026/00002"
    }
    case = store.find_case(doc["code"])
    assert case is not None
    assert (case.case_number, case.kiosk_id, case.tenant_id) == ("UM-2026/00001", KIOSK, LANCUT)
    assert len(store.cases_of(LANCUT)) == 2


def test_the_same_key_with_another_body_is_refused_with_422(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str
) -> None:
    doc = document()
    assert post(office, http, body(doc), headers(kiosk_token, doc)).status_code == 201
    changed = document(doc["code"], answers={**ANSWERS, "tresc": "Inna treść"})
    reply = post(office, http, body(changed), headers(kiosk_token, changed))
    assert reply.status_code == 422
    assert "Idempotency-Key" in reply.json()["error"]
    assert len(store.cases_of(LANCUT)) == 1


@pytest.mark.parametrize("authorization", [None, "Bearer nieznany-token", "Basic a2lvc2s6eA=="])
def test_an_unknown_or_missing_token_gets_401(
    office: OfficeServer,
    http: requests.Session,
    store: CaseStore,
    kiosk_token: str,
    authorization: str | None,
) -> None:
    doc = document()
    sent = headers(kiosk_token, doc)
    del sent["Authorization"]
    if authorization:
        sent["Authorization"] = authorization
    reply = post(office, http, body(doc), sent)
    assert reply.status_code == 401
    assert reply.headers["WWW-Authenticate"] == "Bearer"
    assert store.cases_of(LANCUT) == []


def test_a_kiosk_filing_for_an_office_it_does_not_serve_gets_403(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str
) -> None:
    doc = document(tenant_id=RZESZOW, office_name="Urząd Miasta Rzeszowa")
    reply = post(office, http, body(doc), headers(kiosk_token, doc))
    assert reply.status_code == 403
    assert reply.json() == {"error": "office.tenant_id: this kiosk does not file for that office"}
    posing = document(kiosk_id="rzeszow-rynek-1")
    assert post(office, http, body(posing), headers(kiosk_token, posing)).status_code == 403
    assert store.cases_of(RZESZOW) == store.cases_of(LANCUT) == []


def without(doc: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != key}


Damage = Callable[[dict[str, Any]], object]
MALFORMED = [
    pytest.param(lambda d: without(d, "answers"), "answers: must be an object", id="answers"),
    pytest.param(lambda d: {**d, "answers": {**ANSWERS, "pesel": 2270803628}},
                 "answers.pesel: must be a text", id="pesel"),
    pytest.param(lambda d: {**d, "service": {"id": "gl-informacja-publiczna"}},
                 "service.name: must be a non-empty text", id="service"),
    pytest.param(lambda d: {**d, "filed_at": "20.11.2026 10:00"}, "filed_at: must be an ISO",
                 id="filed_at"),
    pytest.param(lambda d: {**d, "format": "infomat-submission/9"}, "format: must be",
                 id="format"),
    pytest.param(lambda d: [d], "body: must be a JSON object", id="list"),
]  # fmt: skip


@pytest.mark.parametrize(("damage", "reason"), MALFORMED)
def test_a_malformed_document_gets_400_naming_the_field_without_the_residents_data(
    office: OfficeServer,
    http: requests.Session,
    store: CaseStore,
    kiosk_token: str,
    *,
    caplog: pytest.LogCaptureFixture,
    damage: Damage,
    reason: str,
) -> None:
    doc = document()
    broken = damage(doc)
    with caplog.at_level(logging.INFO, logger="office"):
        reply = post(office, http, body(broken), headers(kiosk_token, doc))
    assert reply.status_code == 400
    assert reply.json()["error"].startswith(reason)
    for value in (*ANSWERS.values(), "2270803628", "Łucja", "Źródlana"):
        assert value not in reply.text
        assert value not in caplog.text
    assert f"kiosk {KIOSK}" in caplog.text
    assert store.cases_of(LANCUT) == []


def test_not_json_gets_400(office: OfficeServer, http: requests.Session, kiosk_token: str) -> None:
    doc = document()
    for data in (b'{"code": "K7P4M', b"[" * 200_000, "żółć".encode("iso-8859-2")):
        reply = post(office, http, data, headers(kiosk_token, doc))
        assert (reply.status_code, reply.json()) == (400, {"error": "body: not a JSON document"})


def test_a_wrong_check_character_gets_400(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str
) -> None:
    code = new_code()
    wrong = code[:-1] + next(c for c in "23456789" if c != code[-1])
    assert check_character(code[:-1]) != wrong[-1]
    doc = document(wrong)
    reply = post(office, http, body(doc), headers(kiosk_token, doc))
    assert (reply.status_code, reply.json()) == (
        400, {"error": "code: the check character does not match"},
    )  # fmt: skip
    assert store.cases_of(LANCUT) == []


@pytest.mark.parametrize("key", [None, "", "other", "lower"])
def test_the_idempotency_key_must_be_the_documents_code(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str,
    key: str | None,
) -> None:  # fmt: skip
    doc = document()
    sent = headers(kiosk_token, doc)
    if key is None:
        del sent["Idempotency-Key"]
    else:
        sent["Idempotency-Key"] = {"other": new_code(), "lower": doc["code"].lower()}.get(key, key)
    reply = post(office, http, body(doc), sent)
    assert reply.status_code == 400
    assert reply.json() == {"error": "Idempotency-Key: must be the document's code"}
    assert store.cases_of(LANCUT) == []


def test_a_body_over_the_limit_gets_413(
    office: OfficeServer, http: requests.Session, store: CaseStore, kiosk_token: str
) -> None:
    doc = document(answers={**ANSWERS, "tresc": "ż" * 140_000})  # 280 kB in UTF-8
    reply = post(office, http, body(doc), headers(kiosk_token, doc))
    assert (reply.status_code, reply.json()) == (413, {"error": "body: larger than 256 KiB"})

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while reading
        data = body(doc)
        yield from (data[i : i + 65536] for i in range(0, len(data), 65536))

    streamed = http.post(
        office.url + "/intake", data=chunks(), headers=headers(kiosk_token, doc), timeout=10
    )
    assert streamed.status_code == 413
    assert store.cases_of(LANCUT) == []


def test_health_answers_while_the_store_does(office: OfficeServer, http: requests.Session) -> None:
    assert http.get(office.url + "/healthz", timeout=5).status_code == 204
    assert http.get(office.url + "/intake", timeout=5).status_code == 405


def test_the_log_says_code_kiosk_and_office_and_nothing_of_the_resident(
    office: OfficeServer,
    http: requests.Session,
    kiosk_token: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    doc = document()
    with caplog.at_level(logging.DEBUG):
        post(office, http, body(doc), headers(kiosk_token, doc))
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("office")]
    assert ours == [f"intake {doc['code']}: filed as UM-2026/00001 for {LANCUT} from kiosk {KIOSK}"]
    # (uvicorn's access log, which names the client's address, is off in `office serve`:
    # test_kiosk_to_office reads that process's whole log.)
    for value in (*ANSWERS.values(), kiosk_token):
        assert value not in caplog.text


def test_an_unavailable_database_answers_503_so_the_kiosk_tries_later(
    postgres: PostgresCluster, tmp_path: Path, http: requests.Session
) -> None:
    url = postgres.new_database()
    settings = OfficeSettings(
        data_dir=str(tmp_path), database_url=url, offices=OFFICES, store_timeout_s=1.0
    )
    store = open_store(settings)
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), RECEIVED)
    office = OfficeServer(settings, store)
    try:
        postgres.drop_database(url)  # ends every connection of the pool
        doc = document()
        reply = post(office, http, body(doc), headers(token, doc))
        assert (reply.status_code, reply.headers["Retry-After"]) == (503, "30")
        assert reply.json() == {"error": "the case register is unavailable; try later"}
        assert http.get(office.url + "/healthz", timeout=30).status_code == 503
    finally:
        office.stop()
        store.close()
