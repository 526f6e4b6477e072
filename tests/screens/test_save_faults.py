"""The app driven while saves fail, then recover: the clerk types minutes, the disk fills
(a real ENOSPC from the store's fsync), the header says so, the disk is freed, and the
text reaches the disk by ctrl+s or by the retry on its own. Quitting with something
unsaved asks, never freezes, and can keep the records in a recovery file that the next
start puts back. A file changed by another program is reported, and the clerk chooses.
Every test checks the store reopened afterwards."""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

import store.files
import store.storage
from clerk_tui import saving
from clerk_tui.app import ClerkApp
from clerk_tui.domain.narrative import narrative_text
from clerk_tui.screens import quit as quit_module
from clerk_tui.screens.changed_on_disk import ChangedOnDiskScreen
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.live import SAVE_PAUSE, LiveMeetingScreen
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.quit import QuitScreen
from clerk_tui.screens.recovered import RecoveredScreen
from store import Store
from tests.screens.conftest import SIZE, settle
from tests.screens.keys import type_text
from tests.screens.telling import TellingApp, telling_app

MEETING = "hwb-2019-12-04"
BEFORE = "Before the disk filled up. "
WHILE_FULL = "TYPED WHILE FULL one two three."


class FullDisk:
    """The store's disk is full: the fsync of a new file in ``under`` fails with ENOSPC
    (the temp file is written, then refused, then removed), until ``free()``. Files
    elsewhere (the recovery folder: another disk) are written as usual."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, under: Path, code: int = errno.ENOSPC) -> None:
        self.under = str(under)
        self.code = code
        self.full = True
        self.failures = 0
        self.real = store.files.full_fsync
        monkeypatch.setattr(store.files, "full_fsync", self)

    def __call__(self, fd: int) -> None:
        if self.full and os.readlink(f"/proc/self/fd/{fd}").startswith(self.under):
            self.failures += 1
            raise OSError(self.code, os.strerror(self.code))
        self.real(fd)

    def free(self) -> None:
        self.full = False


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    return [tmp_path / "recovery"]


@pytest.fixture
def root(demo_store: Store) -> Iterator[Path]:
    """The demo store's folder, for tests that close and reopen it like a new start."""
    yield demo_store.root


def clerk_app(target: Store, folders: list[Path]) -> TellingApp:
    return telling_app(target, folders)


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.05)


async def start_minutes(app: ClerkApp, pilot: Pilot[None], target: Store) -> LiveMeetingScreen:
    await settle(app, pilot)
    app.push_screen(LiveMeetingScreen(target.meeting(MEETING)))
    await settle(app, pilot)
    if isinstance(app.screen, ConfirmScreen):  # "This meeting is on ...: take it live now?"
        await pilot.press("y")
        await settle(app, pilot)
    await pilot.press("ctrl+n")  # take the first item: its narrative has the focus
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LiveMeetingScreen)
    return screen


async def typed(app: ClerkApp, pilot: Pilot[None], text: str) -> None:
    """Type, then let the live screen's pause-to-save pass and the save land (or fail)."""
    await type_text(pilot, text)
    await pilot.pause(SAVE_PAUSE + 0.2)
    await settle(app, pilot)


def narrative_on_disk(root: Path) -> str:
    with Store.open(root, read_only=True) as reopened:
        minutes = reopened.meeting(MEETING).minutes
        return narrative_text(minutes[-1].narrative) if minutes else ""


def question(app: ClerkApp) -> str:
    return str(app.screen.query_one("#quit-question", Static).render())


