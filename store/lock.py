"""One writer per store: an OS lock held for the Store's lifetime, and who holds it.

``filelock.FileLock`` is an ``flock(2)`` on Unix, so the kernel drops it when the
holder dies (even by kill -9): there is no stale lock to clear. ``owner.json``
records the holder's pid, host and start time so that a second clerk can say who
has the store open; after a crash it is simply overwritten by the next holder.

Within one process filelock is re-entrant, so a second ``Store.open`` of the same
folder in the same process is refused here with a registry of held roots.

If ``.clerk.lock`` is deleted while a clerk holds it, a second clerk would lock a new
file and think itself alone. So ``owner.json`` also records the lock file's inode: a
newcomer that finds an owner of another inode whose process is still alive on this
machine is refused as if the lock were held (where the inode is the same, getting the
lock proves the old holder is gone, whatever its pid now names).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.errors import StoreLockedError
from store.files import FILE_MODE, OS_FILES, Files, atomic_write
from store.layout import LOCK_NAME, OWNER_NAME

if TYPE_CHECKING:
    import filelock


_held_roots: set[str] = set()
_held_guard = threading.Lock()


@dataclass(frozen=True)
class Owner:
    pid: int
    host: str
    started: datetime | None
    lock_inode: int | None = None

    def to_document(self) -> dict[str, Any]:
        return {
            "pid": self.pid,
            "host": self.host,
            "started": self.started.isoformat(timespec="seconds") if self.started else None,
            "lock_inode": self.lock_inode,
        }


def _host() -> str:
    import socket  # here: commands that only read never lock

    return socket.gethostname()


def current_owner(lock_inode: int | None = None) -> Owner:
    return Owner(os.getpid(), _host(), datetime.now().astimezone(), lock_inode)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def read_owner(root: Path) -> Owner | None:
    """Who wrote ``owner.json`` last, or None if it is missing or unreadable."""
    try:
        document = json.loads((root / OWNER_NAME).read_bytes())
        pid = int(document["pid"])
        host = str(document.get("host") or "")
        started_text = document.get("started")
        started = datetime.fromisoformat(started_text) if started_text else None
        inode = document.get("lock_inode")
        lock_inode = int(inode) if isinstance(inode, int) else None
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return Owner(pid, host, started, lock_inode)


class StoreLock:
    """``acquire()`` or raise :class:`StoreLockedError`; ``release()`` when the store closes."""

    def __init__(self, root: Path, files: Files = OS_FILES) -> None:
        self.root = root
        self.files = files
        self.lock_path = root / LOCK_NAME
        self.owner_path = root / OWNER_NAME
        self._key = os.path.realpath(root)
        self._lock: filelock.BaseFileLock | None = None
        self.owner: Owner | None = None
        self.previous: Owner | None = None
        """The holder before us, if it never closed the store (it crashed or was killed)."""

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> Owner:
        with _held_guard:
            if self._key in _held_roots:
                me = current_owner()
                raise StoreLockedError(self.root, me.pid, me.host, same_process=True)
            _held_roots.add(self._key)
        import filelock  # here, not at the top: commands that only read never lock

        try:
            lock = filelock.FileLock(str(self.lock_path), timeout=0, mode=FILE_MODE, thread_local=False)
            try:
                lock.acquire()
            except filelock.Timeout:
                other = read_owner(self.root)
                if other is None:
                    raise StoreLockedError(self.root) from None
                raise StoreLockedError(self.root, other.pid, other.host, other.started) from None
            try:
                # A clean close removes owner.json: finding one means the last holder died,
                # or that the lock file was deleted under a holder that is still running.
                previous = read_owner(self.root)
                inode = os.stat(self.lock_path).st_ino
                if previous is not None and self._still_holding(previous, inode):
                    raise StoreLockedError(self.root, previous.pid, previous.host, previous.started)
                self.previous = previous
                os.chmod(self.lock_path, FILE_MODE)
                owner = current_owner(inode)
                payload = json.dumps(owner.to_document(), indent=2).encode("utf-8")
                atomic_write(self.owner_path, payload, files=self.files)
            except BaseException:
                lock.release()
                raise
        except BaseException:
            with _held_guard:
                _held_roots.discard(self._key)
            raise
        self._lock = lock
        self.owner = owner
        return owner

    @staticmethod
    def _still_holding(previous: Owner, inode: int) -> bool:
        """The previous owner locked another lock file (this one was deleted and made anew)
        and is still running here."""
        return (
            previous.lock_inode != inode
            and previous.host == _host()
            and previous.pid != os.getpid()
            and _alive(previous.pid)
        )

    def release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is None:
            return
        try:
            # A clean close leaves no owner behind (after a crash the next holder overwrites it).
            with contextlib.suppress(OSError):
                os.unlink(self.owner_path)
            lock.release(force=True)
        finally:
            with _held_guard:
                _held_roots.discard(self._key)
