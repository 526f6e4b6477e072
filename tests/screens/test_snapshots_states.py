"""Snapshots of the dialogs that reverse a meeting's state, at 80x24 (they must fit) and at
the usual size. Update only after looking at the report."""

from __future__ import annotations

from typing import Any

from clerk_tui.domain import MeetingStatus
from clerk_tui.domain.live import take_item
from store import Store
from tests.screens.conftest import SIZE, settled, snapshot_app

SMALL = (80, 24)

DECEMBER = ("down", "down", "enter")
CLEAR_DATE = ("end", *["backspace"] * 16)


def minuted(store: Store, minutes: dict[str, int]) -> Store:
    """The demo with the first items of these meetings taken live."""
    for meeting_id, count in minutes.items():
        meeting = store.meeting(meeting_id)
        meeting.status = MeetingStatus.HELD
        for item in meeting.agenda[:count]:
            take_item(meeting, item.id)
        store.save_meeting(meeting)
    return store


def test_date_time_and_venue_at_80x24_refusing_to_renumber_approved_minutes(
    snap_compare: Any, demo_store: Store
) -> None:
    store = minuted(demo_store, {"hwb-2019-12-04": 2})
    keys = settled(*DECEMBER, "d", *CLEAR_DATE, *"1/6/2019")
    assert snap_compare(snapshot_app(store), terminal_size=SMALL, run_before=keys)


def test_date_time_and_venue_saying_what_a_new_date_does(snap_compare: Any, demo_store: Store) -> None:
    store = minuted(demo_store, {"hwb-2019-09-11": 2, "hwb-2019-12-04": 3})
    keys = settled(*DECEMBER, "d", *CLEAR_DATE, *"2/9/2019")
    assert snap_compare(snapshot_app(store), terminal_size=SIZE, run_before=keys)


def test_deleting_a_meeting_asks_first_at_80x24(snap_compare: Any, demo_store: Store) -> None:
    store = minuted(demo_store, {"hwb-2019-09-11": 2, "hwb-2019-12-04": 3})
    keys = settled("down", "delete")
    assert snap_compare(snapshot_app(store), terminal_size=SMALL, run_before=keys)
