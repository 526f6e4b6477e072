"""What the clerk does while the meeting runs, as operations on the meeting.

Each operation checks what it is asked, changes the meeting through an ``Edit`` (so that
it can be undone, see ``clerk_tui.domain.undo``), and returns a short sentence saying
what was recorded (the screen shows it). None of them save: the screen hands the changed
meeting to the store.

The screen calls ``mark`` for every attendance key: it follows the clerk (a mark before
the business replaces the one before it; "present" once the business has begun is an
arrival during the item under way) and refuses, saying what to do instead, what cannot
have happened. ``record`` is the lower-level step it builds on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time
from enum import StrEnum

from clerk_tui.domain.agenda import STANDARD_TITLES, AgendaItem, ItemKind
from clerk_tui.domain.attendance import ENTERS, LEAVES, NOT_HERE, AttendanceEvent, EventKind
from clerk_tui.domain.committee import Committee, Role
from clerk_tui.domain.declarations import Declaration, InterestAction
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.exclusion import exempt_run
from clerk_tui.domain.history import Target
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import (
    Minute,
    MinuteOptions,
    MinuteStatus,
    Resolution,
    ResolutionLead,
    parse_resolution_parts,
)
from clerk_tui.domain.narrative import parse_narrative
from clerk_tui.domain.phrases import exclusion_resolution
from clerk_tui.domain.safe_text import clean, one_line
from clerk_tui.domain.undo import Edit


class Presence(StrEnum):
    """Where a person stands now, from their events."""

    NOT_RECORDED = "not recorded"
    IN_ROOM = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    WITHDRAWN = "withdrawn"
    LEFT = "left"


def presence_now(meeting: Meeting, person_id: str, upto_item: str | None = None) -> Presence:
    """The person's state after the events recorded so far (or up to an item), in the
    order recorded. For the state as it stands during an item use ``presence_for_item``."""
    positions = _positions(meeting)
    limit = positions.get(upto_item, len(positions)) if upto_item is not None else len(positions)
    state = Presence.NOT_RECORDED
    for event in meeting.attendance:
        if event.person_id != person_id:
            continue
        if positions.get(event.item_id, len(positions)) > limit:
            continue
        state = _state_after(event.kind)
    return state


def _positions(meeting: Meeting) -> dict[str | None, int]:
    positions: dict[str | None, int] = {None: -1}
    positions.update({item_id: i for i, item_id in enumerate(meeting.agenda_ids())})
    return positions


def standing_event(meeting: Meeting, person_id: str, item_id: str | None) -> AttendanceEvent | None:
    """The person's last event once everything tied to ``item_id`` (or before it) has
    happened: None before the business means no start mark; a return expected at a later
    item has not happened yet."""
    positions = _positions(meeting)
    if item_id not in positions:
        raise DomainError(f"There is no agenda item {item_id!r}.", "item")
    limit = positions[item_id]
    standing: AttendanceEvent | None = None
    reached = -2
    for event in meeting.attendance:
        place = positions.get(event.item_id, len(positions))
        if event.person_id == person_id and place <= limit and place >= reached:
            standing, reached = event, place
    return standing


def presence_for_item(meeting: Meeting, person_id: str, item_id: str | None) -> Presence:
    """Where the person stands during ``item_id`` (None: before the business): a member who
    withdrew for it is withdrawn, whatever is recorded for the items after."""
    event = standing_event(meeting, person_id, item_id)
    return Presence.NOT_RECORDED if event is None else _state_after(event.kind)


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

_MARKED = {
    EventKind.PRESENT: "marked present",
    EventKind.APOLOGIES: "marked as sending apologies",
    EventKind.ABSENT: "marked absent",
    EventKind.SUBSTITUTE: "marked present as a substitute",
    EventKind.ALSO_PRESENT: "marked also present",
    EventKind.OFFICER: "marked in attendance as an officer",
    EventKind.ARRIVED: "marked arrived",
    EventKind.DEPARTED: "marked as leaving the meeting",
    EventKind.WITHDREW: "marked withdrawn from the room",
    EventKind.RETURNED: "marked back in the room",
}
"""How a step names a mark, after "Undone: Cllr Kelly ..."."""

START_MARKS = frozenset({EventKind.PRESENT, EventKind.APOLOGIES, EventKind.ABSENT})
"""The marks of the roll call: replaced, not added to, before the business begins."""
DURING_AN_ITEM = frozenset({EventKind.ARRIVED, EventKind.DEPARTED, EventKind.WITHDREW, EventKind.RETURNED})
"""Movements, recorded against the item under way."""
_ATTENDEES = frozenset({EventKind.SUBSTITUTE, EventKind.ALSO_PRESENT, EventKind.OFFICER})


def _when(meeting: Meeting, at: time | None, item_id: str | None) -> str:
    """`` at 18:42 during item 4``."""
    clock = f" at {at:%H:%M}" if at else ""
    during = f" during item {meeting.printed_number(item_id)}" if item_id else ""
    return clock + during


def _event(
    person_id: str, kind: EventKind, at: time | None, item_id: str | None, **details: str | None
) -> AttendanceEvent:
    return AttendanceEvent(person_id, kind, at=at, item_id=item_id, **details)  # type: ignore[arg-type]


# --- attendance: the lower-level record -----------------------------------------------
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
    who = name or person_id
    if now not in _ALLOWED_FROM[kind]:
        raise DomainError(f"{who} is {now.value}: cannot record “{_SAID[kind]}”.", "attendance")
    edit = Edit(meeting)
    if kind in START_MARKS and now != Presence.NOT_RECORDED:
        for event in _start_marks(meeting, person_id):
            edit.remove(Target.ATTENDANCE, event)
    edit.insert(Target.ATTENDANCE, _event(person_id, kind, at, item_id, **details))
    where = f" at {at:%H:%M}" if at else ""
    edit.commit(f"{who} {_MARKED[kind]}{_when(meeting, at, item_id)}")
    return f"{who}: {_SAID[kind]}{where}."


def _start_marks(meeting: Meeting, person_id: str) -> list[AttendanceEvent]:
    """The person's roll-call marks (before the business): one record, not two, after a correction."""
    return [
        e
        for e in meeting.attendance
        if e.person_id == person_id and e.item_id is None and e.kind in START_MARKS | {EventKind.ARRIVED}
    ]


