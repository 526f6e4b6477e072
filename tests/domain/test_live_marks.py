"""Attendance that follows the clerk: the marks as the keys mean them, times corrected
after the fact, names printed otherwise, and presence as it stands during an item."""

from __future__ import annotations

from datetime import time

import pytest

from clerk_tui.domain import (
    Committee,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    Meeting,
    MeetingStatus,
)
from clerk_tui.domain.attendance import present_for_items
from clerk_tui.domain.live import (
    Presence,
    all_present,
    correct_start_mark,
    declare,
    mark,
    person_events,
    presence_for_item,
    presence_now,
    printed_name_of,
    set_event_time,
    set_printed_name,
    start_mark_correctable,
    take_item,
)
from clerk_tui.domain.undo import undo


@pytest.fixture
def live(meeting: Meeting) -> Meeting:
    meeting.status = MeetingStatus.HELD
    return meeting


def kinds(meeting: Meeting, person_id: str) -> list[tuple[EventKind, str | None]]:
    return [(e.kind, e.item_id) for e in meeting.attendance if e.person_id == person_id]


# --- before the business: the roll call ---------------------------------------------
def test_before_the_business_a_mark_replaces_the_one_before(live: Meeting) -> None:
    assert (
        mark(live, "m1", EventKind.PRESENT, current_item=None, name="Cllr Ingram") == "Cllr Ingram: present."
    )
    said = mark(live, "m1", EventKind.APOLOGIES, current_item=None, name="Cllr Ingram")
    assert said == "Cllr Ingram: sent apologies (in place of “present”)."
    assert kinds(live, "m1") == [(EventKind.APOLOGIES, None)]
    mark(live, "m1", EventKind.ABSENT, current_item=None)
    assert kinds(live, "m1") == [(EventKind.ABSENT, None)]
    assert undo(live) == "Undone: m1 marked absent (in place of “sent apologies”)."
    assert kinds(live, "m1") == [(EventKind.APOLOGIES, None)]


def test_after_all_present_an_apology_just_works(live: Meeting, board: Committee) -> None:
    all_present(live, board, at=time(18, 30))
    mark(live, "m3", EventKind.APOLOGIES, current_item=None, name="Cllr Helen Ingram")
    assert presence_now(live, "m3") == Presence.APOLOGIES
    assert [e.person_id for e in live.attendance] == ["chair", "m1", "m2", "m3", "m4", "coopt"]


def test_the_same_mark_twice_is_said_and_records_nothing(live: Meeting) -> None:
    mark(live, "m1", EventKind.PRESENT, current_item=None, name="Cllr Kelly")
    steps = len(live.history.undo)
    with pytest.raises(DomainError, match="Cllr Kelly is already marked “present”"):
        mark(live, "m1", EventKind.PRESENT, current_item=None, name="Cllr Kelly")
    assert len(live.history.undo) == steps and len(live.attendance) == 1


def test_before_the_business_an_arrival_is_simply_present(live: Meeting) -> None:
    mark(live, "m1", EventKind.ARRIVED, current_item=None, at=time(18, 28))
    assert kinds(live, "m1") == [(EventKind.PRESENT, None)]


@pytest.mark.parametrize("kind", [EventKind.DEPARTED, EventKind.WITHDREW, EventKind.RETURNED])
def test_movements_need_an_item_under_way(live: Meeting, kind: EventKind) -> None:
    mark(live, "m1", EventKind.PRESENT, current_item=None)
    with pytest.raises(DomainError, match="Take an item first"):
        mark(live, "m1", kind, current_item=None)
    assert kinds(live, "m1") == [(EventKind.PRESENT, None)]


# --- once the business has begun --------------------------------------------------------
def test_present_after_the_business_began_is_an_arrival_during_the_item(live: Meeting) -> None:
    take_item(live, "item-4")
    said = mark(live, "m1", EventKind.PRESENT, current_item="item-4", at=time(18, 42), name="Cllr Evans")
    assert said == "Cllr Evans: arrived at 18:42."
    assert kinds(live, "m1") == [(EventKind.ARRIVED, "item-4")]
    present = present_for_items(live.attendance, live.agenda_ids())
    assert "m1" not in present["item-3"] and "m1" in present["item-4"]


def test_a_member_who_sent_apologies_and_came_has_their_apologies_withdrawn(live: Meeting) -> None:
    mark(live, "m1", EventKind.APOLOGIES, current_item=None)
    said = mark(live, "m1", EventKind.PRESENT, current_item="item-4", at=time(19, 0), name="Cllr Evans")
    assert said == "Cllr Evans: arrived at 19:00 (their apologies are withdrawn)."
    assert kinds(live, "m1") == [(EventKind.ARRIVED, "item-4")]


def test_present_for_a_member_out_of_the_room_is_their_return(live: Meeting) -> None:
    mark(live, "m1", EventKind.PRESENT, current_item=None)
    mark(live, "m1", EventKind.WITHDREW, current_item="item-4")
    mark(live, "m1", EventKind.PRESENT, current_item="item-5", name="Cllr Hughes")
    assert kinds(live, "m1")[-1] == (EventKind.RETURNED, "item-5")


