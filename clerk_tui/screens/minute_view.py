"""One meeting's minutes as they print, opened at the minute a search result found.

Read only: the public copy (exempt items withheld) unless the result itself was exempt
text the clerk asked to see, and then the screen says so in red.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, TextArea

from clerk_tui.exporting import print_paper
from clerk_tui.render import PrintOptions
from clerk_tui.screens.base import ClerkScreen
from store import StoreError
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader


class MinuteView(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#minute-text"
    PALETTE_GROUP = "Minute"
    HELP_TITLE = "Minute"
    HELP_TEXT = "The minutes as they print, at the minute the search found. Nothing here can be changed."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f3", "open_meeting", "Open meeting", tooltip="The meeting's agenda screen.", id="minute.open"
        ),
        Binding("escape", "back", "Back", tooltip="Back to the search results.", id="minute.back"),
    ]

    def __init__(self, meeting_id: str, position: int | None, *, show_exempt: bool = False) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.position = position
        self.show_exempt = show_exempt

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static(id="minute-heading")
        yield TextArea(id="minute-text", read_only=True, soft_wrap=True)
        yield SteadyFooter()

    def on_mount(self) -> None:
        heading = self.query_one("#minute-heading", Static)
        try:
            printed = print_paper(
                self.store, "minutes", self.meeting_id, PrintOptions(width=0, public=not self.show_exempt)
            )
        except StoreError as error:
            heading.update(Text(f"{self.meeting_id} could not be opened: {error}", style="bold red"))
            return
        if self.show_exempt:
            heading.update(
                Text(f"{self.meeting_id}: with exempt text, NOT FOR PUBLICATION", style="bold red")
            )
        else:
            heading.update(f"{self.meeting_id}: the public copy (exempt items withheld)")
        area = self.query_one("#minute-text", TextArea)
        area.load_text(printed.text)
        line = self._line_of_minute(printed.text)
        if line is not None:
            area.move_cursor((line, 0))
            area.scroll_to(y=line, animate=False)

    def _line_of_minute(self, text: str) -> int | None:
        if self.position is None:
            return None
        try:
            first = self.store.first_minute_number(self.meeting_id)
        except StoreError:
            return None
        wanted = f"{first + self.position}. "
        for number, line in enumerate(text.splitlines()):
            if line.startswith(wanted):
                return number
        return None

    def action_open_meeting(self) -> None:
        from clerk_tui.screens.agenda import AgendaScreen

        try:
            meeting = self.store.meeting(self.meeting_id)
        except StoreError as error:
            self.report(error, title="Not opened")
            return
        self.clerk.set_open_meeting(self.meeting_id)
        self.app.push_screen(AgendaScreen(meeting))

    def action_back(self) -> None:
        self.dismiss()
