"""For every test: a home of its own, and no animations.

No test may write to the real home (the CLI's crash log goes to ``$XDG_STATE_HOME``, the
default store to ``$XDG_DATA_HOME``, exports to ``~/Documents``), so each test gets empty
user folders, and a default store, in a temporary folder of its own. Subprocesses inherit
them. Animations are off so that what a test sees does not depend on when it looks, and
Hypothesis has no deadline: speed is measured in benchmarks/, never asserted in a test, and
a busy machine (CI runs the suite on every core) would otherwise fail an example for being
slow."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import textual.constants
from hypothesis import settings
from textual.css.stylesheet import Stylesheet

settings.register_profile("clerk", deadline=None)
settings.load_profile("clerk")


@pytest.fixture(autouse=True)
def _own_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A folder beside tmp_path, not inside it: tests that list tmp_path see only their own files.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in [
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
    ]:
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("CLERK_STORE", str(home / "clerk-store"))
    return home


@pytest.fixture(autouse=True)
def _no_animation(monkeypatch: pytest.MonkeyPatch) -> None:
    # Textual reads TEXTUAL_ANIMATIONS once, when it is imported (before any conftest), and
    # each App copies it when it is made: set both, the variable for subprocesses.
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the slow journeys first, so that the workers finish together instead of one
    worker ending the run alone on a journey it picked up last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: half as many workers again as there are usable cores (1 on one core, 3
    on two; --maxprocesses caps it). A Pilot test spends about a third of its time waiting
    (Pilot.press sleeps until the app is idle, saves wait for the disk), so one worker per
    core leaves the cores idle that long."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # the user's own number, read by pytest-xdist
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + cores // 2


_parsed: dict[tuple[Any, ...], Any] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> Any:
    """Textual parses every DEFAULT_CSS and .tcss again for each App, and a test makes an
    App each time: parse each once per worker (same text, place, scope and variables, so
    the same rules; Textual's own per-stylesheet cache is keyed the same way)."""
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
    rules = _parsed.get(key)
    if rules is None:
        rules = _parsed[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return rules


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]
