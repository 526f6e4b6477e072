"""Backups that always hold a good copy of every record.

A backup is a folder ``backups/<stamp>[-label]/`` holding ``registry.json``,
``index.json``, ``meetings/*.json`` and a ``manifest.json`` that says, for each file,
which version of the store's file it copies. Three rules:

* **Private copies.** A file in a backup never shares its inode with the store's
  file: a hard link would be damaged with it by anything that writes the store's file
  in place (a truncation, an editor, a sync tool). A file that has not changed since
  the previous backup is hard-linked *from that backup*, so a backup of an unchanged
  store of 5,000 meetings costs links, not copies. Only changed files are read.
* **Good copies only.** A changed file is read and checked before it is copied. One
  that fails (damaged, unreadable) is not copied: the backup keeps the last good copy
  of that record instead, marked *pinned* in the manifest, and every later backup
  carries it forward until the record reads again, so rotation never deletes it.
* **Complete or absent.** A backup is built in ``.partial-<name>/`` and renamed into
  place once its manifest is written; rotation renames a backup to
  ``.deleting-<name>/`` before deleting it. Only folders with a manifest count
  (:func:`list_backups`); leftovers of a crash are cleared by the next backup.

Names are UTC times (``YYYYMMDD-HHMMSS-ffffff``), so they sort in the order they were
taken. Backups labelled ``before-schema-N`` (taken before a migration) are kept out
of the rotation. Backups made by older versions (hard links, no manifest) are still
searched for a good copy by :func:`find_good_copy`, but never linked from.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from store.files import (
    OS_FILES,
    Files,
    atomic_write,
    is_temp_name,
    make_durable,
    make_private_dir,
    write_new,
)
from store.layout import FILE_SUFFIX, INDEX_NAME, MEETINGS_DIR, REGISTRY_NAME, Layout, is_meeting_id

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
PARTIAL_PREFIX = ".partial-"
DELETING_PREFIX = ".deleting-"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
MIGRATION_LABEL = "before-schema-"
_NAME = re.compile(r"(\d{8}-\d{6}-\d{6})(?:-([a-z0-9-]+))?")

Stamp = tuple[int, int, int]
"""(inode, size, mtime_ns) of a store file: a new one means the file was written."""

Check = Callable[[str, bytes], str | None]
"""(path inside the store, its bytes) -> what is wrong with it, or None if it reads."""


class Cancelled(Exception):
    """The store is closing: the backup in progress was abandoned (its partial folder removed)."""


@dataclass(frozen=True)
class Entry:
    source: Stamp
    """The store file's stamp when this copy was made (or, if pinned, when it was found damaged)."""
    pinned: str = ""
    """Why the store's file was not copied (it failed to read): this is its last good copy."""


@dataclass
class BackupResult:
    path: Path
    copied: int = 0
    linked: int = 0
    damaged: dict[str, str] = field(default_factory=dict)
    """Store path -> what is wrong with it, for every file found damaged (pinned or not)."""
    no_good_copy: list[str] = field(default_factory=list)
    """Damaged files of which no backup holds a good copy."""


def stamp_of(status: os.stat_result) -> Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def backup_time(backup: Path) -> datetime | None:
    match = _NAME.fullmatch(backup.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)


def list_backups(backups_dir: Path, *, labelled: bool = True) -> list[Path]:
    """Complete backups (those with a manifest), oldest first; ``labelled=False`` leaves
    out every labelled one."""
    found = []
    for path in _named(backups_dir):
        match = _NAME.fullmatch(path.name)
        assert match is not None
        if (labelled or not match.group(2)) and (path / MANIFEST).is_file():
            found.append(path)
    return found


def legacy_backups(backups_dir: Path) -> list[Path]:
    """Backups made by older versions of clerk (no manifest), oldest first."""
    return [path for path in _named(backups_dir) if not (path / MANIFEST).exists()]


