"""The saver on its own, in a bare Textual app on a real store: a failed save stays
pending and is retried with back-off; a failure is cleared only by that record's own
save; each save answers its own future; state changes on the UI thread only; waiting
for the saver never blocks the app. Faults are real OSErrors raised where the store
writes its files."""

from __future__ import annotations

import asyncio
import errno
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

import store.files
import store.storage
from clerk_tui import saving
from clerk_tui.cli import seed_demo
from clerk_tui.domain import AttendanceEvent, Block, EventKind, Minute
from clerk_tui.recovery import (
    RecoveredRecord,
    RecoveryError,
    find_recovery,
    keep_copy,
    read_recovery,
    remove,
    set_aside,
    write_recovery,
)
from clerk_tui.saving import Saved, SaveFailed, Saver, committee_key, meeting_key
from store import Store

FROZEN = datetime(2026, 11, 23, 10, 30, 0)
MEETING = "hwb-2019-09-11"


class DiskFault:
    """Fail the store's writes of chosen files with a real OSError, until ``free()``.

    It replaces the atomic write the storage calls (store/files.py ``write_and_replace``)
    by one that raises for the files whose name contains ``only`` (every file if empty),
    exactly as the kernel's ENOSPC or EIO would come out of it."""

    def __init__(self, code: int = errno.ENOSPC, only: str = "") -> None:
        self.code = code
        self.only = only
        self.active = True
        self.calls: list[tuple[float, str]] = []
        self.real = store.files.write_and_replace

    def __call__(self, path: Path, payload: bytes, **kwargs: Any) -> Any:
        if self.active and self.only in path.name:
            self.calls.append((time.monotonic(), path.name))
            raise OSError(self.code, os.strerror(self.code))
        return self.real(path, payload, **kwargs)

    def free(self) -> None:
        self.active = False


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store")
    seed_demo(opened)
    yield opened
    opened.close()


def fault(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC, only: str = "") -> DiskFault:
    injected = DiskFault(code, only)
    monkeypatch.setattr(store.storage, "write_and_replace", injected)
    return injected


class Host(App[None]):
    """The smallest app that runs a saver: it hands the results to it, as ClerkApp does."""

    def __init__(self, target: Store) -> None:
        super().__init__()
        self.changes = 0
        self.threads: set[str] = set()
        self.saver = Saver(self, target, lambda: FROZEN, on_change=self._changed)

    def _changed(self) -> None:
        self.changes += 1
        self.threads.add(threading.current_thread().name)

    def on_saved(self, message: Saved) -> None:
        self.threads.add(threading.current_thread().name)
        self.saver.saved(message)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.threads.add(threading.current_thread().name)
        self.saver.failed(message)


async def until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        await asyncio.sleep(0.02)


def arrivals(root: Path) -> int:
    with Store.open(root, read_only=True) as reopened:
        return sum(1 for e in reopened.meeting(MEETING).attendance if e.kind == EventKind.ARRIVED)


