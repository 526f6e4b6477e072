"""`clerk export` on the demo store, in every format and option."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "store"
    assert clerk("--store", str(path), "init", "--demo").returncode == 0
    return path


@pytest.mark.parametrize("paper", ["minutes", "agenda"])
@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--width", "0"],
        ["--width", "60"],
        ["--paginate"],
        ["--public"],
        ["--format", "markdown"],
        ["--format", "markdown", "--public"],
        ["--paginate", "--width", "70", "--public"],
    ],
)
def test_every_paper_prints_in_every_format(demo: Path, paper: str, options: list[str]) -> None:
    result = clerk("--store", str(demo), "export", paper, "hwb-2019-09-11", *options)
    assert result.returncode == 0, result.stderr
    assert "HEALTH AND WELLBEING BOARD" in result.stdout
    assert "Traceback" not in result.stderr


def test_minutes_go_to_a_file_with_warnings_on_stderr(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "minutes.txt"
    result = clerk("--store", str(demo), "export", "minutes", "hwb-2019-09-11", "-o", str(target))
    assert result.returncode == 0
    assert result.stdout == ""
    assert "NO MINUTES RECORDED YET" in target.read_text(encoding="utf-8")
    assert "clerk: warning: No minutes have been recorded" in result.stderr


def test_the_meeting_exports_as_json(demo: Path) -> None:
    result = clerk("--store", str(demo), "export", "meeting", "hwb-2019-06-12", "--format", "json")
    assert result.returncode == 0
    assert '"format": "clerk-meetings"' in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "minutes", "no-such-meeting"], "no-such-meeting"),
        (["export", "minutes", "hwb-2019-06-12", "--width", "0", "--paginate"], "--paginate needs a width"),
        (["export", "minutes", "hwb-2019-06-12", "--format", "json"], "export the meeting for JSON"),
        (["export", "minutes", "hwb-2019-06-12", "-o", "/no/such/folder/x.txt"], "cannot write"),
        (["import", "/no/such/file.json"], "cannot be read"),
    ],
)
def test_export_and_import_errors_are_one_clear_line(demo: Path, args: list[str], message: str) -> None:
    result = clerk("--store", str(demo), *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_export_in_a_longer_process_leaves_the_collector_as_it_found_it(demo: Path) -> None:
    """The export pauses the cycle collector while it runs, and asks that the walks at exit be
    skipped; a process that goes on afterwards (the app, a test) still has its collector."""
    code = (
        "import atexit, contextlib, gc, io\n"
        "from clerk_tui import cli\n"
        "calls = []  # atexit runs the last registered first: this runs after the export's own\n"
        "atexit.register(lambda: calls.append((gc.isenabled(), gc.get_freeze_count() > 0)))\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert cli.main(['--store', {str(demo)!r}, 'export', 'minutes', 'hwb-2019-09-11']) == 0\n"
        "    assert cli.main(['--store', "
        f"{str(demo)!r}, 'export', 'agenda', 'hwb-2019-12-04']) == 0\n"
        "assert 'HEALTH AND WELLBEING BOARD' in out.getvalue()\n"
        "assert gc.isenabled() and gc.get_freeze_count() == 0\n"
        "atexit._run_exitfuncs()\n"
        "assert calls == [(False, True)], calls\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
