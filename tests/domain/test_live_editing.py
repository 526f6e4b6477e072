"""The minute as the editor holds it, and how one minute prints (its options)."""

from __future__ import annotations

import pytest

from clerk_tui.domain import BlockKind, DomainError, Meeting, MeetingStatus, ResolutionLead
from clerk_tui.domain.live import (
    apply_options,
    current_item_after,
    minute_has_text,
    opening_for,
    resume_item,
    take_item,
    write_minute,
)
from clerk_tui.domain.minutes import MinuteOptions
from clerk_tui.domain.undo import undo

EXCLUSION = (
    "under Section 100A(4) of the Local Government Act, 1972, the press and public be excluded from "
    "the meeting for the following item of business"
)


def test_a_resolution_is_built_from_the_typed_lines() -> None:
    assert opening_for(["the report be noted"]) == "That"
    assert opening_for([EXCLUSION]) == "That,"
    assert opening_for([EXCLUSION, "the plan be approved"]) == "That"


def test_write_minute_builds_the_narrative_and_a_new_resolution(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    said = write_minute(
        minute,
        "The Board considered the report.\n\n- waiting times\n- the budget",
        "(1) the report be noted;\nthat the plan be approved.",
        ResolutionLead.RECOMMENDED,
    )
    assert said == ""
    assert [b.kind for b in minute.narrative] == [BlockKind.PARAGRAPH, BlockKind.BULLETS]
    assert minute.resolution is not None
    assert minute.resolution.parts == ["the report be noted", "the plan be approved"]
    assert (minute.resolution.lead, minute.resolution.opening) == (ResolutionLead.RECOMMENDED, "That")
    assert minute_has_text(minute)


def test_the_statutory_exclusion_opens_with_that_comma(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    write_minute(minute, "", EXCLUSION, ResolutionLead.RESOLVED)
    assert minute.resolution is not None and minute.resolution.opening == "That,"


def test_editing_a_resolution_keeps_its_options_and_emptying_it_removes_it(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    write_minute(minute, "", "the report be noted", ResolutionLead.RESOLVED)
    apply_options(meeting, minute.id, MinuteOptions("Report A", opening="", final_full_stop=False))
    write_minute(minute, "", "the report be noted\nthe plan be approved", ResolutionLead.RESOLVED)
    assert minute.resolution is not None
    assert (minute.resolution.opening, minute.resolution.final_full_stop) == ("", False)
    assert len(minute.resolution.parts) == 2
    write_minute(minute, "", "  \n ", ResolutionLead.RESOLVED)
    assert minute.resolution is None and not minute_has_text(minute)


def test_control_characters_typed_are_removed_and_named(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    said = write_minute(
        minute, "The Board\x1b[2J considered", "the report be noted\x07", ResolutionLead.RESOLVED
    )
    assert minute.narrative[0].text == "The Board considered"
    assert minute.resolution is not None and minute.resolution.parts == ["the report be noted"]
    assert "Removed from the narrative: escape sequence" in said
    assert "Removed from the resolution: U+0007 (bell)" in said


def test_minute_options_change_how_it_prints_and_say_what_changed(meeting: Meeting) -> None:
    meeting.status = MeetingStatus.HELD
    minute = take_item(meeting, "item-4")
    write_minute(minute, "", "the report be noted\nthe plan be approved", ResolutionLead.RESOLVED)
    options = MinuteOptions.of(minute)
    assert options == MinuteOptions("Report A")
    said = apply_options(
        meeting,
        minute.id,
        MinuteOptions("Report A: Better Care Fund", ResolutionLead.RECOMMENDED, and_before_last=False),
    )
    assert said == (
        "“Report A: Better Care Fund”: heading “Report A: Better Care Fund”, RECOMMENDED, "
        "no “; and” before the last part."
    )
    assert minute.title == "Report A: Better Care Fund"
    assert minute.resolution is not None
    assert (minute.resolution.lead, minute.resolution.and_before_last) == (ResolutionLead.RECOMMENDED, False)
    assert undo(meeting).startswith("Undone: minute options of “Report A: Better Care Fund”")
    assert minute.title == "Report A" and minute.resolution.lead == ResolutionLead.RESOLVED


def test_minute_options_that_change_nothing_record_nothing(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    steps = len(meeting.history.undo)
    assert apply_options(meeting, minute.id, MinuteOptions("Report A")) == "“Report A”: nothing changed."
    assert len(meeting.history.undo) == steps


def test_a_minute_needs_a_heading(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    with pytest.raises(DomainError, match="A minute needs a title"):
        apply_options(meeting, minute.id, MinuteOptions(" \x1b "))
    assert minute.title == "Report A"


def test_options_for_a_minute_with_no_resolution_change_its_heading_only(meeting: Meeting) -> None:
    minute = take_item(meeting, "item-4")
    said = apply_options(meeting, minute.id, MinuteOptions("Report A", ResolutionLead.RECOMMENDED))
    assert said == "“Report A”: nothing changed." and minute.resolution is None


def test_the_screen_resumes_on_the_last_item_taken_and_follows_an_undo(meeting: Meeting) -> None:
    meeting.status = MeetingStatus.HELD
    assert resume_item(meeting) is None
    take_item(meeting, "item-1")
    take_item(meeting, "item-4")
    assert resume_item(meeting) == "item-4"
    assert current_item_after(meeting, "item-4") == "item-4"
    undo(meeting)
    assert current_item_after(meeting, "item-4") == "item-1"
