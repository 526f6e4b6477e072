"""Minute numbers run on through a committee's municipal year."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from clerk_tui.domain.committee import HouseStyle
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.summary import MeetingSummary


def municipal_year(day: date, style: HouseStyle) -> int:
    """The calendar year in which the municipal year holding ``day`` began (2019 for 2019/20)."""
    start = date(day.year, style.municipal_year_start_month, style.municipal_year_start_day)
    return day.year if day >= start else day.year - 1


def municipal_year_label(day: date, style: HouseStyle) -> str:
    """``2023/24``."""
    first = municipal_year(day, style)
    return f"{first}/{(first + 1) % 100:02d}"


def first_minute_numbers(meetings: Iterable[MeetingSummary], style: HouseStyle) -> dict[str, int]:
    """The first minute number of each meeting of one committee.

    Meetings are taken in date order within each municipal year; the first of the
    year starts at 1 unless the clerk set a number, and each later one continues
    from the last minute of the one before. A number the clerk set is kept and the
    meetings after it continue from it.
    """
    by_year: dict[int, list[MeetingSummary]] = {}
    committees = set()
    for summary in meetings:
        committees.add(summary.committee_id)
        by_year.setdefault(municipal_year(summary.date, style), []).append(summary)
    if len(committees) > 1:
        raise DomainError("Minute numbers run within one committee; got several.", "committee")
    firsts: dict[str, int] = {}
    for year_meetings in by_year.values():
        next_number = 1
        for summary in sorted(year_meetings, key=lambda s: (s.date, s.id)):
            first = summary.first_minute_number or next_number
            firsts[summary.id] = first
            next_number = first + summary.minute_count
    return firsts


def first_minute_numbers_by_committee(
    meetings: Iterable[MeetingSummary], styles: Mapping[str, HouseStyle]
) -> dict[str, int]:
    """The first minute number of every meeting whose committee is in ``styles``, each
    committee numbered once: linear in the archive, where asking meeting by meeting
    renumbers the committee every time. Meetings of an unknown committee are left out.
    """
    by_committee: dict[str, list[MeetingSummary]] = {}
    for summary in meetings:
        if summary.committee_id in styles:
            by_committee.setdefault(summary.committee_id, []).append(summary)
    firsts: dict[str, int] = {}
    for committee_id, summaries in by_committee.items():
        firsts.update(first_minute_numbers(summaries, styles[committee_id]))
    return firsts


def minute_range(first: int, count: int) -> str:
    """``1-10`` for a list of meetings; empty while nothing is minuted."""
    if count == 0:
        return ""
    return str(first) if count == 1 else f"{first}-{first + count - 1}"
