"""Every state of a meeting can be reversed from the meetings and agenda screens, each
change asked first in a sentence, by key presses, and checked in the reopened store."""

from __future__ import annotations

from datetime import date, time

from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.commands import binding_entries
from clerk_tui.domain import MeetingStatus
from clerk_tui.domain.live import take_item, write_minute
from clerk_tui.domain.minutes import ResolutionLead
from clerk_tui.screens.agenda import AgendaScreen
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import LiveMeetingScreen
from clerk_tui.screens.meeting_details import MeetingDetailsScreen
from clerk_tui.screens.meetings import MeetingsScreen
from store import Store
from tests.screens.conftest import SIZE, reopen, settle
from tests.screens.keys import type_text
from tests.screens.telling import telling_app

JUNE, SEPTEMBER, DECEMBER = "hwb-2019-06-12", "hwb-2019-09-11", "hwb-2019-12-04"
ROWS = {JUNE: 0, SEPTEMBER: 1, DECEMBER: 2}


async def open_agenda(app: ClerkApp, pilot: Pilot[None], meeting_id: str) -> AgendaScreen:
    await settle(app, pilot)
    await pilot.press(*["down"] * ROWS[meeting_id], "enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, AgendaScreen) and screen.meeting.id == meeting_id
    return screen


def question(app: ClerkApp) -> str:
    screen = app.screen
    assert isinstance(screen, ConfirmScreen), f"no question asked: {screen}"
    return screen.question


def palette_titles(app: ClerkApp) -> set[str]:
    return {entry.title for entry in binding_entries(app.screen)}


def status_in_store(store: Store, meeting_id: str) -> MeetingStatus:
    with reopen(store) as reopened:
        return reopened.meeting(meeting_id).status


async def test_publishing_asks_first_and_unpublishing_makes_a_draft_again(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_agenda(app, pilot, DECEMBER)
        assert "Agenda: Publish" in palette_titles(app) and "Agenda: Unpublish" not in palette_titles(app)
        await pilot.press("p")
        assert question(app).startswith("Publish the agenda of Wed 4 Dec 2019?")
        await pilot.press("n")  # not yet
        await settle(app, pilot)
        assert status_in_store(demo_store, DECEMBER) == MeetingStatus.DRAFT_AGENDA
        await pilot.press("p", "y")
        await settle(app, pilot)
        assert status_in_store(demo_store, DECEMBER) == MeetingStatus.PUBLISHED
        assert "Agenda: Unpublish" in palette_titles(app) and "Agenda: Publish" not in palette_titles(app)
        assert str(agenda.query_one("#state").render()).strip().startswith("Unpublish")
        await pilot.press("u")
        assert question(app).startswith("Make the published agenda of Wed 4 Dec 2019 a draft again?")
        await pilot.press("y")
        await settle(app, pilot)
        assert app.said("")[-1].startswith("The agenda is a draft again")
    with reopen(demo_store) as store:
        meeting = store.meeting(DECEMBER)
    assert meeting.status == MeetingStatus.DRAFT_AGENDA
    assert [step.said for step in meeting.history.undo] == ["agenda published", "agenda unpublished"]


async def test_a_meeting_taken_live_by_mistake_goes_back_to_its_agenda(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot, DECEMBER)
        await pilot.press("p", "y")
        await settle(app, pilot)
        await pilot.press("m")  # weeks ahead, by mistake
        await settle(app, pilot)
        assert question(app).startswith("This meeting was on Wed 4 Dec 2019")
        assert status_in_store(demo_store, DECEMBER) == MeetingStatus.PUBLISHED, "not before the answer"
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("ctrl+n")  # the first item taken: a minute with no text
        await settle(app, pilot)
        assert status_in_store(demo_store, DECEMBER) == MeetingStatus.HELD
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert "Agenda: Back to agenda" in palette_titles(app)
        await pilot.press("b")
        assert question(app) == (
            "Put the meeting back to its published agenda? 1 minute started but not written in goes."
        )
        await pilot.press("y")
        await settle(app, pilot)
    with reopen(demo_store) as store:
        meeting = store.meeting(DECEMBER)
    assert meeting.status == MeetingStatus.PUBLISHED, "where it was before it went live"
    assert meeting.minutes == []


async def test_going_back_to_the_agenda_says_what_is_kept(demo_store: Store) -> None:
    meeting = demo_store.meeting(SEPTEMBER)
    assert meeting.status == MeetingStatus.HELD
    written = take_item(meeting, meeting.agenda[-1].id)
    write_minute(written, "The Board considered the update.", "", ResolutionLead.RESOLVED)
    demo_store.save_meeting(meeting)
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot, SEPTEMBER)
        await pilot.press("b")
        asked = question(app)
        assert asked.startswith("Put the meeting back to its draft agenda?")
        assert f"Kept, with their numbers: “{written.title}” (they have text)." in asked
        await pilot.press("y")
        await settle(app, pilot)
    with reopen(demo_store) as store:
        back = store.meeting(SEPTEMBER)
    assert back.status == MeetingStatus.DRAFT_AGENDA
    assert [m.narrative for m in back.minutes] == [written.narrative], "the written minute is kept"


async def test_drafted_minutes_are_reopened(demo_store: Store) -> None:
    meeting = demo_store.meeting(SEPTEMBER)
    take_item(meeting, meeting.agenda[-1].id)
    meeting.status = MeetingStatus.MINUTES_DRAFTED
    demo_store.save_meeting(meeting)
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot, SEPTEMBER)
        assert "Agenda: Reopen minutes" in palette_titles(app)
        assert "Agenda: Back to agenda" not in palette_titles(app)
        await pilot.press("o")
        assert question(app).startswith("Reopen the drafted minutes of Wed 11 Sep 2019 (1 minute)?")
        await pilot.press("y")
        await settle(app, pilot)
        assert "Agenda: Back to agenda" in palette_titles(app)
    assert status_in_store(demo_store, SEPTEMBER) == MeetingStatus.HELD


