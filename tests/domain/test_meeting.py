import pytest

from clerk_tui.domain import (
    AgendaItem,
    AttendanceEvent,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    Minute,
    MinuteStatus,
    PageRange,
    Resolution,
    parse_page_range,
)


def test_agenda_items_reorder_and_keep_their_ids(meeting: Meeting) -> None:
    assert meeting.move_item("item-5", -1) == 3
    assert meeting.agenda_ids() == ["item-1", "item-2", "item-3", "item-5", "item-4"]
    assert meeting.printed_number("item-5") == "4"
    assert meeting.move_item("item-1", -3) == 0  # clamps at the top
    assert meeting.new_item_id() == "item-6"


def test_an_item_that_something_points_at_cannot_be_removed(meeting: Meeting) -> None:
    meeting.declarations.append(Declaration("declaration-1", "m1", "item-5", nature="employed by"))
    with pytest.raises(DomainError, match="declaration"):
        meeting.remove_item("item-5")
    meeting.attendance.append(AttendanceEvent("m1", EventKind.ARRIVED, item_id="item-4"))
    with pytest.raises(DomainError, match="Attendance"):
        meeting.remove_item("item-4")
    assert meeting.remove_item("item-2").title == "Minutes"


def test_a_second_item_with_the_same_id_is_refused(meeting: Meeting) -> None:
    with pytest.raises(DomainError, match="already on the agenda"):
        meeting.add_item(AgendaItem("item-1", "Again"))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("13 - 26", "(Pages 13 - 26)"),
        ("13-26", "(Pages 13 - 26)"),
        ("Pages 5 - 10", "(Pages 5 - 10)"),
        ("(Pages 11 - 22)", "(Pages 11 - 22)"),
        ("7", "(Page 7)"),
    ],
)
def test_page_ranges_read_as_typed(typed: str, printed: str) -> None:
    pages = parse_page_range(typed)
    assert pages is not None
    assert pages.printed() == printed


@pytest.mark.parametrize(
    ("typed", "message"), [("30-12", "run backwards"), ("a-b", "not a page range"), ("0-3", "start at 1")]
)
def test_bad_page_ranges_say_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        parse_page_range(typed)


def test_item_rules() -> None:
    with pytest.raises(DomainError, match="title"):
        AgendaItem("item-1", "  ")
    with pytest.raises(DomainError, match="paragraph"):
        AgendaItem("item-1", "Better Care Fund", exempt=True)
    with pytest.raises(DomainError, match="1-7"):
        AgendaItem("item-1", "Better Care Fund", exempt=True, exempt_paragraphs=[8])
    with pytest.raises(DomainError, match="not both"):
        AgendaItem("item-1", "Late report", pages=PageRange(1, 2), to_follow=True)


def test_deferred_minutes_leave_no_gap(meeting: Meeting) -> None:
    meeting.minutes = [
        Minute("minute-1", "Apologies for Absence", ItemKind.APOLOGIES, "item-1"),
        Minute("minute-2", "Report A", item_id="item-4", status=MinuteStatus.DEFERRED),
        Minute("minute-3", "Report B", item_id="item-5"),
    ]
    assert meeting.minute_numbers(11) == {"minute-1": 11, "minute-3": 12}
    assert meeting.minute_count() == 2


def test_resolution_parts_shed_the_punctuation_the_printer_adds() -> None:
    resolution = Resolution(["the report be noted;", "the plan be approved; and", "updates be received."])
    assert resolution.parts == ["the report be noted", "the plan be approved", "updates be received"]
    single = Resolution.single("That the report be noted.")
    assert (single.opening, single.parts) == ("That", ["the report be noted"])
    with pytest.raises(DomainError):
        Resolution([])


def test_resolutions_list_the_actions_they_ask_for() -> None:
    resolution = Resolution(
        [
            "the report be noted",
            "the Assistant Director be requested to obtain a response",
            "the Chair be given delegated authority to approve the final version",
        ]
    )
    assert [number for number, _ in resolution.requests()] == [2, 3]


def test_a_pecuniary_interest_cannot_simply_remain() -> None:
    with pytest.raises(DomainError, match="must withdraw"):
        Declaration(
            "declaration-1",
            "m1",
            "item-4",
            InterestKind.DISCLOSABLE_PECUNIARY,
            "owns land",
            InterestAction.REMAINED,
        )
    declaration = Declaration(
        "declaration-1",
        "m1",
        "item-4",
        InterestKind.PERSONAL,
        "is involved with the Better Care Fund at a regional level",
    )
    assert declaration.nature_cell() == (
        "Personal - is involved with the Better Care Fund at a regional level"
    )


def test_a_meetings_state_says_how_far_its_minutes_approval_has_gone() -> None:
    from datetime import date

    from clerk_tui.domain.summary import MeetingStatus, MeetingSummary, RecordState

    drafted = MeetingSummary("m1", "c1", date(2026, 11, 4), MeetingStatus.MINUTES_DRAFTED)
    assert drafted.state_label() == "minutes drafted"
    day = date(2026, 11, 4)
    signed = MeetingSummary("m1", "c1", day, MeetingStatus.APPROVED, record_state=RecordState.SIGNED)
    assert signed.state_label() == "minutes signed"
