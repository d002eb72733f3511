"""The metadata every setting carries: its one-line doc and optional bounds."""

from __future__ import annotations

from typing import Any


def about(
    doc: str, *, minimum: float | None = None, maximum: float | None = None
) -> dict[str, Any]:
    """An option's metadata: its one-line doc and optional bounds."""
    return {"doc": doc, "minimum": minimum, "maximum": maximum}
