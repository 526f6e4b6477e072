"""Schema versions: test-only steps v1 -> v2 -> v3, applied in order, resumable, backed up
first; and the real step to version 2, which makes a version 1 clerk refuse a store whose
meetings carry the minutes' approval record instead of dropping it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.domain.approval import RecordLockedError
from store import SchemaTooNewError, Store, StoreError, UpgradeNeededError
from store.backups import list_backups
from store.migrations import (
    CURRENT_SCHEMA,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    RegistryTables,
    Schema,
    migrate,
)
from tests.store import builders
from tests.store.conftest import snapshot

MEETING_IDS = ["hwb-2019-06-12", "hwb-2019-09-11", "hwb-2019-12-04"]


def tag_registry(tag: str) -> Callable[[RegistryTables], RegistryTables]:
    def step(tables: RegistryTables) -> RegistryTables:
        for committee in tables["committees"]:
            committee["name"] += f" [{tag}]"
        return tables

    return step


def tag_meeting(tag: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def step(document: dict[str, Any]) -> dict[str, Any]:
        document["venue"]["room"] += f" [{tag}]"
        return document

    return step


V2 = Migration(1, 2, "tag v2", registry=tag_registry("v2"), meeting=tag_meeting("v2"))
V3 = Migration(2, 3, "tag v3", registry=tag_registry("v3"), meeting=tag_meeting("v3"))
SCHEMA_3 = Schema(3, (V2, V3))
V4 = Migration(3, 4, "tag v4", registry=tag_registry("v4"), meeting=tag_meeting("v4"))
SCHEMA_4 = Schema(4, (V2, V3, V4))
"""Newer than this clerk's own schema (3)."""


def versions(root: Path) -> tuple[int, list[int]]:
    registry = json.loads((root / "registry.json").read_bytes())
    meetings = [
        json.loads((root / "meetings" / f"{mid}.json").read_bytes())["meeting"]["1"]["schema_version"]
        for mid in MEETING_IDS
    ]
    return registry["meta"]["1"]["schema_version"], meetings


SCHEMA_1 = Schema(1)
"""What a clerk from before the approval record reads and writes."""


@pytest.fixture
def filled(root: Path) -> Path:
    """A closed store as a version 1 clerk left it: one committee, two people, three meetings."""
    with Store.open(root, schema=SCHEMA_1) as opened:
        opened.save_committee(builders.committee())
        opened.save_person(builders.person())
        opened.save_person(builders.person("ian-moncur", "Ian Moncur"))
        for number, day in enumerate(["2019-06-12", "2019-09-11", "2019-12-04"], 1):
            meeting = builders.meeting(f"hwb-{day}", minutes=number)
            meeting.date = meeting.date.fromisoformat(day)
            opened.save_meeting(meeting)
    return root


def test_the_real_schema_is_consistent() -> None:
    assert CURRENT_SCHEMA.version == SCHEMA_VERSION == 3
    assert [(step.from_version, step.to_version) for step in MIGRATIONS] == [(1, 2), (2, 3)]


def test_new_store_is_stamped(tmp_path: Path) -> None:
    root = tmp_path / "new"
    with Store.open(root) as store:
        for number, day in enumerate(["2019-06-12", "2019-09-11", "2019-12-04"], 1):
            store.save_meeting(builders.meeting(f"hwb-{day}", minutes=number))
    assert versions(root) == (SCHEMA_VERSION, [SCHEMA_VERSION] * 3)


def test_steps_apply_in_order_and_are_recorded(filled: Path) -> None:
    before = snapshot(filled)
    with Store.open(filled, schema=SCHEMA_3) as store:
        assert store.schema_version == 3
        assert store.committee("hwb").name == "Health and Wellbeing Board [v2] [v3]"
        for mid in MEETING_IDS:
            assert store.meeting(mid).venue.room == "Committee Room [v2] [v3]"
        assert len(store.meeting_summaries()) == 3
    assert versions(filled) == (3, [3, 3, 3])
    # A backup of the old content was taken first, and kept out of the rotation.
    (labelled,) = [b for b in list_backups(filled / "backups") if b.name.endswith("before-schema-3")]
    for name, content in before.items():
        if name in ("registry.json", "index.json") or name.startswith("meetings/"):
            assert (labelled / name).read_bytes() == content
    # Opening again does nothing more.
    with Store.open(filled, schema=SCHEMA_3) as store:
        assert store.committee("hwb").name == "Health and Wellbeing Board [v2] [v3]"


