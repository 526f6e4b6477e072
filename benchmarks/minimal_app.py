"""The baseline for start-up: a minimal Textual app with a Header, an Input, a DataTable
and a Footer, filled with the rows a screen shows. Run in a pseudo-terminal by run.py."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input

MARKER = "Baseline row 1"


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search")
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Committee", "Year", "Date", "Status", "Minutes")
        for row in range(1, 41):
            table.add_row(f"Baseline row {row}", "2024/25", "Tue 07 May 2024", "minutes drafted", "1-12")
        table.focus()


if __name__ == "__main__":
    Minimal().run()
