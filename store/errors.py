"""What can go wrong with a store, each said in one line a clerk can act on.

Every error the store raises is a :class:`StoreError`, so a screen or the CLI can
catch one class and show ``str(error)``. The attributes carry the details (path,
line, field, process) for a screen that wants to lay them out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class StoreError(Exception):
    """Base class: ``str(error)`` is a complete sentence for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CorruptFileError(StoreError):
    """A file of the store cannot be read as JSON (or not as a TinyDB file).

    The file is never treated as empty and never overwritten; it stays byte for
    byte as it was, for the clerk to fix by hand or replace from ``backups/``.
    """

    def __init__(self, path: Path, line: int | None, column: int | None, detail: str, hint: str = "") -> None:
        self.path = path
        self.line = line
        self.column = column
        self.detail = detail
        where = f" at line {line}, column {column}" if line is not None else ""
        advice = hint or (
            "fix it by hand, or find its last good copy with `clerk check` "
            "and put it back with `clerk restore`."
        )
        super().__init__(
            f"The file {path} is damaged{where}: {detail}. It has been left exactly as it was; " + advice
        )


class InvalidDocumentError(StoreError):
    """A file is valid JSON but a record in it does not fit the model (a hand edit, usually)."""

    def __init__(self, path: Path, what: str, field: str, detail: str, hint: str = "") -> None:
        self.path = path
        self.what = what
        self.field = field
        self.detail = detail
        at = f" (field {field})" if field else ""
        super().__init__(
            f"The file {path} holds {what} that clerk cannot read{at}: {detail}. "
            + (hint or "The file has not been changed.")
        )


class StoreLockedError(StoreError):
    """Another clerk (another process, or another window of this one) has the store open."""

    def __init__(
        self,
        root: Path,
        pid: int | None = None,
        host: str | None = None,
        since: datetime | None = None,
        *,
        same_process: bool = False,
    ) -> None:
        self.root = root
        self.pid = pid
        self.host = host
        self.since = since
        if same_process:
            who = "this clerk already has it open"
            super().__init__(f"The store {root} is already open here ({who}). Use that window.")
            return
        details = []
        if pid is not None:
            details.append(f"process {pid}" + (f" on {host}" if host else ""))
        if since is not None:
            details.append(f"since {_when(since)}")
        who = f" ({', '.join(details)})" if details else ""
        super().__init__(f"The store {root} is in use by another clerk{who}. Close it there first.")


def _when(moment: datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    if local.date() == datetime.now(local.tzinfo).date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %Y %H:%M").lstrip("0")


class SchemaTooNewError(StoreError):
    """The store (or one file of it) was written by a newer clerk: nothing is written to it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path} was made by a newer clerk (schema {found}; this clerk reads up to "
            f"{supported}). Update clerk to open it; nothing has been changed."
        )


class UpgradeNeededError(StoreError):
    """A read-only open of a store whose files are older than this clerk's schema."""

    def __init__(self, path: Path, found: int, current: int) -> None:
        self.path = path
        self.found = found
        self.current = current
        super().__init__(
            f"The store {path} was made by an older clerk (schema {found}; this clerk uses "
            f"{current}) and must be upgraded before it is read: open it once in clerk, or run "
            "`clerk init` on it, which upgrades it after taking a backup."
        )


class NotFoundError(StoreError, LookupError):
    """No record with that id (``"No meeting 'hwb-2019-06-12' in /path"``)."""

    def __init__(self, kind: str, ident: str, root: Path) -> None:
        self.kind = kind
        self.ident = ident
        self.root = root
        super().__init__(f"No {kind} {ident!r} in {root}")


class NotAStoreError(StoreError):
    """The folder is missing, or holds something other than a clerk store."""

    def __init__(self, root: Path, reason: str) -> None:
        self.root = root
        self.reason = reason
        super().__init__(f"{root} is not a clerk store: {reason}.")


class ReadOnlyError(StoreError):
    """A write on a store opened read-only: ``reason`` says why, if it was meant for writing
    (its folder cannot be written, the disk is full)."""

    def __init__(self, path: Path, reason: str = "") -> None:
        self.path = path
        self.reason = reason
        if reason:
            super().__init__(
                f"The store {path} is open read-only because {reason}, so nothing can be changed "
                "or saved. Fix that, then open it again."
            )
            return
        super().__init__(f"The store {path} is open read-only, so this change was not saved.")


class InvalidIdError(StoreError, ValueError):
    """An id that cannot name a file (meeting ids become file names)."""

    def __init__(self, kind: str, ident: str) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(
            f"{ident!r} cannot be a {kind} id: use lower-case letters, digits and hyphens, "
            "starting with a letter or digit (at most 120 characters)."
        )


class WriteError(StoreError):
    """Saving failed (disk full, permission, I/O error, or a value JSON cannot hold).

    The file on disk is as it was before the save; the caller still has its
    changes in memory and may try again.
    """

    def __init__(self, path: Path, detail: str, errno: int | None = None) -> None:
        self.path = path
        self.detail = detail
        self.errno = errno
        super().__init__(
            f"Could not save {path}: {detail}. The file on disk is as it was before; "
            "your changes are still open, so save again once this is fixed."
        )


class BackupError(WriteError):
    """A backup could not be taken (nothing half-made is left, and the store is unchanged)."""

    def __init__(self, path: Path, detail: str, errno: int | None = None) -> None:
        super().__init__(path, detail, errno)
        self.message = (
            f"Could not take a backup in {path}: {detail}. The store itself is unchanged and the "
            "earlier backups are as they were."
        )


class ImportFailedError(WriteError):
    """An import could not be written: before its commit, nothing of it is in the store."""

    def __init__(self, path: Path, detail: str, errno: int | None = None, *, committed: bool = False) -> None:
        super().__init__(path, detail, errno)
        self.committed = committed
        if committed:
            self.message = (
                f"The import into {path} was committed but could not be finished ({detail}); "
                "it is finished the next time the store is opened for writing."
            )
        else:
            self.message = f"Nothing was imported into {path}: {detail}. The store is as it was."


class AccessError(StoreError):
    """The operating system refused or failed a read (permissions, I/O error, not a folder)."""

    def __init__(self, path: Path, action: str, error: OSError) -> None:
        self.path = path
        self.errno = error.errno
        detail = error.strerror or str(error)
        name = str(error.filename or "")
        temporary = Path(name).name.startswith(".") and name.endswith(
            ".tmp"
        )  # ours: means nothing to the clerk
        where = f" ({name})" if name and name != str(path) and not temporary else ""
        super().__init__(f"Could not {action} {path}{where}: {detail}.")


class ChangedOnDiskError(StoreError):
    """A file was changed by something else (an editor, a sync tool) since clerk read it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} was changed outside clerk since it was read, so clerk did not overwrite it. "
            "Your changes are still open: close and reopen the store to see the file's new "
            "content, or save your work under another name."
        )


class StoreClosedError(StoreError):
    def __init__(self, root: Path) -> None:
        self.root = root
        super().__init__(f"The store {root} has been closed.")
