"""Dates and times as clerks type them and as council papers print them.

Parsing: UK day-first (``12/6/19`` is 12 June 2019), ISO stays ISO (``2019-06-12``),
never fuzzy. A weekday typed with a date must agree with it. A date typed without
a year takes the nearest year in which the weekday (if given) matches, this year first.

Printing: every style of domain.md section 2.7, each a named function, because each
context of a council paper has its own style and they must not be normalised.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.patterns import compiled_on_first_use

_iso_date = compiled_on_first_use(r"^\d{4}-\d{2}-\d{2}$")


# 12/6/19, 12.6.2019, 12-6: day, month and perhaps a year, all figures.
_numeric_date = compiled_on_first_use(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{1,4}))?$")


_weekday_word = compiled_on_first_use(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b\.?", re.IGNORECASE
)


_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Two defaults that differ in every field tell which fields the clerk actually typed.
_PROBE_A = datetime(2000, 1, 1)
_PROBE_B = datetime(2001, 2, 2)


def parse_date(text: str, today: date | None = None) -> date:
    """Parse a date as a UK clerk types it; raise DomainError saying why not."""
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise DomainError("Enter a date, for example 12 June 2019 or 12/6/19.")
    if _iso_date().match(cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError as error:
            raise DomainError(f"“{cleaned}” is not a real date ({error}).") from None
    weekday = _typed_weekday(cleaned)
    without_weekday = _weekday_word().sub(" ", cleaned).strip(" ,")
    _check_day_first(without_weekday, cleaned)
    from dateutil import parser as date_parser  # here: printing dates needs none of it

    try:
        first = date_parser.parse(without_weekday, dayfirst=True, default=_PROBE_A)
        second = date_parser.parse(without_weekday, dayfirst=True, default=_PROBE_B)
    except (ValueError, OverflowError) as error:
        raise DomainError(f"“{cleaned}” is not a date I can read ({_reason(error)}).") from None
    if first.day != second.day or first.month != second.month:
        raise DomainError(f"“{cleaned}” needs a day and a month, for example 12 June.")
    if first.time() != time(0) or first.time() != second.time():
        raise DomainError(f"“{cleaned}” has a time in it; type the time in the time field.")
    if first.year == second.year:
        return _checked_weekday(first.date(), weekday, cleaned)
    return _nearest_year(first.month, first.day, weekday, today or date.today(), cleaned)


def _check_day_first(text: str, typed: str) -> None:
    """Refuse a date in figures that only reads month first (dateutil would swap the two
    without a word: "1/13/2025" would become 13 January), or that has a day or month 0."""
    match = _numeric_date().match(text)
    if match is None:
        return
    day, month = int(match.group(1)), int(match.group(2))
    if month > 12:
        year = f"/{match.group(3)}" if match.group(3) else ""
        swapped = f"{month} {calendar.month_name[day]}" if 1 <= day <= 12 and month <= 31 else ""
        hint = f" For {swapped}, type {month}/{day}{year}." if swapped else ""
        raise DomainError(f"“{typed}”: dates are read day first, and there is no month {month}.{hint}")
    if day == 0 or month == 0:
        raise DomainError(f"“{typed}” is not a real date: days and months start at 1.")
    if match.group(3) is not None and int(match.group(3)) == 0 and len(match.group(3)) > 2:
        raise DomainError(f"“{typed}” is not a real date: there is no year 0.")


def _typed_weekday(text: str) -> int | None:
    match = _weekday_word().search(text)
    return _WEEKDAY_INDEX[match.group(1).lower()[:3]] if match else None


def _reason(error: Exception) -> str:
    message = str(error)
    if "out of range" in message:
        return "that day does not exist in that month"
    return "try 12 June 2019 or 12/6/19"


def _checked_weekday(value: date, weekday: int | None, typed: str) -> date:
    if weekday is not None and value.weekday() != weekday:
        raise DomainError(
            f"“{typed}”: {format_long_date(value)} is a {calendar.day_name[value.weekday()]}, "
            f"not a {calendar.day_name[weekday]}."
        )
    return value


def _nearest_year(month: int, day: int, weekday: int | None, today: date, typed: str) -> date:
    for year in (today.year, today.year + 1, today.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    if weekday is None:
        raise DomainError(f"“{typed}” is not a real date.")
    raise DomainError(
        f"“{typed}”: no {calendar.day_name[weekday]} {day} {calendar.month_name[month]} "
        f"near {today.year}; add the year."
    )


_time = compiled_on_first_use(
    r"^(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<meridiem>a\.?m\.?|p\.?m\.?)?$", re.IGNORECASE
)


def parse_time(text: str) -> time:
    """Parse ``6.30 pm``, ``6.30 p.m.``, ``2pm``, ``14:00`` or ``noon``."""
    cleaned = text.strip().lower()
    if cleaned in {"noon", "12 noon", "midday"}:
        return time(12, 0)
    match = _time().match(cleaned)
    if not match:
        raise DomainError(f"“{text.strip()}” is not a time; try 6.30 pm or 18:30.")
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    meridiem = (match.group("meridiem") or "").replace(".", "")
    if minute > 59:
        raise DomainError(f"“{text.strip()}”: minutes run from 00 to 59.")
    if meridiem:
        if not 1 <= hour <= 12:
            raise DomainError(f"“{text.strip()}”: with am or pm the hour runs from 1 to 12.")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif hour > 23:
        raise DomainError(f"“{text.strip()}”: the hour runs from 0 to 23.")
    return time(hour, minute)


def ordinal(day: int) -> str:
    """1 -> 1st, 2 -> 2nd, 11 -> 11th, 23 -> 23rd."""
    if 10 <= day % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def format_minutes_heading_date(value: date, *, ordinal_day: bool = True, comma: bool = True) -> str:
    """``WEDNESDAY 12TH JUNE, 2019``: minutes heading and running header (or, as a house
    style has it, ``WEDNESDAY 12TH JUNE 2019`` or ``WEDNESDAY 12 JUNE 2019``)."""
    weekday = calendar.day_name[value.weekday()]
    month = calendar.month_name[value.month]
    day = ordinal(value.day) if ordinal_day else str(value.day)
    separator = ", " if comma else " "
    return f"{weekday} {day} {month}{separator}{value.year}".upper()


def format_body_date(value: date, comma_before_year: bool = False) -> str:
    """``13 March, 2019`` (2019 house style) or ``28 September 2022``."""
    separator = ", " if comma_before_year else " "
    return f"{value.day} {calendar.month_name[value.month]}{separator}{value.year}"


def format_long_date(value: date) -> str:
    """``Tuesday 23 January 2024``: front sheet (O&S) and report covers."""
    return f"{calendar.day_name[value.weekday()]} {value.day} {calendar.month_name[value.month]} {value.year}"


def format_ordinal_date(value: date) -> str:
    """``8th March 2023``: HWB front sheet."""
    return f"{ordinal(value.day)} {calendar.month_name[value.month]} {value.year}"


def format_next_meeting_date(value: date) -> str:
    """``Tuesday, 23 January 2024``: the date-of-next-meeting resolution."""
    return (
        f"{calendar.day_name[value.weekday()]}, {value.day} {calendar.month_name[value.month]} {value.year}"
    )


def format_short_date(value: date) -> str:
    """``21/02/23``: minute references in work programmes."""
    return value.strftime("%d/%m/%y")


def format_time(value: time, dotted_meridiem: bool = False) -> str:
    """``6.30 pm`` (front sheet) or ``6.30 p.m.`` (minutes and work programme)."""
    hour = value.hour % 12 or 12
    meridiem = "am" if value.hour < 12 else "pm"
    if dotted_meridiem:
        meridiem = f"{meridiem[0]}.{meridiem[1]}."
    return f"{hour}.{value.minute:02d} {meridiem}"


def format_echo(value: date) -> str:
    """``Wed 12 Jun 2019``: echoed back beside a date field so the clerk sees what was read."""
    return f"{calendar.day_abbr[value.weekday()]} {value.day} {calendar.month_abbr[value.month]} {value.year}"
