"""Import public services published as EU CPSV-AP 3.2.0 JSON-LD into the native catalogue.

The importer reads the three usual JSON-LD shapes without a JSON-LD library and without
fetching remote contexts:

* compact keys defined by the official 3.2.0 context, which names properties per class
  (``PublicService.name``, ``Cost.hasValue``, ``PublicOrganization.preferredLabel``); the
  bare property part (``name``, ``hasValue``, ``preferredLabel``) is accepted as well;
* prefixed CURIEs (``dct:title``, ``cv:hasChannel``, ``cpsv:PublicService``), with the
  usual prefixes built in and prefixes or terms from an inline ``@context`` object added;
* expanded keys (``http://purl.org/dc/terms/title``) and expanded values (lists of
  ``{"@value": ..., "@language": ...}`` and ``{"@id": ...}``).

The top level may be an object with ``@graph``, a single node, or a list of either. Nodes
may be embedded or referenced by ``@id`` anywhere in the document.

Native ids (``^[a-z0-9][a-z0-9-]{0,79}$``) are derived, in this order, from the node's
``dct:identifier``, the last segment of its ``@id`` (blank nodes excepted) or its Polish
name: Polish and other Latin letters are folded to ASCII (``ł`` -> ``l``, ``ą`` -> ``a``),
the text is lower-cased, every run of other characters becomes one hyphen, leading and
trailing hyphens are dropped and the result is cut to 80 characters.

docs/cpsv-ap-mapping.md lists which CPSV-AP property feeds which native field.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import unquote

from offline_cache.problems import RecordProblem

_FORMAT = "infomat-catalogue/1"

_CPSV = "http://purl.org/vocab/cpsv#"
_M8G = "http://data.europa.eu/m8g/"
_DCT = "http://purl.org/dc/terms/"
_DCAT = "http://www.w3.org/ns/dcat#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_LOCN = "http://www.w3.org/ns/locn#"
_FOAF = "http://xmlns.com/foaf/0.1/"
_ELI = "http://data.europa.eu/eli/ontology#"

_PUBLIC_SERVICE = _CPSV + "PublicService"

_PREFIXES: dict[str, str] = {
    "cpsv": _CPSV,
    "cv": _M8G,
    "m8g": _M8G,
    "dct": _DCT,
    "dcterms": _DCT,
    "dcat": _DCAT,
    "skos": _SKOS,
    "locn": _LOCN,
    "foaf": _FOAF,
    "eli": _ELI,
    "adms": "http://www.w3.org/ns/adms#",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Compact terms of the official context (property part of ``Class.property``) and classes.
_TERMS: dict[str, str] = {
    "PublicService": _PUBLIC_SERVICE,
    "PublicOrganization": _M8G + "PublicOrganisation",
    "PublicOrganisation": _M8G + "PublicOrganisation",
    "identifier": _DCT + "identifier",
    "name": _DCT + "title",
    "title": _DCT + "title",
    "description": _DCT + "description",
    "modified": _DCT + "modified",
    "issued": _DCT + "issued",
    "keyword": _DCAT + "keyword",
    "thematicArea": _M8G + "thematicArea",
    "isGroupedBy": _M8G + "isGroupedBy",
    "hasRelatedService": _M8G + "hasRelatedService",
    "hasCompetentAuthority": _M8G + "hasCompetentAuthority",
    "preferredLabel": _SKOS + "prefLabel",
    "prefLabel": _SKOS + "prefLabel",
    "hasInput": _CPSV + "hasInput",
    "relatedDocumentation": _FOAF + "page",
    "hasCost": _M8G + "hasCost",
    "hasValue": _M8G + "hasValue",
    "currency": _M8G + "currency",
    "processingTime": _M8G + "processingTime",
    "hasChannel": _M8G + "hasChannel",
    "openingHours": _M8G + "openingHours",
    "ownedBy": _M8G + "ownedBy",
    "contactPage": _M8G + "contactPage",
    "hasLegalResource": _M8G + "hasLegalResource",
    "produces": _CPSV + "produces",
    "relatedService": _M8G + "relatedService",
    "related": _DCT + "relation",
    "holdsRequirement": _M8G + "holdsRequirement",
    "hasCriterion": _M8G + "hasCriterion",
    "address": _LOCN + "address",
    "thoroughfare": _LOCN + "thoroughfare",
    "locatorDesignator": _LOCN + "locatorDesignator",
    "postCode": _LOCN + "postCode",
    "postName": _LOCN + "postName",
    "fullAddress": _LOCN + "fullAddress",
}

_LANGS = ("pl", "en", "uk", "de")
_LANGUAGE_TAG = re.compile(r"[a-z]{2}(?:-[A-Za-z0-9]{1,8})*")
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_URL = re.compile(r"https?://[^\s/$.?#]\S*")
_POSTAL_CODE = re.compile(r"[0-9]{2}-[0-9]{3}")
_FULL_ADDRESS = re.compile(r"(?P<street>[^,]+),\s*(?P<code>[0-9]{2}-[0-9]{3})\s+(?P<city>.+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DURATION = re.compile(
    r"P(?!$)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?"
    r"(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?"
)
# Duration parts in _DURATION group order: Polish genitive singular, genitive plural, English.
_UNITS = (
    ("roku", "lat", "year"),
    ("miesiąca", "miesięcy", "month"),
    ("tygodnia", "tygodni", "week"),
    ("dnia", "dni", "day"),
    ("godziny", "godzin", "hour"),
    ("minuty", "minut", "minute"),
    ("sekundy", "sekund", "second"),
)
_HOURS = re.compile(
    r"(?P<days>[^\s0-9]+)\s+(?P<opens>[0-9]{1,2}:[0-9]{2})\s*-\s*(?P<closes>[0-9]{1,2}:[0-9]{2})"
)
_WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = {name.lower(): i for i, name in enumerate(_WEEK)} | {
    "pn": 0, "wt": 1, "śr": 2, "cz": 3, "pt": 4, "sb": 5, "nd": 6,
}  # fmt: skip
_TENANT_KINDS = (
    (("gmina", "urząd gminy", "urząd miasta", "urząd miejski"), "commune"),
    (("powiat", "starostwo"), "county"),
    (("województwo", "urząd marszałkowski"), "voivodeship"),
)
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})
_MAX_AMOUNT = 100_000_000
_MAX_INT = 10**15
_MAX_DURATION = 40  # characters; keeps int() within its digit limit

_Text = dict[str, str]
_Record = dict[str, object]


def looks_like_jsonld(document: object) -> bool:
    """True when the parsed JSON is JSON-LD (has @context / @graph / @type).

    A native bundle ({"format": "infomat-catalogue/1", ...}) has none of these keys.
    """
    marks = {"@context", "@graph", "@type"}
    if isinstance(document, dict):
        return not marks.isdisjoint(document)
    if isinstance(document, list):
        return any(isinstance(item, dict) and not marks.isdisjoint(item) for item in document)
    return False


@dataclass(frozen=True)
class Conversion:
    """A native bundle of every record that could be mapped, and every one that could not."""

    bundle: dict[str, object]
    problems: list[RecordProblem]


def convert(document: object, *, generated: str | None = None) -> Conversion:
    """Map a CPSV-AP JSON-LD document to a native bundle; never raises on JSON values."""
    stamp = generated or datetime.now(UTC).isoformat(timespec="seconds")
    if not isinstance(document, dict | list):
        kind = type(document).__name__
        return _failed(stamp, f"expected a JSON-LD object or array, got {kind}")
    try:
        graph = _Graph()
        graph.read_document(document)
        return _Mapper(graph).run(stamp)
    except RecursionError:
        return _failed(stamp, "the document is nested too deeply")


def _failed(stamp: str, reason: str) -> Conversion:
    return Conversion(_bundle(stamp, {}, []), [RecordProblem("document", "", reason)])


def _bundle(
    stamp: str, registry: dict[str, dict[str, _Record]], services: list[_Record]
) -> _Record:
    return {
        "format": _FORMAT,
        "generated": stamp,
        "tenants": list(registry.get("tenant", {}).values()),
        "categories": list(registry.get("category", {}).values()),
        "life_events": list(registry.get("life event", {}).values()),
        "services": services,
    }


# --- reading JSON-LD into a small graph ------------------------------------------------


@dataclass(frozen=True)
class _Literal:
    value: str | int | float
    lang: str | None


@dataclass(eq=False)
class _Node:
    iri: str | None
    types: set[str] = field(default_factory=set)
    props: dict[str, list[_Literal | _Node]] = field(default_factory=dict)


class _Graph:
    """Every node of a document, keyed by expanded property IRIs, references resolvable."""

    def __init__(self) -> None:
        self.prefixes = dict(_PREFIXES)
        self.terms = dict(_TERMS)
        self.index: dict[str, _Node] = {}
        self.nodes: list[_Node] = []

    def read_document(self, document: object) -> None:
        if isinstance(document, list):
            for item in document:
                self.read_document(item)
        elif isinstance(document, dict):
            self.add_context(document.get("@context"))
            if "@graph" in document:
                self.read_values(document["@graph"])
            if any(key not in ("@context", "@graph") for key in document):
                self.read_node(document)

    def add_context(self, context: object) -> None:
        """Learn prefixes and terms of inline contexts; remote ones (URLs) are known terms."""
        if isinstance(context, list):
            for item in context:
                self.add_context(item)
        elif isinstance(context, dict):
            for key, value in context.items():
                self._add_term(str(key), value)

    def _add_term(self, key: str, value: object) -> None:
        if isinstance(value, dict):
            value = value.get("@id")
        if key.startswith("@") or not isinstance(value, str):
            return
        if value.endswith(("/", "#")):
            self.prefixes[key] = value
        self.terms[key] = value

    def expand_iri(self, value: str) -> str:
        prefix, colon, rest = value.partition(":")
        if colon and not rest.startswith("//") and prefix in self.prefixes:
            return self.prefixes[prefix] + rest
        return value

    def expand_key(self, key: str) -> str:
        if key in self.terms:
            return self.expand_iri(self.terms[key])
        _, dot, prop = key.rpartition(".")
        if dot and ":" not in key and prop in self.terms:
            return self.expand_iri(self.terms[prop])
        return self.expand_iri(key)

    def read_values(self, raw: object) -> list[_Literal | _Node]:
        if isinstance(raw, list):
            return [value for item in raw for value in self.read_values(item)]
        if isinstance(raw, dict):
            return self._read_object(raw)
        if isinstance(raw, str | int | float):
            return [_Literal(_scalar(raw), None)]
        return []

    def _read_object(self, raw: dict[str, object]) -> list[_Literal | _Node]:
        if "@value" in raw:
            return _value_object(raw)
        for key in ("@list", "@set"):
            if key in raw:
                return self.read_values(raw[key])
        if _is_language_map(raw):
            return _language_map(raw)
        return [self.read_node(raw)]

    def read_node(self, raw: dict[str, object]) -> _Node:
        raw_id = raw.get("@id")
        node = self._node_for(self.expand_iri(raw_id) if isinstance(raw_id, str) else None)
        node.types.update(self._types(raw.get("@type")))
        for key, value in raw.items():
            if isinstance(key, str) and not key.startswith("@"):
                node.props.setdefault(self.expand_key(key), []).extend(self.read_values(value))
        return node

    def _node_for(self, iri: str | None) -> _Node:
        known = self.index.get(iri) if iri else None
        if known is not None:
            return known
        node = _Node(iri)
        self.nodes.append(node)
        if iri:
            self.index[iri] = node
        return node

    def _types(self, raw: object) -> list[str]:
        items = raw if isinstance(raw, list) else [raw]
        return [self.expand_key(item) for item in items if isinstance(item, str)]

    def objects(self, node: _Node, prop: str) -> list[_Node]:
        """The nodes `node` points to with `prop`; strings count as IRI references."""
        found: list[_Node] = []
        for value in node.props.get(prop, []):
            if isinstance(value, _Node):
                found.append(value)
            elif isinstance(value.value, str) and value.value.strip():
                iri = self.expand_iri(value.value.strip())
                found.append(self.index.get(iri) or _Node(iri))
        return found


def _value_object(raw: dict[str, object]) -> list[_Literal | _Node]:
    value, lang = raw.get("@value"), raw.get("@language")
    if not isinstance(value, str | int | float):
        return []
    return [_Literal(_scalar(value), lang if isinstance(lang, str) else None)]


def _scalar(value: str | int | float) -> str | int | float:
    """Integers too large for float() or str() become infinity, which no field accepts."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_INT:
        return math.inf
    return value


