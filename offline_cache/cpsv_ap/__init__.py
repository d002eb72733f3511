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

from offline_cache.cpsv_ap.bundle import Conversion
from offline_cache.cpsv_ap.importer import convert, looks_like_jsonld

__all__ = ["Conversion", "convert", "looks_like_jsonld"]
