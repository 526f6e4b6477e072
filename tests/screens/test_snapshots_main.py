"""Snapshots of the main screens at a fixed size, clock frozen, store fixed.

Before each picture the keys are pressed, every save has landed and passing notifications
are cleared, so that the picture does not depend on timing.
Update only after looking at the report: `pytest tests/screens --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

from store import Store
from tests.screens.conftest import SIZE, settled, snapshot_app


def test_meetings_screen(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled())


def test_agenda_screen(snap_compare: Any, demo_store: Store) -> None:
    keys = settled("down", "down", "enter")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_agenda_screen_editing_an_exempt_item(snap_compare: Any, demo_store: Store) -> None:
    keys = settled("down", "enter", "ctrl+end", "enter")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_help_screen(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled("f1"))


def test_live_meeting_screen(snap_compare: Any, demo_store: Store) -> None:
    """The September meeting of the demo, its first items taken."""
    keys = settled("down", "enter", "m", "ctrl+n", "ctrl+n")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)


def test_live_meeting_preview(snap_compare: Any, demo_store: Store) -> None:
    keys = settled("down", "enter", "m", "ctrl+n", "f4")
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=keys)
