"""Opening does not grow with the archive: after a clean close no meeting file is looked at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain import MeetingStatus
from store import Store
from store.backups import list_backups


class Watch:
    """Every folder scanned and every path stat-ed under meetings/ while opening."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, meetings: Path) -> None:
        self.meetings = str(meetings)
        self.touched: list[str] = []
        real_scandir, real_stat, real_lstat = os.scandir, os.stat, os.lstat

        def scandir(path: Any = ".") -> Any:
            self._note(path)
            return real_scandir(path)

        def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
            self._note(path, files_only=True)
            return real_stat(path, *args, **kwargs)

        def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
            self._note(path, files_only=True)
            return real_lstat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "stat", stat)
        monkeypatch.setattr(os, "lstat", lstat)

    def _note(self, path: Any, *, files_only: bool = False) -> None:
        text = os.fspath(path) if not isinstance(path, int) else ""
        if text.startswith(self.meetings) and (not files_only or text != self.meetings):
            self.touched.append(text)


def test_a_clean_open_reads_no_meeting_file_and_takes_no_backup(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(filled, auto_backup=False):
        pass  # a clean close records how it left the store
    with monkeypatch.context() as patch:
        watch = Watch(patch, filled / "meetings")
        with Store.open(filled, auto_backup=False) as store:
            assert len(store.meeting_summaries()) == 3
        with Store.open(filled, read_only=True) as viewer:
            assert len(viewer.meeting_summaries()) == 3
    assert watch.touched == []
    assert list_backups(filled / "backups") == []


def test_after_a_crash_or_a_hand_change_every_file_is_checked(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(filled, auto_backup=False):
        pass
    (filled / "meetings" / "hwb-2019-12-04.json").unlink()  # taken out by hand: the folder changed
    with monkeypatch.context() as patch:
        watch = Watch(patch, filled / "meetings")
        with Store.open(filled, auto_backup=False) as store:
            assert [s.id for s in store.meeting_summaries()] == ["hwb-2019-06-12", "hwb-2019-09-11"]
    assert watch.touched
    (filled / "owner.json").write_text('{"pid": 999999, "host": "elsewhere", "started": null}')  # a crash
    with monkeypatch.context() as patch:
        watch = Watch(patch, filled / "meetings")
        with Store.open(filled, auto_backup=False) as store:
            assert store.unclean_shutdown() is not None
    assert watch.touched


def test_an_edit_saved_without_its_index_is_caught_after_a_crash(filled: Path) -> None:
    with Store.open(filled, auto_backup=False) as store:
        meeting = store.meeting("hwb-2019-06-12")
    # As if the process died between writing the meeting file and the index: the file is
    # newer than the index, and no clean close was recorded.
    other = Path(str(filled) + "-other")
    with Store.open(other, auto_backup=False) as elsewhere:
        meeting.status = MeetingStatus.APPROVED
        elsewhere.save_meeting(meeting)
    os.replace(other / "meetings" / "hwb-2019-06-12.json", filled / "meetings" / "hwb-2019-06-12.json")
    (filled / "owner.json").write_text('{"pid": 999999, "host": "elsewhere", "started": null}')
    with Store.open(filled, auto_backup=False) as store:
        assert store.meeting_summaries()[0].status == MeetingStatus.APPROVED


def test_an_index_written_by_an_older_version_still_reads(filled: Path) -> None:
    """Older versions wrote one JSON object per meeting (a table of documents); this one
    writes every summary as a row of one document (no object per meeting to parse)."""
    import json

    from clerk_tui.domain.codec import to_document
    from tests.store.conftest import index_entries

    with Store.open(filled, auto_backup=False) as store:
        summaries = store.meeting_summaries()
    old = {"meetings": {str(n): to_document(s) for n, s in enumerate(summaries, 1)}}
    (filled / "index.json").write_text(json.dumps(old, indent=2, default=str))
    with Store.open(filled, auto_backup=False) as store:
        assert store.meeting_summaries() == summaries
        meeting = store.meeting(summaries[0].id)
        meeting.status = MeetingStatus.APPROVED
        store.save_meeting(meeting)
    tables = json.loads((filled / "index.json").read_bytes())
    assert set(tables) == {"summaries"}
    assert index_entries(filled)[summaries[0].id]["status"] == "approved"


def test_an_index_written_by_an_older_version_is_rewritten_as_rows_by_the_first_writable_open(
    filled: Path,
) -> None:
    import json

    from clerk_tui.domain.codec import to_document

    with Store.open(filled, auto_backup=False) as store:
        summaries = store.meeting_summaries()
    old = {"meetings": {str(n): to_document(s) for n, s in enumerate(summaries, 1)}}
    (filled / "index.json").write_text(json.dumps(old, indent=2, default=str))
    with Store.open(filled, read_only=True) as viewer:
        assert viewer.meeting_summaries() == summaries
    assert set(json.loads((filled / "index.json").read_bytes())) == {"meetings"}  # a viewer writes nothing
    with Store.open(filled, auto_backup=False) as store:
        assert store.meeting_summaries() == summaries  # opened and closed, nothing saved
    assert set(json.loads((filled / "index.json").read_bytes())) == {"summaries"}
    with Store.open(filled, auto_backup=False) as store:
        assert store.meeting_summaries() == summaries
