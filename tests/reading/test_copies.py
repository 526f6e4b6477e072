"""Which copy a paper is (render.public): the confidential marking is read as furniture on
every page; a public copy's withheld items are read as withheld, and what clerk then holds
of them is only what the paper showed (nothing invented), with the clerk told so."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from clerk_tui.domain import ItemKind
from clerk_tui.reading import Register, read_paper
from clerk_tui.reading.result import WITHHELD_NOTE
from clerk_tui.render import Copy, MeetingPapers, PrintOptions, print_minutes
from clerk_tui.render.public import WITHHELD_NATURE
from tests.fixtures import hwb_2019, hwb_2019_09_11, os_2023
from tests.reading.conftest import golden, print_paper, printed_again

SEPTEMBER_EXEMPT_WORDS = ("delegated authority", "27 September 2019", "regional level")
"""In minute 22's record and the nature of the declaration on it, only: not in the public copy."""


def test_the_marking_is_page_furniture_on_every_page_of_a_paginated_confidential_copy() -> None:
    people, committee = os_2023.people(), os_2023.committee()
    text = print_paper(os_2023.meeting(), committee, people, first_minute_number=24, width=80, paginate=True)
    marked = [line for line in text.split("\n") if line.startswith("CONFIDENTIAL: NOT FOR PUBLICATION")]
    assert len(marked) >= 3  # one a page
    reading = read_paper(text, Register(people, [committee], frozenset()))
    assert reading.copy == Copy.CONFIDENTIAL
    readings = {line.read_as for line in reading.lines if line.text.startswith("CONFIDENTIAL:")}
    assert readings == {"page furniture (confidential marking)"}
    # The wrapped second line of each marking too.
    assert all(
        line.read_as == "page furniture (confidential marking)"
        for line in reading.lines
        if line.text.startswith("Schedule 12A to the Local Government Act 1972")
    )
    assert reading.unplaced == []


def test_a_public_copy_of_minutes_is_read_with_its_exempt_minute_withheld() -> None:
    name = "hwb-2019-09-11.public.minutes.txt"
    reading = read_paper(golden(name), source_name=name)
    assert reading.copy == Copy.PUBLIC and reading.meeting is not None
    meeting = reading.meeting
    exempt = [item for item in meeting.agenda if item.exempt]
    assert [(item.title, item.exempt_paragraphs) for item in exempt] == [
        ("Better Care Fund 2019/20 Plans", [3])
    ]
    assert reading.withheld == [exempt[0].id]
    minute = next(m for m in meeting.minutes if m.item_id == exempt[0].id)
    # Nothing invented: the record the paper did not hold is not in clerk.
    assert minute.narrative == [] and minute.resolution is None and minute.kind == ItemKind.SUBSTANTIVE
    assert exempt[0].notes == WITHHELD_NOTE.format(source=name)
    (declaration,) = meeting.declarations
    assert declaration.item_id == exempt[0].id and declaration.nature == WITHHELD_NATURE
    # The import says the exempt content was not in the paper.
    said = " ".join(note.message for note in reading.notes)
    assert "minute 22 is exempt and this is the public copy" in said and "not in the paper" in said
    assert "the nature of the interest was not published" in said
    stored = json.dumps(asdict(meeting), default=str)
    assert not [word for word in SEPTEMBER_EXEMPT_WORDS if word in stored]
    assert printed_again(reading) == golden(name)


def _public_minutes(width: int, paginate: bool) -> str:
    people = {p.id: p for p in hwb_2019.people()}
    papers = MeetingPapers(hwb_2019_09_11.meeting(), hwb_2019.committee(), people, first_minute_number=11)
    options = PrintOptions(width=width, paginate=paginate, page_length=40, public=True)
    return print_minutes(papers, options).text


@pytest.mark.parametrize(("width", "paginate"), [(0, False), (80, False), (80, True)])
def test_a_public_copy_printed_by_clerk_reads_back_as_the_same_public_copy(
    width: int, paginate: bool
) -> None:
    people, committee = hwb_2019.people(), hwb_2019.committee()
    reading = read_paper(_public_minutes(width, paginate), Register(people, [committee], frozenset()))
    assert reading.copy == Copy.PUBLIC and reading.unplaced == []
    assert not [note for note in reading.notes if note.message.startswith("printed again")]
    assert printed_again(reading) == _public_minutes(0, False) == golden("hwb-2019-09-11.public.minutes.txt")


def test_a_public_front_sheet_is_read_with_its_exempt_item_withheld() -> None:
    name = "os-asch-2023-10-17.public.agenda.txt"
    reading = read_paper(golden(name), source_name=name)
    assert reading.copy == Copy.PUBLIC and reading.meeting is not None
    (item,) = [item for item in reading.meeting.agenda if item.exempt]
    assert (item.title, item.exempt_paragraphs) == ("Care Home Contract Award", [1, 3])
    assert item.report_of == "" and item.description == ""  # "Report of ..." was withheld
    assert reading.withheld == [item.id] and item.notes == WITHHELD_NOTE.format(source=name)


def test_a_confidential_front_sheet_marks_the_items_after_the_exclusion_exempt() -> None:
    name = "os-asch-2023-10-17.agenda.txt"
    reading = read_paper(golden(name), source_name=name)
    assert reading.copy == Copy.CONFIDENTIAL and reading.meeting is not None
    exempt = [(item.title, item.exempt_paragraphs) for item in reading.meeting.agenda if item.exempt]
    assert exempt == [("Care Home Contract Award", [1, 3])]
    (item,) = [item for item in reading.meeting.agenda if item.exempt]
    assert item.report_of == "the Assistant Director of Adult Social Care"


def test_a_paper_marked_confidential_with_nothing_exempt_says_so() -> None:
    marking = (
        "CONFIDENTIAL: NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to "
        "the Local Government Act 1972"
    )
    text = f"{marking}\n\n" + golden("hwb-2019-06-12.minutes.txt")
    reading = read_paper(text)
    # Printed again, the paper is the only copy and carries no marking: the line is reported.
    (line,) = reading.unplaced
    assert line.number == 1 and "no minute was read as exempt" in line.read_as
    assert any("no minute was read as exempt" in note.message for note in reading.notes)
