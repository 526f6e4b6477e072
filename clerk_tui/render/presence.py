"""Who was present for what, as the minutes say it: late arrivals, departures before the
end, members who declared an interest and withdrew, and the officers in attendance.

Everything here is derived from the attendance timeline and the declarations (never
typed twice), and printed in the committee's own words (``HouseStyle``): each kind of
note is off, at the head of its item's minute ("... during consideration of this
item."), or a note after the PRESENT block ("... during consideration of Minute No.
5."). The seeds print none of these, so every one is off by default.

A public copy says nothing of presence during exempt (Part 2) business: its meeting
arrives with that attendance left out (render.public), and the notes of declarations on
exempt items, which the public copy keeps by kind, are left out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.domain import (
    AttendanceEvent,
    Declaration,
    EventKind,
    InterestAction,
    InterestKind,
    Minute,
    PresencePlacement,
)
from clerk_tui.domain.wording import fill
from clerk_tui.render.document import Paragraph
from clerk_tui.render.names import Named, join_names, minutes_name, titled
from clerk_tui.render.papers import MeetingPapers

THIS_ITEM = "this item"

_INTEREST_WORDS = {
    InterestKind.DISCLOSABLE_PECUNIARY: "a disclosable pecuniary interest",
    InterestKind.PERSONAL: "a personal interest",
    InterestKind.OTHER: "an interest",
}


@dataclass(frozen=True)
class PresenceNote:
    """One thing the minutes say about someone's presence, tied to the item it happened in."""

    item_id: str
    placement: PresencePlacement
    wording: str
    """The house's template, gaps {name}, {item} (and {interest}, {nature} for a withdrawal)."""
    name: str
    interest: str = ""
    nature: str = ""

    def text(self, item: str) -> str:
        return fill(self.wording, name=self.name, item=item, interest=self.interest, nature=self.nature)


def presence_notes(papers: MeetingPapers) -> list[PresenceNote]:
    """Every note the house style prints, in meeting order (the item's place on the agenda,
    then the order things were recorded)."""
    style = papers.style
    notes: list[PresenceNote] = []
    for event in papers.meeting.attendance:
        if event.item_id is None:
            continue  # before the business began: they are simply present
        if event.kind == EventKind.ARRIVED and style.arrivals != PresencePlacement.OFF:
            notes.append(
                PresenceNote(event.item_id, style.arrivals, style.arrival_wording, _name(papers, event))
            )
        elif event.kind == EventKind.DEPARTED and style.departures != PresencePlacement.OFF:
            notes.append(
                PresenceNote(event.item_id, style.departures, style.departure_wording, _name(papers, event))
            )
    if style.withdrawals != PresencePlacement.OFF:
        notes.extend(_withdrawal(papers, d) for d in papers.meeting.declarations if _withdrew(d))
    if papers.public:  # exempt stays exempt: nothing is said of who was there for Part 2
        exempt = {item.id for item in papers.meeting.agenda if item.exempt}
        notes = [note for note in notes if note.item_id not in exempt]
    positions = {item_id: index for index, item_id in enumerate(papers.meeting.agenda_ids())}
    return sorted(notes, key=lambda note: positions.get(note.item_id, len(positions)))


def _withdrew(declaration: Declaration) -> bool:
    return declaration.action == InterestAction.WITHDREW


def _withdrawal(papers: MeetingPapers, declaration: Declaration) -> PresenceNote:
    style = papers.style
    person = papers.person(declaration.person_id)
    name = declaration.printed_name or titled(
        Named(minutes_name(person, style, committee_id=papers.committee.id), person.councillor), style
    )
    return PresenceNote(
        declaration.item_id,
        style.withdrawals,
        style.withdrawal_wording,
        name,
        _INTEREST_WORDS[declaration.kind],
        declaration.nature.strip().rstrip("."),
    )


def _name(papers: MeetingPapers, event: AttendanceEvent) -> str:
    person = papers.person(event.person_id)
    name = minutes_name(person, papers.style, event.printed_name, papers.committee.id)
    return titled(Named(name, person.councillor), papers.style)


def notes_after_present(papers: MeetingPapers, numbers: dict[str, int]) -> list[Paragraph]:
    """The notes printed after PRESENT, each naming its minute ("Minute No. 5")."""
    return [
        Paragraph(note.text(_item_reference(papers, note.item_id, numbers)))
        for note in presence_notes(papers)
        if note.placement == PresencePlacement.AFTER_PRESENT
    ]


def notes_in_minute(papers: MeetingPapers, minute: Minute, numbers: dict[str, int]) -> list[Paragraph]:
    """The notes printed at the head of this minute ("... during consideration of this item.").

    A note whose item has no numbered minute (deferred, or never taken) has no minute to sit
    in: it is printed after PRESENT instead, naming the item, so that nothing recorded is lost."""
    if minute.item_id is None:
        return []
    return [
        Paragraph(note.text(THIS_ITEM))
        for note in presence_notes(papers)
        if note.placement == PresencePlacement.IN_MINUTE and note.item_id == minute.item_id
    ]


def notes_without_a_minute(papers: MeetingPapers, numbers: dict[str, int]) -> list[Paragraph]:
    """In-minute notes of items that print no numbered minute, said after PRESENT instead."""
    printed = {m.item_id for m in papers.meeting.numbered_minutes() if m.item_id}
    return [
        Paragraph(note.text(_item_reference(papers, note.item_id, numbers)))
        for note in presence_notes(papers)
        if note.placement == PresencePlacement.IN_MINUTE and note.item_id not in printed
    ]


def _item_reference(papers: MeetingPapers, item_id: str, numbers: dict[str, int]) -> str:
    """ "Minute No. 5", or the item's title where it has no number ("the item “Appeal Decisions”")."""
    minute = papers.meeting.minute_for_item(item_id)
    if minute is not None and minute.id in numbers:
        return f"Minute No. {numbers[minute.id]}"
    item = next((i for i in papers.meeting.agenda if i.id == item_id), None)
    return f"the item “{item.title}”" if item else "an item"


def officers_block(papers: MeetingPapers) -> Paragraph | None:
    """``OFFICERS PRESENT: Paul Smith (Head of Planning Services) and Rachel Green (Principal
    Solicitor).``: the officers in attendance with their posts, in the order recorded."""
    style = papers.style
    if not style.officers_in_attendance:
        return None
    seen: dict[str, AttendanceEvent] = {}
    for event in papers.meeting.attendance:
        if event.kind == EventKind.OFFICER and event.person_id not in seen:
            seen[event.person_id] = event
    if not seen:
        return None
    entries = []
    for event in seen.values():
        person = papers.person(event.person_id)
        name = event.printed_name or minutes_name(person, style, committee_id=papers.committee.id)
        post = event.capacity.strip() or person.job_title.strip()
        entries.append(f"{name} ({post})" if post else name)
    return Paragraph(f"{style.officers_label.strip().rstrip(':')}: {join_names(entries)}.")
