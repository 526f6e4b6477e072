"""Pilot tests drive the real app on a real store in a temporary folder, with the clock
frozen, and check the store afterwards."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.cli import seed_demo
from store import Store

FROZEN = datetime(2026, 11, 23, 10, 30, 0)
"""Every Pilot and snapshot test runs at 10:30 on Monday 23 November 2026."""

SIZE = (110, 36)
"""The terminal size of every Pilot and snapshot test."""


def frozen_clock() -> datetime:
    return FROZEN


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store")
    yield opened
    opened.close()


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "demo")
    seed_demo(opened)
    yield opened
    opened.close()


def make_app(store: Store) -> ClerkApp:
    return ClerkApp(store, clock=frozen_clock)


async def settle(app: ClerkApp, pilot: object) -> None:
    """Wait for the screen to process its messages and for every save to reach the disk."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    for _ in range(200):
        if not app.saver.busy:
            break
        await pilot.pause(0.01)
    assert not app.saver.busy, "saves did not finish"
    await pilot.pause()


def reopen(store: Store) -> Store:
    """The store as a fresh process would see it (read-only: the test's store holds the lock)."""
    return Store.open(store.root, read_only=True)


def snapshot_app(store: Store) -> ClerkApp:
    """An app whose header does not show the temporary folder's name."""
    return ClerkApp(store, clock=frozen_clock, store_label="~/clerk/store")


def settled(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A snapshot's run_before: press the keys one by one, let every save land and clear
    passing notifications, so that the picture does not depend on timing."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ClerkApp)
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        await app.workers.wait_for_complete()
        app.clear_notifications()
        steady_cursors(app)
        await pilot.pause()

    return run_before


def steady_cursors(app: ClerkApp) -> None:
    """A blinking cursor is on or off depending on when the picture is taken: keep it on."""
    from textual.widgets import Input, TextArea

    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
