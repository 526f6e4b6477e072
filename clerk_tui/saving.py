"""Saving off the UI thread, and never silently dropping a save.

Every accepted change is queued as a snapshot taken on the UI thread (a plain document
of the meeting, committee or person), so later edits cannot tear a save. A Textual
thread worker writes the snapshots one at a time, in order; when the clerk edits a
record again before its save has started, only the newest snapshot is written.

The worker only writes and reports: each result comes back as a message carrying the
record's key (``Saved`` / ``SaveFailed``), and the app hands it to :meth:`Saver.saved`
or :meth:`Saver.failed` on the UI thread. So every piece of state here (what is unsaved,
why, when it is retried, when the last save landed) changes on the UI thread only.

Typing saves less: :meth:`Saver.minutes` snapshots only the minutes typed in, and the
worker writes them with ``Store.save_minutes`` (only they are checked and encoded), so a
save while typing costs the typed minute, not the meeting. A record keeps either a whole
snapshot (which takes later typed minutes in) or the typed minutes since its last whole
one, newest text of each; both are retried and recovered alike.

A save that fails keeps its snapshot and stays pending: it is retried by itself with
back-off (1 s, 2 s, 4 s … 30 s), at once on ctrl+s (:meth:`retry_now`), and with the next
edit of the record. The failure of a record is cleared only when that record is saved.
A file changed by another program (``ChangedOnDiskError``) and a read-only store are not
retried by themselves: they need the clerk's decision.

Each queueing returns a future that resolves with that save's :class:`SaveOutcome`, so a
dialog can wait for the record it made without a thread blocking on the saver.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from clerk_tui.domain import Committee, Person
from clerk_tui.domain.codec import from_document, meeting_from_document, to_document
from clerk_tui.recovery import RecoveredRecord
from store import ChangedOnDiskError, ReadOnlyError, StoreClosedError, WriteError

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from clerk_tui.domain import Meeting, Minute
    from store import Store

FIRST_RETRY = 1.0
"""Seconds before the first retry of a failed save; each later retry waits twice as long."""
LONGEST_RETRY = 30.0
"""The back-off stops growing here: a freed disk is noticed within half a minute."""


def sentence(text: str) -> str:
    """A reason as a sentence, to be followed by another ("No space left on device.")."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def reason_of(error: Exception) -> str:
    """Why a save failed, in one sentence (the store's own advice to "save again" is what
    the saver does by itself, so it is left out)."""
    if isinstance(error, WriteError):
        return f"Could not save {error.path}: {sentence(error.detail)}"
    if isinstance(error, ChangedOnDiskError):
        return f"{error.path} was changed by another program since clerk read it."
    if isinstance(error, ReadOnlyError):
        return "The store is open read-only."
    return sentence(str(error))


def meeting_key(meeting_id: str) -> str:
    return f"meeting:{meeting_id}"


def committee_key(committee_id: str) -> str:
    return f"committee:{committee_id}"


def person_key(person_id: str) -> str:
    return f"person:{person_id}"


@dataclass(frozen=True)
class SaveOutcome:
    """The result of one save, for whoever waits for it."""

    key: str
    what: str
    saved: bool
    reason: str = ""
    """Why it was not saved (empty when it was)."""
    conflict: bool = False
    """Not saved because another program changed the file: the clerk must choose."""


@dataclass
class Saved(Message):
    """The worker wrote one snapshot of a record (posted from the worker thread)."""

    key: str
    what: str
    ticket: int
    version: int
    at: datetime


@dataclass
class SaveFailed(Message):
    """The worker could not write one snapshot of a record (posted from the worker thread)."""

    key: str
    what: str
    ticket: int
    version: int
    error: Exception

    @property
    def reason(self) -> str:
        return reason_of(self.error)


