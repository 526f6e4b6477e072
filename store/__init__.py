"""The clerk's store: committees, people and meetings in a folder of JSON files.

``Store`` is the only thing the app and the CLI use; every failure is a
``StoreError`` whose text can be shown to the clerk as it is. Importing this
package does no I/O and loads neither Textual nor Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.errors import (
    AccessError,
    BackupError,
    ChangedOnDiskError,
    CorruptFileError,
    ImportFailedError,
    InvalidDocumentError,
    InvalidIdError,
    NotAStoreError,
    NotFoundError,
    ReadOnlyError,
    SchemaTooNewError,
    StoreClosedError,
    StoreError,
    StoreLockedError,
    UpgradeNeededError,
    WriteError,
)
from store.migrations import SCHEMA_VERSION
from store.repository import ImportConflictError, ImportRefusedError, Store

if TYPE_CHECKING:
    from store.outcomes import Damage, ImportReport, Restored

_OUTCOMES = frozenset({"Damage", "ImportReport", "Restored"})


def __getattr__(name: str) -> Any:
    """What the rarer operations return, loaded when first asked for (PEP 562)."""
    if name in _OUTCOMES:
        from store import outcomes

        return getattr(outcomes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "AccessError",
    "BackupError",
    "ChangedOnDiskError",
    "CorruptFileError",
    "Damage",
    "ImportConflictError",
    "ImportRefusedError",
    "ImportFailedError",
    "ImportReport",
    "InvalidDocumentError",
    "InvalidIdError",
    "NotAStoreError",
    "NotFoundError",
    "ReadOnlyError",
    "Restored",
    "SchemaTooNewError",
    "Store",
    "StoreClosedError",
    "StoreError",
    "StoreLockedError",
    "UpgradeNeededError",
    "WriteError",
]
