"""What the live screen shows, worked out without a terminal: attendance as it stands
during the current item, the minute's heading, the standard text, the agenda column."""

from __future__ import annotations

import subprocess
import sys
from datetime import time

import pytest

from clerk_tui.domain import (
    Declaration,
    EventKind,
    InterestAction,
    InterestKind,
    Meeting,
    MeetingStatus,
    MinuteStatus,
)
from clerk_tui.domain.live import declare, mark, set_status, take_item
from clerk_tui.render.fit import short_name, shorten
from clerk_tui.render.live import (
    agenda_rows,
    agenda_title_width,
    attendance_view,
    minute_heading,
    standard_text,
)
from clerk_tui.render.papers import MeetingPapers
from tests.fixtures import hwb_2019, hwb_2019_09_11


def papers_of(meeting: Meeting, first: int = 11) -> MeetingPapers:
    people = {person.id: person for person in hwb_2019.people()}
    return MeetingPapers(meeting, hwb_2019.committee(), people, first_minute_number=first)


@pytest.fixture
def september() -> Meeting:
    """The September agenda, live, with nothing recorded yet."""
    meeting = hwb_2019_09_11.meeting()
    meeting.attendance, meeting.declarations, meeting.minutes = [], [], []
    meeting.status = MeetingStatus.HELD
    return meeting


def test_the_attendance_rows_are_the_members_in_the_house_order_then_the_others(september: Meeting) -> None:
    mark(september, "ian-moncur", EventKind.PRESENT, current_item=None, at=time(14, 0))
    mark(september, "matt-ashton", EventKind.APOLOGIES, current_item=None)
    mark(september, "paul-smith", EventKind.OFFICER, current_item=None, capacity="Head of Planning Services")
    view = attendance_view(papers_of(september), None)
    assert view.where == "Before the business"
    first, second = view.rows[0], view.rows[1]
    assert (first.name, first.role, first.presence, first.note, first.counts) == (
        "Cllr. Ian Moncur",
        "Chair",
        "present",
        "present 14:00",
        True,
    )
    assert (second.name, second.role, second.presence) == ("Cllr. Paul Cummins", "Member", "not recorded")
    ashton = next(row for row in view.rows if row.person_id == "matt-ashton")
    assert ashton.presence == "apologies"
    officer = view.rows[-1]
    assert (officer.person_id, officer.role, officer.note) == (
        "paul-smith",
        "Officer",
        "officer Head of Planning Services",
    )
    assert view.quorum.counted == 1 and view.quorum.required == 3


def test_a_member_who_withdrew_shows_withdrawn_during_the_item_and_returned_after(september: Meeting) -> None:
    for person in ("ian-moncur", "paul-cummins", "richard-freeman"):
        mark(september, person, EventKind.PRESENT, current_item=None)
    take_item(september, "item-8")
    declaration = Declaration(
        "declaration-1",
        "richard-freeman",
        "item-8",
        InterestKind.DISCLOSABLE_PECUNIARY,
        "is a director",
        InterestAction.WITHDREW,
    )
    declare(september, declaration, at=time(15, 5))
    during = attendance_view(papers_of(september), "item-8")
    freeman = next(row for row in during.rows if row.person_id == "richard-freeman")
    assert (freeman.presence, freeman.note) == ("withdrawn", "withdrew 15:05 item 8 interest")
    assert during.where == "Now: 8. Refresh of the Health and Wellbeing Strategy Progress Update"
    assert during.quorum.counted == 2
    after = attendance_view(papers_of(september), "item-9")
    freeman = next(row for row in after.rows if row.person_id == "richard-freeman")
    assert (freeman.presence, freeman.note) == ("returned", "returned item 9 interest")
    assert after.quorum.counted == 3


def test_a_late_arrival_shows_arrived_from_the_item_and_not_before(september: Meeting) -> None:
    take_item(september, "item-4")
    mark(september, "paul-cummins", EventKind.PRESENT, current_item="item-4", at=time(14, 20))
    rows = {row.person_id: row for row in attendance_view(papers_of(september), "item-4").rows}
    assert (rows["paul-cummins"].presence, rows["paul-cummins"].note) == ("arrived", "arrived 14:20 item 4")
    earlier = {row.person_id: row for row in attendance_view(papers_of(september), "item-3").rows}
    assert earlier["paul-cummins"].presence == "not recorded"


def test_a_substitute_shows_whom_they_replace(september: Meeting) -> None:
    mark(september, "andrew-booth", EventKind.APOLOGIES, current_item=None)
    mark(september, "steve-warburton", EventKind.SUBSTITUTE, current_item=None, for_person_id="andrew-booth")
    rows = {row.person_id: row for row in attendance_view(papers_of(september), None).rows}
    assert rows["steve-warburton"].presence == "substitute for Andrew Booth"


