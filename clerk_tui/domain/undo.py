"""Undo and redo for everything the clerk does to a meeting in the live meeting.

Why the history is what it is:

- **A step is the changes one operation made, not a copy of the meeting.** Each operation
  makes its changes through an ``Edit``, which notes every one as it is made: an attendance
  event, declaration or minute put in or taken out (with its JSON), or one field set
  (``meeting.status``, ``meeting.chair_id``, ``minute.status``, ``resolution.lead``) with the
  value before and after. A mark is about 200 bytes, whatever the size of the meeting;
  a 376 KB meeting does not grow by 376 KB a key press. Undo applies the changes backwards,
  redo forwards: one mechanism, so no operation has an inverse of its own to get wrong.
- **It is stored with the meeting** (``Meeting.history``), so it is saved with every change
  and a restart (or a crash) keeps it: ctrl+z after reopening undoes the last mark.
  Bounded (``HISTORY_STEPS`` steps and ``HISTORY_CHARACTERS`` of JSON, oldest dropped).
  Files written before it existed read with an empty history: no migration.
- **An attendance mark undone is removed, not countered.** The timeline is the clerk's note
  of what happened in the room; the PRESENT block, the late arrivals, the apologies and the
  quorum are all derived from it. A slip of the key is not something that happened at the
  meeting, and a "retracted" event that every reader had to skip would be one more way to
  print a wrong record. The legal record is the minutes the committee approves; until then
  the draft is corrected, and the redo list keeps what was undone until the next change.
- **Undo never overwrites later work.** Every change checks that the meeting still holds what
  the operation left; if not (the clerk typed in the minute since, or changed the same
  field), nothing is changed and the refusal says why and what to do. A minute with text
  typed since is never taken out by an undo.
- **Typing is not in it.** The text boxes have their own undo; a step per keystroke would
  push the marks out of reach and grow the file with every letter.
- **Drafted and approved minutes.** "Minutes drafted" is a step: undoing it reopens them.
  While the minutes are drafted (or the meeting is not live), only a step that changes the
  meeting's status can be undone or redone: the record is changed by reopening, not behind
  the clerk's back. Approved minutes are the committee's record: ``forget_history`` clears
  the lists when they are approved, and undo refuses on an approved meeting.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from clerk_tui.domain.attendance import AttendanceEvent
from clerk_tui.domain.codec import converter
from clerk_tui.domain.declarations import Declaration
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.history import Change, Step, Target
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import Minute
from clerk_tui.domain.summary import MeetingStatus

_LISTS: dict[Target, type] = {
    Target.ATTENDANCE: AttendanceEvent,
    Target.DECLARATIONS: Declaration,
    Target.MINUTES: Minute,
}


class _Conflict(Exception):
    """The meeting no longer holds what a change expects: it cannot be applied."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _encode(value: object) -> str:
    return json.dumps(converter().unstructure(value), ensure_ascii=False, separators=(",", ":"))


def _decode(text: str | None, kind: Any) -> Any:
    return None if text is None else converter().structure(json.loads(text), kind)


def _list(meeting: Meeting, target: Target) -> list[Any]:
    items: list[Any] = getattr(meeting, target.value)
    return items