def undo_last(meeting: Meeting, person_id: str, name: str = "") -> AttendanceEvent:
    """Take back the last event recorded for a person (a slip of the key)."""
    for event in reversed(meeting.attendance):
        if event.person_id == person_id:
            edit = Edit(meeting)
            edit.remove(Target.ATTENDANCE, event)
            edit.commit(f"“{_SAID[event.kind]}” taken back for {name or person_id}")
            return event
    raise DomainError("Nothing is recorded for them yet.", "attendance")


def all_present(meeting: Meeting, committee: Committee, at: time | None = None) -> list[str]:
    """Mark present every member of the committee with nothing recorded yet (not substitutes)."""
    edit = Edit(meeting)
    marked = []
    for membership in committee.memberships_on(meeting.date):
        if membership.role == Role.SUBSTITUTE:
            continue
        if presence_now(meeting, membership.person_id) == Presence.NOT_RECORDED:
            edit.insert(Target.ATTENDANCE, AttendanceEvent(membership.person_id, EventKind.PRESENT, at=at))
            marked.append(membership.person_id)
    edit.commit(f"{len(marked)} member{'' if len(marked) == 1 else 's'} marked present")
    return marked


# --- attendance: what the clerk's keys do ----------------------------------------------
def mark(
    meeting: Meeting,
    person_id: str,
    kind: EventKind,
    *,
    current_item: str | None,
    at: time | None = None,
    name: str = "",
    **details: str | None,
) -> str:
    """One attendance key, as the clerk means it, with ``current_item`` the item under way
    (None: the business has not begun).

    Before the business, a roll-call mark replaces the one before it (present, then
    apologies, just works), and "arrived" is simply present. Once it has begun, "present"
    for someone not in the room is an arrival (or a return) during the current item, and
    departures, withdrawals and returns are tied to it, as is a substitute, officer or
    guest who joins once it has begun. What cannot have happened is refused with a
    sentence saying what to do instead; nothing is changed then.
    """
    who = name or person_id
    if current_item is not None:
        meeting.item(current_item)
    if kind in _ATTENDEES:
        return record(meeting, person_id, kind, at=at, item_id=current_item, name=name, **details)
    if current_item is None:
        return _roll_call(meeting, person_id, kind, at, who)
    if kind in {EventKind.APOLOGIES, EventKind.ABSENT}:
        return _late_apologies(meeting, person_id, kind, current_item, at, who)
    return _movement(meeting, person_id, kind, current_item, at, who)


