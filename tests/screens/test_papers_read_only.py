"""The papers screens on a read-only store, and how their actions are classified for the
read-only rules (clerk_tui/read_only.py): the steps that change the minutes' record are
refused; everything else (print, export, the register and its files) changes nothing in
the store."""

from __future__ import annotations

import inspect
from pathlib import Path

from clerk_tui.read_only import REFUSED
from clerk_tui.screens import meetings, minutes_record, register
from store import Store
from tests.screens.conftest import SIZE, reopen, settle
from tests.screens.telling import telling_app

PAPERS_READS: dict[str, set[str]] = {
    "MeetingsScreen": {"minutes_record", "register"},
    "MinutesRecordScreen": {"print", "export", "close"},
    "RegisterScreen": {"previous_year", "next_year", "history", "save_csv", "save_pdf", "close"},
}
"""The papers' screens' part of READS in tests/screens/test_read_only.py."""

NEW_ACTIONS = {("MeetingsScreen", "minutes_record"), ("MeetingsScreen", "register")}


def actions(module: object) -> set[tuple[str, str]]:
    found = set()
    for cls in vars(module).values():
        if inspect.isclass(cls) and cls.__module__ == getattr(module, "__name__", ""):
            found |= {(cls.__name__, n.removeprefix("action_")) for n in vars(cls) if n.startswith("action_")}
    return found


def test_every_papers_action_is_refused_on_a_read_only_store_or_changes_nothing() -> None:
    found = actions(minutes_record) | actions(register) | (actions(meetings) & NEW_ACTIONS)
    assert found >= NEW_ACTIONS and len(found) == 2 + 7 + 6
    for cls, action in sorted(found):
        refused = action in REFUSED.get(cls, {})
        reads = action in PAPERS_READS.get(cls, set())
        assert refused != reads, f"classify {cls}.{action} once, in read_only.py or PAPERS_READS"
    assert set(REFUSED["MinutesRecordScreen"]) == {"circulate", "confirm", "sign", "withdraw"}


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


async def test_a_read_only_store_refuses_the_record_and_changes_nothing(demo_store: Store) -> None:
    before = files_of(demo_store.root)
    with reopen(demo_store) as viewer:
        assert viewer.read_only
        app = telling_app(viewer)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            told_at_start = len(app.said("Read-only"))  # the store is said to be read-only
            await pilot.press("r")
            await pilot.pause()
            for key in ("f2", "f3", "f4", "f5"):
                await pilot.press(key, "y")
                await settle(app, pilot)
                await app.workers.wait_for_complete()
                await pilot.pause()
            refusals = app.said("Read-only")[told_at_start:]
            assert len(refusals) == 4, refusals  # each step refused, in a sentence
            assert all("Traceback" not in message for message in refusals)
    assert files_of(demo_store.root) == before
