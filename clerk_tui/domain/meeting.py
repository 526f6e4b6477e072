"""A meeting: its agenda, attendance, declarations and minutes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from clerk_tui.domain.agenda import AgendaItem
from clerk_tui.domain.attendance import AttendanceEvent
from clerk_tui.domain.declarations import Declaration
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.history import History
from clerk_tui.domain.ids import next_sequential_id
from clerk_tui.domain.minutes import Minute
from clerk_tui.domain.people import OfficerContact
from clerk_tui.domain.record import MinutesRecord
from clerk_tui.domain.summary import MeetingStatus
from clerk_tui.domain.venue import Venue


@dataclass
class Meeting:
    """One meeting of a committee: its agenda, attendance, declarations and minutes, and
    the undo history of what the clerk did while it was live."""

    id: str
    committee_id: str
    date: date
    start: time | None = None
    venue: Venue = field(default_factory=Venue)
    status: MeetingStatus = MeetingStatus.DRAFT_AGENDA
    officer: OfficerContact = field(default_factory=OfficerContact)
    agenda: list[AgendaItem] = field(default_factory=list)
    attendance: list[AttendanceEvent] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    minutes: list[Minute] = field(default_factory=list)
    chair_id: str | None = None
    """Who took the chair; None means the committee's Chair (the PRESENT block says
    "(in the Chair)" beside them). Set when a chair is elected for the meeting."""
    first_minute_number: int | None = None
    """Set by the clerk when earlier minutes of the year are not in the store, or
    fixed when the minutes are approved; otherwise it follows the year's numbering."""
    history: History = field(default_factory=History)
    """What the clerk did in the live meeting, to undo and redo (``clerk_tui.domain.undo``).
    Missing from files written before it existed: they read with an empty history."""
    record: MinutesRecord = field(default_factory=MinutesRecord)
    """The minutes' lifecycle: circulated revisions, confirmation, signature (approval.py)."""

    # --- agenda -------------------------------------------------------------
    def item(self, item_id: str) -> AgendaItem:
        for candidate in self.agenda:
            if candidate.id == item_id:
                return candidate
        raise DomainError(f"There is no agenda item {item_id!r}.", "item")

    def agenda_ids(self) -> list[str]:
        return [item.id for item in self.agenda]

    def new_item_id(self) -> str:
        return next_sequential_id("item", self.agenda_ids())

    def printed_number(self, item_id: str) -> str:
        """An item's number on the agenda: its label, or its position from 1."""
        for position, candidate in enumerate(self.agenda, start=1):
            if candidate.id == item_id:
                return candidate.label or str(position)
        raise DomainError(f"There is no agenda item {item_id!r}.", "item")

    def add_item(self, item: AgendaItem, position: int | None = None) -> None:
        if any(existing.id == item.id for existing in self.agenda):
            raise DomainError(f"Item id {item.id!r} is already on the agenda.", "item")
        item.validate()
        if position is None:
            self.agenda.append(item)
        else:
            self.agenda.insert(max(0, min(position, len(self.agenda))), item)

    def move_item(self, item_id: str, offset: int) -> int:
        """Move an item up (negative) or down the agenda; returns its new position."""
        index = self.agenda_ids().index(self.item(item_id).id)
        target = max(0, min(len(self.agenda) - 1, index + offset))
        self.agenda.insert(target, self.agenda.pop(index))
        return target

    def remove_item(self, item_id: str) -> AgendaItem:
        """Remove an item no declaration, minute or attendance record points at."""
        item = self.item(item_id)
        if any(d.item_id == item_id for d in self.declarations):
            raise DomainError("A declaration of interest concerns this item; remove it first.", "item")
        if any(m.item_id == item_id for m in self.minutes):
            raise DomainError("This item has been minuted; remove its minute first.", "item")
        if any(e.item_id == item_id for e in self.attendance):
            raise DomainError("Attendance was recorded during this item; it cannot be removed.", "item")
        self.agenda.remove(item)
        return item

    # --- minutes ------------------------------------------------------------
    def numbered_minutes(self) -> list[Minute]:
        return [m for m in self.minutes if m.numbered]

    def minute_count(self) -> int:
        return len(self.numbered_minutes())

    def minute_numbers(self, first: int) -> dict[str, int]:
        """Minute id -> number, starting at ``first``; deferred or withdrawn minutes leave no gap."""
        return {m.id: first + offset for offset, m in enumerate(self.numbered_minutes())}

    def minute_for_item(self, item_id: str) -> Minute | None:
        for minute in self.minutes:
            if minute.item_id == item_id:
                return minute
        return None

    def new_minute_id(self) -> str:
        return next_sequential_id("minute", (m.id for m in self.minutes))

    def new_declaration_id(self) -> str:
        return next_sequential_id("declaration", (d.id for d in self.declarations))