# --- recording ------------------------------------------------------------------------
class Edit:
    """The changes one operation makes to a meeting, made and noted one by one.

    Operations change the meeting only through an Edit, then ``commit`` it with the
    sentence that names what was done; an Edit that changed nothing records nothing.
    """

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.changes: list[Change] = []

    def insert(self, target: Target, value: object, index: int | None = None) -> None:
        items = _list(self.meeting, target)
        position = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(position, value)
        self.changes.append(Change(target, None, _encode(value), position))

    def remove(self, target: Target, value: object) -> None:
        """Take out this very object (not merely an equal one)."""
        items = _list(self.meeting, target)
        position = next(i for i, item in enumerate(items) if item is value)
        items.pop(position)
        self.changes.append(Change(target, _encode(value), None, position))

    def replace(self, target: Target, old: object, new: object) -> None:
        items = _list(self.meeting, target)
        position = next(i for i, item in enumerate(items) if item is old)
        items[position] = new
        self.changes.append(Change(target, _encode(old), _encode(new), position))

    def set_meeting(self, path: str, value: object) -> None:
        self._set(self.meeting, Change(Target.MEETING, path=path), value)

    def set_minute(self, minute: Minute, path: str, value: object) -> None:
        self._set(minute, Change(Target.MINUTE, minute_id=minute.id, path=path), value)

    def _set(self, owner: object, change: Change, value: object) -> None:
        current = _get(owner, change.path)
        if current == value:
            return
        _put(owner, change.path, value)
        self.changes.append(replace(change, before=_encode(current), after=_encode(value)))

    def commit(self, said: str) -> str:
        """Record the step (if anything changed) and return ``said``."""
        if self.changes:
            self.meeting.history.record(Step(said, list(self.changes)))
            self.changes = []
        return said


def _get(owner: object, path: str) -> Any:
    value = owner
    for name in path.split("."):
        if value is None:
            raise _Conflict(f"it has no {path.split('.')[0]} now")
        value = getattr(value, name)
    return value


def _put(owner: object, path: str, value: object) -> None:
    *parents, name = path.split(".")
    target = owner
    for parent in parents:
        target = getattr(target, parent)
        if target is None:
            raise _Conflict(f"it has no {parent} now")
    setattr(target, name, value)


def _type_of(owner: object, path: str) -> Any:
    """The declared type of the field at ``path`` (``Resolution | None`` for "resolution")."""
    kind: Any = type(owner)
    *parents, name = path.split(".")
    for parent in parents:
        hint = typing.get_type_hints(kind)[parent]
        kind = next(arg for arg in typing.get_args(hint) or (hint,) if arg is not type(None))
    return typing.get_type_hints(kind)[name]


# --- applying ---------------------------------------------------------------------------
def _minute(meeting: Meeting, minute_id: str) -> Minute:
    for minute in meeting.minutes:
        if minute.id == minute_id:
            return minute
    raise _Conflict("the minute it changed is no longer there")


def _written_since(current: Minute, recorded: Minute) -> bool:
    """The minute holds text (or motions) that was not there when the step was recorded."""
    if current.narrative and current.narrative != recorded.narrative:
        return True
    if current.motions and current.motions != recorded.motions:
        return True
    if current.resolution is None:
        return False
    return recorded.resolution is None or current.resolution.parts != recorded.resolution.parts


def _locate(items: list[Any], change: Change, expected: Any) -> int:
    if change.target == Target.ATTENDANCE:
        matches = [i for i, item in enumerate(items) if item == expected]
        if not matches:
            raise _Conflict("the attendance record has changed since")
        return change.index if change.index in matches else matches[-1]
    position = next((i for i, item in enumerate(items) if item.id == expected.id), None)
    if position is None:
        raise _Conflict(f"{'the minute' if change.target == Target.MINUTES else 'the declaration'} is gone")
    current = items[position]
    if change.target == Target.MINUTES and change.after is None:
        if _written_since(current, expected):
            raise _Conflict(f"“{current.title}” has text typed since: clear it first, or withdraw the item")
    elif current != expected:
        raise _Conflict("it has been changed since")
    return position


def _apply(meeting: Meeting, change: Change) -> Change:
    """Make ``change`` happen (before -> after) if the meeting still holds ``before``;
    return it as made (with what was really there before)."""
    if change.target in _LISTS:
        kind = _LISTS[change.target]
        items = _list(meeting, change.target)
        if change.before is None:
            position = max(0, min(change.index, len(items)))
            items.insert(position, _decode(change.after, kind))
            return replace(change, index=position)
        position = _locate(items, change, _decode(change.before, kind))
        current = items[position]
        if change.after is None:
            items.pop(position)
        else:
            items[position] = _decode(change.after, kind)
        return replace(change, before=_encode(current), index=position)
    owner: object = meeting if change.target == Target.MEETING else _minute(meeting, change.minute_id)
    kind = _type_of(owner, change.path)
    if _get(owner, change.path) != _decode(change.before, kind):
        raise _Conflict(f"its {change.path.replace('_', ' ')} has been changed since")
    _put(owner, change.path, _decode(change.after, kind))
    return change


