"""import(print(meeting)) gives the same meeting: every fixture, printed as `clerk export`
prints it (one paragraph per line, wrapped at 80 columns, in pages with running headers),
read back against the store's register, says what the original says (record.py: what a
printed paper shows of a meeting)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clerk_tui.domain import Committee, Meeting, Person, Resolution
from clerk_tui.domain.minutes import join_part
from clerk_tui.reading import Register, read_paper
from clerk_tui.reading.record import front_sheet_record, minutes_record
from tests.fixtures import (
    hwb_2019,
    hwb_2019_06_12,
    hwb_2019_09_11,
    hwb_2023_03_08,
    os_2023,
    planning_presence_2027,
)
from tests.reading.conftest import print_paper

Case = tuple[Callable[[], list[Person]], Callable[[], Committee], Callable[[], Meeting], int]
MINUTES: dict[str, Case] = {
    "hwb-2019-06-12": (hwb_2019.people, hwb_2019.committee, hwb_2019_06_12.meeting, 1),
    "hwb-2019-09-11": (hwb_2019.people, hwb_2019.committee, hwb_2019_09_11.meeting, 11),
    "os-asch-2023-10-17": (os_2023.people, os_2023.committee, os_2023.meeting, 24),
}
AGENDAS: dict[str, Case] = {
    "hwb-2023-03-08": (hwb_2023_03_08.people, hwb_2023_03_08.committee, hwb_2023_03_08.meeting, 1),
    "os-asch-2023-10-17": (os_2023.people, os_2023.committee, os_2023.meeting, 1),
}
LAYOUTS = {"paste": (0, False), "wrapped": (80, False), "pages": (80, True)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", MINUTES)
def test_minutes_printed_and_read_back_are_the_same_meeting(name: str, layout: str) -> None:
    people_of, committee_of, meeting_of, first = MINUTES[name]
    people, committee, meeting = people_of(), committee_of(), meeting_of()
    width, paginate = LAYOUTS[layout]
    text = print_paper(meeting, committee, people, first_minute_number=first, width=width, paginate=paginate)
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.ok and reading.meeting is not None and reading.committee is not None
    assert reading.committee.id == committee.id and reading.new_people == []
    known = {p.id: p for p in people}
    assert minutes_record(reading.meeting, reading.committee, known) == minutes_record(
        meeting, committee, known, first
    )
    assert reading.unplaced == []
    assert not [note for note in reading.notes if note.message.startswith("printed again")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", AGENDAS)
def test_front_sheets_printed_and_read_back_are_the_same_meeting(name: str, layout: str) -> None:
    people_of, committee_of, meeting_of, _ = AGENDAS[name]
    people, committee, meeting = people_of(), committee_of(), meeting_of()
    width, paginate = LAYOUTS[layout]
    text = print_paper(meeting, committee, people, paper="agenda", width=width, paginate=paginate)
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.ok and reading.meeting is not None and reading.committee is not None
    known = {p.id: p for p in people}
    assert front_sheet_record(reading.meeting, reading.committee, known) == front_sheet_record(
        meeting, committee, known
    )
    assert reading.unplaced == []


def test_the_same_person_spelled_another_way_is_matched_and_said_to_be_a_guess() -> None:
    people, committee = hwb_2019.people(), hwb_2019.committee()
    text = print_paper(hwb_2019_09_11.meeting(), committee, people, first_minute_number=11)
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.meeting is not None
    apologies = {
        e.person_id: e.printed_name for e in reading.meeting.attendance if e.kind.value == "apologies"
    }
    assert apologies["matt-ashton"] == "Matthew Ashton"
    assert apologies["rob-caudwell"] == "Dr.Rob Caudwell"
    assert any("Matthew Ashton" in note.message and "check" in note.message for note in reading.notes)


def test_a_meeting_id_already_taken_gets_another() -> None:
    people, committee = os_2023.people(), os_2023.committee()
    text = print_paper(os_2023.meeting(), committee, people, first_minute_number=24)
    reading = read_paper(text, Register(people, [committee], frozenset({"os-asch-2023-10-17"})))
    assert reading.meeting is not None and reading.meeting.id == "os-asch-2023-10-17-2"


PRESENCE_STYLES = {
    "in-minute": planning_presence_2027.IN_MINUTE,
    "after-present": planning_presence_2027.AFTER_PRESENT,
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("style", PRESENCE_STYLES)
def test_presence_officers_deferrals_and_nested_lists_read_back_are_the_same_meeting(
    style: str, layout: str
) -> None:
    """Issue 11's meeting in both house styles: who came, left or withdrew during which item,
    the officers with their posts, the deferred and withdrawn items, the nested bullets and
    a part's sub-items come back as the record they were printed from. The register has
    renamed a member since (a marriage): she is found by the name she had that day."""
    people = planning_presence_2027.people()
    committee = planning_presence_2027.committee(PRESENCE_STYLES[style])
    meeting = planning_presence_2027.meeting()
    width, paginate = LAYOUTS[layout]
    text = print_paper(meeting, committee, people, first_minute_number=45, width=width, paginate=paginate)
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.ok and reading.meeting is not None and reading.committee is not None
    assert reading.new_people == []
    known = {p.id: p for p in people}
    record = minutes_record(reading.meeting, reading.committee, known)
    assert record == minutes_record(meeting, committee, known, 45)
    assert len(record["presence"]) == 3 and len(record["skipped"]) == 2
    assert reading.unplaced == []
    assert not [note for note in reading.notes if note.message.startswith("printed again")]


@pytest.mark.parametrize("width", [0, 80])
@pytest.mark.parametrize("style", PRESENCE_STYLES)
def test_a_single_resolution_with_sub_items_reads_back(style: str, width: int) -> None:
    people = planning_presence_2027.people()
    committee = planning_presence_2027.committee(PRESENCE_STYLES[style])
    meeting = planning_presence_2027.meeting()
    sub_items = ["the conditions in the report", "a legal agreement"]
    meeting.minutes[3].resolution = Resolution(
        [join_part("the application be granted subject to:", sub_items)]
    )
    text = print_paper(meeting, committee, people, first_minute_number=45, width=width)
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.ok and reading.meeting is not None and reading.committee is not None
    read_back = reading.meeting.minutes[3].resolution
    assert read_back is not None and read_back.parts == meeting.minutes[3].resolution.parts
    known = {p.id: p for p in people}
    assert minutes_record(reading.meeting, reading.committee, known) == minutes_record(
        meeting, committee, known, 45
    )
    assert reading.unplaced == []
