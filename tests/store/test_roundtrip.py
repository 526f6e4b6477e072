"""Committees, people and meetings come back exactly as they were saved."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.domain import AttendanceEvent, EventKind, MeetingStatus, MeetingSummary
from store import (
    InvalidIdError,
    NotAStoreError,
    NotFoundError,
    ReadOnlyError,
    Store,
    StoreClosedError,
    StoreError,
)
from store.locations import default_store_path
from tests.fixtures import hwb_2019, hwb_2019_06_12
from tests.store import builders


def test_nothing_is_created_until_open(tmp_path: Path) -> None:
    root = tmp_path / "deep" / "store"
    assert not root.exists()
    with Store.open(root) as store:
        assert store.root == root
        assert not store.read_only
        assert (root / "registry.json").is_file()
        assert (root / "index.json").is_file()
        assert (root / "meetings").is_dir()
        assert store.committees() == [] and store.meeting_summaries() == []


def test_committees_and_people_round_trip(root: Path) -> None:
    board = hwb_2019.committee()
    people = hwb_2019.people()
    with Store.open(root) as store:
        store.save_committee(board)
        for someone in people:
            store.save_person(someone)
    with Store.open(root) as store:
        assert store.committee(board.id) == board
        assert store.committees() == [board]
        assert sorted(store.people(), key=lambda p: p.id) == sorted(people, key=lambda p: p.id)
        assert store.person(people[0].id) == people[0]
        assert [p.name.casefold() for p in store.people()] == sorted(p.name.casefold() for p in people)


def test_saving_again_replaces_the_record(store: Store) -> None:
    board = builders.committee()
    store.save_committee(board)
    board.name = "Health and Wellbeing Board (renamed)"
    board.members.pop()
    store.save_committee(board)
    assert store.committees() == [board]


def test_a_real_meeting_round_trips(root: Path) -> None:
    meeting = hwb_2019_06_12.meeting()
    with Store.open(root) as store:
        store.save_meeting(meeting)
        assert store.meeting(meeting.id) == meeting
    with Store.open(root, read_only=True) as store:
        assert store.meeting(meeting.id) == meeting
        assert store.meeting_summaries() == [MeetingSummary.of(meeting)]


def test_each_load_is_a_fresh_object(store: Store) -> None:
    store.save_meeting(builders.meeting())
    first = store.meeting("hwb-2019-06-12")
    first.attendance.append(AttendanceEvent("ian-moncur", EventKind.ARRIVED))
    assert len(store.meeting("hwb-2019-06-12").attendance) == 1


def test_summaries_sorted_and_filtered(store: Store) -> None:
    store.save_meeting(builders.meeting("b-2020-01-02", "b", date(2020, 1, 2)))
    store.save_meeting(builders.meeting("a-2019-05-01", "a", date(2019, 5, 1)))
    store.save_meeting(builders.meeting("a-2019-04-01", "a", date(2019, 4, 1)))
    store.save_meeting(builders.meeting("a-2019-04-01-x", "a", date(2019, 4, 1)))
    ids = [s.id for s in store.meeting_summaries()]
    assert ids == ["a-2019-04-01", "a-2019-04-01-x", "a-2019-05-01", "b-2020-01-02"]
    assert [s.id for s in store.meeting_summaries("b")] == ["b-2020-01-02"]
    assert store.has_meeting("a-2019-05-01")
    assert not store.has_meeting("nope") and not store.has_meeting("../registry")


def test_first_minute_numbers_run_through_the_year(store: Store) -> None:
    store.save_committee(builders.committee())
    store.save_meeting(builders.meeting("hwb-2019-06-12", day=date(2019, 6, 12), minutes=5))
    store.save_meeting(builders.meeting("hwb-2019-09-11", day=date(2019, 9, 11), minutes=3))
    store.save_meeting(builders.meeting("hwb-2020-03-04", day=date(2020, 3, 4), minutes=2))
    store.save_meeting(builders.meeting("hwb-2020-06-10", day=date(2020, 6, 10), minutes=1))
    assert store.first_minute_number("hwb-2019-06-12") == 1
    assert store.first_minute_number("hwb-2019-09-11") == 6
    assert store.first_minute_number("hwb-2020-03-04") == 9
    assert store.first_minute_number("hwb-2020-06-10") == 1  # a new municipal year
    with pytest.raises(NotFoundError):
        store.first_minute_number("hwb-1999-01-01")


def test_not_found_names_the_record_and_the_store(store: Store) -> None:
    with pytest.raises(NotFoundError) as caught:
        store.meeting("hwb-2019-06-12")
    assert str(caught.value) == f"No meeting 'hwb-2019-06-12' in {store.root}"
    with pytest.raises(NotFoundError, match="No committee 'os'"):
        store.committee("os")
    with pytest.raises(NotFoundError, match="No person 'x'"):
        store.person("x")
    with pytest.raises(NotFoundError):
        store.delete_meeting("hwb-2019-06-12")


@pytest.mark.parametrize("bad", ["../registry", "a/b", "A-1", ".hidden", "", "-x", "x.json", "a" * 121, "é"])
def test_meeting_ids_that_cannot_be_file_names_are_refused(store: Store, bad: str) -> None:
    meeting = builders.meeting()
    meeting.id = bad
    with pytest.raises(InvalidIdError):
        store.save_meeting(meeting)
    with pytest.raises(NotFoundError):
        store.meeting(bad)
    assert sorted(os.listdir(store.root / "meetings")) == []


def test_delete_moves_the_file_aside(store: Store) -> None:
    store.save_meeting(builders.meeting())
    store.save_meeting(builders.meeting("hwb-2019-09-11", day=date(2019, 9, 11)))
    store.delete_meeting("hwb-2019-06-12")
    assert not store.has_meeting("hwb-2019-06-12")
    assert [s.id for s in store.meeting_summaries()] == ["hwb-2019-09-11"]
    kept = list((store.root / "deleted").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith("hwb-2019-06-12.")
    with pytest.raises(NotFoundError):
        store.meeting("hwb-2019-06-12")
    store.save_meeting(builders.meeting())  # the id may be used again
    assert store.has_meeting("hwb-2019-06-12")


def test_deletion_survives_reopening(filled: Path) -> None:
    with Store.open(filled) as store:
        store.delete_meeting("hwb-2019-09-11")
    with Store.open(filled) as store:
        assert [s.id for s in store.meeting_summaries()] == ["hwb-2019-06-12", "hwb-2019-12-04"]


def test_summary_follows_status_and_minutes(store: Store) -> None:
    meeting = builders.meeting(minutes=1)
    store.save_meeting(meeting)
    meeting.status = MeetingStatus.HELD
    meeting.minutes.extend(builders.meeting(minutes=3).minutes[1:])
    store.save_meeting(meeting)
    (summary,) = store.meeting_summaries()
    assert summary.status == MeetingStatus.HELD and summary.minute_count == 3


def test_read_only_store_refuses_writes(filled: Path) -> None:
    with Store.open(filled, read_only=True) as store:
        assert store.read_only
        meeting = store.meeting("hwb-2019-06-12")
        with pytest.raises(ReadOnlyError):
            store.save_meeting(meeting)
        with pytest.raises(ReadOnlyError):
            store.save_committee(builders.committee())
        with pytest.raises(ReadOnlyError):
            store.save_person(builders.person())
        with pytest.raises(ReadOnlyError):
            store.delete_meeting("hwb-2019-06-12")


def test_read_only_open_of_a_missing_store_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    for root in (tmp_path / "nothing", tmp_path):
        with Store.open(root, read_only=True) as store:
            assert store.committees() == [] and store.meeting_summaries() == []
            assert store.people() == [] and not store.has_meeting("x")
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_of_a_folder_of_other_things_is_refused(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("mine")
    with pytest.raises(NotAStoreError, match="thesis.docx"):
        Store.open(tmp_path, read_only=True)
    with pytest.raises(NotAStoreError, match="not a folder"):
        Store.open(tmp_path / "thesis.docx", read_only=True)
    assert sorted(os.listdir(tmp_path)) == ["thesis.docx"]


def test_a_folder_of_other_things_is_not_made_a_store(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("mine")
    with pytest.raises(NotAStoreError, match="thesis.docx"):
        Store.open(tmp_path)
    assert sorted(os.listdir(tmp_path)) == [".clerk.lock", "thesis.docx"]


def test_an_existing_empty_folder_becomes_a_store(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.save_person(builders.person())
    with Store.open(tmp_path) as store:
        assert store.people() == [builders.person()]


def test_closed_store_refuses_everything(root: Path) -> None:
    store = Store.open(root)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreClosedError):
        store.committees()
    with pytest.raises(StoreError):
        store.save_person(builders.person())


def test_default_location_honours_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLERK_STORE", str(tmp_path / "mine"))
    assert default_store_path() == tmp_path / "mine"
    monkeypatch.delenv("CLERK_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "clerk" / "store"
    assert not (tmp_path / "data").exists()
