"""Mapping every public service of a graph into a native bundle."""

from __future__ import annotations

from offline_cache.cpsv_ap.bundle import Conversion, _bundle, _Record
from offline_cache.cpsv_ap.channels import _ChannelMapper
from offline_cache.cpsv_ap.draft import _Draft, _put
from offline_cache.cpsv_ap.fields import _FieldMapper
from offline_cache.cpsv_ap.graph import _literals, _Node
from offline_cache.cpsv_ap.ids import _describe, _native_id
from offline_cache.cpsv_ap.terms import _CPSV, _DCAT, _DCT, _M8G, _PUBLIC_SERVICE
from offline_cache.cpsv_ap.texts import _text_of, _words
from offline_cache.problems import RecordProblem


class _Mapper(_FieldMapper, _ChannelMapper):
    """Services with every field and channel, and the shared records they add."""

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
