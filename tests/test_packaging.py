"""The distribution is clerk-tui ("clerk" is taken on the package index); the command is clerk."""

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import clerk_tui

ROOT = Path(__file__).parent.parent
DISTRIBUTION = "clerk-tui"


def test_clerk_version_prints_the_installed_distributions_version() -> None:
    installed = importlib.metadata.version(DISTRIBUTION)
    result = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"clerk {installed}"
    assert installed == clerk_tui.__version__


def test_the_command_is_still_clerk() -> None:
    scripts = importlib.metadata.distribution(DISTRIBUTION).entry_points.select(group="console_scripts")
    assert {script.name: script.value for script in scripts} == {"clerk": "clerk_tui.cli:main"}


def test_the_distribution_carries_the_mit_licence() -> None:
    distribution = importlib.metadata.distribution(DISTRIBUTION)
    assert distribution.metadata["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert any(Path(str(file)).name == "LICENSE" for file in distribution.files or [])


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            found[name] = version
    return found


def test_the_snapshots_libraries_are_pinned_and_installed_at_their_pins() -> None:
    pinned = pins()
    assert {"textual", "rich", "pytest-textual-snapshot"} <= pinned.keys()
    for name, version in pinned.items():
        assert importlib.metadata.version(name) == version, (
            f"{name} {importlib.metadata.version(name)} is installed, constraints.txt pins {version}: "
            "install with `pip install -c constraints.txt ...`"
        )
