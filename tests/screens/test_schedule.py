"""A year's schedule from a rule, typed with the keyboard alone and checked in the store."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList

from clerk_tui.app import ClerkApp
from clerk_tui.domain import ItemKind, Meeting
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.schedule import ScheduleScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from widgets import DateField

DEMO_IDS = ["hwb-2019-06-12", "hwb-2019-09-11", "hwb-2019-12-04"]


async def open_form(app: ClerkApp, pilot: Pilot[None]) -> ScheduleScreen:
    await settle(app, pilot)
    await pilot.press("y")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ScheduleScreen)
    return screen


async def finish(app: ClerkApp, pilot: Pilot[None]) -> None:
    """Wait for the saves, and for the form to hear that they reached the disk."""
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def listed(screen: ScheduleScreen) -> list[tuple[date, bool]]:
    listing = screen.query_one("#schedule-list", SelectionList)
    options = [listing.get_option_at_index(index) for index in range(listing.option_count)]
    return [(option.value, option.value in listing.selected) for option in options]


def focused(app: ClerkApp) -> str | None:
    return app.focused.id if app.focused else None


def minutes_named(meeting: Meeting) -> str:
    return next(item.description for item in meeting.agenda if item.kind == ItemKind.PREVIOUS_MINUTES)


async def test_first_wednesday_every_two_months_less_one_date(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"1 June 2027")  # replaces the suggested start, selected on opening
        await pilot.press("tab")
        assert screen.query_one("#schedule-until-input", Input).value == "30 April 2028"  # the year's end
        await pilot.press("tab")
        assert focused(app) == "schedule-nth"
        await pilot.press("enter", *"first", "enter", "tab")
        assert focused(app) == "schedule-weekday"
        await pilot.press("enter", *"wed", "enter", "tab")
        assert focused(app) == "schedule-every"
        await pilot.press("2", "tab", "tab")  # every 2 (months: the default), to the dates
        assert focused(app) == "schedule-list"
        assert listed(screen) == [
            (date(2027, 6, 2), True),
            (date(2027, 8, 4), True),
            (date(2027, 10, 6), True),
            (date(2027, 12, 1), True),
            (date(2028, 2, 2), True),
            (date(2028, 4, 5), True),
        ]
        await pilot.press("down", "space")  # leave out August
        assert (date(2027, 8, 4), False) in listed(screen)
        await pilot.press("f2")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    created = ["hwb-2027-06-02", "hwb-2027-10-06", "hwb-2027-12-01", "hwb-2028-02-02", "hwb-2028-04-05"]
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == [*DEMO_IDS, *created]
        meetings = [store.meeting(meeting_id) for meeting_id in created]
    assert [minutes_named(m) for m in meetings] == [
        "Minutes of the meeting held on 4 December 2019",
        "Minutes of the meeting held on 2 June 2027",
        "Minutes of the meeting held on 6 October 2027",
        "Minutes of the meeting held on 1 December 2027",
        "Minutes of the meeting held on 2 February 2028",
    ]
    committee = demo_store.committee("hwb")
    for meeting in meetings:
        assert [item.kind for item in meeting.agenda] == committee.style.opening_order
        assert (meeting.start, meeting.venue, meeting.officer) == (
            committee.start_time,
            committee.venue,
            committee.officer,
        )


async def test_a_date_with_a_meeting_is_listed_but_left_out_and_predecessors_interleave(
    demo_store: Store,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"1 September 2019", "tab", "ctrl+a", "ctrl+k", *"31 December 2019")
        await pilot.pause()
        assert listed(screen) == [  # first Wednesday monthly: the Board's habit, the default
            (date(2019, 9, 4), True),
            (date(2019, 10, 2), True),
            (date(2019, 11, 6), True),
            (date(2019, 12, 4), False),  # hwb-2019-12-04 is that day
        ]
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        ids = [s.id for s in store.meeting_summaries()]
        september, october, november = (
            store.meeting(i) for i in ("hwb-2019-09-04", "hwb-2019-10-02", "hwb-2019-11-06")
        )
    assert len(ids) == 6 and "hwb-2019-12-04-2" not in ids
    assert minutes_named(september) == "Minutes of the meeting held on 12 June 2019"
    assert minutes_named(october) == "Minutes of the meeting held on 11 September 2019"  # already stored
    assert minutes_named(november) == "Minutes of the meeting held on 2 October 2019"  # made alongside


async def test_every_two_weeks(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"7/6/2027", "tab", "ctrl+a", "ctrl+k", *"31/7/2027", "tab", "tab", "tab")
        await pilot.press("2", "tab", "enter", "down", "enter")  # every 2 weeks
        await pilot.pause()
        assert screen.query_one("#schedule-nth", Select).disabled  # no "first" in a fortnight
        assert [day for day, _ in listed(screen)] == [
            date(2027, 6, 9),
            date(2027, 6, 23),
            date(2027, 7, 7),
            date(2027, 7, 21),
        ]
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        assert len(store.meeting_summaries()) == 7


async def test_an_impossible_rule_is_explained_lists_nothing_and_creates_nothing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "0")  # every 0 months
        await pilot.pause()
        assert "1 to 12" in str(screen.query_one("#schedule-rule-message").render())
        assert listed(screen) == []
        await pilot.press("f2")
        await finish(app, pilot)
        assert app.screen is screen
        assert "the rule gives no dates" in str(screen.query_one("#schedule-error").render())
        assert screen.query_one("#schedule-every", Input).value == "0"
        await pilot.press("ctrl+a", "ctrl+k", "1", "shift+tab", "shift+tab", "shift+tab")
        assert focused(app) == "schedule-until-input"
        await pilot.press(*"31 December 2027", "shift+tab")
        await pilot.press(*"1 May 2029")  # after the until date the clerk typed
        await pilot.pause()
        assert screen.query_one("#schedule-until-input", Input).value == "31 December 2027"  # typed: kept
        assert "ends before it starts" in str(screen.query_one("#schedule-until", DateField).message.render())
        assert listed(screen) == []
        await pilot.press("f2")
        await finish(app, pilot)
        assert app.screen is screen
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == DEMO_IDS


async def test_until_follows_from_until_the_clerk_types_one(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        until = screen.query_one("#schedule-until-input", Input)
        assert screen.query_one("#schedule-from-input", Input).value == "1 May 2027"  # next year's start
        assert until.value == "30 April 2028"
        await pilot.press(*"3/4/2028")
        assert until.value == "30 April 2028"  # 3 April 2028 is still in 2027/28
        await pilot.press("ctrl+a", "ctrl+k", *"1 May 2028")
        assert until.value == "30 April 2029"
        await pilot.press("tab", "ctrl+a", "ctrl+k", *"31 December 2028", "shift+tab")
        await pilot.press("ctrl+a", "ctrl+k", *"1 June 2028")
        assert until.value == "31 December 2028"


async def test_escape_creates_nothing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press("escape")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == DEMO_IDS
