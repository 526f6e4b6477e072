"""Backups: private copies, a good copy of every record kept through damage and rotation,
complete or absent through crashes, and never taken while opening."""

from __future__ import annotations

import errno
import json
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from clerk_tui.domain import AttendanceEvent, EventKind
from store import Store
from store.backups import DELETING_PREFIX, PARTIAL_PREFIX, list_backups, pinned_in, read_manifest
from store.errors import BackupError
from tests.store.faults import FaultyFiles

DAMAGED = "hwb-2019-09-11"
EVERY_TIME = timedelta(0)


def add_event(root: Path, person_id: str, meeting_id: str = "hwb-2019-06-12", keep: int = 3) -> Path | None:
    """One session: open (a backup in the background), one edit, close."""
    with Store.open(root, backups_to_keep=keep, backup_interval=EVERY_TIME) as store:
        meeting = store.meeting(meeting_id)
        meeting.attendance.append(AttendanceEvent(person_id, EventKind.ARRIVED))
        store.save_meeting(meeting)
        return store.wait_for_background()


def names(backup: Path) -> list[str]:
    return sorted(str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file())


def test_a_new_store_has_nothing_to_back_up(root: Path) -> None:
    with Store.open(root) as store:
        assert store.wait_for_background() is None
    assert not (root / "backups").exists()


def test_opening_takes_no_backup_the_background_does(filled: Path) -> None:
    with Store.open(filled, auto_backup=False) as store:
        assert store.wait_for_background() is None
    assert list_backups(filled / "backups") == []
    with Store.open(filled) as store:
        backup = store.wait_for_background()
    assert backup is not None and list_backups(filled / "backups") == [backup]


def test_the_background_work_can_be_started_later_and_only_once(filled: Path) -> None:
    with Store.open(filled, auto_backup=False) as store:
        assert store.wait_for_background() is None  # nothing started by the open
        store.start_background()
        backup = store.wait_for_background()
        assert backup is not None
        store.start_background()  # once per open: no second backup
        assert store.wait_for_background() == backup
    assert list_backups(filled / "backups") == [backup]
    with Store.open(filled, read_only=True) as reader:
        reader.start_background()
        assert reader.wait_for_background() == backup  # a reader takes none


def test_backup_holds_the_whole_store_in_private_copies(filled: Path) -> None:
    with Store.open(filled) as store:
        backup = store.wait_for_background()
    assert backup is not None and backup.parent == filled / "backups"
    assert names(backup) == [
        "index.json",
        "manifest.json",
        "meetings/hwb-2019-06-12.json",
        "meetings/hwb-2019-09-11.json",
        "meetings/hwb-2019-12-04.json",
        "registry.json",
    ]
    for name in names(backup):
        if name != "manifest.json":
            assert (backup / name).read_bytes() == (filled / name).read_bytes()
            # Never a hard link to the store's file: writing that in place would damage both.
            assert os.stat(backup / name).st_ino != os.stat(filled / name).st_ino


