"""A committee's meetings as an iCalendar (.ics) file for members' and officers'
calendars (Outlook, Google, Apple): one event per meeting, in Europe/London time with
its VTIMEZONE, the venue as the location, cancelled meetings kept and marked.

Re-exporting updates what calendars already hold: each event's UID comes from its
meeting id, so it never changes, and its SEQUENCE and DTSTAMP come from the moment of
export, so every export supersedes the one before without the store keeping a counter
(the sequence is the seconds since 2000, which only ever grows).

Pure: meetings in, text out. Import it only to write a calendar (icalendar is loaded).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from clerk_tui.domain import Committee, Meeting, MeetingStatus
from clerk_tui.domain.committee import HouseStyle
from clerk_tui.domain.numbering import municipal_year, municipal_year_label
from clerk_tui.render.layout import safe

LONDON = ZoneInfo("Europe/London")
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
DEFAULT_LENGTH = timedelta(hours=2)
"""Meetings record a start time only; calendars are given this length."""
PRODUCT = "-//clerk//committee meetings//EN"


def meetings_of_year(meetings: Iterable[Meeting], style: HouseStyle, year: int) -> list[Meeting]:
    """The meetings of the municipal year that began in ``year`` (2019 for 2019/20), by date."""
    chosen = [m for m in meetings if municipal_year(m.date, style) == year]
    return sorted(chosen, key=lambda m: (m.date, m.id))


def event_uid(meeting: Meeting, domain: str) -> str:
    return f"{meeting.id}@{domain}"


def sequence_at(stamp: datetime) -> int:
    return max(0, int((stamp - SEQUENCE_EPOCH).total_seconds()))


def write_calendar(
    committee: Committee,
    meetings: Iterable[Meeting],
    stamp: datetime,
    *,
    domain: str = "clerk",
    length: timedelta = DEFAULT_LENGTH,
    name: str = "",
) -> str:
    """The meetings as an iCalendar file (CRLF line endings, as RFC 5545 asks)."""
    if stamp.tzinfo is None:
        raise ValueError("the export time must say its time zone")
    listed = list(meetings)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = name or _calendar_name(committee, listed)
    calendar.add("x-wr-calname", safe(title))
    calendar.add("x-wr-timezone", "Europe/London")
    for meeting in listed:
        calendar.add_component(_event(committee, meeting, stamp.astimezone(UTC), domain, length))
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def _calendar_name(committee: Committee, meetings: list[Meeting]) -> str:
    if not meetings:
        return committee.name
    return f"{committee.name} {municipal_year_label(meetings[0].date, committee.style)}"


def _event(committee: Committee, meeting: Meeting, stamp: datetime, domain: str, length: timedelta) -> Event:
    event = Event()
    event.add("uid", event_uid(meeting, domain))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence_at(stamp))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    summary = safe(committee.name)
    event.add("summary", f"CANCELLED: {summary}" if cancelled else summary)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if meeting.start is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    else:
        start = datetime.combine(meeting.date, meeting.start, tzinfo=LONDON)
        event.add("dtstart", start)
        event.add("dtend", start + length)
    location = meeting.venue.front_sheet() or committee.venue.front_sheet()
    if location:
        event.add("location", safe(location))
    description = _description(committee, meeting)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _description(committee: Committee, meeting: Meeting) -> str:
    officer = meeting.officer if not meeting.officer.is_empty() else committee.officer
    lines = [f"Meeting of the {committee.name}." if not committee.name.lower().startswith("the ") else ""]
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append("This meeting has been cancelled.")
    if officer.name:
        contact = ", ".join(part for part in (officer.name, officer.job_title) if part)
        lines.append(f"Committee officer: {contact}")
    if officer.telephone:
        lines.append(f"Telephone: {officer.telephone}")
    if officer.email:
        lines.append(f"E-mail: {officer.email}")
    return safe("\n".join(line for line in lines if line))
