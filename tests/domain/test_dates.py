from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.domain.dates import (
    format_body_date,
    format_echo,
    format_long_date,
    format_minutes_heading_date,
    format_next_meeting_date,
    format_ordinal_date,
    format_short_date,
    format_time,
    ordinal,
    parse_date,
    parse_time,
)
from clerk_tui.domain.errors import DomainError

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12 June 2019", date(2019, 6, 12)),
        ("12/6/19", date(2019, 6, 12)),
        ("12/06/2019", date(2019, 6, 12)),
        ("Wed 12th June 2019", date(2019, 6, 12)),
        ("Wednesday, 12th June, 2019", date(2019, 6, 12)),
        ("2019-06-12", date(2019, 6, 12)),
        ("2025-01-12", date(2025, 1, 12)),  # ISO stays ISO, never day-first
        ("1/5/09", date(2009, 5, 1)),  # UK order
        ("13.07.2022", date(2022, 7, 13)),
        ("12.07.2022", date(2022, 7, 12)),
        ("8th March 2023", date(2023, 3, 8)),
    ],
)
def test_parses_dates_as_a_uk_clerk_types_them(typed: str, expected: date) -> None:
    assert parse_date(typed, today=TODAY) == expected


def test_a_date_without_a_year_takes_the_year_where_the_weekday_fits() -> None:
    # 12 June is a Friday in 2026 and 2027 is a Saturday; 2025 is a Thursday:
    # "Wed 12th June" fits none of the nearest years, so the clerk is asked for the year.
    with pytest.raises(DomainError, match="add the year"):
        parse_date("Wed 12th June", today=TODAY)
    assert parse_date("Wed 12th June", today=date(2019, 3, 1)) == date(2019, 6, 12)
    assert parse_date("12 June", today=TODAY) == date(2026, 6, 12)
    assert parse_date("Sat 12 June", today=TODAY) == date(2027, 6, 12)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2025", "does not exist"),
        ("Tue 12th June 2019", "Wednesday, not a Tuesday"),
        ("", "Enter a date"),
        ("next tuesday", "not a date"),
        ("Room 12 at 7pm", "not a date"),  # fuzzy parsing would invent the 12th
        ("2019-02-30", "not a real date"),
        ("June 2019", "needs a day"),
    ],
)
def test_rejects_what_is_not_a_date_and_says_why(typed: str, reason: str) -> None:
    with pytest.raises(DomainError, match=reason):
        parse_date(typed, today=TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6.30 pm", time(18, 30)),
        ("6.30 p.m.", time(18, 30)),
        ("2pm", time(14, 0)),
        ("2.00 pm", time(14, 0)),
        ("14:00", time(14, 0)),
        ("12.15 am", time(0, 15)),
        ("12 noon", time(12, 0)),
        ("10am", time(10, 0)),
    ],
)
def test_parses_times(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25.00 pm", "13 pm", "6.75 pm", "24:00", "half six", ""])
def test_rejects_impossible_times(typed: str) -> None:
    with pytest.raises(DomainError):
        parse_time(typed)


def test_formats_every_house_style() -> None:
    june = date(2019, 6, 12)
    assert format_minutes_heading_date(june) == "WEDNESDAY 12TH JUNE, 2019"
    assert format_minutes_heading_date(date(2022, 12, 7)) == "WEDNESDAY 7TH DECEMBER, 2022"
    assert format_body_date(date(2019, 3, 13), comma_before_year=True) == "13 March, 2019"
    assert format_body_date(date(2022, 9, 28)) == "28 September 2022"
    assert format_long_date(date(2024, 1, 23)) == "Tuesday 23 January 2024"
    assert format_ordinal_date(date(2023, 3, 8)) == "8th March 2023"
    assert format_next_meeting_date(date(2024, 1, 23)) == "Tuesday, 23 January 2024"
    assert format_short_date(date(2023, 2, 21)) == "21/02/23"
    assert format_time(time(18, 30)) == "6.30 pm"
    assert format_time(time(14, 0)) == "2.00 pm"
    assert format_time(time(18, 30), dotted_meridiem=True) == "6.30 p.m."
    assert format_time(time(0, 5)) == "12.05 am"
    assert format_echo(june) == "Wed 12 Jun 2019"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (31, "31st"),
    ],
)
def test_ordinals(day: int, expected: str) -> None:
    assert ordinal(day) == expected


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_every_printed_style_reads_back_as_the_same_date(value: date) -> None:
    for printed in (
        format_long_date(value),
        format_ordinal_date(value),
        format_body_date(value, comma_before_year=True),
        format_next_meeting_date(value),
        format_echo(value),
        value.isoformat(),
        value.strftime("%d/%m/%Y"),
    ):
        assert parse_date(printed, today=TODAY) == value, printed


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1/13/2025", "dates are read day first, and there is no month 13. For 13 January, type 13/1/2025."),
        ("12/31/19", "there is no month 31. For 31 December, type 31/12/19."),
        ("5/20", "there is no month 20. For 20 May, type 20/5."),
        ("0/0/0", "days and months start at 1"),
        ("0/6/2019", "days and months start at 1"),
        ("25/12/0000", "there is no year 0"),
    ],
)
def test_a_date_that_only_reads_month_first_is_refused_with_the_reason(typed: str, reason: str) -> None:
    """Issue 9 (F17): "1/13/2025" was silently read as 13 January."""
    with pytest.raises(DomainError) as caught:
        parse_date(typed, date(2025, 1, 1))
    assert reason in caught.value.message


def test_day_first_dates_in_figures_still_read() -> None:
    assert parse_date("13/1/2025") == date(2025, 1, 13)
    assert parse_date("1.12.2024") == date(2024, 12, 1)
    assert parse_date("12-6", date(2019, 1, 1)) == date(2019, 6, 12)