def _roll_call(meeting: Meeting, person_id: str, kind: EventKind, at: time | None, who: str) -> str:
    if kind in DURING_AN_ITEM and kind != EventKind.ARRIVED:
        raise DomainError(
            f"Take an item first: “{_SAID[kind]}” is recorded against the item under way.", "attendance"
        )
    wanted = EventKind.PRESENT if kind == EventKind.ARRIVED else kind
    starts = _start_marks(meeting, person_id)
    listed = {id(event) for event in starts}
    other = next((e for e in meeting.attendance if e.person_id == person_id and id(e) not in listed), None)
    if other is not None:
        raise DomainError(
            f"{who} is recorded as {_SAID[other.kind]}: take that back first (undo).", "attendance"
        )
    return _replace_start_marks(meeting, person_id, wanted, at, who, starts)


def _replace_start_marks(
    meeting: Meeting,
    person_id: str,
    kind: EventKind,
    at: time | None,
    who: str,
    starts: list[AttendanceEvent],
) -> str:
    if starts and all(e.kind == kind for e in starts):
        raise DomainError(f"{who} is already marked “{_SAID[kind]}”.", "attendance")
    edit = Edit(meeting)
    position = next((i for i, e in enumerate(meeting.attendance) if starts and e is starts[0]), None)
    for event in starts:
        edit.remove(Target.ATTENDANCE, event)
    edit.insert(Target.ATTENDANCE, AttendanceEvent(person_id, kind, at=at), position)
    was = f" (in place of “{_SAID[starts[-1].kind]}”)" if starts else ""
    edit.commit(f"{who} {_MARKED[kind]}{_when(meeting, at, None)}{was}")
    clock = f" at {at:%H:%M}" if at else ""
    return f"{who}: {_SAID[kind]}{clock}{was}."


def start_mark_correctable(meeting: Meeting, person_id: str) -> bool:
    """Only a roll-call mark is recorded for them: it can be corrected after the business began."""
    starts = _start_marks(meeting, person_id)
    return bool(starts) and len(starts) == sum(1 for e in meeting.attendance if e.person_id == person_id)


def _late_apologies(
    meeting: Meeting, person_id: str, kind: EventKind, item_id: str, at: time | None, who: str
) -> str:
    state = presence_for_item(meeting, person_id, item_id)
    if state in {Presence.NOT_RECORDED, Presence.APOLOGIES, Presence.ABSENT}:
        return _replace_start_marks(meeting, person_id, kind, None, who, _start_marks(meeting, person_id))
    if start_mark_correctable(meeting, person_id):
        raise DomainError(
            f"{who} was marked present before the business began, and the business has begun. "
            f"If they have left, mark them as leaving; if they were never here, correct their first "
            f"mark to “{_SAID[kind]}” (it then reads so from the start), or undo the mark.",
            "attendance",
        )
    raise DomainError(
        f"{who} has been in the room during the business, so cannot be recorded as “{_SAID[kind]}”: "
        "mark them as leaving instead.",
        "attendance",
    )


