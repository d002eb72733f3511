"""Hypothesis over what arrives from outside: Accept-Language, client addresses, typed codes
and heartbeat bodies never crash the office; they are answered or refused."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from office.errors import IntakeRefusal
from office.heartbeat_document import parse_heartbeat
from office.sqlite_store import SqliteCaseStore
from office.status_desk import StatusDesk
from office.status_texts import LANGUAGES, pick_language
from office.status_throttle import MissThrottle, client_key
from tests.office.office_server import RECEIVED

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.one_of(st.none(), st.text()), st.text())
def test_a_language_is_always_chosen(asked: str | None, accept: str) -> None:
    assert pick_language(asked, accept) in LANGUAGES


@given(st.text() | st.ip_addresses().map(str))
def test_any_client_address_gives_a_key(host: str) -> None:
    assert isinstance(client_key(host), str)


@given(st.lists(st.text(max_size=40), max_size=20))
def test_anything_typed_as_a_code_is_answered(typed: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteCaseStore(Path(folder) / "office.sqlite3")
        try:
            desk = StatusDesk(store, MissThrottle(5))
            outcomes = [desk.look_up(text, "192.0.2.1").outcome for text in typed]
        finally:
            store.close()
    assert set(outcomes) <= {"unknown", "malformed", "mismatch", "throttled"}
    assert outcomes.count("throttled") == max(0, len(typed) - 5)


HEARTBEAT_FIELDS = (
    "version", "time", "uptime_s", "catalogue_generation", "catalogue_age_s", "outbox",
    "oldest_queued_age_s", "printer_state",
)  # fmt: skip
HEARTBEATS = st.fixed_dictionaries(
    {"format": st.just("infomat-heartbeat/1"), "kiosk_id": st.just("k1")},
    optional=dict.fromkeys(HEARTBEAT_FIELDS, JSON),
)


@given(HEARTBEATS)
def test_any_heartbeat_body_is_kept_or_refused_with_a_reason(document: dict[str, object]) -> None:
    body = json.dumps(document).encode()
    refusal: IntakeRefusal | None = None
    try:
        beat = parse_heartbeat(body, "k1", RECEIVED)
    except IntakeRefusal as refused:
        refusal = refused
    if refusal is None:
        assert beat.kiosk_id == "k1"
        return
    assert refusal.status == 400
    named = {*document, "time", "outbox.queued", "outbox.rejected"}  # time is required
    assert refusal.reason.split(":")[0] in named
