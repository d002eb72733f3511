"""One resident's session: everything they chose, typed or opened, dropped whole at the end."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Accessibility:
    """The accessibility choices of one resident (all off for the next one)."""

    large_text: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    low_reach: bool = False
    read_aloud: bool = False
    longer_timeouts: bool = False

    def names(self) -> list[str]:
        return [f.name for f in fields(self)]


@dataclass
class ResidentSession:
    """Language, accessibility, what was typed and what is open; nothing survives `reset`."""

    language: str = "pl"
    accessibility: Accessibility = field(default_factory=Accessibility)
    query: str = ""
    tenant: str = ""
    category: str = ""
    life_event: str = ""
    open_service: str = ""

    @classmethod
    def fresh(cls, language: str) -> ResidentSession:
        return cls(language=language)

    @property
    def timeout_factor(self) -> float:
        """Longer timeouts double every wait (idle time and countdown)."""
        return 2.0 if self.accessibility.longer_timeouts else 1.0
