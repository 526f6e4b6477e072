"""Agenda items: what is to be considered, in what order, and whether it is exempt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from clerk_tui.domain.errors import DomainError


class ItemKind(StrEnum):
    ELECTION_OF_CHAIR = "election-of-chair"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous-minutes"
    SUBSTANTIVE = "substantive"
    EXCLUSION = "exclusion"
    """Exclusion of press and public before exempt business."""
    URGENT = "urgent-business"
    NEXT_MEETING = "next-meeting"


STANDARD_TITLES: dict[ItemKind, str] = {
    ItemKind.ELECTION_OF_CHAIR: "Election of Chair",
    ItemKind.APOLOGIES: "Apologies for Absence",
    ItemKind.DECLARATIONS: "Declarations of Interest",
    ItemKind.PREVIOUS_MINUTES: "Minutes of Previous Meeting",
    ItemKind.EXCLUSION: "Exclusion of Press and Public",
    ItemKind.URGENT: "Urgent Business",
    ItemKind.NEXT_MEETING: "Date of Next Meeting",
}

SCHEDULE_12A: dict[int, str] = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations "
    "or negotiations, in connection with any labour relations matter arising between the "
    "authority or a Minister of the Crown and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any enactment a "
    "notice under or by virtue of which requirements are imposed on a person; or (b) to make an "
    "order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}
"""Part 1 of Schedule 12A to the Local Government Act 1972: what each paragraph means."""


@dataclass
class PageRange:
    """Pages of the pack: ``(Pages 13 - 26)``."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.first < 1:
            raise DomainError("Pages start at 1.", "pages")
        if self.last < self.first:
            raise DomainError(
                f"Pages {self.first}-{self.last} run backwards; the last page comes after the first.",
                "pages",
            )

    def printed(self) -> str:
        if self.first == self.last:
            return f"(Page {self.first})"
        return f"(Pages {self.first} - {self.last})"


def parse_page_range(text: str) -> PageRange | None:
    """``13 - 26``, ``13-26``, ``Pages 13 - 26``, ``13``; empty gives None."""
    cleaned = text.strip().strip("()").strip()
    lowered = cleaned.lower()
    for word in ("pages", "page", "pp.", "pp", "p."):
        if lowered.startswith(word):
            cleaned = cleaned[len(word) :].strip()
            break
    if not cleaned:
        return None
    parts = [p.strip() for p in cleaned.replace("–", "-").split("-")]
    if len(parts) > 2 or not all(p.isdigit() for p in parts):
        raise DomainError(f"“{text.strip()}” is not a page range; type 13 - 26 or 13.", "pages")
    first = int(parts[0])
    last = int(parts[-1])
    return PageRange(first, last)


class ItemLine(StrEnum):
    """The lines a front sheet prints under an item's title (and its pages)."""

    DESCRIPTION = "description"
    REPORT_OF = "report-of"
    PRESENTATION_OF = "presentation-of"
    PRESENTER = "presenter"
    NOTE = "note"


DEFAULT_LINE_ORDER = (
    ItemLine.DESCRIPTION,
    ItemLine.REPORT_OF,
    ItemLine.PRESENTATION_OF,
    ItemLine.PRESENTER,
    ItemLine.NOTE,
)


class CarriedBecause(StrEnum):
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


@dataclass
class CarriedFrom:
    """One earlier agenda an item stood on before it was deferred or withdrawn there."""

    meeting_id: str
    meeting_date: date
    item_id: str
    because: CarriedBecause = CarriedBecause.DEFERRED


@dataclass
class AgendaItem:
    """One item of an agenda. Its printed number is its position, unless ``label`` says
    otherwise; order is kept by the agenda's list, apart from the number."""

    id: str
    title: str
    kind: ItemKind = ItemKind.SUBSTANTIVE
    label: str = ""
    """A printed number other than the position ("5A"); empty means the position."""
    pages: PageRange | None = None
    to_follow: bool = False
    """A late paper: "(To Follow)" in place of the page range."""
    report_of: str = ""
    """A designation: "the Director of Public Health"."""
    presentation_of: str = ""
    presenter: str = ""
    """"Jon Hayes, Managing Director, Cheshire and Merseyside Cancer Alliance" ("to attend" is added)."""
    description: str = ""
    """Free text printed under the item ("Minutes of the meeting held on ...")."""
    notes: str = ""
    """The clerk's own notes; never printed."""
    exempt: bool = False
    exempt_paragraphs: list[int] = field(default_factory=list)
    """Schedule 12A paragraphs (1-7) that make the item exempt."""
    note: str = ""
    """A free line printed under the item ("Cabinet Member Update – Adult Social Care,
    report to follow."); where it stands is ``line_order``'s."""
    line_order: list[ItemLine] = field(default_factory=list)
    """The order of the lines under the title, as the clerk wrote them; a line not named
    here follows in the usual order (description, report of, presentation of, presenter,
    note). Empty: the usual order."""
    carried_from: list[CarriedFrom] = field(default_factory=list)
    """The agendas it stood on before, oldest first, when it was deferred or withdrawn there."""

    def __post_init__(self) -> None:
        self.validate()

    def printed_line_order(self) -> list[ItemLine]:
        """Every line kind, in the order the front sheet prints them."""
        named = list(dict.fromkeys(self.line_order))
        return named + [line for line in DEFAULT_LINE_ORDER if line not in named]

    def validate(self) -> None:
        if not self.title.strip():
            raise DomainError("An item needs a title.", "title")
        bad = [p for p in self.exempt_paragraphs if p not in SCHEDULE_12A]
        if bad:
            raise DomainError(
                f"Schedule 12A has paragraphs 1-7 only; {', '.join(map(str, bad))} is not one.",
                "exempt_paragraphs",
            )
        if self.exempt and not self.exempt_paragraphs:
            raise DomainError(
                "An exempt item needs its Schedule 12A paragraph number(s).", "exempt_paragraphs"
            )
        if self.pages and self.to_follow:
            raise DomainError("An item has pages or is to follow, not both.", "pages")
        if len(set(self.line_order)) != len(self.line_order):
            raise DomainError("Each line of the item appears once in its order.", "line_order")


OPENING_KINDS = frozenset(
    {ItemKind.ELECTION_OF_CHAIR, ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.PREVIOUS_MINUTES}
)
"""The items an agenda opens with, before its business."""


def new_item_position(agenda: Sequence[AgendaItem]) -> int:
    """Where a new item goes unless the clerk says otherwise: after the last public
    substantive item, so never among the opening items, into Part 2 or after the closing
    ones (urgent business, the next meeting). With no business yet: after the opening items."""
    part_2 = next(
        (i for i, item in enumerate(agenda) if item.kind == ItemKind.EXCLUSION or item.exempt), None
    )
    public = agenda[:part_2] if part_2 is not None else agenda
    business = [i for i, item in enumerate(public) if item.kind == ItemKind.SUBSTANTIVE]
    if business:
        return business[-1] + 1
    opening = [i for i, item in enumerate(public) if item.kind in OPENING_KINDS]
    if opening:
        return opening[-1] + 1
    closing = next(
        (i for i, item in enumerate(public) if item.kind in {ItemKind.URGENT, ItemKind.NEXT_MEETING}), None
    )
    return closing if closing is not None else len(public)
