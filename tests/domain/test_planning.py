"""Planning: a new meeting from its committee, and a year's dates from a rule."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, time

import pytest

from clerk_tui.domain import Committee, DomainError, HouseStyle, ItemKind, OfficerContact, Venue
from clerk_tui.domain.committee import HWB_OPENING_ORDER, OS_OPENING_ORDER
from clerk_tui.domain.planning import (
    fill_previous_minutes,
    meeting_id_for,
    new_meeting,
    previous_minutes_description,
    schedule,
)


def committee(order: list[ItemKind], title: str = "Minutes of the Previous Meeting") -> Committee:
    return Committee(
        "os-asch",
        "Overview and Scrutiny Committee (Adult Social Care and Health)",
        officer=OfficerContact("Laura Bootland", "Senior Democratic Services Officer", "0151 934 2078"),
        style=HouseStyle(opening_order=list(order), previous_minutes_title=title),
        venue=Venue("Birkdale Room", "Southport Town Hall", "Lord Street, Southport, PR8 1DA"),
        start_time=time(18, 30),
    )


def test_a_new_meeting_of_overview_and_scrutiny_opens_apologies_declarations_minutes() -> None:
    body = committee(OS_OPENING_ORDER)
    meeting = new_meeting(body, date(2024, 1, 23), "os-asch-2024-01-23", previous=date(2023, 10, 17))
    assert [item.kind for item in meeting.agenda] == [
        ItemKind.APOLOGIES,
        ItemKind.DECLARATIONS,
        ItemKind.PREVIOUS_MINUTES,
    ]
    assert [item.title for item in meeting.agenda] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of the Previous Meeting",
    ]
    assert meeting.agenda[2].description == "Minutes of the meeting held on 17 October 2023"
    assert meeting.printed_number(meeting.agenda[2].id) == "3"  # item 3 on O&S agendas


def test_a_new_meeting_of_the_board_opens_apologies_minutes_declarations() -> None:
    body = committee(HWB_OPENING_ORDER, title="Minutes of Previous Meeting")
    meeting = new_meeting(body, date(2023, 3, 8), "hwb-2023-03-08", previous=date(2022, 12, 7))
    assert [item.kind for item in meeting.agenda] == [
        ItemKind.APOLOGIES,
        ItemKind.PREVIOUS_MINUTES,
        ItemKind.DECLARATIONS,
    ]
    minutes = meeting.agenda[1]
    assert minutes.title == "Minutes of Previous Meeting"
    assert minutes.description == "Minutes of the meeting held on 7 December 2022"


def test_a_new_meeting_takes_time_venue_and_officer_from_its_committee_as_copies() -> None:
    body = committee(OS_OPENING_ORDER)
    meeting = new_meeting(body, date(2024, 1, 23), "os-asch-2024-01-23")
    assert (meeting.committee_id, meeting.date, meeting.start) == ("os-asch", date(2024, 1, 23), time(18, 30))
    assert meeting.venue == body.venue
    assert meeting.officer == body.officer
    meeting.venue.room = "Committee Room"
    meeting.officer.telephone = "0151 934 2254"  # one paper shows another number
    assert body.venue.room == "Birkdale Room"
    assert body.officer.telephone == "0151 934 2078"


def test_without_a_previous_meeting_the_minutes_item_names_no_date_until_filled() -> None:
    meeting = new_meeting(committee(OS_OPENING_ORDER), date(2024, 1, 23), "m")
    minutes = next(item for item in meeting.agenda if item.kind == ItemKind.PREVIOUS_MINUTES)
    assert minutes.description == ""
    assert fill_previous_minutes(meeting, date(2023, 10, 17))
    assert minutes.description == "Minutes of the meeting held on 17 October 2023"
    assert not fill_previous_minutes(meeting, date(2023, 9, 5))  # a clerk's text is never overwritten
    assert minutes.description == "Minutes of the meeting held on 17 October 2023"


def test_previous_minutes_text_has_no_comma_and_no_full_stop() -> None:
    # The printer adds the O&S full stop; the HWB agenda has none [003:50].
    assert previous_minutes_description(date(2019, 6, 12)) == "Minutes of the meeting held on 12 June 2019"


def test_meeting_ids_are_the_committee_and_date_then_numbered_for_a_second_that_day() -> None:
    body = committee(OS_OPENING_ORDER)
    day = date(2024, 1, 23)
    assert meeting_id_for(body, day, []) == "os-asch-2024-01-23"
    assert meeting_id_for(body, day, ["os-asch-2024-01-23"]) == "os-asch-2024-01-23-2"
    assert meeting_id_for(body, day, ["os-asch-2024-01-23", "os-asch-2024-01-23-2"]) == "os-asch-2024-01-23-3"


# --- schedule ----------------------------------------------------------------------


def test_first_tuesday_every_two_months() -> None:
    dates = schedule(date(2023, 6, 1), date(2024, 4, 30), nth="first", weekday_name="Tuesday", every_months=2)
    assert dates == [
        date(2023, 6, 6),
        date(2023, 8, 1),
        date(2023, 10, 3),
        date(2023, 12, 5),
        date(2024, 2, 6),
        date(2024, 4, 2),
    ]
    assert all(d.weekday() == calendar.TUESDAY and d.day <= 7 for d in dates)


def test_last_friday_of_every_month() -> None:
    dates = schedule(date(2024, 1, 1), date(2024, 6, 30), nth="last", weekday_name="friday")
    assert dates == [
        date(2024, 1, 26),
        date(2024, 2, 23),
        date(2024, 3, 29),
        date(2024, 4, 26),
        date(2024, 5, 31),
        date(2024, 6, 28),
    ]


def test_the_rule_counts_from_the_start_and_never_gives_a_date_before_it() -> None:
    # The first Wednesday of June 2027 is the 2nd: from the 3rd, June has none.
    dates = schedule(date(2027, 6, 3), date(2027, 9, 30), nth="first", weekday_name="Wednesday")
    assert dates == [date(2027, 7, 7), date(2027, 8, 4), date(2027, 9, 1)]


def test_the_until_date_itself_is_included() -> None:
    dates = schedule(date(2024, 1, 1), date(2024, 3, 5), nth="first", weekday_name="Tuesday")
    assert dates[-1] == date(2024, 3, 5)


def test_skipped_dates_are_left_out() -> None:
    # Third Monday of every month, less a bank holiday and August.
    dates = schedule(
        date(2024, 5, 1),
        date(2024, 9, 30),
        nth="third",
        weekday_name="Monday",
        skip=[date(2024, 5, 20), date(2024, 8, 19)],
    )
    assert dates == [date(2024, 6, 17), date(2024, 7, 15), date(2024, 9, 16)]


def test_every_two_weeks_on_a_wednesday() -> None:
    dates = schedule(date(2027, 6, 7), date(2027, 7, 31), weekday_name="Wednesday", every_weeks=2)
    assert dates == [date(2027, 6, 9), date(2027, 6, 23), date(2027, 7, 7), date(2027, 7, 21)]


@pytest.fixture(params=[calendar.MONDAY, calendar.SUNDAY], ids=["monday-first", "sunday-first"])
def first_weekday(request: pytest.FixtureRequest) -> Iterator[None]:
    before = calendar.firstweekday()
    calendar.setfirstweekday(request.param)
    yield
    calendar.setfirstweekday(before)


@pytest.mark.usefixtures("first_weekday")
def test_fortnights_count_from_the_first_such_weekday_whatever_the_machines_calendar() -> None:
    # From a Sunday, "every two weeks on Monday" starts the next day.
    dates = schedule(date(2027, 6, 6), date(2027, 7, 5), weekday_name="Monday", every_weeks=2)
    assert dates == [date(2027, 6, 7), date(2027, 6, 21), date(2027, 7, 5)]


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"start": date(2024, 5, 1), "until": date(2024, 4, 30)}, "until", "ends before it starts"),
        ({"weekday_name": "Funday"}, "weekday", "not a day of the week"),
        ({"nth": "fifth"}, "nth", "first, second, third, fourth or last"),
        ({"every_months": 0}, "every", "1 to 12"),
        ({"every_months": 13}, "every", "1 to 12"),
        ({"every_weeks": -1}, "every", "1 or more"),
    ],
)
def test_a_rule_that_cannot_be_followed_says_why(kwargs: dict[str, object], field: str, words: str) -> None:
    arguments: dict[str, object] = {"start": date(2024, 5, 1), "until": date(2025, 4, 30), **kwargs}
    with pytest.raises(DomainError) as raised:
        schedule(**arguments)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert words in raised.value.message
