"""FAS level 2: the parameter list encrypted with AES-256-CBC under the shared faskey.

Follows openNDS's reference FAS (`fas-aes.php`): `openssl_decrypt(base64_decode($fas),
"AES-256-CBC", $faskey, 0, $iv)`. Options 0 makes PHP base64-decode the data once more, so
`fas` is base64(base64(ciphertext)); PHP uses the key's bytes cut or NUL-padded to 32 and
the 16 `iv` characters as raw bytes; the padding is PKCS#7.

openNDS produces level 2 through php-cli on the gateway; the journey test with the real
openNDS runs at level 2 too (tests/captive_portal_gateways/test_real_portal_opennds.py).
"""

from __future__ import annotations

import base64
import re

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from captive_portal.gateways import _validate as v
from captive_portal.gateways._fas import b64_text, utf8

_IV = re.compile(r"[\x21-\x7e]{16}")


def _key(faskey: str) -> bytes:
    return faskey.encode("ascii")[:32].ljust(32, b"\0")


def _iv(iv: str) -> bytes:
    if not _IV.fullmatch(iv):
        raise v.fail("iv", "not 16 printable ASCII characters")
    return iv.encode("ascii")


def decrypt_fas(fas: str, iv: str, faskey: str) -> str:
    """The decoded parameter list, or GatewayInputError for anything that does not decrypt."""
    inner = b64_text("fas", fas)
    try:
        ciphertext = b64_text("fas", inner.decode("ascii"))
    except UnicodeDecodeError:
        raise v.fail("fas", "not base64") from None
    if not ciphertext or len(ciphertext) % 16:
        raise v.fail("fas", "not whole AES blocks")
    decryptor = Cipher(algorithms.AES(_key(faskey)), modes.CBC(_iv(iv))).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        plain = unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise v.fail("fas", "does not decrypt with the faskey") from None
    return utf8("fas", plain)


def encrypt_fas(text: str, iv: str, faskey: str) -> str:
    """What openNDS sends at level 2 for `text` (for tests and stubs)."""
    padder = padding.PKCS7(128).padder()
    padded = padder.update(text.encode("utf-8")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(_key(faskey)), modes.CBC(_iv(iv))).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    return base64.b64encode(base64.b64encode(ciphertext)).decode("ascii")
