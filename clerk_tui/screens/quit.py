"""Quitting: wait for the saves in progress, then, if anything is still not on disk, ask.

ctrl+q never freezes the app: the wait runs in a worker, with a progress line and a
limit. Then the clerk chooses: try the saves again now, write the unsaved records to a
recovery file that the next start offers back, or quit without them (asked twice).
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from clerk_tui.recovery import RecoveredRecord, RecoveryError, write_recovery
from clerk_tui.saving import Unsaved
from clerk_tui.screens.base import ClerkModal
from clerk_tui.screens.confirm import ConfirmScreen
from widgets.steady_footer import SteadyFooter

QUIT_WAIT = 10.0
"""Seconds ctrl+q waits for saves in progress before it asks what to do."""


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe(record: Unsaved) -> str:
    """One line for one unsaved record: what it is and why it is not on disk."""
    if record.writing:
        state = "still being written (the disk has not answered yet)"
    elif record.conflict is not None:
        state = "its file was changed by another program, so clerk did not overwrite it"
    else:
        state = record.reason or "not saved yet"
    return f"• {record.what}: {state}"


class QuitScreen(ClerkModal):
    """Dismisses with the line to print once clerk has closed ("" for none) to quit, or
    None to go back to work."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Quit"
    HELP_TITLE = "Quitting with changes not saved"
    HELP_TEXT = (
        "Some changes are not on disk yet. Nothing is lost while clerk stays open: it keeps "
        "them and tries again by itself. r tries now; w writes them to a recovery file that "
        "the next start offers back; q quits without them (it asks again)."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry now", tooltip="Try to save the records again now.", id="quit.retry"),
        Binding(
            "w",
            "write_recovery",
            "Recovery file",
            tooltip="Write the unsaved records to a recovery file and quit; the next start offers them back.",
            id="quit.recovery",
        ),
        Binding(
            "q",
            "quit_anyway",
            "Quit anyway",
            tooltip="Quit and lose the unsaved changes (asks again).",
            id="quit.anyway",
        ),
        Binding("escape", "stay", "Back", tooltip="Back to work: nothing is lost.", id="quit.stay"),
    ]

    def __init__(self, wait: float | None = None) -> None:
        super().__init__()
        self.wait_limit = QUIT_WAIT if wait is None else wait
        self.asking = False
        """The saves in progress are done (or the wait is over) and the question is shown."""
        self._writing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-body"):
            yield Static("", id="quit-progress", markup=False)
            yield Static("", id="quit-question", markup=False)
            with Horizontal(id="quit-buttons"):
                yield Button("Retry now (r)", id="quit-retry", action="screen.retry", variant="primary")
                yield Button(
                    "Recovery file (w)", id="quit-recovery", action="screen.write_recovery", variant="warning"
                )
                yield Button(
                    "Quit anyway (q)", id="quit-anyway", action="screen.quit_anyway", variant="error"
                )
                yield Button("Back (esc)", id="quit-stay", action="screen.stay")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.wait_for_saves()
        self.set_interval(1.0, self._recheck)

    # --- waiting ---------------------------------------------------------------------
    @work(exclusive=True, group="quit-wait")
    async def wait_for_saves(self) -> None:
        """Wait for the saves in progress, saying so, at most ``wait_limit`` seconds; then
        quit if everything is on disk, else ask."""
        saver = self.clerk.saver
        self._show_asking(False)
        deadline = time.monotonic() + self.wait_limit
        while saver.busy:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            writing = sum(1 for record in saver.unsaved() if record.writing)
            self._progress(
                f"Saving {plural(writing, 'record')} before quitting… "
                f"(waiting at most {math.ceil(left)} s more; escape goes back to work)"
            )
            await saver.wait_until_idle(min(0.25, left))
        if not saver.unsaved():
            self.dismiss("")
            return
        waited = "" if not saver.busy else f"clerk waited {self.wait_limit:.0f} s for the disk."
        self._progress(waited)
        self._ask(saver.unsaved())

    def _progress(self, text: str) -> None:
        line = self.query_one("#quit-progress", Static)
        line.update(text)
        line.display = bool(text)

    def _ask(self, records: list[Unsaved]) -> None:
        count = plural(len(records), "record")
        verb = "is" if len(records) == 1 else "are"
        lines = "\n".join(describe(record) for record in records)
        self.query_one("#quit-question", Static).update(
            f"{count} {verb} NOT SAVED:\n{lines}\n\n"
            "r: try again now · w: write them to a recovery file that the next start offers "
            "back, then quit · q: quit without them · escape: back to work (nothing is lost)"
        )
        self._show_asking(True)

    def _recheck(self) -> None:
        """The saves go on while the question is open (a retry by itself, a disk freed):
        keep the list true, and quit once nothing is left unsaved, as ctrl+q asked."""
        if not self.asking or self._writing or self.app.screen is not self:
            return
        unsaved = self.clerk.saver.unsaved()
        if not unsaved:
            self.dismiss("")
        else:
            self._ask(unsaved)

    def _show_asking(self, asking: bool) -> None:
        self.asking = asking
        for button in self.query("#quit-retry, #quit-recovery, #quit-anyway").results(Button):
            button.disabled = not asking
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"retry", "write_recovery", "quit_anyway"}:
            return None if not self.asking or self._writing else True
        return True

    # --- choices ---------------------------------------------------------------------
    def action_retry(self) -> None:
        self.clerk.saver.retry_now()
        self.query_one("#quit-question", Static).update("")
        self.wait_for_saves()

    def action_write_recovery(self) -> None:
        records = [record.recovered() for record in self.clerk.saver.unsaved()]
        self._writing = True
        self.refresh_bindings()
        self._progress(f"Writing {plural(len(records), 'record')}…")
        self._write(records)

    @work(thread=True, exclusive=True, group="quit-recovery", exit_on_error=False)
    def _write(self, records: list[RecoveredRecord]) -> None:
        """Disk I/O, so a thread: the disk may be the slow or the full one."""
        clerk = self.clerk
        try:
            path = write_recovery(clerk.store.root, records, clerk.now(), clerk.recovery_folders)
        except RecoveryError as error:
            self.app.call_from_thread(self._not_written, str(error))
            return
        self.app.call_from_thread(self._written, path, len(records))

    def _written(self, path: Path, count: int) -> None:
        self.dismiss(
            f"clerk kept {plural(count, 'unsaved record')} in the recovery file {path}; "
            "the next start of this store offers them back."
        )

    def _not_written(self, message: str) -> None:
        self._writing = False
        self.refresh_bindings()
        self._progress(f"{message} Nothing was lost: clerk is still open.")

    def action_quit_anyway(self) -> None:
        records = self.clerk.saver.unsaved()
        names = ", ".join(record.what for record in records)
        self.app.push_screen(
            ConfirmScreen(
                f"Quit and lose the changes to {names}? They are not on disk and not in a recovery file.",
                "Lose them",
            ),
            self._lose_them,
        )

    def _lose_them(self, confirmed: bool | None) -> None:
        if confirmed:
            self.dismiss("")

    def action_stay(self) -> None:
        self.dismiss(None)
