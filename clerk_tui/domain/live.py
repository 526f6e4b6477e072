"""What the clerk does while the meeting runs, as operations on the meeting.

Each operation checks what it is asked, changes the meeting, and returns a short
sentence saying what was recorded (the screen shows it). None of them save: the screen
hands the changed meeting to the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from clerk_tui.domain.agenda import STANDARD_TITLES, AgendaItem, ItemKind
from clerk_tui.domain.attendance import ENTERS, LEAVES, NOT_HERE, AttendanceEvent, EventKind
from clerk_tui.domain.committee import Committee
from clerk_tui.domain.declarations import Declaration, InterestAction
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import Minute, MinuteStatus, Resolution, clean_part
from clerk_tui.domain.phrases import exclusion_resolution


class Presence(StrEnum):
    """Where a person stands now, from their events."""

    NOT_RECORDED = "not recorded"
    IN_ROOM = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    WITHDRAWN = "withdrawn"
    LEFT = "left"


def presence_now(meeting: Meeting, person_id: str, upto_item: str | None = None) -> Presence:
    """The person's state after the events recorded so far (or up to an item)."""
    positions: dict[str | None, int] = {None: -1}
    positions.update({item_id: i for i, item_id in enumerate(meeting.agenda_ids())})
    limit = positions.get(upto_item, len(positions)) if upto_item is not None else len(positions)
    state = Presence.NOT_RECORDED
    for event in meeting.attendance:
        if event.person_id != person_id:
            continue
        if positions.get(event.item_id, len(positions)) > limit:
            continue
        state = _state_after(event.kind)
    return state


def _state_after(kind: EventKind) -> Presence:
    if kind in ENTERS:
        return Presence.IN_ROOM
    if kind == EventKind.WITHDREW:
        return Presence.WITHDRAWN
    if kind == EventKind.DEPARTED:
        return Presence.LEFT
    return Presence.APOLOGIES if kind == EventKind.APOLOGIES else Presence.ABSENT


_ALLOWED_FROM: dict[EventKind, set[Presence]] = {
    EventKind.PRESENT: {Presence.NOT_RECORDED, Presence.APOLOGIES, Presence.ABSENT},
    EventKind.APOLOGIES: {Presence.NOT_RECORDED, Presence.ABSENT},
    EventKind.ABSENT: {Presence.NOT_RECORDED, Presence.APOLOGIES},
    EventKind.SUBSTITUTE: {Presence.NOT_RECORDED, Presence.ABSENT, Presence.APOLOGIES},
    EventKind.ALSO_PRESENT: {Presence.NOT_RECORDED},
    EventKind.OFFICER: {Presence.NOT_RECORDED},
    EventKind.ARRIVED: {Presence.NOT_RECORDED, Presence.APOLOGIES, Presence.ABSENT},
    EventKind.DEPARTED: {Presence.IN_ROOM, Presence.WITHDRAWN},
    EventKind.WITHDREW: {Presence.IN_ROOM},
    EventKind.RETURNED: {Presence.WITHDRAWN, Presence.LEFT},
}

_SAID = {
    EventKind.PRESENT: "present",
    EventKind.APOLOGIES: "sent apologies",
    EventKind.ABSENT: "absent",
    EventKind.SUBSTITUTE: "present as a substitute",
    EventKind.ALSO_PRESENT: "also present",
    EventKind.OFFICER: "in attendance (officer)",
    EventKind.ARRIVED: "arrived",
    EventKind.DEPARTED: "left the meeting",
    EventKind.WITHDREW: "withdrew from the room",
    EventKind.RETURNED: "returned to the room",
}


def record(
    meeting: Meeting,
    person_id: str,
    kind: EventKind,
    *,
    at: time | None = None,
    item_id: str | None = None,
    name: str = "",
    **details: str | None,
) -> str:
    """Record one attendance event, if it makes sense from where the person stands."""
    if item_id is not None:
        meeting.item(item_id)
    now = presence_now(meeting, person_id)
    allowed = _ALLOWED_FROM[kind]
    if now not in allowed:
        who = name or person_id
        raise DomainError(f"{who} is {now.value}: cannot record “{_SAID[kind]}”.", "attendance")
    if kind in {EventKind.PRESENT, EventKind.APOLOGIES, EventKind.ABSENT} and now != Presence.NOT_RECORDED:
        _forget_start(meeting, person_id)
    event = AttendanceEvent(person_id, kind, at=at, item_id=item_id, **details)  # type: ignore[arg-type]
    meeting.attendance.append(event)
    where = f" at {at:%H:%M}" if at else ""
    return f"{name or person_id}: {_SAID[kind]}{where}."


