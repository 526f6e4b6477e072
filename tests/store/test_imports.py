"""Importing the store loads no UI library and touches no file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CODE = """
import os, sys
before = set(os.listdir("."))
import store, store.repository, store.locations, store.backups, store.migrations, store.lock
import store.storage, store.files, store.layout, store.errors
assert set(os.listdir(".")) == before
print(",".join(m for m in ("textual", "rich") if m in sys.modules))
"""


def test_store_imports_no_ui_and_does_no_io(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"CLERK_STORE": str(tmp_path / "never"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert list(tmp_path.iterdir()) == []