async def replace_text(pilot: Pilot[None], box: Input, text: str) -> None:
    box.focus()
    await pilot.pause()
    await pilot.press("end", *["backspace"] * len(box.value))
    await type_text(pilot, text)


async def test_date_time_and_venue_change_after_saying_what_happens_to_minute_numbers(
    demo_store: Store,
) -> None:
    for meeting_id, count in ((SEPTEMBER, 2), (DECEMBER, 3)):
        meeting = demo_store.meeting(meeting_id)
        meeting.status = MeetingStatus.HELD
        for item in meeting.agenda[:count]:
            take_item(meeting, item.id)
        demo_store.save_meeting(meeting)
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot, DECEMBER)
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, MeetingDetailsScreen)
        effects = dialog.query_one("#details-effects", Static)
        date_box = dialog.query_one("#details-date-input", Input)
        await replace_text(pilot, date_box, "1/6/19")  # before the approved June minutes
        await settle(app, pilot)
        assert "The approved minutes of 12 June 2019 would be renumbered" in str(effects.render())
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is dialog, "refused: the dialog stays with the date as typed"
        assert date_box.value == "1/6/19"
        await replace_text(pilot, date_box, "2/9/19")  # day first: 2 September
        await settle(app, pilot)
        sentence = (
            "Moving the meeting to Mon 2 Sep 2019: minutes 8-10 become 6-8; "
            "those of Wed 11 Sep 2019 (6-7) become 9-10."
        )
        assert str(effects.render()) == sentence
        await replace_text(pilot, dialog.query_one("#details-time-input", Input), "6.30pm")
        await replace_text(pilot, dialog.query_one("#details-room-input", Input), "Committee Room 2")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.said("Date, time and venue")[-1].endswith(sentence)
    with reopen(demo_store) as store:
        moved = store.meeting(DECEMBER)
        numbers = store.first_minute_number(SEPTEMBER), store.first_minute_number(DECEMBER)
    assert (moved.date, moved.start, moved.venue.room) == (date(2019, 9, 2), time(18, 30), "Committee Room 2")
    assert moved.id == DECEMBER, "ids are names, not dates"
    assert numbers == (9, 6)


async def test_a_meeting_made_by_mistake_is_deleted_and_put_back(demo_store: Store) -> None:
    before = demo_store.meeting(DECEMBER)
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Meetings: Undo delete" not in palette_titles(app)
        await pilot.press("delete")  # June: approved minutes are the committee's record
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert "approved: they are the committee's record" in app.said("Not deleted")[-1]
        await pilot.press("down", "down", "delete")
        assert question(app) == (
            "Delete the meeting of Wed 4 Dec 2019 (draft agenda)? Its file is moved to the store's "
            "deleted area, and it can be put back."
        )
        await pilot.press("y")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert app.said("Deleted")[-1].startswith("Deleted: Health and Wellbeing Board, Wed 04 Dec 2019.")
        with reopen(demo_store) as store:
            assert not store.has_meeting(DECEMBER)
        assert list((demo_store.root / "deleted").glob(f"{DECEMBER}.*.json"))
        assert "Meetings: Undo delete" in palette_titles(app)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert app.said("Undo")[-1] == "Put back: Health and Wellbeing Board, Wed 04 Dec 2019."
        assert "Meetings: Undo delete" not in palette_titles(app)
    with reopen(demo_store) as store:
        assert store.meeting(DECEMBER) == before


async def test_the_front_sheet_scrolls_from_the_keyboard(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_agenda(app, pilot, DECEMBER)
        sheet = agenda.query_one("#agenda-preview")
        assert sheet.max_scroll_y > 0, "the front sheet is longer than its pane"
        assert sheet.scroll_y == 0
        await pilot.press("]")
        await settle(app, pilot)
        assert sheet.scroll_y > 0
        assert agenda.query_one("#agenda-items").has_focus, "the list keeps the keyboard"
        await pilot.press("[")
        await settle(app, pilot)
        assert sheet.scroll_y == 0


async def test_p_on_a_checkbox_of_the_item_being_edited_publishes_nothing(demo_store: Store) -> None:
    app = telling_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        agenda = await open_agenda(app, pilot, DECEMBER)
        await pilot.press("enter")  # edit item 1
        agenda.query_one("#to-follow").focus()
        await pilot.pause()
        await pilot.press("p", "u", "b", "d")
        await settle(app, pilot)
        assert app.screen is agenda and agenda.editor.display
    assert status_in_store(demo_store, DECEMBER) == MeetingStatus.DRAFT_AGENDA


async def test_a_read_only_store_refuses_deleting_a_meeting(demo_store: Store) -> None:
    with reopen(demo_store) as viewer:
        app = telling_app(viewer)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("down", "down", "delete")
            await settle(app, pilot)
            assert isinstance(app.screen, MeetingsScreen)
            assert "so clerk cannot delete a meeting: nothing was changed" in app.said("Read-only")[-1]
    with reopen(demo_store) as store:
        assert store.has_meeting(DECEMBER)
