"""What the store's rarer operations hand back: a check's damaged records, a restore, an
import's report, and what a clerk who never closed the store left behind.

Apart from ``store.repository`` so that an open to read (``clerk export``, ``clerk list``)
does not make their classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store.layout import FILE_SUFFIX, MEETINGS_DIR

if TYPE_CHECKING:
    from store.backups import GoodCopy
    from store.errors import StoreError


@dataclass(frozen=True)
class UncleanShutdown:
    pid: int
    started: datetime | None
    last_meeting: str | None
    last_saved: datetime | None


@dataclass(frozen=True)
class Damage:
    """A record that fails to read, and where its last good copy is."""

    path: Path
    problem: StoreError
    good_copy: GoodCopy | None

    @property
    def meeting_id(self) -> str | None:
        if self.path.parent.name == MEETINGS_DIR and self.path.name.endswith(FILE_SUFFIX):
            return self.path.name[: -len(FILE_SUFFIX)]
        return None


@dataclass(frozen=True)
class Restored:
    meeting_id: str
    backup: Path
    kept_aside: Path | None
    """Where the damaged file went (never deleted), if there was one."""


@dataclass
class ImportReport:
    """What an import did, record by record: "added", "replaced" or "unchanged"."""

    actions: list[tuple[str, str, str]] = field(default_factory=list)
    """(action, kind, id): kind is "person", "committee" or "meeting"."""
    backup: Path | None = None
    """The backup taken before anything was replaced."""

    def ids(self, action: str, kind: str = "meeting") -> list[str]:
        return [ident for done, what, ident in self.actions if done == action and what == kind]
