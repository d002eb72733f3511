"""The Wi-Fi slip as the printer gets it: the join QR, the voucher, words in every language."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import get_args

import pytest

from captive_portal import vouchers
from devices.escpos_render import render_escpos
from devices.paper import PAPER_58, PAPER_80
from kiosk.config import ConfigError, Language, WifiConfig, load_config
from kiosk.wifi_slip import WORDS, join_text, new_slip, slip_receipt
from kiosk.wifi_voucher import VoucherKey, VoucherKeyError, read_key
from tests.devices.escpos_decoder import decode

SECRET = "m4Nq8Rz2Kw6Xb1Tv9Lc3Hp7Jd5Fs0Gy2"
KEY = VoucherKey(7, SECRET.encode())
NOW = dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.UTC)
WIFI = WifiConfig(ssid="Łańcut-Free WiFi", voucher_days=7, voucher_hours=8)


def test_every_language_has_every_word() -> None:
    assert set(WORDS) == set(get_args(Language))
    for words in WORDS.values():
        assert all(dataclasses.asdict(words).values())
        assert "{hours}" in words.how


@pytest.mark.parametrize(
    ("ssid", "password", "expected"),
    [
        ("Miasto", "", "WIFI:T:nopass;S:Miasto;;"),
        ('a;b,c:d"e\\f', "", 'WIFI:T:nopass;S:a\\;b\\,c\\:d\\"e\\\\f;;'),
        ("Urząd", "tajne;hasło", "WIFI:T:WPA;S:Urząd;P:tajne\\;hasło;;"),
    ],
)
def test_the_join_text_escapes_what_phones_would_misread(
    ssid: str, password: str, expected: str
) -> None:
    assert join_text(ssid, password) == expected


@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80], ids=["58mm", "80mm"])
def test_the_printed_slip_joins_the_network_and_its_voucher_gets_a_phone_online(
    paper: object,
) -> None:
    slip = new_slip(WIFI, KEY, NOW)
    job = decode(render_escpos(slip_receipt(slip, "pl"), paper))  # type: ignore[arg-type]
    assert [q.payload.decode() for q in job.qr_codes] == ["WIFI:T:nopass;S:Łańcut-Free WiFi;;"]
    big = [line.text.strip() for line in job.lines if line.width == 2 and line.bold]
    printed_code = "-".join(big[-2:])
    assert printed_code == slip.voucher
    text = " ".join(job.text.split())  # as read, whatever the paper's line breaks
    assert "Sieć: Łańcut-Free WiFi" in text and "8 godz." in text
    assert "ważny do: 13.12.2026, godz. 10:30" in text  # 7 days on, the town hall's clock
    checked = vouchers.check(printed_code, {7: SECRET.encode()}, NOW.timestamp())
    assert checked.expires_at >= (NOW + dt.timedelta(days=7)).timestamp()


def test_each_slip_has_its_own_voucher() -> None:
    assert len({new_slip(WIFI, KEY, NOW).voucher for _ in range(50)}) == 50


def test_without_a_voucher_key_the_slip_only_joins_the_network() -> None:
    slip = new_slip(WIFI, None, NOW)
    job = decode(render_escpos(slip_receipt(slip, "en"), PAPER_80))
    assert slip.voucher == ""
    assert "accept the terms on the network's page" in " ".join(job.text.split())
    assert len(job.qr_codes) == 1


def test_a_ukrainian_slip_prints_as_images_with_the_qr_as_text() -> None:
    job = decode(render_escpos(slip_receipt(new_slip(WIFI, KEY, NOW), "uk"), PAPER_80))
    assert job.raster is not None  # Cyrillic is drawn (CP852 has no Cyrillic)
    assert len(job.qr_codes) == 1


def write_config(tmp_path: Path, wifi: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[wifi]\n{wifi}\n", encoding="utf-8")
    return path


def key_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "voucher.key"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_wifi_config_loads(tmp_path: Path) -> None:
    key = key_file(tmp_path, f"7:{SECRET}\n")
    config = load_config(
        write_config(tmp_path, f'ssid = "Urząd"\nvoucher_key_file = "{key}"\nvoucher_hours = 4')
    )
    assert (config.wifi.ssid, config.wifi.voucher_hours) == ("Urząd", 4)
    assert read_key(key) == KEY


@pytest.mark.parametrize(
    ("wifi", "reason"),
    [
        ('ssid = "' + "x" * 33 + '"', "at most 32 bytes"),
        ('ssid = "a"\npassword = "short"', "8 to 63 characters"),
        ('voucher_key_file = "/nonexistent"', "needs 'wifi.ssid'"),
        ('ssid = "a"\nvoucher_key_file = "/nonexistent/key"', "no such file"),
        ('ssid = "a"\nvoucher_days = 0', "at least 1"),
        ('ssid = "a"\nvoucher_hours = nan', "whole number"),
        ('ssid = "a"\nvoucher_hours = 169', "at most 168"),
    ],
)
def test_a_wrong_wifi_config_is_named(tmp_path: Path, wifi: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason) as refused:
        load_config(write_config(tmp_path, wifi))
    assert "'wifi." in str(refused.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("64:" + SECRET, "id 0 to 63"),
        ("seven:" + SECRET, "id 0 to 63"),
        ("7:tinysecret", "shorter than 32"),
        ("", "id 0 to 63"),
    ],
)
def test_a_wrong_voucher_key_file_is_named_without_its_secret(
    tmp_path: Path, text: str, reason: str
) -> None:
    with pytest.raises(VoucherKeyError, match=reason) as refused:
        read_key(key_file(tmp_path, text))
    assert SECRET not in str(refused.value) and "tinysecret" not in str(refused.value)
