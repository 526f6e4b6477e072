"""Snapshots of the main screens at a fixed size, clock frozen, store fixed.

Before each picture the keys are pressed, every save has landed and passing notifications
are cleared, so that the picture does not depend on timing.
Update only after looking at the report: `pytest tests/screens --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from store import Store
from tests.screens.conftest import SIZE, settle, snapshot_app


def after(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ClerkApp)
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause()

    return run_before


def test_meetings_screen(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=after())


def test_agenda_screen(snap_compare: Any, demo_store: Store) -> None:
    keys = after("down", "down", "enter")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_agenda_screen_editing_an_exempt_item(snap_compare: Any, demo_store: Store) -> None:
    keys = after("down", "enter", "ctrl+end", "enter")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_help_screen(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=after("f1"))


def test_live_meeting_screen(snap_compare: Any, demo_store: Store) -> None:
    """The September meeting of the demo, its first items taken."""
    keys = after("down", "enter", "m", "ctrl+n", "ctrl+n")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_live_meeting_preview(snap_compare: Any, demo_store: Store) -> None:
    keys = after("down", "enter", "m", "ctrl+n", "f4")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)
