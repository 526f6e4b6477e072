"""Damaged or hand-edited files: a clear error naming the file, and the file left byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import CorruptFileError, InvalidDocumentError, Store, StoreError
from tests.store import builders
from tests.store.conftest import snapshot

MEETING = "meetings/hwb-2019-09-11.json"


def damage(path: Path, kind: str) -> bytes:
    good = path.read_bytes()
    if kind == "truncated":
        bad = good[: len(good) // 2]
    elif kind == "empty":
        bad = b""
    elif kind == "garbage":
        bad = b"\x00\x00\x00PK\x03\x04 not json at all"
    elif kind == "trailing":  # TinyDB #301: valid JSON followed by the old tail
        bad = good + good[-40:]
    elif kind == "list":
        bad = b"[1, 2, 3]\n"
    elif kind == "table-not-object":
        bad = json.dumps({"meeting": [1], "meetings": [1], "meta": [1]}).encode()
    elif kind == "duplicate-key":
        bad = b'{"meta": {"1": {"schema_version": 1}}, "meta": {}}'
    else:
        raise AssertionError(kind)
    path.write_bytes(bad)
    return bad


KINDS = ["truncated", "empty", "garbage", "trailing", "list", "table-not-object", "duplicate-key"]


def check_message(error: CorruptFileError, path: Path, kind: str) -> None:
    text = str(error)
    assert str(path) in text and "\n" not in text
    assert error.path == path
    if kind in ("truncated", "garbage", "trailing"):
        assert error.line is not None and error.column is not None
        assert f"line {error.line}, column {error.column}" in text
    if kind == "empty":
        assert "empty" in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["registry.json", "index.json"])
def test_damaged_registry_or_index_stops_the_open(filled: Path, name: str, kind: str) -> None:
    path = filled / name
    bad = damage(path, kind)
    before = snapshot(filled)
    for read_only in (False, True):
        with pytest.raises(CorruptFileError) as caught:
            Store.open(filled, read_only=read_only)
        check_message(caught.value, path, kind)
    assert path.read_bytes() == bad
    assert snapshot(filled) == before  # nothing written, nothing left behind


@pytest.mark.parametrize("kind", KINDS)
def test_damaged_meeting_fails_alone(filled: Path, kind: str) -> None:
    path = filled / MEETING
    bad = damage(path, kind)
    with Store.open(filled) as store:
        # Written in place while the store was closed: the folder did not change, so opening
        # (which does not read every file) cannot see it; the look the open starts in the
        # background reads every file changed since the last backup, and finds it.
        store.wait_for_background()
        assert any(str(path) in str(problem) for problem in store.problems)
        with pytest.raises(CorruptFileError) as caught:
            store.meeting("hwb-2019-09-11")
        check_message(caught.value, path, kind)
        # The others still work, and saving them does not touch the damaged file.
        other = store.meeting("hwb-2019-06-12")
        other.minutes.clear()
        store.save_meeting(other)
        assert store.meeting("hwb-2019-06-12") == other
        # Saving over the damaged one is refused too: it cannot be read, so it is not replaced.
        with pytest.raises(CorruptFileError):
            store.save_meeting(builders.meeting("hwb-2019-09-11"))
        assert [s.id for s in store.meeting_summaries()] == [
            "hwb-2019-06-12",
            "hwb-2019-09-11",
            "hwb-2019-12-04",
        ]
    assert path.read_bytes() == bad
    with Store.open(filled, read_only=True) as viewer, pytest.raises(CorruptFileError):
        viewer.meeting("hwb-2019-09-11")
    assert path.read_bytes() == bad


def edit_json(path: Path, change: str) -> bytes:
    data = json.loads(path.read_bytes())
    if change == "meeting-date":
        data["meeting"]["1"]["date"] = 20190911
    elif change == "meeting-pages":
        data["meeting"]["1"]["agenda"][1]["pages"] = {"first": "thirteen", "last": 26}
    elif change == "meeting-status":
        data["meeting"]["1"]["status"] = "adjourned"
    elif change == "meeting-id":
        data["meeting"]["1"]["id"] = "hwb-2019-06-12"
    elif change == "two-meetings":
        data["meeting"]["2"] = data["meeting"]["1"]
    elif change == "committee-quorum":
        data["committees"]["1"]["quorum"] = "three"
    elif change == "index-count":
        data["summaries"]["1"]["rows"][1][4] = "two"
    path.write_text(json.dumps(data, indent=2))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("meeting-date", "meeting.date"),
        ("meeting-pages", "meeting.agenda[1].pages.first"),
        ("meeting-status", "meeting.status"),
        ("meeting-id", "meeting.id"),
        ("two-meetings", "meeting"),
    ],
)
def test_hand_edited_meeting_names_the_field(filled: Path, change: str, field: str) -> None:
    path = filled / MEETING
    edited = edit_json(path, change)
    with Store.open(filled) as store:
        with pytest.raises(InvalidDocumentError) as caught:
            store.meeting("hwb-2019-09-11")
        assert caught.value.path == path
        assert caught.value.field == field
        assert str(path) in str(caught.value) and field in str(caught.value)
        assert store.meeting("hwb-2019-06-12").id == "hwb-2019-06-12"
    assert path.read_bytes() == edited


def test_hand_edited_committee(filled: Path) -> None:
    path = filled / "registry.json"
    edited = edit_json(path, "committee-quorum")
    with Store.open(filled) as store:
        with pytest.raises(InvalidDocumentError) as caught:
            store.committee("hwb")
        assert caught.value.field == "committee.quorum"
        assert str(path) in str(caught.value)
        with pytest.raises(InvalidDocumentError):
            store.committees()
        assert len(store.people()) == 2
    assert path.read_bytes() == edited


def test_hand_edited_index_stops_the_open_and_says_how_to_rebuild(filled: Path) -> None:
    path = filled / "index.json"
    edited = edit_json(path, "index-count")
    before = snapshot(filled)
    with pytest.raises(InvalidDocumentError) as caught:
        Store.open(filled)
    assert "summaries[1].rows[1].minute_count" in str(caught.value)
    assert "rebuild" in str(caught.value)
    assert path.read_bytes() == edited and snapshot(filled) == before
    path.rename(filled / "index.json.bad")
    with Store.open(filled) as store:
        assert [s.minute_count for s in store.meeting_summaries()] == [1, 2, 3]


def test_missing_schema_version(filled: Path) -> None:
    path = filled / "registry.json"
    data = json.loads(path.read_bytes())
    data["meta"] = {}
    path.write_text(json.dumps(data))
    with pytest.raises(InvalidDocumentError, match="schema_version"):
        Store.open(filled)


def test_registry_lost_but_meetings_present_is_refused(filled: Path) -> None:
    (filled / "registry.json").unlink()
    before = snapshot(filled)
    with pytest.raises(StoreError, match="registry.json is missing"):
        Store.open(filled)
    assert snapshot(filled) == before


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(filled: Path) -> None:
    path = filled / MEETING
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with Store.open(filled) as store:
        assert store.meeting("hwb-2019-09-11").id == "hwb-2019-09-11"


@pytest.mark.parametrize("cut", [1, 2, 10, 57, 100, 333, -2, -1])
def test_cut_anywhere_is_never_read_as_empty(filled: Path, cut: int) -> None:
    path = filled / MEETING
    good = path.read_bytes()
    path.write_bytes(good[:cut])
    with Store.open(filled) as store, pytest.raises(CorruptFileError):
        store.meeting("hwb-2019-09-11")
    assert path.read_bytes() == good[:cut]
