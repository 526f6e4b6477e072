"""What the live meeting screen shows, worked out from the meeting: pure, so that it is
tested without a terminal and the screen only puts it on the page.

- ``attendance_view``: one line a person (as the attendance panel's rows), the quorum and
  where the meeting is, all as they stand during the current item: a member who withdrew
  for it shows "withdrawn" even if their return is already recorded for the next item.
- ``minute_heading``: the editor's heading and the confidential line of an exempt item.
- ``standard_text``: what the printer writes for a minute the clerk writes nothing in.
- ``agenda_rows``: the agenda column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from clerk_tui.domain import AttendanceEvent, EventKind, ItemKind, Meeting, Minute, Role
from clerk_tui.domain.attendance import QuorumState, quorum_for_item
from clerk_tui.domain.live import Presence, presence_for_item, standing_event
from clerk_tui.domain.phrases import join_numbers
from clerk_tui.render.document import Emphasis, ItemList, Paragraph, Table
from clerk_tui.render.fit import shorten
from clerk_tui.render.minutes import build_minutes
from clerk_tui.render.papers import MeetingPapers
from clerk_tui.render.text import block_lines

ROLE_LABELS = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.SUBSTITUTE: "Substitute",
    Role.CO_OPTED: "Co-opted",
}
_ATTENDEE_ROLES = {
    EventKind.ALSO_PRESENT: "Also present",
    EventKind.OFFICER: "Officer",
    EventKind.SUBSTITUTE: "Substitute",
}
STANDARD_KINDS = frozenset({ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.EXCLUSION})
"""Minutes the printer words itself when the clerk writes nothing."""


@dataclass(frozen=True)
class AttendanceLine:
    """One person as the attendance panel shows them (the fields of its ``AttendanceRow``)."""

    person_id: str
    name: str
    role: str
    presence: str
    """"present", "arrived", "returned", "withdrawn", "left", "apologies", "absent",
    "not recorded", "substitute for Cllr. Ann Jones"."""
    note: str = ""
    """The mark that put them there: "arrived 18:42 item 4", "withdrew 19:05 item 6 interest"."""
    counts: bool = True


@dataclass(frozen=True)
class AttendanceView:
    rows: tuple[AttendanceLine, ...]
    quorum: QuorumState
    where: str
    """"Before the business" or "Now: 4. Report A"."""


def attendance_view(papers: MeetingPapers, current_item: str | None) -> AttendanceView:
    """Members in the house order, then anyone else recorded (substitutes, officers, guests),
    each as they stand during ``current_item`` (None: before the business)."""
    meeting, committee = papers.meeting, papers.committee
    voting = {m.person_id for m in committee.memberships_on(meeting.date) if m.counts_for_quorum()}
    rows: list[AttendanceLine] = []
    listed: set[str] = set()
    for membership in papers.members_in_order():
        person_id = membership.person_id
        rows.append(_line(papers, person_id, ROLE_LABELS[membership.role], person_id in voting, current_item))
        listed.add(person_id)
    for event in meeting.attendance:
        if event.person_id in listed:
            continue
        listed.add(event.person_id)
        role = _ATTENDEE_ROLES.get(event.kind, "Guest")
        rows.append(_line(papers, event.person_id, role, event.kind == EventKind.SUBSTITUTE, current_item))
    quorum = quorum_for_item(meeting.attendance, meeting.agenda_ids(), current_item, voting, committee.quorum)
    where = "Before the business"
    if current_item is not None:
        where = f"Now: {meeting.printed_number(current_item)}. {meeting.item(current_item).title}"
    return AttendanceView(tuple(rows), quorum, where)


def _name(papers: MeetingPapers, person_id: str) -> str:
    person = papers.people.get(person_id)
    return person.front_sheet_name() if person else person_id


def _line(
    papers: MeetingPapers, person_id: str, role: str, counts: bool, current_item: str | None
) -> AttendanceLine:
    meeting = papers.meeting
    presence = presence_for_item(meeting, person_id, current_item)
    event = standing_event(meeting, person_id, current_item)
    label = presence.value
    if presence == Presence.IN_ROOM and event is not None:
        substitute = next(
            (e for e in meeting.attendance if e.person_id == person_id and e.kind == EventKind.SUBSTITUTE),
            None,
        )
        if substitute is not None and substitute.for_person_id:
            label = f"substitute for {_name(papers, substitute.for_person_id)}"
        elif event.kind in {EventKind.ARRIVED, EventKind.RETURNED}:
            label = event.kind.value
    note = event_note(meeting, event) if event is not None else ""
    return AttendanceLine(person_id, _name(papers, person_id), role, label, note, counts)


def event_note(meeting: Meeting, event: AttendanceEvent) -> str:
    """``arrived 18:42 item 4``; ``withdrew 19:05 item 6 interest``."""
    when = f"{event.at:%H:%M}" if event.at else ""
    where = f"item {meeting.printed_number(event.item_id)}" if event.item_id else ""
    detail = "interest" if event.declaration_id else event.capacity
    return " ".join(part for part in (event.kind.value, when, where, detail) if part)


# --- the minute being written ------------------------------------------------------------
@dataclass(frozen=True)
class MinuteHeading:
    heading: str
    """``14. BETTER CARE FUND`` or ``APPEAL DECISIONS (not numbered: deferred)``."""
    confidential: str
    """The warning over an exempt item's minute; "" for a public one."""


