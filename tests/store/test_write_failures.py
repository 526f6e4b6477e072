"""Failed saves (disk full, I/O errors) leave the old file intact, no temp files, and memory = disk.

SQLite's method: fail the Nth I/O call, for every N until the save completes, once
as a transient fault and once as a persistent one; check integrity after each.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain import AttendanceEvent, EventKind, MeetingStatus
from store import ChangedOnDiskError, Store, StoreError, WriteError
from store.storage import AtomicJSONStorage
from tests.store import builders
from tests.store.conftest import index_entries

MID = "hwb-2019-06-12"


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def on_disk(root: Path) -> dict[str, Any]:
    """The meeting document and its index entry as the files hold them (they must parse)."""
    meeting = json.loads((root / "meetings" / f"{MID}.json").read_bytes())["meeting"]["1"]
    entry = index_entries(root)[MID]
    return {"status": meeting["status"], "events": len(meeting["attendance"]), "index": entry}


def test_disk_full_at_fsync(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled / "meetings" / f"{MID}.json"
    with Store.open(filled) as store:
        before = path.read_bytes()
        meeting = store.meeting(MID)
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", full)
            with pytest.raises(WriteError) as caught:
                store.save_meeting(meeting)
        assert caught.value.errno == errno.ENOSPC
        assert "No space left on device" in str(caught.value) and str(path) in str(caught.value)
        assert path.read_bytes() == before
        json.loads(before)
        assert temp_files(filled) == []
        assert len(store.meeting(MID).attendance) == 1  # memory went back to what the disk holds
        store.save_meeting(meeting)  # space freed: the same save now works
        assert len(store.meeting(MID).attendance) == 2
    with Store.open(filled) as store:
        assert len(store.meeting(MID).attendance) == 2


class Fault:
    """Make the Nth call (and, if persistent, every later one) of a function raise."""

    def __init__(self, real: Callable[..., Any], nth: int, persistent: bool, code: int) -> None:
        self.real = real
        self.nth = nth
        self.persistent = persistent
        self.code = code
        self.calls = 0
        self.fired = False

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        if self.calls == self.nth or (self.persistent and self.calls > self.nth):
            self.fired = True
            raise OSError(self.code, os.strerror(self.code))
        return self.real(*args)


def count_calls(root: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    counter = Fault(getattr(os, name), nth=0, persistent=False, code=0)
    with Store.open(root, backups_to_keep=0) as store:
        meeting = store.meeting(MID)
        with monkeypatch.context() as patch:
            patch.setattr(os, name, counter)
            change(meeting)
            store.save_meeting(meeting)
    return counter.calls


def change(meeting: Any) -> None:
    meeting.status = MeetingStatus.HELD  # the summary changes: meeting file, then index
    meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))


@pytest.mark.parametrize(
    ("name", "code"),
    [("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EACCES)],
)
def test_fail_every_step_of_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: int
) -> None:
    template = tmp_path / "template"
    with Store.open(template, backups_to_keep=0) as store:
        store.save_meeting(builders.meeting(MID))
    copy_root = tmp_path / "count"
    _copy(template, copy_root)
    total = count_calls(copy_root, name, monkeypatch)
    assert total >= 2
    old = on_disk(template)
    for persistent in (False, True):
        for nth in range(1, total + 1):
            root = tmp_path / f"run-{persistent}-{nth}"
            _copy(template, root)
            with Store.open(root, backups_to_keep=0) as store:
                meeting = store.meeting(MID)
                change(meeting)
                fault = Fault(getattr(os, name), nth, persistent, code)
                with monkeypatch.context() as patch:
                    patch.setattr(os, name, fault)
                    try:
                        store.save_meeting(meeting)
                    except WriteError as error:
                        assert error.errno == code
                assert fault.fired
                assert temp_files(root) == [], (persistent, nth)
                disk = on_disk(root)  # both files still parse
                assert disk["events"] in (old["events"], old["events"] + 1)
                # Memory agrees with the disk, whatever step failed.
                loaded = store.meeting(MID)
                assert len(loaded.attendance) == disk["events"]
                assert loaded.status.value == disk["status"]
                store.save_meeting(meeting)  # the fault has gone: saving again completes
            with Store.open(root) as store:
                (summary,) = store.meeting_summaries()
                assert summary.status == MeetingStatus.HELD
                assert store.meeting(MID) == meeting


def _copy(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".clerk.lock", "owner.json"))


def test_crash_between_meeting_and_index_is_repaired_on_open(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The meeting file was saved, the index write failed (and failed again at close, as
    if the process had died): the next open fixes the index."""
    real = AtomicJSONStorage.write

    def index_fails(self: AtomicJSONStorage, data: Any) -> None:
        if self.path.name == "index.json":
            raise WriteError(self.path, "simulated crash")
        real(self, data)

    with monkeypatch.context() as patch, Store.open(filled) as store:
        meeting = store.meeting(MID)
        meeting.status = MeetingStatus.APPROVED
        patch.setattr(AtomicJSONStorage, "write", index_fails)
        with pytest.raises(WriteError):
            store.save_meeting(meeting)
    assert not (filled / "closed.json").exists()  # so the next open checks every file
    assert index_entries(filled)[MID]["status"] != "approved"
    with Store.open(filled) as store:
        assert store.meeting_summaries()[0].status == MeetingStatus.APPROVED
    assert index_entries(filled)[MID]["status"] == "approved"


