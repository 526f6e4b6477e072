"""A meeting half recorded still prints: placeholders in the text, warnings beside it."""

from __future__ import annotations

from datetime import date

from clerk_tui.domain import AgendaItem, Declaration, ItemKind, Meeting, Minute
from clerk_tui.render import MeetingPapers, PrintOptions, print_agenda, print_minutes
from tests.fixtures import hwb_2019


def papers(meeting: Meeting) -> MeetingPapers:
    return MeetingPapers(meeting, hwb_2019.committee(), {p.id: p for p in hwb_2019.people()})


def test_an_incomplete_meeting_prints_with_placeholders_and_warnings() -> None:
    meeting = Meeting("hwb-2020-03-11", "hwb", date(2020, 3, 11))
    meeting.add_item(AgendaItem("item-1", "Declarations of Interest"))
    meeting.add_item(AgendaItem("item-2", "Pharmacy Needs Assessment"))
    meeting.declarations.append(
        Declaration("declaration-1", "ian-moncur", "item-9", nature="is a pharmacist")
    )
    meeting.minutes = [
        Minute("minute-1", "Declarations of Interest", kind=ItemKind.DECLARATIONS, item_id="item-1"),
        Minute("minute-2", "Pharmacy Needs Assessment", item_id="item-2"),
    ]
    printed = print_minutes(papers(meeting), PrintOptions(width=0))
    assert "PRESENT: [CHAIR NOT RECORDED]" in printed.text
    assert "MEETING HELD AT [VENUE NOT RECORDED]" in printed.text
    assert "[UNKNOWN ITEM item-9]" in printed.text
    assert "2. PHARMACY NEEDS ASSESSMENT\n\n[NO RESOLUTION RECORDED]" in printed.text
    assert any("no chair" in w for w in printed.warnings)
    assert any("item-9" in w for w in printed.warnings)
    assert any("no resolution" in w for w in printed.warnings)


def test_an_empty_meeting_prints_both_papers() -> None:
    meeting = Meeting("hwb-2020-06-10", "hwb", date(2020, 6, 10))
    minutes = print_minutes(papers(meeting))
    agenda = print_agenda(papers(meeting))
    assert "[NO MINUTES RECORDED YET]" in minutes.text
    assert "[NO ITEMS ON THE AGENDA YET]" in agenda.text
    assert "TIME: [START TIME NOT RECORDED]" in agenda.text
    assert minutes.warnings and agenda.warnings


def test_a_person_missing_from_the_store_is_marked() -> None:
    meeting = Meeting("hwb-2020-06-10", "hwb", date(2020, 6, 10), chair_id="nobody")
    from clerk_tui.domain import AttendanceEvent, EventKind

    meeting.attendance.append(AttendanceEvent("nobody", EventKind.PRESENT))
    printed = print_minutes(papers(meeting))
    assert "[UNKNOWN PERSON nobody]" in printed.text
    assert any("nobody" in w for w in printed.warnings)