def test_damage_written_in_place_does_not_reach_the_backup(filled: Path) -> None:
    with Store.open(filled) as store:
        backup = store.wait_for_background()
    assert backup is not None
    live = filled / "meetings" / f"{DAMAGED}.json"
    good = live.read_bytes()
    live.write_bytes(good[: len(good) // 2])  # truncated in place, same inode
    assert (backup / "meetings" / f"{DAMAGED}.json").read_bytes() == good


def test_an_unchanged_file_is_linked_from_the_previous_backup(filled: Path) -> None:
    first = add_event(filled, "visitor-1")
    second = add_event(filled, "visitor-2")
    assert first is not None and second is not None
    same = "meetings/hwb-2019-12-04.json"
    assert os.stat(first / same).st_ino == os.stat(second / same).st_ino
    edited = "meetings/hwb-2019-06-12.json"
    assert os.stat(first / edited).st_ino != os.stat(second / edited).st_ino
    people = [
        e["person_id"] for e in json.loads((second / edited).read_bytes())["meeting"]["1"]["attendance"]
    ]
    assert people[-1] == "visitor-1"  # taken at the start of the second session


def test_backups_rotate(filled: Path) -> None:
    for number in range(6):
        add_event(filled, f"visitor-{number}")
    backups = list_backups(filled / "backups")
    assert len(backups) == 3 and backups == sorted(backups)
    newest = json.loads((backups[-1] / "meetings" / "hwb-2019-06-12.json").read_bytes())
    people = [event["person_id"] for event in newest["meeting"]["1"]["attendance"]]
    assert people[-1] == "visitor-4"


def test_no_new_backup_when_nothing_changed_or_one_is_recent(filled: Path) -> None:
    with Store.open(filled, backup_interval=EVERY_TIME) as store:
        first = store.wait_for_background()
    with Store.open(filled, backup_interval=EVERY_TIME) as store:
        assert store.wait_for_background() == first  # nothing changed since
    add_event(filled, "visitor")  # a change: the next session's start is backed up
    assert list_backups(filled / "backups") == [first]
    with Store.open(filled, backup_interval=EVERY_TIME) as store:
        assert store.wait_for_background() != first
    assert len(list_backups(filled / "backups")) == 2
    with Store.open(filled, backup_interval=timedelta(hours=1)) as store:
        meeting = store.meeting("hwb-2019-12-04")
        meeting.attendance.append(AttendanceEvent("late", EventKind.ARRIVED))
        store.save_meeting(meeting)
        store.wait_for_background()
    with Store.open(filled, backup_interval=timedelta(hours=1)) as store:
        store.wait_for_background()  # changed, but the last backup is minutes old
    assert len(list_backups(filled / "backups")) == 2


def test_keep_zero_takes_none(filled: Path) -> None:
    with Store.open(filled, backups_to_keep=0) as store:
        assert store.wait_for_background() is None
    assert list_backups(filled / "backups") == []


def test_a_damaged_meeting_keeps_its_good_copy_through_twelve_openings(filled: Path) -> None:
    """Issue 9 finding 2: after 12 openings no backup held a good copy of a damaged meeting."""
    add_event(filled, "before-damage")
    live = filled / "meetings" / f"{DAMAGED}.json"
    good = live.read_bytes()
    damaged = good[: len(good) // 3]
    live.write_bytes(damaged)
    for opening in range(12):
        add_event(filled, f"visitor-{opening}")
    backups = list_backups(filled / "backups")
    assert len(backups) == 3
    for backup in backups:  # each one still holds the last good copy, pinned
        assert (backup / "meetings" / f"{DAMAGED}.json").read_bytes() == good
        assert f"meetings/{DAMAGED}.json" in pinned_in(backup)
    with Store.open(filled, read_only=True) as viewer:  # and every open says so
        assert any(DAMAGED in str(problem) and "clerk restore" in str(problem) for problem in viewer.problems)
    assert live.read_bytes() == damaged  # never touched


def test_check_finds_the_damage_and_restore_puts_the_good_copy_back(filled: Path) -> None:
    add_event(filled, "before-damage")
    live = filled / "meetings" / f"{DAMAGED}.json"
    good = live.read_bytes()
    live.write_bytes(b'{"meeting": {"1": ')
    with Store.open(filled, auto_backup=False) as store:
        (damage,) = store.check()
        assert damage.meeting_id == DAMAGED and damage.path == live
        assert damage.good_copy is not None and damage.good_copy.payload == good
        restored = store.restore_meeting(DAMAGED)
        assert restored.backup == damage.good_copy.backup
        assert restored.kept_aside is not None and restored.kept_aside.read_bytes() == b'{"meeting": {"1": '
        assert store.meeting(DAMAGED).id == DAMAGED
        assert store.check() == []
        assert not any(DAMAGED in str(problem) for problem in store.problems)
    assert live.read_bytes() == good
    with Store.open(filled, read_only=True) as viewer:
        assert viewer.problems == []


def test_restore_from_a_named_backup(filled: Path) -> None:
    first = add_event(filled, "one")
    add_event(filled, "two")
    assert first is not None
    with Store.open(filled, auto_backup=False) as store:
        store.restore_meeting("hwb-2019-06-12", Path(first.name))
        people = [event.person_id for event in store.meeting("hwb-2019-06-12").attendance]
    assert "one" not in people  # as it was before the first session's edit


def test_half_built_and_half_deleted_backups_do_not_count_and_are_cleared(filled: Path) -> None:
    add_event(filled, "one")
    backups = filled / "backups"
    partial = backups / f"{PARTIAL_PREFIX}20000101-000000-000000"
    (partial / "meetings").mkdir(parents=True)
    (partial / "registry.json").write_text("{")
    deleting = backups / f"{DELETING_PREFIX}20000101-000001-000000"
    (deleting / "meetings").mkdir(parents=True)
    no_manifest = backups / "20000101-000002-000000"  # what older versions left half-deleted
    (no_manifest / "meetings").mkdir(parents=True)
    assert len(list_backups(backups)) == 1
    add_event(filled, "two")
    assert not partial.exists() and not deleting.exists()
    assert all(not p.name.startswith(".") for p in backups.iterdir())
    assert len(list_backups(backups)) == 2


def test_a_crash_during_rotation_leaves_no_half_backup_that_counts(filled: Path) -> None:
    for number in range(3):
        add_event(filled, f"visitor-{number}")
    before = list_backups(filled / "backups")
    faults = FaultyFiles("rmtree", 1, errno.EIO, persistent=True)  # the deletion dies midway
    with Store.open(filled, backups_to_keep=3, backup_interval=EVERY_TIME, files=faults) as store:
        meeting = store.meeting("hwb-2019-06-12")
        meeting.attendance.append(AttendanceEvent("x", EventKind.ARRIVED))
        store.save_meeting(meeting)
        store.wait_for_background()
    assert faults.fired
    after = list_backups(filled / "backups")
    assert len(after) == 3 and before[0] not in after
    for backup in after:
        assert read_manifest(backup) and names(backup)


@pytest.mark.parametrize(
    ("step", "code"),
    [
        ("write", errno.ENOSPC),
        ("fsync", errno.EIO),
        ("rename", errno.EACCES),
        ("create", errno.EACCES),
        ("mkdir", errno.ENOSPC),
        ("replace", errno.EIO),
    ],
)
def test_a_backup_that_fails_at_any_step_is_absent_and_harms_nothing(
    filled: Path, tmp_path: Path, step: str, code: int
) -> None:
    """Fail the Nth call of one step, for every N the backup makes (a failed link is not
    among them: the copy is taken instead, see test_permissions): each time no backup
    (whole or half) is added, earlier ones and the store are untouched, and once the fault
    is gone the next backup works."""
    add_event(filled, "first")  # so that the backup links as well as copies
    add_event(filled, "second")
    counter = FaultyFiles()
    with Store.open(filled, auto_backup=False, files=counter) as store:
        counter.arm("", 0, 0)
        counted = store.take_backup()
        total = counter.calls.get(step, 0)
    assert counted is not None and total >= 1, counter.calls
    shutil.rmtree(counted)  # back to the same starting point for every run
    before = list_backups(filled / "backups")
    live = {p.name: p.read_bytes() for p in (filled / "meetings").iterdir()}
    for nth in range(1, total + 1):
        faults = FaultyFiles()
        with Store.open(filled, auto_backup=False, files=faults) as store:
            faults.arm(step, nth, code)
            with pytest.raises(BackupError) as caught:
                store.take_backup()
            assert caught.value.errno == code and "earlier backups are as they were" in str(caught.value)
            assert faults.fired == 1, nth
        assert list_backups(filled / "backups") == before, nth
        assert not [p for p in (filled / "backups").iterdir() if p.name.startswith(".")]
        assert {p.name: p.read_bytes() for p in (filled / "meetings").iterdir()} == live
    with Store.open(filled, auto_backup=False) as store:
        assert store.take_backup() is not None  # the fault gone, the next one works
    assert len(list_backups(filled / "backups")) == len(before) + 1


def test_a_failed_background_backup_is_a_problem_not_a_crash(filled: Path) -> None:
    faults = FaultyFiles("create", 1, errno.ENOSPC, persistent=True, under=filled / "backups")
    with Store.open(filled, files=faults) as store:
        assert store.wait_for_background() is None
        assert any("Could not take a backup" in str(p) and "No space left" in str(p) for p in store.problems)
        assert store.meeting("hwb-2019-06-12").id == "hwb-2019-06-12"
    assert list_backups(filled / "backups") == []


def test_rotation_spares_migration_backups(filled: Path) -> None:
    with Store.open(filled, auto_backup=False) as store:
        labelled = store.take_backup("before-schema-2")
        plain = [store.take_backup() for _ in range(4)]
    assert labelled is not None
    with Store.open(filled, auto_backup=False, backups_to_keep=2) as store:
        kept = [store.take_backup()]
    assert list_backups(filled / "backups") == sorted([labelled, plain[-1], *kept])  # type: ignore[type-var]
