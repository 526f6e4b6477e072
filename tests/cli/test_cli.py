"""The ``clerk`` command, run as the clerk runs it: a real process, a real store folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def clerk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_init_demo_then_list_prints_one_tab_separated_line_per_meeting(tmp_path: Path) -> None:
    store = tmp_path / "store"
    created = clerk("--store", str(store), "init", "--demo")
    assert created.returncode == 0, created.stderr
    listed = clerk("--store", str(store), "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert rows == [
        ["hwb-2019-06-12", "Health and Wellbeing Board", "2019-06-12", "approved"],
        ["hwb-2019-09-11", "Health and Wellbeing Board", "2019-09-11", "held"],
        ["hwb-2019-12-04", "Health and Wellbeing Board", "2019-12-04", "draft-agenda"],
    ]


def test_the_store_can_come_from_the_environment(tmp_path: Path) -> None:
    store = tmp_path / "from-env"
    assert clerk("init", "--demo", env={"CLERK_STORE": str(store)}).returncode == 0
    assert (store / "registry.json").exists()
    assert len(clerk("list", env={"CLERK_STORE": str(store)}).stdout.splitlines()) == 3


def test_the_demo_goes_only_into_an_empty_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "init", "--demo")
    again = clerk("--store", str(store), "init", "--demo")
    assert again.returncode == 1
    assert again.stderr.startswith("clerk: ") and "already holds data" in again.stderr
    assert len(clerk("--store", str(store), "list").stdout.splitlines()) == 3


def test_a_corrupt_store_is_one_clear_line_and_no_traceback(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "init", "--demo")
    registry = store / "registry.json"
    registry.write_text('{"committees": {', encoding="utf-8")
    result = clerk("--store", str(store), "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "registry.json" in result.stderr
    assert registry.read_text(encoding="utf-8") == '{"committees": {'


@pytest.mark.parametrize("args", [["list", "--bogus"], ["export"], ["nonsense"]])
def test_bad_usage_is_reported_without_a_traceback(tmp_path: Path, args: list[str]) -> None:
    result = clerk("--store", str(tmp_path / "s"), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "usage: clerk" in result.stderr


def test_listing_an_empty_store_prints_nothing(tmp_path: Path) -> None:
    result = clerk("--store", str(tmp_path / "empty"), "list")
    assert result.returncode == 0
    assert result.stdout == ""
