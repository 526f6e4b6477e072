"""The store: the only thing the app and the CLI talk to.

Screens get domain objects (Committee, Person, Meeting, MeetingSummary) and hand
them back to save; they never see TinyDB documents. Each file of the store is a
``TinyDB(path, storage=AtomicJSONStorage)`` kept open for the Store's lifetime, so
saving one meeting costs the size of that meeting, not of the archive: it rewrites
``meetings/<id>.json``, and ``index.json`` only when the meeting's summary changed.

Opening does not grow with the archive: no backup is taken there, and the index is
trusted as the last clean close left it (two ``stat`` calls say so; see
``store.state``); only after a crash, or when files were dropped in or taken out by
hand, is every meeting file looked at. Backups are taken in a background thread (or
on demand) and always keep a good copy of every record (``store.backups``); an
import is staged and committed in one step (``store.staging``).

Every public method runs under one re-entrant lock, so the app may save from a
worker thread while the UI thread reads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from tinydb import TinyDB, where

# clerk_tui.domain.approval (a record's rules, with the dates and safe text it brings) is
# imported by the functions that refuse a change to a kept record: start-up needs none of it.
from clerk_tui.domain.codec import (
    field_checks,
    from_document,
    summaries_from_rows,
    summary_from_document,
    to_document,
)
from clerk_tui.domain.committee import Committee
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.numbering import first_minute_numbers
from clerk_tui.domain.people import Person
from clerk_tui.domain.summary import MeetingSummary, RecordState
from store import staging, state
from store.errors import (
    AccessError,
    BackupError,
    ChangedOnDiskError,
    CorruptFileError,
    ImportFailedError,
    InvalidDocumentError,
    NotAStoreError,
    NotFoundError,
    ReadOnlyError,
    StoreClosedError,
    StoreError,
    UpgradeNeededError,
    WriteError,
)
from store.files import (
    OS_FILES,
    Files,
    atomic_write,
    is_temp_name,
    make_private_dir,
    remove_stale_temp_files,
    stamp_of,
)
from store.layout import (
    FILE_SUFFIX,
    INDEX_NAME,
    KNOWN_NAMES,
    MEETINGS_DIR,
    OWNER_NAME,
    REGISTRY_NAME,
    Layout,
    check_meeting_id,
    is_meeting_id,
)
from store.migrations import (
    CURRENT_SCHEMA,
    VERSION_KEY,
    Migration,
    RegistryTables,
    Schema,
    migrate_meeting,
    migrate_registry,
    stored_version,
)
from store.storage import (
    AtomicJSONStorage,
    Fields,
    check_tables,
    encode_fields,
    parse,
    parse_value,
    read_file,
    record_bytes,
    serialise,
)

if TYPE_CHECKING:  # backups, the lock and what the rarer methods return are loaded by the methods
    # that use them: a read-only open (clerk list, clerk export) needs none of them; nor does
    # opening a store and listing its meetings need the meeting and its parts (the summaries)
    from clerk_tui.domain.meeting import Meeting
    from clerk_tui.domain.minutes import Minute
    from store.backups import BackupResult
    from store.lock import StoreLock
    from store.outcomes import Damage, ImportReport, Restored, UncleanShutdown

T = TypeVar("T")

DEFAULT_BACKUP_INTERVAL = timedelta(minutes=10)
"""A writable open backs the store up in the background when its newest backup is older
than this and something changed since: sessions minutes apart do not each copy the archive."""


class ImportRefusedError(StoreError):
    """An import would replace signed minutes or lose a circulated revision: refused even with
    ``replace``, and nothing was written."""

    def __init__(self, refusals: list[tuple[str, str]]) -> None:
        self.refusals = refusals
        reasons = "; ".join(reason for _, reason in refusals[:3])
        more = f" (and {len(refusals) - 3} more meetings)" if len(refusals) > 3 else ""
        super().__init__(
            f"Nothing was imported: {reasons}{more}, not even with --replace. Leave "
            f"{'that meeting' if len(refusals) == 1 else 'those meetings'} out of the import; "
            "the store's own copy is kept as it is."
        )


class ImportConflictError(StoreError):
    """Records of an import already in the store with other content: nothing was written."""

    def __init__(self, conflicts: list[tuple[str, str]]) -> None:
        self.conflicts = conflicts
        shown = ", ".join(f"{kind} {ident!r}" for kind, ident in conflicts[:5])
        more = f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
        super().__init__(
            f"Nothing was imported: the store already holds {shown}{more} with other content. "
            "Import with --replace to overwrite them (a backup is taken first)."
        )


META = "meta"
COMMITTEES = "committees"
PEOPLE = "people"
MEETINGS = "meetings"
"""index.json's table of one document per meeting, as versions before the compact index wrote it."""
SUMMARIES = "summaries"
"""index.json's table holding every summary in one document, a row each (``SUMMARY_FIELDS``):
no JSON object per meeting, so 5,000 of them read in a few milliseconds."""
SUMMARY_FIELDS = [
    "id",
    "committee_id",
    "date",
    "status",
    "minute_count",
    "first_minute_number",
    "record_state",
]
SUMMARY_FIELDS_BEFORE_RECORDS = SUMMARY_FIELDS[:-1]
"""The rows of an index written before summaries carried the minutes' record state: they
read, and the open then reads every meeting file once to learn each one's state."""
DAMAGED = "damaged"
"""index.json's second table: meeting files known to be damaged (id, stamp, problem), so
that every open says so without reading them, until they are repaired or restored."""
MEETING = "meeting"
READ_BACK_KEPT = 16
"""Meetings whose checked parts are remembered (``Store._check_reads_back``)."""

INDEX_HINT = "index.json only lists the meetings: move it aside and clerk rebuilds it from the meeting files."
_FIELD_PATH = r"@ ([^;]+?)(?:;|$)"
"""Where a decoding error says the bad field is (compiled on first use, by ``re``'s cache)."""
_CANNOT_WRITE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})


def _open_db(path: Path, read_only: bool | ReadOnlyError, files: Files = OS_FILES) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, read_only=read_only, files=files)


def _storage(db: TinyDB) -> AtomicJSONStorage:
    return cast(AtomicJSONStorage, db.storage)


def _replace_with(document: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], None]:
    """A TinyDB update that replaces a document whole (stock update merges keys)."""

    def apply(stored: Mapping[str, Any]) -> None:
        target = cast(dict[str, Any], stored)
        target.clear()
        target.update(document)

    return apply


def _field_path(error: DomainError) -> str:
    if error.field:
        return error.field
    return ", ".join(match.strip() for match in re.findall(_FIELD_PATH, error.message))


def _now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _stamp(path: Path) -> list[int] | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return [status.st_ino, status.st_size, status.st_mtime_ns]


def short_problem(error: StoreError) -> str:
    """What is wrong with a file, without the advice the full message gives."""
    if isinstance(error, CorruptFileError):
        where = f" at line {error.line}, column {error.column}" if error.line is not None else ""
        return f"the file is damaged{where}: {error.detail}."
    if isinstance(error, InvalidDocumentError):
        at = f" (field {error.field})" if error.field else ""
        return f"it holds {error.what} that clerk cannot read{at}: {error.detail}."
    return str(error)


def _cannot_write(error: BaseException) -> str | None:
    """Why a writable open failed, if it is because the store cannot be written."""
    code = getattr(error, "errno", None)
    if code not in _CANNOT_WRITE:
        return None
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if code == errno.EROFS:
        return "it is on a read-only disk"
    return "its folder cannot be written (permission denied)"


