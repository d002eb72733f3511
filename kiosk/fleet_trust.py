"""Whether a fleet config may be believed: signed by a trusted key, for this kiosk's group."""

from __future__ import annotations

from kiosk.config import FleetConfig
from kiosk.fleet_document import FleetDocument, FleetDocumentError, parse_document
from offline_cache.signing import SignatureError, verify


def check_signature(document: bytes, signature: bytes, public_keys: tuple[str, ...]) -> None:
    """Good when any trusted key signed the exact bytes (two keys while one is replaced);
    SignatureError otherwise."""
    problem = "no trusted key to check the fleet config with"
    for key in public_keys:
        try:
            verify(document, signature, key, what="the fleet config")
        except SignatureError as exc:
            problem = str(exc)
            continue
        return
    raise SignatureError(problem)


def trusted_document(
    document: bytes, signature: bytes, source: str, fleet: FleetConfig
) -> FleetDocument:
    """The document, if the keys trusted now signed it and it is for this kiosk's group."""
    check_signature(document, signature, fleet.public_keys)
    parsed = parse_document(document, source)
    if parsed.group != fleet.group:
        raise FleetDocumentError(
            f"{source} is for group {parsed.group!r}, this kiosk is in {fleet.group!r}"
        )
    return parsed
