"""The venue register, driven by key presses: rooms added, reworded and removed from the
committee screen, then chosen for a new meeting and for a meeting's details; every test
checks the store as a fresh process reads it."""

from __future__ import annotations

from dataclasses import replace

from textual.pilot import Pilot
from textual.widgets import Input, Select

from clerk_tui.app import ClerkApp
from clerk_tui.domain import Venue
from clerk_tui.screens.agenda import AgendaScreen
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.meeting_details import MeetingDetailsScreen
from clerk_tui.screens.new_meeting import NewMeetingScreen
from clerk_tui.screens.venues import VenueRegisterScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import tab_to, type_text
from widgets.fields import TextField

BIRKDALE = Venue(
    "Birkdale Room",
    "Southport Town Hall",
    "Lord Street, Southport, PR8 1DA",
    minutes_wording="THE BIRKDALE ROOM - SOUTHPORT TOWN HALL",
    id="southport-town-hall-birkdale-room",
)


async def open_register(app: ClerkApp, pilot: Pilot[None]) -> VenueRegisterScreen:
    await settle(app, pilot)
    for key in ("c", "enter", "f7"):
        await pilot.press(key)
        await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, VenueRegisterScreen)
    return dialog


async def type_venue(pilot: Pilot[None], venue: Venue) -> None:
    for field, text in (
        ("venue-room-input", venue.room),
        ("venue-building-input", venue.building),
        ("venue-address-input", venue.address),
        ("venue-minutes-input", venue.minutes_wording),
    ):
        await tab_to(pilot, field)
        await type_text(pilot, text)


def register_of(store: Store) -> list[Venue]:
    with reopen(store) as fresh:
        return fresh.committee("hwb").venues


async def test_rooms_are_added_reworded_and_removed_and_each_change_is_saved(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_register(app, pilot)
        await tab_to(pilot, "venue-minutes-input")
        await type_text(pilot, "THE TOWN HALL")  # a heading alone prints nothing on a front sheet
        await pilot.press("f2")
        await settle(app, pilot)
        room = dialog.query_one("#venue-room", TextField)
        assert "-error" in room.message.classes
        assert "Give the room, the building or the address" in str(room.message.render())
        assert dialog.query_one("#venue-minutes-input", Input).value == "THE TOWN HALL"
        assert register_of(demo_store) == []

        await tab_to(pilot, "venue-minutes-input")
        await pilot.press(*["backspace"] * len("THE TOWN HALL"))
        await type_venue(pilot, BIRKDALE)
        await pilot.press("f2")
        await settle(app, pilot)
        assert register_of(demo_store) == [BIRKDALE]

        # Enter on the room fills the fields; f3 saves the new wording under the same id.
        await pilot.press("shift+tab")
        await tab_to(pilot, "venues-table")
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "venue-room-input"
        await pilot.press("end", *["backspace"] * len("Birkdale Room"))
        await type_text(pilot, "Council Chamber")
        await pilot.press("f3")
        await settle(app, pilot)
        assert register_of(demo_store) == [replace(BIRKDALE, room="Council Chamber")]

        await pilot.press("f4")
        await settle(app, pilot)
        assert register_of(demo_store) == []
        await pilot.press("escape")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CommitteeScreen) and screen.committee.venues == []


async def test_a_new_meeting_and_a_meetings_details_choose_a_room_from_the_register(
    demo_store: Store,
) -> None:
    committee = demo_store.committee("hwb")
    committee.venues = [BIRKDALE]
    demo_store.save_committee(committee)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, NewMeetingScreen)
        await type_text(pilot, "3 March 2027")
        await tab_to(pilot, "new-venue")
        await pilot.press("enter", "down", "enter")  # the first room of the register
        await settle(app, pilot)
        assert app.screen.query_one("#new-room-input", Input).value == "Birkdale Room"
        await pilot.press("f2")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        with reopen(demo_store) as fresh:
            made = fresh.meeting("hwb-2027-03-03")
        assert made.venue == BIRKDALE

        # Its details: back to the usual room by typing (free text), then the register again.
        await pilot.press("end", "enter")
        await settle(app, pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen) and agenda.meeting.id == "hwb-2027-03-03"
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, MeetingDetailsScreen)
        assert dialog.query_one("#details-venue", Select).value == BIRKDALE.id
        await tab_to(pilot, "details-room-input")
        await pilot.press("end", *["backspace"] * len("Birkdale Room"))
        await type_text(pilot, "Lounge")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        with reopen(demo_store) as fresh:
            typed = fresh.meeting("hwb-2027-03-03").venue
        # Another place than the room chosen: printed as typed, the room's minutes wording gone.
        assert typed == Venue("Lounge", BIRKDALE.building, BIRKDALE.address)


async def test_a_meetings_details_keep_its_copy_of_a_room_reworded_since(demo_store: Store) -> None:
    committee = demo_store.committee("hwb")
    committee.venues = [replace(BIRKDALE, minutes_wording="THE BIRKDALE ROOM, SOUTHPORT")]
    demo_store.save_committee(committee)
    december = demo_store.meeting("hwb-2019-12-04")
    december.venue = BIRKDALE  # given the room before it was reworded
    demo_store.save_meeting(december)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, MeetingDetailsScreen)
        assert dialog.query_one("#details-venue", Select).value == BIRKDALE.id
        await tab_to(pilot, "details-time-input")
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "6.30 pm")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
    with reopen(demo_store) as fresh:
        kept = fresh.meeting("hwb-2019-12-04")
    assert kept.start is not None and kept.start.hour == 18
    assert kept.venue == BIRKDALE
