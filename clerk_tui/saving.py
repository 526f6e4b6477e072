"""Saving off the UI thread: every accepted change goes to the store at once, in order,
without the clerk waiting for the disk.

Changes are queued as snapshots taken on the UI thread (a plain document of a meeting, a
deep copy of a committee or a person), so later edits cannot tear a save. A Textual
thread worker writes them one at a time; when the clerk edits the same record again
before its save has started, only the newest snapshot is written. Results come back as
messages, never as blocking calls, so waiting for the saver can never deadlock the UI.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.message import Message

from clerk_tui.domain import Committee, Meeting, Person
from clerk_tui.domain.codec import meeting_from_document, to_document

if TYPE_CHECKING:
    from textual.app import App

    from store import Store


@dataclass
class Saved(Message):
    """Everything queued so far has been written."""

    what: str
    at: datetime


@dataclass
class SaveFailed(Message):
    what: str
    reason: str


class Saver:
    def __init__(self, app: App[Any], store: Store, clock: Callable[[], datetime]) -> None:
        self.app = app
        self.store = store
        self.clock = clock
        self._pending: OrderedDict[str, tuple[str, Callable[[], None]]] = OrderedDict()
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._running = False
        self.last_saved: datetime | None = None
        self.failed: str | None = None
        """The reason the last save failed, until a later save succeeds."""

    # --- queueing (UI thread) ----------------------------------------------------
    def meeting(self, meeting: Meeting) -> None:
        # A plain document is the cheapest snapshot to take on the UI thread (an eighth of
        # the cost of a deep copy); the worker builds the meeting back from it.
        document = to_document(meeting)
        self._queue(
            f"meeting:{meeting.id}",
            f"meeting {meeting.id}",
            lambda: self.store.save_meeting(meeting_from_document(document)),
        )

    def committee(self, committee: Committee) -> None:
        snapshot = copy.deepcopy(committee)
        self._queue(f"committee:{committee.id}", committee.name, lambda: self.store.save_committee(snapshot))

    def person(self, person: Person) -> None:
        snapshot = copy.deepcopy(person)
        self._queue(f"person:{person.id}", person.name, lambda: self.store.save_person(snapshot))

    def _queue(self, key: str, what: str, write: Callable[[], None]) -> None:
        with self._lock:
            self._pending.pop(key, None)
            self._pending[key] = (what, write)
            self._idle.clear()
            if self._running:
                return
            self._running = True
        self.app.run_worker(self._drain, name="saver", group="saver", thread=True, exit_on_error=False)

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def flush(self, timeout: float = 10.0) -> bool:
        """Block until everything queued is written (quitting); True if it was."""
        return self._idle.wait(timeout)

    # --- writing (worker thread) -------------------------------------------------
    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._running = False
                    self._idle.set()
                    return
                _, (what, write) = self._pending.popitem(last=False)
            try:
                write()
            except Exception as error:  # noqa: BLE001 - reported to the clerk, never raised
                self.failed = str(error)
                self.app.post_message(SaveFailed(what, str(error)))
                continue
            self.failed = None
            self.last_saved = self.clock()
            self.app.post_message(Saved(what, self.last_saved))
