"""Running the real ``clerk`` command, and files to feed it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11


def clerk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def bundle(*, meetings: int = 2) -> dict[str, Any]:
    """An interchange document (as `clerk export meeting` writes it) of the HWB 2019 fixtures."""
    from clerk_tui.domain.codec import to_document

    chosen = [hwb_2019_06_12.meeting(), hwb_2019_09_11.meeting()][:meetings]
    return {
        "format": "clerk-meetings",
        "version": 1,
        "committees": [to_document(hwb_2019.committee())],
        "people": [to_document(person) for person in hwb_2019.people()],
        "meetings": [to_document(meeting) for meeting in chosen],
    }


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def files_of(root: Path) -> dict[str, bytes]:
    """The store's records (registry, index, meetings), byte for byte."""
    found = {}
    for path in sorted(root.rglob("*.json")):
        relative = path.relative_to(root)
        if relative.parts[0] in ("backups", "deleted") or relative.name in ("owner.json", "closed.json"):
            continue
        found[str(relative)] = path.read_bytes()
    return found
