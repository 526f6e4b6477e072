"""Snapshots of the planning dialogs (new meeting, year's schedule) and export, at the fixed
size with the clock frozen.

Update only after looking at the report: `pytest tests/screens --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clerk_tui.screens import export as export_module
from store import Store
from tests.screens.conftest import SIZE, settled, snapshot_app


def test_new_meeting(snap_compare: Any, demo_store: Store) -> None:
    keys = ["n", *"3 March 2027"]
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_new_meeting_refused(snap_compare: Any, demo_store: Store) -> None:
    keys = ["n", *"31/02/2027", "tab", *"25.00 pm", "f2"]
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_new_meeting_on_a_day_taken(snap_compare: Any, demo_store: Store) -> None:
    keys = ["n", *"4/12/2019"]
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_schedule(snap_compare: Any, demo_store: Store) -> None:
    keys = ["y", *"1 June 2027", "tab", "tab", "tab", "tab", "2", "tab", "tab", "down", "space"]
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_schedule_with_an_impossible_rule(snap_compare: Any, demo_store: Store) -> None:
    keys = ["y", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "1", "3"]
    assert snap_compare(snapshot_app(demo_store), terminal_size=SIZE, run_before=settled(*keys))


def test_export(snap_compare: Any, demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "export_folder", lambda: Path("/home/clerk/Documents/clerk-exports"))
    app = snapshot_app(demo_store)
    # December's meeting; settled() waits for the preview, printed in a thread
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("down", "down", "e"))


def test_export_at_80x24(snap_compare: Any, demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns both switches show whole, and the preview scrolls sideways instead of
    cropping the paper's lines."""
    monkeypatch.setattr(export_module, "export_folder", lambda: Path("/home/clerk/Documents/clerk-exports"))
    app = snapshot_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled("down", "down", "e"))
