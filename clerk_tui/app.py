"""The Textual application: screens, bindings, palette and themes. Kept thin: screens do
the work, the saver writes, the domain decides."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import actions, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen

from clerk_tui import read_only, recovery
from clerk_tui.commands import ClerkCommands
from clerk_tui.saving import Saved, SaveFailed, SaveOutcome, Saver, Unsaved
from clerk_tui.screens.base import NARROW_BELOW
from clerk_tui.screens.meetings import MEETINGS_CSS, MeetingsScreen
from store import StoreError
from store.layout import INDEX_NAME

if TYPE_CHECKING:
    from clerk_tui.domain import Committee, Meeting, Minute, Person
    from store import Store
    from widgets import TextCleaned

log = logging.getLogger("clerk")

RELOAD_WAIT = 10.0
"""Seconds a reload waits for a write of the record in progress before it reads the file."""


KEYS_CATCH_UP = 0.5
"""Seconds a command key waits at most for the text box to take the keys typed before it."""

START_SWITCH_INTERVAL = 0.0005
"""Seconds the interpreter lets a thread run before handing over to one that waits, until the
first frame is out (Python's own is 0.005). Textual writes to the terminal from a thread
of its own; while start-up kept the main thread busy, each write waited out a hand-over:
the first frame reached the terminal about 14 ms after it was made."""


class ClerkApp(App[None]):
    """clerk: agendas, attendance and minutes for committee clerks."""

    TITLE = "clerk"
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        Path(__file__).with_name("app.tcss"),
        MEETINGS_CSS,
    ]
    """The first screen's rules are read with the app's. It is the default screen (see
    ``get_default_screen``), whose own CSS_PATH Textual never reads; a pushed screen's is
    read as it is pushed, and each new source makes Textual parse every rule of the app
    again and restyle every widget. Absolute: a relative path would be looked for beside a
    subclass's module."""
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    """Where the clerk is and how saving goes. Stock, a change repaints the whole screen;
    it changes twice a save while the clerk types, and the one thing that shows it, the
    header's title line (``widgets.steady_header``), redraws itself when it changes."""
    COMMANDS = App.COMMANDS | {ClerkCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-roomy")]
    """Every screen is ``-narrow`` below 100 columns (an 80-column terminal): button rows
    there drop their borders so every button shows (the live screen has its own)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", tooltip="Every key of this screen, and what it does.", id="app.help"),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Changes save by themselves; this retries a failed save now.",
            id="app.save",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            tooltip="Quit once every change is on disk; asks if one is not.",
            id="app.quit",
        ),
        # Issue 12: search every meeting, import published papers from text. Not in the
        # footer (it would crowd every screen's); in the palette and in f1's list.
        Binding(
            "ctrl+f,slash",
            "search",
            "Search",
            tooltip="Search every meeting's minutes and agendas.",
            show=False,
            id="app.search",
        ),
        Binding(
            "f6",  # ctrl+t already switches a resolution's lead in the minute editor
            "import_paper",
            "Import paper",
            tooltip="Read published minutes or a front sheet from a text file.",
            show=False,
            id="app.import",
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        demo: bool = False,
        clock: Callable[[], datetime] | None = None,
        log_path: Path | None = None,
        store_label: str | None = None,
        recovery_folders: Sequence[Path] | None = None,
        read_only_reason: str = "",
    ) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.clock = clock or datetime.now
        self.log_path = log_path
        self.store_label = store_label or str(store.root)
        """How the header names the store (tests give a fixed name; the path varies)."""
        self.recovery_folders: list[Path] = (
            list(recovery_folders) if recovery_folders is not None else recovery.default_folders(store.root)
        )
        """Where unsaved records are kept when quitting, first that takes them (and looked for at start)."""
        self.read_only_reason = read_only_reason or store.read_only_reason or ""
        """Why the store is read-only, if the CLI knows ("the folder cannot be written")."""
        self.saver = Saver(self, store, self.clock, on_change=self.refresh_subtitle)
        self._switch_interval = sys.getswitchinterval()
        """The interpreter's own, put back once the first frame is out (see on_load)."""
        self.open_meeting: str = ""
        self.last_export_folder: Path | None = None
        """Where the last export went in this session: the export dialog offers it next."""

    # --- keys ----------------------------------------------------------------------
    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        if priority and self._has_priority_binding(key):
            await self._let_the_focused_box_catch_up()
        return await super()._check_bindings(key, priority)

    def _has_priority_binding(self, key: str) -> bool:
        """Asked for every key typed. Read from the bindings of the focused widget and its
        ancestors as declared: Textual's binding chain copies and filters every map on
        the way (a third of a millisecond a key, on top of its own pass). Only a keymap
        moves bindings to other keys; with one, the chain is the one to ask."""
        screen = self.screen
        if self._keymap:
            chain = [bindings for _, bindings in screen._binding_chain]
        else:
            focused = screen.focused
            nodes = focused.ancestors_with_self if focused is not None else [screen, self]
            chain = [node._bindings for node in nodes]
        bound = (binding for bindings in chain for binding in bindings.key_to_bindings.get(key, ()))
        return any(binding.priority for binding in bound)

    async def _let_the_focused_box_catch_up(self) -> None:
        """A priority binding (a dialog's f2) acts as the key arrives, before the text box has
        taken the letters typed just ahead of it: a name typed fast then f2 was saved without
        its last letters. Wait (briefly) until the box has dealt with every key it was given."""
        from textual.widgets import Input, TextArea

        box = self.focused
        if isinstance(box, (Input, TextArea)):
            caught_up = asyncio.Event()
            box.call_later(caught_up.set)  # queued behind the keys the box was given
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(caught_up.wait(), KEYS_CATCH_UP)

    # --- time ----------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # --- shell ---------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The meetings list is the bottom of the stack, composed with the app: pushed from
        ``on_mount`` instead, it was first drawn inside the app's start-up batch, where the
        frame is made and thrown away (about 25 ms before the first frame at 500 meetings)."""
        return MeetingsScreen()

    def on_load(self) -> None:
        sys.setswitchinterval(min(START_SWITCH_INTERVAL, self._switch_interval))

    def on_mount(self) -> None:
        # What start-up built (modules, styles, the app) lives as long as the app: frozen,
        # the collector stops walking it, and its first full pass stops landing in the
        # first frame (about 50 ms at 500 meetings).
        gc.freeze()
        self.refresh_subtitle()
        # The store's backup (or its look for damaged files) competes with the first frame
        # for the interpreter: started once the list is drawn (a no-op if the open did); so
        # do the looks for what the last session left (they read folders).
        self.screen.call_after_refresh(self._after_first_frame)
        for problem in self.store.problems:
            self.notify(str(problem), title="Store", severity="warning", timeout=15)
        if self.store.read_only:
            because = f" ({self.read_only_reason})" if self.read_only_reason else ""
            self.notify(
                f"The store {self.store.root} is open READ-ONLY{because}: everything can be read and "
                "exported, nothing can be changed.",
                title="Read-only",
                severity="warning",
                timeout=20,
            )

    def _after_first_frame(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        self.store.start_background()
        self._tell_what_was_recovered()
        self._offer_recovery_files()

    def _tell_what_was_recovered(self) -> None:
        note = self.store.unclean_shutdown()
        if note is None:
            return
        since = f" (opened {note.started:%d %b at %H:%M})" if note.started else ""
        last = ""
        if note.last_meeting and note.last_saved:
            last = f" The last change saved was to meeting {note.last_meeting} at {note.last_saved:%H:%M:%S}."
        self.notify(
            f"clerk was not closed properly last time{since}. Everything it saved is here.{last}",
            title="Recovered",
            severity="warning",
            timeout=30,
        )

    def refresh_subtitle(self) -> None:
        where = f"demo store {self.store_label}" if self.demo else self.store_label
        meeting = f" · {self.open_meeting}" if self.open_meeting else ""
        alarm, status = self.save_status()
        status = f" · {status}" if status else ""
        # Trouble goes first: a long store path or meeting name must never hide it.
        self.sub_title = f"{alarm} · {where}{meeting}{status}" if alarm else f"{where}{meeting}{status}"

    def save_status(self) -> tuple[str, str]:
        """What the header says about saving, true at every moment: the trouble (read-only,
        not saved) and the routine ("saving…", "saved 10:30:00")."""
        parts = ["READ-ONLY"] if self.store.read_only else []
        failures = self.saver.failures
        if failures:
            count = len(failures)
            state = f"NOT SAVED: {count} record{'' if count == 1 else 's'}"
            retry_in = self.saver.retry_in()
            if any(record.writing for record in failures):
                state += ", saving again…"
            elif any(record.conflict is not None for record in failures):
                state += ", changed on disk: ctrl+s to choose"
            elif retry_in is not None:
                state += f", retrying in {retry_in} s"
            parts.append(state)
            return " · ".join(parts), ""
        if self.saver.busy:
            return " · ".join(parts), "saving…"
        if self.saver.last_saved:
            return " · ".join(parts), f"saved {self.saver.last_saved:%H:%M:%S}"
        return " · ".join(parts), ""

    def set_open_meeting(self, label: str) -> None:
        self.open_meeting = label
        self.refresh_subtitle()

    # --- saving --------------------------------------------------------------------
    def save_meeting(self, meeting: Meeting) -> asyncio.Future[SaveOutcome]:
        return self.saver.meeting(meeting)

    def save_minutes(self, meeting: Meeting, minutes: list[Minute]) -> asyncio.Future[SaveOutcome]:
        """Save what typing changed: these minutes of the meeting (the rest is saved)."""
        return self.saver.minutes(meeting, minutes)

    def save_committee(self, committee: Committee) -> asyncio.Future[SaveOutcome]:
        return self.saver.committee(committee)

    def save_person(self, person: Person) -> asyncio.Future[SaveOutcome]:
        return self.saver.person(person)

    def on_saved(self, message: Saved) -> None:
        change = self.saver.saved(message)
        if change.now_saved and change.record is not None:
            self.notify(f"{change.record.what} is saved now.", title="Saved", timeout=6)
        if not self.screen_stack:
            return  # the last save of a closing app lands after its screens have gone
        refresh = getattr(self.screen, "on_store_saved", None)
        if callable(refresh):
            refresh()

    def on_save_failed(self, message: SaveFailed) -> None:
        change = self.saver.failed(message)
        record = change.record
        if record is None:
            return
        conflict = record.conflict
        if conflict is not None and conflict.path.name == INDEX_NAME and record.attempts <= 3:
            # index.json only lists the meetings, rebuilt from them: clerk's list stands.
            self.saver.keep_mine(record.key, keep_theirs=lambda path: None)
            return
        if not change.first_failure:
            return  # said already; the header keeps count
        if conflict is not None:
            self.notify(
                f"{record.what} was NOT saved: its file was changed by another program after clerk read "
                "it, so clerk did not overwrite it. Your changes are still here. Press ctrl+s to "
                "choose: keep yours, or reload the file.",
                title="Not saved: changed on disk",
                severity="error",
                timeout=30,
            )
            return
        if self.store.read_only:
            self.notify(
                f"{record.what} was NOT saved: the store is open read-only. The change is kept here "
                "until you quit, which offers to write it to a recovery file.",
                title="Not saved: read-only",
                severity="error",
                timeout=20,
            )
            return
        self.notify(
            f"{record.what} was NOT saved: {message.reason}\nNothing is lost: clerk keeps your changes "
            "and tries again by itself (ctrl+s tries now). Quitting asks first.",
            title="Not saved",
            severity="error",
            timeout=30,
        )

    def action_save(self) -> None:
        conflicts = [record for record in self.saver.failures if record.conflict is not None]
        retried = self.saver.retry_now()
        if conflicts:
            self._ask_about_conflict(conflicts[0])
        elif retried:
            self.notify(
                f"Trying again to save {retried} record{'' if retried == 1 else 's'}…",
                title="Save",
                timeout=4,
            )
        elif self.saver.busy:
            self.notify("Saving now…", title="Save")
        elif self.saver.failures:
            reasons = "; ".join(f"{r.what}: {r.reason}" for r in self.saver.failures)
            self.notify(f"Not saved: {reasons}", title="Save", severity="error")
        elif self.saver.last_saved:
            self.notify(f"Every change is saved (last at {self.saver.last_saved:%H:%M:%S}).", title="Save")
        else:
            self.notify("Nothing has changed since the store was opened.", title="Save")

    # --- a file changed by another program ----------------------------------------
    def _ask_about_conflict(self, record: Unsaved) -> None:
        from clerk_tui.screens.changed_on_disk import ChangedOnDiskScreen

        conflict = record.conflict
        if conflict is None or not self.screen_stack or isinstance(self.screen, ChangedOnDiskScreen):
            return
        folder = self.recovery_folders[0] if self.recovery_folders else self.store.root
        note = f"the other version is copied to {folder} first"
        key = record.key

        def decided(choice: str | None) -> None:
            if choice == "keep":
                self.saver.keep_mine(key, keep_theirs=self._keep_their_version)
                self.notify(f"Writing your version of {record.what} over the file…", title="Keep mine")
            elif choice == "reload":
                self.reload_record(key)

        self.push_screen(ChangedOnDiskScreen(record.what, conflict.path, note), decided)

    def _keep_their_version(self, path: Path) -> Path:
        """Worker thread: copy the other program's version aside before writing over it."""
        return recovery.keep_copy(path, self.now(), self.recovery_folders)

    @work(exclusive=True, group="reload-record")
    async def reload_record(self, key: str) -> None:
        """Drop the clerk's unsaved changes to one record and read its file as it is now.
        The screens that may hold the record close first, so none saves it again."""
        record = self.saver.pending(key)
        conflict = record.conflict if record is not None else None
        if record is None or conflict is None:
            return
        while not isinstance(self.screen, MeetingsScreen) and len(self.screen_stack) > 1:
            await self.pop_screen()
        self.saver.drop(key)
        await self.saver.wait_until_idle(RELOAD_WAIT)
        try:
            self.store.reread(conflict.path)
        except StoreError as error:
            self.notify(str(error), title="Not reloaded", severity="error", timeout=20)
            return
        if isinstance(self.screen, MeetingsScreen):
            self.screen.reload()
        self.notify(
            f"Your unsaved changes to {record.what} were dropped; clerk now shows its file as it is. "
            "Open it again to carry on.",
            title="Reloaded",
            timeout=12,
        )

    # --- records kept from last time ------------------------------------------------
    def _offer_recovery_files(self) -> None:
        found, problems = recovery.find_recovery(self.store.root, self.recovery_folders)
        for problem in problems:
            self.notify(problem, title="Recovery file", severity="warning", timeout=20)
        if found:
            self._offer(found[0], found[1:])

    def _offer(self, kept: recovery.RecoveryFile, later: list[recovery.RecoveryFile]) -> None:
        """Offer one recovery file, then the next (oldest first)."""
        from clerk_tui.screens.recovered import RecoveredScreen

        def decided(choice: str | None) -> None:
            self._decide(kept, choice)
            if later:
                self._offer(later[0], later[1:])

        self.push_screen(RecoveredScreen(kept, read_only=self.store.read_only), decided)

    def _decide(self, kept: recovery.RecoveryFile, choice: str | None) -> None:
        if choice == "restore":
            self.restore(kept)
        elif choice == "aside":
            try:
                target = recovery.set_aside(kept)
            except OSError as error:
                self.notify(
                    f"{kept.path} could not be renamed ({error.strerror or error}); it is offered "
                    "again at the next start.",
                    title="Recovery file",
                    severity="warning",
                )
                return
            self.notify(f"Kept aside, not offered again: {target}", title="Recovery file", timeout=12)

    @work(group="restore")
    async def restore(self, kept: recovery.RecoveryFile) -> None:
        """Put the kept records into the store (through the saver, like every change);
        the file goes once every one of them is on disk."""
        if self.store.read_only:
            root, reason = str(self.store.root), self.read_only_reason
            message = read_only.refusal_message("restore records", root, reason)
            self.notify(message, title="Read-only", severity="error")
            return
        futures: list[asyncio.Future[SaveOutcome]] = []
        problems: list[str] = []
        for record in kept.records:
            try:
                record.value()
            except Exception as error:  # noqa: BLE001 - a damaged record is reported, not restored
                problems.append(f"{record.what} cannot be read back ({error})")
                continue
            futures.append(self.saver.record(record))
        outcomes = await asyncio.gather(*futures)
        problems += [f"{outcome.what}: {outcome.reason}" for outcome in outcomes if not outcome.saved]
        if problems:
            self.notify(
                f"Not everything was restored ({'; '.join(problems)}). The recovery file {kept.path} "
                "stays and is offered again at the next start.",
                title="Restore",
                severity="error",
                timeout=30,
            )
            return
        try:
            recovery.remove(kept)
        except OSError as error:
            self.notify(f"Restored, but {kept.path} could not be removed: {error}", severity="warning")
        self.notify(
            f"Restored {len(outcomes)} record{'' if len(outcomes) == 1 else 's'} from the recovery file.",
            title="Restore",
            timeout=10,
        )
        if isinstance(self.screen, MeetingsScreen):
            self.screen.reload()

    # --- text boxes ----------------------------------------------------------------
    def on_text_cleaned(self, message: TextCleaned) -> None:
        self.notify(message.message, title="Text cleaned", severity="warning", timeout=8)

    # --- a read-only store refuses every change, through every door -----------------
    async def run_action(
        self,
        action: str | actions.ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        if self.store.read_only:
            what = self._refused(action, default_namespace, namespaces)
            if what is not None:
                self.notify(
                    read_only.refusal_message(what, str(self.store.root), self.read_only_reason),
                    title="Read-only",
                    severity="warning",
                    timeout=10,
                )
                return True
        return await super().run_action(action, default_namespace, namespaces)

    def _refused(
        self,
        action: str | actions.ActionParseResult,
        default_namespace: DOMNode | None,
        namespaces: Mapping[str, DOMNode] | None,
    ) -> str | None:
        destination, name, _ = actions.parse(action) if isinstance(action, str) else action
        targets: dict[str, Any] = {"app": self, "screen": self.screen, "focused": self.focused}
        targets.update(namespaces or {})
        target = targets.get(destination) if destination else (default_namespace or self)
        return read_only.refused(target, name) if target is not None else None

    def action_search(self) -> None:
        from clerk_tui.screens.search import SearchScreen

        self._open_over_screens(SearchScreen)

    def action_import_paper(self) -> None:
        from clerk_tui.screens.import_review import ImportReview

        self._open_over_screens(ImportReview)

    def _open_over_screens(self, screen_type: type[Screen[None]]) -> None:
        """Opened from any screen, not over a dialog (it is finished or closed first)."""
        if isinstance(self.screen, screen_type):
            return
        if isinstance(self.screen, ModalScreen):
            self.notify("Close this dialog first (escape).", severity="warning")
            return
        self.push_screen(screen_type())

    def action_help(self) -> None:
        from clerk_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # --- quitting ------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Quit at once if everything is on disk; otherwise the quit dialog waits for the
        saves in progress (never blocking the app) and asks about what is not saved."""
        from clerk_tui.screens.quit import QuitScreen

        if any(isinstance(screen, QuitScreen) for screen in self.screen_stack):
            return
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_edits", None)
            if callable(flush):
                flush()
        if not self.saver.busy and not self.saver.unsaved():
            self.exit()
            return
        self.push_screen(QuitScreen(), self._quit_answered)

    def _quit_answered(self, farewell: str | None) -> None:
        if farewell is not None:
            self.exit(message=farewell or None)

    # --- the clerk never sees a traceback -----------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        log.error("unexpected error in the app", exc_info=error)
        kept = self._keep_unsaved_on_crash()
        super()._handle_exception(error)
        detail = f" Details are in {self.log_path}." if self.log_path else ""
        self._exit_renderables[:] = [
            Text(
                f"clerk stopped on an unexpected error: {error}. Everything saved up to then is kept "
                f"in {self.store.root}.{kept}{detail}"
            )
        ]

    def _keep_unsaved_on_crash(self) -> str:
        """Stopping on an error: what is not on disk goes to a recovery file (a crash is no
        time for a worker), and the last words say where."""
        unsaved = [record.recovered() for record in self.saver.unsaved()]
        if not unsaved:
            return ""
        try:
            path = recovery.write_recovery(self.store.root, unsaved, self.now(), self.recovery_folders)
        except recovery.RecoveryError as problem:
            return f" {problem}"
        return f" The {len(unsaved)} unsaved record(s) are kept in {path}; the next start offers them back."
