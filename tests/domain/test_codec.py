import json
import subprocess
import sys
from datetime import date, time
from typing import Any

import pytest

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Block,
    BlockKind,
    Committee,
    Declaration,
    DomainError,
    EventKind,
    Meeting,
    MeetingSummary,
    Minute,
    PageRange,
    Person,
    Resolution,
    Venue,
)
from clerk_tui.domain.codec import from_document, meeting_from_document, to_document


def full_meeting() -> Meeting:
    meeting = Meeting(
        "hwb-2019-09-11",
        "hwb",
        date(2019, 9, 11),
        time(14, 0),
        Venue("Committee Room", "Bootle Town Hall", "Trinity Road, Bootle, L20 7AE"),
    )
    meeting.add_item(
        AgendaItem("item-1", "Better Care Fund", pages=PageRange(5, 9), exempt=True, exempt_paragraphs=[3])
    )
    meeting.attendance.append(AttendanceEvent("p1", EventKind.ARRIVED, time(14, 5), "item-1"))
    meeting.declarations.append(Declaration("declaration-1", "p1", "item-1", nature="works for it"))
    meeting.minutes.append(
        Minute(
            "minute-1",
            "Better Care Fund",
            item_id="item-1",
            narrative=[Block(BlockKind.BULLETS, items=["one", "two"])],
            resolution=Resolution(["the report be noted"]),
        )
    )
    return meeting


def test_a_meeting_round_trips_through_plain_json() -> None:
    meeting = full_meeting()
    text = json.dumps(to_document(meeting))
    assert meeting_from_document(json.loads(text)) == meeting
    assert json.loads(text)["agenda"][0]["kind"] == "substantive"


def test_committees_and_people_round_trip() -> None:
    committee = Committee("hwb", "Health and Wellbeing Board", noun="the Board", quorum=3)
    person = Person("p1", "Mhairi Doyle", councillor=True, post_nominals="M.B.E.")
    assert from_document(json.loads(json.dumps(to_document(committee))), Committee) == committee
    assert from_document(to_document(person), Person) == person


def test_a_document_that_does_not_fit_names_the_field() -> None:
    document = to_document(full_meeting())
    document["agenda"][0]["pages"] = {"first": 9, "last": 5}
    document["date"] = "12/06/2019"
    with pytest.raises(DomainError) as raised:
        meeting_from_document(document, where="meetings/hwb.json")
    message = str(raised.value)
    assert "meetings/hwb.json.agenda[0].pages" in message
    assert "run backwards" in message
    assert "meetings/hwb.json.date" in message


def test_a_document_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(DomainError, match="expected an object"):
        meeting_from_document(["not", "a", "meeting"])


def _documents() -> list[tuple[Any, type]]:
    from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11

    meetings = [full_meeting(), hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting()]
    return [
        *((meeting, Meeting) for meeting in meetings),
        (hwb_2019.committee(), Committee),
        *((person, Person) for person in hwb_2019.people()),
        *((MeetingSummary.of(meeting), MeetingSummary) for meeting in meetings),
    ]


@pytest.mark.parametrize("strict", [False, True])
def test_the_fast_way_means_what_cattrs_means(strict: bool) -> None:
    """The hand-written path (no cattrs import, no code generation) gives the same
    documents and the same objects as the cattrs converter, field for field."""
    from clerk_tui.domain.codec import converter

    for value, kind in _documents():
        document = to_document(value)
        assert json.loads(json.dumps(document)) == json.loads(json.dumps(converter().unstructure(value)))
        assert list(document) == list(converter().unstructure(value))  # same order: same bytes
        assert from_document(document, kind, strict=strict) == value
        assert converter(strict=strict).structure(document, kind) == value


def test_reading_a_store_document_loads_no_cattrs() -> None:
    code = (
        "import sys, json\n"
        "from tests.fixtures import hwb_2019_09_11\n"
        "from clerk_tui.domain.codec import from_document, to_document\n"
        "from clerk_tui.domain import Meeting\n"
        "document = json.loads(json.dumps(to_document(hwb_2019_09_11.meeting())))\n"
        "assert from_document(document, Meeting) == hwb_2019_09_11.meeting()\n"
        "print('cattrs' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_what_does_not_fit_still_gets_the_precise_message() -> None:
    document = to_document(full_meeting())
    document["agenda"][0]["pages"] = {"first": "five", "last": 9}
    with pytest.raises(DomainError) as caught:
        from_document(document, Meeting, "meetings[0]")
    assert "meetings[0].agenda[0].pages.first" in caught.value.message
    document = to_document(full_meeting())
    document["chairs_remarks"] = "x"
    assert from_document(document, Meeting) == full_meeting()  # the store reads as it always did
    with pytest.raises(DomainError, match="chairs_remarks"):
        from_document(document, Meeting, "meetings[0]", strict=True)


def _domain_dataclasses() -> list[type]:
    import dataclasses
    import importlib
    import pkgutil

    import clerk_tui.domain

    found: list[type] = []
    for info in pkgutil.iter_modules(clerk_tui.domain.__path__):
        module = importlib.import_module(f"clerk_tui.domain.{info.name}")
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and dataclasses.is_dataclass(value)
            and value.__module__ == module.__name__
        ]
    return found


def test_field_types_are_what_get_type_hints_makes_of_every_domain_class() -> None:
    """The codec's own reading of annotations (each text compiled once) means what
    typing.get_type_hints means, for every dataclass of the domain."""
    import typing

    from clerk_tui.domain.codec import field_types

    kinds = _domain_dataclasses()
    assert len(kinds) > 40
    for kind in kinds:
        assert field_types(kind) == typing.get_type_hints(kind), kind
