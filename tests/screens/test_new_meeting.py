"""A new meeting from the meetings screen, typed with the keyboard alone and checked in
the store afterwards."""

from __future__ import annotations

from datetime import date, time

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.commands import binding_entries
from clerk_tui.domain import Committee, HouseStyle, ItemKind, Meeting
from clerk_tui.domain.committee import OS_OPENING_ORDER
from clerk_tui.screens.help import HelpScreen, help_rows
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.new_meeting import NewMeetingScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from widgets import TextField

DEMO_IDS = ["hwb-2019-06-12", "hwb-2019-09-11", "hwb-2019-12-04"]


async def open_form(app: ClerkApp, pilot: Pilot[None]) -> NewMeetingScreen:
    await settle(app, pilot)
    await pilot.press("n")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, NewMeetingScreen)
    return screen


async def finish(app: ClerkApp, pilot: Pilot[None]) -> None:
    """Wait for the saves, and for the form to hear that they reached the disk."""
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def field_message(screen: NewMeetingScreen, name: str) -> str:
    return str(screen.query_one(f"#new-{name}", TextField).message.render())


async def test_n_then_a_date_creates_a_meeting_from_its_committee(demo_store: Store) -> None:
    committee = demo_store.committee("hwb")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"3 March 2027")
        note = screen.query_one("#new-note", Static)
        assert str(note.render()).splitlines() == [
            "Will be hwb-2027-03-03, on Wed 3 Mar 2027.",
            "Minutes item: Minutes of the meeting held on 4 December 2019",
        ]
        assert not note.has_class("-warning")
        await pilot.press("f2")
        await finish(app, pilot)
        meetings = app.screen
        assert isinstance(meetings, MeetingsScreen)
        assert meetings.highlighted_id() == "hwb-2027-03-03"  # the list behind shows it at once
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == [*DEMO_IDS, "hwb-2027-03-03"]
        meeting = store.meeting("hwb-2027-03-03")
    assert meeting.committee_id == "hwb"
    assert meeting.date == date(2027, 3, 3)
    assert [item.kind for item in meeting.agenda] == committee.style.opening_order
    assert [item.kind for item in meeting.agenda] == [
        ItemKind.APOLOGIES,
        ItemKind.PREVIOUS_MINUTES,
        ItemKind.DECLARATIONS,
    ]
    assert [item.title for item in meeting.agenda] == [
        "Apologies for Absence",
        "Minutes of Previous Meeting",
        "Declarations of Interest",
    ]
    assert meeting.agenda[1].description == "Minutes of the meeting held on 4 December 2019"
    assert meeting.start == committee.start_time == time(14, 0)
    assert meeting.venue == committee.venue
    assert meeting.venue.minutes_wording == "THE TOWN HALL, BOOTLE"
    assert meeting.officer == committee.officer


async def test_ctrl_enter_and_the_button_create_too(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press(*"12/2/2027", "ctrl+enter")
        await finish(app, pilot)
        await open_form(app, pilot)
        await pilot.press(*"2027-04-07")
        await pilot.click("#create")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        ids = [s.id for s in store.meeting_summaries()]
        april = store.meeting("hwb-2027-04-07")
    assert ids == [*DEMO_IDS, "hwb-2027-02-12", "hwb-2027-04-07"]
    assert april.agenda[1].description == "Minutes of the meeting held on 12 February 2027"


@pytest.mark.parametrize(
    ("date_text", "time_text", "field", "words"),
    [
        ("31/02/2027", "", "date", "that day does not exist in that month"),
        ("", "", "date", "This is needed"),
        ("3 March 2027", "25.00 pm", "time", "with am or pm the hour runs from 1 to 12"),
        ("Tuesday 3 March 2027", "", "date", "is a Wednesday, not a Tuesday"),
    ],
)
async def test_invalid_input_is_explained_inline_kept_and_nothing_saved(
    demo_store: Store, date_text: str, time_text: str, field: str, words: str
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*date_text)
        if time_text:
            await pilot.press("tab")  # to the start time, its text selected
            await pilot.press(*time_text)
        await pilot.press("f2")
        await finish(app, pilot)
        assert app.screen is screen, "the form stays open"
        assert words in field_message(screen, field)
        assert screen.query_one("#new-date-input", Input).value == date_text
        if time_text:
            assert screen.query_one("#new-time-input", Input).value == time_text
        assert "Nothing was created" in str(screen.query_one("#new-error").render())
        assert not app._notifications, "no traceback, no toast: the message is beside the field"
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == DEMO_IDS


async def test_a_second_meeting_on_a_day_is_allowed_with_a_warning(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"4/12/2019")
        await pilot.pause()
        note = screen.query_one("#new-note", Static)
        assert "already meets on Wed 4 Dec 2019 (hwb-2019-12-04)" in str(note.render())
        assert note.has_class("-warning")
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        second = store.meeting("hwb-2019-12-04-2")
        first = store.meeting("hwb-2019-12-04")
    assert second.agenda[1].description == "Minutes of the meeting held on 11 September 2019"
    assert len(first.agenda) > len(second.agenda)  # the first is untouched


async def test_a_meeting_before_later_ones_changes_nothing_else(demo_store: Store) -> None:
    before = {s.id: demo_store.meeting(s.id) for s in demo_store.meeting_summaries()}
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"24 July 2019")
        await pilot.pause()
        note = str(screen.query_one("#new-note", Static).render())
        assert "2 later meetings" in note
        assert "Wed 24 Jul 2019 has passed (today is Mon 23 Nov 2026): is the year right?" in note
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        july = store.meeting("hwb-2019-07-24")
        after = {meeting_id: store.meeting(meeting_id) for meeting_id in before}
    assert july.agenda[1].description == "Minutes of the meeting held on 12 June 2019"
    assert after == before


