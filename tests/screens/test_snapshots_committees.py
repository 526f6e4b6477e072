"""What the committee screens look like, at the terminal size of every Pilot test, with
the clock frozen and the store named by a fixed label.

Update only after looking at the report: `pytest tests/screens --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

from store import Store
from tests.screens.conftest import SIZE, settled, snapshot_app

TO_MEMBERS = ["c", "enter", "f4"]
"""From the meetings screen: committees, the highlighted (demo) committee, its Members tab."""


def test_committees_screen(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled("c"))


def test_committees_screen_when_there_are_none(snap_compare: Any, store: Store) -> None:
    assert snap_compare(snapshot_app(store), terminal_size=SIZE, run_before=settled("c"))


def test_committee_screen_members_tab(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*TO_MEMBERS, "down"))


def test_committee_screen_house_style_tab(snap_compare: Any, demo_store: Store) -> None:
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled("c", "enter", "f5"))


def test_member_form_for_a_member_already_known(snap_compare: Any, demo_store: Store) -> None:
    keys = [*TO_MEMBERS, "down", "enter"]  # Cllr. Paul Cummins
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_quick_entry_preview_marks_the_lines_it_can_not_add(snap_compare: Any, demo_store: Store) -> None:
    lines = ["Cllr. Carla Thomas (Chair)", "Ms Diane Blair, Healthwatch", "Matt Ashton"]
    typed: list[str] = []
    for line in lines:
        typed += [*(["enter"] if typed else []), *line]
    assert snap_compare(
        snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*TO_MEMBERS, "p", *typed)
    )
