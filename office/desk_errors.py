"""Refusals on the clerks' pages: each carries its status; one handler renders the page."""

from __future__ import annotations


class DeskError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class NotSignedIn(Exception):
    """No live session: a page asks to log in, a form post is refused."""


def not_found() -> DeskError:
    """The same answer for a case that does not exist and one of another office."""
    return DeskError(404, "Nie ma takiej sprawy.")
