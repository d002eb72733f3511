"""The catalogue as the kiosk uses it: always some catalogue to answer from.

Opens the generation in use, falls back to the bundled catalogue on a fresh kiosk, and
re-opens when a sync (in this process or in `kiosk sync`) publishes a new generation.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import offline_cache
from offline_cache.catalogue_store import CatalogueStore, Filters, ServiceSummary
from offline_cache.generations import GenerationFolder
from offline_cache.records import (
    Choice,
    Consent,
    FieldRole,
    FieldType,
    Form,
    FormField,
    FormStep,
    Service,
    ShowIf,
    Term,
    Text,
    in_language,
    text_language,
)

log = logging.getLogger(__name__)


def demo_catalogue_path() -> Path:
    """The demo catalogue shipped inside the package (as files: the .deb, the venv and the
    bundle all install it so). Read beside the package's own file, not through
    importlib.resources: its eight modules cost ~11 ms of every start once PySide is loaded
    (which reads the source of each module imported), the first frame waiting for them
    (tests/ui/test_startup_imports.py)."""
    return Path(offline_cache.__file__).resolve().parent / "demo" / "catalogue.json"


@dataclass(frozen=True)
class CatalogueInfo:
    """What the admin screen and the offline indicator show about the catalogue in use."""

    generation: str
    services: int
    generated: str
    loaded_at: str
    source: str


class CatalogueService:
    def __init__(self, folder: GenerationFolder, bundled: Path) -> None:
        self._folder = folder
        self._bundled = bundled
        self._lock = threading.Lock()
        self._store: CatalogueStore | None = None
        self._stamp = -1

    def store(self) -> CatalogueStore:
        """The store of the generation in use (re-opened after a swap)."""
        with self._lock:
            stamp = self._folder.pointer_stamp()
            if self._store is None or stamp != self._stamp:
                self._reopen()
                self._stamp = stamp
            assert self._store is not None
            return self._store

    def _reopen(self) -> None:
        path = self._folder.current() or self._first_catalogue()
        if self._store is not None and self._store.path == path:
            return
        old, self._store = self._store, CatalogueStore(path)
        if old is not None:
            old.close()
        log.info("catalogue in use: %s (%d services)", path.name, self._store.service_count())

    def _first_catalogue(self) -> Path:
        """No usable generation: rebuild one an older Infomat wrote, or load the bundled one."""
        # Validation and import libraries load only here, off the usual start-up path.
        from offline_cache.catalogue_load import load, upgrade_outdated  # noqa: PLC0415

        upgraded = upgrade_outdated(self._folder)
        if upgraded is not None:
            return upgraded.path
        log.info("no catalogue yet: loading the bundled one from %s", self._bundled.name)
        source = f"bundled:{self._bundled.name}"
        return load(self._bundled.read_bytes(), self._folder, source, {}).path

    def search(
        self, text: str, filters: Filters = Filters(), language: str = "pl", limit: int = 20
    ) -> list[ServiceSummary]:
        return self.store().search(text, filters, language, limit)

    def browse(
        self, filters: Filters, language: str = "pl", limit: int = 50
    ) -> list[ServiceSummary]:
        return self.store().browse(filters, language, limit)

    def service(self, service_id: str) -> Service | None:
        return self.store().service(service_id)

    def form(self, form_id: str) -> Form | None:
        """The application form `form_id`, or None when the catalogue in use has no such form."""
        return self.store().form(form_id)

    def form_of(self, service_id: str) -> Form | None:
        """The form a resident files for `service_id` at the kiosk; None if it cannot be filed
        here (no kiosk channel, or a catalogue from before forms existed)."""
        found = self.service_with_form(service_id)
        return found[1] if found else None

    def service_with_form(self, service_id: str) -> tuple[Service, Form] | None:
        """The service and its kiosk form read from one generation (a sync may swap it
        between two reads); None if it cannot be filed here."""
        store = self.store()
        service = store.service(service_id)
        kiosk = [c for c in service["channels"] if c.get("type") == "kiosk"] if service else []
        form = store.form(str(kiosk[0]["form"])) if kiosk else None
        return (service, form) if service is not None and form is not None else None

    def terms(self, table: str) -> list[Term]:
        return self.store().terms(table)

    def authority_name(self, tenant_id: str) -> Text:
        """The name of the office (tenant) in every language it has; the id when unknown."""
        names = {t["id"]: t["name"] for t in self.terms("tenants")}
        return names.get(tenant_id, {"pl": tenant_id})

    def authority_phone(self, tenant_id: str) -> str:
        """The office's phone number as the catalogue gives it; "" when it has none."""
        tenant: dict[str, object] = next(
            (dict(t) for t in self.terms("tenants") if t["id"] == tenant_id), {}
        )
        return str(tenant.get("phone", ""))

    def info(self) -> CatalogueInfo:
        store = self.store()
        meta = store.meta
        return CatalogueInfo(
            store.path.name,
            store.service_count(),
            meta.get("generated", ""),
            meta.get("loaded_at", ""),
            meta.get("source", ""),
        )


# What the screens need of the catalogue's types, so that ui/ imports only kiosk/.
__all__ = [
    "CatalogueInfo",
    "CatalogueService",
    "Choice",
    "Consent",
    "FieldRole",
    "FieldType",
    "Filters",
    "Form",
    "FormField",
    "FormStep",
    "Service",
    "ServiceSummary",
    "ShowIf",
    "Term",
    "Text",
    "demo_catalogue_path",
    "in_language",
    "text_language",
]
