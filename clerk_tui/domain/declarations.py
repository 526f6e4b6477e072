"""Declarations of interest."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_tui.domain.errors import DomainError


class InterestKind(StrEnum):
    DISCLOSABLE_PECUNIARY = "disclosable-pecuniary"
    PERSONAL = "personal"
    OTHER = "other"

    def printed(self) -> str:
        """The word that opens the "Nature of Interest" cell: "Personal - ..."."""
        return {
            InterestKind.DISCLOSABLE_PECUNIARY: "Disclosable Pecuniary",
            InterestKind.PERSONAL: "Personal",
            InterestKind.OTHER: "Other",
        }[self]


class InterestAction(StrEnum):
    WITHDREW = "withdrew"
    REMAINED = "remained"
    DISPENSATION = "dispensation"
    """Remained under a dispensation granted for a pecuniary interest."""


@dataclass
class Declaration:
    """A member's declaration of an interest in an agenda item."""

    id: str
    person_id: str
    item_id: str
    """The agenda item the interest concerns (and so, once minuted, its minute number)."""
    kind: InterestKind = InterestKind.PERSONAL
    nature: str = ""
    """"is involved with the Better Care Fund at a regional level"."""
    action: InterestAction = InterestAction.REMAINED
    printed_name: str = ""
    """How the declarations table names the member, if not the usual rule."""

    def __post_init__(self) -> None:
        if not self.nature.strip():
            raise DomainError("Say what the interest is (its nature).", "nature")
        if self.kind == InterestKind.DISCLOSABLE_PECUNIARY and self.action == InterestAction.REMAINED:
            raise DomainError(
                "A member with a disclosable pecuniary interest must withdraw unless a "
                "dispensation was granted.",
                "action",
            )

    def nature_cell(self) -> str:
        """``Personal - is involved with the Better Care Fund at a regional level``."""
        return f"{self.kind.printed()} - {self.nature.strip()}"
