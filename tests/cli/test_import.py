"""`clerk import`: all or nothing, never an overwrite by surprise, every file checked first."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from store import Store
from store.backups import list_backups
from tests.cli.helpers import bundle, clerk, files_of, write

MEETING = "hwb-2019-06-12"


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    document = bundle(meetings=1)
    result = clerk("--store", str(path), "import", str(write(tmp_path / "first.json", document)))
    assert result.returncode == 0, result.stderr
    return path


def test_import_says_what_it_added(tmp_path: Path) -> None:
    result = clerk("--store", str(tmp_path / "s"), "import", str(write(tmp_path / "b.json", bundle())))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "added meeting hwb-2019-06-12" in lines and "added meeting hwb-2019-09-11" in lines
    assert "added committee hwb" in lines and "added person richard-freeman" in lines


def test_an_id_that_exists_is_refused_unless_replace(store_dir: Path, tmp_path: Path) -> None:
    """Issue 9 finding 5: a record with an existing id was replaced without a word."""
    changed = bundle(meetings=1)
    changed["meetings"][0]["venue"]["room"] = "Council Chamber"
    source = write(tmp_path / "changed.json", changed)
    before = files_of(store_dir)
    refused = clerk("--store", str(store_dir), "import", str(source))
    assert refused.returncode == 1
    assert f"meeting '{MEETING}'" in refused.stderr and "--replace" in refused.stderr
    assert "unexpected" not in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert files_of(store_dir) == before
    replaced = clerk("--store", str(store_dir), "import", "--replace", str(source))
    assert replaced.returncode == 0, replaced.stderr
    assert f"replaced meeting {MEETING}" in replaced.stdout.splitlines()
    assert "unchanged committee hwb" in replaced.stdout.splitlines()
    assert "a backup was taken first" in replaced.stderr
    (backup,) = list_backups(store_dir / "backups")
    kept = json.loads((backup / "meetings" / f"{MEETING}.json").read_bytes())
    assert kept["meeting"]["1"]["venue"]["room"] != "Council Chamber"  # the old record, kept
    with Store.open(store_dir, read_only=True) as store:
        assert store.meeting(MEETING).venue.room == "Council Chamber"


def test_importing_the_same_file_again_changes_nothing(store_dir: Path, tmp_path: Path) -> None:
    before = files_of(store_dir)
    again = clerk(
        "--store", str(store_dir), "import", str(write(tmp_path / "again.json", bundle(meetings=1)))
    )
    assert again.returncode == 0, again.stderr
    assert all(line.startswith("unchanged ") for line in again.stdout.splitlines())
    assert files_of(store_dir) == before


def _bad(change: str) -> dict[str, Any]:
    document = bundle()
    meeting = document["meetings"][1]
    if change == "traversal-id":
        meeting["id"] = "../../etc/x"
    elif change == "upper-id":
        meeting["id"] = "UPPER"
    elif change == "newline-id":
        meeting["id"] = "ok-id\n"
    elif change == "duplicate-minute-ids":
        meeting["minutes"][2]["id"] = meeting["minutes"][1]["id"]
    elif change == "duplicate-item-ids":
        meeting["agenda"][2]["id"] = meeting["agenda"][1]["id"]
    elif change == "negative-first-minute":
        meeting["first_minute_number"] = -5
    elif change == "zero-first-minute":
        meeting["first_minute_number"] = 0
    elif change == "huge-first-minute":
        meeting["first_minute_number"] = 10**40
    elif change == "minute-on-no-item":
        meeting["minutes"][0]["item_id"] = "item-999"
    elif change == "unknown-key":
        meeting["agenda"][1]["titel"] = "misspelt"
    elif change == "unknown-top-key":
        document["chairs_remarks"] = "x"
    elif change == "duplicate-person":
        document["people"].append(copy.deepcopy(document["people"][0]))
    return document


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("traversal-id", "cannot be a meeting id"),
        ("upper-id", "cannot be a meeting id"),
        ("newline-id", "cannot be a meeting id"),
        ("duplicate-minute-ids", "meetings[1].minutes: the id"),
        ("duplicate-item-ids", "meetings[1].agenda: the id"),
        ("negative-first-minute", "meetings[1].first_minute_number: -5 is not a minute number"),
        ("zero-first-minute", "is not a minute number"),
        ("huge-first-minute", "is not a minute number"),
        ("minute-on-no-item", "meetings[1].minutes[0].item_id: 'item-999' is not on the agenda"),
        ("unknown-key", "meetings[1].agenda[1]"),
        ("unknown-top-key", "'chairs_remarks' is not a key"),
        ("duplicate-person", "people has the id"),
    ],
)
def test_a_file_that_makes_no_sense_is_refused_and_nothing_is_stored(
    store_dir: Path, tmp_path: Path, change: str, reason: str
) -> None:
    """Issue 9 finding 5 (F3, F9): bad ids, duplicate numbers and unknown keys went in, and a
    failure midway left people and committees saved."""
    before = files_of(store_dir)
    result = clerk("--store", str(store_dir), "import", str(write(tmp_path / "bad.json", _bad(change))))
    assert result.returncode == 1
    assert reason in result.stderr, result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert files_of(store_dir) == before
    assert not list((store_dir / "meetings").glob("*x*"))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested"),
        (
            '{"format": "clerk-meetings", "version": 1, "people": [{"id": "a", "name": "A", "x": '
            + "[" * 200
            + "]" * 200
            + "}]}",
            "nested more than",
        ),
        ('{"format": "clerk-meetings", "version": ' + "9" * 5000 + "}", "not a clerk meetings file"),
        ('{"format": "clerk-meetings", "version": 1, "version": 1}', "the key 'version' appears twice"),
    ],
    ids=["nested-100k", "nested-200", "huge-integer", "duplicate-key"],
)
def test_hostile_files_get_a_clear_message(
    store_dir: Path, tmp_path: Path, content: str, reason: str
) -> None:
    result = clerk("--store", str(store_dir), "import", str(write_text(tmp_path / "hostile.json", content)))
    assert result.returncode == 1
    assert reason in result.stderr and "unexpected" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_control_characters_and_lone_surrogates_are_removed_and_named(tmp_path: Path) -> None:
    """Removed, not refused: they carry no text (escape sequences, a lone surrogate from odd
    terminal input), and refusing would stop a whole archive over one stray byte. The clerk is
    told which field lost what, and nothing unsafe reaches the store or any output."""
    document = bundle(meetings=1)
    document["people"][0]["name"] = "Ann\x1b[2J\x1b]0;owned\x07 Smith\ud800"
    document["meetings"][0]["minutes"][0]["title"] = "Apologies\u202e"
    store = tmp_path / "s"
    result = clerk("--store", str(store), "import", str(write(tmp_path / "b.json", document)))
    assert result.returncode == 0, result.stderr
    assert "people[0].name" in result.stderr and "escape sequence" in result.stderr
    assert "meetings[0].minutes[0].title" in result.stderr and "U+202E" in result.stderr
    for path in store.rglob("*.json"):
        raw = path.read_bytes()
        assert b"\x1b" not in raw and b"\\u001b" not in raw and b"\\ud800" not in raw
    printed = clerk("--store", str(store), "export", "agenda", MEETING)
    assert printed.returncode == 0, printed.stderr
    assert "\x1b" not in printed.stdout


def test_importing_many_meetings_writes_the_registry_and_the_index_once(tmp_path: Path) -> None:
    """Issue 8.6: each record used to rewrite and fsync the registry or the index (hours for
    5,000). Counted, not timed: the benchmark times it."""
    from clerk_tui.exporting import store_bundles
    from clerk_tui.interchange import read_bundle
    from tests.store.faults import FaultyFiles

    document = bundle()
    template = document["meetings"][0]
    document["meetings"] = []
    for number in range(200):
        meeting = copy.deepcopy(template)
        meeting["id"] = f"hwb-copy-{number}"
        document["meetings"].append(meeting)
    counter = FaultyFiles()
    with Store.open(tmp_path / "s", files=counter) as store:
        counter.arm("", 0, 0)
        report = store_bundles(store, [read_bundle(json.dumps(document))])
        replaces = counter.calls.get("replace", 0)
        creates = counter.calls.get("create", 0)
    assert len(report.ids("added")) == 200
    # 200 meeting files and the registry renamed into place, the COMMIT marker and the index
    # each written once by the atomic writer.
    assert replaces == 200 + 1 + 2, counter.calls
    assert creates == 200 + 1 + 2, counter.calls