def _is_language_map(raw: dict[str, object]) -> bool:
    return bool(raw) and all(
        isinstance(key, str)
        and _LANGUAGE_TAG.fullmatch(key) is not None
        and isinstance(value, str | list)
        for key, value in raw.items()
    )


def _language_map(raw: dict[str, object]) -> list[_Literal | _Node]:
    found: list[_Literal | _Node] = []
    for lang, values in raw.items():
        items = values if isinstance(values, list) else [values]
        found.extend(_Literal(item, lang) for item in items if isinstance(item, str))
    return found


def _literals(node: _Node, prop: str) -> list[_Literal]:
    return [value for value in node.props.get(prop, []) if isinstance(value, _Literal)]


# --- small value helpers ---------------------------------------------------------------


def _language(literal: _Literal) -> str | None:
    """Plain strings count as Polish; other languages than pl/en/uk/de are left out."""
    if literal.lang is None:
        return "pl"
    primary = literal.lang.split("-")[0].lower()
    return primary if primary in _LANGS else None


def _text_of(items: list[_Literal]) -> _Text:
    """The first non-blank string per kept language."""
    found: _Text = {}
    for item in items:
        lang = _language(item)
        if lang and isinstance(item.value, str) and item.value.strip():
            found.setdefault(lang, item.value.strip())
    return found


