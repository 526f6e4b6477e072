"""Import a published paper (minutes or an agenda front sheet) from a text file, with
the recovered meeting printed again beside the source text.

Nothing is stored until the clerk accepts. The source can be edited here (a line the
reader could not place, put right) and read again; rejecting leaves the store as it
was. Lines not placed are listed with their numbers, and so is everything the reader
was not sure of. Reading and storing run in workers, off the screen's thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from clerk_tui.domain.safe_text import neutralise
from clerk_tui.reading import PaperKind, Reading, Register, read_paper
from clerk_tui.reading.check import print_read_agenda, print_read_minutes
from clerk_tui.reading.preview import preview
from clerk_tui.render import Copy
from clerk_tui.screens.base import ClerkScreen
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

LARGEST = 5_000_000
"""Bytes: a text file larger than this is not a paper."""


class ImportReview(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#import-path"
    PALETTE_GROUP = "Import"
    HELP_TITLE = "Import a paper"
    HELP_TEXT = (
        "Read published minutes or an agenda front sheet from a text file (a PDF turned to "
        "text will do: page stamps, running headers and wrapped lines are taken care of). "
        "Left: the meeting as it was read, printed again. Right: the file's text, which you may "
        "correct and read again (f5). Below: every line that was not placed, with its number, "
        "and what to check. f2 stores it; escape leaves without storing anything. A committee "
        "already in the store keeps its house style unless you tick “Adopt the paper's house style”."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "accept", "Accept", tooltip="Store the meeting as it was read.", id="import.accept"),
        Binding(
            "f5", "read_again", "Read again", tooltip="Read the text on the right again.", id="import.read"
        ),
        Binding("escape", "reject", "Reject", tooltip="Leave; nothing is stored.", id="import.reject"),
    ]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path = path
        self.reading: Reading | None = None
        self._storing = False

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Horizontal(id="import-file"):
            yield Input(
                self.path, placeholder="Path of a text file: minutes or a front sheet", id="import-path"
            )
            yield Button("Read", id="import-read-file", action="screen.read_file")
        yield Static("Type the file's path and press enter.", id="import-summary")
        with Horizontal(id="import-panes"):
            with Vertical(id="import-recovered"):
                yield Static("As read, printed again", classes="import-pane-title")
                yield TextArea(id="import-printed", read_only=True, soft_wrap=True)
            with Vertical(id="import-source"):
                yield Static("The file's text (edit, then f5)", classes="import-pane-title")
                yield TextArea(id="import-text", soft_wrap=False, show_line_numbers=True)
        with VerticalScroll(id="import-report"):
            yield Static(id="import-report-text")
        with Horizontal(id="import-buttons"):
            yield Button("Accept", id="import-accept", action="screen.accept", variant="primary")
            yield Button("Read again", id="import-read", action="screen.read_again")
            yield Checkbox("Adopt the paper's house style", id="import-adopt")
            yield Button("Reject", id="import-reject", action="screen.reject")
        yield SteadyFooter()

    def on_mount(self) -> None:
        if self.path:
            self.action_read_file()

    # --- reading -----------------------------------------------------------------------
    @on(Input.Submitted, "#import-path")
    def _path_given(self) -> None:
        self.action_read_file()

    def action_read_file(self) -> None:
        raw = self.query_one("#import-path", Input).value.strip()
        if not raw:
            self._summary("Type the path of a text file first.", True)
            return
        path = Path(raw).expanduser()
        try:
            if path.stat().st_size > LARGEST:
                self._summary(f"{path} is larger than {LARGEST // 1_000_000} MB: not a paper.", True)
                return
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self._summary(f"{path} is not UTF-8 text: nothing was read.", True)
            return
        except OSError as error:
            self._summary(f"{path} cannot be read: {error.strerror or error}.", True)
            return
        self.path = str(path)
        self.query_one("#import-text", TextArea).load_text(text)
        self._read(text)

    def action_read_again(self) -> None:
        text = self.query_one("#import-text", TextArea).text
        if not text.strip():
            self._summary("There is no text to read.", True)
            return
        self._read(text)

    def _read(self, text: str) -> None:
        self.reading = None
        self._summary("Reading…")
        self._read_in_worker(text, self.path or "the text")

    @work(thread=True, exclusive=True, group="import-read")
    def _read_in_worker(self, text: str, name: str) -> None:
        store = self.store
        register = Register(
            store.people(), store.committees(), frozenset(summary.id for summary in store.meeting_summaries())
        )
        reading = read_paper(text, register, source_name=name)
        printed = ""
        if reading.ok and reading.meeting is not None and reading.committee is not None:
            printer = print_read_minutes if reading.kind == PaperKind.MINUTES else print_read_agenda
            # The copy the paper is: a public copy's exempt record is not in clerk to print.
            printed = printer(
                reading.meeting, reading.committee, reading.people, public=reading.copy == Copy.PUBLIC
            )
        self.app.call_from_thread(self._show, reading, printed)

    def _show(self, reading: Reading, printed: str) -> None:
        self.reading = reading
        self.query_one("#import-printed", TextArea).load_text(printed)
        self._summary(reading.summary(), not reading.ok)
        report = Text()
        section = ""
        for line in preview(reading).splitlines()[2:]:  # the file's name and the summary are above
            if not line.startswith("  "):
                section = line
            style = (
                "bold red" if section.startswith("Not placed") else "yellow" if section == "To check:" else ""
            )
            report.append(line + "\n", style=style)
        self.query_one("#import-report-text", Static).update(report)

    def _summary(self, message: str, problem: bool = False) -> None:
        self.query_one("#import-summary", Static).update(
            Text(neutralise(message), style="bold red" if problem else "bold")
        )

    # --- accept or reject ------------------------------------------------------------------
    def action_accept(self) -> None:
        from clerk_tui.importing import already_stored

        reading = self.reading
        if reading is None:
            self._summary("Read a file first (type its path and press enter).", True)
            return
        if not reading.ok:
            self._summary("This text could not be read as minutes or a front sheet: nothing to store.", True)
            return
        if self._storing:
            return
        duplicate = already_stored(self.store, reading)
        if duplicate:
            self._summary(f"Not stored: {duplicate}.", True)
            return
        self._storing = True
        self._summary("Storing…")
        self._store_in_worker(reading, self.query_one("#import-adopt", Checkbox).value)

    @work(thread=True, exclusive=True, group="import-store")
    def _store_in_worker(self, reading: Reading, adopt: bool) -> None:
        from clerk_tui.importing import store_reading
        from store import StoreError

        try:
            stored = store_reading(self.store, reading, adopt_style=adopt)
        except StoreError as error:
            self.app.call_from_thread(self._not_stored, str(error))
            return
        self.app.call_from_thread(self._stored, stored.meeting_id, stored.notes)

    def _not_stored(self, reason: str) -> None:
        self._storing = False
        self._summary(f"NOT stored: {reason}. The text is still here; try again.", True)

    def _stored(self, meeting_id: str, notes: list[str]) -> None:
        self._storing = False
        detail = "\n".join(notes)
        self.clerk.notify(
            f"Stored {meeting_id}." + (f"\n{detail}" if detail else ""), title="Imported", timeout=12
        )
        self.dismiss()

    def action_reject(self) -> None:
        if self.reading is not None:
            self.clerk.notify("Nothing was stored.", title="Import")
        self.dismiss()