def test_a_migration_cut_short_resumes_without_applying_twice(filled: Path) -> None:
    calls: list[str] = []

    def fragile(document: dict[str, Any]) -> dict[str, Any]:
        calls.append(document["id"])
        if document["id"] == "hwb-2019-09-11" and calls.count(document["id"]) == 1:
            raise RuntimeError("power cut")
        return tag_meeting("v2")(document)

    flaky = Schema(2, (Migration(1, 2, "fragile", registry=tag_registry("v2"), meeting=fragile),))
    with pytest.raises(RuntimeError):
        Store.open(filled, schema=flaky)
    registry_version, meeting_versions = versions(filled)
    assert registry_version == 1 and meeting_versions == [2, 1, 1]
    with Store.open(filled, schema=flaky) as store:
        assert [store.meeting(mid).venue.room for mid in MEETING_IDS] == ["Committee Room [v2]"] * 3
        assert store.committee("hwb").name == "Health and Wellbeing Board [v2]"
    assert versions(filled) == (2, [2, 2, 2])


def test_a_newer_store_is_refused_and_untouched(filled: Path) -> None:
    with Store.open(filled, schema=SCHEMA_4):
        pass
    before = snapshot(filled)
    for read_only in (False, True):
        with pytest.raises(SchemaTooNewError) as caught:
            Store.open(filled, read_only=read_only)
        assert "made by a newer clerk (schema 4; this clerk reads up to 3)" in str(caught.value)
    assert snapshot(filled) == before


def test_a_newer_meeting_file_is_refused_alone(filled: Path) -> None:
    path = filled / "meetings" / "hwb-2019-09-11.json"
    data = json.loads(path.read_bytes())
    data["meeting"]["1"]["schema_version"] = 7
    path.write_text(json.dumps(data))
    with Store.open(filled) as store:
        with pytest.raises(SchemaTooNewError, match="schema 7"):
            store.meeting("hwb-2019-09-11")
        assert store.meeting("hwb-2019-06-12").id == "hwb-2019-06-12"


def test_read_only_does_not_upgrade(filled: Path) -> None:
    before = snapshot(filled)
    with pytest.raises(UpgradeNeededError):
        Store.open(filled, read_only=True, schema=SCHEMA_3)
    assert snapshot(filled) == before


def test_an_old_meeting_file_is_upgraded_when_read(filled: Path) -> None:
    """A file left behind (damaged during the migration, fixed later) is brought up in memory."""
    with Store.open(filled, schema=SCHEMA_3):
        pass
    path = filled / "meetings" / "hwb-2019-09-11.json"
    data = json.loads(path.read_bytes())
    data["meeting"]["1"]["schema_version"] = 1
    data["meeting"]["1"]["venue"]["room"] = "Committee Room"
    path.write_text(json.dumps(data))
    with Store.open(filled, schema=SCHEMA_3) as store:
        meeting = store.meeting("hwb-2019-09-11")
        assert meeting.venue.room == "Committee Room [v2] [v3]"
        store.save_meeting(meeting)
    assert versions(filled) == (3, [3, 3, 3])


def test_schema_chains_are_checked() -> None:
    with pytest.raises(ValueError):
        Schema(3, (V3, V2))
    with pytest.raises(ValueError):
        Schema(2, (V2, V3))
    with pytest.raises(ValueError):
        Schema(0)
    with pytest.raises(StoreError, match="cannot upgrade"):
        Schema(3, (V3,)).steps_from(1, Path("x"))


def test_migrate_works_on_raw_documents() -> None:
    registry: RegistryTables = {"committees": [{"name": "Board"}], "people": []}
    meetings: dict[str, dict[str, Any]] = {
        "a": {"venue": {"room": "R"}},
        "b": {"schema_version": 2, "venue": {"room": "R [v2]"}},
    }
    new_registry, new_meetings, version = migrate(registry, meetings, 1, schema=SCHEMA_3)
    assert version == 3
    assert new_registry["committees"][0]["name"] == "Board [v2] [v3]"
    assert new_meetings["a"] == {"schema_version": 3, "venue": {"room": "R [v2] [v3]"}}
    assert new_meetings["b"] == {"schema_version": 3, "venue": {"room": "R [v2] [v3]"}}
    assert registry["committees"][0]["name"] == "Board"  # inputs untouched
    with pytest.raises(SchemaTooNewError):
        migrate(registry, {}, 4, schema=SCHEMA_3)


