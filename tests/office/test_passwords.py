"""Clerks' passwords: scrypt with a random salt and its parameters stored with the hash."""

from __future__ import annotations

import base64
import hashlib

import pytest

from office.passwords import WeakPassword, hash_password, verify_password


def test_a_hash_is_scrypt_with_its_parameters_and_a_random_salt() -> None:
    first, second = hash_password("zażółć-gęślą-jaźń"), hash_password("zażółć-gęślą-jaźń")
    assert first != second  # a salt of its own
    kind, n, r, p, salt, digest = first.split("$")
    assert (kind, n, r, p) == ("scrypt", "16384", "8", "1")
    raw_salt = base64.urlsafe_b64decode(salt + "==")
    assert len(raw_salt) == 16
    expected = hashlib.scrypt("zażółć-gęślą-jaźń".encode(), salt=raw_salt, n=16384, r=8, p=1,
                              dklen=32)  # fmt: skip
    assert base64.urlsafe_b64decode(digest + "==") == expected
    assert "zażółć" not in first


def test_only_the_same_password_matches() -> None:
    stored = hash_password("Łódź-2026-hasło")
    assert verify_password("Łódź-2026-hasło", stored)
    assert not verify_password("Łódź-2026-haslo", stored)
    assert not verify_password("", stored)


def test_the_parameters_stored_with_a_hash_are_the_ones_used() -> None:
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"stare-haslo-1", salt=salt, n=1024, r=8, p=1, dklen=32)
    stored = "$".join(["scrypt", "1024", "8", "1", *map(_b64, (salt, digest))])
    assert verify_password("stare-haslo-1", stored)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@pytest.mark.parametrize(
    "stored",
    ["", "plain", "scrypt$16384$8$1$$", "scrypt$x$8$1$AAAA$AAAA", "bcrypt$1$2$3$4$5",
     "scrypt$1073741824$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!!$AAAA"],
)  # fmt: skip
def test_a_malformed_or_too_costly_stored_hash_matches_nothing(stored: str) -> None:
    assert not verify_password("cokolwiek-123", stored)


def test_short_passwords_are_refused() -> None:
    with pytest.raises(WeakPassword):
        hash_password("krótkie")
