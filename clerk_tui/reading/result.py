"""What a reader returns: the meeting it recovered, and how it read every line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from clerk_tui.domain import Committee, HouseStyle, Meeting, Person
from clerk_tui.render.public import Copy


class PaperKind(StrEnum):
    MINUTES = "minutes"
    FRONT_SHEET = "front sheet"


@dataclass(frozen=True)
class Register:
    """What the store already holds that a paper may name."""

    people: Sequence[Person] = ()
    committees: Sequence[Committee] = ()
    meeting_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LineReading:
    number: int
    text: str
    read_as: str
    """ "running header (page furniture)", "minute 14: narrative", "not placed: ..."."""
    placed: bool = True


@dataclass(frozen=True)
class Note:
    """Something read with less than certainty, for the clerk to check."""

    line: int
    message: str


@dataclass(frozen=True)
class StyleChoice:
    """One house-style setting the paper shows, beside what the committee has now."""

    setting: str
    label: str
    printed: str
    """What the paper shows, in words."""
    current: str = ""
    """The committee's setting now ("" for a new committee)."""
    line: int = 0

    @property
    def differs(self) -> bool:
        return bool(self.current) and self.current != self.printed


WITHHELD_NOTE = (
    "Read from the public copy ({source}): the exempt record of this item was not in the paper "
    "and is not in clerk (no narrative, resolution or nature of interest was invented)."
)
"""The clerk's note (never printed) on an exempt item read from a public copy."""


@dataclass
class Reading:
    """One paper read: the meeting, its committee and people, and every line accounted for."""

    kind: PaperKind
    source_name: str
    meeting: Meeting | None = None
    committee: Committee | None = None
    """The committee as it would be stored: the register's own, or a new one, with the
    house style the paper shows (once the clerk confirms it)."""
    committee_is_new: bool = False
    people: list[Person] = field(default_factory=list)
    """Everyone the meeting names, as they would be stored."""
    new_people: list[Person] = field(default_factory=list)
    style: HouseStyle | None = None
    """The house style inferred from the paper (the committee's, with what the paper shows)."""
    style_choices: list[StyleChoice] = field(default_factory=list)
    membership_changes: list[str] = field(default_factory=list)
    """For a committee already in the store: how its membership would change so that the
    paper prints again as it is (people added, members put in the printed order)."""
    copy: Copy = Copy.PUBLIC
    """Which copy the paper is (render.public): CONFIDENTIAL when it holds exempt business
    in full (marked or not), PUBLIC when it has none or withholds it. The meeting read from a
    public copy holds no exempt text: see :data:`WITHHELD_NOTE`."""
    withheld: list[str] = field(default_factory=list)
    """Ids of the exempt agenda items whose record the paper withheld (a public copy)."""
    lines: list[LineReading] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Why the paper could not be read; with any, nothing may be stored."""

    @property
    def ok(self) -> bool:
        return not self.errors and self.meeting is not None and self.committee is not None

    @property
    def unplaced(self) -> list[LineReading]:
        return [line for line in self.lines if not line.placed]

    def summary(self) -> str:
        """One line: what was recovered."""
        if not self.ok or self.meeting is None or self.committee is None:
            return f"{self.source_name}: not read ({'; '.join(self.errors) or 'nothing recognised'})."
        meeting = self.meeting
        parts = [f"{self.kind.value} of {self.committee.name}, {meeting.date:%d %B %Y}"]
        if self.kind == PaperKind.MINUTES:
            parts.append(f"{meeting.minute_count()} minutes")
            parts.append(f"{len(meeting.attendance)} attendance records")
            if meeting.declarations:
                parts.append(f"{len(meeting.declarations)} declarations")
        else:
            parts.append(f"{len(meeting.agenda)} agenda items")
        if self.new_people:
            parts.append(f"{len(self.new_people)} new people")
        unplaced = len(self.unplaced)
        parts.append(f"{unplaced} line{'s' if unplaced != 1 else ''} not placed")
        return ", ".join(parts) + "."
