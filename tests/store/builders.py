"""Small domain objects for the store tests (and the kill-test child)."""

from __future__ import annotations

from datetime import date, time

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    EventKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    Person,
    Resolution,
    Role,
    Venue,
)
from clerk_tui.domain.record import Confirmation, FrozenCopy, Revision, Signature, digest


def committee(committee_id: str = "hwb", name: str = "Health and Wellbeing Board") -> Committee:
    board = Committee(committee_id, name, noun="the Board", quorum=3)
    board.add_member(Membership("carla-thomas", Role.CHAIR))
    board.add_member(Membership("ian-moncur"))
    return board


def person(person_id: str = "carla-thomas", name: str = "Carla Thomas") -> Person:
    return Person(person_id, name, councillor=True, organisation="Sefton Council")


def meeting(
    meeting_id: str = "hwb-2019-06-12",
    committee_id: str = "hwb",
    day: date = date(2019, 6, 12),
    *,
    minutes: int = 1,
    status: MeetingStatus = MeetingStatus.DRAFT_AGENDA,
) -> Meeting:
    result = Meeting(
        meeting_id,
        committee_id,
        day,
        start=time(14, 0),
        venue=Venue("Committee Room", "Bootle Town Hall"),
        status=status,
    )
    result.add_item(AgendaItem("item-1", "Apologies for Absence", kind=ItemKind.APOLOGIES))
    result.add_item(AgendaItem("item-2", "Better Care Fund", report_of="the Director"))
    result.attendance.append(AttendanceEvent("carla-thomas", EventKind.PRESENT))
    for number in range(1, minutes + 1):
        result.minutes.append(
            Minute(
                f"minute-{number}",
                f"Minute {number}",
                item_id="item-2",
                narrative=[Block(BlockKind.PARAGRAPH, text="The Board considered the report.")],
                resolution=Resolution(["the report be noted"]),
            )
        )
    return result


def circulated(meeting: Meeting, text: str = "The minutes as sent.", revisions: int = 1) -> Meeting:
    """The meeting with its minutes circulated (``revisions`` times), as approval.circulate leaves it."""
    for number in range(len(meeting.record.revisions) + 1, revisions + 1):
        sent = f"{text} ({number})"
        meeting.record.revisions.append(Revision(number, date(2019, 6, 20), sent, digest(sent), "the Chair"))
    return meeting


def signed(meeting: Meeting, text: str = "The minutes as signed.") -> Meeting:
    """The meeting with its minutes circulated, confirmed and signed by the Chair. The store
    checks only what the record holds, so the frozen copy is a stand-in, hashed as signing does."""
    circulated(meeting)
    meeting.record.confirmation = Confirmation("hwb-2019-09-11", "minute-1", date(2019, 9, 11), 1)
    meeting.record.signature = Signature(
        "Councillor Thomas", date(2019, 9, 11), FrozenCopy.of(text, '{"blocks": []}'), chair_id="carla-thomas"
    )
    meeting.status = MeetingStatus.APPROVED
    return meeting
