"""What the reader can not place is reported with its line number, never dropped, and
what it places with less than certainty says so. Each case below is a kind of line real
minutes carry that the printer has no place for (the closing note of issue 12 lists them)."""

from __future__ import annotations

from clerk_tui.domain import EventKind
from clerk_tui.reading import read_paper

HEAD = """\
HEALTH AND WELLBEING BOARD

MEETING HELD AT THE TOWN HALL, BOOTLE
ON WEDNESDAY 12TH JUNE, 2019

PRESENT: Councillor Cummins (in the Chair)
Councillors Moncur and Kelly

"""


def read(body: str, head: str = HEAD) -> tuple[dict[int, str], list[str], list[str]]:
    text = head + body
    reading = read_paper(text)
    assert reading.ok, reading.errors
    lines = text.splitlines()
    unplaced = {line.number: line.read_as for line in reading.unplaced}
    assert all(lines[number - 1].strip() for number in unplaced)  # each is a real line of the text
    notes = [note.message for note in reading.notes]
    return unplaced, notes, lines


def test_text_after_a_resolution_a_closing_time_and_a_signature_line() -> None:
    unplaced, _, lines = read(
        "1. BETTER CARE FUND\n\nRESOLVED:\n\nThat the report be noted.\n\n"
        "The Chair thanked officers for their work.\n\nThe meeting closed at 3.45 pm.\n\nChair\n"
    )
    assert {lines[n - 1] for n in unplaced} == {
        "The Chair thanked officers for their work.",
        "The meeting closed at 3.45 pm.",
        "Chair",
    }
    assert all("after the resolution" in why for why in unplaced.values())


def test_a_list_inside_a_resolution_part() -> None:
    unplaced, _, lines = read(
        "1. THE PLAN\n\nRESOLVED: That\n\n(1) the report be noted; and\n\n"
        "(2) the plan be approved, subject to:\n"
        "- the budget being confirmed\n- a review in March\n"
    )
    assert [lines[n - 1] for n in sorted(unplaced)] == ["- the budget being confirmed", "- a review in March"]


def test_a_block_printed_minutes_do_not_have_and_officers_in_attendance_printed_again() -> None:
    head = HEAD + "IN ATTENDANCE: Jan Smith (Democratic Services Officer)\n\nVOTING: unanimous\n\n"
    text = head + "1. THE PLAN\n\nRESOLVED:\n\nThat the plan be approved.\n"
    reading = read_paper(text)
    assert reading.meeting is not None
    officer = next(e for e in reading.meeting.attendance if e.kind == EventKind.OFFICER)
    assert officer.capacity == "Democratic Services Officer"
    assert reading.style is not None and reading.style.officers_in_attendance
    assert reading.style.officers_label == "IN ATTENDANCE"
    (voting,) = reading.unplaced
    assert voting.text == "VOTING: unanimous" and "“VOTING:” is not a block" in voting.read_as


def test_a_table_in_columns_without_a_date_column_is_text_and_said_so() -> None:
    unplaced, notes, _ = read(
        "1. THE PLAN\n\nThe Board considered progress:\n\n"
        "Item                 Owner            Status\n"
        "Hospital discharge   Adult services   On track\n"
        "Carers support       Partnership      Delayed\n\n"
        "RESOLVED:\n\nThat the report be noted.\n"
    )
    assert unplaced == {}
    assert any("look like a table in columns; read as text" in note for note in notes)


def test_a_declaration_on_a_minute_not_in_these_minutes() -> None:
    unplaced, notes, lines = read(
        "1. DECLARATIONS OF INTEREST\n\nMember Minute No. Nature of Interest\n"
        "Councillor Moncur 9 - Housing Plan Personal - lives in the area\n\n"
        "2. THE PLAN\n\nRESOLVED:\n\nThat the plan be approved.\n"
    )
    assert any("minute 9 is not in these minutes" in note for note in notes)
    assert "Councillor Moncur 9 - Housing Plan Personal - lives in the area" in {
        lines[n - 1] for n in unplaced
    }


def test_a_flattened_table_row_whose_last_cell_has_no_full_stop() -> None:
    _, notes, _ = read(
        "1. THE PLAN\n\nThe report detailed the milestones:\n\nMilestone Date Measure of Success\n"
        "Draft 30 May 2019 Draft prepared.\nFinal draft 30 June\n2019\nLaunch 4 July 2019 Launched.\n\n"
        "RESOLVED:\n\nThat the report be noted.\n"
    )
    assert any("no full stop ended its last cell, so it was left empty" in note for note in notes)


def test_what_is_not_minutes_or_a_front_sheet_fails_whole() -> None:
    reading = read_paper("Report to: Cabinet\nDate of Meeting: 4 December 2019\nSubject: Budget\n")
    assert not reading.ok and reading.meeting is None
    assert "neither a set of minutes" in reading.errors[0]


def test_a_minutes_heading_with_a_weekday_that_is_not_the_date_is_not_read() -> None:
    reading = read_paper(HEAD.replace("ON WEDNESDAY 12TH JUNE, 2019", "ON WEDNESDAY 31ST JUNE, 2019"))
    assert not reading.ok and "is not a real date" in reading.errors[0]
