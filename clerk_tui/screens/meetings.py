"""The meetings of every committee, by date: where the clerk starts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from clerk_tui.domain.numbering import minute_range

if TYPE_CHECKING:
    from store import Store


class MeetingsScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Date", "Committee", "Status", "Minutes")
        committees = {c.id: c.name for c in self.store.committees()}
        for summary in self.store.meeting_summaries():
            first = self.store.first_minute_number(summary.id)
            table.add_row(
                summary.date.strftime("%a %d %b %Y"),
                committees.get(summary.committee_id, summary.committee_id),
                summary.status.label(),
                minute_range(first, summary.minute_count),
                key=summary.id,
            )
        table.focus()
