"""Schema versions: test-only steps v1 -> v2 -> v3, applied in order, resumable, backed up first."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


def versions(root: Path) -> tuple[int, list[int]]:
    registry = json.loads((root / "registry.json").read_bytes())
    meetings = [
        json.loads((root / "meetings" / f"{mid}.json").read_bytes())["meeting"]["1"]["schema_version"]
        for mid in MEETING_IDS
    ]
    return registry["meta"]["1"]["schema_version"], meetings


def test_the_real_schema_is_consistent() -> None:
    assert CURRENT_SCHEMA.version == SCHEMA_VERSION == 1
    assert MIGRATIONS == ()


def test_new_store_is_stamped(filled: Path) -> None:
    assert versions(filled) == (SCHEMA_VERSION, [SCHEMA_VERSION] * 3)


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
    with Store.open(filled, schema=SCHEMA_3):
        pass
    before = snapshot(filled)
    for read_only in (False, True):
        with pytest.raises(SchemaTooNewError) as caught:
            Store.open(filled, read_only=read_only)
        assert "made by a newer clerk (schema 3; this clerk reads up to 1)" in str(caught.value)
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