def _forget_start(meeting: Meeting, person_id: str) -> None:
    """A correction before the business (apologies, then present after all): one record, not two."""
    meeting.attendance = [
        e
        for e in meeting.attendance
        if not (e.person_id == person_id and e.kind in NOT_HERE | {EventKind.PRESENT} and e.item_id is None)
    ]


def undo_last(meeting: Meeting, person_id: str) -> AttendanceEvent:
    """Take back the last event recorded for a person (a slip of the key)."""
    for index in range(len(meeting.attendance) - 1, -1, -1):
        if meeting.attendance[index].person_id == person_id:
            return meeting.attendance.pop(index)
    raise DomainError("Nothing is recorded for them yet.", "attendance")


def all_present(meeting: Meeting, committee: Committee, at: time | None = None) -> list[str]:
    """Mark present every member of the committee with nothing recorded yet (not substitutes)."""
    marked = []
    for membership in committee.memberships_on(meeting.date):
        if membership.role.value == "substitute":
            continue
        if presence_now(meeting, membership.person_id) == Presence.NOT_RECORDED:
            meeting.attendance.append(AttendanceEvent(membership.person_id, EventKind.PRESENT, at=at))
            marked.append(membership.person_id)
    return marked


# --- declarations -----------------------------------------------------------------
def declare(
    meeting: Meeting, declaration: Declaration, *, at: time | None = None, stays_out: bool = False
) -> str:
    """Record a declaration. A member who withdraws leaves the room for that item and,
    unless the clerk says otherwise, comes back when the next item is taken."""
    item = meeting.item(declaration.item_id)
    if any(d.id == declaration.id for d in meeting.declarations):
        raise DomainError("That declaration is already recorded.", "declaration")
    meeting.declarations.append(declaration)
    if declaration.action != InterestAction.WITHDREW:
        return f"Declaration recorded on “{item.title}”."
    meeting.attendance.append(
        AttendanceEvent(
            declaration.person_id, EventKind.WITHDREW, at=at, item_id=item.id, declaration_id=declaration.id
        )
    )
    following = _item_after(meeting, item.id)
    if following is not None and not stays_out:
        meeting.attendance.append(
            AttendanceEvent(
                declaration.person_id, EventKind.RETURNED, item_id=following.id, declaration_id=declaration.id
            )
        )
        return f"Declaration recorded: withdraws for “{item.title}”, back for “{following.title}”."
    return f"Declaration recorded: withdraws for “{item.title}”."


def _item_after(meeting: Meeting, item_id: str) -> AgendaItem | None:
    ids = meeting.agenda_ids()
    index = ids.index(item_id)
    return meeting.agenda[index + 1] if index + 1 < len(ids) else None


def remove_declaration(meeting: Meeting, declaration_id: str) -> None:
    meeting.declarations = [d for d in meeting.declarations if d.id != declaration_id]
    meeting.attendance = [e for e in meeting.attendance if e.declaration_id != declaration_id]


# --- minutes ----------------------------------------------------------------------
def take_item(meeting: Meeting, item_id: str) -> Minute:
    """The minute of an agenda item, started when the clerk takes the item: minutes are
    numbered in the order items are taken."""
    existing = meeting.minute_for_item(item_id)
    if existing is not None:
        return existing
    item = meeting.item(item_id)
    minute = Minute(meeting.new_minute_id(), item.title, item.kind, item.id)
    meeting.minutes.append(minute)
    return minute


def set_status(meeting: Meeting, minute_id: str, status: MinuteStatus) -> Minute:
    """Defer or withdraw an item (it keeps its record, takes no number), or minute it again."""
    minute = _minute(meeting, minute_id)
    minute.status = status
    return minute


def _minute(meeting: Meeting, minute_id: str) -> Minute:
    for minute in meeting.minutes:
        if minute.id == minute_id:
            return minute
    raise DomainError(f"There is no minute {minute_id!r}.", "minute")


