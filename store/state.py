"""How the last writer left the store, so that opening it need not look at every file.

A clean close writes ``closed.json``: the stamps (inode, size, mtime) of ``index.json``
and of the ``meetings/`` folder at that moment, when the index agreed with every
meeting file. The next open compares them with two ``stat`` calls: if they match, and
the last writer did close (no ``owner.json`` left behind), no meeting file was written,
added, removed or replaced since, and the index can be trusted as it is. Otherwise
(a crash, a failed index write, a file dropped in or taken out by hand, an older clerk)
the open checks every file, as it always did. An in-place edit of a meeting file by
another program does not change the folder: it is found when the meeting is read, by
the next backup, or by ``clerk check``.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from store.files import OS_FILES, Files, atomic_write
from store.layout import CLOSED_NAME, Layout


def _stamp(path: Path) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_ino, status.st_size, status.st_mtime_ns]


def _now_state(layout: Layout) -> dict[str, list[int] | None]:
    return {"index": _stamp(layout.index), "meetings": _stamp(layout.meetings)}


def write_closed(layout: Layout, files: Files = OS_FILES) -> None:
    path = layout.root / CLOSED_NAME
    payload = json.dumps(_now_state(layout)).encode()
    with contextlib.suppress(OSError):
        if path.read_bytes() == payload:
            return  # a session that changed nothing leaves the file as it was
    atomic_write(path, payload, files=files)


def forget_closed(layout: Layout, files: Files = OS_FILES) -> None:
    with contextlib.suppress(FileNotFoundError):
        files.unlink(layout.root / CLOSED_NAME)


def left_clean(layout: Layout) -> bool:
    """The index and the meetings folder are as the last clean close left them."""
    try:
        document = json.loads((layout.root / CLOSED_NAME).read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(document, dict):
        return False
    state = _now_state(layout)
    return None not in state.values() and all(document.get(key) == value for key, value in state.items())