def test_index_repair_adds_and_drops(filled: Path) -> None:
    extra = builders.meeting("hwb-2020-02-02", day=date(2020, 2, 2))
    (filled / "meetings" / "hwb-2019-12-04.json").unlink()
    other = Path(str(filled) + "-other")
    with Store.open(other) as store:
        store.save_meeting(extra)
    (other / "meetings" / "hwb-2020-02-02.json").rename(filled / "meetings" / "hwb-2020-02-02.json")
    with Store.open(filled) as store:
        ids = [s.id for s in store.meeting_summaries()]
        assert ids == ["hwb-2019-06-12", "hwb-2019-09-11", "hwb-2020-02-02"]
        assert store.meeting("hwb-2020-02-02") == extra


def test_stray_temp_files_are_cleared(filled: Path) -> None:
    stray = [
        filled / ".registry.json.abcd1234.tmp",
        filled / "meetings" / ".hwb-2019-06-12.json.x_y9ab12.tmp",
    ]
    for path in stray:
        path.write_bytes(b'{"half": ')
    with Store.open(filled, read_only=True) as viewer:
        assert len(viewer.meeting_summaries()) == 3  # ignored, and left alone
    assert all(path.exists() for path in stray)
    with Store.open(filled) as store:
        assert len(store.meeting_summaries()) == 3
    assert temp_files(filled) == []


def test_a_value_json_cannot_hold_fails_before_touching_the_file(filled: Path) -> None:
    path = filled / "meetings" / f"{MID}.json"
    before = path.read_bytes()
    with Store.open(filled) as store:
        meeting = store.meeting(MID)
        meeting.venue.room = {1, 2}  # type: ignore[assignment]
        with pytest.raises(WriteError):
            store.save_meeting(meeting)
        meeting = store.meeting(MID)
        meeting.agenda[0].title = ""  # would not load again: refused
        with pytest.raises(WriteError, match="would not read back"):
            store.save_meeting(meeting)
    assert path.read_bytes() == before
    assert temp_files(filled) == []


def test_a_file_changed_by_something_else_is_not_overwritten(filled: Path) -> None:
    path = filled / "meetings" / f"{MID}.json"
    with Store.open(filled) as store:
        meeting = store.meeting(MID)
        outside = path.read_bytes().replace(b"Committee Room", b"Council Chamber")
        path.write_bytes(outside)  # an editor or a sync tool, while clerk is open
        meeting.status = MeetingStatus.HELD
        with pytest.raises(ChangedOnDiskError):
            store.save_meeting(meeting)
        assert path.read_bytes() == outside
    with Store.open(filled) as store:
        assert store.meeting(MID).venue.room == "Council Chamber"


