"""Store.import_records: staged, committed in one step, finished or dropped after a crash."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.domain import Meeting
from store import ImportConflictError, ImportFailedError, Store, staging
from store.layout import Layout
from tests.store import builders
from tests.store.conftest import snapshot
from tests.store.faults import FaultyFiles


def new_meetings(count: int = 5) -> list[Meeting]:
    return [builders.meeting(f"hwb-2020-01-{day:02d}", day=date(2020, 1, day)) for day in range(1, count + 1)]


def records(root: Path) -> dict[str, bytes]:
    return {
        name: data
        for name, data in snapshot(root).items()
        if not name.startswith(("backups/", "deleted/")) and name not in ("owner.json", "closed.json")
    }


@pytest.mark.parametrize(
    ("step", "code"),
    [
        ("create", errno.ENOSPC),
        ("write", errno.ENOSPC),
        ("fsync", errno.EIO),
        ("mkdir", errno.EACCES),
        ("replace", errno.EIO),
        ("rename", errno.EACCES),
    ],
)
def test_an_import_failing_at_any_step_is_all_or_nothing(filled: Path, step: str, code: int) -> None:
    """Fail the Nth call of a step, for every N an import makes: before the commit the store
    is exactly as it was; after it, the import is there in full (at once or at the next open)."""
    people = [builders.person("new-person", "New Person")]
    template = Path(str(filled) + "-template")
    shutil.copytree(filled, template)
    counter = FaultyFiles()
    with Store.open(template, auto_backup=False, files=counter) as store:
        counter.arm("", 0, 0)
        store.import_records(people, [], new_meetings())
        total = counter.calls.get(step, 0)
    before = records(filled)
    for nth in range(1, total + 1):
        root = Path(str(filled) + f"-{nth}")
        shutil.copytree(filled, root)
        faults = FaultyFiles()
        with Store.open(root, auto_backup=False, files=faults) as store:
            faults.arm(step, nth, code)
            try:
                store.import_records(people, [], new_meetings())
                failed = None
            except ImportFailedError as error:
                failed = error
            faults.arm("", 0, 0)
        assert faults.fired
        with Store.open(root, auto_backup=False) as store:
            ids = {summary.id for summary in store.meeting_summaries()}
            has_person = any(person.id == "new-person" for person in store.people())
        complete = {m.id for m in new_meetings()} <= ids and has_person
        if failed is not None and not failed.committed:
            assert records(root) == before, (step, nth)
            assert not complete and "Nothing was imported" in str(failed)
        else:
            assert complete, (step, nth)
        assert not (root / "staging").exists()


def test_a_committed_import_cut_short_is_finished_at_the_next_open(filled: Path) -> None:
    layout = Layout(filled)
    with Store.open(filled, auto_backup=False) as store:
        store.meeting_summaries()
    transaction = staging.Transaction(layout)
    from store.storage import serialise

    for meeting in new_meetings(3):
        document = {
            "schema_version": 1,
            **__import__("clerk_tui.domain.codec", fromlist=["x"]).to_document(meeting),
        }
        transaction.add_meeting(meeting.id, serialise({"meeting": {"1": document}}))
    os.sync()
    (transaction.folder / staging.COMMIT_NAME).write_text("commit\n")  # crashed right after the commit
    with Store.open(filled, read_only=True) as viewer:
        assert any("cut short" in str(problem) for problem in viewer.problems)
    with Store.open(filled, auto_backup=False) as store:
        ids = [summary.id for summary in store.meeting_summaries()]
        assert {"hwb-2020-01-01", "hwb-2020-01-02", "hwb-2020-01-03"} <= set(ids)
        assert store.meeting("hwb-2020-01-02").id == "hwb-2020-01-02"
    assert not (filled / "staging").exists()


def test_an_uncommitted_import_is_dropped_at_the_next_open(filled: Path) -> None:
    before = records(filled)
    transaction = staging.Transaction(Layout(filled))
    transaction.add_meeting("hwb-2020-01-01", b'{"meeting": {}}')
    with Store.open(filled, auto_backup=False) as store:
        assert not store.has_meeting("hwb-2020-01-01")
    assert not (filled / "staging").exists()
    assert records(filled) == before


def test_a_record_with_other_content_is_refused_unless_replace(filled: Path) -> None:
    before = records(filled)
    changed = builders.meeting("hwb-2019-06-12", minutes=7)
    with (
        Store.open(filled, auto_backup=False) as store,
        pytest.raises(ImportConflictError, match="meeting 'hwb-2019-06-12'"),
    ):
        store.import_records([], [], [changed, *new_meetings(2)])
    assert records(filled) == before
    with Store.open(filled) as store:
        report = store.import_records([], [], [changed], replace=True)
        assert report.ids("replaced") == ["hwb-2019-06-12"]
        assert report.backup is not None
        assert len(store.meeting("hwb-2019-06-12").minutes) == 7
    kept = report.backup / "meetings" / "hwb-2019-06-12.json"
    assert kept.read_bytes() == before["meetings/hwb-2019-06-12.json"]


def test_the_same_id_twice_in_one_import_is_refused(filled: Path) -> None:
    with Store.open(filled, auto_backup=False) as store, pytest.raises(Exception, match="more than once"):
        store.import_records([], [], [*new_meetings(2), *new_meetings(1)])
