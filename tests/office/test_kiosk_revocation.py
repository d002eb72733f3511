"""Revoking a kiosk and giving it a new token, in the store of each kind: the token and key
are refused, the row, cases and heartbeat stay, each change leaves an audit row."""

from __future__ import annotations

import datetime as dt

import pytest

from office.fleet_records import KioskUnknown
from office.kiosk_tokens import new_token, token_hash
from office.metrics import OfficeMetrics
from office.store import CaseStore, KioskExists, KioskRevoked
from offline_cache.signing import generate_private_key, public_key_text
from tests.office.conftest import KIOSK, LANCUT
from tests.office.desk import file_case

REVOKED = dt.datetime(2026, 12, 6, 16, 2, tzinfo=dt.UTC)
OTHER = "lancut-mosir-1"


def audit_rows(store: CaseStore) -> list[tuple[str, str, str]]:
    with store.sql().reading() as sql:
        rows = sql.rows("SELECT actor, action, detail FROM audit_log ORDER BY id")
    return [(str(actor), str(action), str(detail)) for actor, action, detail in rows]


def test_a_revoked_kiosks_token_and_key_are_refused_and_its_cases_stay(
    store: CaseStore, kiosk_token: str
) -> None:
    key = public_key_text(generate_private_key())
    store.set_kiosk_key(KIOSK, key)
    code, number = file_case(store)
    revocation = store.revoke_kiosk(KIOSK, REVOKED, "cli:technik")
    assert (revocation.revoked_at, revocation.already) == (REVOKED, False)
    assert store.kiosk_by_token(token_hash(kiosk_token)) is None
    by_key = store.kiosk_by_public_key(key)
    assert by_key is not None and by_key.revoked_at == REVOKED  # the key stays taken
    case = store.find_case(code)
    assert case is not None and (case.case_number, case.kiosk_id) == (number, KIOSK)
    status = store.status_of(code)
    assert status is not None and [entry.state for entry in status.history] == ["received"]
    [kiosk] = store.fleet()
    assert (kiosk.kiosk_id, kiosk.offices, kiosk.revoked_at) == (KIOSK, (LANCUT,), REVOKED)
    assert kiosk.has_public_key
    assert not kiosk.stale(REVOKED + dt.timedelta(days=30), 900)  # silent on purpose
    assert audit_rows(store) == [("cli:technik", "kiosk_revoke", KIOSK)]


def test_revoking_twice_keeps_the_first_time_and_writes_no_second_row(
    store: CaseStore, kiosk_token: str
) -> None:
    store.revoke_kiosk(KIOSK, REVOKED, "cli:technik")
    again = store.revoke_kiosk(KIOSK, REVOKED + dt.timedelta(hours=1), "cli:technik")
    assert (again.revoked_at, again.already) == (REVOKED, True)
    assert len(audit_rows(store)) == 1


def test_an_unknown_kiosk_cannot_be_revoked_or_given_a_token(store: CaseStore) -> None:
    with pytest.raises(KioskUnknown):
        store.revoke_kiosk("nie-ma-takiego", REVOKED, "cli:technik")
    with pytest.raises(KioskUnknown):
        store.replace_kiosk_token("nie-ma-takiego", token_hash(new_token()), REVOKED, "cli:x")
    assert audit_rows(store) == []


def test_a_new_token_refuses_the_old_one_and_lifts_the_revocation(
    store: CaseStore, kiosk_token: str
) -> None:
    fresh = new_token()
    assert store.replace_kiosk_token(KIOSK, token_hash(fresh), REVOKED, "cli:technik") is None
    assert store.kiosk_by_token(token_hash(kiosk_token)) is None
    kiosk = store.kiosk_by_token(token_hash(fresh))
    assert kiosk is not None and (kiosk.kiosk_id, kiosk.offices) == (KIOSK, frozenset({LANCUT}))
    store.revoke_kiosk(KIOSK, REVOKED, "cli:technik")
    assert store.kiosk_by_token(token_hash(fresh)) is None
    restored = new_token()
    later = REVOKED + dt.timedelta(days=1)
    assert store.replace_kiosk_token(KIOSK, token_hash(restored), later, "cli:jan") == REVOKED
    back = store.kiosk_by_token(token_hash(restored))
    assert back is not None and back.revoked_at is None
    assert store.kiosk_by_token(token_hash(fresh)) is None
    [listed] = store.fleet()
    assert listed.revoked_at is None
    assert audit_rows(store) == [
        ("cli:technik", "kiosk_token", KIOSK),
        ("cli:technik", "kiosk_revoke", KIOSK),
        ("cli:jan", "kiosk_token", f"{KIOSK}, back in service"),
    ]


def test_a_revoked_id_is_not_registered_again(store: CaseStore, kiosk_token: str) -> None:
    store.add_kiosk(OTHER, [LANCUT], token_hash(new_token()), REVOKED)
    with pytest.raises(KioskExists) as in_service:
        store.add_kiosk(OTHER, [LANCUT], token_hash(new_token()), REVOKED)
    assert not isinstance(in_service.value, KioskRevoked)
    store.revoke_kiosk(KIOSK, REVOKED, "cli:technik")
    with pytest.raises(KioskRevoked) as revoked:
        store.add_kiosk(KIOSK, [LANCUT], token_hash(new_token()), REVOKED)
    assert revoked.value.revoked_at == REVOKED
    assert store.kiosk_by_token(token_hash(kiosk_token)) is None  # still revoked


def test_metrics_count_a_revoked_kiosk_apart_and_never_as_stale(
    store: CaseStore, kiosk_token: str
) -> None:
    store.add_kiosk(OTHER, [LANCUT], token_hash(new_token()), REVOKED)  # never heard from
    store.revoke_kiosk(KIOSK, REVOKED, "cli:technik")
    text = OfficeMetrics(store, lambda: REVOKED, 900).exposition().decode()
    assert "office_kiosks 1.0" in text
    assert "office_kiosks_stale 1.0" in text  # OTHER only
    assert "office_kiosks_revoked 1.0" in text