async def test_the_time_and_venue_can_be_changed_before_creating(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press(*"3 March 2027", "enter")  # enter moves on to the start time
        await pilot.press(*"6.30 pm", "tab")
        await pilot.press(*"Birkdale Room", "tab")
        await pilot.press(*"Southport Town Hall", "tab")
        await pilot.press(*"Lord Street, Southport, PR8 1DA", "f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        meeting = store.meeting("hwb-2027-03-03")
    assert meeting.start == time(18, 30)
    assert (
        meeting.venue.front_sheet() == "Birkdale Room - Southport Town Hall, Lord Street, Southport, PR8 1DA"
    )
    assert meeting.venue.minutes_wording == ""  # "THE TOWN HALL, BOOTLE" was the usual venue's


async def test_escape_creates_nothing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press(*"3 March 2027", "escape")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == DEMO_IDS


async def test_with_two_committees_the_clerk_chooses_and_gets_that_committees_order(
    demo_store: Store,
) -> None:
    scrutiny = Committee(
        "os-asch",
        "Overview and Scrutiny Committee (Adult Social Care and Health)",
        style=HouseStyle(opening_order=list(OS_OPENING_ORDER)),
        start_time=time(18, 30),
    )
    demo_store.save_committee(scrutiny)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"23 January 2024", "f2")
        await pilot.pause()
        assert app.screen is screen
        assert "Choose the committee" in str(screen.query_one("#new-committee-message").render())
        # The committee list has the focus now: open it, pass the prompt and the Board.
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert screen.query_one("#new-time-input", Input).value == "6.30 pm"
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        meeting = store.meeting("os-asch-2024-01-23")
    assert [item.kind for item in meeting.agenda] == [
        ItemKind.APOLOGIES,
        ItemKind.DECLARATIONS,
        ItemKind.PREVIOUS_MINUTES,
    ]
    assert meeting.agenda[2].title == "Minutes of the Previous Meeting"
    assert meeting.agenda[2].description == ""  # no earlier meeting of this committee
    assert meeting.start == time(18, 30)


async def test_f1_and_the_palette_offer_the_dialogs_keys(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        assert {"New meeting: Create", "New meeting: Cancel"} <= {e.title for e in binding_entries(screen)}
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert {"Create", "Cancel", "Help"} <= {description for _, description, _ in help_rows(screen)}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingScreen)


async def test_a_failed_save_keeps_the_form_open_as_typed_and_can_be_retried(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = demo_store.save_meeting

    def disk_full(meeting: Meeting) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo_store, "save_meeting", disk_full)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"3 March 2027", "f2")
        await finish(app, pilot)
        assert app.screen is screen
        assert "Not saved" in str(screen.query_one("#new-error").render())
        assert "No space left on device" in str(screen.query_one("#new-error").render())
        assert screen.query_one("#new-date-input", Input).value == "3 March 2027"
        monkeypatch.setattr(demo_store, "save_meeting", real_save)
        await pilot.press("f2")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    with reopen(demo_store) as store:
        assert [s.id for s in store.meeting_summaries()] == [*DEMO_IDS, "hwb-2027-03-03"]


async def test_with_no_earlier_meeting_it_says_where_that_meetings_date_is_typed(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"15 May 2019")  # before the demo's first meeting
        await pilot.pause()
        note = str(screen.query_one("#new-note", Static).render())
        assert "no earlier meeting of this committee is in the store" in note
        assert (
            "press enter on “Minutes of Previous Meeting” and type that meeting's date under "
            "“Description printed under the item”" in note
        )
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        may = store.meeting("hwb-2019-05-15")
    assert may.agenda[1].title == "Minutes of Previous Meeting" and may.agenda[1].description == ""


async def test_what_the_previous_meeting_deferred_or_withdrew_is_carried_to_the_new_agenda(
    demo_store: Store,
) -> None:
    """December 2019 deferred one item and withdrew another: the next meeting's agenda has
    them (before nothing else of the clerk's), each saying where it stood, and the clerk is
    told which they are."""
    from clerk_tui.domain import AgendaItem, Minute
    from clerk_tui.domain.agenda import CarriedBecause
    from clerk_tui.domain.minutes import MinuteStatus

    december = demo_store.meeting("hwb-2019-12-04")
    for title, status in (
        ("Air Quality Strategy", MinuteStatus.DEFERRED),
        ("Pharmacy Review", MinuteStatus.WITHDRAWN),
    ):
        item = AgendaItem(december.new_item_id(), title, report_of="the Director of Public Health")
        december.add_item(item)
        december.minutes.append(Minute(december.new_minute_id(), title, item_id=item.id, status=status))
    demo_store.save_meeting(december)
    app = make_app(demo_store)
    told: list[str] = []
    app.notify = lambda message, **_: told.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press(*"3 March 2027")
        await pilot.press("f2")
        await finish(app, pilot)
    with reopen(demo_store) as store:
        meeting = store.meeting("hwb-2027-03-03")
    carried = [item for item in meeting.agenda if item.carried_from]
    assert [item.title for item in carried] == ["Air Quality Strategy", "Pharmacy Review"]
    assert [item.carried_from[0].because for item in carried] == [
        CarriedBecause.DEFERRED,
        CarriedBecause.WITHDRAWN,
    ]
    assert all(item.carried_from[0].meeting_id == "hwb-2019-12-04" for item in carried)
    assert carried[0].report_of == "the Director of Public Health"
    assert any("Carried forward from" in message and "“Pharmacy Review”" in message for message in told), told
