"""Mapping a service's channels: web addresses, postal addresses and opening hours."""

from __future__ import annotations

from offline_cache.cpsv_ap.bundle import _Record
from offline_cache.cpsv_ap.draft import _Draft, _put, _with
from offline_cache.cpsv_ap.graph import _Literal, _literals, _Node
from offline_cache.cpsv_ap.ids import _shown, _url
from offline_cache.cpsv_ap.records import _MapperBase
from offline_cache.cpsv_ap.terms import _DCT, _FOAF, _LOCN, _M8G
from offline_cache.cpsv_ap.texts import _plain, _Text, _text_of
from offline_cache.cpsv_ap.values import _FULL_ADDRESS, _POSTAL_CODE, _opening_hours


class _ChannelMapper(_MapperBase):
    """Online and in-person channels of a service."""

    def _channels(self, node: _Node, draft: _Draft) -> list[_Record]:
        found: list[_Record] = []
        for i, channel in enumerate(self._nodes(node, _M8G + "hasChannel")):
            found.extend(self._channel(channel, draft, f"hasChannel[{i}]"))
        if not found:
            draft.problem("hasChannel", "no channel with a web address or a postal address")
        return found

    def _channel(self, node: _Node, draft: _Draft, where: str) -> list[_Record]:
        """An online entry for a web address and an in-person one for a postal address."""
        text, hours = self._channel_description(node, draft, where)
        found: list[_Record] = []
        url = _url(node, _M8G + "contactPage", _FOAF + "page")
        if url:
            found.append(_with({"type": "online", "url": url}, "description", text))
        addresses = self._nodes(node, _LOCN + "address")
        for owner in self._nodes(node, _M8G + "ownedBy"):
            addresses = addresses or self._nodes(owner, _LOCN + "address")
        address = self._address(addresses[0], draft, f"{where}.address") if addresses else None
        if address:
            in_person: _Record = {"type": "in_person", "address": address}
            _put(in_person, "opening_hours", hours)
            found.append(_with(in_person, "description", text))
        return found

    def _channel_description(
        self, node: _Node, draft: _Draft, where: str
    ) -> tuple[_Text, list[_Record]]:
        """The channel's text and opening hours; hours that cannot be parsed join the text."""
        texts = [_text_of(_literals(node, _DCT + "description"))]
        hours: list[_Record] = []
        for value in node.props.get(_M8G + "openingHours", []):
            parsed = (
                _opening_hours(value.value)
                if isinstance(value, _Literal) and isinstance(value.value, str)
                else None
            )
            if parsed:
                hours.extend(parsed)
            elif isinstance(value, _Literal):
                texts.append(_text_of([value]))
            else:
                texts.append(_text_of(_literals(value, _DCT + "description")))
        return self._optional_text(texts, draft, f"{where}.description"), hours

    def _address(self, node: _Node, draft: _Draft, where: str) -> _Record | None:
        parts = self._address_parts(node)
        missing = [name for name, value in parts.items() if not value]
        if missing:
            draft.problem(where, f"address lacks {', '.join(missing)}")
            return None
        if not _POSTAL_CODE.fullmatch(parts["postal_code"]):
            draft.problem(where, f"postal code {_shown(parts['postal_code'])} is not NN-NNN")
            return None
        return dict(parts)

    def _address_parts(self, node: _Node) -> dict[str, str]:
        street = " ".join(
            part
            for part in (
                _plain(_literals(node, _LOCN + "thoroughfare")),
                _plain(_literals(node, _LOCN + "locatorDesignator")),
            )
            if part
        )
        parts = {
            "street": street,
            "postal_code": _plain(_literals(node, _LOCN + "postCode")) or "",
            "city": _plain(_literals(node, _LOCN + "postName")) or "",
        }
        full = _FULL_ADDRESS.fullmatch(_plain(_literals(node, _LOCN + "fullAddress")) or "")
        if full and not all(parts.values()):
            parts = {
                "street": full["street"].strip(),
                "postal_code": full["code"],
                "city": full["city"].strip(),
            }
        return parts
