"""What the live screen may do now, decided by the domain, so that the screen's
``check_action`` asks here and the footer, the palette and the buttons agree.

A command is refused with the sentence to show (``LivePermissions.reason``): the meeting
is not live, its minutes are drafted or approved, no item has been taken, nothing to undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.summary import MeetingStatus


class LiveCommand(StrEnum):
    TAKE_LIVE = "take-live"
    BACK_TO_DRAFT = "back-to-draft"
    TAKE_ITEM = "take-item"
    """Next, previous, or an item from the agenda column."""
    WRITE_MINUTE = "write-minute"
    """Type the narrative and resolution of the current minute."""
    ROLL_CALL = "roll-call"
    """Present, apologies, absent, all present."""
    ARRIVED = "arrived"
    MOVEMENT = "movement"
    """Departed, withdrew, returned: tied to the item under way."""
    ATTENDEE = "attendee"
    """Substitute, also present, officer."""
    CORRECT_MARK = "correct-mark"
    EVENT_TIME = "event-time"
    PRINTED_NAME = "printed-name"
    DECLARE = "declare"
    ELECT_CHAIR = "elect-chair"
    DEFER = "defer"
    VOTE = "vote"
    """Move, second, count, recorded vote, result, casting vote, withdraw (``domain.votes``)."""
    MINUTE_OPTIONS = "minute-options"
    DRAFTED = "drafted"
    REOPEN = "reopen"
    UNDO = "undo"
    REDO = "redo"
    PREVIEW = "preview"
    ACTIONS = "actions"
    EXPORT = "export"


_READING = frozenset({LiveCommand.PREVIEW, LiveCommand.ACTIONS, LiveCommand.EXPORT})
_RECORDING = (
    frozenset(LiveCommand)
    - _READING
    - {
        LiveCommand.TAKE_LIVE,
        LiveCommand.BACK_TO_DRAFT,
        LiveCommand.REOPEN,
        LiveCommand.UNDO,
        LiveCommand.REDO,
    }
)
"""Commands that change the record of a live meeting."""


@dataclass(frozen=True)
class LivePermissions:
    refused: Mapping[LiveCommand, str] = field(default_factory=dict)
    """Each command not allowed now, with why."""

    def allows(self, command: LiveCommand) -> bool:
        return command not in self.refused

    def reason(self, command: LiveCommand) -> str:
        """Why not ("" when it is allowed)."""
        return self.refused.get(command, "")


def live_permissions(meeting: Meeting, current_item: str | None) -> LivePermissions:
    """What the live screen may do for ``meeting`` with ``current_item`` under way (None:
    the business has not begun)."""
    refused: dict[LiveCommand, str] = {}
    status = meeting.status
    if status != MeetingStatus.HELD:
        why = {
            MeetingStatus.DRAFT_AGENDA: "The meeting is not live: take it live first.",
            MeetingStatus.PUBLISHED: "The meeting is not live: take it live first.",
            MeetingStatus.MINUTES_DRAFTED: "The minutes are drafted: reopen them to change the record.",
            MeetingStatus.APPROVED: "The minutes are approved: they are the committee's record.",
        }[status]
        refused.update(dict.fromkeys(_RECORDING, why))
        refused[LiveCommand.BACK_TO_DRAFT] = why
    else:
        _while_live(meeting, current_item, refused)
    if status not in {MeetingStatus.DRAFT_AGENDA, MeetingStatus.PUBLISHED}:
        refused[LiveCommand.TAKE_LIVE] = f"The meeting is {status.label()} already."
    if status != MeetingStatus.MINUTES_DRAFTED:
        refused[LiveCommand.REOPEN] = "The minutes are not drafted."
    if status == MeetingStatus.APPROVED:
        refused[LiveCommand.UNDO] = refused[LiveCommand.REDO] = (
            "The minutes are approved: they are not undone."
        )
    if not meeting.history.undo:
        refused.setdefault(LiveCommand.UNDO, "Nothing to undo.")
    if not meeting.history.redo:
        refused.setdefault(LiveCommand.REDO, "Nothing to redo.")
    return LivePermissions(refused)


def _while_live(meeting: Meeting, current_item: str | None, refused: dict[LiveCommand, str]) -> None:
    if current_item is None:
        refused[LiveCommand.MOVEMENT] = (
            "Take an item first: a departure is recorded against the item under way."
        )
    minute = meeting.minute_for_item(current_item) if current_item is not None else None
    if minute is None:
        for command in (
            LiveCommand.WRITE_MINUTE,
            LiveCommand.DEFER,
            LiveCommand.MINUTE_OPTIONS,
            LiveCommand.VOTE,
        ):
            refused[command] = "Take an item first."
    if not meeting.minutes:
        refused[LiveCommand.DRAFTED] = "Nothing is minuted yet."
    if not meeting.attendance:
        for command in (LiveCommand.EVENT_TIME, LiveCommand.PRINTED_NAME, LiveCommand.CORRECT_MARK):
            refused[command] = "Nothing is recorded yet: mark attendance first."
    if not meeting.agenda:
        refused[LiveCommand.TAKE_ITEM] = "The agenda has no items."
