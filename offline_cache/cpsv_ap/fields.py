"""Mapping a service's own fields: documents, costs, processing time, legal basis, relations."""

from __future__ import annotations

from datetime import UTC, datetime

from offline_cache.cpsv_ap.bundle import _Record
from offline_cache.cpsv_ap.draft import _Draft, _put, _with
from offline_cache.cpsv_ap.graph import _literals, _Node
from offline_cache.cpsv_ap.ids import _URL, _describe, _last_segment, _short, _shown, _url
from offline_cache.cpsv_ap.records import _MapperBase
from offline_cache.cpsv_ap.terms import _CPSV, _DCT, _ELI, _FOAF, _M8G
from offline_cache.cpsv_ap.texts import _Text, _text_of
from offline_cache.cpsv_ap.values import _MAX_AMOUNT, _date, _duration_text, _fee_text, _number


class _FieldMapper(_MapperBase):
    """The fields a service holds itself, each checked and worded for the native record."""

    def _who_can_apply(self, node: _Node, draft: _Draft) -> _Text:
        requirements = self._nodes(node, _M8G + "holdsRequirement")
        requirements += self._nodes(node, _M8G + "hasCriterion")
        texts = [
            _text_of(_literals(item, _DCT + "title"))
            or _text_of(_literals(item, _DCT + "description"))
            for item in requirements
        ]
        return self._optional_text(texts, draft, "holdsRequirement")

    def _document(self, node: _Node, draft: _Draft, where: str) -> _Record | None:
        name = _text_of(_literals(node, _DCT + "title"))
        if "pl" not in name:
            draft.problem(where, f"evidence {_describe(node)} has no Polish name")
            return None
        document: _Record = {"name": name}
        _put(
            document,
            "description",
            self._optional_text([_text_of(_literals(node, _DCT + "description"))], draft, where),
        )
        _put(document, "url", _url(node, _FOAF + "page"))
        return document

    def _cost(self, node: _Node, draft: _Draft, where: str) -> _Record | None:
        amount = _number(_literals(node, _M8G + "hasValue"))
        currency = self._currency(node)
        if amount is None or not 0 <= amount <= _MAX_AMOUNT:
            draft.problem(f"{where}.hasValue", "value must be a number from 0 to 100000000")
        if currency != "PLN":
            draft.problem(f"{where}.currency", f"currency must be PLN, got {currency or 'none'}")
        if amount is None or currency != "PLN":
            return None
        description = _text_of(_literals(node, _DCT + "description")) or _fee_text(amount)
        if "pl" not in description:
            draft.problem(f"{where}.description", "no Polish description")
        return {"amount": amount, "currency": "PLN", "description": description}

    def _currency(self, node: _Node) -> str | None:
        for value in node.props.get(_M8G + "currency", []):
            code = value.iri if isinstance(value, _Node) else value.value
            if isinstance(code, str) and code.strip():
                return _last_segment(code.strip()).upper()
        return None

    def _processing_time(self, node: _Node, draft: _Draft) -> _Record | None:
        values = _literals(node, _M8G + "processingTime")
        if not values:
            return None
        duration = str(values[0].value).strip()
        wording = _duration_text(duration)
        if wording is None:
            draft.problem(
                "processingTime", f"{_shown(duration)} is not an ISO 8601 duration like P30D"
            )
            return None
        return {"duration": duration, "text": wording}

    def _legal(self, node: _Node, draft: _Draft, where: str) -> _Record | None:
        title = _text_of(_literals(node, _DCT + "title")) or _text_of(
            _literals(node, _ELI + "title")
        )
        if "pl" not in title:
            draft.problem(where, f"legal resource {_describe(node)} has no Polish title")
            return None
        url = _url(node, _FOAF + "page")
        if url is None and node.iri and _URL.fullmatch(node.iri):
            url = node.iri
        return _with({"title": title}, "url", url)

    def _output(self, node: _Node, draft: _Draft) -> _Text:
        outputs = self._nodes(node, _CPSV + "produces")
        texts = [_text_of(_literals(item, _DCT + "title")) for item in outputs]
        return self._optional_text(texts, draft, "produces")

    def _related(self, node: _Node, draft: _Draft) -> list[str]:
        found: list[str] = []
        related = self._nodes(node, _M8G + "relatedService") + self._nodes(node, _DCT + "relation")
        for i, other in enumerate(related):
            if other in self.ids:
                found.append(self.ids[other])
            else:
                draft.problem(
                    f"relatedService[{i}]", f"{_describe(other)} is not a public service here"
                )
        return list(dict.fromkeys(found))

    def _updated(self, node: _Node, draft: _Draft) -> str:
        for prop in (_DCT + "modified", _DCT + "issued"):
            values = _literals(node, prop)
            if values:
                day = _date(values[0].value)
                if day is None:
                    draft.problem(_short(prop), f"{_shown(values[0].value)} is not a date")
                return day or ""
        return datetime.now(UTC).date().isoformat()
