"""Mapper state and the shared records a service points to: tenants, categories, events."""

from __future__ import annotations

from offline_cache.cpsv_ap.bundle import _Record
from offline_cache.cpsv_ap.draft import _Draft, _ItemMapper
from offline_cache.cpsv_ap.graph import _Graph, _literals, _Node
from offline_cache.cpsv_ap.ids import _describe, _label, _native_id, _short
from offline_cache.cpsv_ap.terms import _M8G
from offline_cache.cpsv_ap.texts import _joined, _Text, _text_of
from offline_cache.cpsv_ap.values import _tenant_kind
from offline_cache.problems import RecordProblem


class _MapperBase:
    """State shared by every part of the mapper, and the helpers they all use."""

    def __init__(self, graph: _Graph) -> None:
        self.graph = graph
        self.ids: dict[_Node, str] = {}
        self.problems: list[RecordProblem] = []
        self.registry: dict[str, dict[str, _Record]] = {}
        self.services: list[_Record] = []
        self.events: dict[_Node, list[_Node]] = {}

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
