"""Wi-Fi vouchers: made by the kiosk's code, checked by the portal's, used once per device."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from captive_portal import vouchers
from captive_portal.settings import PortalSettings, VoucherSettings
from captive_portal.settings_checks import SettingsError, check
from kiosk.wifi_voucher import VoucherKey, grouped, make
from tests.captive_portal.portal_server import FakeClock, PortalServer

SECRET = "v7Rk2pQ9xW4mZ8cN3bF6hJ1tY5gD0sLa"
OLD_SECRET = "Q3wE8rT2yU6iO1pA5sD9fG4hJ7kL0zXc"
KEYS = {5: SECRET.encode(), 4: OLD_SECRET.encode()}
HOURS = 6
PHONE = "?mac=a4:5e:60:d1:2b:9c"
OTHER_PHONE = "?mac=a4:5e:60:d1:2b:77"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[PortalServer]:
    server = PortalServer(
        tmp_path / "data",
        vouchers=VoucherSettings(keys=[f"5:{SECRET}", f"4:{OLD_SECRET}"], hours=HOURS),
    )
    yield server
    server.stop()


def voucher(clock: FakeClock, days: float = 30, key_id: int = 5) -> str:
    """As the kiosk prints it."""
    return grouped(make(VoucherKey(key_id, KEYS[key_id]), clock.now + days * 86400))


def use(portal: PortalServer, code: str, device: str = PHONE, lang: str = "pl") -> object:
    return portal.post("/accept", data={**portal.form(device + f"&lang={lang}"), "voucher": code})


def session_seconds(portal: PortalServer) -> int | None:
    authorised = [a for a in portal.gateway.actions if a.action == "authorise"]
    return authorised[-1].seconds if authorised else None


def test_what_the_kiosk_makes_the_portal_takes_as_a_phone_user_types_it() -> None:
    now = 1_800_000_000.0
    code = make(VoucherKey(5, KEYS[5]), now + 86400)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{16}", code)
    typed = grouped(code).lower().replace("-", " ").replace("0", "o").replace("1", "l")
    found = vouchers.check(typed, KEYS, now)
    assert (found.code, found.key_id) == (code, 5)
    assert now + 86400 <= found.expires_at < now + 86400 + 3600  # rounded up to the hour
    old = make(VoucherKey(4, KEYS[4]), now + 3600)
    assert vouchers.check(old, KEYS, now).key_id == 4  # a key being rotated out still works


def test_every_one_character_slip_is_refused() -> None:
    now = 1_800_000_000.0
    code = make(VoucherKey(5, KEYS[5]), now + 86400)
    for place in range(len(code)):
        for other in "0Z":
            if code[place] == other:
                continue
            typo = code[:place] + other + code[place + 1 :]
            with pytest.raises(vouchers.VoucherRefused) as refused:
                vouchers.check(typo, KEYS, now)
            assert refused.value.problem == "voucher_wrong"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "voucher_wrong"),
        ("ABCD-EFGH", "voucher_wrong"),
        ("ABCD-EFGH-JKMN-PQRS-T", "voucher_wrong"),
        ("ÀBCD-EFGH-JKMN-PQRS", "voucher_wrong"),
        ("UUUU-UUUU-UUUU-UUUU", "voucher_wrong"),
    ],
)
def test_malformed_codes_are_refused(typed: str, problem: str) -> None:
    with pytest.raises(vouchers.VoucherRefused) as refused:
        vouchers.check(typed, KEYS, 1_800_000_000.0)
    assert refused.value.problem == problem


def test_a_key_the_portal_does_not_know_and_an_expired_voucher_are_refused() -> None:
    now = 1_800_000_000.0
    stranger = make(VoucherKey(9, b"k" * 40), now + 86400)
    with pytest.raises(vouchers.VoucherRefused, match="voucher_wrong"):
        vouchers.check(stranger, KEYS, now)
    late = make(VoucherKey(5, KEYS[5]), now + 60)  # expires at the next full hour
    with pytest.raises(vouchers.VoucherRefused, match="voucher_expired"):
        vouchers.check(late, KEYS, now + 3601)


def test_the_splash_offers_the_voucher_field_only_when_vouchers_are_set(
    portal: PortalServer, tmp_path: Path
) -> None:
    for lang, words in (("pl", "6 godz."), ("en", "6 h"), ("uk", "6 год"), ("de", "6 Std.")):
        page = portal.get(f"/?lang={lang}").text
        assert 'name="voucher"' in page and words in page
    plain = PortalServer(tmp_path / "plain")
    try:
        assert 'name="voucher"' not in plain.get("/").text
    finally:
        plain.stop()


def test_a_voucher_gives_its_hours_once_and_the_consent_log_keeps_only_its_fingerprint(
    portal: PortalServer,
) -> None:
    code = voucher(portal.clock)
    answer = use(portal, code)
    assert answer.status_code == 303  # type: ignore[attr-defined]
    assert session_seconds(portal) == HOURS * 3600
    with sqlite3.connect(portal.settings.store_file()) as db:
        [(kept,)] = db.execute("SELECT voucher FROM consents").fetchall()
        dump = "\n".join(db.iterdump())
    assert kept == vouchers.check(code, KEYS, portal.clock.now).fingerprint()
    assert vouchers.normalise(code) not in dump


def test_another_device_is_refused_in_its_language(portal: PortalServer) -> None:
    code = voucher(portal.clock)
    use(portal, code)
    for lang, words in (("pl", "już użyty"), ("uk", "уже використано")):
        refused = use(portal, code, OTHER_PHONE, lang)
        assert refused.status_code == 409  # type: ignore[attr-defined]
        assert words in refused.text  # type: ignore[attr-defined]
    assert [a.client.mac for a in portal.gateway.actions if a.client] == ["a4:5e:60:d1:2b:9c"]


def test_the_same_device_comes_back_for_what_is_left_of_its_hours(portal: PortalServer) -> None:
    code = voucher(portal.clock)
    use(portal, code)
    portal.clock.advance(3600)
    assert use(portal, code).status_code == 303  # type: ignore[attr-defined]
    assert session_seconds(portal) == (HOURS - 1) * 3600
    portal.clock.advance((HOURS - 1) * 3600)
    again = use(portal, code)
    assert again.status_code == 410  # type: ignore[attr-defined]  # its hours are used up


def test_forged_and_expired_vouchers_are_explained(portal: PortalServer) -> None:
    code = voucher(portal.clock, days=0.01)
    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    wrong = use(portal, forged, lang="en")
    assert wrong.status_code == 400  # type: ignore[attr-defined]
    assert "Compare it with the printed slip" in wrong.text  # type: ignore[attr-defined]
    portal.clock.advance(2 * 3600)
    expired = use(portal, code, lang="de")
    assert expired.status_code == 410  # type: ignore[attr-defined]
    assert "abgelaufen" in expired.text  # type: ignore[attr-defined]
    assert session_seconds(portal) is None  # nobody got online


def test_an_empty_voucher_field_is_a_plain_accept(portal: PortalServer) -> None:
    assert use(portal, "  ").status_code == 303  # type: ignore[attr-defined]
    assert session_seconds(portal) == portal.settings.session_seconds


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ([f"64:{SECRET}"], "id from 0 to 63"),
        ([f"x:{SECRET}"], "id from 0 to 63"),
        (["3:short"], "shorter than 32"),
        ([f"3:{SECRET}", f"3:{OLD_SECRET}"], "repeats the id 3"),
    ],
)
def test_wrong_voucher_keys_are_named(keys: list[str], reason: str) -> None:
    with pytest.raises(SettingsError, match=reason) as refused:
        check(PortalSettings(vouchers=VoucherSettings(keys=keys)), "portal.toml")
    assert SECRET not in str(refused.value)