def test_the_minute_heading_numbers_it_or_says_why_not_and_marks_exempt_business(september: Meeting) -> None:
    apologies = take_item(september, "item-1")
    report = take_item(september, "item-4")
    exempt = take_item(september, hwb_2019_09_11.BETTER_CARE_FUND_ITEM)
    assert minute_heading(september, apologies, 11).heading == "11. APOLOGIES FOR ABSENCE"
    assert minute_heading(september, report, 11).confidential == ""
    heading = minute_heading(september, exempt, 11)
    assert heading.heading == "13. BETTER CARE FUND 2019/20 PLANS"
    assert heading.confidential == (
        "CONFIDENTIAL: exempt under paragraph 3 of Part 1 of Schedule 12A; never printed in a public export"
    )
    set_status(september, report.id, MinuteStatus.DEFERRED)
    assert minute_heading(september, report, 11).heading == (
        "EARLY HELP STRATEGY PROGRESS UPDATE (not numbered: deferred)"
    )


def test_the_standard_text_is_what_prints_when_the_clerk_writes_nothing() -> None:
    meeting = hwb_2019_09_11.meeting()  # the clerk wrote the apologies out, with an Oxford comma
    apologies = meeting.minute_for_item("item-1")
    declarations = meeting.minute_for_item("item-3")
    substantive = meeting.minute_for_item("item-4")
    assert apologies is not None and declarations is not None and substantive is not None
    assert apologies.narrative, "the fixture's own wording"
    papers = papers_of(meeting)
    assert standard_text(papers, apologies.id) == (
        "Apologies for absence were received from Dwayne Johnson, Matthew Ashton, Fiona Taylor and "
        "Dr.Rob Caudwell."
    )
    assert apologies.narrative, "the minute itself is untouched"
    assert standard_text(papers, declarations.id).splitlines() == [
        "Member\tMinute No.\tNature of Interest",
        "Richard Freeman\t22 - Better Care Fund 2019/20 Plans\t"
        "Personal - is involved with the Better Care Fund at a regional level",
    ]
    assert standard_text(papers, substantive.id) == ""
    assert standard_text(papers, "minute-99") == ""


def test_the_standard_text_follows_the_record_as_it_is_now(september: Meeting) -> None:
    minute = take_item(september, "item-1")
    assert standard_text(papers_of(september), minute.id) == "No apologies for absence were received."
    mark(september, "dwayne-johnson", EventKind.APOLOGIES, current_item=None)
    assert standard_text(papers_of(september), minute.id) == (
        "Apologies for absence were received from Dwayne Johnson."
    )


def test_the_agenda_column(september: Meeting) -> None:
    take_item(september, "item-1")
    deferred = take_item(september, "item-4")
    set_status(september, deferred.id, MinuteStatus.DEFERRED)
    take_item(september, "item-5")
    rows = agenda_rows(september, 11, "item-5")
    assert [(r.number, r.minute, r.marker) for r in rows[:5]] == [
        ("1", "11", ""),
        ("2", "", ""),
        ("3", "", ""),
        ("4", "deferred", ""),
        ("5", "12", "▶"),
    ]
    assert rows[7].title == "Refresh of the Health and…"
    assert rows[-1].title == "Better Care Fund… [P2]", "cut after a whole word, its [P2] within the width"
    assert all(len(row.title) <= 26 for row in rows)


def test_the_agenda_column_keeps_room_for_a_deferred_minute(september: Meeting) -> None:
    take_item(september, "item-1")
    ordinary = agenda_rows(september, 11, "item-1")
    assert agenda_title_width(30, ordinary) == 15, "No. (3) and Min. (4), each cell padded, a border"
    deferred = take_item(september, "item-4")
    set_status(september, deferred.id, MinuteStatus.DEFERRED)
    width = agenda_title_width(30, agenda_rows(september, 11, "item-4"))
    rows = agenda_rows(september, 11, "item-4", width)
    assert width == 11
    for row in rows:
        cells = [f"{row.marker or ' '}{row.number}", row.title, row.minute]
        assert sum(len(cell) + 2 for cell in cells) + 1 <= 30, cells
    assert any(row.minute == "deferred" for row in rows)


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Apologies for Absence", 21, "Apologies for Absence"),
        ("Apologies for Absence", 20, "Apologies for…"),
        ("Minutes of the last meeting", 12, "Minutes of…"),
        ("Declarations  of   Interest", 40, "Declarations of Interest"),
        ("Housing, planning and roads", 17, "Housing…"),
        ("Supercalifragilistic", 8, "Superca…"),
    ],
)
def test_a_title_is_cut_after_a_whole_word(text: str, width: int, shown: str) -> None:
    assert shorten(text, width) == shown
    assert len(shown) <= width


def test_a_narrow_column_drops_the_councillor_title_before_cutting_a_name() -> None:
    assert short_name("Cllr. Iain Brodie-Browne", 40) == "Cllr. Iain Brodie-Browne"
    assert short_name("Cllr. Iain Brodie-Browne", 18) == "Iain Brodie-Browne"
    assert short_name("Cllr. Iain Brodie-Browne", 12) == "Iain…"


def test_the_view_and_the_new_domain_modules_load_no_user_interface() -> None:
    modules = ", ".join(
        f"clerk_tui.{name}"
        for name in ("render.live", "domain.undo", "domain.lifecycle", "domain.live_state")
    )
    code = (
        f"import {modules}, sys\n"
        "print(','.join(m for m in ('textual', 'rich', 'store', 'tinydb') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
