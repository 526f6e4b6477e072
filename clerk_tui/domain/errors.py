"""Errors the domain raises: each says what is wrong and where, in the clerk's words."""

from __future__ import annotations


class DomainError(ValueError):
    """A value a clerk typed or a record holds breaks a rule of the domain.

    ``field`` names where the problem is (a form field, or a path such as
    ``agenda[3].pages``) so that a screen can put the message beside it.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message
