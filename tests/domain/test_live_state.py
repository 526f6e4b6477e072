"""What the live screen may do now: the domain decides, with the reason for each refusal."""

from __future__ import annotations

from datetime import time

from clerk_tui.domain import EventKind, Meeting, MeetingStatus
from clerk_tui.domain.lifecycle import mark_drafted, take_live
from clerk_tui.domain.live import mark, take_item
from clerk_tui.domain.live_state import LiveCommand, live_permissions
from clerk_tui.domain.undo import undo

READING = {LiveCommand.PREVIEW, LiveCommand.ACTIONS, LiveCommand.EXPORT}


def test_a_meeting_not_yet_live_may_only_be_taken_live_and_read(meeting: Meeting) -> None:
    allowed = live_permissions(meeting, None)
    assert {c for c in LiveCommand if allowed.allows(c)} == READING | {LiveCommand.TAKE_LIVE}
    assert allowed.reason(LiveCommand.ROLL_CALL) == "The meeting is not live: take it live first."
    assert allowed.reason(LiveCommand.UNDO) == "Nothing to undo."
    assert allowed.reason(LiveCommand.TAKE_LIVE) == ""


def test_before_the_business_movements_and_writing_wait_for_an_item(meeting: Meeting) -> None:
    take_live(meeting)
    allowed = live_permissions(meeting, None)
    for command in (
        LiveCommand.ROLL_CALL,
        LiveCommand.ARRIVED,
        LiveCommand.TAKE_ITEM,
        LiveCommand.ELECT_CHAIR,
    ):
        assert allowed.allows(command), command
    assert allowed.reason(LiveCommand.MOVEMENT) == (
        "Take an item first: a departure is recorded against the item under way."
    )
    assert allowed.reason(LiveCommand.WRITE_MINUTE) == "Take an item first."
    assert allowed.reason(LiveCommand.DRAFTED) == "Nothing is minuted yet."
    assert allowed.reason(LiveCommand.PRINTED_NAME).startswith("Nothing is recorded yet")
    assert allowed.reason(LiveCommand.TAKE_LIVE) == "The meeting is held already."
    assert allowed.allows(LiveCommand.UNDO), "taking it live is a step"
    assert not allowed.allows(LiveCommand.REDO)


def test_with_an_item_under_way_everything_in_the_meeting_is_allowed(meeting: Meeting) -> None:
    take_live(meeting)
    take_item(meeting, "item-4")
    mark(meeting, "m1", EventKind.PRESENT, current_item="item-4", at=time(18, 42))
    allowed = live_permissions(meeting, "item-4")
    refused = {c for c in LiveCommand if not allowed.allows(c)}
    assert refused == {LiveCommand.TAKE_LIVE, LiveCommand.REOPEN, LiveCommand.REDO}
    undo(meeting)
    assert live_permissions(meeting, "item-4").allows(LiveCommand.REDO)


def test_drafted_minutes_must_be_reopened_to_change_the_record(meeting: Meeting) -> None:
    take_live(meeting)
    take_item(meeting, "item-4")
    mark_drafted(meeting, None)
    allowed = live_permissions(meeting, "item-4")
    assert (
        allowed.reason(LiveCommand.ROLL_CALL) == "The minutes are drafted: reopen them to change the record."
    )
    assert allowed.reason(LiveCommand.WRITE_MINUTE) == allowed.reason(LiveCommand.ROLL_CALL)
    assert allowed.allows(LiveCommand.REOPEN) and allowed.allows(LiveCommand.UNDO)
    assert not allowed.allows(LiveCommand.BACK_TO_DRAFT)
    assert {c for c in LiveCommand if allowed.allows(c)} >= READING


def test_approved_minutes_change_no_more(meeting: Meeting) -> None:
    take_live(meeting)
    meeting.status = MeetingStatus.APPROVED
    allowed = live_permissions(meeting, None)
    assert {c for c in LiveCommand if allowed.allows(c)} == READING
    assert allowed.reason(LiveCommand.UNDO) == "The minutes are approved: they are not undone."
