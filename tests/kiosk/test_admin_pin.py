"""The demo's PIN hash is shipped ready (the demo does not pay scrypt at every start)."""

from __future__ import annotations

from kiosk.admin_pin import DEMO_PIN, DEMO_PIN_HASH, AdminPin, is_pin_hash


def test_the_shipped_demo_hash_is_the_demo_pins() -> None:
    assert is_pin_hash(DEMO_PIN_HASH)
    assert AdminPin(DEMO_PIN_HASH).check(DEMO_PIN).accepted


def test_another_pin_does_not_match_the_demo_hash() -> None:
    assert not AdminPin(DEMO_PIN_HASH).check("1357").accepted