def correct_start_mark(
    meeting: Meeting, person_id: str, kind: EventKind, *, at: time | None = None, name: str = ""
) -> str:
    """After the business has begun, the deliberate correction of a roll-call mark that was
    wrong from the start ("all present", but one had sent apologies). Only a person with
    nothing recorded after their first mark: their presence for the items already taken
    changes with it, and the sentence says so."""
    who = name or person_id
    if kind not in START_MARKS:
        raise DomainError("A first mark is present, apologies or absent.", "attendance")
    if not start_mark_correctable(meeting, person_id):
        raise DomainError(
            f"{who} has movements recorded during the business: their first mark is not corrected. "
            "Undo those first, or mark what happened next.",
            "attendance",
        )
    said = _replace_start_marks(meeting, person_id, kind, at, who, _start_marks(meeting, person_id))
    return f"{said[:-1]}, from the start: this changes who was present for the items already taken."


def _movement(
    meeting: Meeting, person_id: str, kind: EventKind, item_id: str, at: time | None, who: str
) -> str:
    state = presence_for_item(meeting, person_id, item_id)
    if kind == EventKind.PRESENT:
        if state == Presence.IN_ROOM:
            raise DomainError(f"{who} is already in the room.", "attendance")
        kind = EventKind.RETURNED if state in {Presence.WITHDRAWN, Presence.LEFT} else EventKind.ARRIVED
    if state not in _ALLOWED_FROM[kind]:
        raise DomainError(_refusal(who, state, kind), "attendance")
    edit = Edit(meeting)
    also = ""
    if kind == EventKind.ARRIVED:
        for event in _start_marks(meeting, person_id):
            edit.remove(Target.ATTENDANCE, event)
            also = {
                EventKind.APOLOGIES: " (their apologies are withdrawn)",
                EventKind.ABSENT: " (no longer marked absent)",
            }.get(event.kind, "")
    if kind == EventKind.DEPARTED:
        for event in _expected_returns(meeting, person_id, item_id):
            edit.remove(Target.ATTENDANCE, event)
            also = " (so they do not come back after the item)"
    edit.insert(Target.ATTENDANCE, AttendanceEvent(person_id, kind, at=at, item_id=item_id))
    edit.commit(f"{who} {_MARKED[kind]}{_when(meeting, at, item_id)}{also}")
    clock = f" at {at:%H:%M}" if at else ""
    return f"{who}: {_SAID[kind]}{clock}{also}."


def _expected_returns(meeting: Meeting, person_id: str, item_id: str) -> list[AttendanceEvent]:
    """Returns a declaration put in for an item after this one: they have not happened yet."""
    positions = _positions(meeting)
    return [
        e
        for e in meeting.attendance
        if e.person_id == person_id
        and e.kind == EventKind.RETURNED
        and e.declaration_id
        and positions.get(e.item_id, -1) > positions[item_id]
    ]


def _refusal(who: str, state: Presence, kind: EventKind) -> str:
    """What cannot be recorded, and what to record instead."""
    if kind == EventKind.ARRIVED:
        if state == Presence.IN_ROOM:
            return f"{who} is already in the room."
        went = "withdrew" if state == Presence.WITHDRAWN else "left"
        return f"{who} {went} earlier: mark them as back in the room."
    if kind == EventKind.RETURNED:
        if state == Presence.IN_ROOM:
            return f"{who} is in the room."
        return f"{who} has not been in the room: mark them as arrived."
    if state == Presence.LEFT:
        return f"{who} has already left the meeting."
    if state == Presence.WITHDRAWN:
        return f"{who} is out of the room already: mark them as leaving the meeting, or back in the room."
    if state in {Presence.APOLOGIES, Presence.ABSENT}:
        return f"{who} is marked “{state.value}”: mark them as arrived if they came."
    return f"{who} has not been marked in the room: mark them present first."


# --- attendance: times and printed names ------------------------------------------------
def person_events(meeting: Meeting, person_id: str) -> list[tuple[int, AttendanceEvent]]:
    """The person's events with their place in ``meeting.attendance`` (what ``set_event_time`` takes)."""
    return [(i, e) for i, e in enumerate(meeting.attendance) if e.person_id == person_id]