def _words(items: list[_Literal]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        lang = _language(item)
        if lang and isinstance(item.value, str) and item.value.strip():
            words = found.setdefault(lang, [])
            if item.value.strip() not in words:
                words.append(item.value.strip())
    return found


def _plain(items: list[_Literal]) -> str | None:
    """One string value, Polish or untagged preferred."""
    texts = _text_of(items)
    if "pl" in texts:
        return texts["pl"]
    strings = [str(item.value).strip() for item in items if isinstance(item.value, str | int)]
    return next((value for value in strings if value), None)


def _joined(texts: list[_Text], separator: str) -> _Text:
    joined: _Text = {}
    for lang in _LANGS:
        parts = [text[lang] for text in texts if lang in text]
        if parts:
            joined[lang] = separator.join(parts)
    return joined


def _slugify(text: str) -> str:
    """Fold Polish letters to ASCII, lower-case, hyphenate, cut to 80 characters."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].rstrip("-")


def _last_segment(iri: str) -> str:
    return unquote(re.split(r"[/#:]", iri.rstrip("/#"))[-1])


def _native_id(node: _Node, name: _Text) -> str | None:
    """dct:identifier, else the last @id segment, else the Polish name, slugified."""
    candidates = [_plain(_literals(node, _DCT + "identifier")) or ""]
    if node.iri and not node.iri.startswith("_:"):
        candidates.append(_last_segment(node.iri))
    candidates.append(name.get("pl", ""))
    for candidate in candidates:
        slug = _slugify(candidate)
        if _ID.fullmatch(slug):
            return slug
    return None


def _label(node: _Node) -> _Text:
    """skos:prefLabel (concepts, organisations), else dct:title (events, agents)."""
    return _text_of(_literals(node, _SKOS + "prefLabel")) or _text_of(
        _literals(node, _DCT + "title")
    )


def _describe(node: _Node) -> str:
    return node.iri or "a node without @id"


def _url(node: _Node, *props: str) -> str | None:
    for prop in props:
        for value in node.props.get(prop, []):
            candidate = value.iri if isinstance(value, _Node) else value.value
            if isinstance(candidate, str) and _URL.fullmatch(candidate.strip()):
                return candidate.strip()
    return None


def _number(items: list[_Literal]) -> float | int | None:
    if not items or isinstance(items[0].value, bool):
        return None
    value = items[0].value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def _fee_text(amount: float) -> _Text:
    """Wording for a cost published without a description."""
    if amount == 0:
        return {"pl": "Bezpłatnie", "en": "Free of charge"}
    return {"pl": f"Opłata {amount:.2f} zł".replace(".", ","), "en": f"Fee PLN {amount:.2f}"}


def _duration_text(duration: str) -> _Text | None:
    """Polish and English wording of an ISO 8601 duration: P30D -> "do 30 dni"."""
    match = _DURATION.fullmatch(duration) if len(duration) <= _MAX_DURATION else None
    if match is None:
        return None
    numbers = [int(n or 0) for n in match.groups()]
    parts = [(n, unit) for n, unit in zip(numbers, _UNITS, strict=True) if n]
    if not parts:
        return {"pl": "od ręki", "en": "immediately"}
    polish = [f"{n} {singular if n == 1 else plural}" for n, (singular, plural, _) in parts]
    english = [f"{n} {word}{'' if n == 1 else 's'}" for n, (_, _, word) in parts]
    return {"pl": "do " + _and(polish, " i "), "en": "up to " + _and(english, " and ")}


def _and(parts: list[str], last: str) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + last + parts[-1]


def _opening_hours(spec: str) -> list[_Record] | None:
    """Parse "Mo-Fr 07:30-15:30; Sa 08:00-12:00" (English or Polish day codes)."""
    found: list[_Record] = []
    for part in filter(str.strip, spec.split(";")):
        match = _HOURS.fullmatch(part.strip())
        days = _days(match["days"]) if match else None
        opens, closes = (_clock(match["opens"]), _clock(match["closes"])) if match else (None, None)
        if not (days and opens and closes):
            return None
        found.append({"days": days, "opens": opens, "closes": closes})
    return found or None


def _days(spec: str) -> list[str] | None:
    chosen: set[int] = set()
    for item in spec.lower().split(","):
        first, dash, last = item.strip().partition("-")
        start, end = _DAY_NAMES.get(first), _DAY_NAMES.get(last if dash else first)
        if start is None or end is None or end < start:
            return None
        chosen.update(range(start, end + 1))
    return [_WEEK[day] for day in sorted(chosen)]


def _clock(value: str) -> str | None:
    hours, minutes = (int(part) for part in value.split(":"))
    return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None


def _tenant_kind(name: str) -> str:
    """Guess the tenant kind from the start of its Polish name."""
    lowered = name.strip().lower()
    for prefixes, kind in _TENANT_KINDS:
        if lowered.startswith(prefixes):
            return kind
    return "body"


# --- mapping services ------------------------------------------------------------------


@dataclass
class _Draft:
    """One service being mapped: its problems and the shared records it would add."""

    record_id: str
    problems: list[RecordProblem] = field(default_factory=list)
    pending: dict[str, dict[str, _Record]] = field(default_factory=dict)

    def problem(self, where: str, reason: str) -> None:
        self.problems.append(RecordProblem(self.record_id, where, reason))


_ItemMapper = Callable[[_Node, _Draft, str], _Record | None]


class _Mapper:
    def __init__(self, graph: _Graph) -> None:
        self.graph = graph
        self.ids: dict[_Node, str] = {}
        self.problems: list[RecordProblem] = []
        self.registry: dict[str, dict[str, _Record]] = {}
        self.services: list[_Record] = []
        self.events: dict[_Node, list[_Node]] = {}

    def run(self, stamp: str) -> Conversion:
        nodes = [node for node in self.graph.nodes if _PUBLIC_SERVICE in node.types]
        if not nodes:
            self.problems.append(RecordProblem("document", "", "no cpsv:PublicService found"))
        self._index_events()
        for node in self._assign_ids(nodes):
            self._convert(node)
        return Conversion(_bundle(stamp, self.registry, self.services), self.problems)

    def _index_events(self) -> None:
        """Events listing their services (m8g:hasRelatedService) group them too."""
        for event in self.graph.nodes:
            for service in self.graph.objects(event, _M8G + "hasRelatedService"):
                self.events.setdefault(service, []).append(event)

    def _assign_ids(self, nodes: list[_Node]) -> list[_Node]:
        owners: dict[str, _Node] = {}
        for position, node in enumerate(nodes):
            found = _native_id(node, _text_of(_literals(node, _DCT + "title")))
            if found is None:
                record = node.iri or f"PublicService[{position}]"
                self.problems.append(RecordProblem(record, "identifier", "no usable id"))
            elif found in owners:
                reason = f"duplicate id (also used by {_describe(owners[found])})"
                self.problems.append(RecordProblem(found, "identifier", reason))
            else:
                owners[found] = node
                self.ids[node] = found
        return list(owners.values())

    def _convert(self, node: _Node) -> None:
        draft = _Draft(self.ids[node])
        service = self._service(node, draft)
        if draft.problems:
            self.problems.extend(draft.problems)
            return
        for kind, items in draft.pending.items():
            self.registry.setdefault(kind, {}).update(items)
        self.services.append(service)

    def _service(self, node: _Node, draft: _Draft) -> _Record:
        service: _Record = {"id": draft.record_id}
        service["name"] = self._required_text(node, _DCT + "title", draft, "name")
        service["description"] = self._required_text(
            node, _DCT + "description", draft, "description"
        )
        _put(service, "keywords", _words(_literals(node, _DCAT + "keyword")))
        service["categories"] = self._categories(node, draft)
        _put(service, "life_events", self._life_events(node, draft))
        service["authority"] = self._authority(node, draft)
        _put(service, "who_can_apply", self._who_can_apply(node, draft))
        _put(service, "documents", self._each(node, _CPSV + "hasInput", draft, self._document))
        _put(service, "costs", self._each(node, _M8G + "hasCost", draft, self._cost))
        _put(service, "processing_time", self._processing_time(node, draft))
        service["channels"] = self._channels(node, draft)
        _put(
            service, "legal_basis", self._each(node, _M8G + "hasLegalResource", draft, self._legal)
        )
        _put(service, "output", self._output(node, draft))
        _put(service, "related", self._related(node, draft))
        service["updated"] = self._updated(node, draft)
        return service

    def _required_text(self, node: _Node, prop: str, draft: _Draft, where: str) -> _Text:
        found = _text_of(_literals(node, prop))
        if "pl" not in found:
            draft.problem(where, f"no Polish {where}")
        return found

    def _optional_text(self, texts: list[_Text], draft: _Draft, where: str) -> _Text:
        joined = _joined(texts, "; ")
        if joined and "pl" not in joined:
            draft.problem(where, "text given only in other languages than Polish")
        return joined

    def _each(
        self,
        node: _Node,
        prop: str,
        draft: _Draft,
        mapper: _ItemMapper,
    ) -> list[_Record]:
        where = _short(prop)
        found = [
            mapper(item, draft, f"{where}[{i}]") for i, item in enumerate(self._nodes(node, prop))
        ]
        return [item for item in found if item is not None]

    def _nodes(self, node: _Node, prop: str) -> list[_Node]:
        return self.graph.objects(node, prop)

    def _term(self, node: _Node, draft: _Draft, where: str, kind: str) -> str | None:
        name = _label(node)
        term_id = _native_id(node, name)
        if "pl" not in name or term_id is None:
            draft.problem(where, f"{kind} {_describe(node)} has no Polish label or usable id")
            return None
        return self._register(kind, {"id": term_id, "name": name}, draft, where)

    def _register(self, kind: str, item: _Record, draft: _Draft, where: str) -> str:
        item_id = str(item["id"])
        pending = draft.pending.setdefault(kind, {})
        known = pending.get(item_id) or self.registry.get(kind, {}).get(item_id)
        if known is not None and known != item:
            draft.problem(where, f"{kind} id {item_id!r} already names a different {kind}")
        pending[item_id] = item
        return item_id

    def _categories(self, node: _Node, draft: _Draft) -> list[str]:
        areas = self._nodes(node, _M8G + "thematicArea")
        if not areas:
            draft.problem("thematicArea", "no thematic area (a category is required)")
        found = [
            self._term(area, draft, f"thematicArea[{i}]", "category")
            for i, area in enumerate(areas)
        ]
        return list(dict.fromkeys(item for item in found if item))

    def _life_events(self, node: _Node, draft: _Draft) -> list[str]:
        events = self._nodes(node, _M8G + "isGroupedBy") + self.events.get(node, [])
        found = [
            self._term(event, draft, f"isGroupedBy[{i}]", "life event")
            for i, event in enumerate(events)
        ]
        return list(dict.fromkeys(item for item in found if item))

    def _authority(self, node: _Node, draft: _Draft) -> str:
        authorities = self._nodes(node, _M8G + "hasCompetentAuthority")
        if not authorities:
            draft.problem("hasCompetentAuthority", "no competent authority")
            return ""
        return self._tenant(authorities[0], draft) or ""

    def _tenant(self, node: _Node, draft: _Draft) -> str | None:
        name = _label(node)
        tenant_id = _native_id(node, name)
        if "pl" not in name or tenant_id is None:
            reason = f"competent authority {_describe(node)} has no Polish label or usable id"
            draft.problem("hasCompetentAuthority", reason)
            return None
        tenant: _Record = {"id": tenant_id, "kind": _tenant_kind(name["pl"]), "name": name}
        return self._register("tenant", tenant, draft, "hasCompetentAuthority")

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


def _date(value: object) -> str | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date.fromisoformat(match[0]).isoformat()
    except ValueError:
        return None


def _shown(value: object) -> str:
    """A value quoted for a problem message, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _short(prop: str) -> str:
    return re.split(r"[/#]", prop)[-1]


def _put(record: _Record, key: str, value: object) -> None:
    if value:
        record[key] = value


def _with(record: _Record, key: str, value: object) -> _Record:
    _put(record, key, value)
    return record
