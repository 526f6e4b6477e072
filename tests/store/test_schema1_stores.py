"""Stores written by older clerks (schema 1), kept as they wrote them in
tests/store/schema1/<commit>/ (see make_store.py there): the first store of 23 November
(indented files, one index document per meeting) and the last before the approval
record (compact files, the index as rows). Each opens, upgrades after a backup, reads
back the very meetings it was given, prints the golden minutes, and then keeps the
approval record this clerk adds."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from clerk_tui import records
from clerk_tui.cli import main
from clerk_tui.domain.approval import RecordLockedError, RecordState
from clerk_tui.exporting import print_paper
from clerk_tui.render import PrintOptions
from store import SchemaTooNewError, Store, UpgradeNeededError
from store.backups import list_backups
from store.migrations import SCHEMA_VERSION, Schema
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11, hwb_2023_03_08, os_2023
from tests.store.conftest import snapshot

KEPT = Path(__file__).parent / "schema1"
WRITTEN_BY = ["c65bd07", "666abae"]
GOLDEN = Path(__file__).parents[1] / "golden"
JUNE, SEPTEMBER, OS = "hwb-2019-06-12", "hwb-2019-09-11", "os-asch-2023-10-17"


@pytest.fixture(params=WRITTEN_BY)
def old_store(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of a kept schema 1 store (the kept files are never opened in place)."""
    root = tmp_path / "store"
    shutil.copytree(KEPT / str(request.param), root)
    return root


def file_versions(root: Path) -> tuple[int, list[int]]:
    registry = json.loads((root / "registry.json").read_bytes())
    meetings = [
        json.loads(path.read_bytes())["meeting"]["1"]["schema_version"]
        for path in sorted((root / "meetings").glob("*.json"))
    ]
    return registry["meta"]["1"]["schema_version"], meetings


def test_the_kept_stores_are_schema_1() -> None:
    for commit in WRITTEN_BY:
        assert file_versions(KEPT / commit) == (1, [1, 1, 1])


def test_a_read_only_open_asks_for_the_upgrade_and_changes_nothing(old_store: Path) -> None:
    before = snapshot(old_store)
    with pytest.raises(UpgradeNeededError, match=f"schema 1; this clerk uses {SCHEMA_VERSION}"):
        Store.open(old_store, read_only=True)
    assert snapshot(old_store) == before


def test_an_old_store_upgrades_after_a_backup_and_reads_back_what_it_was_given(old_store: Path) -> None:
    before = snapshot(old_store)
    with Store.open(old_store) as store:
        assert store.committee("hwb") == hwb_2019.committee()
        assert store.committee("os-asch") == os_2023.committee()
        people = [*hwb_2019.people(), *os_2023.people(), *hwb_2023_03_08.people()]
        assert {p.id: p for p in store.people()} == {p.id: p for p in people}
        assert store.meeting(JUNE) == hwb_2019_06_12.meeting()
        assert store.meeting(SEPTEMBER) == hwb_2019_09_11.meeting()
        assert store.meeting(OS) == os_2023.meeting()
        assert {s.id: s.record_state for s in store.meeting_summaries()} == dict.fromkeys(
            [JUNE, SEPTEMBER, OS], RecordState.DRAFT
        )
        june = print_paper(store, "minutes", JUNE, PrintOptions(width=0)).text
        assert june == (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")
    assert file_versions(old_store) == (SCHEMA_VERSION, [SCHEMA_VERSION] * 3)
    label = f"before-schema-{SCHEMA_VERSION}"
    (labelled,) = [b for b in list_backups(old_store / "backups") if b.name.endswith(label)]
    for name, content in before.items():
        if name in ("registry.json", "index.json") or name.startswith("meetings/"):
            assert (labelled / name).read_bytes() == content, name
    with Store.open(old_store, read_only=True) as reader:  # upgraded: read-only opens work
        assert reader.meeting(JUNE) == hwb_2019_06_12.meeting()


def test_an_upgraded_store_keeps_and_guards_the_approval_record(old_store: Path) -> None:
    with Store.open(old_store) as store:
        records.circulate(store, JUNE, date(2019, 6, 20), "the Chair")
        records.confirm(store, JUNE, SEPTEMBER)
        signature = records.sign(store, JUNE)
    with Store.open(old_store) as store:
        june = store.meeting(JUNE)
        assert june.record.signature == signature
        assert store.meeting(SEPTEMBER).record.state == RecordState.DRAFT
        june.minutes[0].title = "Something else"
        with pytest.raises(RecordLockedError, match="can no longer be changed"):
            store.save_meeting(june)
    with pytest.raises(SchemaTooNewError, match=f"schema {SCHEMA_VERSION}; this clerk reads up to 1"):
        Store.open(old_store, schema=Schema(1))  # what the clerk of these files would say


def test_clerk_init_upgrades_an_old_store_and_export_then_prints_from_it(
    old_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(old_store), "list"]) == 1
    said = capsys.readouterr().err
    assert "made by an older clerk" in said and "clerk init" in said and "Traceback" not in said
    assert main(["--store", str(old_store), "init"]) == 0
    capsys.readouterr()
    assert main(["--store", str(old_store), "export", "minutes", JUNE, "--width", "0"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")