async def test_text_typed_while_the_disk_is_full_is_saved_by_ctrl_s_once_it_is_freed(
    demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        await typed(app, pilot, BEFORE)
        assert "saved 10:30:00" in app.sub_title
        disk = FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        assert disk.failures
        assert app.sub_title.startswith("NOT SAVED: 1 record, retrying in ")  # first: never cut off
        assert any("No space left" in message for message in app.said("Not saved"))
        assert narrative_on_disk(demo_store.root) == BEFORE.strip()  # the disk has only the old text
        disk.free()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "NOT SAVED" not in app.sub_title and "saved 10:30:00" in app.sub_title
        assert app.said("Saved") == [f"meeting {MEETING} is saved now."]
        await pilot.press("ctrl+q")  # nothing unsaved: quits without a question
        await pilot.pause()
        assert not isinstance(app.screen, QuitScreen)
    assert app.return_code == 0
    assert narrative_on_disk(demo_store.root) == (BEFORE + WHILE_FULL).strip()
    assert not folders[0].exists()  # nothing needed keeping


async def test_the_retry_on_its_own_saves_what_was_typed_once_space_is_freed(
    demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        disk = FullDisk(monkeypatch, demo_store.root, errno.EIO)
        await typed(app, pilot, WHILE_FULL)
        assert "NOT SAVED: 1 record" in app.sub_title
        assert any("Input/output error" in message for message in app.said("Not saved"))
        disk.free()  # nobody presses anything
        await until(pilot, lambda: "NOT SAVED" not in app.sub_title, 10)
        assert "saved 10:30:00" in app.sub_title
    assert narrative_on_disk(demo_store.root) == WHILE_FULL


async def test_quitting_with_an_unsaved_record_asks_and_the_recovery_file_comes_back_at_the_next_start(
    root: Path, demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        disk = FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        assert "1 record is NOT SAVED" in question(app)
        assert f"meeting {MEETING}: Could not save" in question(app) and "No space left" in question(app)
        await pilot.press("w")
        await until(pilot, lambda: app.return_code is not None)
    (kept,) = folders[0].glob("recovery-*.json")
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert WHILE_FULL in kept.read_text()
    assert narrative_on_disk(root) == ""  # not in the store: only in the recovery file
    demo_store.close()

    disk.free()  # the next start, on a disk with room
    with Store.open(root) as reopened:
        again = clerk_app(reopened, folders)
        async with again.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(again.screen, RecoveredScreen))
            shown = str(again.screen.query_one("#recovered-question", Static).render())
            assert f"meeting {MEETING}" in shown and "No space left" in shown
            await pilot.press("r")
            await until(pilot, lambda: bool(again.said("Restore")))
            await settle(again, pilot)
            assert isinstance(again.screen, MeetingsScreen)
            assert again.said("Restore") == ["Restored 1 record from the recovery file."]
    assert narrative_on_disk(root) == WHILE_FULL
    assert list(folders[0].glob("recovery-*.json")) == []  # done with: not offered a third time


async def test_a_recovery_file_that_cannot_be_written_is_said_and_nothing_is_lost(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saving, "FIRST_RETRY", 30.0)  # only r retries during the test
    app = clerk_app(demo_store, [demo_store.root / "recovery"])  # on the full disk too
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        disk = FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        await pilot.press("w")
        await until(
            pilot, lambda: "could not be written" in str(app.screen.query_one("#quit-progress").render())
        )
        assert "No space left" in str(app.screen.query_one("#quit-progress").render())
        assert app.return_code is None and isinstance(app.screen, QuitScreen)
        disk.free()
        await pilot.press("r")  # retry now: it saves, and clerk quits
        await until(pilot, lambda: app.return_code is not None)
    assert narrative_on_disk(demo_store.root) == WHILE_FULL


async def test_the_quit_question_quits_by_itself_once_the_retry_on_its_own_saves(
    demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        disk = FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        disk.free()  # the clerk reads the question; meanwhile the retry lands
        await until(pilot, lambda: app.return_code is not None, 10)
    assert narrative_on_disk(demo_store.root) == WHILE_FULL
    assert not folders[0].exists()


async def test_keep_aside_leaves_the_file_and_it_is_not_offered_again(
    root: Path, demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        disk = FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        await pilot.press("w")
        await until(pilot, lambda: app.return_code is not None)
    demo_store.close()
    disk.free()
    for _ in range(2):
        with Store.open(root) as reopened:
            again = clerk_app(reopened, folders)
            async with again.run_test(size=SIZE) as pilot:
                await settle(again, pilot)
                if isinstance(again.screen, RecoveredScreen):
                    await pilot.press("k")
                    await settle(again, pilot)
                assert isinstance(again.screen, MeetingsScreen)
    (aside,) = folders[0].glob("*.json")
    assert aside.name.startswith("kept-recovery-") and WHILE_FULL in aside.read_text()
    assert narrative_on_disk(root) == ""


async def test_quit_anyway_needs_a_second_yes(
    demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        FullDisk(monkeypatch, demo_store.root)
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert f"lose the changes to meeting {MEETING}" in str(
            app.screen.query_one("#confirm-question").render()
        )
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen) and app.return_code is None
        await pilot.press("escape")  # back to work: the text is still there
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert WHILE_FULL in app.screen.editor.query_one("#minute-narrative").text  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen) and app.screen.asking)
        await pilot.press("q", "y")
        await until(pilot, lambda: app.return_code is not None)
    assert not folders[0].exists() or list(folders[0].iterdir()) == []


async def test_ctrl_q_never_freezes_on_a_stuck_disk_it_shows_progress_then_asks(
    demo_store: Store, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quit_module, "QUIT_WAIT", 3.0)
    release = threading.Event()
    real = store.files.write_and_replace

    def stuck(path: Path, payload: bytes, **kwargs: Any) -> Any:
        release.wait(30)
        return real(path, payload, **kwargs)

    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        monkeypatch.setattr(store.storage, "write_and_replace", stuck)
        await type_text(pilot, WHILE_FULL)
        await pilot.pause(SAVE_PAUSE + 0.2)
        assert app.saver.busy and "saving…" in app.sub_title
        ticks: list[float] = []
        app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
        seen: list[str] = []

        def asking() -> bool:
            screen = app.screen
            assert isinstance(screen, QuitScreen)
            seen.append(str(screen.query_one("#quit-progress", Static).render()))
            return screen.asking

        app.simulate_key("ctrl+q")  # the key, without Pilot's wait for the app to go idle
        await until(pilot, lambda: isinstance(app.screen, QuitScreen))
        await until(pilot, asking, 15)
        assert any(line.startswith("Saving 1 record before quitting…") for line in seen), seen
        assert seen[-1].startswith("clerk waited 3 s for the disk"), seen[-1]  # the limit, then it asks
        assert len(ticks) >= 5, "the app kept running while ctrl+q waited"
        assert "still being written" in question(app)
        release.set()  # the disk answers
        await pilot.press("r")
        await until(pilot, lambda: app.return_code is not None, 10)  # saved: nothing left to ask
    assert narrative_on_disk(demo_store.root) == WHILE_FULL


def change_on_disk(root: Path, note: str) -> None:
    """Another program rewrites the meeting file (a sync tool bringing another copy)."""
    path = root / "meetings" / f"{MEETING}.json"
    document = json.loads(path.read_text())
    document["meeting"]["1"]["venue"]["room"] = note
    path.write_text(json.dumps(document, indent=2))


async def test_a_file_changed_by_another_program_is_reported_and_keep_mine_writes_over_a_kept_copy(
    demo_store: Store, folders: list[Path]
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        await typed(app, pilot, BEFORE)
        change_on_disk(demo_store.root, "Room changed elsewhere")
        await typed(app, pilot, WHILE_FULL)
        assert "NOT SAVED: 1 record, changed on disk: ctrl+s to choose" in app.sub_title
        (toast,) = app.said("Not saved: changed on disk")
        assert "changed by another program" in toast
        await pilot.pause(1.5)
        assert "changed on disk" in app.sub_title  # not retried by itself: it needs a decision
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        await pilot.press("k")
        await until(pilot, lambda: not app.saver.unsaved())
        await settle(app, pilot)
        assert "saved 10:30:00" in app.sub_title
    assert narrative_on_disk(demo_store.root) == (BEFORE + WHILE_FULL).strip()
    (copy,) = folders[0].glob("changed-on-disk-*.json")
    assert "Room changed elsewhere" in copy.read_text()  # theirs is kept


async def test_reload_drops_the_clerks_changes_and_shows_the_file_as_it_is(
    demo_store: Store, folders: list[Path]
) -> None:
    app = clerk_app(demo_store, folders)
    async with app.run_test(size=SIZE) as pilot:
        await start_minutes(app, pilot, demo_store)
        await typed(app, pilot, BEFORE)
        change_on_disk(demo_store.root, "Room changed elsewhere")
        await typed(app, pilot, WHILE_FULL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        await pilot.press("l")
        await until(pilot, lambda: bool(app.said("Reloaded")))
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.saver.unsaved() == [] and "NOT SAVED" not in app.sub_title
        assert demo_store.meeting(MEETING).venue.room == "Room changed elsewhere"
    assert narrative_on_disk(demo_store.root) == BEFORE.strip()
    with Store.open(demo_store.root, read_only=True) as reopened:
        assert reopened.meeting(MEETING).venue.room == "Room changed elsewhere"


async def test_a_save_that_lands_after_the_screens_have_closed_is_taken_quietly(demo_store: Store) -> None:
    """A closing app takes down its screens before the last save's message is handled:
    the message is taken without asking a screen that is not there (no traceback)."""
    app = ClerkApp(demo_store, clock=lambda: datetime(2026, 11, 23, 10, 30))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.screen_stack == []
    landed = saving.Saved(saving.meeting_key(MEETING), "the meeting", 1, 1, datetime(2026, 11, 23, 10, 31))
    app.on_saved(landed)