def test_an_apology_after_the_business_began_says_what_to_do_instead(live: Meeting, board: Committee) -> None:
    all_present(live, board)
    take_item(live, "item-1")
    with pytest.raises(DomainError) as refused:
        mark(live, "m3", EventKind.APOLOGIES, current_item="item-1", name="Cllr Helen Ingram")
    assert refused.value.message == (
        "Cllr Helen Ingram was marked present before the business began, and the business has begun. "
        "If they have left, mark them as leaving; if they were never here, correct their first mark to "
        "“sent apologies” (it then reads so from the start), or undo the mark."
    )
    assert start_mark_correctable(live, "m3")
    said = correct_start_mark(live, "m3", EventKind.APOLOGIES, name="Cllr Helen Ingram")
    assert said == (
        "Cllr Helen Ingram: sent apologies (in place of “present”), from the start: this changes who was "
        "present for the items already taken."
    )
    assert kinds(live, "m3") == [(EventKind.APOLOGIES, None)]
    assert [e.person_id for e in live.attendance].index("m3") == 3, "the roll call keeps its order"


def test_a_member_who_moved_during_the_business_is_not_corrected_from_the_start(live: Meeting) -> None:
    mark(live, "m1", EventKind.PRESENT, current_item="item-4")  # an arrival
    with pytest.raises(DomainError, match="has been in the room during the business"):
        mark(live, "m1", EventKind.APOLOGIES, current_item="item-5")
    assert not start_mark_correctable(live, "m1")
    with pytest.raises(DomainError, match="movements recorded during the business"):
        correct_start_mark(live, "m1", EventKind.APOLOGIES)


def test_a_substitute_who_joins_once_the_business_has_begun_counts_from_that_item(live: Meeting) -> None:
    mark(live, "m1", EventKind.APOLOGIES, current_item=None)
    mark(live, "sub", EventKind.SUBSTITUTE, current_item="item-4", at=time(18, 50), for_person_id="m1")
    assert kinds(live, "sub") == [(EventKind.SUBSTITUTE, "item-4")]
    present = present_for_items(live.attendance, live.agenda_ids())
    assert "sub" not in present["item-3"] and "sub" in present["item-4"]


def test_apologies_received_late_are_recorded_for_the_whole_meeting(live: Meeting) -> None:
    mark(live, "m4", EventKind.APOLOGIES, current_item="item-4")
    assert kinds(live, "m4") == [(EventKind.APOLOGIES, None)]
    mark(live, "m4", EventKind.ABSENT, current_item="item-4")
    assert kinds(live, "m4") == [(EventKind.ABSENT, None)]


@pytest.mark.parametrize(
    ("first", "then", "message"),
    [
        (EventKind.DEPARTED, EventKind.DEPARTED, "m1 has already left the meeting."),
        (EventKind.WITHDREW, EventKind.WITHDREW, "m1 is out of the room already"),
        (EventKind.WITHDREW, EventKind.ARRIVED, "m1 withdrew earlier: mark them as back in the room."),
        (None, EventKind.RETURNED, "m1 is in the room."),
        (None, EventKind.ARRIVED, "m1 is already in the room."),
    ],
)
def test_what_cannot_have_happened_is_refused_with_what_to_do(
    live: Meeting, first: EventKind | None, then: EventKind, message: str
) -> None:
    mark(live, "m1", EventKind.PRESENT, current_item=None)
    if first is not None:
        mark(live, "m1", first, current_item="item-4")
    before = list(live.attendance)
    with pytest.raises(DomainError, match=message):
        mark(live, "m1", then, current_item="item-4")
    assert live.attendance == before


def test_a_member_who_leaves_while_withdrawn_does_not_come_back_with_the_next_item(live: Meeting) -> None:
    mark(live, "m2", EventKind.PRESENT, current_item=None)
    declaration = Declaration(
        "declaration-1", "m2", "item-4", nature="is employed", action=InterestAction.WITHDREW
    )
    declare(live, declaration)
    said = mark(live, "m2", EventKind.DEPARTED, current_item="item-4", name="Cllr Hughes")
    assert said == "Cllr Hughes: left the meeting (so they do not come back after the item)."
    assert presence_for_item(live, "m2", "item-5") == Presence.LEFT


# --- presence as it stands --------------------------------------------------------------
def test_a_member_who_withdrew_shows_withdrawn_for_the_item_not_present(live: Meeting) -> None:
    mark(live, "m2", EventKind.PRESENT, current_item=None)
    declaration = Declaration(
        "declaration-1", "m2", "item-4", nature="is employed", action=InterestAction.WITHDREW
    )
    declare(live, declaration)
    assert presence_now(live, "m2") == Presence.IN_ROOM, "the old reading, all events at once"
    assert presence_for_item(live, "m2", None) == Presence.IN_ROOM
    assert presence_for_item(live, "m2", "item-4") == Presence.WITHDRAWN
    assert presence_for_item(live, "m2", "item-5") == Presence.IN_ROOM


