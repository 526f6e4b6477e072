"""Crash-safe file primitives: atomic replace, directory fsync, private modes.

The recipe (fsync(2), Python ``os.replace``; reliability anchors section 2): a temp
file in the same directory -> write -> fsync -> ``os.replace`` -> fsync of the
directory. A crash at any point leaves either the old file or the new one, never a
mix, plus at worst a stray ``.NAME.*.tmp`` that :func:`remove_stale_temp_files` clears.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from clerk_tui.domain.patterns import compiled_on_first_use

try:  # pragma: no cover - platform dependent
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows
    _fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
T = TypeVar("T")


# ``.<name>.json.<random>.tmp``: what :func:`write_and_replace` leaves if killed mid-write.
_temp_name = compiled_on_first_use(r"^\.[a-z0-9][a-z0-9.-]*\.json\.[A-Za-z0-9_]{6,}\.tmp$")


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of a file: a new inode, size or mtime means someone wrote it."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, result: os.stat_result) -> FileStamp:
        return cls(result.st_dev, result.st_ino, result.st_size, result.st_mtime_ns)


def stamp_of(path: Path) -> FileStamp | None:
    try:
        return FileStamp.of(os.stat(path))
    except FileNotFoundError:
        return None


def full_fsync(fd: int) -> None:
    """fsync, or F_FULLFSYNC where plain fsync does not reach the platter (macOS)."""
    full = getattr(_fcntl, "F_FULLFSYNC", None) if _fcntl is not None else None
    if full is not None:  # pragma: no cover - macOS only
        try:
            _fcntl.fcntl(fd, full)
            return
        except OSError:
            pass
    os.fsync(fd)


class Files:
    """Every call by which the store changes the disk, in one place.

    The store, its storage and its backups write only through a ``Files``; the default
    one calls the operating system. A test passes a subclass whose :meth:`call` fails
    the Nth write, fsync, rename or link with ENOSPC, EIO or EACCES, so every step of
    every save, import and backup can be made to fail without patching ``os``.
    """

    def call(self, step: str, action: Callable[..., T], *args: Any) -> T:
        """Run one step (``"write"``, ``"fsync"``, ``"replace"``...): the hook for faults."""
        return action(*args)

    def create_temp(self, directory: Path, name: str) -> tuple[int, Path]:
        fd, temp = self.call("create", _mkstemp, directory, name)
        return fd, Path(temp)

    def write(self, fd: int, data: memoryview) -> int:
        return self.call("write", os.write, fd, data)

    def fsync(self, fd: int) -> None:
        self.call("fsync", full_fsync, fd)

    def replace(self, source: Path, target: Path) -> None:
        self.call("replace", os.replace, source, target)

    def rename(self, source: Path, target: Path) -> None:
        self.call("rename", os.rename, source, target)

    def link(self, source: Path, target: Path) -> None:
        self.call("link", os.link, source, target)

    def unlink(self, path: Path) -> None:
        self.call("unlink", os.unlink, path)

    def mkdir(self, path: Path, mode: int) -> None:
        self.call("mkdir", os.mkdir, path, mode)

    def rmtree(self, path: Path) -> None:
        import shutil

        self.call("rmtree", shutil.rmtree, path)

    def fsync_directory(self, directory: Path) -> None:
        """Make a rename or unlink in ``directory`` durable (no-op if folders cannot open)."""
        flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
        try:
            fd = os.open(directory, flags)
        except (PermissionError, IsADirectoryError):  # pragma: no cover - Windows
            return
        try:
            self.call("fsync", os.fsync, fd)
        finally:
            os.close(fd)


def _mkstemp(directory: Path, name: str) -> tuple[int, str]:
    import tempfile  # here: commands that only read never write a file

    return tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory)


OS_FILES = Files()
"""The real disk."""


def fsync_directory(directory: Path, files: Files = OS_FILES) -> None:
    files.fsync_directory(directory)


def write_and_replace(
    path: Path, payload: bytes, *, mode: int = FILE_MODE, files: Files = OS_FILES
) -> FileStamp:
    """Put ``payload`` at ``path`` atomically; returns the stamp of the new file.

    On any error the temp file is removed and ``path`` is untouched. The caller
    fsyncs the directory afterwards (see :func:`atomic_write`).
    """
    temp = write_temp(path.parent, path.name, payload, mode=mode, files=files)
    try:
        stamp = FileStamp.of(os.stat(temp))
        files.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return stamp


def write_temp(
    directory: Path, name: str, payload: bytes, *, mode: int = FILE_MODE, files: Files = OS_FILES
) -> Path:
    """``payload`` in a new temp file of ``directory`` (``.NAME.<random>.tmp``), written and
    fsynced: complete on disk, for the caller to rename into place."""
    fd, temp = files.create_temp(directory, name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            # os.write on the raw descriptor: there is no user-space buffer to flush.
            view = memoryview(payload)
            while view:
                written = files.write(fd, view)
                view = view[written:]
            files.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def atomic_write(path: Path, payload: bytes, *, mode: int = FILE_MODE, files: Files = OS_FILES) -> FileStamp:
    """The one way clerk writes a file: temp file, fsync, replace, fsync of the folder.

    A crash at any point leaves the old file or the new one, never a mix. Used by the
    store, by ``clerk export -o`` and by the app's export dialog.
    """
    stamp = write_and_replace(path, payload, mode=mode, files=files)
    files.fsync_directory(path.parent)
    return stamp


SYNC_EACH_UP_TO = 64
"""Files fsynced one by one up to this many; for more, one sync() of everything is cheaper."""


def write_new(target: Path, payload: bytes, files: Files = OS_FILES) -> Path:
    """A new private file at ``target`` (which must not exist), not yet synced: a batch of
    them is made durable at once by :func:`make_durable` before anything points at them."""
    fd = files.call("create", os.open, target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        view = memoryview(payload)
        while view:
            view = view[files.write(fd, view) :]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    os.close(fd)
    return target


def make_durable(paths: list[Path], files: Files = OS_FILES) -> None:
    if len(paths) > SYNC_EACH_UP_TO:
        files.call("fsync", os.sync)
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            files.fsync(fd)
        finally:
            os.close(fd)


def make_private_dir(path: Path, files: Files = OS_FILES) -> bool:
    """Create ``path`` (and missing parents) with mode 0700 whatever the umask; True if created."""
    if path.is_dir():
        return False
    parent = path.parent
    if parent != path and not parent.exists():
        make_private_dir(parent, files)
    try:
        files.mkdir(path, DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
        return False
    os.chmod(path, DIR_MODE)
    files.fsync_directory(parent)
    return True


def is_temp_name(name: str) -> bool:
    return bool(_temp_name().match(name))


def remove_stale_temp_files(directory: Path, files: Files = OS_FILES) -> list[Path]:
    """Delete temp files a killed writer left behind (only safe while holding the store lock)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and is_temp_name(entry.name):
            with contextlib.suppress(FileNotFoundError):
                files.unlink(Path(entry.path))
                removed.append(Path(entry.path))
    return removed
