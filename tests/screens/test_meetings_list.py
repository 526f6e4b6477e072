"""The meetings list at scale: filled once, redrawn only where a meeting changed, minute
ranges worked out per committee and year, and the palette opening the right meeting
whether the list is short or a council's archive."""

from __future__ import annotations

from datetime import date

from textual.command import CommandPalette
from textual.widgets import Input

from clerk_tui.commands import LONG_LIST
from clerk_tui.domain import Committee, HouseStyle, MeetingStatus
from clerk_tui.screens.agenda import AgendaScreen
from clerk_tui.screens.meetings import MeetingsScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, settle
from tests.store import builders


def minutes_column(screen: MeetingsScreen) -> dict[str, str]:
    table = screen.table
    return {str(key.value): str(table.get_row(key)[4]) for key in table.rows}


async def test_the_list_is_filled_once_and_then_only_changed_cells_are_redrawn(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert screen.table.fills == 1  # on_mount and the first resume used to fill it twice
        assert screen.table.row_count == len(demo_store.meeting_summaries())
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        opened = app.screen.meeting
        opened.status = MeetingStatus.APPROVED
        app.save_meeting(opened)
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        back: object = app.screen
        assert back is screen
        assert screen.table.fills == 1
        assert screen.highlighted_id() == opened.id
        assert screen.table.get_row(opened.id)[3] == "approved"


def numbered_store(store: Store) -> Store:
    """Two committees, three municipal years; O&S's year starts in April and its clerk set
    the first number of October 2023 (the June meeting is not in the store)."""
    hwb = builders.committee("hwb", "Health and Wellbeing Board")
    scrutiny = Committee("os", "Overview and Scrutiny", style=HouseStyle(municipal_year_start_month=4))
    store.save_committee(hwb)
    store.save_committee(scrutiny)
    meetings = [
        builders.meeting("hwb-2019-06-12", "hwb", date(2019, 6, 12), minutes=10),
        builders.meeting("hwb-2019-09-11", "hwb", date(2019, 9, 11), minutes=12),
        builders.meeting("hwb-2020-03-11", "hwb", date(2020, 3, 11), minutes=1),
        builders.meeting("hwb-2020-06-10", "hwb", date(2020, 6, 10), minutes=4),
        builders.meeting("os-2023-10-17", "os", date(2023, 10, 17), minutes=11),
        builders.meeting("os-2024-01-23", "os", date(2024, 1, 23), minutes=8),
        builders.meeting("os-2024-04-16", "os", date(2024, 4, 16), minutes=0),
    ]
    meetings[4].first_minute_number = 24
    for meeting in meetings:
        store.save_meeting(meeting)
    return store


async def test_minute_ranges_run_through_each_committees_years(store: Store) -> None:
    app = make_app(numbered_store(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert minutes_column(screen) == {
            "hwb-2019-06-12": "1-10",
            "hwb-2019-09-11": "11-22",
            "hwb-2020-03-11": "23",
            "hwb-2020-06-10": "1-4",  # a new municipal year
            "os-2023-10-17": "24-34",  # set by the clerk
            "os-2024-01-23": "35-42",
            "os-2024-04-16": "",  # April: O&S's new year, nothing minuted yet
        }
        for meeting_id, shown in minutes_column(screen).items():
            summary = next(s for s in store.meeting_summaries() if s.id == meeting_id)
            if summary.minute_count:
                assert shown.split("-")[0] == str(store.first_minute_number(meeting_id))
        screen.show_committee("os")
        await settle(app, pilot)
        assert minutes_column(screen)["os-2024-01-23"] == "35-42"  # the filter does not renumber


async def choose_in_palette(pilot: object, query: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = query
    for _ in range(100):
        await pilot.pause(0.02)
        if palette._hit_count and not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.press("enter")


async def test_the_palette_opens_the_meeting_named(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose_in_palette(pilot, "Open meeting: Health and Wellbeing Board 11 Sep 2019")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.meeting.id == "hwb-2019-09-11"


async def test_among_hundreds_of_meetings_the_palette_opens_the_one_typed(store: Store) -> None:
    store.save_committee(builders.committee("hwb", "Health and Wellbeing Board"))
    first = date(2001, 1, 3)
    count = LONG_LIST + 50
    for week in range(count):
        day = date.fromordinal(first.toordinal() + 7 * week)
        store.save_meeting(builders.meeting(f"hwb-{day.isoformat()}", "hwb", day, minutes=0))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert len(screen.palette_targets()) > LONG_LIST
        assert screen.table.held < count  # the rest are taken as the clerk scrolls
        await choose_in_palette(pilot, "open 14 mar 2001")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.meeting.id == "hwb-2001-03-14"
