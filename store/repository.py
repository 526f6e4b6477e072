"""The store: the only thing the app and the CLI talk to.

Screens get domain objects (Committee, Person, Meeting, MeetingSummary) and hand
them back to save; they never see TinyDB documents. Each file of the store is a
``TinyDB(path, storage=AtomicJSONStorage)`` kept open for the Store's lifetime, so
saving one meeting costs the size of that meeting, not of the archive: it rewrites
``meetings/<id>.json``, and ``index.json`` only when the meeting's summary changed.

Every public method runs under one re-entrant lock, so the app may save from a
worker thread while the UI thread reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar, cast

from tinydb import TinyDB, where
from tinydb.table import Document, Table

from clerk_tui.domain.codec import CONVERTER, from_document, to_document
from clerk_tui.domain.committee import Committee
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.meeting import Meeting, MeetingSummary
from clerk_tui.domain.numbering import first_minute_numbers
from clerk_tui.domain.people import Person
from store.backups import rotate_backups, take_backup
from store.errors import (
    AccessError,
    CorruptFileError,
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
    fsync_directory,
    is_temp_name,
    make_private_dir,
    remove_stale_temp_files,
)
from store.layout import FILE_SUFFIX, KNOWN_NAMES, Layout, check_meeting_id, is_meeting_id
from store.lock import StoreLock
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
from store.storage import AtomicJSONStorage

T = TypeVar("T")


@dataclass(frozen=True)
class UncleanShutdown:
    pid: int
    started: datetime | None
    last_meeting: str | None
    last_saved: datetime | None


META = "meta"
COMMITTEES = "committees"
PEOPLE = "people"
MEETINGS = "meetings"
MEETING = "meeting"

INDEX_HINT = "index.json only lists the meetings: move it aside and clerk rebuilds it from the meeting files."
_FIELD_PATH = re.compile(r"@ ([^;]+?)(?:;|$)")


def _open_db(path: Path, read_only: bool) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)


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
    return ", ".join(match.strip() for match in _FIELD_PATH.findall(error.message))


def _now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


class Store:
    """A clerk's store: committees, people and meetings in one folder.

    Open with :meth:`Store.open`; use as a context manager or call :meth:`close`.
    """

    def __init__(self, root: Path, *, read_only: bool, backups_to_keep: int, schema: Schema) -> None:
        self._layout = Layout(root)
        self._read_only = read_only
        self._backups_to_keep = backups_to_keep
        self._schema = schema
        self._guard = threading.RLock()
        self._lock = None if read_only else StoreLock(root)
        self._registry: TinyDB | None = None
        self._index: TinyDB | None = None
        self._meeting_dbs: dict[str, TinyDB] = {}
        self._summaries: dict[str, MeetingSummary] = {}
        self._index_doc_ids: dict[str, int] = {}
        self._index_stale = False
        """An index write failed: index.json lags the summaries in memory until the next one."""
        self._closed = False
        self.problems: list[StoreError] = []
        """Trouble found while opening that did not stop the store from opening (a damaged
        meeting file, a backup that could not be taken): for a banner in the app."""
        self.last_backup: Path | None = None
        """The backup taken by this open, if any."""

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        root: Path | str,
        *,
        read_only: bool = False,
        backups_to_keep: int = 10,
        schema: Schema = CURRENT_SCHEMA,
    ) -> Store:
        """Open (creating it if need be, unless ``read_only``) the store at ``root``.

        A writable open takes the lock (StoreLockedError if another clerk has it),
        checks the schema (SchemaTooNewError; older stores are migrated after a
        backup), takes a backup and repairs the index after a crash. A read-only
        open takes no lock and writes nothing. ``schema`` is for tests of migrations.
        """
        if backups_to_keep < 0:
            raise ValueError("backups_to_keep must be 0 or more")
        store = cls(
            Path(root).expanduser().absolute(),
            read_only=read_only,
            backups_to_keep=backups_to_keep,
            schema=schema,
        )
        try:
            if read_only:
                store._open_read_only()
            else:
                store._open_writable()
        except OSError as error:
            store._shut()
            raise AccessError(store.root, "open the store", error) from error
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
        self._reconcile()

    def _open_writable(self) -> None:
        layout = self._layout
        make_private_dir(layout.root)
        assert self._lock is not None
        self._lock.acquire()
        self._check_folder()
        remove_stale_temp_files(layout.root)
        remove_stale_temp_files(layout.meetings)
        self._registry = _open_db(layout.registry, False)
        is_new = not _storage(self._registry).exists
        steps: tuple[Migration, ...] = ()
        version = self._schema.version
        if not is_new:
            version = self._registry_version()
            steps = self._schema.steps_from(version, layout.registry)
        # A migration rebuilds the index (it is derived), so an old-format one may not fit.
        self._open_index(tolerant=bool(steps))
        # Everything above only read; from here on the store is written.
        if is_new:
            self._create()
        else:
            self._take_backup()
            if steps:
                self._migrate(version, steps)
        self._reconcile(everything=bool(steps))

    def unclean_shutdown(self) -> UncleanShutdown | None:
        """The last clerk to open this store never closed it (a crash, a kill, a power cut):
        when it started, and which meeting it saved last and when, so the clerk can be told
        what is here."""
        previous = self._lock.previous if self._lock is not None else None
        if previous is None:
            return None
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
        if self._meeting_files():
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
            self._index = _open_db(path, self._read_only)
        except CorruptFileError as error:
            raise CorruptFileError(path, error.line, error.column, error.detail, INDEX_HINT) from None
        try:
            self._summaries, self._index_doc_ids = self._read_summaries(self._index, path)
        except InvalidDocumentError:
            if not tolerant:
                raise
            self._summaries, self._index_doc_ids = {}, {}

    @staticmethod
    def _read_summaries(index: TinyDB, path: Path) -> tuple[dict[str, MeetingSummary], dict[str, int]]:
        summaries: dict[str, MeetingSummary] = {}
        doc_ids: dict[str, int] = {}
        for document in index.table(MEETINGS).all():
            spot = f"meetings[{document.doc_id}]"
            try:
                summary = from_document(dict(document), MeetingSummary, spot)
            except DomainError as error:
                raise InvalidDocumentError(
                    path, "a meeting summary", _field_path(error), str(error), INDEX_HINT
                ) from None
            if not is_meeting_id(summary.id) or summary.id in summaries:
                problem = "is not a valid id" if not is_meeting_id(summary.id) else "is listed twice"
                raise InvalidDocumentError(
                    path, "a meeting summary", f"{spot}.id", f"{summary.id!r} {problem}", INDEX_HINT
                )
            summaries[summary.id] = summary
            doc_ids[summary.id] = document.doc_id
        return summaries, doc_ids

    def _create(self) -> None:
        make_private_dir(self._layout.meetings)
        self._index_db().table(MEETINGS).truncate()  # writes index.json: {"meetings": {}}
        # The registry goes last: its presence is what makes the folder a store.
        self._registry_db().table(META).insert({VERSION_KEY: self._schema.version})

    def _take_backup(self) -> None:
        if self._backups_to_keep == 0:
            return
        try:
            self.last_backup = take_backup(self._layout, skip_if_unchanged=True)
            rotate_backups(self._layout.backups, self._backups_to_keep)
        except OSError as error:
            self.problems.append(StoreError(f"Could not take a backup in {self._layout.backups}: {error}."))

    # ---------------------------------------------------------------- migration
    def _migrate(self, version: int, steps: tuple[Migration, ...]) -> None:
        """Upgrade file by file (each atomic, each stamped); the registry's stamp commits it."""
        layout = self._layout
        take_backup(layout, label=f"before-schema-{self._schema.version}")
        for meeting_id in self._meeting_files():
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
        self._registry = _open_db(layout.registry, False)

    # ----------------------------------------------------------- index repair
    def _meeting_files(self) -> dict[str, int]:
        """Meeting id -> mtime (ns) of every meeting file on disk."""
        found: dict[str, int] = {}
        try:
            entries = list(os.scandir(self._layout.meetings))
        except FileNotFoundError:
            return found
        for entry in entries:
            stem = entry.name[: -len(FILE_SUFFIX)]
            if (
                entry.name.endswith(FILE_SUFFIX)
                and is_meeting_id(stem)
                and entry.is_file(follow_symlinks=False)
            ):
                found[stem] = entry.stat(follow_symlinks=False).st_mtime_ns
        return dict(sorted(found.items()))

    def _reconcile(self, *, everything: bool = False) -> None:
        """Bring the index in line with the meeting files after a crash or a hand edit.

        Saving a meeting writes its file, then the index: a crash in between leaves
        the file newer than the index. So every meeting file at least as new as
        index.json, or missing from it, is read and its summary checked; entries
        whose file is gone are dropped. Cost: the meetings saved since the index
        was last written (usually a handful), not the archive. ``everything`` checks
        every file (after a migration).
        """
        index_stamp = _storage(self._index_db()).stamp
        index_time = index_stamp.mtime_ns if index_stamp is not None else -1
        files = self._meeting_files()
        suspects = [
            meeting_id
            for meeting_id, mtime in files.items()
            if everything or meeting_id not in self._summaries or mtime >= index_time
        ]
        changed = False
        for meeting_id in [mid for mid in self._summaries if mid not in files]:
            del self._summaries[meeting_id]
            changed = True
        for meeting_id in suspects:
            try:
                summary = MeetingSummary.of(self._load_meeting(meeting_id, keep=False))
            except StoreError as error:
                self._note(error)  # keeps its old summary, if it had one
                continue
            if self._summaries.get(meeting_id) != summary:
                self._summaries[meeting_id] = summary
                changed = True
        if not self._read_only and (changed or suspects or index_stamp is None):
            try:
                self._write_index()
            except WriteError as error:  # e.g. disk full: open anyway, the summaries are in memory
                self._index_stale = True
                self._note(error)

    def _note(self, problem: StoreError) -> None:
        if all(str(problem) != str(known) for known in self.problems):
            self.problems.append(problem)

    def _write_index(self) -> None:
        """Rewrite index.json whole, in one atomic write, from the summaries in memory."""
        ordered = sorted(self._summaries.values(), key=lambda s: (s.date, s.id))
        table = {str(number): self._summary_document(s) for number, s in enumerate(ordered, 1)}
        _storage(self._index_db()).write({MEETINGS: table})
        self._index = _open_db(self._layout.index, False)  # fresh TinyDB: no stale table caches
        self._index_doc_ids = {summary.id: number for number, summary in enumerate(ordered, 1)}
        self._index_stale = False

    @staticmethod
    def _summary_document(summary: MeetingSummary) -> dict[str, Any]:
        document: dict[str, Any] = CONVERTER.unstructure(summary)
        return document

    # ------------------------------------------------------------------ basics
    @property
    def root(self) -> Path:
        return self._layout.root

    @property
    def read_only(self) -> bool:
        return self._read_only

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
        """Release the lock. Every save has already reached the disk; nothing is flushed here."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            self._shut()

    def _shut(self) -> None:
        for db in [self._registry, self._index, *self._meeting_dbs.values()]:
            if db is not None:
                db.close()
        self._meeting_dbs.clear()
        if self._lock is not None:
            self._lock.release()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._guard:
            if self._closed:
                raise StoreClosedError(self._layout.root)
            yield

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._guard:
            if self._closed:
                raise StoreClosedError(self._layout.root)
            if self._read_only:
                raise ReadOnlyError(self._layout.root)
            yield

    def _registry_db(self) -> TinyDB:
        assert self._registry is not None
        return self._registry

    def _index_db(self) -> TinyDB:
        assert self._index is not None
        return self._index

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
        if not create and not path.exists():
            raise NotFoundError("meeting", meeting_id, self._layout.root)
        if create:
            try:
                make_private_dir(self._layout.meetings)
            except OSError as error:
                raise WriteError(path, error.strerror or str(error), error.errno) from error
        db = _open_db(path, self._read_only)  # CorruptFileError: not cached, file untouched
        if keep:
            self._meeting_dbs[meeting_id] = db
        return db

    def _load_meeting(self, meeting_id: str, *, keep: bool = True) -> Meeting:
        path = self._layout.meeting(meeting_id)
        db = self._meeting_db(meeting_id, create=False, keep=keep)
        _, document = self._single_document(db, path)
        try:
            version = stored_version(document, 1)
        except ValueError as error:
            raise InvalidDocumentError(path, "a meeting", VERSION_KEY, str(error)) from None
        body = migrate_meeting(document, self._schema.steps_from(version, path))
        meeting = self._structure(body, Meeting, "a meeting", path)
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
        """Load one meeting (a fresh object each call; change it, then save_meeting it)."""
        with self._reading():
            if not is_meeting_id(meeting_id):
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            return self._load_meeting(meeting_id)

    def save_meeting(self, meeting: Meeting) -> None:
        """Persist one meeting: its own file, and the index only if its summary changed.

        Raises WriteError (disk full, I/O error) with the old file intact; the
        meeting object is unchanged, so the caller can simply save again.
        """
        path = self._layout.meeting(check_meeting_id(meeting.id))
        document = {VERSION_KEY: self._schema.version, **self._document_for(meeting, path)}
        summary = MeetingSummary.of(meeting)
        with self._writing():
            db = self._meeting_db(meeting.id, create=True)
            table = db.table(MEETING)
            existing = table.all()
            if not existing:
                table.insert(Document(document, doc_id=1))
            elif len(existing) == 1:
                table.update(_replace_with(document), doc_ids=[existing[0].doc_id])
            else:
                raise InvalidDocumentError(
                    path,
                    "a meeting",
                    MEETING,
                    f"expected one meeting record, found {len(existing)}",
                )
            if self._summaries.get(meeting.id) != summary or self._index_stale:
                self._summaries[meeting.id] = summary  # memory follows the meeting file
                self._update_index(lambda: self._put_summary(summary))

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

    def _put_summary(self, summary: MeetingSummary) -> None:
        table: Table = self._index_db().table(MEETINGS)
        document = self._summary_document(summary)
        doc_id = self._index_doc_ids.get(summary.id)
        if doc_id is None:
            self._index_doc_ids[summary.id] = table.insert(document)
        else:
            table.update(_replace_with(document), doc_ids=[doc_id])

    def delete_meeting(self, meeting_id: str) -> None:
        """Take a meeting out of the store. Its file is moved to ``deleted/``, never erased."""
        with self._writing():
            if not is_meeting_id(meeting_id):
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            path = self._layout.meeting(meeting_id)
            if meeting_id not in self._summaries and not path.exists():
                raise NotFoundError("meeting", meeting_id, self._layout.root)
            if path.exists():
                deleted = self._layout.deleted
                try:
                    make_private_dir(deleted)
                    os.replace(path, deleted / f"{meeting_id}.{_now_stamp()}{FILE_SUFFIX}")
                    fsync_directory(deleted)
                    fsync_directory(self._layout.meetings)
                except OSError as error:
                    raise WriteError(path, error.strerror or str(error), error.errno) from error
            db = self._meeting_dbs.pop(meeting_id, None)
            if db is not None:
                db.close()
            if self._summaries.pop(meeting_id, None) is not None or self._index_stale:
                self._update_index(lambda: self._drop_summary(meeting_id))

    def reread(self, path: Path) -> None:
        """Forget what was read of one file of the store, after a ChangedOnDiskError: the
        next read shows what the file holds now, and the next save writes over it.

        Raises CorruptFileError (nothing forgotten) if the file as it is now cannot be read.
        """
        with self._reading():
            layout = self._layout
            if path == layout.registry:
                self._registry = _open_db(path, self._read_only)
            elif path == layout.index:
                # The index is derived: the summaries in memory stand, the next save rewrites it.
                self._index = _open_db(path, self._read_only)
                self._index_stale = True
            else:
                for meeting_id in [mid for mid in self._meeting_dbs if layout.meeting(mid) == path]:
                    fresh = _open_db(path, self._read_only) if path.exists() else None
                    self._meeting_dbs.pop(meeting_id).close()
                    if fresh is None:
                        continue
                    self._meeting_dbs[meeting_id] = fresh
                    with contextlib.suppress(StoreError):  # unreadable: it says so when opened
                        summary = MeetingSummary.of(self._load_meeting(meeting_id))
                        if self._summaries.get(meeting_id) != summary:
                            self._summaries[meeting_id] = summary
                            self._index_stale = not self._read_only

    def _drop_summary(self, meeting_id: str) -> None:
        doc_id = self._index_doc_ids.get(meeting_id)
        if doc_id is not None:
            self._index_db().table(MEETINGS).remove(doc_ids=[doc_id])
            del self._index_doc_ids[meeting_id]

    def first_minute_number(self, meeting_id: str) -> int:
        """The number of the meeting's first minute, continuing through its municipal year."""
        with self._reading():
            summary = self._summaries.get(meeting_id)
            if summary is None:
                raise NotFoundError("meeting", str(meeting_id), self._layout.root)
            committee = self._registry_one(COMMITTEES, summary.committee_id, Committee, "committee")
            same_committee = [s for s in self._summaries.values() if s.committee_id == summary.committee_id]
        return first_minute_numbers(same_committee, committee.style)[meeting_id]
