"""Fixtures of the kiosk tests."""

from __future__ import annotations

from tests.kiosk.visit_office import visits_office  # noqa: F401 (a fixture: the office for visits)