def _apply_all(meeting: Meeting, changes: Sequence[Change]) -> list[Change]:
    """All of them or none: on a conflict, what was applied is put back."""
    applied: list[Change] = []
    try:
        for change in changes:
            applied.append(_apply(meeting, change))
    except _Conflict:
        for done in reversed(applied):
            _apply(meeting, done.inverse())
        raise
    return applied


def _changes_status(step: Step) -> bool:
    return any(c.target == Target.MEETING and c.path == "status" for c in step.changes)


def _check_status(meeting: Meeting, step: Step, which: str) -> None:
    if meeting.status == MeetingStatus.APPROVED:
        raise DomainError(
            "The minutes are approved: they are the committee's record and are not undone.", "history"
        )
    if meeting.status == MeetingStatus.HELD or _changes_status(step):
        return
    if meeting.status == MeetingStatus.MINUTES_DRAFTED:
        raise DomainError(f"The minutes are drafted: reopen them to {which} ({step.said}).", "history")
    raise DomainError(f"The meeting is not live: take it live to {which} ({step.said}).", "history")


def undo(meeting: Meeting) -> str:
    """Undo the last step; says what was undone. Refused (nothing changed) with a reason."""
    if not meeting.history.undo:
        raise DomainError("Nothing to undo.", "history")
    step = meeting.history.undo[-1]
    _check_status(meeting, step, "undo the last step")
    try:
        applied = _apply_all(meeting, [change.inverse() for change in reversed(step.changes)])
    except _Conflict as conflict:
        raise DomainError(
            f"Cannot undo the last step ({step.said}): {conflict.reason}. Nothing was changed.", "history"
        ) from None
    meeting.history.undo.pop()
    meeting.history.redo.append(Step(step.said, [change.inverse() for change in reversed(applied)]))
    meeting.history.trim()
    return f"Undone: {step.said}."


def redo(meeting: Meeting) -> str:
    """Do again the step last undone; says what was redone."""
    if not meeting.history.redo:
        raise DomainError("Nothing to redo.", "history")
    step = meeting.history.redo[-1]
    _check_status(meeting, step, "redo the next step")
    try:
        applied = _apply_all(meeting, step.changes)
    except _Conflict as conflict:
        raise DomainError(
            f"Cannot redo the next step ({step.said}): {conflict.reason}. Nothing was changed.", "history"
        ) from None
    meeting.history.redo.pop()
    meeting.history.undo.append(Step(step.said, applied))
    meeting.history.trim()
    return f"Redone: {step.said}."


def skip_undo(meeting: Meeting) -> str:
    """Drop the last step when it can no longer be undone (the record is not changed)."""
    if not meeting.history.undo:
        raise DomainError("Nothing to undo.", "history")
    step = meeting.history.undo.pop()
    return f"The last step ({step.said}) is dropped: it can no longer be undone. The record is unchanged."


def undo_label(meeting: Meeting) -> str | None:
    """``Undo: Cllr Kelly marked arrived at 18:42`` for a button or the palette; None: nothing."""
    return f"Undo: {meeting.history.undo[-1].said}" if meeting.history.undo else None


def redo_label(meeting: Meeting) -> str | None:
    return f"Redo: {meeting.history.redo[-1].said}" if meeting.history.redo else None


def forget_history(meeting: Meeting) -> None:
    """When the minutes are approved: from then on they change only by the committee's resolution."""
    meeting.history.clear()


@dataclass(frozen=True)
class HistorySize:
    steps: int
    characters: int


def history_size(meeting: Meeting) -> HistorySize:
    """How much the history holds (for the benchmarks and the tests)."""
    steps = meeting.history.undo + meeting.history.redo
    return HistorySize(len(steps), sum(step.size() for step in steps))
