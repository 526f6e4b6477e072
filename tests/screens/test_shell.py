"""The shell: the meetings list, help generated from bindings, the palette, ctrl+s."""

from __future__ import annotations

import sys
from pathlib import Path

from clerk_tui.cli import seed_demo
from clerk_tui.commands import binding_entries
from clerk_tui.screens.help import HelpScreen, help_rows
from clerk_tui.screens.meetings import MeetingsScreen
from store import Store
from tests.screens.conftest import SIZE, make_app, settle


async def test_the_demo_opens_on_its_meetings(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert screen.highlighted_id() == "hwb-2019-06-12"
        assert not app.sub_title.startswith("demo store")  # a real store, named by its folder
        assert str(demo_store.root) in app.sub_title


async def test_the_meetings_list_is_the_bottom_screen_and_start_up_hands_back_the_interpreter(
    demo_store: Store,
) -> None:
    """The list is composed with the app (a screen pushed at mount was first drawn inside
    Textual's start-up batch, and thrown away); the quick hand-over between threads that
    gets the first frame out is put back once it is drawn."""
    before = sys.getswitchinterval()
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert [type(screen) for screen in app.screen_stack] == [MeetingsScreen]
        assert sys.getswitchinterval() == before
        await pilot.press("enter")  # a meeting's agenda, then back to the list
        await settle(app, pilot)
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        await settle(app, pilot)
        assert [type(screen) for screen in app.screen_stack] == [MeetingsScreen]


async def test_help_lists_every_key_of_the_screen(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = {description for _, description, _ in help_rows(app.screen)}
        assert {"New meeting", "Year's schedule", "Committees", "Export", "Help", "Save", "Quit"} <= rows
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)


async def test_the_palette_offers_every_key_by_area(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {entry.title for entry in binding_entries(app.screen)}
        assert {"Meetings: New meeting", "Meetings: Committees", "App: Save", "App: Help"} <= titles
        targets = {entry.title for entry in app.screen.palette_targets()}  # type: ignore[attr-defined]
        assert "Open meeting: Health and Wellbeing Board 11 Sep 2019" in targets
        assert "Switch committee: Health and Wellbeing Board" in targets


async def test_ctrl_s_says_that_changes_save_themselves(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Nothing has changed" in n.message for n in app._notifications)


async def test_buttons_run_the_same_actions_as_the_keys(demo_store: Store) -> None:
    from clerk_tui.screens.agenda import AgendaScreen
    from clerk_tui.screens.new_meeting import NewMeetingScreen

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click("#new")
        await settle(app, pilot)
        assert isinstance(app.screen, NewMeetingScreen)
        await pilot.click("#cancel")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.click("#open")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        await pilot.click("#add")
        await settle(app, pilot)
        assert screen.editor.display


async def test_the_store_s_backup_starts_once_the_first_screen_is_drawn(tmp_path: Path) -> None:
    """clerk opens the store without its background backup, which would compete with the
    first frame; the app starts it once the meetings list is drawn."""
    with Store.open(tmp_path / "demo") as made:
        seed_demo(made)
    store = Store.open(tmp_path / "demo", auto_backup=False)
    try:
        assert store.wait_for_background() is None  # the open started nothing
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, MeetingsScreen)
            backup = store.wait_for_background()
            assert backup is not None
            assert backup.parent == tmp_path / "demo" / "backups"
    finally:
        store.close()
