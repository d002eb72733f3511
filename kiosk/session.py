"""One resident's session: everything they chose, typed or opened, dropped whole at the end."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # forms and the outbox load on the first application, not at start-up
    from kiosk.catalogue_service import Service, Text
    from kiosk.filing import FiledApplication
    from kiosk.forms.filling import FormFilling
    from kiosk.forms.problems import Problem


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
class FormInProgress:
    """An application being filled in: the answers, where the wizard is, what is wrong.

    `service`, `office` and the form inside `filling` are as the resident opened them: a
    sync that changes or removes the service meanwhile does not change what they send.
    """

    service_id: str
    filling: FormFilling
    service: Service
    office: Text
    step: int = 0
    reviewing: bool = False
    problems: dict[str, Problem] = field(default_factory=dict)
    not_saved: bool = False  # the outbox refused the last "send": tell the resident


@dataclass(frozen=True)
class FormRefused:
    """A form that could not be opened for the resident, and why (a problem code)."""

    service_id: str
    reason: str  # outbox.unavailable | form.unavailable


@dataclass
class FiledReceipt:
    """The application just filed, shown until the resident finishes; `printing` state."""

    application: FiledApplication
    print_state: str = "printing"  # printing | printed | failed


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
    speech_pace: float = 1.0  # the resident's speech rate and volume, x the configured ones
    speech_loudness: float = 1.0
    form: FormInProgress | None = None
    form_refused: FormRefused | None = None
    filed: FiledReceipt | None = None

    @classmethod
    def fresh(cls, language: str) -> ResidentSession:
        return cls(language=language)

    @property
    def timeout_factor(self) -> float:
        """Longer timeouts double every wait (idle time and countdown)."""
        return 2.0 if self.accessibility.longer_timeouts else 1.0