def fail_index_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    real = AtomicJSONStorage.write

    def index_fails(self: AtomicJSONStorage, data: Any) -> None:
        if self.path.name == "index.json":
            raise WriteError(self.path, "No space left on device", errno.ENOSPC)
        real(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", index_fails)


def test_a_failed_index_write_is_caught_up_by_the_next_one(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A's index write fails; B's later succeeds: the index must hold A's new summary too."""
    with Store.open(filled) as store:
        first = store.meeting("hwb-2019-06-12")
        first.status = MeetingStatus.APPROVED
        with monkeypatch.context() as patch:
            fail_index_writes(patch)
            with pytest.raises(WriteError):
                store.save_meeting(first)
        assert store.meeting_summaries()[0].status == MeetingStatus.APPROVED  # memory = meeting file
        second = store.meeting("hwb-2019-09-11")
        second.status = MeetingStatus.HELD
        store.save_meeting(second)
    statuses = {ident: entry["status"] for ident, entry in index_entries(filled).items()}
    assert statuses["hwb-2019-06-12"] == "approved" and statuses["hwb-2019-09-11"] == "held"


def test_saving_again_after_a_failed_index_write_completes_it(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(filled) as store:
        meeting = store.meeting("hwb-2019-06-12")
        meeting.status = MeetingStatus.APPROVED
        with monkeypatch.context() as patch:
            fail_index_writes(patch)
            with pytest.raises(WriteError):
                store.save_meeting(meeting)
        store.save_meeting(meeting)  # the same save, retried
        assert index_entries(filled)["hwb-2019-06-12"]["status"] == "approved"


def test_open_goes_ahead_when_the_index_cannot_be_repaired(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (filled / "index.json").unlink()
    with monkeypatch.context() as patch:
        fail_index_writes(patch)
        with Store.open(filled) as store:
            assert len(store.meeting_summaries()) == 3
            assert any("index.json" in str(problem) for problem in store.problems)
    with Store.open(filled) as store:
        assert store.problems == []
        assert (filled / "index.json").is_file()


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "store")
    assert str(tmp_path / "store") in str(caught.value)


@pytest.mark.parametrize(
    ("step", "code"),
    [("create", errno.ENOSPC), ("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EACCES)],
)
def test_fail_every_step_of_a_save_through_the_injected_files(tmp_path: Path, step: str, code: int) -> None:
    """The same, through the store's injectable Files rather than patching os: the Nth call
    of each step fails once, for every N a save makes."""
    from tests.store.faults import FaultyFiles

    template = tmp_path / "template"
    with Store.open(template, backups_to_keep=0) as store:
        store.save_meeting(builders.meeting(MID))
    counter = FaultyFiles()
    counting = tmp_path / "count"
    _copy(template, counting)
    with Store.open(counting, backups_to_keep=0, files=counter) as store:
        meeting = store.meeting(MID)
        change(meeting)
        counter.arm("", 0, 0)
        store.save_meeting(meeting)
        total = counter.calls.get(step, 0)
    assert total >= 2, counter.calls
    old = on_disk(template)
    for nth in range(1, total + 1):
        root = tmp_path / f"run-{nth}"
        _copy(template, root)
        faults = FaultyFiles()
        with Store.open(root, backups_to_keep=0, files=faults) as store:
            meeting = store.meeting(MID)
            change(meeting)
            faults.arm(step, nth, code)
            with pytest.raises(WriteError) as caught:
                store.save_meeting(meeting)
            assert caught.value.errno == code and faults.fired == 1
            faults.arm("", 0, 0)
            assert temp_files(root) == []
            disk = on_disk(root)
            assert disk["events"] in (old["events"], old["events"] + 1)
            assert len(store.meeting(MID).attendance) == disk["events"]
            store.save_meeting(meeting)  # the fault has gone: saving again completes
        with Store.open(root, backups_to_keep=0) as store:
            assert store.meeting(MID) == meeting
            assert store.meeting_summaries()[0].status == MeetingStatus.HELD
