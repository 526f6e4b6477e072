"""Undo and redo of everything done in the live meeting: each step goes back exactly and
comes again exactly, says what it was, never overwrites later work, survives a restart,
and stays small whatever the size of the meeting."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.domain import (
    AgendaItem,
    Block,
    Committee,
    Declaration,
    DomainError,
    EventKind,
    InterestAction,
    InterestKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    MinuteStatus,
    Resolution,
    ResolutionLead,
)
from clerk_tui.domain.codec import meeting_from_document, meeting_to_document
from clerk_tui.domain.history import HISTORY_CHARACTERS, HISTORY_STEPS
from clerk_tui.domain.lifecycle import change_date, mark_drafted, reopen_minutes, take_live
from clerk_tui.domain.live import (
    all_present,
    apply_options,
    declare,
    elect_chair,
    mark,
    pass_exclusion,
    record,
    remove_declaration,
    set_event_time,
    set_printed_name,
    set_status,
    take_item,
    undo_last,
    unelect_chair,
    write_minute,
)
from clerk_tui.domain.minutes import MinuteOptions
from clerk_tui.domain.undo import (
    forget_history,
    history_size,
    redo,
    redo_label,
    skip_undo,
    undo,
    undo_label,
)


def the_record(meeting: Meeting) -> dict[str, Any]:
    """The meeting as stored, less its history: what undo must put back exactly."""
    document = meeting_to_document(meeting)
    del document["history"]
    return document


@pytest.fixture
def live(meeting: Meeting) -> Meeting:
    meeting.status = MeetingStatus.HELD
    return meeting


def pecuniary(person: str = "m2", item: str = "item-4") -> Declaration:
    return Declaration(
        "declaration-1",
        person,
        item,
        InterestKind.DISCLOSABLE_PECUNIARY,
        "owns the land",
        InterestAction.WITHDREW,
    )


def _prepared(live: Meeting, board: Committee) -> None:
    """Attendance taken, two items under way: the state each operation below starts from."""
    all_present(live, board, at=time(18, 30))
    take_item(live, "item-1")
    take_item(live, "item-4")


OPERATIONS: dict[str, Callable[[Meeting, Committee], object]] = {
    "arrival": lambda m, b: mark(m, "sub", EventKind.PRESENT, current_item="item-4", at=time(18, 42)),
    "departure": lambda m, b: mark(m, "m1", EventKind.DEPARTED, current_item="item-4", at=time(19, 2)),
    "all present": lambda m, b: all_present(m, b, at=time(18, 31)),
    "record": lambda m, b: record(m, "coopt", EventKind.WITHDREW, item_id="item-4"),
    "take back": lambda m, b: undo_last(m, "m3"),
    "elect chair": lambda m, b: elect_chair(m, b, "m1", "Councillor Cummins"),
    "declaration": lambda m, b: declare(m, pecuniary(), at=time(18, 50)),
    "deferral": lambda m, b: set_status(m, m.minutes[1].id, MinuteStatus.DEFERRED),
    "take an item": lambda m, b: take_item(m, "item-5"),
    "exclusion": lambda m, b: pass_exclusion(m, "item-7"),
    "minute options": lambda m, b: apply_options(
        m,
        m.minutes[1].id,
        MinuteOptions("Report A (revised)", ResolutionLead.RECOMMENDED, and_before_last=False),
    ),
    "printed name": lambda m, b: set_printed_name(m, "m2", "Buchanan"),
    "event time": lambda m, b: set_event_time(m, 0, time(18, 28)),
    "drafted": lambda m, b: mark_drafted(m, None),
    "moved": lambda m, b: change_date(m, date(2019, 9, 18)),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_live_operation_undoes_exactly_and_redoes_exactly(
    live: Meeting, board: Committee, name: str
) -> None:
    live.add_item(AgendaItem("item-6", "Exclusion", ItemKind.EXCLUSION))
    live.add_item(AgendaItem("item-7", "Staffing", exempt=True, exempt_paragraphs=[1]))
    _prepared(live, board)
    live.minutes[1].resolution = Resolution(["the report be noted"])
    if name == "all present":
        live.attendance.clear()
    before = the_record(live)
    OPERATIONS[name](live, board)
    after = the_record(live)
    assert after != before, "the operation changed nothing: the test proves nothing"
    said = undo(live)
    assert said.startswith("Undone: ") and said.endswith(".")
    assert the_record(live) == before
    assert redo(live).startswith("Redone: ")
    assert the_record(live) == after
    undo(live)
    assert the_record(live) == before


def test_the_undo_sentence_says_what_was_undone(live: Meeting) -> None:
    take_item(live, "item-1")
    take_item(live, "item-4")
    said = mark(live, "m1", EventKind.PRESENT, current_item="item-4", at=time(18, 42), name="Cllr Kelly")
    assert said == "Cllr Kelly: arrived at 18:42."
    assert undo_label(live) == "Undo: Cllr Kelly marked arrived at 18:42 during item 4"
    assert undo(live) == "Undone: Cllr Kelly marked arrived at 18:42 during item 4."
    assert redo_label(live) == "Redo: Cllr Kelly marked arrived at 18:42 during item 4"
    assert redo(live) == "Redone: Cllr Kelly marked arrived at 18:42 during item 4."


def test_an_elected_chair_undone_takes_out_the_minute_and_the_numbers_come_back(
    live: Meeting, board: Committee
) -> None:
    first = take_item(live, "item-1")
    fourth = take_item(live, "item-4")
    assert live.minute_numbers(12) == {first.id: 12, fourth.id: 13}
    elect_chair(live, board, "m1", "Councillor Cummins")
    assert live.chair_id == "m1" and live.minutes[0].kind == ItemKind.ELECTION_OF_CHAIR
    assert live.minute_numbers(12)[fourth.id] == 14
    assert undo(live) == "Undone: Councillor Cummins elected Chair for this meeting."
    assert live.chair_id is None
    assert [m.kind for m in live.minutes] == [ItemKind.APOLOGIES, ItemKind.SUBSTANTIVE]
    assert live.minute_numbers(12) == {first.id: 12, fourth.id: 13}


def test_an_elected_chair_found_later_is_removed_on_purpose(live: Meeting, board: Committee) -> None:
    elect_chair(live, board, "m1", "Councillor Cummins")
    take_item(live, "item-1")
    record(live, "m2", EventKind.PRESENT)
    said = unelect_chair(live, "Councillor Cummins")
    assert (
        said
        == "The election of Councillor Cummins as Chair is removed: the committee's Chair is in the Chair."
    )
    assert live.chair_id is None and [m.item_id for m in live.minutes] == ["item-1"]
    assert undo(live) == "Undone: election of Councillor Cummins as Chair removed."
    assert live.chair_id == "m1" and live.minutes[0].kind == ItemKind.ELECTION_OF_CHAIR


def test_a_new_step_ends_what_could_be_redone(live: Meeting) -> None:
    record(live, "m1", EventKind.PRESENT)
    undo(live)
    record(live, "m2", EventKind.PRESENT)
    with pytest.raises(DomainError, match="Nothing to redo"):
        redo(live)
    assert redo_label(live) is None


def test_nothing_to_undo_is_said(live: Meeting) -> None:
    with pytest.raises(DomainError, match="Nothing to undo"):
        undo(live)
    assert undo_label(live) is None


def test_typing_is_not_a_step(live: Meeting) -> None:
    minute = take_item(live, "item-4")
    steps = len(live.history.undo)
    write_minute(minute, "The Board considered the report.", "the report be noted", ResolutionLead.RESOLVED)
    assert len(live.history.undo) == steps


# --- never over later work ---------------------------------------------------------
def test_taking_an_item_is_not_undone_over_text_typed_since(live: Meeting) -> None:
    minute = take_item(live, "item-4")
    write_minute(minute, "Members discussed the plan at length.", "", ResolutionLead.RESOLVED)
    before = the_record(live)
    with pytest.raises(DomainError) as refused:
        undo(live)
    assert refused.value.message == (
        "Cannot undo the last step (item 4, “Report A”, taken): “Report A” has text typed since: "
        "clear it first, or withdraw the item. Nothing was changed."
    )
    assert the_record(live) == before and len(live.history.undo) == 1
    write_minute(minute, "", "", ResolutionLead.RESOLVED)
    assert undo(live) == "Undone: item 4, “Report A”, taken."
    assert live.minutes == []


def test_an_election_with_its_resolution_reworded_is_not_undone(live: Meeting, board: Committee) -> None:
    minute = elect_chair(live, board, "m1", "Councillor Cummins")
    write_minute(minute, "", "Councillor Jones be elected Chair", ResolutionLead.RESOLVED)
    with pytest.raises(DomainError, match="has text typed since"):
        undo(live)
    assert live.chair_id == "m1"


def test_a_change_made_outside_the_history_stops_the_undo_and_the_step_can_be_skipped(live: Meeting) -> None:
    record(live, "m1", EventKind.PRESENT)
    record(live, "m2", EventKind.PRESENT, name="Cllr Jones")
    live.attendance[1].printed_name = "Jones"  # as the screen does today, behind the history's back
    before = the_record(live)
    with pytest.raises(DomainError, match="the attendance record has changed since. Nothing was changed"):
        undo(live)
    assert the_record(live) == before
    assert skip_undo(live) == (
        "The last step (Cllr Jones marked present) is dropped: it can no longer be undone. "
        "The record is unchanged."
    )
    assert undo(live) == "Undone: m1 marked present."
    assert [e.person_id for e in live.attendance] == ["m2"]


def test_a_field_changed_since_is_not_overwritten(live: Meeting) -> None:
    minute = take_item(live, "item-4")
    set_status(live, minute.id, MinuteStatus.DEFERRED)
    minute.status = MinuteStatus.WITHDRAWN
    with pytest.raises(DomainError, match="its status has been changed since"):
        undo(live)
    assert minute.status == MinuteStatus.WITHDRAWN


def test_a_refused_step_changes_nothing_even_half_way(live: Meeting) -> None:
    record(live, "m2", EventKind.PRESENT)
    declare(live, pecuniary())
    withdrawal = next(e for e in live.attendance if e.kind == EventKind.WITHDREW)
    live.declarations[0].nature = "owns the field"  # the declaration changed behind the history
    before = the_record(live)
    with pytest.raises(DomainError, match="it has been changed since"):
        undo(live)
    assert the_record(live) == before
    assert withdrawal in live.attendance


# --- the meeting's state --------------------------------------------------------------
def test_drafted_minutes_are_undone_by_reopening_and_nothing_else_until_then(live: Meeting) -> None:
    take_item(live, "item-4")
    record(live, "m1", EventKind.PRESENT)
    mark_drafted(live, None)
    assert undo(live) == "Undone: minutes marked drafted."
    assert [live.status] == [MeetingStatus.HELD]
    redo(live)
    live.history.undo.pop()  # as if drafted outside the history: the top step is a mark
    with pytest.raises(
        DomainError, match=r"The minutes are drafted: reopen them to undo the last step \(m1 marked present\)"
    ):
        undo(live)
    reopen_minutes(live)
    assert undo(live) == "Undone: drafted minutes reopened."
    assert [live.status] == [MeetingStatus.MINUTES_DRAFTED]


def test_approved_minutes_are_not_undone_and_approval_forgets_the_history(live: Meeting) -> None:
    record(live, "m1", EventKind.PRESENT)
    live.status = MeetingStatus.APPROVED
    with pytest.raises(DomainError, match="approved"):
        undo(live)
    forget_history(live)
    assert live.history.undo == [] and live.history.redo == []


def test_taking_live_is_a_step_too(meeting: Meeting) -> None:
    take_live(meeting)
    assert undo(meeting) == "Undone: meeting taken live."
    assert meeting.status == MeetingStatus.DRAFT_AGENDA


# --- persisted --------------------------------------------------------------------------
def test_the_history_survives_a_restart(live: Meeting, board: Committee, tmp_path: Path) -> None:
    from store import Store

    path = tmp_path / "store"
    _prepared(live, board)
    mark(live, "sub", EventKind.PRESENT, current_item="item-4", at=time(18, 42), name="Cllr Evans")
    with Store.open(path) as store:
        store.save_committee(board)
        store.save_meeting(live)
    with Store.open(path) as store:
        reopened = store.meeting(live.id)
        assert undo(reopened) == "Undone: Cllr Evans marked arrived at 18:42 during item 4."
        store.save_meeting(reopened)
    with Store.open(path) as store:
        again = store.meeting(live.id)
        assert all(e.person_id != "sub" for e in again.attendance)
        assert redo(again) == "Redone: Cllr Evans marked arrived at 18:42 during item 4."


def test_a_file_written_before_the_history_existed_reads_with_an_empty_one(live: Meeting) -> None:
    record(live, "m1", EventKind.PRESENT)
    document = json.loads(json.dumps(meeting_to_document(live)))
    del document["history"]
    old = meeting_from_document(document)
    assert old.history.undo == [] and old.attendance == live.attendance


def test_the_history_reads_back_exactly(live: Meeting, board: Committee) -> None:
    _prepared(live, board)
    declare(live, pecuniary(), at=time(18, 50))
    elect_chair(live, board, "m1", "Councillor Cummins")
    undo(live)
    again = meeting_from_document(json.loads(json.dumps(meeting_to_document(live))))
    assert again.history == live.history
    assert redo(again) == redo(live) and the_record(again) == the_record(live)


# --- bounded --------------------------------------------------------------------------
def _huge(meeting: Meeting) -> Meeting:
    """The meeting with 30 minutes of 50 paragraphs each (hundreds of KB as stored)."""
    sentence = "The report highlighted that the local area had begun preparations in advance. " * 3
    for number in range(30):
        minute = take_item(meeting, "item-5") if number == 0 else None
        if minute is None:
            meeting.add_item(AgendaItem(f"item-x{number}", f"Report {number}"))
            minute = take_item(meeting, f"item-x{number}")
        minute.narrative = [Block(text=sentence) for _ in range(50)]
    return meeting


def test_a_step_is_as_small_on_a_huge_meeting_as_on_a_small_one(live: Meeting, meeting: Meeting) -> None:
    small = Meeting("small", "hwb", date(2019, 9, 11), agenda=list(meeting.agenda))
    small.status = MeetingStatus.HELD
    huge = _huge(live)
    assert len(json.dumps(meeting_to_document(huge))) > 300_000
    for target in (small, huge):
        forget_history(target)
        take_item(target, "item-4")
        mark(target, "m1", EventKind.PRESENT, current_item="item-4", at=time(18, 42))
        set_status(target, target.minute_for_item("item-4").id, MinuteStatus.DEFERRED)  # type: ignore[union-attr]
    assert history_size(huge).steps == history_size(small).steps == 3
    assert abs(history_size(huge).characters - history_size(small).characters) < 16  # "minute-31"
    assert history_size(huge).characters < 1_000


def test_the_history_is_bounded(live: Meeting) -> None:
    take_item(live, "item-4")
    for number in range(HISTORY_STEPS + 50):
        person = f"guest-{number}"
        mark(live, person, EventKind.PRESENT, current_item="item-4", at=time(19, 0), name=person * 40)
    size = history_size(live)
    assert size.steps <= HISTORY_STEPS
    assert size.characters <= HISTORY_CHARACTERS
    assert live.history.undo[-1].said.startswith("guest-249")


# --- any sequence of operations undoes to the start and redoes to the end ----------------
_PEOPLE = ["chair", "m1", "m2", "m3", "sub"]
_ITEMS = ["item-1", "item-4", "item-5"]
_KINDS = [EventKind.PRESENT, EventKind.APOLOGIES, EventKind.ABSENT, EventKind.DEPARTED, EventKind.WITHDREW]

_operation = st.one_of(
    st.tuples(
        st.just("mark"), st.sampled_from(_PEOPLE), st.sampled_from(_KINDS), st.sampled_from([None, *_ITEMS])
    ),
    st.tuples(st.just("take"), st.sampled_from(_ITEMS)),
    st.tuples(st.just("defer"), st.integers(0, 3)),
    st.tuples(st.just("chair"), st.sampled_from(_PEOPLE)),
    st.tuples(st.just("declare"), st.sampled_from(_PEOPLE), st.sampled_from(_ITEMS)),
    st.tuples(st.just("name"), st.sampled_from(_PEOPLE), st.sampled_from(["", "Buchanan"])),
    st.tuples(st.just("undeclare")),
)


def _run(meeting: Meeting, board: Committee, operation: tuple[Any, ...]) -> None:
    kind, *args = operation
    try:
        if kind == "mark":
            mark(meeting, args[0], args[1], current_item=args[2], at=time(19, 0))
        elif kind == "take":
            take_item(meeting, args[0])
        elif kind == "defer" and args[0] < len(meeting.minutes):
            minute = meeting.minutes[args[0]]
            status = MinuteStatus.DEFERRED if minute.numbered else MinuteStatus.MINUTED
            set_status(meeting, minute.id, status)
        elif kind == "chair":
            elect_chair(meeting, board, args[0], args[0].title())
        elif kind == "declare":
            declaration = Declaration(meeting.new_declaration_id(), args[0], args[1], nature="is a governor")
            declare(meeting, declaration)
        elif kind == "name":
            set_printed_name(meeting, args[0], args[1])
        elif kind == "undeclare" and meeting.declarations:
            remove_declaration(meeting, meeting.declarations[0].id)
    except DomainError:
        pass  # refused: nothing changed, nothing recorded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_operation, max_size=14))
def test_any_run_undoes_to_the_start_and_redoes_to_the_end(
    board: Committee, meeting: Meeting, operations: list[tuple[Any, ...]]
) -> None:
    live = meeting_from_document(meeting_to_document(meeting))
    live.status = MeetingStatus.HELD
    start = the_record(live)
    for operation in operations:
        _run(live, board, operation)
    end = the_record(live)
    steps = len(live.history.undo)
    for _ in range(steps):
        undo(live)
    assert the_record(live) == start
    for _ in range(steps):
        redo(live)
    assert the_record(live) == end