async def test_a_failed_save_stays_pending_and_is_retried_by_itself(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = fault(monkeypatch)
    app = Host(demo)
    async with app.run_test():
        meeting = demo.meeting(MEETING)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        outcome = await app.saver.meeting(meeting)
        assert not outcome.saved and "No space left on device" in outcome.reason
        (record,) = app.saver.unsaved()
        assert record.failed and not app.saver.busy and app.saver.retry_in() == 1
        assert record.document["attendance"][-1]["person_id"] == "ian-moncur"  # the snapshot is kept
        disk.free()
        await until(lambda: not app.saver.unsaved(), 5)
        assert app.saver.failures == [] and app.saver.last_saved == FROZEN
    assert arrivals(demo.root) == 1


async def test_retries_by_themselves_back_off(demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(saving, "FIRST_RETRY", 0.1)
    disk = fault(monkeypatch, errno.EIO, only=MEETING)
    app = Host(demo)
    async with app.run_test():
        await app.saver.meeting(demo.meeting(MEETING))
        await until(lambda: len(disk.calls) >= 4)
        starts = [moment for moment, _ in disk.calls[:4]]
        gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
        for gap, wanted in zip(gaps, [0.1, 0.2, 0.4], strict=True):
            assert gap >= wanted * 0.9, (gaps, "a retry came before its back-off")
        disk.free()
        await until(lambda: not app.saver.unsaved(), 5)


async def test_the_back_off_doubles_up_to_half_a_minute(demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fault(monkeypatch, only=MEETING)
    app = Host(demo)
    async with app.run_test():
        await app.saver.meeting(demo.meeting(MEETING))
        planned = []
        for _ in range(7):
            (record,) = app.saver.failures
            assert record.retry_at is not None
            planned.append(round(record.retry_at - time.monotonic()))
            assert app.saver.retry_now() == 1  # ctrl+s: at once, whatever the back-off says
            await app.saver.next_outcome(meeting_key(MEETING))
        assert planned == [1, 2, 4, 8, 16, 30, 30]


async def test_ctrl_s_retries_at_once_and_the_first_success_clears_the_failure(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saving, "FIRST_RETRY", 30.0)  # no retry by itself during the test
    disk = fault(monkeypatch, only=MEETING)
    app = Host(demo)
    async with app.run_test():
        await app.saver.meeting(demo.meeting(MEETING))
        assert app.saver.retry_in() == 30
        assert app.saver.retry_now() == 1
        assert not (await app.saver.next_outcome(meeting_key(MEETING))).saved
        assert len(disk.calls) == 2
        disk.free()
        assert app.saver.retry_now() == 1
        assert (await app.saver.next_outcome(meeting_key(MEETING))).saved
        assert app.saver.unsaved() == [] and app.saver.retry_in() is None


async def test_a_failure_is_cleared_only_by_a_save_of_that_record(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = fault(monkeypatch, only=MEETING)
    app = Host(demo)
    async with app.run_test():
        assert not (await app.saver.meeting(demo.meeting(MEETING))).saved
        committee = demo.committees()[0]
        committee.name = "Health and Wellbeing Board (renamed)"
        assert (await app.saver.committee(committee)).saved  # another record saves fine
        assert [r.key for r in app.saver.failures] == [meeting_key(MEETING)]  # still failed
        assert app.saver.pending(committee_key(committee.id)) is None
        disk.free()
        assert (await app.saver.next_outcome(meeting_key(MEETING))).saved
        assert app.saver.failures == []


async def test_each_save_answers_its_own_future_and_a_newer_snapshot_answers_older_ones(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host(demo)
    async with app.run_test():
        meeting = demo.meeting(MEETING)
        first = app.saver.meeting(meeting)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        second = app.saver.meeting(meeting)
        committee = app.saver.committee(demo.committees()[0])
        outcomes = await asyncio.gather(first, second, committee)
        assert [o.saved for o in outcomes] == [True, True, True]
        assert [o.key for o in outcomes] == [meeting_key(MEETING), meeting_key(MEETING), "committee:hwb"]
        assert (await app.saver.settled(meeting_key(MEETING))).saved  # nothing pending: at once
    assert arrivals(demo.root) == 1


async def test_state_changes_on_the_ui_thread_only(demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    disk = fault(monkeypatch, only=MEETING)
    app = Host(demo)
    async with app.run_test():
        ui_thread = threading.current_thread().name
        writers: set[str] = set()
        real = Saver._writer

        def spying(saver: Saver, record: saving.Unsaved) -> Callable[[], None]:
            write = real(saver, record)

            def spied() -> None:
                writers.add(threading.current_thread().name)
                write()

            return spied

        monkeypatch.setattr(Saver, "_writer", spying)
        await app.saver.meeting(demo.meeting(MEETING))
        disk.free()
        await app.saver.next_outcome(meeting_key(MEETING))
        assert app.threads == {ui_thread}  # results handled and header told on the UI thread
        assert writers and ui_thread not in writers  # the writing itself off it


async def test_waiting_for_a_stuck_write_never_blocks_the_app(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = store.files.write_and_replace

    def stuck(path: Path, payload: bytes, **kwargs: Any) -> Any:
        release.wait(20)
        return real(path, payload, **kwargs)

    monkeypatch.setattr(store.storage, "write_and_replace", stuck)
    app = Host(demo)
    async with app.run_test():
        ticks: list[float] = []
        app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
        saved = app.saver.meeting(demo.meeting(MEETING))
        began = time.monotonic()
        assert not await app.saver.wait_until_idle(0.5)
        assert 0.45 <= time.monotonic() - began < 5
        assert len(ticks) >= 3, "the event loop ran while the saver was waited for"
        assert app.saver.busy and not saved.done()
        release.set()
        assert (await saved).saved
        assert await app.saver.wait_until_idle(5)


async def test_a_changed_file_is_not_retried_by_itself_and_keep_mine_writes_over_it(
    demo: Store, tmp_path: Path
) -> None:
    path = demo.root / "meetings" / f"{MEETING}.json"
    app = Host(demo)
    async with app.run_test():
        meeting = demo.meeting(MEETING)  # clerk has read the file
        theirs = path.read_bytes() + b"\n"
        path.write_bytes(theirs)  # another program writes it
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        outcome = await app.saver.meeting(meeting)
        assert not outcome.saved and outcome.conflict
        (record,) = app.saver.failures
        assert record.conflict is not None and record.retry_at is None  # waits for the clerk
        assert app.saver.retry_now() == 0
        kept: list[Path] = []
        app.saver.keep_mine(
            meeting_key(MEETING), lambda p: kept.append(keep_copy(p, FROZEN, [tmp_path / "aside"]))
        )
        await until(lambda: not app.saver.unsaved(), 5)
        assert kept[0].read_bytes() == theirs  # the other version is kept
        assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert arrivals(demo.root) == 1


async def test_a_read_only_store_keeps_the_change_pending_without_retrying(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as writable:
        seed_demo(writable)
    viewer = Store.open(tmp_path / "store", read_only=True)
    app = Host(viewer)
    async with app.run_test():
        outcome = await app.saver.meeting(viewer.meeting(MEETING))
        assert not outcome.saved and "read-only" in outcome.reason
        (record,) = app.saver.unsaved()
        assert record.retry_at is None and app.saver.retry_in() is None
    viewer.close()


# --- the recovery file --------------------------------------------------------------


def record(ident: str = MEETING) -> RecoveredRecord:
    return RecoveredRecord(
        "person", ident, f"person {ident}", {"id": ident, "name": "Ian Moncur"}, "disk full"
    )


def test_a_recovery_file_round_trips_private_and_for_its_store_only(tmp_path: Path) -> None:
    root, folders = tmp_path / "store", [tmp_path / "in-store", tmp_path / "state"]
    path = write_recovery(root, [record("ian-moncur")], FROZEN, folders)
    assert path.parent == folders[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(folders[0].stat().st_mode) == 0o700
    again = write_recovery(root, [record("carla-thomas")], FROZEN, folders)  # same moment: a new file
    assert again != path
    write_recovery(tmp_path / "another-store", [record()], FROZEN, folders)
    found, problems = find_recovery(root, folders)
    assert problems == []
    assert [[r.ident for r in f.records] for f in found] == [["ian-moncur"], ["carla-thomas"]]
    assert found[0].written == FROZEN and found[0].records[0].reason == "disk full"
    assert found[0].records[0].value().name == "Ian Moncur"  # type: ignore[union-attr]
    aside = set_aside(found[0])
    assert aside.exists() and not path.exists()
    remove(found[1])
    assert find_recovery(root, folders) == ([], [])
    assert read_recovery(aside).records[0].ident == "ian-moncur"  # kept aside, readable


def test_a_folder_that_will_not_take_the_file_falls_back_to_the_next(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder would go")
    path = write_recovery(tmp_path / "store", [record()], FROZEN, [blocked, tmp_path / "state"])
    assert path.parent == tmp_path / "state"
    with pytest.raises(RecoveryError, match="could not be written"):
        write_recovery(tmp_path / "store", [record()], FROZEN, [blocked])


def test_a_damaged_recovery_file_is_reported_and_left(tmp_path: Path) -> None:
    root, folders = tmp_path / "store", [tmp_path / "rec"]
    path = write_recovery(root, [record()], FROZEN, folders)
    path.write_text("{ not json")
    found, problems = find_recovery(root, folders)
    assert found == [] and len(problems) == 1 and str(path) in problems[0]
    assert path.read_text() == "{ not json"


def test_the_recovery_file_and_the_read_only_rules_need_no_user_interface() -> None:
    """The CLI could offer a recovery file back too: neither module loads Textual or Rich."""
    code = (
        "import clerk_tui.recovery, clerk_tui.read_only, sys\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def narratives(root: Path) -> dict[str, list[str]]:
    with Store.open(root, read_only=True) as reopened:
        return {m.id: [b.text for b in m.narrative] for m in reopened.meeting(MEETING).minutes}


async def test_typed_minutes_that_fail_stay_pending_together_and_are_retried(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What typing saves is the typed minutes alone; a failure keeps every minute typed
    since (newest text of each), the recovery copy is the whole meeting, and the retry
    writes them all."""
    app = Host(demo)
    async with app.run_test():
        meeting = demo.meeting(MEETING)
        meeting.minutes += [Minute("minute-a", "Apologies"), Minute("minute-b", "Better Care Fund")]
        assert (await app.saver.meeting(meeting)).saved
        disk = fault(monkeypatch, only=MEETING)
        first, second = meeting.minutes
        first.narrative = [Block(text="Typed first.")]
        assert not (await app.saver.minutes(meeting, [first])).saved
        second.narrative = [Block(text="Typed second.")]
        first.narrative = [Block(text="Typed first, and more.")]
        assert not (await app.saver.minutes(meeting, [first, second])).saved
        (record,) = app.saver.unsaved()
        assert record.failed and record.whole is None and set(record.minutes) == {"minute-a", "minute-b"}
        recovered = record.recovered().document["minutes"]
        assert [m["narrative"][0]["text"] for m in recovered] == ["Typed first, and more.", "Typed second."]
        assert narratives(demo.root) == {"minute-a": [], "minute-b": []}
        disk.free()
        await until(lambda: not app.saver.unsaved(), 5)
    assert narratives(demo.root) == {"minute-a": ["Typed first, and more."], "minute-b": ["Typed second."]}


async def test_a_whole_snapshot_still_pending_takes_the_typed_minutes_in(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host(demo)
    async with app.run_test():
        meeting = demo.meeting(MEETING)
        meeting.minutes.append(Minute("minute-a", "Apologies"))
        disk = fault(monkeypatch, only=MEETING)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        assert not (await app.saver.meeting(meeting)).saved
        meeting.minutes[0].narrative = [Block(text="Typed after the step.")]
        assert not (await app.saver.minutes(meeting, meeting.minutes)).saved
        (record,) = app.saver.unsaved()
        assert record.whole is not None and record.minutes == {}
        assert record.whole["minutes"][0]["narrative"][0]["text"] == "Typed after the step."
        disk.free()
        await until(lambda: not app.saver.unsaved(), 5)
    assert arrivals(demo.root) == 1
    assert narratives(demo.root) == {"minute-a": ["Typed after the step."]}
