"""Fixtures for the store tests: a fresh store folder per test, and file snapshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from tests.store import builders


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(root: Path) -> Iterator[Store]:
    with Store.open(root) as opened:
        yield opened


@pytest.fixture
def filled(root: Path) -> Path:
    """A closed store holding one committee, two people and three meetings."""
    with Store.open(root) as opened:
        opened.save_committee(builders.committee())
        opened.save_person(builders.person())
        opened.save_person(builders.person("ian-moncur", "Ian Moncur"))
        for number, day in enumerate(["2019-06-12", "2019-09-11", "2019-12-04"], 1):
            meeting = builders.meeting(f"hwb-{day}", minutes=number)
            meeting.date = meeting.date.fromisoformat(day)
            opened.save_meeting(meeting)
    return root


def snapshot(root: Path, *, skip: tuple[str, ...] = (".clerk.lock",)) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes)."""
    found: dict[str, bytes] = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            relative = str(path.relative_to(root))
            if relative not in skip:
                found[relative] = path.read_bytes()
    return found


def index_entries(root: Path) -> dict[str, dict[str, object]]:
    """What index.json holds, meeting id -> its summary fields, read straight from the file."""
    import json

    tables = json.loads((root / "index.json").read_bytes())
    found: dict[str, dict[str, object]] = {}
    for document in tables.get("summaries", {}).values():
        for row in document["rows"]:
            entry = dict(zip(document["fields"], row, strict=True))
            found[str(entry["id"])] = entry
    for entry in tables.get("meetings", {}).values():
        found[str(entry["id"])] = entry
    return found