def _named(backups_dir: Path) -> list[Path]:
    try:
        entries = list(os.scandir(backups_dir))
    except FileNotFoundError:
        return []
    names = [e.name for e in entries if _NAME.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    return [backups_dir / name for name in sorted(names)]


def read_manifest(backup: Path) -> dict[str, Entry]:
    """Store path (``meetings/x.json``) -> its entry; empty if the manifest cannot be read."""
    try:
        document = json.loads((backup / MANIFEST).read_bytes())
        return {
            name: Entry(_stamp_from(value["source"]), value.get("pinned", ""))
            for name, value in document["files"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _stamp_from(value: Any) -> Stamp:
    inode, size, mtime = value
    return (int(inode), int(size), int(mtime))


def _sources(layout: Layout) -> Iterator[tuple[str, Path]]:
    """(path inside the store, path on disk) of every regular file worth keeping."""
    for name in (REGISTRY_NAME, INDEX_NAME):
        yield name, layout.root / name
    try:
        entries = sorted(os.scandir(layout.meetings), key=lambda entry: entry.name)
    except FileNotFoundError:
        return
    for entry in entries:
        stem = entry.name[: -len(FILE_SUFFIX)]
        if entry.name.endswith(FILE_SUFFIX) and not is_temp_name(entry.name) and is_meeting_id(stem):
            yield f"{MEETINGS_DIR}/{entry.name}", Path(entry.path)


def take_backup(
    layout: Layout,
    check: Check,
    *,
    label: str = "",
    now: datetime | None = None,
    files: Files = OS_FILES,
    cancel: threading.Event | None = None,
) -> BackupResult | None:
    """Take one backup; None when the store has nothing to keep yet (a new store).

    Raises OSError (the partial folder removed) or :class:`Cancelled`.
    """
    make_private_dir(layout.backups, files)
    clear_leftovers(layout.backups, files)
    sources = source_stamps(layout)
    base = _newest_with_manifest(layout.backups)
    previous = read_manifest(base) if base is not None else {}
    final = _free_name(layout.backups, now, label)
    partial = layout.backups / f"{PARTIAL_PREFIX}{final.name}"
    result = BackupResult(final)
    try:
        make_private_dir(partial, files)
        make_private_dir(partial / MEETINGS_DIR, files)
        entries: dict[str, Entry] = {}
        copies: list[Path] = []
        for relative, source in _sources(layout):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            entry = _keep(
                relative, source, partial, base, previous.get(relative), check, files, result, copies
            )
            if entry is not None:
                entries[relative] = entry
        if not entries:
            _remove(partial, files)
            return None
        make_durable(copies, files)
        manifest = {
            "format": MANIFEST_FORMAT,
            "taken": final.name,
            "sources": sources,
            "files": {
                name: {"source": list(entry.source), **({"pinned": entry.pinned} if entry.pinned else {})}
                for name, entry in entries.items()
            },
        }
        for folder in (partial / MEETINGS_DIR, partial):
            files.fsync_directory(folder)
        atomic_write(partial / MANIFEST, json.dumps(manifest, separators=(",", ":")).encode(), files=files)
        files.rename(partial, final)
    except BaseException:
        with contextlib.suppress(OSError):
            _remove(partial, files)
        raise
    try:
        files.fsync_directory(layout.backups)
    except OSError:  # in place but perhaps not durable: take it away rather than trust it
        with contextlib.suppress(OSError):
            files.rename(final, layout.backups / f"{DELETING_PREFIX}{final.name}")
            clear_leftovers(layout.backups, files)
        raise
    return result


def _keep(
    relative: str,
    source: Path,
    partial: Path,
    base: Path | None,
    before: Entry | None,
    check: Check,
    files: Files,
    result: BackupResult,
    copies: list[Path],
) -> Entry | None:
    """Put one store file in the backup being built: linked from the previous backup if
    unchanged, copied if changed and good, the previous good copy if changed and bad."""
    try:
        status = os.lstat(source)
    except FileNotFoundError:
        return None
    now_stamp = stamp_of(status)
    target = partial / relative
    if before is not None and base is not None and before.source == now_stamp:
        with contextlib.suppress(FileNotFoundError):  # that copy went missing: take a new one
            _link_or_copy(base / relative, target, files, copies)  # unchanged: the same copy
            result.linked += 1
            if before.pinned:
                result.damaged[relative] = before.pinned
            return before
    problem: str | None
    if not stat.S_ISREG(status.st_mode):
        problem = "it is a folder or a symbolic link, not a file"
        payload = b""
    else:
        try:
            payload = _read(source)
            problem = check(relative, payload)
        except FileNotFoundError:
            return None
        except OSError as error:
            problem = f"it cannot be read ({error.strerror or error})"
            payload = b""
    if problem is None:
        copies.append(write_new(target, payload, files))
        result.copied += 1
        return Entry(now_stamp)
    result.damaged[relative] = problem
    if before is not None and base is not None:
        with contextlib.suppress(FileNotFoundError):
            _link_or_copy(base / relative, target, files, copies)  # the last good copy, pinned
            result.linked += 1
            return Entry(now_stamp, problem)
    result.no_good_copy.append(relative)
    return None


def _link_or_copy(source: Path, target: Path, files: Files, copies: list[Path]) -> None:
    """Link one backup's copy into another; copy it where links cannot be made (FAT, a quota)."""
    try:
        files.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        copies.append(write_new(target, _read(source), files))


def _read(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _newest_with_manifest(backups_dir: Path) -> Path | None:
    complete = list_backups(backups_dir)
    return complete[-1] if complete else None


def _free_name(backups_dir: Path, now: datetime | None, label: str) -> Path:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    newest = list_backups(backups_dir)
    if newest:  # names must sort in the order taken, even if the clock went back
        last = backup_time(newest[-1])
        if last is not None and moment <= last:
            moment = last + timedelta(microseconds=1)
    suffix = f"-{label}" if label else ""
    while True:
        final = backups_dir / (moment.strftime(STAMP_FORMAT) + suffix)
        taken = [final, backups_dir / f"{PARTIAL_PREFIX}{final.name}"]
        if not any(os.path.lexists(path) for path in taken):
            return final
        moment += timedelta(microseconds=1)


def _remove(path: Path, files: Files) -> None:
    if os.path.lexists(path):
        files.rmtree(path)


def clear_leftovers(backups_dir: Path, files: Files = OS_FILES) -> None:
    """Remove what a crash left: half-built backups, half-deleted ones."""
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(backups_dir):
            leftover = entry.name.startswith((PARTIAL_PREFIX, DELETING_PREFIX))
            if leftover and entry.is_dir(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    files.rmtree(Path(entry.path))


def rotate_backups(backups_dir: Path, keep: int, files: Files = OS_FILES) -> list[Path]:
    """Delete all but the newest ``keep`` backups (migration backups are never rotated);
    returns what was deleted. Each is renamed away first, so it is never half there."""
    if keep < 0:
        raise ValueError("keep must be 0 or more")
    rotating = [
        path for path in [*legacy_backups(backups_dir), *list_backups(backups_dir)] if not _is_migration(path)
    ]
    rotating.sort(key=lambda path: path.name)
    doomed = rotating[: max(0, len(rotating) - keep)]
    for backup in doomed:
        files.rename(backup, backups_dir / f"{DELETING_PREFIX}{backup.name}")
    if doomed:
        files.fsync_directory(backups_dir)
        clear_leftovers(backups_dir, files)
    return doomed


def _is_migration(backup: Path) -> bool:
    match = _NAME.fullmatch(backup.name)
    return match is not None and (match.group(2) or "").startswith(MIGRATION_LABEL)


@dataclass(frozen=True)
class GoodCopy:
    backup: Path
    path: Path
    payload: bytes


def find_good_copy(
    backups_dir: Path, relative: str, check: Check, *, backup: Path | None = None
) -> GoodCopy | None:
    """The newest copy of ``relative`` (``meetings/x.json``) that reads, or the one in
    ``backup`` if it is given (None if that copy is missing or damaged too)."""
    if backup is not None:
        candidates = [backup]
    else:
        candidates = [*reversed(list_backups(backups_dir)), *reversed(legacy_backups(backups_dir))]
    for candidate in candidates:
        path = candidate / relative
        try:
            payload = _read(path)
        except OSError:
            continue
        if check(relative, payload) is None:
            return GoodCopy(candidate, path, payload)
    return None


def unchanged_since(backup: Path, layout: Layout) -> bool:
    """The registry, the index and the meetings folder are as they were when ``backup``
    was taken (no file was written, added or removed since: an in-place edit aside)."""
    try:
        document = json.loads((backup / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and document.get("sources") == source_stamps(layout)


def changed_since(backup: Path, layout: Layout) -> list[tuple[str, Path]]:
    """Store files whose stamp is not the one ``backup`` copied (or pinned)."""
    entries = read_manifest(backup)
    changed = []
    for relative, path in _sources(layout):
        try:
            now = stamp_of(os.lstat(path))
        except FileNotFoundError:
            continue
        entry = entries.get(relative)
        if entry is None or entry.source != now:
            changed.append((relative, path))
    return changed


def pinned_in(backup: Path) -> dict[str, str]:
    """Store path -> why it was pinned, for every record whose good copy this backup keeps."""
    return {name: entry.pinned for name, entry in read_manifest(backup).items() if entry.pinned}


def describe(backup: Path) -> str:
    when = backup_time(backup)
    return f"{backup.name} (taken {when.astimezone():%d %b %Y %H:%M})" if when else backup.name


def source_stamps(layout: Layout) -> dict[str, Any]:
    """What says whether the store changed since a backup without opening every file."""
    found: dict[str, Any] = {}
    for name, path in (("registry", layout.registry), ("index", layout.index), ("meetings", layout.meetings)):
        with contextlib.suppress(OSError):
            found[name] = list(stamp_of(os.stat(path)))
    return found


__all__ = [
    "BackupResult",
    "Cancelled",
    "GoodCopy",
    "clear_leftovers",
    "find_good_copy",
    "legacy_backups",
    "list_backups",
    "rotate_backups",
    "take_backup",
]