def _taken_order(meeting: Meeting) -> dict[str | None, int]:
    """Items in the order they were taken (minutes are), then the rest in agenda order."""
    taken = [m.item_id for m in meeting.minutes if m.item_id]
    order: dict[str | None, int] = {None: -1}
    for item_id in taken + meeting.agenda_ids():
        order.setdefault(item_id, len(order) - 1)
    return order


def event_time_problem(meeting: Meeting, index: int, at: time) -> str | None:
    """Why ``at`` cannot be the time of event ``index`` (None: it can): not before the meeting
    began for an item, and in order with the items as they were taken and with the
    person's own marks."""
    event = meeting.attendance[index]
    if event.item_id is not None and meeting.start is not None and at < meeting.start:
        return (
            f"The meeting began at {meeting.start:%H:%M}: item {meeting.printed_number(event.item_id)} "
            f"was not under way at {at:%H:%M}."
        )
    order = _taken_order(meeting)
    place = order.get(event.item_id, len(order))
    for other_index, other in enumerate(meeting.attendance):
        if other_index == index or other.at is None:
            continue
        other_place = order.get(other.item_id, len(order))
        where = (
            f"during item {meeting.printed_number(other.item_id)}" if other.item_id else "before the business"
        )
        if other_place < place and other.at > at:
            return f"{at:%H:%M} is before {other.at:%H:%M}, recorded {where}, which came earlier."
        if other_place > place and other.at < at:
            return f"{at:%H:%M} is after {other.at:%H:%M}, recorded {where}, which came later."
        if other_place == place and other.person_id == event.person_id:
            if other_index < index and other.at > at:
                return f"{at:%H:%M} is before their mark “{_SAID[other.kind]}” at {other.at:%H:%M}."
            if other_index > index and other.at < at:
                return f"{at:%H:%M} is after their mark “{_SAID[other.kind]}” at {other.at:%H:%M}."
    return None


def set_event_time(meeting: Meeting, index: int, at: time | None, *, name: str = "") -> str:
    """Correct the time of one event (clerks often note arrivals late); None clears it."""
    if not 0 <= index < len(meeting.attendance):
        raise DomainError("There is no such attendance record.", "attendance")
    event = meeting.attendance[index]
    who = name or event.person_id
    if at is not None:
        problem = event_time_problem(meeting, index, at)
        if problem:
            raise DomainError(problem, "at")
    if event.at == at:
        return f"{who}: the time is unchanged."
    was = f"{event.at:%H:%M}" if event.at else "no time"
    edit = Edit(meeting)
    edit.replace(Target.ATTENDANCE, event, replace(event, at=at))
    now = f"at {at:%H:%M}" if at else "with no time"
    return edit.commit(f"{who}: “{_SAID[event.kind]}” {now} (was {was})")


def printed_name_of(meeting: Meeting, person_id: str) -> str:
    """The name these minutes print for the person, if the clerk gave one ("" for the usual)."""
    return next((e.printed_name for e in meeting.attendance if e.person_id == person_id), "")


def set_printed_name(meeting: Meeting, person_id: str, text: str, *, name: str = "") -> str:
    """The clerk's minutes name someone otherwise than the rule ("Buchanan" for a partner):
    every attendance record of theirs carries it. Empty text: the usual name."""
    who = name or person_id
    events = [e for e in meeting.attendance if e.person_id == person_id]
    if not events:
        raise DomainError("Mark them first: the printed name goes with their attendance.", "printed_name")
    printed = one_line(text)
    edit = Edit(meeting)
    for event in events:
        if event.printed_name != printed:
            edit.replace(Target.ATTENDANCE, event, replace(event, printed_name=printed))
    return edit.commit(f"{who} prints as “{printed}”" if printed else f"{who} prints with the usual name")