def test_presence_for_an_item_not_on_the_agenda_is_refused(live: Meeting) -> None:
    with pytest.raises(DomainError, match="no agenda item"):
        presence_for_item(live, "m1", "item-99")


# --- times -----------------------------------------------------------------------
@pytest.fixture
def timed(live: Meeting) -> Meeting:
    """18:30 start; roll call at 18:30; item 4 taken, an arrival at 18:42; item 5, a departure at 19:10."""
    live.start = time(18, 30)
    mark(live, "chair", EventKind.PRESENT, current_item=None, at=time(18, 30))
    take_item(live, "item-4")
    mark(live, "m1", EventKind.PRESENT, current_item="item-4", at=time(18, 42), name="Cllr Evans")
    take_item(live, "item-5")
    mark(live, "m1", EventKind.DEPARTED, current_item="item-5", at=time(19, 10))
    return live


def test_an_arrival_time_is_corrected_after_the_fact(timed: Meeting) -> None:
    (index, _), _ = person_events(timed, "m1")
    said = set_event_time(timed, index, time(18, 38), name="Cllr Evans")
    assert said == "Cllr Evans: “arrived” at 18:38 (was 18:42)"
    assert timed.attendance[index].at == time(18, 38)
    assert undo(timed) == "Undone: Cllr Evans: “arrived” at 18:38 (was 18:42)."
    assert timed.attendance[index].at == time(18, 42)


@pytest.mark.parametrize(
    ("at", "problem"),
    [
        (time(18, 10), "The meeting began at 18:30: item 4 was not under way at 18:10."),
        (time(18, 25), "The meeting began at 18:30"),
        (time(19, 15), "19:15 is after 19:10, recorded during item 5, which came later."),
    ],
)
def test_a_time_out_of_order_with_the_items_or_the_meeting_is_refused(
    timed: Meeting, at: time, problem: str
) -> None:
    (index, event), _ = person_events(timed, "m1")
    with pytest.raises(DomainError, match=problem):
        set_event_time(timed, index, at)
    assert timed.attendance[index] == event


def test_a_time_out_of_order_with_anyone_in_another_item_is_refused(timed: Meeting) -> None:
    mark(timed, "m3", EventKind.PRESENT, current_item="item-5", at=time(18, 50))
    with pytest.raises(
        DomainError, match="18:41 is before 18:42, recorded during item 4, which came earlier."
    ):
        set_event_time(timed, 3, time(18, 41))
    with pytest.raises(DomainError, match="18:50 is after 18:42, recorded during item 4, which came later."):
        set_event_time(timed, 0, time(18, 50))  # the roll call cannot follow an arrival during item 4
    assert set_event_time(timed, 3, time(19, 12)) == "m3: “arrived” at 19:12 (was 18:50)", (
        "within an item, only the person's own marks are in order: others come and go independently"
    )


def test_a_time_out_of_order_with_the_persons_own_marks_in_the_item_is_refused(timed: Meeting) -> None:
    mark(timed, "m1", EventKind.WITHDREW, current_item="item-4", at=time(18, 50))
    with pytest.raises(DomainError, match="18:55 is after their mark “withdrew from the room” at 18:50."):
        set_event_time(timed, 1, time(18, 55))
    with pytest.raises(DomainError, match="18:40 is before their mark “arrived” at 18:42."):
        set_event_time(timed, 3, time(18, 40))


def test_a_time_can_be_cleared(timed: Meeting) -> None:
    assert set_event_time(timed, 0, None) == "chair: “present” with no time (was 18:30)"
    assert set_event_time(timed, 0, None) == "chair: the time is unchanged."


# --- printed names ----------------------------------------------------------------------
def test_a_printed_name_goes_on_every_record_of_the_person(live: Meeting) -> None:
    mark(live, "m2", EventKind.PRESENT, current_item=None)
    mark(live, "m2", EventKind.DEPARTED, current_item="item-4")
    said = set_printed_name(live, "m2", "  Vicky\tBuchanan ", name="Vicky Buchanan")
    assert said == "Vicky Buchanan prints as “Vicky Buchanan”"
    assert {e.printed_name for e in live.attendance} == {"Vicky Buchanan"}
    assert printed_name_of(live, "m2") == "Vicky Buchanan"
    assert (
        set_printed_name(live, "m2", "", name="Vicky Buchanan") == "Vicky Buchanan prints with the usual name"
    )
    assert printed_name_of(live, "m2") == ""


def test_a_printed_name_needs_a_mark_and_loses_control_characters(live: Meeting) -> None:
    with pytest.raises(DomainError, match="Mark them first"):
        set_printed_name(live, "m2", "Buchanan")
    mark(live, "m2", EventKind.PRESENT, current_item=None)
    set_printed_name(live, "m2", "Buch\x1b[31manan\u202e")
    assert printed_name_of(live, "m2") == "Buchanan"
