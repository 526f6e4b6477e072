"""Crash-safe file primitives: atomic replace, directory fsync, private modes.

The recipe (fsync(2), Python ``os.replace``; reliability anchors section 2): a temp
file in the same directory -> write -> fsync -> ``os.replace`` -> fsync of the
directory. A crash at any point leaves either the old file or the new one, never a
mix, plus at worst a stray ``.NAME.*.tmp`` that :func:`remove_stale_temp_files` clears.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

try:  # pragma: no cover - platform dependent
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows
    _fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.[a-z0-9][a-z0-9.-]*\.json\.[A-Za-z0-9_]{6,}\.tmp$")
"""``.<name>.json.<random>.tmp``: what :func:`write_and_replace` leaves if killed mid-write."""


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


def fsync_directory(directory: Path) -> None:
    """Make a rename or unlink in ``directory`` durable (no-op if folders cannot open)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except (PermissionError, IsADirectoryError):  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_and_replace(path: Path, payload: bytes, *, mode: int = FILE_MODE) -> FileStamp:
    """Put ``payload`` at ``path`` atomically; returns the stamp of the new file.

    On any error the temp file is removed and ``path`` is untouched. The caller
    fsyncs the directory afterwards (see :func:`atomic_write`).
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    temp = Path(temp_name)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            # os.write on the raw descriptor: there is no user-space buffer to flush.
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            full_fsync(fd)
            stamp = FileStamp.of(os.fstat(fd))
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return stamp


def atomic_write(path: Path, payload: bytes, *, mode: int = FILE_MODE) -> FileStamp:
    stamp = write_and_replace(path, payload, mode=mode)
    fsync_directory(path.parent)
    return stamp


def make_private_dir(path: Path) -> bool:
    """Create ``path`` (and missing parents) with mode 0700 whatever the umask; True if created."""
    if path.is_dir():
        return False
    parent = path.parent
    if parent != path and not parent.exists():
        make_private_dir(parent)
    try:
        os.mkdir(path, DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
        return False
    os.chmod(path, DIR_MODE)
    fsync_directory(parent)
    return True


def is_temp_name(name: str) -> bool:
    return bool(_TEMP_NAME.match(name))


def remove_stale_temp_files(directory: Path) -> list[Path]:
    """Delete temp files a killed writer left behind (only safe while holding the store lock)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and is_temp_name(entry.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
