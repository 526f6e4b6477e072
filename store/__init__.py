"""The clerk's store: committees, people and meetings in a folder of JSON files.

``Store`` is the only thing the app and the CLI use; every failure is a
``StoreError`` whose text can be shown to the clerk as it is. Importing this
package does no I/O and loads neither Textual nor Rich.
"""

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
from store.repository import Damage, ImportConflictError, ImportRefusedError, ImportReport, Restored, Store

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
