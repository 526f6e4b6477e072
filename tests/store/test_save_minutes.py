"""``Store.save_minutes``: what typing saves. Only the typed minutes are encoded, yet the file
is the one ``save_meeting`` would write, written the same atomic way; whatever the typed
minutes cannot settle alone (a record to keep, a numbering change) goes the whole way."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain import Block, Meeting, MinuteStatus
from clerk_tui.domain.approval import RecordLockedError
from clerk_tui.domain.codec import to_document
from store import Store, WriteError
from store import storage as storage_module
from store.storage import serialise, serialise_reusing
from tests.store import builders
from tests.store.conftest import index_entries

MID = "hwb-2019-06-12"


def meeting_file(root: Path) -> Path:
    return root / "meetings" / f"{MID}.json"


def typed(meeting: Meeting, number: int, text: str) -> dict[str, Any]:
    """Type ``text`` at the end of minute ``number``; its document, as the saver takes it."""
    minute = meeting.minutes[number - 1]
    minute.narrative.append(Block(text=text))
    return to_document(minute)


@pytest.fixture
def three_minutes(root: Path) -> Path:
    with Store.open(root, auto_backup=False) as store:
        store.save_committee(builders.committee())
        store.save_meeting(builders.meeting(minutes=3))
    return root


def test_the_file_is_the_one_a_whole_save_writes(three_minutes: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    with Store.open(whole, auto_backup=False) as other:
        other.save_committee(builders.committee())
        other.save_meeting(builders.meeting(minutes=3))
    with Store.open(three_minutes) as store, Store.open(whole) as other:
        meeting = store.meeting(MID)
        for text in ("First words.", "More words."):
            store.save_minutes(MID, [typed(meeting, 2, text)])
        other.save_meeting(meeting)
        assert meeting_file(three_minutes).read_bytes() == meeting_file(whole).read_bytes()
        assert store.meeting(MID) == meeting
    with Store.open(three_minutes) as store:
        assert store.meeting(MID) == meeting


def test_only_the_typed_minute_is_encoded(three_minutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[Any] = []
    real = storage_module._piece

    def spy(value: Any) -> bytes:
        encoded.append(value)
        return real(value)

    with Store.open(three_minutes) as store:
        meeting = store.meeting(MID)
        store.save_minutes(MID, [typed(meeting, 1, "Warming up.")])  # the first encodes all
        monkeypatch.setattr(storage_module, "_piece", spy)
        store.save_minutes(MID, [typed(meeting, 3, "Only this one.")])
    minutes = [value["id"] for value in encoded if isinstance(value, dict) and "narrative" in value]
    assert minutes == ["minute-3"]
    assert json.loads(meeting_file(three_minutes).read_bytes())["meeting"]["1"]["minutes"][2]["narrative"][
        -1
    ]["text"] == ("Only this one.")


def test_reused_bytes_are_what_a_fresh_encoding_gives() -> None:
    shared = {"id": "minute-1", "text": "caf\u00e9 \u2013 \ud800"}  # a lone surrogate is escaped
    tables = {"meeting": {"1": {"id": "m", "minutes": [shared, {"id": "minute-2"}], "n": 1}}}
    first, known = serialise_reusing(tables, {})
    assert first == serialise(tables) and json.loads(first) == json.loads(serialise(tables))
    changed = {"meeting": {"1": {"id": "m", "minutes": [shared, {"id": "minute-2", "x": []}], "n": 1}}}
    second, _ = serialise_reusing(changed, known)
    assert second == serialise(changed)
    assert serialise_reusing({}, {})[0] == serialise({})


def test_a_failed_write_leaves_file_and_memory_and_the_same_call_then_works(
    three_minutes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = meeting_file(three_minutes)
    before = path.read_bytes()
    with Store.open(three_minutes) as store:
        meeting = store.meeting(MID)
        documents = [typed(meeting, 2, "Kept through a full disk.")]

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", full)
            with pytest.raises(WriteError) as caught:
                store.save_minutes(MID, documents)
        assert caught.value.errno == errno.ENOSPC
        assert path.read_bytes() == before
        assert [p for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
        assert store.meeting(MID) == builders.meeting(minutes=3)  # memory is what the disk holds
        store.save_minutes(MID, documents)
        assert store.meeting(MID) == meeting
    with Store.open(three_minutes) as store:
        assert store.meeting(MID) == meeting


def test_a_minute_the_stored_meeting_lacks_is_refused(three_minutes: Path) -> None:
    before = meeting_file(three_minutes).read_bytes()
    with Store.open(three_minutes) as store:
        stray = to_document(builders.meeting(minutes=4).minutes[3])
        with pytest.raises(WriteError, match="no minute 'minute-4'"):
            store.save_minutes(MID, [stray])
    assert meeting_file(three_minutes).read_bytes() == before


def test_a_minute_that_would_not_read_back_is_refused(three_minutes: Path) -> None:
    before = meeting_file(three_minutes).read_bytes()
    with Store.open(three_minutes) as store:
        meeting = store.meeting(MID)
        broken = {**typed(meeting, 1, "Words."), "title": "   "}
        with pytest.raises(WriteError, match="would not read back"):
            store.save_minutes(MID, [broken])
    assert meeting_file(three_minutes).read_bytes() == before


def test_a_numbering_change_goes_the_whole_way_and_the_index_follows(three_minutes: Path) -> None:
    with Store.open(three_minutes) as store:
        meeting = store.meeting(MID)
        meeting.minutes[1].status = MinuteStatus.DEFERRED
        store.save_minutes(MID, [to_document(meeting.minutes[1])])
        assert store.meeting_summaries()[0].minute_count == 2
        assert store.meeting(MID) == meeting
    assert index_entries(three_minutes)[MID]["minute_count"] == 2


def test_signed_minutes_are_not_changed_by_typing(root: Path) -> None:
    with Store.open(root, auto_backup=False) as store:
        store.save_committee(builders.committee())
        store.save_meeting(builders.signed(builders.meeting()))
        before = meeting_file(root).read_bytes()
        meeting = store.meeting(MID)
        with pytest.raises(RecordLockedError):
            store.save_minutes(MID, [typed(meeting, 1, "A late change.")])
        assert meeting_file(root).read_bytes() == before
