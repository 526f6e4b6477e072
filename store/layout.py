"""Where each part of a store lives on disk, and which ids may name a file.

::

    <root>/
      registry.json        TinyDB: meta (schema_version), committees, people
      index.json           TinyDB: meetings (one MeetingSummary per meeting)
      meetings/<id>.json   TinyDB: meeting (one document), one file per meeting
      backups/<stamp>/     hard-linked snapshots of the three above
      deleted/             meeting files removed by delete_meeting or replaced by
                           clerk restore (never unlinked)
      staging/<id>/        an import being written (see store.staging)
      closed.json          how the last clean close left the store (see store.state)
      .clerk.lock          the OS lock; owner.json says who holds it
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from store.errors import InvalidIdError

LOCK_NAME = ".clerk.lock"
OWNER_NAME = "owner.json"
REGISTRY_NAME = "registry.json"
INDEX_NAME = "index.json"
MEETINGS_DIR = "meetings"
BACKUPS_DIR = "backups"
DELETED_DIR = "deleted"
RECOVERY_DIR = "recovery"
"""Unsaved changes the app wrote aside when a save could not complete (clerk_tui.recovery)."""
STAGING_DIR = "staging"
CLOSED_NAME = "closed.json"
FILE_SUFFIX = ".json"

MEETING_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")
"""Meeting ids become file names: no dots, slashes or upper case (no traversal, no case clashes)."""

KNOWN_NAMES = frozenset(
    {
        REGISTRY_NAME,
        INDEX_NAME,
        MEETINGS_DIR,
        BACKUPS_DIR,
        DELETED_DIR,
        RECOVERY_DIR,
        STAGING_DIR,
        CLOSED_NAME,
        LOCK_NAME,
        OWNER_NAME,
    }
)


def check_meeting_id(meeting_id: str) -> str:
    if not isinstance(meeting_id, str) or not MEETING_ID.fullmatch(meeting_id):
        raise InvalidIdError("meeting", str(meeting_id))
    return meeting_id


def is_meeting_id(meeting_id: str) -> bool:
    return isinstance(meeting_id, str) and MEETING_ID.fullmatch(meeting_id) is not None


@dataclass(frozen=True)
class Layout:
    """Where each file of a store lives under its folder."""

    root: Path

    @property
    def registry(self) -> Path:
        return self.root / REGISTRY_NAME

    @property
    def index(self) -> Path:
        return self.root / INDEX_NAME

    @property
    def meetings(self) -> Path:
        return self.root / MEETINGS_DIR

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_DIR

    @property
    def deleted(self) -> Path:
        return self.root / DELETED_DIR

    def meeting(self, meeting_id: str) -> Path:
        return self.meetings / f"{check_meeting_id(meeting_id)}{FILE_SUFFIX}"
