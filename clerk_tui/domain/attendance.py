"""Attendance as a timeline of events, and what follows from it.

Nothing here is a flag: who was present for each item, and whether the meeting
was quorate at any moment, are derived from the events in the order they were
recorded. Each event is tied to the agenda item under consideration when it
happened (or to none: before the business began).

The rule for an item: a person counts as present for an item if they were in the
room when it was decided, i.e. after every event tied to that item or an earlier
one. So a member who withdraws at item 7 is absent for item 7; their return,
recorded when item 8 is taken, makes them present again from item 8.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from clerk_tui.domain.errors import DomainError


class EventKind(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    """Present as substitute for ``for_person_id``."""
    ALSO_PRESENT = "also-present"
    """Present in a capacity, not as a member (Cabinet Members at O&S)."""
    OFFICER = "officer"
    """Officer in attendance."""
    ARRIVED = "arrived"
    DEPARTED = "departed"
    WITHDREW = "withdrew"
    """Left the room for an item (an interest), expected back."""
    RETURNED = "returned"


ENTERS = {
    EventKind.PRESENT,
    EventKind.SUBSTITUTE,
    EventKind.ALSO_PRESENT,
    EventKind.OFFICER,
    EventKind.ARRIVED,
    EventKind.RETURNED,
}
LEAVES = {EventKind.DEPARTED, EventKind.WITHDREW}
NOT_HERE = {EventKind.APOLOGIES, EventKind.ABSENT}


@dataclass
class AttendanceEvent:
    """One attendance record of a meeting: present, apologies, a substitute, an arrival or departure..."""

    person_id: str
    kind: EventKind
    at: time | None = None
    """Clock time it was recorded (the meeting's local time)."""
    item_id: str | None = None
    """The agenda item under consideration; None means before the business began."""
    capacity: str = ""
    """For also-present: "Cabinet Member – Adult Social Care"."""
    for_person_id: str | None = None
    """For a substitute: the member they replace."""
    organisation: str = ""
    """For apologies, printed when the committee's style shows organisations."""
    declaration_id: str | None = None
    """A withdrawal or return caused by a declaration of interest."""
    printed_name: str = ""
    """How this record names the person when the clerk's minutes differ from the rule."""

    def __post_init__(self) -> None:
        if self.kind == EventKind.SUBSTITUTE and not self.for_person_id:
            raise DomainError("A substitute must be substituting for a named member.", "for_person")
        if self.kind == EventKind.SUBSTITUTE and self.for_person_id == self.person_id:
            raise DomainError("A member cannot substitute for themselves.", "for_person")


def _item_positions(agenda_ids: Sequence[str]) -> dict[str | None, int]:
    positions: dict[str | None, int] = {None: -1}
    positions.update({item_id: index for index, item_id in enumerate(agenda_ids)})
    return positions


def _ordered(events: Iterable[AttendanceEvent], positions: dict[str | None, int]) -> list[AttendanceEvent]:
    """Events by item position, recorded order kept within an item."""
    listed = list(events)
    return sorted(listed, key=lambda e: positions.get(e.item_id, len(positions)))


def in_room_after(
    events: Iterable[AttendanceEvent], agenda_ids: Sequence[str], upto_item: str | None
) -> set[str]:
    """Everyone in the room once every event tied to ``upto_item`` or earlier has happened."""
    positions = _item_positions(agenda_ids)
    if upto_item not in positions:
        raise DomainError(f"There is no agenda item {upto_item!r}.", "item")
    limit = positions[upto_item]
    room: set[str] = set()
    for event in _ordered(events, positions):
        if positions.get(event.item_id, len(positions)) > limit:
            break
        if event.kind in ENTERS:
            room.add(event.person_id)
        elif event.kind in LEAVES or event.kind in NOT_HERE:
            room.discard(event.person_id)
    return room


def present_for_items(events: Sequence[AttendanceEvent], agenda_ids: Sequence[str]) -> dict[str, set[str]]:
    """For each agenda item, who was in the room when it was decided."""
    return {item_id: in_room_after(events, agenda_ids, item_id) for item_id in agenda_ids}


@dataclass(frozen=True)
class QuorumState:
    """Whether the voting members in the room make a quorum."""

    counted: int
    """Voting members in the room."""
    required: int | None
    """None: the committee has no quorum recorded."""

    @property
    def met(self) -> bool:
        return self.required is None or self.counted >= self.required

    def describe(self) -> str:
        if self.required is None:
            return f"{self.counted} voting members present (no quorum set)"
        verdict = "quorate" if self.met else "NOT QUORATE"
        return f"{self.counted} of {self.required} needed: {verdict}"


def voting_count(room: set[str], events: Iterable[AttendanceEvent], voting_members: set[str]) -> int:
    """Voting members in the room, a substitute counting for the member they replace."""
    substitutes = {e.person_id: e.for_person_id for e in events if e.kind == EventKind.SUBSTITUTE}
    counted = 0
    for person_id in room:
        if person_id in voting_members or substitutes.get(person_id) in voting_members:
            counted += 1
    return counted


def quorum_for_item(
    events: Sequence[AttendanceEvent],
    agenda_ids: Sequence[str],
    item_id: str | None,
    voting_members: set[str],
    quorum: int | None,
) -> QuorumState:
    room = in_room_after(events, agenda_ids, item_id)
    return QuorumState(voting_count(room, events, voting_members), quorum)


def quorum_timeline(
    events: Sequence[AttendanceEvent],
    agenda_ids: Sequence[str],
    voting_members: set[str],
    quorum: int | None,
) -> list[tuple[AttendanceEvent, QuorumState]]:
    """The quorum after each event, in meeting order: where it was lost and regained."""
    positions = _item_positions(agenda_ids)
    room: set[str] = set()
    timeline = []
    ordered = _ordered(events, positions)
    for event in ordered:
        if event.kind in ENTERS:
            room.add(event.person_id)
        elif event.kind in LEAVES or event.kind in NOT_HERE:
            room.discard(event.person_id)
        timeline.append((event, QuorumState(voting_count(room, ordered, voting_members), quorum)))
    return timeline
