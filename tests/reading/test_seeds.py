"""The real papers, as the seed files hold them (page furniture, hard wraps, lost bullet
glyphs, a flattened table, a running header cut short, Markdown remnants), read and
printed again: equal to the goldens, every line placed or reported."""

from __future__ import annotations

import pytest

from clerk_tui.domain import EventKind, InterestKind, ItemKind
from clerk_tui.reading import PaperKind, read_paper
from tests.reading.conftest import as_printed, paper, printed_again

SEEDS = [
    ("000-hwb-2019-09-11-pack-start.txt", "hwb-2019-06-12.minutes.txt"),
    ("001-hwb-2019-12-04-pack-start.txt", "hwb-2019-09-11.minutes.txt"),
    ("003-hwb-2023-03-08-front-sheet.txt", "hwb-2023-03-08.agenda.txt"),
]


@pytest.mark.parametrize(("seed", "expected"), SEEDS)
def test_a_seed_read_from_its_raw_text_prints_again_as_its_golden(seed: str, expected: str) -> None:
    """September's seed prints exempt minute 22 in full: it is the confidential copy, marked."""
    reading = read_paper(paper(seed), source_name=seed)
    assert printed_again(reading) == as_printed(expected)


@pytest.mark.parametrize(("seed", "expected"), SEEDS)
def test_every_line_of_a_seed_is_accounted_for(seed: str, expected: str) -> None:
    text = paper(seed)
    reading = read_paper(text)
    assert [line.number for line in reading.lines] == list(range(1, len(text.splitlines()) + 1))
    assert all(line.read_as for line in reading.lines)
    # The self-check found nothing the printed copy would say differently.
    assert not [note for note in reading.notes if note.message.startswith("printed again")]


def test_the_june_minutes_and_what_the_pack_holds_after_them() -> None:
    text = paper("000-hwb-2019-09-11-pack-start.txt")
    reading = read_paper(text)
    by_number = {line.number: line for line in reading.lines}
    assert by_number[1].read_as == "call-in banner"
    assert by_number[3].read_as == "page furniture (page number)"
    assert by_number[456].read_as == "page furniture (page stamp)"
    assert by_number[458].read_as == "page furniture (agenda item stamp)"
    assert by_number[462].read_as == "page furniture (running header)"
    assert by_number[464].read_as == "page furniture (page number)"
    assert by_number[311].read_as == "minute 7: narrative table"  # "2019" alone is a cell, not a page number
    # The minutes end where the pack's first report starts; nothing after is dropped silently.
    after = [line for line in reading.unplaced if line.number >= 518]
    assert after and all("after the minutes" in line.read_as for line in after)
    assert [line for line in reading.unplaced if line.number < 518] == []
    assert reading.kind == PaperKind.MINUTES and reading.meeting is not None
    meeting = reading.meeting
    assert meeting.first_minute_number == 1 and meeting.minute_count() == 10
    assert [m.kind for m in meeting.minutes[:4]] == [
        ItemKind.ELECTION_OF_CHAIR,
        ItemKind.APOLOGIES,
        ItemKind.PREVIOUS_MINUTES,
        ItemKind.DECLARATIONS,
    ]
    assert meeting.chair_id is not None  # elected for the meeting: "ELECTION OF CHAIR"
    apologies = [e for e in meeting.attendance if e.kind == EventKind.APOLOGIES]
    assert len(apologies) == 4
    assert meeting.minutes[1].narrative == []  # the printer writes that sentence from the attendance
    assert any("no full stop ended its last cell" in note.message for note in reading.notes)


def test_the_september_minutes_declaration_and_exempt_item() -> None:
    reading = read_paper(paper("001-hwb-2019-12-04-pack-start.txt"))
    assert reading.meeting is not None
    meeting = reading.meeting
    assert meeting.first_minute_number == 11
    (declaration,) = meeting.declarations
    better_care = meeting.item(declaration.item_id)
    assert better_care.title == "Better Care Fund 2019/20 Plans"  # as the declaration names it
    assert (declaration.kind, declaration.nature) == (
        InterestKind.PERSONAL,
        "is involved with the Better Care Fund at a regional level",
    )
    assert better_care.exempt and better_care.exempt_paragraphs == [3]
    exclusion = next(m for m in meeting.minutes if m.kind == ItemKind.EXCLUSION)
    assert exclusion.resolution is None  # the statutory wording follows from the exempt item
    assert reading.style is not None and reading.style.running_header_separator == "- "
    by_number = {line.number: line for line in reading.lines}
    assert by_number[101].read_as == "page furniture (running header)"  # cut short at "SEPTEMBER, "


def test_the_front_sheet_and_the_style_it_shows() -> None:
    reading = read_paper(paper("003-hwb-2023-03-08-front-sheet.txt"))
    assert reading.kind == PaperKind.FRONT_SHEET and reading.meeting is not None
    meeting, committee = reading.meeting, reading.committee
    assert committee is not None and len(committee.members) == 19
    assert [item.title for item in meeting.agenda][8] == (
        "Southport and Ormskirk Hospital NHS Trust - Next Steps in Proposed Partnership"
    )
    item_4 = meeting.agenda[3]
    assert item_4.pages is not None and (item_4.pages.first, item_4.pages.last) == (11, 22)
    assert meeting.agenda[9].to_follow
    choices = {choice.setting: choice.printed for choice in reading.style_choices}
    assert choices["agenda_heading"] == "“A G E N D A”"
    assert choices["front_sheet_date"] == "ordinal"
    assert choices["council_name"] == "“”"
    assert choices["officer_comma"] == "no"
    doyle = next(p for p in reading.people if p.name == "Mhairi Doyle")
    assert (doyle.councillor, doyle.post_nominals) == (True, "M.B.E.")