@dataclass
class Unsaved:
    """A record with changes not yet on disk (UI thread only)."""

    key: str
    kind: str
    ident: str
    what: str
    whole: dict[str, Any] | None
    """The newest snapshot of the whole record: what is written, retried, or put in the
    recovery file. None while all that is pending of a meeting is minutes typed since it
    was last queued whole (``minutes``)."""
    minutes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Minutes typed since, by id, each its newest snapshot: written alone (the stored
    meeting's other parts stand). Empty whenever ``whole`` is set: it takes them in."""
    source: Meeting | None = None
    """The meeting the minutes were typed in, for a recovery file."""
    version: int = 1
    """Counts the snapshots queued for this record."""
    sent: int = 0
    """The ticket of the newest write handed to the worker."""
    answered: int = 0
    """The ticket of the newest write whose result the UI thread has handled."""
    error: Exception | None = None
    """Why the last write of this record failed; cleared only when the record is saved."""
    attempts: int = 0
    """Failed writes in a row: the back-off grows with them."""
    retry_at: float | None = None
    """When (time.monotonic) the next retry is due; None when none is planned."""
    waiters: list[tuple[int, asyncio.Future[SaveOutcome]]] = field(default_factory=list)

    @property
    def document(self) -> dict[str, Any]:
        """The newest snapshot, whole (for a recovery file: made from the meeting itself
        when only typed minutes are pending)."""
        if self.whole is not None:
            return self.whole
        assert self.source is not None
        return to_document(self.source)

    @property
    def writing(self) -> bool:
        return self.sent > self.answered

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def conflict(self) -> ChangedOnDiskError | None:
        return self.error if isinstance(self.error, ChangedOnDiskError) else None

    @property
    def reason(self) -> str:
        return reason_of(self.error) if self.error is not None else ""

    def recovered(self) -> RecoveredRecord:
        return RecoveredRecord(self.kind, self.ident, self.what, self.document, self.reason)


@dataclass(frozen=True)
class Change:
    """What a result changed, for the app to tell the clerk."""

    record: Unsaved | None
    first_failure: bool = False
    """The record had been saving fine until now."""
    now_saved: bool = False
    """The record had failed and is now on disk."""


@dataclass(frozen=True)
class _Job:
    key: str
    what: str
    ticket: int
    version: int
    write: Callable[[], None]


def _with_minutes(document: dict[str, Any], typed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A meeting's document with these minutes in place of its own (a new dict and list:
    the old may be being written)."""
    minutes = [typed.get(minute.get("id"), minute) for minute in document.get("minutes", [])]
    return {**document, "minutes": minutes}


def _in_turn(*steps: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        for step in steps:
            step()

    return run


def _retries_by_itself(error: Exception) -> bool:
    """A full disk or an I/O error may go away; a decision or a read-only store will not."""
    return not isinstance(error, ChangedOnDiskError | ReadOnlyError | StoreClosedError)


class Saver:
    def __init__(
        self,
        app: App[Any],
        store: Store,
        clock: Callable[[], datetime],
        on_change: Callable[[], None] = lambda: None,
    ) -> None:
        self.app = app
        self.store = store
        self.clock = clock
        self.on_change = on_change
        """Called (UI thread) whenever what the header says may have changed."""
        self.last_saved: datetime | None = None
        self._records: dict[str, Unsaved] = {}
        self._tickets = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._retry_timer: Timer | None = None
        self._countdown: Timer | None = None
        # The hand-off to the worker: the only thing both threads touch, under the lock.
        self._outbox: OrderedDict[str, _Job] = OrderedDict()
        self._lock = threading.Lock()
        self._running = False

    # --- queueing (UI thread) ----------------------------------------------------
    def meeting(self, meeting: Meeting) -> asyncio.Future[SaveOutcome]:
        # A plain document is the cheapest snapshot to take on the UI thread (an eighth of
        # the cost of a deep copy); the worker builds the meeting back from it.
        return self._queue("meeting", meeting.id, f"meeting {meeting.id}", to_document(meeting))

    def minutes(self, meeting: Meeting, minutes: list[Minute]) -> asyncio.Future[SaveOutcome]:
        """Queue what typing changed: these minutes of the meeting, the rest as it was last
        queued. The snapshot costs the typed minutes, never the whole meeting, and so does
        the write (``Store.save_minutes``)."""
        typed = {minute.id: to_document(minute) for minute in minutes}
        key = meeting_key(meeting.id)
        record = self._records.get(key)
        if record is None:
            record = self._records[key] = Unsaved(
                key, "meeting", meeting.id, f"meeting {meeting.id}", None, typed, meeting
            )
        else:
            record.version += 1
            record.source = meeting
            if record.whole is not None:  # a whole snapshot still pending takes them in
                record.whole = _with_minutes(record.whole, typed)
            else:
                record.minutes = {**record.minutes, **typed}  # a new dict: a job may hold the old
        return self._queued(record)

    def committee(self, committee: Committee) -> asyncio.Future[SaveOutcome]:
        return self._queue("committee", committee.id, committee.name or committee.id, to_document(committee))

    def person(self, person: Person) -> asyncio.Future[SaveOutcome]:
        return self._queue("person", person.id, person.name or person.id, to_document(person))

    def record(self, recovered: RecoveredRecord) -> asyncio.Future[SaveOutcome]:
        """Queue a record from a recovery file."""
        return self._queue(recovered.kind, recovered.ident, recovered.what, recovered.document)

    def _queue(
        self, kind: str, ident: str, what: str, document: dict[str, Any]
    ) -> asyncio.Future[SaveOutcome]:
        key = f"{kind}:{ident}"
        record = self._records.get(key)
        if record is None:
            record = self._records[key] = Unsaved(key, kind, ident, what, document)
        else:
            record.version += 1
            record.whole, record.minutes = document, {}
            record.what = what
        return self._queued(record)

    def _queued(self, record: Unsaved) -> asyncio.Future[SaveOutcome]:
        future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
        record.waiters.append((record.version, future))
        self._send(record)
        return future

    def _send(self, record: Unsaved, before: Callable[[], None] | None = None) -> None:
        self._tickets += 1
        write = self._writer(record) if before is None else _in_turn(before, self._writer(record))
        job = _Job(record.key, record.what, self._tickets, record.version, write)
        record.sent = job.ticket
        record.retry_at = None
        self._idle.clear()
        with self._lock:
            self._outbox.pop(record.key, None)
            self._outbox[record.key] = job
            start = not self._running
            self._running = True
        if start:
            self.app.run_worker(self._drain, name="saver", group="saver", thread=True, exit_on_error=False)
        self._plan_retries()
        self.on_change()

    def _writer(self, record: Unsaved) -> Callable[[], None]:
        store, document, kind = self.store, record.whole, record.kind
        if document is None:
            typed = list(record.minutes.values())
            return lambda: store.save_minutes(record.ident, typed)
        if kind == "meeting":
            return lambda: store.save_meeting(meeting_from_document(document))
        if kind == "committee":
            return lambda: store.save_committee(from_document(document, Committee, "committee"))
        return lambda: store.save_person(from_document(document, Person, "person"))

    # --- writing (worker thread) -------------------------------------------------
    def _drain(self) -> None:
        """Write what is queued, oldest first, and report each result as a message."""
        while True:
            with self._lock:
                if not self._outbox:
                    self._running = False
                    return
                _, job = self._outbox.popitem(last=False)
            try:
                job.write()
            except Exception as error:  # noqa: BLE001 - reported to the clerk, never raised
                self.app.post_message(SaveFailed(job.key, job.what, job.ticket, job.version, error))
                continue
            self.app.post_message(Saved(job.key, job.what, job.ticket, job.version, self.clock()))

    # --- results (UI thread, from the app's message handlers) ---------------------
    def saved(self, message: Saved) -> Change:
        self.last_saved = message.at
        record = self._records.get(message.key)
        if record is None:  # dropped by the clerk (reload) while it was being written
            return Change(None)
        record.answered = max(record.answered, message.ticket)
        was_failed = record.failed
        record.error, record.attempts = None, 0
        self._resolve(record, message.version, SaveOutcome(record.key, record.what, saved=True))
        if message.version >= record.version and not record.writing:
            del self._records[record.key]
        self._settle()
        return Change(record, now_saved=was_failed)

    def failed(self, message: SaveFailed) -> Change:
        record = self._records.get(message.key)
        if record is None:
            return Change(None)
        record.answered = max(record.answered, message.ticket)
        first = not record.failed
        record.error = message.error
        record.attempts += 1
        outcome = SaveOutcome(
            record.key,
            record.what,
            saved=False,
            reason=message.reason,
            conflict=isinstance(message.error, ChangedOnDiskError),
        )
        self._resolve(record, message.version, outcome)
        if not record.writing and _retries_by_itself(message.error):
            delay = min(FIRST_RETRY * 2 ** (record.attempts - 1), LONGEST_RETRY)
            record.retry_at = time.monotonic() + delay
        self._settle()
        return Change(record, first_failure=first)

    def _resolve(self, record: Unsaved, version: int, outcome: SaveOutcome) -> None:
        """Answer everyone waiting for this snapshot or an older one of the record."""
        waiting: list[tuple[int, asyncio.Future[SaveOutcome]]] = []
        for wanted, future in record.waiters:
            if wanted > version:
                waiting.append((wanted, future))
            elif not future.done():
                future.set_result(outcome)
        record.waiters = waiting

    def _settle(self) -> None:
        if not self.busy:
            self._idle.set()
        self._plan_retries()
        self.on_change()

    # --- retrying (UI thread) ----------------------------------------------------
    def _plan_retries(self) -> None:
        """One timer for the soonest retry; a once-a-second tick for the header's countdown."""
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        due = [r.retry_at for r in self._records.values() if r.retry_at is not None]
        if due:
            self._retry_timer = self.app.set_timer(max(0.0, min(due) - time.monotonic()), self._retry_due)
            if self._countdown is None:
                self._countdown = self.app.set_interval(1.0, self.on_change)
        elif self._countdown is not None:
            self._countdown.stop()
            self._countdown = None

    def _retry_due(self) -> None:
        self._retry_timer = None
        now = time.monotonic()
        for record in list(self._records.values()):
            if record.retry_at is not None and record.retry_at <= now + 0.05 and not record.writing:
                self._send(record)
        self._plan_retries()

    def retry_now(self) -> int:
        """ctrl+s: write every failed record again now (not the ones waiting for a decision);
        returns how many."""
        records = [r for r in self._records.values() if r.failed and not r.writing and r.conflict is None]
        for record in records:
            self._send(record)
        return len(records)

    def keep_mine(self, key: str, keep_theirs: Callable[[Path], object]) -> None:
        """After a ChangedOnDiskError: write ours over the file. In the worker, in turn with
        the other saves: ``keep_theirs(path)`` copies the other version aside, then the
        store forgets the file as it read it, then our snapshot is written."""
        record = self._records.get(key)
        conflict = record.conflict if record is not None else None
        if record is None or conflict is None:
            return
        store, path = self.store, conflict.path

        def over_theirs() -> None:
            if path.exists():
                keep_theirs(path)
            store.reread(path)

        self._send(record, before=over_theirs)

    def drop(self, key: str) -> Unsaved | None:
        """After a ChangedOnDiskError, reloading: the clerk gives up this record's unsaved
        changes. Whoever waits for it hears it was not saved."""
        record = self._records.pop(key, None)
        if record is None:
            return None
        self._resolve(
            record,
            record.version,
            SaveOutcome(key, record.what, saved=False, reason="the changes were dropped"),
        )
        with self._lock:
            job = self._outbox.get(key)
            if job is not None and job.ticket == record.sent:
                del self._outbox[key]
        self._settle()
        return record

    # --- asking (UI thread) ------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A write has been handed to the worker and its result has not come back yet."""
        return any(record.writing for record in self._records.values())

    @property
    def failures(self) -> list[Unsaved]:
        return [record for record in self._records.values() if record.failed]

    def unsaved(self) -> list[Unsaved]:
        """Every record whose newest snapshot is not on disk (being written, or failed)."""
        return list(self._records.values())

    def pending(self, key: str) -> Unsaved | None:
        return self._records.get(key)

    def retry_in(self) -> int | None:
        """Whole seconds until the next retry by itself, if one is planned."""
        due = [r.retry_at for r in self._records.values() if r.retry_at is not None]
        if not due:
            return None
        return max(0, math.ceil(min(due) - time.monotonic()))

    def settled(self, key: str) -> asyncio.Future[SaveOutcome]:
        """The outcome of the record's newest save: at once if it is saved (or nothing was
        ever queued) or has failed and is not being written, else when its write is done."""
        future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
        record = self._records.get(key)
        if record is None:
            future.set_result(SaveOutcome(key, key, saved=True))
        elif not record.writing and record.failed:
            conflict = record.conflict is not None
            future.set_result(
                SaveOutcome(key, record.what, saved=False, reason=record.reason, conflict=conflict)
            )
        else:
            record.waiters.append((record.version, future))
        return future

    def next_outcome(self, key: str) -> asyncio.Future[SaveOutcome]:
        """The outcome of the record's next write (a failed one's retry): at once only if
        nothing of it is pending."""
        future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
        record = self._records.get(key)
        if record is None:
            future.set_result(SaveOutcome(key, key, saved=True))
        else:
            record.waiters.append((record.version, future))
        return future

    async def wait_until_idle(self, timeout: float) -> bool:
        """Wait (without blocking the UI) until no write is in progress; False on timeout."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return not self.busy
        return True
