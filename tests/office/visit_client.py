"""A kiosk talking to the office's visit API over HTTP, as docs/visits-api.md says."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import requests

from tests.office.conftest import LANCUT

TUESDAY_MORNING = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)  # 8:00 in Łańcut


class VisitKiosk:
    def __init__(self, url: str, token: str, tenant_id: str = LANCUT) -> None:
        self.base = f"{url}/api/visits/{tenant_id}"
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.headers["Authorization"] = f"Bearer {token}"

    def services(self) -> requests.Response:
        return self.http.get(self.base + "/services", timeout=10)

    def slots(self, service_id: str, **query: str) -> requests.Response:
        return self.http.get(f"{self.base}/{service_id}/slots", params=query, timeout=10)

    def book(self, key: str | None = None, **body: Any) -> requests.Response:
        body.setdefault("consent_version", "rodo-2026-01")
        return self.http.post(
            self.base + "/bookings", json=body, timeout=30,
            headers={"Idempotency-Key": key or uuid.uuid4().hex},
        )  # fmt: skip

    def cancel(self, code: str, *, delete: bool = False) -> requests.Response:
        if delete:
            return self.http.delete(f"{self.base}/bookings/{code}", timeout=10)
        return self.http.post(f"{self.base}/bookings/{code}/cancel", timeout=10)

    def ticket(self, service_id: str, key: str | None = None) -> requests.Response:
        return self.http.post(
            self.base + "/tickets", json={"service_id": service_id}, timeout=10,
            headers={"Idempotency-Key": key or uuid.uuid4().hex},
        )  # fmt: skip
