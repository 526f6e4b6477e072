"""The JSON interchange: documented, versioned, and stable through export and import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from clerk_tui.exporting import export_bundle
from clerk_tui.interchange import InterchangeError, read_bundle
from clerk_tui.interchange.schema import schema_json
from store import Store
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11

DOCS = Path(__file__).parent.parent.parent / "docs"


def clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store.open(path) as store:
        for person in hwb_2019.people():
            store.save_person(person)
        store.save_committee(hwb_2019.committee())
        store.save_meeting(hwb_2019_06_12.meeting())
        store.save_meeting(hwb_2019_09_11.meeting())
    return path


def test_the_documented_schema_is_the_one_the_code_reads() -> None:
    assert (DOCS / "interchange.schema.json").read_text(encoding="utf-8") == schema_json(), (
        "regenerate with: python -m clerk_tui.interchange.schema > docs/interchange.schema.json"
    )


def test_an_export_validates_against_the_schema(store_dir: Path) -> None:
    with Store.open(store_dir, read_only=True) as store:
        exported = json.loads(export_bundle(store, ["hwb-2019-09-11"]))
    jsonschema.validate(exported, json.loads(schema_json()))
    assert exported["format"] == "clerk-meetings" and exported["version"] == 3
    assert [c["id"] for c in exported["committees"]] == ["hwb"]
    assert "richard-freeman" in {p["id"] for p in exported["people"]}


def test_export_import_export_gives_identical_json(store_dir: Path, tmp_path: Path) -> None:
    first = clerk("--store", str(store_dir), "export", "meeting", "hwb-2019-09-11", "--format", "json")
    assert first.returncode == 0, first.stderr
    exported = tmp_path / "september.json"
    exported.write_text(first.stdout, encoding="utf-8")
    other = tmp_path / "other-machine"
    imported = clerk("--store", str(other), "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    lines = imported.stdout.splitlines()
    assert "added meeting hwb-2019-09-11" in lines and "added committee hwb" in lines
    assert all(line.startswith("added ") for line in lines)
    again = clerk("--store", str(other), "export", "meeting", "hwb-2019-09-11", "--format", "json")
    assert again.stdout == first.stdout
    # and the imported meeting prints the same minutes text as the original
    original = clerk("--store", str(store_dir), "export", "minutes", "hwb-2019-09-11", "--width", "0")
    assert "21. EXCLUSION OF PRESS AND PUBLIC" in original.stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON at line 1, column 2"),
        ('{"format": "something-else", "version": 1}', "not a clerk meetings file"),
        ('{"format": "clerk-meetings", "version": 99}', "made by a newer clerk"),
        ('{"format": "clerk-meetings", "version": 1, "meetings": [{"id": "x"}]}', "meetings[0]"),
        (
            '{"format": "clerk-meetings", "version": 1, "meetings": [{"id": "m", "committee_id": "nope",'
            ' "date": "2020-01-01"}]}',
            "committee 'nope'",
        ),
    ],
)
def test_a_bad_file_is_rejected_with_its_reason_and_the_store_is_unchanged(
    store_dir: Path, tmp_path: Path, content: str, reason: str
) -> None:
    before = {p: p.read_bytes() for p in sorted(store_dir.rglob("*.json")) if "backups" not in p.parts}
    good = tmp_path / "good.json"
    with Store.open(store_dir, read_only=True) as store:
        good.write_text(export_bundle(store, ["hwb-2019-06-12"]).replace("hwb-2019-06-12", "hwb-2019-06-13"))
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = clerk("--store", str(store_dir), "import", str(good), str(bad))
    assert result.returncode == 1
    assert reason in result.stderr and "bad.json" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in sorted(store_dir.rglob("*.json")) if "backups" not in p.parts}
    assert after == before


def test_reading_a_bundle_refuses_duplicate_ids() -> None:
    text = json.dumps(
        {
            "format": "clerk-meetings",
            "version": 1,
            "people": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}],
        }
    )
    with pytest.raises(InterchangeError, match="'a' more than once"):
        read_bundle(text, "dupes.json")


def test_every_file_this_format_version_writes_still_imports_strictly() -> None:
    """Unknown keys are now refused: every key an export writes must be one the reader knows,
    for every record of the fixtures (all fields, defaults included, are written)."""
    from clerk_tui.interchange import Bundle, bundle_to_json
    from tests.fixtures import hwb_2023_03_08, os_2023

    meetings = [hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting(), hwb_2023_03_08.meeting()]
    committees = [hwb_2019.committee(), os_2023.committee()]
    people = {person.id: person for person in [*hwb_2019.people(), *os_2023.people()]}
    written = bundle_to_json(Bundle(committees, list(people.values()), meetings))
    bundle = read_bundle(written, "export.json")
    assert bundle.cleaned == []
    assert sorted(m.id for m in bundle.meetings) == sorted(m.id for m in meetings)
    assert bundle_to_json(bundle) == written
