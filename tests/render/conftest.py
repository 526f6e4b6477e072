"""Minute-book page counts are cached outside the store: each test keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.minute_book import CACHE_VARIABLE


@pytest.fixture(autouse=True)
def page_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "page-cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder
