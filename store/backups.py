"""Rotating snapshots of a store, nearly free thanks to hard links.

Every write in the store goes through ``os.replace``, which puts a *new* inode at
the path. A hard link taken earlier therefore keeps the old content for as long
as the backup exists, at the cost of one directory entry per file. Where linking
fails (another filesystem, FAT, a quota), the file is copied instead.

A backup is assembled in ``backups/.partial-<name>/`` and renamed into place when
complete, so a crash never leaves a half backup that looks whole. Names are UTC
times (``YYYYMMDD-HHMMSS-ffffff``), so they sort in the order they were taken.
Backups taken before a migration carry a label (``...-before-schema-2``) and are
kept out of the rotation.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.files import FILE_MODE, fsync_directory, is_temp_name, make_private_dir
from store.layout import FILE_SUFFIX, MEETINGS_DIR, Layout, is_meeting_id

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
PARTIAL_PREFIX = ".partial-"
_PLAIN = re.compile(r"\d{8}-\d{6}-\d{6}")
_LABELLED = re.compile(r"\d{8}-\d{6}-\d{6}(?:-[a-z0-9-]+)?")


def _sources(layout: Layout) -> list[tuple[Path, Path]]:
    """(file in the store, path inside a backup) for every file worth keeping."""
    found = [(path, Path(path.name)) for path in (layout.registry, layout.index) if path.is_file()]
    try:
        entries = sorted(os.scandir(layout.meetings), key=lambda entry: entry.name)
    except FileNotFoundError:
        entries = []
    for entry in entries:
        stem = entry.name[: -len(FILE_SUFFIX)]
        if (
            entry.name.endswith(FILE_SUFFIX)
            and not is_temp_name(entry.name)
            and is_meeting_id(stem)
            and entry.is_file(follow_symlinks=False)
        ):
            found.append((Path(entry.path), Path(MEETINGS_DIR) / entry.name))
    return found


def list_backups(backups_dir: Path, *, labelled: bool = True) -> list[Path]:
    """Complete backups, oldest first (only the unlabelled ones if ``labelled`` is False)."""
    pattern = _LABELLED if labelled else _PLAIN
    try:
        names = [entry.name for entry in os.scandir(backups_dir) if entry.is_dir()]
    except FileNotFoundError:
        return []
    return [backups_dir / name for name in sorted(names) if pattern.fullmatch(name)]


def _inodes(files: list[tuple[Path, Path]]) -> dict[Path, tuple[int, int]]:
    result: dict[Path, tuple[int, int]] = {}
    for source, relative in files:
        with contextlib.suppress(FileNotFoundError):
            status = os.stat(source)
            result[relative] = (status.st_dev, status.st_ino)
    return result


def _snapshot_inodes(backup: Path) -> dict[Path, tuple[int, int]]:
    result: dict[Path, tuple[int, int]] = {}
    for path in [backup / "registry.json", backup / "index.json"]:
        with contextlib.suppress(FileNotFoundError):
            status = os.stat(path)
            result[path.relative_to(backup)] = (status.st_dev, status.st_ino)
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(backup / MEETINGS_DIR):
            status = entry.stat(follow_symlinks=False)
            result[Path(MEETINGS_DIR) / entry.name] = (status.st_dev, status.st_ino)
    return result


def take_backup(
    layout: Layout,
    *,
    label: str = "",
    now: datetime | None = None,
    skip_if_unchanged: bool = False,
) -> Path | None:
    """Snapshot registry.json, index.json and meetings/*.json; returns the backup folder.

    Returns None when there is nothing to back up (a new store), or when
    ``skip_if_unchanged`` and the newest backup already holds these very files.
    """
    files = _sources(layout)
    if not files:
        return None
    if skip_if_unchanged:
        existing = list_backups(layout.backups)
        if existing and _snapshot_inodes(existing[-1]) == _inodes(files):
            return None
    make_private_dir(layout.backups)
    _remove_partials(layout.backups)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    suffix = f"-{label}" if label else ""
    while True:
        name = moment.strftime(STAMP_FORMAT) + suffix
        final = layout.backups / name
        if not final.exists():
            break
        moment += timedelta(microseconds=1)
    partial = layout.backups / f"{PARTIAL_PREFIX}{name}"
    make_private_dir(partial)
    make_private_dir(partial / MEETINGS_DIR)
    for source, relative in files:
        _link_or_copy(source, partial / relative)
    fsync_directory(partial / MEETINGS_DIR)
    fsync_directory(partial)
    os.rename(partial, final)
    fsync_directory(layout.backups)
    return final


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:
        return  # deleted between listing and linking: nothing to keep
    except OSError:
        try:
            shutil.copyfile(source, target)
        except FileNotFoundError:
            return
        os.chmod(target, FILE_MODE)


def _remove_partials(backups_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(backups_dir):
            if entry.name.startswith(PARTIAL_PREFIX) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


def rotate_backups(backups_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` unlabelled backups; returns what was deleted."""
    if keep < 0:
        raise ValueError("keep must be 0 or more")
    plain = list_backups(backups_dir, labelled=False)
    doomed = plain[: max(0, len(plain) - keep)]
    for backup in doomed:
        shutil.rmtree(backup, ignore_errors=True)
    if doomed:
        fsync_directory(backups_dir)
    return doomed
