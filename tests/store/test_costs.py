"""Saving a meeting rewrites its own file only (and the index when its summary changed)."""

from __future__ import annotations

import os
from pathlib import Path

from clerk_tui.domain import AttendanceEvent, EventKind, MeetingStatus
from store import Store
from tests.store import builders


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in [root / "registry.json", root / "index.json", *sorted((root / "meetings").iterdir())]:
        status = os.stat(path)
        found[str(path.relative_to(root))] = (status.st_ino, status.st_mtime_ns)
    return found


def changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def test_an_edit_that_keeps_the_summary_rewrites_one_file(filled: Path) -> None:
    with Store.open(filled) as store:
        before = stamps(filled)
        meeting = store.meeting("hwb-2019-09-11")
        meeting.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
        store.save_meeting(meeting)
        assert changed(before, stamps(filled)) == {"meetings/hwb-2019-09-11.json"}


def test_a_summary_change_also_rewrites_the_index(filled: Path) -> None:
    with Store.open(filled) as store:
        meeting = store.meeting("hwb-2019-09-11")
        for change in ("status", "minutes", "date", "first"):
            before = stamps(filled)
            if change == "status":
                meeting.status = MeetingStatus.HELD
            elif change == "minutes":
                meeting.minutes.pop()
            elif change == "date":
                meeting.date = meeting.date.replace(day=12)
            else:
                meeting.first_minute_number = 40
            store.save_meeting(meeting)
            assert changed(before, stamps(filled)) == {
                "meetings/hwb-2019-09-11.json",
                "index.json",
            }, change


def test_a_new_meeting_writes_its_file_and_the_index(filled: Path) -> None:
    with Store.open(filled) as store:
        before = stamps(filled)
        store.save_meeting(builders.meeting("hwb-2020-01-15"))
        assert changed(before, stamps(filled)) == {"meetings/hwb-2020-01-15.json", "index.json"}


def test_registry_saves_touch_only_the_registry(filled: Path) -> None:
    with Store.open(filled) as store:
        before = stamps(filled)
        store.save_person(builders.person("new-person", "New Person"))
        store.save_committee(builders.committee("os", "Overview and Scrutiny"))
        assert changed(before, stamps(filled)) == {"registry.json"}


def test_reads_write_nothing(filled: Path) -> None:
    with Store.open(filled) as store:
        before = stamps(filled)
        store.meeting("hwb-2019-06-12")
        store.meeting_summaries()
        store.committees()
        store.people()
        store.first_minute_number("hwb-2019-12-04")
        assert changed(before, stamps(filled)) == set()


def test_reopening_after_quiet_session_writes_no_meeting_file(filled: Path) -> None:
    with Store.open(filled):
        pass
    before = stamps(filled)
    with Store.open(filled):
        pass
    assert changed(before, stamps(filled)) == set()