# --- declarations -----------------------------------------------------------------
def declare(
    meeting: Meeting,
    declaration: Declaration,
    *,
    at: time | None = None,
    stays_out: bool = False,
    name: str = "",
) -> str:
    """Record a declaration. A member who withdraws leaves the room for that item and,
    unless the clerk says otherwise, comes back when the next item is taken."""
    item = meeting.item(declaration.item_id)
    if any(d.id == declaration.id for d in meeting.declarations):
        raise DomainError("That declaration is already recorded.", "declaration")
    who = name or declaration.person_id
    edit = Edit(meeting)
    edit.insert(Target.DECLARATIONS, declaration)
    step = f"declaration of interest by {who} on “{item.title}”"
    if declaration.action != InterestAction.WITHDREW:
        edit.commit(step)
        return f"Declaration recorded on “{item.title}”."
    edit.insert(
        Target.ATTENDANCE,
        AttendanceEvent(
            declaration.person_id, EventKind.WITHDREW, at=at, item_id=item.id, declaration_id=declaration.id
        ),
    )
    following = _item_after(meeting, item.id)
    if following is not None and not stays_out:
        edit.insert(
            Target.ATTENDANCE,
            AttendanceEvent(
                declaration.person_id, EventKind.RETURNED, item_id=following.id, declaration_id=declaration.id
            ),
        )
        edit.commit(f"{step} (withdraws for it, back for “{following.title}”)")
        return f"Declaration recorded: withdraws for “{item.title}”, back for “{following.title}”."
    edit.commit(f"{step} (withdraws for it)")
    return f"Declaration recorded: withdraws for “{item.title}”."


def _item_after(meeting: Meeting, item_id: str) -> AgendaItem | None:
    ids = meeting.agenda_ids()
    index = ids.index(item_id)
    return meeting.agenda[index + 1] if index + 1 < len(ids) else None


def remove_declaration(meeting: Meeting, declaration_id: str, name: str = "") -> str:
    """Take a declaration out, with the withdrawal and return it put in."""
    declaration = next((d for d in meeting.declarations if d.id == declaration_id), None)
    if declaration is None:
        raise DomainError("There is no such declaration.", "declaration")
    edit = Edit(meeting)
    for event in [e for e in meeting.attendance if e.declaration_id == declaration_id]:
        edit.remove(Target.ATTENDANCE, event)
    edit.remove(Target.DECLARATIONS, declaration)
    return edit.commit(f"declaration by {name or declaration.person_id} removed")


# --- minutes ----------------------------------------------------------------------
def take_item(meeting: Meeting, item_id: str) -> Minute:
    """The minute of an agenda item, started when the clerk takes the item: minutes are
    numbered in the order items are taken."""
    existing = meeting.minute_for_item(item_id)
    if existing is not None:
        return existing
    item = meeting.item(item_id)
    minute = Minute(meeting.new_minute_id(), item.title, item.kind, item.id)
    edit = Edit(meeting)
    edit.insert(Target.MINUTES, minute)
    edit.commit(f"item {meeting.printed_number(item.id)}, “{item.title}”, taken")
    return minute


def resume_item(meeting: Meeting) -> str | None:
    """The item to show on opening the live meeting (or after an undo): the last one taken."""
    return next((m.item_id for m in reversed(meeting.minutes) if m.item_id), None)


def current_item_after(meeting: Meeting, current_item: str | None) -> str | None:
    """The item under way after an undo or redo: the same if its minute is still there."""
    if current_item is not None and meeting.minute_for_item(current_item) is not None:
        return current_item
    return resume_item(meeting)


_STATUS_SAID = {
    MinuteStatus.DEFERRED: "deferred",
    MinuteStatus.WITHDRAWN: "withdrawn",
    MinuteStatus.MINUTED: "minuted again",
}


def set_status(meeting: Meeting, minute_id: str, status: MinuteStatus) -> Minute:
    """Defer or withdraw an item (it keeps its record, takes no number), or minute it again."""
    minute = _minute(meeting, minute_id)
    edit = Edit(meeting)
    edit.set_minute(minute, "status", status)
    edit.commit(f"“{minute.title}” {_STATUS_SAID[status]}")
    return minute


def _minute(meeting: Meeting, minute_id: str) -> Minute:
    for minute in meeting.minutes:
        if minute.id == minute_id:
            return minute
    raise DomainError(f"There is no minute {minute_id!r}.", "minute")


