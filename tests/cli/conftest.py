"""Every CLI test logs into its own folder, never the machine's real log."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "log" / "clerk.log"
    monkeypatch.setenv("CLERK_LOG", str(path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "crash: kills real processes midway (part of the normal suite)")
