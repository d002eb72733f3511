"""The words the speech mode says, in the resident's language (translated like every UI text)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible

from ui.a11y_nodes import Node


class SpokenWords(QObject):
    """Roles, states and announcements; `describe` says a node once, with its role."""

    def role(self, role: QAccessible.Role) -> str:
        words = {
            QAccessible.Role.Button: self.tr("button"),
            QAccessible.Role.EditableText: self.tr("text field"),
            QAccessible.Role.Heading: self.tr("heading"),
            QAccessible.Role.CheckBox: self.tr("check box"),
            QAccessible.Role.Graphic: self.tr("picture"),
            QAccessible.Role.AlertMessage: self.tr("message"),
        }
        return words.get(role, "")

    def describe(self, node: Node, value: str = "") -> str:
        """Name, role, state, value, then the problem or help:
        "Duży tekst, przycisk, wyłączony"; "PESEL, pole tekstowe, 85…, wymagane"."""
        parts = [node.name, self.role(node.role)]
        if node.checkable:
            parts.append(self.tr("on") if node.checked else self.tr("off"))
        if value:
            parts.append(value)
        if node.description and node.description != node.name:
            parts.append(node.description)
        return ", ".join(part for part in parts if part)

    def screen(self, title: str, count: int) -> str:
        return self.tr("%1, %n items", "", count).replace("%1", title)

    def keypad_help(self) -> str:
        return self.tr(
            "Speech mode. Down arrow: next item. Up arrow: previous item. Enter: choose. "
            "Escape: back. F1: this help. On the screen: touch to hear, double tap to choose."
        )

    def speech_on(self) -> str:
        return self.tr("Speech mode on.")

    def speech_off(self) -> str:
        return self.tr("Speech mode off.")

    def attract_hint(self) -> str:
        return self.tr(
            "To use the kiosk by speech, press and hold the Accessibility button in the top "
            "right corner of the screen, or press the help key on the keypad."
        )

    def countdown(self, seconds: int) -> str:
        return self.tr(
            "Are you still there? In %n seconds everything you entered is cleared. "
            "Press any key or touch the screen for more time.",
            "",
            seconds,
        )

    def deleted(self, text: str) -> str:
        return self.tr("deleted %1").replace("%1", self.character(text))

    def character(self, text: str) -> str:
        names = {
            " ": self.tr("space"),
            "-": self.tr("dash"),
            ".": self.tr("dot"),
            ",": self.tr("comma"),
            "@": self.tr("at"),
        }
        return names.get(text, text)

    def key(self, kind: str, text: str) -> str:
        """A key of the on-screen keyboard: its letter ("capital Q"), or what it does."""
        names = {
            "shift": self.tr("Shift, capital letters"),
            "backspace": self.tr("Delete the last letter"),
            "symbols": self.tr("Letters")
            if any(c.isalpha() for c in text)
            else self.tr("Digits and symbols"),
            "language": self.tr("Keyboard language"),
            "space": self.tr("space"),
            "hide": self.tr("Hide the keyboard"),
            "enter": self.tr("Confirm"),
        }
        if kind in names:
            return ", ".join((names[kind], self.tr("key")))
        if len(text) == 1 and text != text.lower():
            return self.tr("capital %1").replace("%1", text)
        return self.character(text)

    def spelt(self, code: str) -> str:
        """A code character by character: "K, 7, P, 4, M, dash, X…"."""
        return ", ".join(self.character(ch) for ch in code)

    def nothing_here(self) -> str:
        return self.tr("Nothing more on this screen.")
