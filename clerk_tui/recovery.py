"""The recovery file: records clerk could not save, kept for the next start to offer back.

When the clerk quits (or clerk stops on an error) with changes the store has not taken
(a full disk, a read-only folder, a file changed by another program), the unsaved
records are written as plain documents to one file, atomically and private (0600): in a
``recovery`` folder inside the store if the store's disk takes it, else in the user's
state folder. The next start of the same store finds the file and offers to put the
records back into the store, or to keep the file aside.

Pure I/O and documents: no Textual here, so the CLI could offer the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_tui.domain import DomainError
from clerk_tui.domain.codec import from_document
from store.files import atomic_write, fsync_directory, make_private_dir
from store.layout import RECOVERY_DIR

FORMAT = "clerk-recovery"
VERSION = 1
FOLDER = RECOVERY_DIR
"""The folder, inside the store (and inside the user's state folder), holding recovery files."""
PREFIX = "recovery-"
KEPT_PREFIX = "kept-"
"""A file the clerk chose to keep aside: never offered again, never deleted."""
if TYPE_CHECKING:  # each start looks for a recovery file: one is seldom there to read
    from clerk_tui.domain import Committee, Meeting, Person


class RecoveryError(Exception):
    """No folder would take the recovery file, or a file cannot be read; the text says why."""


@dataclass(frozen=True)
class RecoveredRecord:
    kind: str
    """"meeting", "committee" or "person"."""
    ident: str
    what: str
    """How the clerk knows the record ("meeting hwb-2019-09-11", a committee's name)."""
    document: dict[str, Any]
    reason: str = ""
    """Why it was not saved."""

    def value(self) -> Meeting | Committee | Person:
        """The record as a domain object; DomainError if the document does not fit."""
        from clerk_tui.domain import Committee, Meeting, Person

        kinds: dict[str, type[Meeting | Committee | Person]] = {
            "meeting": Meeting,
            "committee": Committee,
            "person": Person,
        }
        if self.kind not in kinds:
            raise DomainError(f"unknown kind of record {self.kind!r}")
        return from_document(self.document, kinds[self.kind], self.kind)


@dataclass(frozen=True)
class RecoveryFile:
    path: Path
    written: datetime
    records: tuple[RecoveredRecord, ...]


def default_folders(store_root: Path) -> list[Path]:
    """Where a recovery file may go, in order: beside the store's data, then the user's
    state folder (another disk, often, when the store's disk is full or read-only)."""
    import platformdirs

    return [store_root / FOLDER, platformdirs.user_state_path("clerk", appauthor=False) / FOLDER]


def _store_tag(store_root: Path) -> str:
    """A short name for the store in file names: one state folder serves every store."""
    return hashlib.sha256(str(store_root).encode("utf-8", "surrogateescape")).hexdigest()[:10]


def write_recovery(
    store_root: Path, records: Sequence[RecoveredRecord], now: datetime, folders: Sequence[Path]
) -> Path:
    """Write the records to a new recovery file in the first folder that takes it."""
    payload = json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "store": str(store_root),
            "written": now.isoformat(timespec="seconds"),
            "records": [
                {
                    "kind": r.kind,
                    "id": r.ident,
                    "what": r.what,
                    "reason": r.reason,
                    "document": r.document,
                }
                for r in records
            ],
        },
        ensure_ascii=True,  # a lone surrogate typed into a box cannot stop the file being written
        indent=2,
    ).encode("ascii")
    return _write_new(f"{PREFIX}{_store_tag(store_root)}-{now:%Y%m%d-%H%M%S-%f}", payload, folders)


def keep_copy(path: Path, now: datetime, folders: Sequence[Path]) -> Path:
    """Copy a store file another program changed, before clerk writes over it: the other
    version is kept (never offered back, never deleted)."""
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise RecoveryError(f"{path} could not be read to keep a copy: {error.strerror or error}.") from None
    return _write_new(f"changed-on-disk-{now:%Y%m%d-%H%M%S}-{path.stem}", payload, folders)


def _write_new(stem: str, payload: bytes, folders: Sequence[Path]) -> Path:
    """Write a new file (never over another) in the first folder that takes it, 0600."""
    problems: list[str] = []
    for folder in folders:
        try:
            make_private_dir(folder)
            target = folder / f"{stem}.json"
            number = 1
            while target.exists():
                number += 1
                target = folder / f"{stem}-{number}.json"
            atomic_write(target, payload)
        except OSError as error:
            problems.append(f"{folder}: {error.strerror or error}")
            continue
        return target
    raise RecoveryError("The file could not be written anywhere (" + "; ".join(problems) + ").")


def find_recovery(store_root: Path, folders: Sequence[Path]) -> tuple[list[RecoveryFile], list[str]]:
    """The recovery files left for this store, oldest first, and a line for each file that
    could not be read (it is left where it is)."""
    found: list[RecoveryFile] = []
    problems: list[str] = []
    tag = _store_tag(store_root)
    for folder in folders:
        try:
            paths = sorted(folder.glob(f"{PREFIX}{tag}-*.json"))
        except OSError:
            continue
        for path in paths:
            try:
                recovery = read_recovery(path)
            except RecoveryError as error:
                problems.append(str(error))
                continue
            found.append(recovery)
    found.sort(key=lambda recovery: (recovery.written, len(recovery.path.name), recovery.path.name))
    return found, problems


def read_recovery(path: Path) -> RecoveryFile:
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("it is not a clerk recovery file")
        records = tuple(
            RecoveredRecord(
                str(entry["kind"]),
                str(entry["id"]),
                str(entry.get("what", entry["id"])),
                dict(entry["document"]),
                str(entry.get("reason", "")),
            )
            for entry in data["records"]
        )
        written = datetime.fromisoformat(str(data["written"]))
    except OSError as error:
        raise RecoveryError(f"The recovery file {path} cannot be read: {error.strerror or error}.") from None
    except (ValueError, KeyError, TypeError) as error:
        raise RecoveryError(
            f"The recovery file {path} cannot be read ({error}); it is left as it is."
        ) from None
    return RecoveryFile(path, written, records)


def set_aside(recovery: RecoveryFile) -> Path:
    """Rename the file so that it is kept but not offered again; returns the new path."""
    target = recovery.path.with_name(KEPT_PREFIX + recovery.path.name)
    os.replace(recovery.path, target)
    fsync_directory(target.parent)
    return target


def remove(recovery: RecoveryFile) -> None:
    """The records are back in the store: the file has done its work."""
    recovery.path.unlink(missing_ok=True)
    fsync_directory(recovery.path.parent)
