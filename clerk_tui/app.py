"""The Textual application: screens, bindings, palette and themes. Kept thin: screens do
the work, the saver writes, the domain decides."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from clerk_tui.commands import ClerkCommands
from clerk_tui.saving import Saved, SaveFailed, Saver
from clerk_tui.screens.meetings import MeetingsScreen

if TYPE_CHECKING:
    from clerk_tui.domain import Committee, Meeting, Person
    from store import Store

log = logging.getLogger("clerk")


class ClerkApp(App[None]):
    """clerk: agendas, attendance and minutes for committee clerks."""

    TITLE = "clerk"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ClerkCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", tooltip="Every key of this screen, and what it does.", id="app.help"),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Changes save by themselves; this says when they did.",
            id="app.save",
        ),
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit once every change is on disk.", id="app.quit"),
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
    ) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.clock = clock or datetime.now
        self.log_path = log_path
        self.store_label = store_label or str(store.root)
        """How the header names the store (tests give a fixed name; the path varies)."""
        self.saver = Saver(self, store, self.clock)
        self.open_meeting: str = ""

    # --- time ----------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # --- shell ---------------------------------------------------------------------
    def on_mount(self) -> None:
        self.refresh_subtitle()
        self.push_screen(MeetingsScreen())
        for problem in self.store.problems:
            self.notify(str(problem), title="Store", severity="warning", timeout=15)
        self._tell_what_was_recovered()

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
        status = ""
        if self.saver.failed:
            status = " · NOT SAVED"
        elif self.saver.last_saved:
            status = f" · saved {self.saver.last_saved:%H:%M:%S}"
        self.sub_title = f"{where}{meeting}{status}"

    def set_open_meeting(self, label: str) -> None:
        self.open_meeting = label
        self.refresh_subtitle()

    # --- saving --------------------------------------------------------------------
    def save_meeting(self, meeting: Meeting) -> None:
        self.saver.meeting(meeting)

    def save_committee(self, committee: Committee) -> None:
        self.saver.committee(committee)

    def save_person(self, person: Person) -> None:
        self.saver.person(person)

    def on_saved(self, message: Saved) -> None:
        self.refresh_subtitle()
        refresh = getattr(self.screen, "on_store_saved", None)
        if callable(refresh):
            refresh()

    def on_save_failed(self, message: SaveFailed) -> None:
        self.refresh_subtitle()
        self.notify(
            f"{message.what} was NOT saved: {message.reason}\nYour changes are still open here; "
            "fix the cause and press ctrl+s to try again.",
            title="Not saved",
            severity="error",
            timeout=30,
        )

    def action_save(self) -> None:
        if self.saver.busy:
            self.notify("Saving now…", title="Save")
        elif self.saver.failed:
            self.notify(f"The last save failed: {self.saver.failed}", title="Save", severity="error")
        elif self.saver.last_saved:
            self.notify(f"Every change is saved (last at {self.saver.last_saved:%H:%M:%S}).", title="Save")
        else:
            self.notify("Nothing has changed since the store was opened.", title="Save")

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

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_edits", None)
            if callable(flush):
                flush()
        if not self.saver.flush(timeout=10):
            self.notify("Still saving; try again in a moment.", severity="warning")
            return
        self.exit()

    # --- the clerk never sees a traceback -----------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        log.error("unexpected error in the app", exc_info=error)
        self.saver.flush(timeout=5)
        super()._handle_exception(error)
        detail = f" Details are in {self.log_path}." if self.log_path else ""
        self._exit_renderables[:] = [
            Text(
                f"clerk stopped on an unexpected error: {error}. Everything saved up to then is kept "
                f"in {self.store.root}.{detail}"
            )
        ]