# --- the real step: version 1 -> 2 -------------------------------------------------
def index_as_version_1_wrote_it(root: Path) -> None:
    """index.json as a clerk before summaries held the record state wrote it: six fields a row."""
    path = root / "index.json"
    tables = json.loads(path.read_bytes())
    table = tables["summaries"]["1"]
    assert table["fields"][-1] == "record_state"
    table["fields"] = table["fields"][:-1]
    table["rows"] = [row[:-1] for row in table["rows"]]
    path.write_text(json.dumps(tables))


def test_a_version_1_store_with_signed_minutes_is_upgraded_after_a_backup(filled: Path) -> None:
    """A version 1 clerk (main before this change) already wrote approval records: the
    upgrade keeps them, backs up first, and the store then guards them."""
    with Store.open(filled, schema=SCHEMA_1, auto_backup=False) as old:
        june = builders.signed(old.meeting("hwb-2019-06-12"))
        old.save_meeting(june)
    index_as_version_1_wrote_it(filled)
    before = snapshot(filled)
    with pytest.raises(UpgradeNeededError, match="run `clerk init` on it"):
        Store.open(filled, read_only=True)
    with Store.open(filled) as store:
        assert store.meeting("hwb-2019-06-12") == june
        states = {s.id: s.record_state.value for s in store.meeting_summaries()}
        assert states == {"hwb-2019-06-12": "signed", "hwb-2019-09-11": "draft", "hwb-2019-12-04": "draft"}
        edited = store.meeting("hwb-2019-06-12")
        edited.minutes[0].title = "Something else"
        with pytest.raises(RecordLockedError, match="can no longer be changed"):
            store.save_meeting(edited)
    assert versions(filled) == (SCHEMA_VERSION, [SCHEMA_VERSION] * 3)
    (labelled,) = [
        b for b in list_backups(filled / "backups") if b.name.endswith(f"before-schema-{SCHEMA_VERSION}")
    ]
    for name, content in before.items():
        if name in ("registry.json", "index.json") or name.startswith("meetings/"):
            assert (labelled / name).read_bytes() == content
    fields = json.loads((filled / "index.json").read_bytes())["summaries"]["1"]["fields"]
    assert fields[-1] == "record_state"
    with Store.open(filled, read_only=True) as reader:  # upgraded: read-only opens work again
        assert reader.meeting("hwb-2019-06-12") == june


def test_a_version_1_clerk_refuses_a_store_that_keeps_approval_records(root: Path) -> None:
    """Without the bump a version 1 clerk would open the store, ignore `record`, and drop
    the signature the next time it saved the meeting."""
    with Store.open(root) as store:
        store.save_committee(builders.committee())
        store.save_meeting(builders.signed(builders.meeting()))
    before = snapshot(root)
    for read_only in (False, True):
        with pytest.raises(SchemaTooNewError) as caught:
            Store.open(root, read_only=read_only, schema=SCHEMA_1)
        assert f"made by a newer clerk (schema {SCHEMA_VERSION}; this clerk reads up to 1)" in str(
            caught.value
        )
        assert "nothing has been changed" in str(caught.value)
    assert snapshot(root) == before


def test_an_index_without_record_states_is_read_again_in_full(root: Path) -> None:
    """A crash between the upgrade's commit (the registry) and the new index, or an index
    put back by hand: the open reads every meeting to learn its record state, since the
    guard on signed minutes trusts the summaries."""
    with Store.open(root) as store:
        store.save_meeting(builders.signed(builders.meeting()))
        store.save_meeting(builders.circulated(builders.meeting("hwb-2019-09-11")))
        store.save_meeting(builders.meeting("hwb-2019-12-04"))
    index_as_version_1_wrote_it(root)
    expected = {"hwb-2019-06-12": "signed", "hwb-2019-09-11": "circulated", "hwb-2019-12-04": "draft"}
    with Store.open(root, read_only=True) as reader:
        assert {s.id: s.record_state.value for s in reader.meeting_summaries()} == expected
    with Store.open(root, auto_backup=False) as store:
        assert {s.id: s.record_state.value for s in store.meeting_summaries()} == expected
        with pytest.raises(RecordLockedError):
            store.save_meeting(builders.meeting())  # the signed meeting without its record
    rows = json.loads((root / "index.json").read_bytes())["summaries"]["1"]["rows"]
    assert [row[-1] for row in rows] == ["signed", "circulated", "draft"]
