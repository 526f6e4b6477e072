"""The live screen at the sizes a clerk's terminal has (issue 10): 80x24, where the minute
keeps at least 50 columns and the side panels fold to a summary; 120x40; and 200x60, where
the panels use the room. Keys pressed, saves landed, notifications cleared first.
Update only after looking at the pictures: `pytest tests/screens/test_snapshots_live.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import Store
from tests.fixtures import planning_2027
from tests.screens.conftest import settled, snapshot_app

SIZES = [(80, 24), (120, 40), (200, 60)]
TAKE_TWO_ITEMS = ("down", "enter", "m", "ctrl+n", "ctrl+n")
"""The demo's September meeting, its first two items taken."""


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_live_screen(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    keys = settled(*TAKE_TWO_ITEMS)
    assert snap_compare(snapshot_app(demo_store), terminal_size=size, run_before=keys)


@pytest.mark.parametrize("size", SIZES[:1], ids=["80x24"])
def test_live_screen_in_attendance_mode(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    keys = settled(*TAKE_TWO_ITEMS, "ctrl+l")
    assert snap_compare(snapshot_app(demo_store), terminal_size=size, run_before=keys)


@pytest.fixture
def planning_store(tmp_path: Path) -> Iterator[Store]:
    """The Planning meeting with the motion on 24 Church Road moved and seconded."""
    opened = Store.open(tmp_path / "planning")
    for person in planning_2027.people():
        opened.save_person(person)
    opened.save_committee(planning_2027.committee())
    meeting, _, _ = planning_2027.church_road_before_the_vote()
    opened.save_meeting(meeting)
    yield opened
    opened.close()


@pytest.mark.parametrize("size", SIZES[:2], ids=["80x24", "120x40"])
def test_live_screen_in_vote_mode(snap_compare: Any, planning_store: Store, size: tuple[int, int]) -> None:
    keys = settled("enter", "m", "f2")  # the meeting's agenda, take minutes, vote mode
    assert snap_compare(snapshot_app(planning_store), terminal_size=size, run_before=keys)