class Store:
    """A clerk's store: committees, people and meetings in one folder.

    Open with :meth:`Store.open`; use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        root: Path,
        *,
        read_only: bool,
        backups_to_keep: int,
        backup_interval: timedelta,
        schema: Schema,
        files: Files,
    ) -> None:
        self._layout = Layout(root)
        self._read_only: bool | ReadOnlyError = read_only
        self._backups_to_keep = backups_to_keep
        self._backup_interval = backup_interval
        self._schema = schema
        self._files = files
        self._guard = threading.RLock()
        self._lock: StoreLock | None = None
        if not read_only:
            from store.lock import StoreLock

            self._lock = StoreLock(root, files)
        self._registry: TinyDB | None = None
        self._index: TinyDB | None = None
        self._meeting_dbs: dict[str, TinyDB] = {}
        self._summaries: dict[str, MeetingSummary] = {}
        self._damaged: dict[str, dict[str, Any]] = {}
        """Meeting id -> {"stamp": [...], "problem": "..."}: the DAMAGED table of the index."""
        self._read_back: dict[str, frozenset[tuple[str, bytes]]] = {}
        """Meeting id -> each field (and list element) as encoded, that was checked to read
        back at the meeting's last save, for the meetings saved last (``READ_BACK_KEPT``)."""
        self._index_stale = False
        """An index write failed: index.json lags the summaries in memory until the next one."""
        self._index_lacks_record_states = False
        """The index was written before summaries held the record state: every meeting file
        is read once at the open, since the guard on signed minutes trusts the summaries."""
        self._closed = False
        self._created = False
        self._backup_thread: threading.Thread | None = None
        self._background_started = False
        self._found_in_background: list[tuple[str, str]] = []
        self._unsettled = False
        """An import failed after its commit: memory no longer follows the files."""
        self._cancel_backup = threading.Event()
        self.problems: list[StoreError] = []
        """Trouble that did not stop the store from opening (a damaged meeting file, a
        backup that could not be taken, read-only): for a banner in the app. The
        background backup may add to it later."""
        self.last_backup: Path | None = None
        """The newest backup this Store took, if any."""
        self.on_problem: Callable[[StoreError], None] | None = None
        """Called with each new problem (from the background thread too: the app should hand
        it to its UI thread), for trouble found after the open, such as a damaged meeting."""

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        root: Path | str,
        *,
        read_only: bool = False,
        fall_back_to_read_only: bool = False,
        backups_to_keep: int = 10,
        backup_interval: timedelta = DEFAULT_BACKUP_INTERVAL,
        auto_backup: bool = True,
        schema: Schema = CURRENT_SCHEMA,
        files: Files = OS_FILES,
    ) -> Store:
        """Open (creating it if need be, unless ``read_only``) the store at ``root``.

        A writable open takes the lock (StoreLockedError if another clerk has it),
        checks the schema (SchemaTooNewError; older stores are migrated after a
        backup), finishes or drops an import a crash cut short, and repairs the index
        after a crash. With ``auto_backup`` it then backs the store up in a background
        thread if one is due (see :meth:`take_backup`), else looks for damage in the files
        changed since the last one; without it, :meth:`start_background` does that later.
        A read-only open takes no lock and writes nothing.

        ``fall_back_to_read_only``: if the store exists but cannot be written (its
        folder is read-only, the disk is full), open it read-only instead; every write
        then raises ReadOnlyError saying why, and ``problems`` says so too.
        ``schema`` is for tests of migrations; ``files`` for tests of failing disks.
        """
        if backups_to_keep < 0:
            raise ValueError("backups_to_keep must be 0 or more")
        path = Path(root).expanduser().absolute()
        options = {
            "backups_to_keep": backups_to_keep,
            "backup_interval": backup_interval,
            "schema": schema,
            "files": files,
        }
        try:
            store = cls._open(path, read_only=read_only, **options)  # type: ignore[arg-type]
        except (AccessError, WriteError) as error:
            reason = _cannot_write(error)
            if (
                read_only
                or not fall_back_to_read_only
                or reason is None
                or not Layout(path).registry.exists()
            ):
                raise
            store = cls._open(path, read_only=True, **options)  # type: ignore[arg-type]
            store._read_only = ReadOnlyError(path, reason)
            store.problems.insert(0, store._read_only)
            return store
        if auto_backup:
            store.start_background()
        return store

    @classmethod
    def _open(
        cls,
        path: Path,
        *,
        read_only: bool,
        backups_to_keep: int,
        backup_interval: timedelta,
        schema: Schema,
        files: Files,
    ) -> Store:
        store = cls(
            path,
            read_only=read_only,
            backups_to_keep=backups_to_keep,
            backup_interval=backup_interval,
            schema=schema,
            files=files,
        )
        try:
            if read_only:
                store._open_read_only()
            else:
                store._open_writable()
        except OSError as error:
            store._shut()
            action = "open the store" if read_only else "open the store for writing"
            raise AccessError(store.root, action, error) from error
        except BaseException:
            store._shut()
            raise
        return store

    def _open_read_only(self) -> None:
        """A view that writes nothing. Where a writable open would create a new store (no
        folder yet, or an empty one) this is a view of an empty store, and nothing is created."""
        layout = self._layout
        if layout.root.exists():
            self._check_folder()
        self._registry = _open_db(layout.registry, True)
        if _storage(self._registry).exists:
            version = self._registry_version()
            if self._schema.steps_from(version, layout.registry):
                raise UpgradeNeededError(layout.root, version, self._schema.version)
        self._open_index()
        if any(staging.is_committed(folder) for folder in staging.interrupted(layout)):
            self._note(
                StoreError(
                    f"An import into {layout.root} was cut short after it was committed: some of "
                    "its meetings may not show yet. Opening the store for writing (clerk, or "
                    "clerk import) finishes it."
                )
            )
        writer_gone = not (layout.root / OWNER_NAME).exists()
        self._reconcile(
            everything=self._index_lacks_record_states,
            full=not (writer_gone and state.left_clean(layout)) or self._index_lacks_record_states,
        )

    def _open_writable(self) -> None:
        layout = self._layout
        make_private_dir(layout.root, self._files)
        assert self._lock is not None
        self._lock.acquire()
        self._check_folder()
        cut_short = bool(staging.interrupted(layout))
        left_clean = self._lock.previous is None and state.left_clean(layout) and not cut_short
        imported = staging.recover(layout, self._files)  # before anything is read
        remove_stale_temp_files(layout.root, self._files)
        if not left_clean:
            remove_stale_temp_files(layout.meetings, self._files)
        self._registry = self._db(layout.registry)
        is_new = not _storage(self._registry).exists
        steps: tuple[Migration, ...] = ()
        version = self._schema.version
        if not is_new:
            version = self._registry_version()
            steps = self._schema.steps_from(version, layout.registry)
        # A migration rebuilds the index (it is derived), so an old-format one may not fit.
        self._open_index(tolerant=bool(steps))
        # Everything above only read (or finished a committed import); from here on the store is written.
        if is_new:
            self._create()
            self._created = True
        elif steps:
            self._migrate(version, steps)
        everything = bool(steps) or self._index_lacks_record_states
        self._reconcile(
            everything=everything, full=not left_clean or bool(imported) or everything, also=imported
        )

    def _db(self, path: Path) -> TinyDB:
        return _open_db(path, self._read_only, self._files)

    def unclean_shutdown(self) -> UncleanShutdown | None:
        """The last clerk to open this store never closed it (a crash, a kill, a power cut):
        when it started, and which meeting it saved last and when, so the clerk can be told
        what is here."""
        previous = self._lock.previous if self._lock is not None else None
        if previous is None:
            return None
        from store.outcomes import UncleanShutdown  # here: a clean last close needs none of it

        newest: tuple[float, str] | None = None
        with contextlib.suppress(OSError):
            for path in self._layout.meetings.glob(f"*{FILE_SUFFIX}"):
                if is_meeting_id(path.name[: -len(FILE_SUFFIX)]):
                    stamp = path.stat().st_mtime
                    if newest is None or stamp > newest[0]:
                        newest = (stamp, path.name[: -len(FILE_SUFFIX)])
        if newest is None:
            return UncleanShutdown(previous.pid, previous.started, None, None)
        return UncleanShutdown(
            previous.pid, previous.started, newest[1], datetime.fromtimestamp(newest[0]).astimezone()
        )

    def _check_folder(self) -> None:
        """Refuse to turn a folder of other things into a store, or to guess a lost registry."""
        layout = self._layout
        if not layout.root.is_dir():
            raise NotAStoreError(layout.root, "it is a file, not a folder")
        if layout.registry.exists():
            return
        if self._scan_meetings()[0]:
            raise NotAStoreError(
                layout.root,
                "registry.json is missing but meeting files are there; restore registry.json "
                "from the backups folder",
            )
        foreign = sorted(
            name for name in os.listdir(layout.root) if name not in KNOWN_NAMES and not is_temp_name(name)
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise NotAStoreError(
                layout.root, f"it already holds other files ({shown}); choose an empty folder"
            )

    def _registry_version(self) -> int:
        path = self._layout.registry
        documents = self._registry_db().table(META).all()
        if len(documents) != 1 or VERSION_KEY not in documents[0]:
            raise InvalidDocumentError(
                path, "the store's settings", META, "expected one record holding schema_version"
            )
        try:
            return stored_version(documents[0], 0)
        except ValueError as error:
            raise InvalidDocumentError(path, "the store's settings", VERSION_KEY, str(error)) from None

    def _open_index(self, *, tolerant: bool = False) -> None:
        path = self._layout.index
        try:
            self._index = self._db(path)
        except CorruptFileError as error:
            raise CorruptFileError(path, error.line, error.column, error.detail, INDEX_HINT) from None
        tables = _storage(self._index).read() or {}
        try:
            self._summaries, complete = self._read_summaries(tables, path)
        except InvalidDocumentError:
            if not tolerant:
                raise
            self._summaries, complete = {}, False
        self._index_lacks_record_states = not complete
        if tables.get(MEETINGS):
            # Written by an older version, an object per meeting: rewritten as rows once (at
            # the next write or the close), since parsing thousands of objects is most of an open.
            self._index_stale = not self._read_only
        self._damaged = {}
        for document in tables.get(DAMAGED, {}).values():
            ident, problem = document.get("id"), document.get("problem")
            if is_meeting_id(ident) and isinstance(problem, str):
                self._damaged[ident] = {"id": ident, "stamp": document.get("stamp"), "problem": problem}

    @staticmethod
    def _read_summaries(tables: Mapping[str, Any], path: Path) -> tuple[dict[str, MeetingSummary], bool]:
        """The summaries an index holds: rows of its SUMMARIES document, or (an index written
        by an older version) one document each in its MEETINGS table; and whether they hold
        the record state (indexes written before it did read as drafts, and say False)."""
        found: list[tuple[str, MeetingSummary]] = []
        complete = True
        try:
            for key, document in tables.get(SUMMARIES, {}).items():
                spot = f"{SUMMARIES}[{key}].rows"
                fields, rows = document.get("fields"), document.get("rows")
                if fields == SUMMARY_FIELDS_BEFORE_RECORDS and isinstance(rows, list):
                    complete = False
                    rows = [[*row, "draft"] if isinstance(row, list) else row for row in rows]
                elif fields != SUMMARY_FIELDS or not isinstance(rows, list):
                    raise DomainError("not a table of summary rows", f"{SUMMARIES}[{key}]")
                found += [(spot, summary) for summary in summaries_from_rows(rows, spot)]
            for key, document in tables.get(MEETINGS, {}).items():
                complete = complete and isinstance(document, dict) and "record_state" in document
                found.append((f"{MEETINGS}[{key}]", summary_from_document(document, f"{MEETINGS}[{key}]")))
        except DomainError as error:
            raise InvalidDocumentError(
                path, "a meeting summary", _field_path(error), str(error), INDEX_HINT
            ) from None
        summaries = {summary.id: summary for _, summary in found}
        if len(summaries) != len(found) or not all(map(is_meeting_id, summaries)):
            for spot, summary in found:  # say which, as precisely as a hand edit needs
                problem = "is not a valid id" if not is_meeting_id(summary.id) else "is listed twice"
                if not is_meeting_id(summary.id) or summaries.pop(summary.id, None) is None:
                    raise InvalidDocumentError(
                        path, "a meeting summary", f"{spot}.id", f"{summary.id!r} {problem}", INDEX_HINT
                    )
        return summaries, complete

    def _create(self) -> None:
        make_private_dir(self._layout.meetings, self._files)
        self._write_index()
        # The registry goes last: its presence is what makes the folder a store.
        self._registry_db().table(META).insert({VERSION_KEY: self._schema.version})

    # ---------------------------------------------------------------- migration
    def _migrate(self, version: int, steps: tuple[Migration, ...]) -> None:
        """Upgrade file by file (each atomic, each stamped); the registry's stamp commits it."""
        from store import backups

        layout = self._layout
        backups.take_backup(
            layout, self._check_bytes, label=f"before-schema-{self._schema.version}", files=self._files
        )
        for meeting_id in self._scan_meetings()[0]:
            try:
                db = self._meeting_db(meeting_id, create=False, keep=False)
                doc_id, document = self._single_document(db, layout.meeting(meeting_id))
                own = stored_version(document, version)
            except ValueError as error:
                path = layout.meeting(meeting_id)
                self._note(InvalidDocumentError(path, "a meeting", VERSION_KEY, str(error)))
                continue
            except StoreError as error:
                self._note(error)  # left as it was; migrated in memory once it is fixed
                continue
            if own >= self._schema.version:
                continue  # done before a crash, or newer (refused when loaded)
            body = migrate_meeting(document, self._schema.steps_from(own, layout.meeting(meeting_id)))
            db.table(MEETING).update(
                _replace_with({VERSION_KEY: self._schema.version, **body}), doc_ids=[doc_id]
            )
        registry = self._registry_db()
        data = dict(_storage(registry).read() or {})
        tables: RegistryTables = {
            name: [dict(document) for document in registry.table(name).all()] for name in (COMMITTEES, PEOPLE)
        }
        tables = migrate_registry(tables, steps)
        for name, documents in tables.items():
            data[name] = {str(number): document for number, document in enumerate(documents, 1)}
        data[META] = {"1": {VERSION_KEY: self._schema.version}}
        _storage(registry).write(data)  # one atomic write: the commit point
        self._registry = self._db(layout.registry)

    # ----------------------------------------------------------- index repair
    def _scan_meetings(self) -> tuple[dict[str, int], list[str]]:
        """(meeting id -> mtime (ns) of every meeting file, names of meeting ids that are not
        regular files: a folder or a symbolic link where a meeting file should be)."""
        found: dict[str, int] = {}
        irregular: list[str] = []
        try:
            entries = list(os.scandir(self._layout.meetings))
        except FileNotFoundError:
            return found, irregular
        for entry in entries:
            stem = entry.name[: -len(FILE_SUFFIX)]
            if not (entry.name.endswith(FILE_SUFFIX) and is_meeting_id(stem)):
                continue
            if entry.is_file(follow_symlinks=False):
                found[stem] = entry.stat(follow_symlinks=False).st_mtime_ns
            else:
                irregular.append(stem)
        return dict(sorted(found.items())), sorted(irregular)

    def _reconcile(
        self, *, everything: bool = False, full: bool = True, also: list[str] | None = None
    ) -> None:
        """Bring the index in line with the meeting files after a crash or a hand edit.

        Saving a meeting writes its file, then the index: a crash in between leaves
        the file newer than the index. So every meeting file at least as new as
        index.json, or missing from it, is read and its summary checked; entries
        whose file is gone are dropped (a folder or link in a file's place is reported
        and keeps its entry). Cost: one ``stat`` per meeting file, and a read of those
        saved since the index was last written. Skipped (``full=False``) when the last
        clean close says nothing changed since (``store.state``); then only the meetings
        known to be damaged are looked at again. ``everything`` reads every file
        (after a migration); ``also`` names files to read whatever their time.
        """
        if not full:
            self._recheck_damaged()
            return
        index_stamp = _storage(self._index_db()).stamp
        index_time = index_stamp.mtime_ns if index_stamp is not None else -1
        files, irregular = self._scan_meetings()
        extra = set(also or ())
        suspects = [
            meeting_id
            for meeting_id, mtime in files.items()
            if everything or meeting_id not in self._summaries or mtime >= index_time or meeting_id in extra
        ]
        changed = False
        for meeting_id in irregular:
            path = self._layout.meeting(meeting_id)
            self._record_damage(
                meeting_id,
                CorruptFileError(path, None, None, "this is a folder or a symbolic link, not a file"),
                write=False,
            )
            changed = True
        for meeting_id in [mid for mid in self._summaries if mid not in files and mid not in irregular]:
            del self._summaries[meeting_id]
            self._damaged.pop(meeting_id, None)
            changed = True
        for meeting_id in list(self._damaged):
            if meeting_id not in files and meeting_id not in irregular:
                del self._damaged[meeting_id]
                changed = True
        for meeting_id in sorted(set(suspects) | (set(self._damaged) - set(irregular))):
            try:
                summary = MeetingSummary.of(self._load_meeting(meeting_id, keep=False))
            except StoreError as error:
                changed |= self._record_damage(meeting_id, error, write=False)
                continue
            if self._damaged.pop(meeting_id, None) is not None:
                changed = True
            if self._summaries.get(meeting_id) != summary:
                self._summaries[meeting_id] = summary
                changed = True
        if not self._read_only and (changed or suspects or index_stamp is None):
            self._try_write_index()

    def _recheck_damaged(self) -> None:
        """Meetings known to be damaged: still so (same file) is reported; changed, read again."""
        changed = False
        for meeting_id, known in list(self._damaged.items()):
            path = self._layout.meeting(meeting_id)
            now = _stamp(path)
            if now is None:
                del self._damaged[meeting_id]
                self._summaries.pop(meeting_id, None)
                changed = True
            elif now == known.get("stamp"):
                self._note(self._damage_problem(meeting_id, known["problem"]))
            else:
                try:
                    summary = MeetingSummary.of(self._load_meeting(meeting_id, keep=False))
                except StoreError as error:
                    changed |= self._record_damage(meeting_id, error, write=False)
                    continue
                del self._damaged[meeting_id]
                self._summaries[meeting_id] = summary
                changed = True
        if changed and not self._read_only:
            self._try_write_index()

    def _damage_problem(self, meeting_id: str, problem: str) -> StoreError:
        path = self._layout.meeting(meeting_id)
        return StoreError(
            f"Meeting {meeting_id} cannot be read ({path}): {problem} It is left as it was; "
            f"`clerk check` finds its last good copy in the backups and `clerk restore {meeting_id}` "
            "puts it back."
        )

    def _record_damage(self, meeting_id: str, error: StoreError, *, write: bool = True) -> bool:
        """Remember (in the index) that a meeting file fails to read; True if that is news."""
        problem = short_problem(error)
        self._note(self._damage_problem(meeting_id, problem))
        entry = {"id": meeting_id, "stamp": _stamp(self._layout.meeting(meeting_id)), "problem": problem}
        if self._damaged.get(meeting_id) == entry:
            return False
        self._damaged[meeting_id] = entry
        if write and not self._read_only:
            self._try_write_index()
        return True

    def _try_write_index(self) -> None:
        try:
            self._write_index()
        except WriteError as error:  # e.g. disk full: go on, the summaries are in memory
            self._index_stale = True
            self._note(error)

    def _note(self, problem: StoreError) -> None:
        if all(str(problem) != str(known) for known in self.problems):
            self.problems.append(problem)
            listener = self.on_problem
            if listener is not None:
                listener(problem)

    def _write_index(self) -> None:
        """Rewrite index.json whole, in one atomic write, from the summaries in memory."""
        ordered = sorted(self._summaries.values(), key=lambda s: (s.date, s.id))
        rows = [
            [
                s.id,
                s.committee_id,
                s.date.isoformat(),
                s.status.value,
                s.minute_count,
                s.first_minute_number,
                s.record_state.value,
            ]
            for s in ordered
        ]
        data: dict[str, Any] = {SUMMARIES: {"1": {"fields": SUMMARY_FIELDS, "rows": rows}}}
        if self._damaged:
            data[DAMAGED] = {str(number): entry for number, entry in enumerate(self._damaged.values(), 1)}
        _storage(self._index_db()).write(data)
        self._index = self._db(self._layout.index)  # fresh TinyDB: no stale table caches
        self._index_stale = False
        self._index_lacks_record_states = False

    # ------------------------------------------------------------------ basics
    @property
    def root(self) -> Path:
        return self._layout.root

    @property
    def read_only(self) -> bool:
        return bool(self._read_only)

    @property
    def read_only_reason(self) -> str | None:
        """Why a store meant for writing was opened read-only (None if it was not)."""
        return self._read_only.reason if isinstance(self._read_only, ReadOnlyError) else None

    @property
    def schema_version(self) -> int:
        return self._schema.version

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "writable"
        state = "closed" if self._closed else mode
        return f"<Store {self._layout.root} ({state})>"

    def close(self) -> None:
        """Release the lock. Every save has already reached the disk; nothing is flushed here.

        A backup still running is abandoned (the next open takes it again). A clean
        close records how it left the store, so that the next open can trust the index.
        """
        self._stop_backup()
        with self._guard:
            if self._closed:
                return
            self._closed = True
            try:
                if self._lock is not None and self._lock.held:
                    self._leave_clean()
            finally:
                self._shut()

    def _leave_clean(self) -> None:
        try:
            if self._unsettled:
                raise StoreError("an import was cut short: the next open checks every file")
            if self._index_stale:
                self._write_index()
            state.write_closed(self._layout, self._files)
        except (OSError, StoreError):
            with contextlib.suppress(OSError):
                state.forget_closed(self._layout, self._files)

    def _shut(self) -> None:
        for db in [self._registry, self._index, *self._meeting_dbs.values()]:
            if db is not None:
                db.close()
        self._meeting_dbs.clear()
        if self._lock is not None:
            self._lock.release()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        if self._found_in_background:
            self._merge_background_findings()
        with self._guard:
            if self._closed:
                raise StoreClosedError(self._layout.root)
            yield

    @contextmanager
    def _writing(self) -> Iterator[None]:
        # A backup running in the background finishes before the first change, so that it
        # holds the store as this session found it. (It never takes the guard: no deadlock.)
        self._wait_for_backup()
        with self._guard:
            if self._closed:
                raise StoreClosedError(self._layout.root)
            if isinstance(self._read_only, ReadOnlyError):
                raise self._read_only
            if self._read_only:
                raise ReadOnlyError(self._layout.root)
            yield

    def _registry_db(self) -> TinyDB:
        assert self._registry is not None
        return self._registry

    def _index_db(self) -> TinyDB:
        assert self._index is not None
        return self._index

    # ----------------------------------------------------------------- backups
    def take_backup(self, label: str = "") -> Path | None:
        """Back the store up now (waiting for a background backup first); returns the backup,
        or None if there was nothing to keep. Raises WriteError if it could not be taken."""
        self._wait_for_backup()
        with self._writing():
            pass
        try:
            result = self._backup(label)
        except OSError as error:
            raise BackupError(self._layout.backups, error.strerror or str(error), error.errno) from error
        return result.path if result is not None else None

    def wait_for_background(self) -> Path | None:
        """Wait for what a writable open starts in the background (a backup if one is due,
        else a look at every file changed since the last one); the newest complete backup."""
        from store.backups import list_backups

        self._wait_for_backup()
        newest = list_backups(self._layout.backups)
        return newest[-1] if newest else None

    def start_background(self) -> None:
        """Start, once, what a writable open does in the background: a backup if one is
        due, else a look at every meeting file changed since the last one. For a store
        opened without ``auto_backup`` by a caller that has more urgent work first: the app
        starts it once its first screen is drawn (at 5,000 meetings the look alone takes a
        sixth of a second of the interpreter, which the first frame waited for). A store
        read-only, just created, closed or keeping no backups starts nothing."""
        if self._background_started or self._read_only or self._closed:
            return
        self._background_started = True
        if self._backups_to_keep > 0 and not self._created:
            self._start_backup()

    def _start_backup(self) -> None:
        thread = threading.Thread(target=self._backup_in_background, name="clerk-backup", daemon=True)
        self._backup_thread = thread
        thread.start()

    def _wait_for_backup(self) -> None:
        thread = self._backup_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
            self._backup_thread = None
        self._merge_background_findings()

    def _merge_background_findings(self) -> None:
        """Damage the background thread found (it appends here and never takes the guard)."""
        if not self._found_in_background:
            return
        with self._guard:
            found, self._found_in_background = self._found_in_background, []
            changed = False
            for meeting_id, problem in found:
                if not self._closed:
                    changed |= self._record_damage(meeting_id, StoreError(problem), write=False)
            if changed and not self._read_only and not self._closed:
                self._try_write_index()

    def _stop_backup(self) -> None:
        self._cancel_backup.set()
        self._wait_for_backup()

    def _backup_in_background(self) -> None:
        from store.backups import Cancelled

        try:
            if self._backup_due():
                self._backup()
            else:
                self._look_for_damage()
        except Cancelled:
            pass
        except (OSError, StoreError) as error:
            detail = getattr(error, "strerror", None) or str(error)
            self._note(StoreError(f"Could not take a backup in {self._layout.backups}: {detail}."))

    def _look_for_damage(self) -> None:
        """Read every meeting file written since the newest backup (by clerk or by anything
        else: an in-place edit changes no folder, so opening does not see it)."""
        from store import backups
        from store.backups import Cancelled

        complete = backups.list_backups(self._layout.backups)
        if not complete:
            return
        for relative, path in backups.changed_since(complete[-1], self._layout):
            if self._cancel_backup.is_set():
                raise Cancelled
            meeting_id = self._meeting_id_of(relative)
            if meeting_id is None or meeting_id in self._damaged:
                continue
            try:
                payload, _ = read_file(path)
            except (FileNotFoundError, StoreError):
                continue
            problem = self._check_bytes(relative, payload)
            if problem is not None:
                self._found_damage(relative, problem)

    def _backup_due(self) -> bool:
        from store import backups

        complete = backups.list_backups(self._layout.backups)
        if not complete:
            return True
        taken = backups.backup_time(complete[-1])
        recent = taken is not None and datetime.now(UTC) - taken < self._backup_interval
        return not recent and not backups.unchanged_since(complete[-1], self._layout)

    def _backup(self, label: str = "") -> BackupResult | None:
        from store import backups

        result = backups.take_backup(
            self._layout, self._check_bytes, label=label, files=self._files, cancel=self._cancel_backup
        )
        if result is not None:
            self.last_backup = result.path
            backups.rotate_backups(self._layout.backups, self._backups_to_keep, self._files)
            for relative, problem in result.damaged.items():
                self._found_damage(relative, problem)
        return result

    def _found_damage(self, relative: str, problem: str) -> None:
        """Say at once (problems, on_problem); remember it under the guard later."""
        meeting_id = self._meeting_id_of(relative)
        if meeting_id is None:
            self._note(StoreError(f"{self._layout.root / relative} cannot be read: {problem}"))
            return
        self._note(self._damage_problem(meeting_id, problem))
        self._found_in_background.append((meeting_id, problem))

    @staticmethod
    def _meeting_id_of(relative: str) -> str | None:
        folder, _, name = relative.partition("/")
        if folder == MEETINGS_DIR and name.endswith(FILE_SUFFIX):
            return name[: -len(FILE_SUFFIX)]
        return None

    def _check_bytes(self, relative: str, payload: bytes) -> str | None:
        """What is wrong with this version of a store file (None if it reads): the test a
        file passes before a backup copies it, and a backup's copy before it is restored."""
        path = self._layout.root / relative
        try:
            tables = check_tables(parse(payload, path), path)
            if relative == REGISTRY_NAME:
                for name, kind in ((COMMITTEES, Committee), (PEOPLE, Person)):
                    for document in tables.get(name, {}).values():
                        self._structure(document, kind, f"a {name[:-1]}", path)
            elif relative == INDEX_NAME:
                self._read_summaries(tables, path)  # (an older index is a good copy too)
            else:
                meeting_id = self._meeting_id_of(relative)
                assert meeting_id is not None
                self._meeting_from_tables(tables, meeting_id, path, migrate=False)
        except StoreError as error:
            return short_problem(error)
        return None

    # ------------------------------------------------------------ check, restore
    def check(self) -> list[Damage]:
        """Read every record; each that fails, with the newest backup holding a good copy.

        The registry and the index were read when the store opened (a damaged one
        stops the open); this reads every meeting file, so it takes time in proportion
        to the archive.
        """
        from store.backups import find_good_copy
        from store.outcomes import Damage

        with self._reading():
            files, irregular = self._scan_meetings()
        damaged: list[Damage] = []
        for meeting_id in sorted([*files, *irregular]):
            path = self._layout.meeting(meeting_id)
            try:
                with self._reading():
                    self._read_from_disk(meeting_id)
            except StoreError as error:
                relative = f"{MEETINGS_DIR}/{path.name}"
                good = find_good_copy(self._layout.backups, relative, self._check_bytes)
                damaged.append(Damage(path, error, good))
                with self._guard:
                    self._record_damage(meeting_id, error)
        return damaged

    def restore_meeting(self, meeting_id: str, backup: Path | None = None) -> Restored:
        """Put back a meeting file from a backup (the newest good copy, or ``backup``'s).

        The file it replaces is moved to ``deleted/`` (never erased). Raises NotFoundError
        when no backup holds a copy that reads.
        """
        from store.backups import find_good_copy
        from store.outcomes import Restored

        check_meeting_id(meeting_id)
        self._wait_for_backup()
        relative = f"{MEETINGS_DIR}/{meeting_id}{FILE_SUFFIX}"
        if backup is not None and not backup.is_absolute():
            backup = self._layout.backups / backup
        good = find_good_copy(self._layout.backups, relative, self._check_bytes, backup=backup)
        if good is None:
            where = f"backup {backup.name}" if backup is not None else "any backup"
            raise NotFoundError(f"good copy in {where} of meeting", meeting_id, self._layout.root)
        with self._writing():
            self._restore_keeps_the_record(meeting_id, good.payload, good.backup)
            path = self._layout.meeting(meeting_id)
            aside: Path | None = None
            try:
                make_private_dir(self._layout.meetings, self._files)
                if os.path.lexists(path):
                    make_private_dir(self._layout.deleted, self._files)
                    aside = self._layout.deleted / f"{meeting_id}.before-restore-{_now_stamp()}{FILE_SUFFIX}"
                    self._files.rename(path, aside)
                    self._files.fsync_directory(self._layout.deleted)
                atomic_write(path, good.payload, files=self._files)
            except OSError as error:
                raise WriteError(path, error.strerror or str(error), error.errno) from error
            db = self._meeting_dbs.pop(meeting_id, None)
            if db is not None:
                db.close()
            meeting = self._load_meeting(meeting_id, keep=False)
            self._damaged.pop(meeting_id, None)
            self._summaries[meeting_id] = MeetingSummary.of(meeting)
            self.problems[:] = [p for p in self.problems if f"Meeting {meeting_id} cannot" not in str(p)]
            self._update_index(self._write_index)
        return Restored(meeting_id, good.backup, aside)

    def _restore_keeps_the_record(self, meeting_id: str, payload: bytes, backup: Path) -> None:
        """A backup's copy does not replace a meeting file that reads, and whose frozen
        minutes match their hashes, if it would lose its signature or a circulated revision.
        A damaged or tampered file is what restoring is for: it is replaced (and kept aside)."""
        from clerk_tui.domain.approval import RecordLockedError, replacement_refusal, verify
        from store.backups import describe

        path = self._layout.meeting(meeting_id)
        try:
            current = self._read_from_disk(meeting_id)
            restored = self._meeting_from_tables(check_tables(parse(payload, path), path), meeting_id, path)
        except StoreError:
            return
        if restored is None or not verify(current).ok:
            return
        refusal = replacement_refusal(current, restored)
        if refusal is not None:
            raise RecordLockedError(
                f"Not restored: {refusal} (the copy in backup {describe(backup)} is an older one). "
                "The meeting file reads and its minutes match their hashes, so it was left as it is.",
                "record",
            )

    # --------------------------------------------------------------- documents
    def _structure(self, document: Mapping[str, Any], kind: type[T], what: str, path: Path) -> T:
        label = kind.__name__.lower()
        try:
            return from_document(dict(document), kind, label)
        except DomainError as error:
            raise InvalidDocumentError(path, what, _field_path(error), str(error)) from None

    def _document_for(self, value: Meeting | Committee | Person, path: Path) -> dict[str, Any]:
        """The document to store, refused (nothing written) if it would not read back."""
        document = to_document(value)
        try:
            from_document(document, type(value), type(value).__name__.lower())
        except DomainError as error:
            raise WriteError(path, f"it would not read back ({error})") from None
        return document

    @staticmethod
    def _single_document(db: TinyDB, path: Path) -> tuple[int, dict[str, Any]]:
        documents = db.table(MEETING).all()
        if len(documents) != 1:
            raise InvalidDocumentError(
                path, "a meeting", MEETING, f"expected one meeting record, found {len(documents)}"
            )
        return documents[0].doc_id, dict(documents[0])

    # --------------------------------------------------------------- registry
    def _registry_all(self, table: str, kind: type[T], what: str) -> list[T]:
        path = self._layout.registry
        return [
            self._structure(document, kind, what, path) for document in self._registry_db().table(table).all()
        ]

    def _registry_one(self, table: str, ident: str, kind: type[T], what: str) -> T:
        documents = self._registry_db().table(table).search(where("id") == ident)
        if not documents:
            raise NotFoundError(what, ident, self._layout.root)
        if len(documents) > 1:
            raise InvalidDocumentError(
                self._layout.registry, f"{what} records", f"{table}.id", f"{ident!r} is there twice"
            )
        return self._structure(documents[0], kind, f"a {what}", self._layout.registry)

    def _registry_put(self, table_name: str, ident: str, document: dict[str, Any]) -> None:
        if not isinstance(ident, str) or not ident.strip():
            raise WriteError(self._layout.registry, "a record needs an id")
        table = self._registry_db().table(table_name)
        found = table.search(where("id") == ident)
        if len(found) > 1:
            raise InvalidDocumentError(
                self._layout.registry,
                f"{table_name} records",
                f"{table_name}.id",
                f"{ident!r} is there twice",
            )
        if found:
            table.update(_replace_with(document), doc_ids=[found[0].doc_id])
        else:
            table.insert(document)

    def committees(self) -> list[Committee]:
        """Every committee, by name."""
        with self._reading():
            found = self._registry_all(COMMITTEES, Committee, "a committee")
        return sorted(found, key=lambda c: (c.name.casefold(), c.id))

    def committee(self, committee_id: str) -> Committee:
        with self._reading():
            return self._registry_one(COMMITTEES, committee_id, Committee, "committee")

    def save_committee(self, committee: Committee) -> None:
        document = self._document_for(committee, self._layout.registry)
        with self._writing():
            self._registry_put(COMMITTEES, committee.id, document)

    def people(self) -> list[Person]:
        """Everyone, by name."""
        with self._reading():
            found = self._registry_all(PEOPLE, Person, "a person")
        return sorted(found, key=lambda p: (p.name.casefold(), p.id))

    def person(self, person_id: str) -> Person:
        with self._reading():
            return self._registry_one(PEOPLE, person_id, Person, "person")

    def save_person(self, person: Person) -> None:
        document = self._document_for(person, self._layout.registry)
        with self._writing():
            self._registry_put(PEOPLE, person.id, document)

    # ---------------------------------------------------------------- meetings
    def _meeting_db(self, meeting_id: str, *, create: bool, keep: bool = True) -> TinyDB:
        """The meeting's TinyDB, kept open for the Store's lifetime once the clerk uses it.

        ``keep=False`` (index repair, migration) reads without caching, so a pass over
        the whole archive does not hold every meeting in memory.
        """
        db = self._meeting_dbs.get(meeting_id)
        if db is not None:
            return db
        path = self._layout.meeting(meeting_id)
        if not create and not os.path.lexists(path):
            raise NotFoundError("meeting", meeting_id, self._layout.root)
        if create:
            try:
                make_private_dir(self._layout.meetings, self._files)
            except OSError as error:
                raise WriteError(path, error.strerror or str(error), error.errno) from error
        db = self._db(path)  # CorruptFileError: not cached, file untouched
        if keep:
            self._meeting_dbs[meeting_id] = db
        return db

    def _load_meeting(self, meeting_id: str, *, keep: bool = True) -> Meeting:
        path = self._layout.meeting(meeting_id)
        db = self._meeting_db(meeting_id, create=False, keep=keep)
        meeting = self._meeting_from_tables(_storage(db).read() or {}, meeting_id, path)
        assert meeting is not None
        return meeting

    def _read_from_disk(self, meeting_id: str) -> Meeting:
        """The meeting as its file holds it now (not as this Store last read or wrote it)."""
        path = self._layout.meeting(meeting_id)
        try:
            payload, _ = read_file(path)
        except FileNotFoundError:
            raise NotFoundError("meeting", meeting_id, self._layout.root) from None
        meeting = self._meeting_from_tables(check_tables(parse(payload, path), path), meeting_id, path)
        assert meeting is not None
        return meeting

    def _meeting_from_tables(
        self, tables: Mapping[str, Any], meeting_id: str, path: Path, *, migrate: bool = True
    ) -> Meeting | None:
        """The meeting a file's tables hold, or a StoreError saying what is wrong.

        ``migrate=False`` (checking a file for a backup) runs no migration step: a file of
        an older schema is only checked for its shape, and None is returned for it.
        """
        records = list(tables.get(MEETING, {}).values())
        if len(records) != 1:
            raise InvalidDocumentError(
                path, "a meeting", MEETING, f"expected one meeting record, found {len(records)}"
            )
        document = records[0]
        try:
            version = stored_version(document, 1)
        except ValueError as error:
            raise InvalidDocumentError(path, "a meeting", VERSION_KEY, str(error)) from None
        steps = self._schema.steps_from(version, path)
        if steps and not migrate:
            return None
        from clerk_tui.domain.meeting import Meeting

        meeting = self._structure(migrate_meeting(document, steps), Meeting, "a meeting", path)
        if meeting.id != meeting_id:
            raise InvalidDocumentError(
                path,
                "a meeting",
                "meeting.id",
                f"the file is named for {meeting_id!r} but holds meeting {meeting.id!r}",
            )
        return meeting

    def meeting_summaries(self, committee_id: str | None = None) -> list[MeetingSummary]:
        """What the index knows of each meeting (no meeting file is read), by date then id."""
        with self._reading():
            found = [
                summary
                for summary in self._summaries.values()
                if committee_id is None or summary.committee_id == committee_id
            ]
        return sorted(found, key=lambda s: (s.date, s.id))

    def has_meeting(self, meeting_id: str) -> bool:
        with self._reading():
            return is_meeting_id(meeting_id) and meeting_id in self._summaries

    def meeting(self, meeting_id: str) -> Meeting:
        """Load one meeting (a fresh object each call; change it, then save_meeting it).

        A file that fails to read raises CorruptFileError or InvalidDocumentError, and is
        remembered as damaged (every open says so) until it reads again.
        """
        with self._reading():
            if not is_meeting_id(meeting_id):
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            try:
                return self._load_meeting(meeting_id)
            except (CorruptFileError, InvalidDocumentError) as error:
                self._record_damage(meeting_id, error)
                raise

    def meeting_revision(self, meeting_id: str) -> str:
        """A token that changes whenever the stored meeting changes, for what is derived
        from it and kept elsewhere (minute-book page counts); reads no meeting file."""
        with self._reading():
            stamp = stamp_of(self._layout.meeting(check_meeting_id(meeting_id)))
        if stamp is None:
            raise NotFoundError("meeting", meeting_id, self._layout.root)
        return f"{stamp.device}:{stamp.inode}:{stamp.size}:{stamp.mtime_ns}"

    def save_meeting(self, meeting: Meeting) -> None:
        """Persist one meeting: its own file, and the index only if its summary changed.

        Raises WriteError (disk full, I/O error) with the old file intact; the
        meeting object is unchanged, so the caller can simply save again.
        """
        path = self._layout.meeting(check_meeting_id(meeting.id))
        body = to_document(meeting)
        record = {VERSION_KEY: self._schema.version, **body}
        fields = encode_fields(record, path)
        summary = MeetingSummary.of(meeting)
        with self._writing():
            self._check_reads_back(meeting.id, record, fields, path)
            self._keep_the_record(meeting, body)
            db = self._meeting_db(meeting.id, create=True)
            storage = _storage(db)
            existing = (storage.read() or {}).get(MEETING, {})
            if len(existing) > 1:
                raise InvalidDocumentError(
                    path,
                    "a meeting",
                    MEETING,
                    f"expected one meeting record, found {len(existing)}",
                )
            # The record is handed over whole: TinyDB's update would copy the stored one,
            # and its write would parse the new file back into memory.
            storage.replace_record(MEETING, next(iter(existing), "1"), record, fields)
            db.table(MEETING).clear_cache()
            repaired = self._damaged.pop(meeting.id, None) is not None
            if self._summaries.get(meeting.id) != summary or self._index_stale or repaired:
                self._summaries[meeting.id] = summary  # memory follows the meeting file
                self._update_index(self._write_index)

    def _check_reads_back(
        self, meeting_id: str, record: Mapping[str, Any], fields: Fields, path: Path
    ) -> None:
        """Refuse (WriteError, nothing written) a meeting whose file would not read back.

        What is checked is what the file will hold: each field, and each element of a
        list, parsed from the very bytes about to be written and read as the meeting's
        reader reads it. A Meeting is built field by field (``field_checks``), so it reads
        back when each part does; a part whose bytes were checked at this meeting's last
        save reads back as it did then, so an edit checks only the parts it changed.
        Anything that does not fit that way is read back whole, for the precise message.
        """
        from clerk_tui.domain.meeting import Meeting

        checks = field_checks(Meeting)
        known = self._read_back.pop(meeting_id, frozenset())
        passed: set[tuple[str, bytes]] = set()

        def reads_back(name: str, encoded: bytes, fits: Callable[[str, Any], bool]) -> bool:
            if (name, encoded) not in known:
                try:
                    value = parse_value(encoded)
                except ValueError:
                    return False
                if not fits(name, value):
                    return False
            passed.add((name, encoded))
            return True

        every_part = checks is not None and checks.required <= record.keys()
        for name, encoded in fields.items():
            if not every_part or checks is None:
                break
            if isinstance(encoded, bytes):
                every_part = reads_back(name, encoded, checks.fits)
            elif checks.is_list(name):
                every_part = all(reads_back(name, element, checks.item_fits) for element in encoded)
            else:
                every_part = reads_back(name, b"[%s]" % b",".join(encoded), checks.fits)
        if not every_part:
            try:
                from_document(parse_value(record_bytes(fields)), Meeting, "meeting")
            except (DomainError, ValueError) as error:
                raise WriteError(path, f"it would not read back ({error})") from None
        self._read_back[meeting_id] = frozenset(passed)
        while len(self._read_back) > READ_BACK_KEPT:
            del self._read_back[next(iter(self._read_back))]

    def save_minutes(self, meeting_id: str, minutes: Sequence[Mapping[str, Any]]) -> None:
        """Persist minutes of a stored meeting changed by typing, each a document as
        ``to_document`` makes it (the rest of the meeting stays as stored).

        What typing costs: each minute is checked as it would read back, put in place of
        the stored one and only it is encoded; the file is written as by :meth:`save_meeting`
        (atomic, durable; on failure the old file and memory stand and the same call may
        be made again). Where that is not enough (minutes with a record to keep, a minute
        whose number or count would change, a damaged or older file, an index to repair,
        a minute the stored meeting lacks) the stored meeting is loaded, the minutes put
        in it and it is saved by :meth:`save_meeting`, with all its checks.
        """
        path = self._layout.meeting(check_meeting_id(meeting_id))
        checked = {str(document.get("id")): self._minute_document(document, path) for document in minutes}
        with self._writing():
            if not self._save_minutes_in_place(meeting_id, checked):
                meeting = self._load_meeting(meeting_id)
                by_id = {minute.id: index for index, minute in enumerate(meeting.minutes)}
                for minute_id, (minute, _) in checked.items():
                    if minute_id not in by_id:
                        raise WriteError(path, f"the stored meeting has no minute {minute_id!r}")
                    meeting.minutes[by_id[minute_id]] = minute
                self.save_meeting(meeting)

    def _minute_document(self, document: Mapping[str, Any], path: Path) -> tuple[Minute, dict[str, Any]]:
        """The minute, and its document made afresh (nothing the caller holds is kept)."""
        from clerk_tui.domain.minutes import Minute

        try:
            minute = from_document(dict(document), Minute, "minute")
        except DomainError as error:
            raise WriteError(path, f"it would not read back ({error})") from None
        return minute, to_document(minute)

    def _save_minutes_in_place(
        self, meeting_id: str, checked: Mapping[str, tuple[Minute, dict[str, Any]]]
    ) -> bool:
        """Replace the minutes in the stored document and write it; False (nothing done)
        where :meth:`save_minutes` must go the whole way."""
        known = self._summaries.get(meeting_id)
        if known is None or known.record_state != RecordState.DRAFT or self._index_stale:
            return False
        if meeting_id in self._damaged or meeting_id not in self._meeting_dbs:
            return False
        storage = _storage(self._meeting_dbs[meeting_id])
        tables = storage.read() or {}
        records = tables.get(MEETING, {})
        if len(tables) != 1 or len(records) != 1:
            return False
        ((doc_id, stored),) = records.items()
        if stored.get(VERSION_KEY) != self._schema.version or type(stored.get("minutes")) is not list:
            return False
        replaced = list(stored["minutes"])
        places = {
            minute.get("id"): index for index, minute in enumerate(replaced) if isinstance(minute, dict)
        }
        for minute_id, (_, document) in checked.items():
            index = places.get(minute_id)
            if index is None or replaced[index].get("status") != document["status"]:
                return False  # not there, or numbered differently: the whole way
            replaced[index] = document
        storage.replace({MEETING: {doc_id: {**stored, "minutes": replaced}}})
        self._meeting_dbs[meeting_id].table(MEETING).clear_cache()
        return True

    def _keep_the_record(self, meeting: Meeting, body: Mapping[str, Any]) -> None:
        """Refuse (RecordLockedError, nothing written) a save that would change signed minutes
        or lose a circulated revision, whoever saves: the app, an import, a script. The stored
        meeting is read only when its summary says its minutes have a record to keep, so
        saving a draft costs nothing more."""
        known = self._summaries.get(meeting.id)
        if known is None or known.record_state == RecordState.DRAFT:
            return
        from clerk_tui.domain.approval import RecordLockedError, check_save, falls_back

        path = self._layout.meeting(meeting.id)
        try:
            db = self._meeting_db(meeting.id, create=False)
            stored_body = {k: v for k, v in self._single_document(db, path)[1].items() if k != VERSION_KEY}
            if stored_body == body:
                return  # the same meeting saved again
            stored = self._load_meeting(meeting.id)
        except StoreError:
            if falls_back(meeting.record.state, known.record_state):
                raise RecordLockedError(
                    f"The minutes of meeting {meeting.id} are {known.record_state.value}, but its file "
                    f"cannot be read, and this copy of the meeting has {meeting.record.state.value} "
                    f"minutes: saving it would lose the record, so nothing was saved. Put the meeting "
                    f"back from the backups first (`clerk restore {meeting.id}`).",
                    "record",
                ) from None
            return  # a damaged file, repaired by a copy that keeps its record
        check_save(stored, meeting)

    def _update_index(self, change: Callable[[], None]) -> None:
        """Apply one change to index.json, or rewrite it whole if an earlier write failed.

        The summaries in memory are already up to date. If this write fails, the next
        one rewrites the whole index from memory (and so does the next open: the
        meeting file is newer than index.json).
        """
        if self._index_stale:
            self._write_index()
            return
        try:
            change()
        except BaseException:
            self._index_stale = True
            raise

    def delete_meeting(self, meeting_id: str) -> None:
        """Take a meeting out of the store. Its file is moved to ``deleted/``, never erased."""
        from clerk_tui.domain.approval import RecordLockedError

        with self._writing():
            if not is_meeting_id(meeting_id):
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            path = self._layout.meeting(meeting_id)
            if meeting_id not in self._summaries and not os.path.lexists(path):
                raise NotFoundError("meeting", meeting_id, self._layout.root)
            known = self._summaries.get(meeting_id)
            if known is not None and known.record_state == RecordState.SIGNED:
                raise RecordLockedError(
                    f"The minutes of meeting {meeting_id} are signed: a signed record is kept for "
                    "ever, so the meeting is not deleted.",
                    "record",
                )
            if os.path.lexists(path):
                deleted = self._layout.deleted
                try:
                    make_private_dir(deleted, self._files)
                    self._files.replace(path, deleted / f"{meeting_id}.{_now_stamp()}{FILE_SUFFIX}")
                    self._files.fsync_directory(deleted)
                    self._files.fsync_directory(self._layout.meetings)
                except OSError as error:
                    raise WriteError(path, error.strerror or str(error), error.errno) from error
            db = self._meeting_dbs.pop(meeting_id, None)
            if db is not None:
                db.close()
            undamaged = self._damaged.pop(meeting_id, None) is not None
            if self._summaries.pop(meeting_id, None) is not None or self._index_stale or undamaged:
                self._update_index(self._write_index)

    def reread(self, path: Path) -> None:
        """Forget what was read of one file of the store, after a ChangedOnDiskError: the
        next read shows what the file holds now, and the next save writes over it.

        Raises CorruptFileError (nothing forgotten) if the file as it is now cannot be read.
        """
        with self._reading():
            layout = self._layout
            if path == layout.registry:
                self._registry = self._db(path)
            elif path == layout.index:
                # The index is derived: the summaries in memory stand, the next save rewrites it.
                self._index = self._db(path)
                self._index_stale = True
            else:
                for meeting_id in [mid for mid in self._meeting_dbs if layout.meeting(mid) == path]:
                    fresh = self._db(path) if path.exists() else None
                    self._meeting_dbs.pop(meeting_id).close()
                    if fresh is None:
                        continue
                    self._meeting_dbs[meeting_id] = fresh
                    with contextlib.suppress(StoreError):  # unreadable: it says so when opened
                        summary = MeetingSummary.of(self._load_meeting(meeting_id))
                        if self._summaries.get(meeting_id) != summary:
                            self._summaries[meeting_id] = summary
                            self._index_stale = not self._read_only

    def first_minute_number(self, meeting_id: str) -> int:
        """The number of the meeting's first minute, continuing through its municipal year."""
        with self._reading():
            summary = self._summaries.get(meeting_id)
            if summary is None:
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            committee = self._registry_one(COMMITTEES, summary.committee_id, Committee, "committee")
            same_committee = [s for s in self._summaries.values() if s.committee_id == summary.committee_id]
        return first_minute_numbers(same_committee, committee.style)[meeting_id]

    # ------------------------------------------------------------------ import
    def import_records(
        self,
        people: Iterable[Person] = (),
        committees: Iterable[Committee] = (),
        meetings: Iterable[Meeting] = (),
        *,
        replace: bool = False,
        just_read: bool = False,
    ) -> ImportReport:
        """Add many records in one step: all of them are stored, or none.

        A record whose id is in the store with the same content is "unchanged"; with
        other content it is refused (ImportConflictError, nothing written) unless
        ``replace``, and then a backup is taken first. Every file is staged, then
        committed at once (``store.staging``): a failure or a crash before the commit
        leaves the store as it was; one after it is finished by the next open. The
        registry and the index are written once, whatever the number of records.

        ``just_read``: the caller built every record from a document with the codec a
        moment ago (an interchange file), so each reads back by construction (the codec's
        round trip is tested) and the read-back check of each save is not repeated: for
        5,000 meetings it is a fifth of the import.
        """
        people, committees, meetings = list(people), list(committees), list(meetings)
        for kind, ids in (
            ("person", [p.id for p in people]),
            ("committee", [c.id for c in committees]),
            ("meeting", [m.id for m in meetings]),
        ):
            if len(set(ids)) != len(ids):
                seen: set[str] = set()
                twice = next(ident for ident in ids if ident in seen or seen.add(ident))  # type: ignore[func-returns-value]
                raise StoreError(f"Nothing was imported: the {kind} id {twice!r} comes more than once.")
        from store.outcomes import ImportReport

        report = ImportReport()
        with self._writing():
            registry_changes = self._plan_registry(people, committees, report)
            refusals: list[tuple[str, str]] = []
            staged_meetings = self._plan_meetings(meetings, report, refusals, check=not just_read)
            if refusals:
                raise ImportRefusedError(refusals)
            conflicts = [(kind, ident) for action, kind, ident in report.actions if action == "conflict"]
            if conflicts and not replace:
                raise ImportConflictError(conflicts)
            report.actions = [
                ("replaced" if action == "conflict" else action, kind, ident)
                for action, kind, ident in report.actions
            ]
            if not registry_changes and not staged_meetings:
                return report
        if conflicts and self._backups_to_keep > 0:
            report.backup = self.take_backup("before-import")
        with self._writing():
            self._commit_import(registry_changes, staged_meetings)
        return report

    def _plan_registry(
        self, people: list[Person], committees: list[Committee], report: ImportReport
    ) -> dict[str, dict[str, dict[str, Any]]]:
        """Table -> id -> new document, for the people and committees that change."""
        changes: dict[str, dict[str, dict[str, Any]]] = {}
        for table, kind, records in ((PEOPLE, "person", people), (COMMITTEES, "committee", committees)):
            stored = {
                document.get("id"): dict(document) for document in self._registry_db().table(table).all()
            }
            for record in records:
                document = self._document_for(record, self._layout.registry)
                before = stored.get(record.id)
                if before == document:
                    report.actions.append(("unchanged", kind, record.id))
                    continue
                report.actions.append(("added" if before is None else "conflict", kind, record.id))
                changes.setdefault(table, {})[record.id] = document
        return changes

    def _plan_meetings(
        self,
        meetings: list[Meeting],
        report: ImportReport,
        refusals: list[tuple[str, str]],
        *,
        check: bool = True,
    ) -> dict[str, tuple[bytes, MeetingSummary]]:
        """Meeting id -> the bytes of its new file and its summary, for the meetings that change.
        A meeting that may not be replaced at all (signed minutes, a circulated revision the
        new copy lacks) goes into ``refusals`` (id, why)."""
        from clerk_tui.domain.approval import falls_back, replacement_refusal

        staged: dict[str, tuple[bytes, MeetingSummary]] = {}
        for meeting in meetings:
            path = self._layout.meeting(check_meeting_id(meeting.id))
            body = self._document_for(meeting, path) if check else to_document(meeting)
            document = {VERSION_KEY: self._schema.version, **body}
            if os.path.lexists(path) or meeting.id in self._summaries:
                refusal: str | None = None
                try:
                    stored = self._load_meeting(meeting.id, keep=False)
                    same = stored == meeting
                    refusal = replacement_refusal(stored, meeting)
                except StoreError:
                    same = False  # damaged or missing: replacing it needs --replace too
                    known = self._summaries.get(meeting.id)
                    if known is not None and falls_back(meeting.record.state, known.record_state):
                        refusal = (
                            f"meeting {meeting.id} has {known.record_state.value} minutes in the store "
                            "but its file cannot be read (put it back with `clerk restore` first)"
                        )
                if refusal is not None:
                    refusals.append((meeting.id, refusal))
                    continue
                if same:
                    report.actions.append(("unchanged", "meeting", meeting.id))
                    continue
                report.actions.append(("conflict", "meeting", meeting.id))
            else:
                report.actions.append(("added", "meeting", meeting.id))
            staged[meeting.id] = (serialise({MEETING: {"1": document}}), MeetingSummary.of(meeting))
        return staged

    def _commit_import(
        self,
        registry_changes: dict[str, dict[str, dict[str, Any]]],
        staged_meetings: dict[str, tuple[bytes, MeetingSummary]],
    ) -> None:
        transaction: staging.Transaction | None = None
        try:
            transaction = staging.Transaction(self._layout, self._files)
            for meeting_id, (payload, _) in staged_meetings.items():
                transaction.add_meeting(meeting_id, payload)
            if registry_changes:
                transaction.set_registry(serialise(self._merged_registry(registry_changes)))
                if _storage(self._registry_db()).stamp != stamp_of(self._layout.registry):
                    raise ChangedOnDiskError(self._layout.registry)
            transaction.commit()
        except OSError as error:
            detail = error.strerror or str(error)
            committed = transaction is not None and staging.is_committed(transaction.folder)
            if transaction is not None and not committed:
                transaction.abandon()
            self._unsettled |= committed
            raise ImportFailedError(self._layout.root, detail, error.errno, committed=committed) from error
        except BaseException:
            if transaction is not None and not staging.is_committed(transaction.folder):
                transaction.abandon()
            raise
        self._after_import(
            registry_changes, {ident: summary for ident, (_, summary) in staged_meetings.items()}
        )

    def _merged_registry(self, changes: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
        data = {name: dict(table) for name, table in (_storage(self._registry_db()).read() or {}).items()}
        for table_name, documents in changes.items():
            table = dict(data.get(table_name, {}))
            positions = {document.get("id"): key for key, document in table.items()}
            next_key = max((int(key) for key in table), default=0) + 1
            for ident, document in documents.items():
                key = positions.get(ident)
                if key is None:
                    key, next_key = str(next_key), next_key + 1
                table[key] = document
            data[table_name] = table
        return data

    def _after_import(self, registry_changes: dict[str, Any], summaries: dict[str, MeetingSummary]) -> None:
        """Memory follows the committed files; the index is written once."""
        if registry_changes:
            self._registry_db().close()
            self._registry = self._db(self._layout.registry)
        for meeting_id, summary in summaries.items():
            db = self._meeting_dbs.pop(meeting_id, None)
            if db is not None:
                db.close()
            self._damaged.pop(meeting_id, None)
            self._summaries[meeting_id] = summary
        if summaries:
            try:
                self._update_index(self._write_index)
            except WriteError as error:  # the import is in; the index follows at the next write
                self._note(error)
