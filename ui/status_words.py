"""What 'Sprawdź stan sprawy' says of an application, in the resident's language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from kiosk.case_status import CaseStatus
from kiosk.code_entry import LENGTH, CodeEntry


class StatusWords(QObject):
    def entry_hint(self, entry: CodeEntry) -> str:
        """Under the field, as the resident types: how far, or what is wrong."""
        if entry.problem == "foreign_character":
            return self.tr("Codes have no “%1”. Compare with your receipt.").replace(
                "%1", entry.foreign
            )
        if entry.problem == "mismatch":
            return self.tr("One character does not match. Compare the code with your receipt.")
        if entry.problem == "too_long":
            return self.tr("That is more than %1 characters. Compare with your receipt.").replace(
                "%1", str(LENGTH)
            )
        if entry.problem == "incomplete":
            return (
                self.tr("%1 of %2 characters")
                .replace("%1", str(len(entry.code)))
                .replace("%2", str(LENGTH))
            )
        return self.tr("The code is complete. Touch “Check”.")

    def headline(self, status: CaseStatus) -> str:
        by_state = {
            "received": self.tr("The office has received your application."),
            "in_progress": self.tr("Your application is being dealt with."),
            "needs_more": self.tr("The office needs more from you. Please contact the office."),
            "ready": self.tr("Your matter is settled. Please come to the office."),
            "closed": self.tr("The matter is closed."),
            "queued": self.tr(
                "Your application is saved in this kiosk and waits to be sent to the office."
            ),
            "delivered": self.tr("Your application has been sent to the office."),
            "rejected": self.tr("Your application did not reach the office. Please ask there."),
        }
        if status.found != "nowhere":
            return by_state.get(status.state, "")
        if status.office == "unreachable":
            return self.tr("The office cannot be asked right now. Please try again later.")
        return self.tr(
            "No application with this code has reached the office yet. Applications reach "
            "it within minutes when the kiosk is online."
        )

    def source(self, status: CaseStatus) -> str:
        if status.found == "office":
            return self.tr("Information from the office.")
        if status.found == "kiosk" and status.office == "unreachable":
            return self.tr("The office cannot be asked right now; this is what this kiosk knows.")
        if status.found == "kiosk" and status.office == "not_found":
            return self.tr("The office does not have it yet; this is what this kiosk knows.")
        return ""

    def details(self, status: CaseStatus) -> list[str]:
        lines = [
            (status.service, self.tr("Service: %1")),
            (status.case_number, self.tr("Case number: %1")),
            (_day(status.filed_at), self.tr("Filed: %1")),
            (_minute(status.updated_at), self.tr("Last change: %1")),
            (status.expected_by.strftime("%d.%m.%Y") if status.expected_by else "",
             self.tr("Expected by: %1")),
            (status.office_name, self.tr("Office: %1")),
            (status.office_phone, self.tr("Phone: %1")),
        ]  # fmt: skip
        return [label.replace("%1", value) for value, label in lines if value]

    def message(self, status: CaseStatus) -> str:
        return (
            self.tr("Message from the office: %1").replace("%1", status.message)
            if (status.message)
            else ""
        )

    def checking(self) -> str:
        return self.tr("Checking…")


def _day(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y") if moment else ""


def _minute(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment else ""
