"""IRIs of the vocabularies CPSV-AP uses, the built-in prefixes and the compact-term table."""

from __future__ import annotations

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