def _election_minute(meeting: Meeting) -> Minute | None:
    return next((m for m in meeting.minutes if m.kind == ItemKind.ELECTION_OF_CHAIR), None)


def elect_chair_question(meeting: Meeting, committee: Committee, name: str, chair_name: str = "") -> str:
    """The sentence to confirm before ``elect_chair``: what it does to the minutes, and a
    warning when the committee's own Chair is in the room."""
    chair = next((m for m in committee.memberships_on(meeting.date) if m.role == Role.CHAIR), None)
    warning = ""
    if chair is not None and presence_now(meeting, chair.person_id) == Presence.IN_ROOM:
        warning = f"The committee's Chair, {chair_name or chair.person_id}, is marked present. "
    if _election_minute(meeting) is not None:
        return (
            f"{warning}Elect {name} Chair for this meeting? "
            "The minute “Election of Chair” is reworded for them."
        )
    return (
        f"{warning}Elect {name} Chair for this meeting? “Election of Chair” becomes the first minute "
        "and every minute after it moves up one number."
    )


def elect_chair(meeting: Meeting, committee: Committee, person_id: str, name: str) -> Minute:
    """The Chair is absent: a chair is elected for the meeting, as the first minute."""
    text = f"{name} be elected Chair for this meeting of the {committee.name}"
    edit = Edit(meeting)
    edit.set_meeting("chair_id", person_id)
    minute = _election_minute(meeting)
    if minute is not None:
        edit.set_minute(minute, "resolution", Resolution([text]))
    else:
        minute = Minute(
            meeting.new_minute_id(),
            STANDARD_TITLES[ItemKind.ELECTION_OF_CHAIR],
            ItemKind.ELECTION_OF_CHAIR,
            resolution=Resolution([text]),
        )
        edit.insert(Target.MINUTES, minute, 0)
    edit.commit(f"{name} elected Chair for this meeting")
    return minute


def unelect_chair(meeting: Meeting, name: str = "") -> str:
    """An election of a chair made by mistake, found later than an undo reaches: the
    committee's Chair is in the Chair again, and the minute the election added goes (the
    minutes after it move back one number). A minute with a narrative typed is kept."""
    added = next(
        (m for m in meeting.minutes if m.kind == ItemKind.ELECTION_OF_CHAIR and m.item_id is None), None
    )
    if meeting.chair_id is None and added is None:
        raise DomainError("No chair was elected for this meeting.", "chair")
    if added is not None and added.narrative:
        raise DomainError(
            "The minute “Election of Chair” has a narrative typed: clear it first, or withdraw it.", "chair"
        )
    edit = Edit(meeting)
    edit.set_meeting("chair_id", None)
    if added is not None:
        edit.remove(Target.MINUTES, added)
    on_agenda = _election_minute(meeting)
    kept = ""
    if on_agenda is not None and on_agenda.item_id is not None:
        number = meeting.printed_number(on_agenda.item_id)
        kept = f" The minute of item {number}, “{on_agenda.title}”, is kept: defer or withdraw it if need be."
    who = f" of {name}" if name else ""
    edit.commit(f"election{who} as Chair removed")
    return f"The election{who} as Chair is removed: the committee's Chair is in the Chair.{kept}"


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
    run = exempt_run(meeting, meeting.agenda_ids().index(item_id))
    paragraphs = sorted({p for exempt in run for p in exempt.exempt_paragraphs})
    return ExclusionProposal(paragraphs, len(run), exclusion_resolution(paragraphs, len(run)))


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
    edit = Edit(meeting)
    edit.insert(Target.MINUTES, minute)
    edit.commit("exclusion of the press and public minuted")
    return minute


