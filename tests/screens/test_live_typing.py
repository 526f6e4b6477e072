"""Typing on the live screen: keys only note the text; it reaches the minute when it is
saved (after a pause) or shown (the preview), and the minute options are never undone by
text typed before them."""

from __future__ import annotations

from textual.widgets import Static

from clerk_tui.domain import ResolutionLead
from clerk_tui.domain.narrative import narrative_text
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import SAVE_PAUSE, LiveMeetingScreen
from clerk_tui.screens.minute_options import MinuteOptions, MinuteOptionsScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import type_text
from widgets.minute_editor import MinuteEditor

MEETING = "hwb-2019-12-04"
WORD = "Zebracrossings"


async def live_on_first_item(app: object, pilot: object, store: Store) -> LiveMeetingScreen:
    from textual.pilot import Pilot

    from clerk_tui.app import ClerkApp

    assert isinstance(app, ClerkApp) and isinstance(pilot, Pilot)
    await settle(app, pilot)
    app.push_screen(LiveMeetingScreen(store.meeting(MEETING)))
    await settle(app, pilot)
    assert isinstance(app.screen, ConfirmScreen), "a meeting not yet held is taken live on a yes"
    await pilot.press("y")
    await settle(app, pilot)
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen)
    screen.editor.focus_narrative()
    return screen


async def test_text_typed_just_before_the_preview_is_in_it_and_saved_after_the_pause(
    demo_store: Store,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        minute_id = screen.current_minute
        assert narrative_text(next(m for m in screen.meeting.minutes if m.id == minute_id).narrative) == ""
        await type_text(pilot, f"{WORD}.")
        await pilot.press("f4")  # at once, before any save
        await pilot.pause()
        assert WORD in str(screen.query_one("#live-preview-text", Static).render())
        await pilot.press("f4")
        await pilot.pause(SAVE_PAUSE + 0.2)
        await settle(app, pilot)
        with reopen(demo_store) as store:
            saved = next(m for m in store.meeting(MEETING).minutes if m.id == minute_id)
        assert narrative_text(saved.narrative) == f"{WORD}."


async def test_the_minute_options_win_over_a_key_typed_before_them(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        await pilot.press("tab")
        await type_text(pilot, "the report be noted")
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(app.screen, MinuteOptionsScreen)
        minute_id = screen.current_minute
        assert minute_id is not None
        # A key of the resolution still on its way when the options were asked for: its
        # texts arrive at the screen while the dialog is open, with the lead of the time.
        late = MinuteEditor.Changed(minute_id, "", "the report be noted", ResolutionLead.RESOLVED)
        screen.post_message(late)
        await pilot.pause()
        minute = next(m for m in screen.meeting.minutes if m.id == minute_id)
        app.screen.dismiss(MinuteOptions(minute.title, ResolutionLead.RECOMMENDED, "That", True, True, True))
        await settle(app, pilot)
        assert minute.resolution is not None
        assert minute.resolution.lead == ResolutionLead.RECOMMENDED
        assert minute.resolution.parts == ["the report be noted"]
        with reopen(demo_store) as store:
            saved = next(m for m in store.meeting(MEETING).minutes if m.id == minute_id)
        assert saved.resolution is not None and saved.resolution.lead == ResolutionLead.RECOMMENDED


async def test_the_resolution_typed_fast_after_a_tab_is_the_resolution(demo_store: Store) -> None:
    """Keys sent in one burst, as a terminal sends a fast typist's keys: the Tab reached the
    app's binding after the keys behind it had been given to the narrative."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        minute_id = screen.current_minute
        await type_text(pilot, "The Board considered the report.\tthe report be noted")
        assert app.focused is not None and app.focused.id == "minute-resolution"
        await pilot.pause(SAVE_PAUSE + 0.2)
        await settle(app, pilot)
        with reopen(demo_store) as store:
            saved = next(m for m in store.meeting(MEETING).minutes if m.id == minute_id)
        assert narrative_text(saved.narrative) == "The Board considered the report."
        assert saved.resolution is not None
        assert saved.resolution.parts == ["the report be noted"]