def minute_heading(meeting: Meeting, minute: Minute, first_number: int) -> MinuteHeading:
    number = meeting.minute_numbers(first_number).get(minute.id)
    title = minute.title.upper()
    heading = f"{number}. {title}" if number else f"{title} (not numbered: {minute.status.value})"
    item = next((i for i in meeting.agenda if i.id == minute.item_id), None)
    confidential = ""
    if item is not None and item.exempt:
        word = "paragraph" if len(item.exempt_paragraphs) == 1 else "paragraphs"
        confidential = (
            f"CONFIDENTIAL: exempt under {word} {join_numbers(item.exempt_paragraphs)} of "
            "Part 1 of Schedule 12A; never printed in a public export"
        )
    return MinuteHeading(heading, confidential)


def standard_text(papers: MeetingPapers, minute_id: str) -> str:
    """What the printer writes for this minute when the clerk writes nothing ("" for a
    minute the clerk must write, or one not numbered). Worked out from the meeting as it
    is now, so text the clerk has just deleted is never shown."""
    meeting = papers.meeting
    minute = next((m for m in meeting.minutes if m.id == minute_id), None)
    if minute is None or minute.kind not in STANDARD_KINDS:
        return ""
    number = meeting.minute_numbers(papers.first_minute_number).get(minute_id)
    if number is None:
        return ""
    unwritten = [replace(m, narrative=[]) if m.id == minute_id else m for m in meeting.minutes]
    probe = replace(papers, meeting=replace(meeting, minutes=unwritten), warnings=[])
    heading = f"{number}. {minute.title.upper()}"
    lines: list[str] = []
    collecting = False
    for block in build_minutes(probe).blocks:
        if isinstance(block, Paragraph) and block.emphasis == Emphasis.HEADING:
            if collecting:
                break
            collecting = block.text == heading
            continue
        if collecting and isinstance(block, Paragraph | ItemList | Table):
            lines.extend(block_lines(block, 0))
    return "\n".join(lines)


# --- the agenda column -----------------------------------------------------------------
@dataclass(frozen=True)
class AgendaLine:
    item_id: str
    marker: str
    """"▶" on the item under way."""
    number: str
    title: str
    minute: str
    """Its minute number, "deferred"/"withdrawn", or "" while not taken."""


def agenda_rows(
    meeting: Meeting,
    first_number: int,
    current_item: str | None,
    title_width: int = 26,
    *,
    column_width: int | None = None,
) -> tuple[AgendaLine, ...]:
    """The agenda column, each title in ``title_width`` characters (an exempt item's
    "[P2]" within them), cut after a whole word; given ``column_width``, in what a column
    that wide leaves for the titles (:func:`agenda_title_width`)."""
    numbers = meeting.minute_numbers(first_number)
    whole = []
    for item in meeting.agenda:
        minute = meeting.minute_for_item(item.id)
        number = "" if minute is None else str(numbers.get(minute.id, minute.status.value))
        marker = "▶" if item.id == current_item else ""
        whole.append((item, AgendaLine(item.id, marker, meeting.printed_number(item.id), item.title, number)))
    if column_width is not None:
        title_width = agenda_title_width(column_width, [line for _, line in whole])
    return tuple(
        replace(
            line,
            title=shorten(item.title, title_width - 5) + " [P2]"
            if item.exempt
            else shorten(item.title, title_width),
        )
        for item, line in whole
    )


def agenda_title_width(column_width: int, rows: Sequence[AgendaLine]) -> int:
    """The title width that lets the agenda column show all three of its columns whole:
    the column's width less its border, each cell's padding, the widest "No." and the
    widest "Min." ("deferred" and "withdrawn" are wider than a number). Never under 10."""
    number = max([len("No."), *(len(f"{row.marker or ' '}{row.number}") for row in rows)])
    minute = max([len("Min."), *(len(row.minute) for row in rows)])
    return max(10, column_width - 8 - number - minute)
