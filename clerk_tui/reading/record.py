"""What a printed paper says about a meeting: the part of the record a reader can get
back, and so what "the same meeting" means for import(print(meeting)).

Printed minutes do not show the agenda's "Report of" lines, the clerk's notes, the
start time, the officer, the meeting's status, ids, or a declaration's action; a front
sheet shows no attendance or minutes. Everything a paper does show is here, each as it
prints (a person by id and the name the paper gives them), so two meetings whose
records are equal print the same paper in the same house style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk_tui.domain import (
    Block,
    BlockKind,
    Committee,
    CouncillorNames,
    EventKind,
    HouseStyle,
    InterestAction,
    ItemKind,
    Meeting,
    OrganisationStyle,
    Person,
    PresencePlacement,
    Resolution,
    Role,
    SkippedItems,
)
from clerk_tui.domain.exclusion import exclusion_after


@dataclass(frozen=True)
class Names:
    people: Mapping[str, Person]
    committee: Committee
    day: date | None = None
    """The paper's date: people are named as they were then."""

    def minutes_name(self, person_id: str, printed: str = "") -> str:
        person = self.people.get(person_id)
        if printed or person is None:
            return printed or person_id
        if self.day is not None:
            person = person.as_on(self.day)
        if person.councillor and self.committee.style.councillor_names == CouncillorNames.SHORT:
            return person.minutes_short_name()
        return person.name_with_honours()

    def councillor(self, person_id: str) -> bool:
        person = self.people.get(person_id)
        return bool(person and person.councillor)

    def organisation(self, person_id: str, on_event: str = "") -> str:
        if self.committee.style.organisations_in_minutes == OrganisationStyle.NONE:
            return ""
        person = self.people.get(person_id)
        return on_event or (person.organisation if person else "")


def _chair(meeting: Meeting, committee: Committee) -> str | None:
    if meeting.chair_id:
        return meeting.chair_id
    present = {e.person_id for e in meeting.attendance if e.kind in (EventKind.PRESENT, EventKind.ARRIVED)}
    for membership in committee.memberships_on(meeting.date):
        if membership.role == Role.CHAIR and membership.person_id in present:
            return membership.person_id
    return None


def _block(block: Block) -> tuple[Any, ...]:
    if block.kind == BlockKind.PARAGRAPH:
        return (block.kind, " ".join(block.text.split()))
    if block.kind == BlockKind.TABLE:
        return (block.kind, tuple(tuple(cell.strip() for cell in row) for row in block.rows))
    levels = tuple(block.level_of(index) for index in range(len(block.items)))
    return (block.kind, tuple(" ".join(item.split()) for item in block.items), levels if any(levels) else ())


def _resolution(resolution: Resolution | None, capitalise: bool) -> tuple[Any, ...] | None:
    if resolution is None:
        return None
    parts = list(resolution.parts)
    if capitalise and len(parts) > 1:
        parts = [part[:1].upper() + part[1:] for part in parts]
    return (
        resolution.lead,
        resolution.opening,
        tuple(parts),
        resolution.print_lead,
        resolution.and_before_last if len(parts) > 1 else None,
        resolution.final_full_stop,
    )


def minutes_record(
    meeting: Meeting,
    committee: Committee,
    people: Mapping[str, Person],
    first_minute_number: int | None = None,
) -> dict[str, Any]:
    """Everything printed minutes say, as comparable values. ``first_minute_number``: the
    number the store gives the meeting's first minute (default: the meeting's own, or 1)."""
    names = Names(people, committee, meeting.date)
    style = committee.style
    vice = {m.person_id for m in committee.memberships_on(meeting.date) if m.role == Role.VICE_CHAIR}
    attendance: dict[str, set[tuple[Any, ...]]] = {}
    seen: set[tuple[str, str]] = set()
    for event in meeting.attendance:
        group = (
            "present" if event.kind in (EventKind.PRESENT, EventKind.SUBSTITUTE, EventKind.ARRIVED) else ""
        )
        group = group or {EventKind.APOLOGIES: "apologies", EventKind.ALSO_PRESENT: "also present"}.get(
            event.kind, ""
        )
        if not group or (event.person_id, group) in seen:
            continue
        seen.add((event.person_id, group))
        entry = (
            event.person_id,
            names.minutes_name(event.person_id, event.printed_name),
            names.councillor(event.person_id),
            names.organisation(event.person_id, event.organisation) if group != "also present" else "",
            event.capacity if group == "also present" else "",
            event.for_person_id if event.kind == EventKind.SUBSTITUTE else None,
            event.person_id in vice and group == "present" and style.vice_chair_line,
        )
        attendance.setdefault(group, set()).add(entry)
    numbers = meeting.minute_numbers(first_minute_number or meeting.first_minute_number or 1)
    items = {item.id: item for item in meeting.agenda}
    minute_of_item = {m.item_id: m for m in meeting.minutes if m.item_id}
    minutes = []
    for minute in meeting.numbered_minutes():
        item = items.get(minute.item_id or "")
        resolution = minute.resolution
        if resolution is None and minute.kind == ItemKind.EXCLUSION:
            resolution = exclusion_after(meeting, minute.item_id)
        minutes.append(
            (
                numbers[minute.id],
                minute.title.upper(),
                minute.kind if minute.kind in (ItemKind.APOLOGIES, ItemKind.DECLARATIONS) else None,
                tuple(_block(block) for block in minute.narrative),
                _resolution(resolution, style.capitalise_resolution_parts),
                tuple(sorted(item.exempt_paragraphs)) if item is not None and item.exempt else (),
            )
        )
    declarations = sorted(
        (
            declaration.person_id,
            numbers.get(minute_of_item[declaration.item_id].id)
            if declaration.item_id in minute_of_item
            else None,
            items[declaration.item_id].title if declaration.item_id in items else "",
            declaration.nature_cell(),
            declaration.printed_name
            or (
                f"Councillor {names.minutes_name(declaration.person_id)}"
                if names.councillor(declaration.person_id)
                else (
                    people[declaration.person_id].name_with_honours()
                    if declaration.person_id in people
                    else ""
                )
            ),
        )
        for declaration in meeting.declarations
    )
    return {
        "presence": _presence(meeting, style, numbers),
        "officers": _officers(meeting, style, people),
        "skipped": _skipped(meeting, style),
        "committee": committee.name.upper(),
        "date": meeting.date,
        "venue": meeting.venue.for_minutes().upper(),
        "banner": style.call_in_wording if style.call_in_banner else "",
        "chair": _chair(meeting, committee),
        "attendance": attendance,
        "minutes": minutes,
        "declarations": declarations,
    }


