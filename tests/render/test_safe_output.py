"""Safe text out: escape sequences planted in every text field of a meeting, its
committee and its people never reach a printed paper or a JSON export.

The records are handed to the printers directly, not through the store, so this tests
the writers themselves: whatever the store or an import lets through (an old record, a
future reader), no output carries a character a terminal would act on.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import date, time

import pytest

from clerk_tui.domain import (
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    EventKind,
    InterestAction,
    Meeting,
    Minute,
    MinuteStatus,
    Motion,
    MotionKind,
    MotionResult,
    OfficerContact,
    Paper,
    Person,
    PresencePlacement,
    PrintedForm,
    SkippedItems,
    Venue,
    Vote,
    VoteMethod,
)
from clerk_tui.domain.history import Change, Step, Target
from clerk_tui.domain.record import Confirmation, FrozenCopy, MinutesRecord, Revision, Signature
from clerk_tui.domain.safe_text import is_safe
from clerk_tui.exporting import bundle_json
from clerk_tui.render import Format, MeetingPapers, PrintOptions, print_agenda, print_minutes
from clerk_tui.render.text import PAGE_BREAK
from tests.fixtures import hwb_2019, hwb_2019_09_11
from tests.render.fields import Field, plant, string_fields

HOSTILE = (
    "\x1b[2J"  # clear the screen
    "\x1b]0;owned\x07"  # OSC 0: the window title
    "\x1b]52;c;Y2xpcGJvYXJk\x07"  # OSC 52: write the clipboard
    "\x1bPq#0;2;0;0;0\x1b\\"  # DCS (sixel), ended by ST
    "\x9b31m"  # C1 CSI
    "\x07\x08\x00\x7f"  # BEL, BS, NUL, DEL
    "\u202e"  # right-to-left override
)


def hostile(field: Field) -> str:
    return f"{field[0]}.{field[1]} {HOSTILE}end"


def motions_with_a_recorded_vote(voters: list[str]) -> list[Motion]:
    """A motion carried on a recorded vote, and an amendment to it that was lost."""
    first, second, third = voters
    recorded = Vote(VoteMethod.RECORDED, 1, 1, 1, [first], [second], [third], entitled=voters)
    motion = Motion("motion-1", first, text="Text", parts=["Part"], seconder_id=second)
    motion.vote, motion.result = recorded, MotionResult.CARRIED
    amendment = Motion(
        "motion-2", second, MotionKind.AMENDMENT, "Amendment", ["Part as amended"], amends=motion.id
    )
    amendment.vote = Vote(VoteMethod.COUNT, 0, 2, 0, entitled=voters)
    amendment.result = MotionResult.LOST
    return [amendment, motion]


@dataclass
class Records:
    meeting: Meeting
    committee: Committee
    people: list[Person]
    planted: set[Field]


def records_with_escapes_everywhere() -> Records:
    """The September 2019 meeting, with a record of every kind there is to print (an
    ALSO PRESENT guest, lists and a table, contacts), then every text field planted."""
    # Deep copies: the fixtures share some records between calls, and planting them would
    # leak escapes into every later test in the same process.
    meeting = copy.deepcopy(hwb_2019_09_11.meeting())
    committee = copy.deepcopy(hwb_2019.committee())
    people = copy.deepcopy(hwb_2019.people())
    meeting.venue = Venue("Room", "Building", "Address", minutes_wording="Wording")
    meeting.officer = OfficerContact("Officer", "Job", "Telephone", "E-mail")
    committee.officer = OfficerContact("Officer", "Job", "Telephone", "E-mail")
    committee.style.call_in_banner = True
    committee.style.council_name = "Council"
    item_id = meeting.agenda[3].id
    meeting.attendance.append(
        AttendanceEvent(
            people[-1].id,
            EventKind.ALSO_PRESENT,
            at=time(14, 5),
            item_id=item_id,
            capacity="Capacity",
            organisation="Organisation",
            printed_name="Printed",
        )
    )
    minute = meeting.minute_for_item(item_id)
    assert minute is not None
    minute.narrative += [
        Block(BlockKind.BULLETS, items=["a", "b"]),
        Block(BlockKind.BULLETS, items=["a", "b"], levels=[0, 1]),
        Block(BlockKind.NUMBERED, items=["a", "b"]),
        Block(BlockKind.TABLE, rows=[["head", "head"], ["cell", "cell"]]),
    ]
    minute.motions = motions_with_a_recorded_vote([person.id for person in people[:3]])
    # Presence per item, officers, a deferred item, printed forms and an earlier name: all printed.
    style = committee.style
    style.arrivals = style.withdrawals = PresencePlacement.IN_MINUTE
    style.departures = PresencePlacement.AFTER_PRESENT
    style.officers_in_attendance = True
    style.skipped_items = SkippedItems.HEADING_AND_SENTENCE
    meeting.attendance += [
        AttendanceEvent(people[3].id, EventKind.ARRIVED, item_id=item_id),
        AttendanceEvent(people[4].id, EventKind.DEPARTED, item_id=item_id),
        AttendanceEvent(people[5].id, EventKind.OFFICER, capacity="Post"),
    ]
    meeting.declarations[0].action = InterestAction.WITHDREW
    later_item = meeting.agenda[4]
    meeting.minutes.append(
        Minute("minute-deferred", later_item.title, item_id=None, status=MinuteStatus.DEFERRED)
    )
    meeting.minutes[-1].narrative = [Block(text="Deferred narrative")]
    meeting.agenda[4].note = "Note"
    forms = [PrintedForm(Paper.MINUTES, "Form", "Organisation"), PrintedForm(Paper.FRONT_SHEET, "Form")]
    people[0] = people[0].renamed_from(date(2030, 1, 1), "Later name", minutes_name="Later")
    people[0].earlier_names[0].printed_forms = forms
    people[0].earlier_names[0].post_nominals = "O.B.E."
    people[3].printed_forms = copy.deepcopy(forms)
    # The live meeting's undo history and the minutes' approval record hold text too.
    meeting.history.record(Step("Step", [Change(Target.MINUTE, "before", "after", 0, "minute", "path")]))
    meeting.record = MinutesRecord(
        revisions=[Revision(1, meeting.date, "Draft", "hash", "Chair")],
        confirmation=Confirmation("meeting", "minute", meeting.date, 1, ["Amendment"]),
        signature=Signature(
            "Chair",
            meeting.date,
            FrozenCopy("Text", "hash", "{}", "hash"),
            FrozenCopy("Text", "h", "{}", "h"),
        ),
    )
    planted = plant(meeting, hostile) | plant(committee, hostile)
    for person in people:
        planted |= plant(person, hostile)
    return Records(meeting, committee, people, planted)


@pytest.fixture(scope="module")
def records() -> Records:
    return records_with_escapes_everywhere()


def test_every_text_field_of_a_meeting_its_committee_and_its_people_is_planted(records: Records) -> None:
    every = string_fields(Meeting) | string_fields(Committee) | string_fields(Person)
    assert every - records.planted == set(), "the fixture has no record for these fields"
    assert len(every) > 40


OPTIONS = [
    PrintOptions(width=0),
    PrintOptions(width=20),
    PrintOptions(width=80),
    PrintOptions(width=132),
    PrintOptions(width=80, paginate=True),
    PrintOptions(width=40, paginate=True, page_length=25),
    *(PrintOptions(text_format) for text_format in Format if text_format != Format.TEXT),
]
"""Every format there is (a writer added to Format is tested here without a change)."""


def _unsafe(text: str) -> list[str]:
    """The characters of ``text`` no output may carry (page breaks are the writer's own)."""
    pages = text.replace(f"\n{PAGE_BREAK}\n", "\n\n")
    return sorted({f"U+{ord(c):04X}" for c in pages if not is_safe(c)})


@pytest.mark.parametrize("public", [False, True], ids=["confidential", "public"])
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.format}-{o.width}-{o.paginate}")
@pytest.mark.parametrize("paper", ["minutes", "agenda"])
def test_no_printed_paper_carries_a_control_character(
    records: Records, options: PrintOptions, public: bool, paper: str
) -> None:
    papers = MeetingPapers(
        records.meeting, records.committee, {p.id: p for p in records.people}, first_minute_number=11
    )
    asked = PrintOptions(options.format, options.width, options.paginate, public, options.page_length)
    printed = (print_minutes if paper == "minutes" else print_agenda)(papers, asked)
    assert _unsafe(printed.text) == []
    assert all(_unsafe(warning) == [] for warning in printed.warnings)
    # The fields were printed, less their escapes: the test saw real text.
    assert "committee.name" in printed.text.lower()
    assert printed.text.count("end") >= 10


@pytest.mark.parametrize("public", [False, True], ids=["confidential", "public"])
def test_the_json_record_escapes_what_json_itself_leaves_raw(records: Records, public: bool) -> None:
    text = bundle_json([records.meeting], [records.committee], records.people, public=public)
    assert _unsafe(text) == []
    # Nothing is lost: the record reads back exactly as it was.
    document = json.loads(text)
    assert document["committees"][0]["name"] == hostile(("Committee", "name"))
    assert document["meetings"][0]["venue"]["room"] == hostile(("Venue", "room"))
    assert re.search(r"\\u202e", text) and re.search(r"\\u009b", text)
