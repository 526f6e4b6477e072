"""Many files changed in one step: an import is all there or not there at all.

Everything is first written under ``staging/<id>/`` (meetings in ``meetings/``, the new
``registry.json``), each file complete and synced. Writing ``COMMIT`` in that folder is
the one step that decides: before it, a crash leaves the store exactly as it was (the
next open deletes the staging folder); after it, the files are renamed into place one
by one, and a crash midway is finished by the next writable open, which renames
whatever is left. Renames within one filesystem are atomic, so every file of the store
is always either its old version or its new one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from store.files import OS_FILES, Files, atomic_write, make_durable, make_private_dir, write_new
from store.layout import FILE_SUFFIX, MEETINGS_DIR, REGISTRY_NAME, STAGING_DIR, Layout, is_meeting_id

COMMIT_NAME = "COMMIT"


class Transaction:
    """Stage files with :meth:`add_meeting` / :meth:`set_registry`, then :meth:`commit`."""

    def __init__(self, layout: Layout, files: Files = OS_FILES) -> None:
        self.layout = layout
        self.files = files
        self.folder = layout.root / STAGING_DIR / os.urandom(6).hex()
        self._written: list[Path] = []
        make_private_dir(self.folder / MEETINGS_DIR, files)

    def add_meeting(self, meeting_id: str, payload: bytes) -> None:
        target = self.folder / MEETINGS_DIR / f"{meeting_id}{FILE_SUFFIX}"
        self._written.append(write_new(target, payload, self.files))

    def set_registry(self, payload: bytes) -> None:
        self._written.append(write_new(self.folder / REGISTRY_NAME, payload, self.files))

    def commit(self) -> list[str]:
        """Make the staged files durable, write COMMIT, then put every file in place.

        Raises OSError: before COMMIT the store is unchanged (call :meth:`abandon`);
        after it, the next writable open finishes the job.
        """
        make_durable(self._written, self.files)
        self.files.fsync_directory(self.folder / MEETINGS_DIR)
        atomic_write(self.folder / COMMIT_NAME, b"commit\n", files=self.files)
        return apply(self.folder, self.layout, self.files)

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self.files.rmtree(self.folder)
        _remove_if_empty(self.layout.root / STAGING_DIR)


def apply(folder: Path, layout: Layout, files: Files) -> list[str]:
    """Rename a committed transaction's files into place; the meeting ids it touched."""
    moved: list[str] = []
    staged = folder / MEETINGS_DIR
    with contextlib.suppress(FileNotFoundError):
        for name in sorted(os.listdir(staged)):
            stem = name[: -len(FILE_SUFFIX)]
            if name.endswith(FILE_SUFFIX) and is_meeting_id(stem):
                make_private_dir(layout.meetings, files)
                files.replace(staged / name, layout.meetings / name)
                moved.append(stem)
    if moved:
        files.fsync_directory(layout.meetings)
    if (folder / REGISTRY_NAME).exists():
        files.replace(folder / REGISTRY_NAME, layout.registry)
    files.fsync_directory(layout.root)
    files.rmtree(folder)
    _remove_if_empty(layout.root / STAGING_DIR)
    return moved


def interrupted(layout: Layout) -> list[Path]:
    """Staging folders left by a crash, committed or not."""
    try:
        return sorted(Path(entry.path) for entry in os.scandir(layout.root / STAGING_DIR) if entry.is_dir())
    except FileNotFoundError:
        return []


def is_committed(folder: Path) -> bool:
    return (folder / COMMIT_NAME).is_file()


def recover(layout: Layout, files: Files = OS_FILES) -> list[str]:
    """Finish every committed transaction, drop every other one; the meeting ids put in place."""
    moved: list[str] = []
    for folder in interrupted(layout):
        if is_committed(folder):
            moved += apply(folder, layout, files)
        else:
            files.rmtree(folder)
    _remove_if_empty(layout.root / STAGING_DIR)
    return moved


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
