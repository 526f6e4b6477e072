"""Planning meetings: a new meeting from its committee, and a year's schedule by rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta

from clerk_tui.domain.agenda import STANDARD_TITLES, AgendaItem, CarriedBecause, CarriedFrom, ItemKind
from clerk_tui.domain.committee import Committee
from clerk_tui.domain.dates import format_body_date
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.ids import next_sequential_id, unique_id
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import MinuteStatus


def meeting_id_for(committee: Committee, day: date, taken: Iterable[str]) -> str:
    """``hwb-2019-06-12``: the committee's id and the date; ``-2`` for a second that day."""
    return unique_id(f"{committee.id}-{day.isoformat()}", taken)


def previous_meeting_date(dates: Iterable[date], day: date) -> date | None:
    """The latest of ``dates`` before ``day``: the meeting whose minutes come up next."""
    earlier = [other for other in dates if other < day]
    return max(earlier) if earlier else None


def previous_minutes_description(previous: date) -> str:
    """``Minutes of the meeting held on 7 December 2022`` (the printer adds any full stop)."""
    return f"Minutes of the meeting held on {format_body_date(previous)}"


def new_meeting(committee: Committee, day: date, meeting_id: str, previous: date | None = None) -> Meeting:
    """A meeting pre-filled from its committee: venue, time, officer, and the standard
    opening items in the committee's order, the previous minutes item naming the date of
    the meeting before."""
    meeting = Meeting(
        meeting_id,
        committee.id,
        day,
        committee.start_time,
        replace(committee.venue),
        officer=replace(committee.officer),
    )
    for kind in committee.style.opening_order:
        title = STANDARD_TITLES[kind]
        description = ""
        if kind == ItemKind.PREVIOUS_MINUTES:
            title = committee.style.previous_minutes_title
            description = previous_minutes_description(previous) if previous else ""
        meeting.add_item(AgendaItem(meeting.new_item_id(), title, kind, description=description))
    return meeting


def fill_previous_minutes(meeting: Meeting, previous: date) -> bool:
    """Name the previous meeting's date in the previous-minutes item, if it names none yet."""
    for item in meeting.agenda:
        if item.kind == ItemKind.PREVIOUS_MINUTES and not item.description:
            item.description = previous_minutes_description(previous)
            return True
    return False


_CARRIED = {MinuteStatus.DEFERRED: CarriedBecause.DEFERRED, MinuteStatus.WITHDRAWN: CarriedBecause.WITHDRAWN}


def items_to_carry_forward(previous: Meeting, meeting: Meeting) -> list[AgendaItem]:
    """The items ``previous`` deferred or withdrew, offered for ``meeting``'s agenda: each a
    copy with its history (``carried_from``) extended, its own id on the new agenda, and no
    pages or label (the new pack numbers them). An item already carried to ``meeting`` is
    not offered twice."""
    already = {
        (earlier.meeting_id, earlier.item_id) for item in meeting.agenda for earlier in item.carried_from
    }
    taken = meeting.agenda_ids()
    offered: list[AgendaItem] = []
    for minute in previous.minutes:
        because = _CARRIED.get(minute.status)
        if because is None or minute.item_id is None or (previous.id, minute.item_id) in already:
            continue
        item = previous.item(minute.item_id)
        item_id = next_sequential_id("item", taken)
        taken.append(item_id)
        history = [*item.carried_from, CarriedFrom(previous.id, previous.date, item.id, because)]
        offered.append(
            replace(
                item,
                id=item_id,
                label="",
                pages=None,
                to_follow=False,
                line_order=list(item.line_order),
                exempt_paragraphs=list(item.exempt_paragraphs),
                carried_from=history,
            )
        )
    return offered


def carry_forward(meeting: Meeting, items: Iterable[AgendaItem]) -> list[str]:
    """Put the chosen carried items on the agenda, before any "Date of Next Meeting" item
    (else at the end); returns their ids."""
    added: list[str] = []
    for item in items:
        closing = [i for i, existing in enumerate(meeting.agenda) if existing.kind == ItemKind.NEXT_MEETING]
        meeting.add_item(item, closing[0] if closing else None)
        added.append(item.id)
    return added


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def schedule(
    start: date,
    until: date,
    *,
    nth: str = "first",
    weekday_name: str = "tuesday",
    every_months: int = 1,
    every_weeks: int = 0,
    skip: Iterable[date] = (),
) -> list[date]:
    """Dates for a year's meetings: "first Tuesday every two months" from ``start`` to
    ``until`` (or every N weeks on a weekday), less the dates the clerk removed."""
    if until < start:
        raise DomainError("The schedule ends before it starts.", "until")
    from dateutil.rrule import MO, MONTHLY, WEEKLY, rrule, rruleset, weekday  # only a schedule needs it

    name = weekday_name.lower()
    if name not in _WEEKDAYS:
        raise DomainError(f"“{weekday_name}” is not a day of the week.", "weekday")
    day = weekday(_WEEKDAYS.index(name))
    dtstart = datetime(start.year, start.month, start.day)
    dtuntil = datetime(until.year, until.month, until.day)
    rules = rruleset()
    if every_weeks:
        if every_weeks < 1:
            raise DomainError("Every how many weeks? 1 or more.", "every")
        # Count the fortnights from the first such weekday on or after the start. Left to
        # rrule, they would count from the week holding the start, whose bounds depend on
        # wkst (calendar.firstweekday() by default): from a Sunday, "every two weeks on
        # Monday" could skip the very next day.
        first = dtstart + timedelta(days=(day.weekday - dtstart.weekday()) % 7)
        rules.rrule(rrule(WEEKLY, interval=every_weeks, byweekday=day, dtstart=first, until=dtuntil, wkst=MO))
    else:
        if nth not in _NTH:
            raise DomainError("Choose first, second, third, fourth or last.", "nth")
        if not 1 <= every_months <= 12:
            raise DomainError("Every how many months? 1 to 12.", "every")
        rules.rrule(
            rrule(MONTHLY, interval=every_months, byweekday=day(_NTH[nth]), dtstart=dtstart, until=dtuntil)
        )
    for removed in skip:
        rules.exdate(datetime(removed.year, removed.month, removed.day))
    return [moment.date() for moment in rules]