# --- minute options -----------------------------------------------------------------
def _options_said(options: MinuteOptions, changed: set[str]) -> list[str]:
    words = {
        "title": f"heading “{options.title}”",
        "lead": options.lead.value,
        "opening": f"opens “{options.opening}”" if options.opening else "no opening word",
        "print_lead": f"{'with' if options.print_lead else 'without'} its {options.lead.value} line",
        "and_before_last": f"{'“; and”' if options.and_before_last else 'no “; and”'} before the last part",
        "final_full_stop": f"{'a' if options.final_full_stop else 'no'} full stop at the end",
    }
    return [words[name] for name in words if name in changed]


def apply_options(meeting: Meeting, minute_id: str, options: MinuteOptions) -> str:
    """How one minute prints, where it departs from the house rule (the options dialog)."""
    minute = _minute(meeting, minute_id)
    title = one_line(options.title)
    if not title.strip():
        raise DomainError("A minute needs a title.", "title")
    options = replace(options, title=title, opening=one_line(options.opening))
    edit = Edit(meeting)
    edit.set_minute(minute, "title", options.title)
    if minute.resolution is not None:
        for name in ("lead", "opening", "print_lead", "and_before_last", "final_full_stop"):
            edit.set_minute(minute, f"resolution.{name}", getattr(options, name))
    changed = {change.path.removeprefix("resolution.") for change in edit.changes}
    if not changed:
        return f"“{minute.title}”: nothing changed."
    said = ", ".join(_options_said(options, changed))
    edit.commit(f"minute options of “{title}” ({said})")
    return f"“{title}”: {said}."


# --- resolutions as typed -----------------------------------------------------------
def parts_from_text(text: str) -> list[str]:
    """One part per line, as typed, with its sub-items ("- item", "o item" or indented) on
    the lines under it; numbers, "That" and the end punctuation are the printer's."""
    return parse_resolution_parts(text)


def text_from_parts(resolution: Resolution | None) -> str:
    return "\n".join(resolution.parts) if resolution else ""


def opening_for(parts: list[str]) -> str:
    """The statutory exclusion wording reads "That, under Section 100A(4) ..."."""
    return "That," if len(parts) == 1 and parts[0].lower().startswith("under section 100a") else "That"


def write_minute(minute: Minute, narrative: str, resolution: str, lead: ResolutionLead) -> str:
    """The minute as the editor holds it: the narrative's blocks, and the resolution one part
    per line (a new one opens with "That", or "That," for the statutory exclusion; an
    existing one keeps its options). Typing is not a step of the undo history: the text
    boxes have their own undo. Returns what was removed as unsafe ("" when nothing was)."""
    narrative_clean, resolution_clean = clean(narrative), clean(resolution)
    minute.narrative = parse_narrative(narrative_clean.text)
    parts = parts_from_text(resolution_clean.text)
    if not parts:
        minute.resolution = None
    elif minute.resolution is None:
        minute.resolution = Resolution(parts, lead=lead, opening=opening_for(parts))
    else:
        minute.resolution.parts = parts
        minute.resolution.lead = lead
    removed = [(narrative_clean, "the narrative"), (resolution_clean, "the resolution")]
    return " ".join(text.message(where) for text, where in removed if text.changed)


def minute_has_text(minute: Minute) -> bool:
    """The clerk wrote something in it (a narrative or a resolution)."""
    return bool(minute.narrative) or minute.resolution is not None


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
    "DURING_AN_ITEM",
    "LEAVES",
    "NOT_HERE",
    "START_MARKS",
    "ActionArising",
    "ExclusionProposal",
    "Presence",
    "actions_arising",
    "all_present",
    "apply_options",
    "correct_start_mark",
    "current_item_after",
    "declare",
    "elect_chair",
    "elect_chair_question",
    "event_time_problem",
    "exclusion_needed",
    "mark",
    "minute_has_text",
    "opening_for",
    "parts_from_text",
    "pass_exclusion",
    "person_events",
    "presence_for_item",
    "presence_now",
    "printed_name_of",
    "record",
    "remove_declaration",
    "resume_item",
    "set_event_time",
    "set_printed_name",
    "set_status",
    "standing_event",
    "start_mark_correctable",
    "take_item",
    "text_from_parts",
    "undo_last",
    "unelect_chair",
    "write_minute",
]