def _presence(meeting: Meeting, style: HouseStyle, numbers: Mapping[str, int]) -> set[tuple[Any, ...]]:
    """Who came, left or withdrew during which item, as far as the house prints it."""
    items = {item.id: item.title for item in meeting.agenda}
    shown = {
        EventKind.ARRIVED: style.arrivals != PresencePlacement.OFF,
        EventKind.DEPARTED: style.departures != PresencePlacement.OFF,
    }
    found: set[tuple[Any, ...]] = {
        (event.person_id, event.kind, items.get(event.item_id, ""))
        for event in meeting.attendance
        if event.item_id is not None and shown.get(event.kind, False)
    }
    if style.withdrawals != PresencePlacement.OFF:
        found |= {
            (declaration.person_id, InterestAction.WITHDREW, items.get(declaration.item_id, ""))
            for declaration in meeting.declarations
            if declaration.action == InterestAction.WITHDREW
        }
    return found


def _officers(
    meeting: Meeting, style: HouseStyle, people: Mapping[str, Person]
) -> tuple[tuple[str, str], ...]:
    """The officers in attendance and the posts printed beside them, in the order recorded."""
    if not style.officers_in_attendance:
        return ()
    seen: dict[str, str] = {}
    for event in meeting.attendance:
        person = people.get(event.person_id)
        post = event.capacity.strip() or (person.job_title.strip() if person else "")
        if event.kind == EventKind.OFFICER:
            seen.setdefault(event.person_id, post)
    return tuple(seen.items())


def _skipped(meeting: Meeting, style: HouseStyle) -> tuple[tuple[Any, ...], ...]:
    """The deferred and withdrawn items, where the house prints them."""
    if style.skipped_items != SkippedItems.HEADING_AND_SENTENCE:
        return ()
    return tuple(
        (
            minute.title.upper(),
            minute.status,
            tuple(_block(block) for block in minute.narrative),
            _resolution(minute.resolution, style.capitalise_resolution_parts),
        )
        for minute in meeting.minutes
        if not minute.numbered
    )


def front_sheet_record(
    meeting: Meeting, committee: Committee, people: Mapping[str, Person]
) -> dict[str, Any]:
    """Everything a front sheet says, as comparable values (which items are exempt, and why,
    too: the public copy says so of each, the confidential copy by its marking)."""
    members = []
    for membership in committee.memberships_on(meeting.date):
        person = people.get(membership.person_id)
        members.append(
            (
                membership.person_id,
                membership.role,
                person.front_sheet_name() if person else "",
                person.organisation if person and membership.role == Role.CO_OPTED else "",
            )
        )
    officer = meeting.officer if not meeting.officer.is_empty() else committee.officer
    agenda = [
        (
            item.label or str(position),
            item.title,
            item.kind == ItemKind.DECLARATIONS,
            item.pages,
            item.to_follow,
            item.description,
            item.report_of,
            item.presentation_of,
            item.presenter.rstrip(". "),
            tuple(sorted(item.exempt_paragraphs)) if item.exempt else (),
        )
        for position, item in enumerate(meeting.agenda, start=1)
    ]
    return {
        "committee": committee.name.upper(),
        "date": meeting.date,
        "start": meeting.start,
        "venue": meeting.venue.front_sheet(),
        "officer": (officer.name, officer.job_title, officer.telephone, officer.email),
        "members": sorted(members, key=lambda m: m[0]),
        "agenda": agenda,
    }
