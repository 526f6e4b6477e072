"""Snapshots of the papers screens at 80x24 (the smallest terminal clerk is used in) and
the usual size: the minutes record of June 2019 once circulated, and the attendance
register of 2019/20 with a member's history open. Looked at as PNG before being kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerk_tui import records
from store import Store
from tests.screens.conftest import SIZE, settled, snapshot_app

SIZES = [(80, 24), SIZE]


@pytest.fixture
def circulated(demo_store: Store) -> Store:
    records.circulate(demo_store, "hwb-2019-06-12", date(2019, 6, 20), "the Chair")
    return demo_store


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_minutes_record(snap_compare: Any, circulated: Store, size: tuple[int, int]) -> None:
    assert snap_compare(snapshot_app(circulated), terminal_size=size, run_before=settled("r"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_attendance_register(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=size, run_before=settled("a", "enter"))