def elect_chair(meeting: Meeting, committee: Committee, person_id: str, name: str) -> Minute:
    """The Chair is absent: a chair is elected for the meeting, as the first minute."""
    meeting.chair_id = person_id
    text = f"{name} be elected Chair for this meeting of the {committee.name}"
    for minute in meeting.minutes:
        if minute.kind == ItemKind.ELECTION_OF_CHAIR:
            minute.resolution = Resolution([text])
            return minute
    minute = Minute(
        meeting.new_minute_id(),
        STANDARD_TITLES[ItemKind.ELECTION_OF_CHAIR],
        ItemKind.ELECTION_OF_CHAIR,
        resolution=Resolution([text]),
    )
    meeting.minutes.insert(0, minute)
    return minute


@dataclass(frozen=True)
class ExclusionProposal:
    paragraphs: list[int]
    items: int
    resolution: Resolution


def exclusion_needed(meeting: Meeting, item_id: str) -> ExclusionProposal | None:
    """Moving to an exempt item: the exclusion resolution it needs, unless already passed."""
    item = meeting.item(item_id)
    if not item.exempt:
        return None
    if any(m.kind == ItemKind.EXCLUSION and m.numbered for m in meeting.minutes):
        return None
    run = _exempt_run(meeting, item_id)
    paragraphs = sorted({p for exempt in run for p in exempt.exempt_paragraphs})
    return ExclusionProposal(paragraphs, len(run), exclusion_resolution(paragraphs, len(run)))


def _exempt_run(meeting: Meeting, item_id: str) -> list[AgendaItem]:
    ids = meeting.agenda_ids()
    run = []
    for item in meeting.agenda[ids.index(item_id) :]:
        if not item.exempt:
            break
        run.append(item)
    return run


def pass_exclusion(meeting: Meeting, item_id: str) -> Minute:
    """Minute the exclusion of press and public before the exempt item ``item_id``."""
    proposal = exclusion_needed(meeting, item_id)
    if proposal is None:
        raise DomainError("The press and public are already excluded, or the item is not exempt.", "item")
    agenda_exclusion = next(
        (i for i in meeting.agenda if i.kind == ItemKind.EXCLUSION and meeting.minute_for_item(i.id) is None),
        None,
    )
    minute = Minute(
        meeting.new_minute_id(),
        STANDARD_TITLES[ItemKind.EXCLUSION],
        ItemKind.EXCLUSION,
        agenda_exclusion.id if agenda_exclusion else None,
        resolution=proposal.resolution,
    )
    meeting.minutes.append(minute)
    return minute


# --- resolutions as typed -----------------------------------------------------------
_PART_NUMBER = re.compile(r"^\s*\(?\d+\)\s*")
_THAT = re.compile(r"^that\s+", re.IGNORECASE)


def parts_from_text(text: str) -> list[str]:
    """One part per line, as typed; numbers, "That" and the end punctuation are the printer's."""
    parts = []
    for line in text.splitlines():
        cleaned = clean_part(_THAT.sub("", _PART_NUMBER.sub("", line, count=1).strip(), count=1))
        if cleaned:
            parts.append(cleaned)
    return parts


def text_from_parts(resolution: Resolution | None) -> str:
    return "\n".join(resolution.parts) if resolution else ""


@dataclass(frozen=True)
class ActionArising:
    minute_number: int
    part: int | None
    text: str

    def reference(self, short_date: str) -> str:
        """``Min. No. 49 (2) of 21/02/23``."""
        part = f" ({self.part})" if self.part is not None else ""
        return f"Min. No. {self.minute_number}{part} of {short_date}"


def actions_arising(meeting: Meeting, first_number: int) -> list[ActionArising]:
    """What the resolutions asked someone to do, with their minute numbers."""
    numbers = meeting.minute_numbers(first_number)
    actions = []
    for minute in meeting.numbered_minutes():
        if minute.resolution is None:
            continue
        several = len(minute.resolution.parts) > 1
        for part, text in minute.resolution.requests():
            actions.append(ActionArising(numbers[minute.id], part if several else None, text))
    return actions


__all__ = [
    "ActionArising",
    "ExclusionProposal",
    "Presence",
    "LEAVES",
    "actions_arising",
    "all_present",
    "declare",
    "elect_chair",
    "exclusion_needed",
    "parts_from_text",
    "pass_exclusion",
    "presence_now",
    "record",
    "remove_declaration",
    "set_status",
    "take_item",
    "text_from_parts",
    "undo_last",
]
