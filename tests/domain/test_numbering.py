from datetime import date

import pytest

from clerk_tui.domain import DomainError, HouseStyle, MeetingStatus, MeetingSummary
from clerk_tui.domain.numbering import (
    first_minute_numbers,
    first_minute_numbers_by_committee,
    minute_range,
    municipal_year,
    municipal_year_label,
)

STYLE = HouseStyle()


def summary(meeting_id: str, day: date, minutes: int, first: int | None = None) -> MeetingSummary:
    return MeetingSummary(meeting_id, "hwb", day, MeetingStatus.APPROVED, minutes, first)


def test_minute_numbers_run_on_through_the_municipal_year() -> None:
    # HWB 2019/20: 12 June = minutes 1-10, 11 September = 11-22, 4 December follows on.
    meetings = [
        summary("dec", date(2019, 12, 4), 9),
        summary("jun", date(2019, 6, 12), 10),
        summary("sep", date(2019, 9, 11), 12),
        summary("mar", date(2020, 3, 11), 5),
    ]
    firsts = first_minute_numbers(meetings, STYLE)
    assert firsts == {"jun": 1, "sep": 11, "dec": 23, "mar": 32}


def test_numbers_restart_with_a_new_municipal_year() -> None:
    meetings = [summary("mar19", date(2019, 3, 13), 6), summary("jun19", date(2019, 6, 12), 10)]
    assert first_minute_numbers(meetings, STYLE) == {"mar19": 1, "jun19": 1}


def test_the_clerk_can_set_the_first_number_when_history_is_missing() -> None:
    # O&S 2023/24: June 2023 is not in the store, so the clerk starts October at 24.
    meetings = [
        summary("oct", date(2023, 10, 17), 11, first=24),
        summary("jan", date(2024, 1, 23), 8),
    ]
    assert first_minute_numbers(meetings, STYLE) == {"oct": 24, "jan": 35}


def test_a_meeting_not_yet_minuted_takes_the_next_number() -> None:
    meetings = [summary("jun", date(2019, 6, 12), 10), summary("sep", date(2019, 9, 11), 0)]
    firsts = first_minute_numbers(meetings, STYLE)
    assert firsts["sep"] == 11
    assert minute_range(firsts["jun"], 10) == "1-10"
    assert minute_range(11, 0) == ""
    assert minute_range(11, 1) == "11"


def test_the_municipal_year_starts_where_the_style_says() -> None:
    assert municipal_year(date(2019, 6, 12), STYLE) == 2019
    assert municipal_year(date(2020, 3, 11), STYLE) == 2019
    assert municipal_year(date(2020, 5, 1), STYLE) == 2020
    assert municipal_year_label(date(2024, 1, 23), STYLE) == "2023/24"
    april = HouseStyle(municipal_year_start_month=4)
    assert municipal_year(date(2020, 4, 20), april) == 2020


def test_numbering_refuses_a_mix_of_committees() -> None:
    mixed = [
        summary("a", date(2019, 6, 12), 1),
        MeetingSummary("b", "os", date(2019, 7, 1), MeetingStatus.HELD, 2),
    ]
    with pytest.raises(DomainError):
        first_minute_numbers(mixed, STYLE)


def test_every_committee_is_numbered_at_once_each_through_its_own_years() -> None:
    # HWB years start in May; O&S sets its own first number in 2023 and starts its year in April.
    april = HouseStyle(municipal_year_start_month=4)
    meetings = [
        summary("hwb-jun19", date(2019, 6, 12), 10),
        summary("hwb-sep19", date(2019, 9, 11), 12),
        summary("hwb-jun20", date(2020, 6, 10), 4),
        MeetingSummary("os-apr23", "os", date(2023, 4, 18), MeetingStatus.APPROVED, 3),
        MeetingSummary("os-oct23", "os", date(2023, 10, 17), MeetingStatus.APPROVED, 11, 24),
        MeetingSummary("os-jan24", "os", date(2024, 1, 23), MeetingStatus.HELD, 8),
        MeetingSummary("os-apr24", "os", date(2024, 4, 16), MeetingStatus.HELD, 2),
        MeetingSummary("gone-1", "gone", date(2019, 6, 1), MeetingStatus.HELD, 2),
    ]
    firsts = first_minute_numbers_by_committee(meetings, {"hwb": STYLE, "os": april})
    assert firsts == {
        "hwb-jun19": 1,
        "hwb-sep19": 11,
        "hwb-jun20": 1,
        "os-apr23": 1,
        "os-oct23": 24,
        "os-jan24": 35,
        "os-apr24": 1,
    }
    for committee_id, style in (("hwb", STYLE), ("os", april)):
        own = [m for m in meetings if m.committee_id == committee_id]
        assert first_minute_numbers(own, style).items() <= firsts.items()
