"""Actions arising: what the resolutions asked people to do, with their minute numbers."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from clerk_tui.domain import Meeting
from clerk_tui.domain.dates import format_short_date
from clerk_tui.domain.live import actions_arising
from clerk_tui.screens.base import ClerkModal


class ActionsScreen(ClerkModal):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="actions.close"),
    ]

    def __init__(self, meeting: Meeting, first_number: int) -> None:
        super().__init__()
        self.meeting = meeting
        self.first_number = first_number

    def compose(self) -> ComposeResult:
        with Vertical(id="actions-box"):
            yield Static(
                f"Actions arising from the meeting of {self.meeting.date:%d %B %Y}", id="actions-title"
            )
            yield DataTable(id="actions-table", cursor_type="row")
            yield Static(id="actions-empty")

    def on_mount(self) -> None:
        table = self.query_one("#actions-table", DataTable)
        table.add_columns("Reference", "Action")
        actions = actions_arising(self.meeting, self.first_number)
        short = format_short_date(self.meeting.date)
        for action in actions:
            table.add_row(action.reference(short), action.text)
        self.query_one("#actions-empty", Static).update(
            ""
            if actions
            else "No resolution asks anyone to do anything (“be requested to…”, “delegated authority…”)."
        )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
