"""A meeting's states, each reversible, and what changing its date does to minute numbers.

draft agenda <-> published -> held (live) -> minutes drafted -> approved
      ^______________________/   ^_______________/

Every change of state is a step of the meeting's history (so ctrl+z undoes it too), and
each that changes the record has a sentence to confirm first, from here: the screens
ask it, the domain says it. Approval is not here: approved minutes are the committee's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time

from clerk_tui.domain.committee import HouseStyle
from clerk_tui.domain.dates import format_body_date, format_time
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.history import Target
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.numbering import first_minute_numbers, minute_range
from clerk_tui.domain.planning import fill_previous_minutes
from clerk_tui.domain.safe_text import one_line
from clerk_tui.domain.summary import MeetingStatus, MeetingSummary
from clerk_tui.domain.undo import Edit
from clerk_tui.domain.venue import Venue

NOT_YET_HELD = frozenset({MeetingStatus.DRAFT_AGENDA, MeetingStatus.PUBLISHED})


def short_date(day: date) -> str:
    """``Tue 15 Dec 2026``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def _how_far(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


# --- taking the meeting live -----------------------------------------------------------
def take_live_question(meeting: Meeting, today: date) -> str:
    """``This meeting is on Tue 15 Dec 2026, in 14 days: take it live now?``"""
    if meeting.status not in NOT_YET_HELD:
        raise DomainError(f"The meeting is {meeting.status.label()} already.", "status")
    when = _how_far(meeting.date, today)
    if when == "today":
        return f"This meeting is today, {short_date(meeting.date)}: take it live now?"
    verb = "was" if meeting.date < today else "is"
    return f"This meeting {verb} on {short_date(meeting.date)}, {when}: take it live now?"


def take_live(meeting: Meeting) -> str:
    """The meeting is under way: attendance and minutes are recorded from now."""
    if meeting.status not in NOT_YET_HELD:
        raise DomainError(f"The meeting is {meeting.status.label()} already.", "status")
    edit = Edit(meeting)
    edit.set_meeting("status", MeetingStatus.HELD)
    edit.commit("meeting taken live")
    return "The meeting is live: minutes are numbered as items are taken."


def _status_before_live(meeting: Meeting) -> MeetingStatus:
    """What the meeting was before it was taken live, if its history remembers."""
    held = json.dumps(MeetingStatus.HELD.value)
    for step in reversed(meeting.history.undo):
        for change in step.changes:
            if change.target == Target.MEETING and change.path == "status" and change.after == held:
                before = json.loads(change.before or "null")
                if before in {status.value for status in NOT_YET_HELD}:
                    return MeetingStatus(before)
    return MeetingStatus.DRAFT_AGENDA


@dataclass(frozen=True)
class BackToDraft:
    """What putting a held meeting back to its agenda does, said before it happens."""

    status: MeetingStatus
    """Where it goes back to: the draft agenda, or published if it was published."""
    removed: tuple[str, ...]
    """Minutes started but never written in (ids): they go, and their numbers with them."""
    kept: tuple[str, ...]
    """Minutes with text (ids): kept, still numbered."""
    sentence: str


def back_to_draft_plan(meeting: Meeting) -> BackToDraft:
    """``Put the meeting back to its draft agenda? ...``: what is removed and what is kept."""
    if meeting.status != MeetingStatus.HELD:
        raise DomainError(
            f"Only a live meeting goes back to its agenda; this one is {meeting.status.label()}."
        )
    status = _status_before_live(meeting)
    empty = tuple(m.id for m in meeting.minutes if not (m.narrative or m.resolution))
    written = [m for m in meeting.minutes if m.id not in empty]
    parts = [f"Put the meeting back to {_agenda_words(status)}?"]
    if empty:
        count = len(empty)
        parts.append(f"{count} minute{'s' if count > 1 else ''} started but not written in {_go(count)}.")
    if written:
        titles = ", ".join(f"“{m.title}”" for m in written)
        parts.append(f"Kept, with their numbers: {titles} (they have text).")
    if meeting.attendance:
        parts.append(f"The attendance recorded ({len(meeting.attendance)} marks) is kept.")
    return BackToDraft(status, empty, tuple(m.id for m in written), " ".join(parts))


def _agenda_words(status: MeetingStatus) -> str:
    return "its draft agenda" if status == MeetingStatus.DRAFT_AGENDA else "its published agenda"


def _go(count: int) -> str:
    return "goes" if count == 1 else "go"


def back_to_draft(meeting: Meeting) -> str:
    """Held by mistake (``m`` on a meeting weeks ahead): back to its agenda, as the plan says."""
    plan = back_to_draft_plan(meeting)
    edit = Edit(meeting)
    for minute in [m for m in meeting.minutes if m.id in plan.removed]:
        edit.remove(Target.MINUTES, minute)
    edit.set_meeting("status", plan.status)
    edit.commit(f"meeting put back to {_agenda_words(plan.status)}")
    return f"The meeting is back to {_agenda_words(plan.status)}."


# --- the agenda ---------------------------------------------------------------------
def publish_agenda(meeting: Meeting) -> str:
    if meeting.status != MeetingStatus.DRAFT_AGENDA:
        raise DomainError(f"Only a draft agenda is published; this meeting is {meeting.status.label()}.")
    edit = Edit(meeting)
    edit.set_meeting("status", MeetingStatus.PUBLISHED)
    edit.commit("agenda published")
    return "Agenda published."


def unpublish_agenda(meeting: Meeting) -> str:
    """Back to a draft: the agenda can be changed again (copies already sent are not recalled)."""
    if meeting.status != MeetingStatus.PUBLISHED:
        raise DomainError(f"The agenda is not published; the meeting is {meeting.status.label()}.")
    edit = Edit(meeting)
    edit.set_meeting("status", MeetingStatus.DRAFT_AGENDA)
    edit.commit("agenda unpublished")
    return "The agenda is a draft again: copies already sent out are not recalled."


# --- after the meeting --------------------------------------------------------------
@dataclass(frozen=True)
class Drafted:
    said: str
    upcoming_changed: bool
    """The next meeting's agenda now names this meeting in its previous-minutes item: save it."""


def following_meeting(summaries: Iterable[MeetingSummary], meeting: Meeting) -> MeetingSummary | None:
    """The committee's next meeting after this one: its agenda confirms these minutes."""
    later = [s for s in summaries if s.committee_id == meeting.committee_id and s.date > meeting.date]
    return min(later, key=lambda s: (s.date, s.id)) if later else None


def mark_drafted(meeting: Meeting, upcoming: Meeting | None) -> Drafted:
    """The meeting is over: its minutes are drafted, and the next meeting's agenda names
    this one in its previous-minutes item (if it names none yet; not undone with the
    drafting, since it is true either way)."""
    if meeting.status != MeetingStatus.HELD:
        raise DomainError(f"Only a held meeting's minutes are drafted; this one is {meeting.status.label()}.")
    edit = Edit(meeting)
    edit.set_meeting("status", MeetingStatus.MINUTES_DRAFTED)
    edit.commit("minutes marked drafted")
    said = "Minutes marked drafted."
    changed = upcoming is not None and fill_previous_minutes(upcoming, meeting.date)
    if upcoming is not None and changed:
        said += (
            f" The agenda of {upcoming.date:%d %B %Y} now lists the minutes of the meeting "
            f"held on {format_body_date(meeting.date)}."
        )
    return Drafted(said, changed)


def reopen_minutes(meeting: Meeting) -> str:
    """Drafted minutes opened again for changes (the meeting is live again)."""
    if meeting.status != MeetingStatus.MINUTES_DRAFTED:
        raise DomainError(f"The minutes are not drafted; the meeting is {meeting.status.label()}.")
    edit = Edit(meeting)
    edit.set_meeting("status", MeetingStatus.HELD)
    edit.commit("drafted minutes reopened")
    return "The minutes are open again: the meeting is live."


# --- date, time and venue ---------------------------------------------------------------
@dataclass(frozen=True)
class Renumbering:
    meeting_id: str
    day: date
    before: str
    """``12-22``"""
    after: str


@dataclass(frozen=True)
class RescheduleEffects:
    renumbered: tuple[Renumbering, ...]
    sentence: str
    """``Moving the meeting to Tue 15 Dec 2026: minutes 12-22 become 14-24; those of
    8 Apr 2027 (23-30) become 25-32.``"""


def reschedule_effects(
    meeting: Meeting, day: date, summaries: Iterable[MeetingSummary], style: HouseStyle
) -> RescheduleEffects:
    """What moving the meeting to ``day`` does to minute numbers, said before it happens
    (numbers run on through the municipal year in date order). Refused if it would change
    the numbers of approved minutes."""
    own = [s for s in summaries if s.committee_id == meeting.committee_id and s.id != meeting.id]
    here = MeetingSummary.of(meeting)
    before = first_minute_numbers([*own, here], style)
    after = first_minute_numbers([*own, replace(here, date=day)], style)
    changes: list[Renumbering] = []
    for summary in sorted([*own, here], key=lambda s: (s.id != meeting.id, s.date, s.id)):
        if summary.minute_count and before[summary.id] != after[summary.id]:
            if summary.status == MeetingStatus.APPROVED:
                raise DomainError(
                    f"The approved minutes of {format_body_date(summary.date)} would be renumbered: "
                    "set the first minute number of this meeting instead, or keep its date.",
                    "date",
                )
            old = minute_range(before[summary.id], summary.minute_count)
            new = minute_range(after[summary.id], summary.minute_count)
            changes.append(Renumbering(summary.id, summary.date, old, new))
    head = f"Moving the meeting to {short_date(day)}"
    if not changes:
        return RescheduleEffects((), f"{head}: minute numbers do not change.")
    said = []
    for change in changes:
        if change.meeting_id == meeting.id:
            said.append(f"minutes {change.before} become {change.after}")
        else:
            said.append(f"those of {short_date(change.day)} ({change.before}) become {change.after}")
    return RescheduleEffects(tuple(changes), f"{head}: {'; '.join(said)}.")


def change_date(meeting: Meeting, day: date) -> str:
    """Move the meeting (its id stays: ids are names, not dates). Say ``reschedule_effects`` first."""
    if day == meeting.date:
        return "The date is unchanged."
    was = meeting.date
    edit = Edit(meeting)
    edit.set_meeting("date", day)
    return edit.commit(f"meeting moved to {short_date(day)} (was {short_date(was)})")


def change_start(meeting: Meeting, start: time | None) -> str:
    if start == meeting.start:
        return "The time is unchanged."
    was = format_time(meeting.start) if meeting.start else "no time"
    now = format_time(start) if start else "no time"
    edit = Edit(meeting)
    edit.set_meeting("start", start)
    return edit.commit(f"start time {now} (was {was})")


def change_venue(meeting: Meeting, venue: Venue) -> str:
    """The meeting's venue, every wording of it kept (a room of the register keeps its
    sentence wording and register id)."""
    cleaned = Venue(
        room=one_line(venue.room),
        building=one_line(venue.building),
        address=one_line(venue.address),
        minutes_wording=one_line(venue.minutes_wording),
        sentence_wording=one_line(venue.sentence_wording),
        id=one_line(venue.id),
    )
    if cleaned == meeting.venue:
        return "The venue is unchanged."
    was = meeting.venue.front_sheet() or "no venue"
    edit = Edit(meeting)
    edit.set_meeting("venue", cleaned)
    return edit.commit(f"venue {cleaned.front_sheet() or 'none'} (was {was})")


# --- the questions asked first ----------------------------------------------------------
def publish_question(meeting: Meeting) -> str:
    """``Publish the agenda of Tue 15 Dec 2026? ...``: asked once, before it happens."""
    if meeting.status != MeetingStatus.DRAFT_AGENDA:
        raise DomainError(f"Only a draft agenda is published; this meeting is {meeting.status.label()}.")
    return (
        f"Publish the agenda of {short_date(meeting.date)}? It is marked as sent out; it can be "
        "made a draft again later, but copies sent out are not recalled."
    )


def unpublish_question(meeting: Meeting) -> str:
    if meeting.status != MeetingStatus.PUBLISHED:
        raise DomainError(f"The agenda is not published; the meeting is {meeting.status.label()}.")
    return (
        f"Make the published agenda of {short_date(meeting.date)} a draft again? "
        "Copies already sent out are not recalled."
    )


def reopen_question(meeting: Meeting) -> str:
    if meeting.status != MeetingStatus.MINUTES_DRAFTED:
        raise DomainError(f"The minutes are not drafted; the meeting is {meeting.status.label()}.")
    count = meeting.minute_count()
    return (
        f"Reopen the drafted minutes of {short_date(meeting.date)} ({count} minute"
        f"{'' if count == 1 else 's'})? The meeting is live again, so they can be changed; "
        "mark them drafted again when done."
    )


# --- deleting a meeting made by mistake ----------------------------------------------------
@dataclass(frozen=True)
class Deletion:
    """What deleting a meeting does, said before it happens."""

    renumbered: tuple[Renumbering, ...]
    """Later meetings of the year whose minute numbers close up."""
    sentence: str


def deletion_plan(
    meeting: MeetingSummary, summaries: Iterable[MeetingSummary], style: HouseStyle
) -> Deletion:
    """``Delete the meeting of Tue 15 Dec 2026 (draft agenda)? ...``. Refused for approved
    minutes (the committee's record), and when it would renumber approved minutes."""
    when = short_date(meeting.date)
    if meeting.status == MeetingStatus.APPROVED:
        raise DomainError(
            f"The minutes of {when} are approved: they are the committee's record and are not deleted."
        )
    own = [s for s in summaries if s.committee_id == meeting.committee_id and s.id != meeting.id]
    before = first_minute_numbers([*own, meeting], style)
    after = first_minute_numbers(own, style)
    changes: list[Renumbering] = []
    for summary in sorted(own, key=lambda s: (s.date, s.id)):
        if summary.minute_count and before[summary.id] != after[summary.id]:
            if summary.status == MeetingStatus.APPROVED:
                raise DomainError(
                    f"Deleting it would renumber the approved minutes of {short_date(summary.date)}: "
                    "it is kept.",
                )
            old = minute_range(before[summary.id], summary.minute_count)
            new = minute_range(after[summary.id], summary.minute_count)
            changes.append(Renumbering(summary.id, summary.date, old, new))
    parts = [f"Delete the meeting of {when} ({meeting.status.label()})?"]
    if meeting.minute_count:
        count = meeting.minute_count
        numbers = minute_range(before[meeting.id], count)
        parts.append(f"Its {count} minute{'' if count == 1 else 's'} ({numbers}) {_go(count)} with it.")
    if changes:
        moved = "; ".join(f"those of {short_date(c.day)} ({c.before}) become {c.after}" for c in changes)
        parts.append(f"Later minutes close up: {moved}.")
    parts.append("Its file is moved to the store's deleted area, and it can be put back.")
    return Deletion(tuple(changes), " ".join(parts))


def check_details_editable(meeting: Meeting) -> None:
    """The date, time and venue of approved minutes are the committee's record."""
    if meeting.status == MeetingStatus.APPROVED:
        raise DomainError(
            "The minutes are approved: the date, time and venue they record are the committee's "
            "and are not changed here.",
            "status",
        )
