"""What a list of meetings knows of each: its status, how far its minutes' approval has
gone, and its summary (what the store's index holds).

Apart from the meeting and its parts, so that opening a store and listing its meetings
(the first frame) loads none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_tui.domain.meeting import Meeting


class MeetingStatus(StrEnum):
    DRAFT_AGENDA = "draft-agenda"
    PUBLISHED = "published"
    HELD = "held"
    MINUTES_DRAFTED = "minutes-drafted"
    APPROVED = "approved"
    CANCELLED = "cancelled"
    """Will not take place: kept in the calendar (marked so), out of attendance figures."""

    def label(self) -> str:
        return self.value.replace("-", " ")


class RecordState(StrEnum):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    CONFIRMED = "confirmed"
    SIGNED = "signed"


@dataclass(frozen=True)
class MeetingSummary:
    """What a list of meetings, and minute numbering across a year, need to know of each."""

    id: str
    committee_id: str
    date: date
    status: MeetingStatus
    minute_count: int = 0
    first_minute_number: int | None = None
    record_state: RecordState = RecordState.DRAFT
    """How far the minutes' approval has gone (``Meeting.record.state``): the store reads
    a stored meeting to guard its record only when this says there is one to guard."""

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingSummary:
        return cls(
            meeting.id,
            meeting.committee_id,
            meeting.date,
            meeting.status,
            meeting.minute_count(),
            meeting.first_minute_number,
            meeting.record.state,
        )

    def state_label(self) -> str:
        """The meeting's status or, once its minutes have left the draft, how far their
        approval has gone ("minutes signed"): that says more than "minutes drafted"."""
        if self.record_state is RecordState.DRAFT:
            return self.status.label()
        return f"minutes {self.record_state.value}"
