"""Backups: one per writable open (when something changed), rotated, and safe from later saves."""

from __future__ import annotations

import json
import os
from pathlib import Path

from clerk_tui.domain import AttendanceEvent, EventKind
from store import Store
from store.backups import list_backups, rotate_backups, take_backup
from store.layout import Layout


def add_event(root: Path, person_id: str) -> None:
    with Store.open(root, backups_to_keep=3) as store:
        meeting = store.meeting("hwb-2019-06-12")
        meeting.attendance.append(AttendanceEvent(person_id, EventKind.ARRIVED))
        store.save_meeting(meeting)


def test_a_new_store_has_nothing_to_back_up(root: Path) -> None:
    with Store.open(root) as store:
        assert store.last_backup is None
    assert not (root / "backups").exists()


def test_backup_holds_the_whole_store(filled: Path) -> None:
    with Store.open(filled) as store:
        backup = store.last_backup
    assert backup is not None and backup.parent == filled / "backups"
    names = sorted(str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file())
    assert names == [
        "index.json",
        "meetings/hwb-2019-06-12.json",
        "meetings/hwb-2019-09-11.json",
        "meetings/hwb-2019-12-04.json",
        "registry.json",
    ]


def test_backups_rotate(filled: Path) -> None:
    for number in range(6):
        add_event(filled, f"visitor-{number}")
    backups = list_backups(filled / "backups")
    assert len(backups) == 3
    assert backups == sorted(backups)
    # The newest backup was taken when the fifth visitor had been saved, before the sixth.
    newest = json.loads((backups[-1] / "meetings" / "hwb-2019-06-12.json").read_bytes())
    people = [event["person_id"] for event in newest["meeting"]["1"]["attendance"]]
    assert people[-1] == "visitor-4"


def test_no_new_backup_when_nothing_changed(filled: Path) -> None:
    with Store.open(filled) as store:
        first = store.last_backup
    with Store.open(filled) as store:
        assert store.last_backup is None
    assert list_backups(filled / "backups") == [first]


def test_backup_keeps_old_content_after_a_save(filled: Path) -> None:
    """Hard links are safe because every save puts a new inode at the path."""
    live = filled / "meetings" / "hwb-2019-06-12.json"
    original = live.read_bytes()
    with Store.open(filled) as store:
        assert store.last_backup is not None
        kept = store.last_backup / "meetings" / "hwb-2019-06-12.json"
        assert os.stat(kept).st_ino == os.stat(live).st_ino  # linked, not copied
        meeting = store.meeting("hwb-2019-06-12")
        meeting.attendance.append(AttendanceEvent("late-arrival", EventKind.ARRIVED))
        store.save_meeting(meeting)
    assert live.read_bytes() != original
    assert kept.read_bytes() == original


def test_keep_zero_takes_none(filled: Path) -> None:
    with Store.open(filled, backups_to_keep=0) as store:
        assert store.last_backup is None
    assert list_backups(filled / "backups") == []


def test_a_half_taken_backup_is_ignored_and_cleared(filled: Path) -> None:
    partial = filled / "backups" / ".partial-20000101-000000-000000"
    partial.mkdir(parents=True)
    (partial / "registry.json").write_text("{")
    with Store.open(filled):
        pass
    assert not partial.exists()
    assert all(not p.name.startswith(".") for p in (filled / "backups").iterdir())


def test_rotation_spares_migration_backups(filled: Path) -> None:
    layout = Layout(filled)
    labelled = take_backup(layout, label="before-schema-2")
    assert labelled is not None
    plain = []
    for _ in range(4):
        taken = take_backup(layout)
        assert taken is not None
        plain.append(taken)
    removed = rotate_backups(layout.backups, 2)
    assert removed == plain[:2]
    assert list_backups(layout.backups) == sorted([labelled, *plain[2:]])
