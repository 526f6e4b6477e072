"""A meeting's undo and redo lists, as stored with it (``Meeting.history``).

Only the data lives here, so that the meeting can hold it without importing how it is
applied; ``clerk_tui.domain.undo`` records steps and applies them (the design is
written down there).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

HISTORY_STEPS = 200
"""Steps kept for undo: a long meeting is about a hundred."""
HISTORY_CHARACTERS = 60_000
"""Characters of steps kept at most (about 100 KB once written as JSON), whatever the size of
the meeting; the oldest steps go first."""


class Target(StrEnum):
    """What a change touches."""

    ATTENDANCE = "attendance"
    """An event of ``meeting.attendance``."""
    DECLARATIONS = "declarations"
    """A declaration of ``meeting.declarations``."""
    MINUTES = "minutes"
    """A whole minute of ``meeting.minutes`` (taking an item, electing a chair)."""
    MEETING = "meeting"
    """One field of the meeting: ``status``, ``chair_id``, ``date``, ``start``, ``venue``."""
    MINUTE = "minute"
    """One field of one minute: ``status``, ``title``, ``resolution``, ``resolution.lead``."""


@dataclass
class Change:
    """One small change, both ways: what was there and what is there after, each the JSON
    the store writes for it (null: nothing, for an insertion or a removal)."""

    target: Target
    before: str | None = None
    after: str | None = None
    index: int = 0
    """The position in the list (attendance, declarations, minutes)."""
    minute_id: str = ""
    """For a minute's field: which minute."""
    path: str = ""
    """For a field: its name, dotted for a resolution's ("resolution.lead")."""

    def inverse(self) -> Change:
        return replace(self, before=self.after, after=self.before)

    def size(self) -> int:
        return len(self.before or "") + len(self.after or "") + len(self.minute_id) + len(self.path)


@dataclass
class Step:
    """One thing the clerk did, as the changes it made."""

    said: str
    """What was done, as the clerk reads it after "Undone: ": "Cllr Kelly marked arrived at 18:42"."""
    changes: list[Change] = field(default_factory=list)

    def size(self) -> int:
        return len(self.said) + sum(change.size() for change in self.changes)


@dataclass
class History:
    """What can be undone (the last step last) and redone (the next redo last)."""

    undo: list[Step] = field(default_factory=list)
    redo: list[Step] = field(default_factory=list)

    def record(self, step: Step) -> None:
        """A new step: what was undone can no longer be redone."""
        self.undo.append(step)
        self.redo.clear()
        self.trim()

    def trim(self) -> None:
        """Keep within the bounds, dropping the oldest undo steps (the latest always stays)."""
        del self.undo[: max(0, len(self.undo) - HISTORY_STEPS)]
        total = sum(step.size() for step in self.undo) + sum(step.size() for step in self.redo)
        while total > HISTORY_CHARACTERS and len(self.undo) > 1:
            total -= self.undo.pop(0).size()

    def clear(self) -> None:
        self.undo.clear()
        self.redo.clear()
