"""Reading JSON-LD into a small graph: @graph, @id references, expanded keys and values."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from offline_cache.cpsv_ap.terms import _PREFIXES, _TERMS

_LANGUAGE_TAG = re.compile(r"[a-z]{2}(?:-[A-Za-z0-9]{1,8})*")
_MAX_INT = 10**15


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
