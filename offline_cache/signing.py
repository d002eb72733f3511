"""Ed25519 signatures over the exact bytes of a catalogue bundle.

Keys and signatures travel as base64 text: the public key is the 32 raw bytes (one line in
the kiosk config), the signature file holds the 64 raw bytes of the detached signature.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class SignatureError(ValueError):
    """The signature, or a key, is missing, malformed or does not match."""


def generate_private_key() -> bytes:
    """A new private key as PKCS#8 PEM (keep it off the kiosks)."""
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_key_text(private_pem: bytes) -> str:
    """The base64 public key that kiosks put into `catalogue.public_key`."""
    public = _private_key(private_pem).public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign(data: bytes, private_pem: bytes) -> bytes:
    """The detached signature file content for `data`."""
    return base64.b64encode(_private_key(private_pem).sign(data)) + b"\n"


def verify(
    data: bytes, signature_file: bytes, public_key: str, what: str = "the catalogue"
) -> None:
    """Raise SignatureError unless `signature_file` signs exactly `data` with `public_key`;
    `what` names the signed file in the error."""
    key = load_public_key(public_key)
    try:
        signature = base64.b64decode(signature_file.strip(), validate=True)
    except binascii.Error as exc:
        raise SignatureError("signature file is not base64 text") from exc
    if len(signature) != 64:
        raise SignatureError(f"signature has {len(signature)} bytes, an Ed25519 one has 64")
    try:
        key.verify(signature, data)
    except InvalidSignature as exc:
        raise SignatureError(f"signature does not match {what} (altered or wrong key)") from exc


def load_public_key(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except binascii.Error as exc:
        raise SignatureError("public key is not base64 text") from exc
    if len(raw) != 32:
        raise SignatureError(f"public key has {len(raw)} bytes, an Ed25519 one has 32")
    return Ed25519PublicKey.from_public_bytes(raw)


def _private_key(private_pem: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(private_pem, password=None)
    except (ValueError, TypeError) as exc:
        raise SignatureError("private key is not an unencrypted PEM key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError("private key is not an Ed25519 key")
    return key
