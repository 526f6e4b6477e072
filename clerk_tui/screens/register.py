"""The attendance register of a committee's municipal year, as councils publish it: each
member's expected, attended, apologies and substituted counts and percentage; a member's
history across committees; saved as CSV or as the printed PDF table.

Wiring only: the counting is ``clerk_tui.domain.register``, the rows and files
``clerk_tui.render.register`` and ``clerk_tui.cli_papers``. The meetings are read off
the UI thread."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.widgets import Button, DataTable, Static
from textual.worker import get_current_worker

from clerk_tui.domain.numbering import municipal_year
from clerk_tui.screens.base import ClerkScreen
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

Saved = Literal["csv", "pdf"]


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def on_screen(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The printed register's cells with the percentage second, seen on a narrow screen."""
    return (cells[0], cells[-1], *cells[1:-1])


class RegisterScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Attendance"
    HELP_TITLE = "Attendance register"
    HELP_TEXT = (
        "Each member's attendance at the committee's meetings of one municipal year: meetings "
        "expected (while they held a seat), attended, apologies, absent, substituted, and the "
        "percentage, as councils publish it. [ and ] move a year; enter on a member shows their "
        "attendance on every committee. f2 saves the register as CSV, f3 as the printed PDF table."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "[",
            "previous_year",
            "Previous year",
            tooltip="The municipal year before.",
            id="register.previous",
        ),
        Binding(
            "right_square_bracket",
            "next_year",
            "Next year",
            tooltip="The municipal year after.",
            id="register.next",
        ),
        Binding(
            "h",
            "history",
            "Member's history",
            tooltip="The highlighted member, every committee.",
            id="register.history",
        ),
        Binding(
            "f2",
            "save_csv",
            "Save CSV",
            tooltip="The register as CSV, for a spreadsheet or the website.",
            id="register.csv",
        ),
        Binding(
            "f3",
            "save_pdf",
            "Save PDF",
            tooltip="The register as the printed table (PDF).",
            id="register.pdf",
        ),
        Binding("escape", "close", "Back", tooltip="Back to the meetings.", id="register.close"),
    ]

    def __init__(self, committee_id: str, day: date) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.day = day
        self.year = 0

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static(id="register-heading")
        yield Static(id="register-meetings")
        yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="register-history", markup=False)
        with Grid(id="register-buttons"):
            yield Button("‹ Year", id="previous", action="screen.previous_year")
            yield Button("Year ›", id="next", action="screen.next_year")
            yield Button("History", id="history", action="screen.history")
            yield Button("Save CSV", id="csv", action="screen.save_csv", variant="primary")
            yield Button("Save PDF", id="pdf", action="screen.save_pdf")
            yield Button("Back", id="close", action="screen.close")
        yield SteadyFooter()

    def on_mount(self) -> None:
        from clerk_tui.render.register import COLUMNS

        committee = self.store.committee(self.committee_id)
        self.year = municipal_year(self.day, committee.style)
        self.query_one("#register-table", DataTable).add_columns(*on_screen(COLUMNS))
        self.query_one("#register-history", Static).display = False
        self.show_year()

    # --- the year's register -------------------------------------------------------
    def show_year(self) -> None:
        committee = self.store.committee(self.committee_id)
        self.query_one("#register-heading", Static).update(
            f"{committee.name}: attendance register, municipal year {year_label(self.year)}"
        )
        self.query_one("#register-meetings", Static).update("Reading the year's meetings…")
        self.run_worker(
            partial(self._read_year, self.year),
            thread=True,
            exclusive=True,
            group="register-year",
            exit_on_error=False,
        )

    def _read_year(self, year: int) -> None:
        from clerk_tui.cli_papers import year_meetings
        from clerk_tui.domain.register import register_for
        from clerk_tui.render.register import register_row

        try:
            committee = self.store.committee(self.committee_id)
            people = {person.id: person for person in self.store.people()}
            register = register_for(committee, year_meetings(self.store, self.committee_id, year), year)
        except Exception as error:  # noqa: BLE001 - told to the clerk, never raised
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.report, error, "Cannot read the register")
            return
        rows = [(tally.person_id, register_row(tally, people)) for tally in register.tallies]
        held = [day for _, day in register.meetings]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_rows, year, rows, held)

    def _show_rows(self, year: int, rows: list[tuple[str, tuple[str, ...]]], held: list[date]) -> None:
        from clerk_tui.domain.dates import format_echo

        if year != self.year:
            return
        table = self.query_one("#register-table", DataTable)
        table.clear()
        for person_id, cells in rows:
            table.add_row(*on_screen(cells), key=person_id)
        meetings = self.query_one("#register-meetings", Static)
        if held:
            days = "; ".join(format_echo(day) for day in held)
            meetings.update(f"Meetings counted ({len(held)}): {days}. Cancelled meetings are not counted.")
        else:
            meetings.update(
                f"No meetings of the committee were held in {year_label(year)}: [ and ] move a year."
            )
        table.focus()

    def action_previous_year(self) -> None:
        self.year -= 1
        self.show_year()

    def action_next_year(self) -> None:
        self.year += 1
        self.show_year()

    # --- a member's history ----------------------------------------------------------
    def highlighted_person(self) -> str | None:
        table = self.query_one("#register-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    @on(DataTable.RowSelected, "#register-table")
    def _row_selected(self) -> None:
        self.action_history()

    def action_history(self) -> None:
        person_id = self.highlighted_person()
        if person_id is None:
            self.clerk.notify("No member to show: this year has no register yet.", severity="warning")
            return
        box = self.query_one("#register-history", Static)
        box.display = True
        box.update("Reading every committee's meetings…")
        self.run_worker(
            partial(self._read_history, person_id),
            thread=True,
            exclusive=True,
            group="register-history",
            exit_on_error=False,
        )

    def _read_history(self, person_id: str) -> None:
        from clerk_tui.domain.register import RecordedVote, member_history, noting_recorded_votes

        votes: list[RecordedVote] = []
        try:
            person = self.store.person(person_id)
            committees = self.store.committees()
            meetings = (self.store.meeting(s.id) for s in self.store.meeting_summaries())
            entries = member_history(person_id, committees, noting_recorded_votes(meetings, person_id, votes))
        except Exception as error:  # noqa: BLE001 - told to the clerk, never raised
            self.app.call_from_thread(self.report, error, "Cannot read the member's history")
            return
        names = {c.id: c.name for c in committees}
        lines = [f"{person.name}: attendance on every committee"] + [
            f"  {names.get(e.committee_id, e.committee_id)} {e.year}: attended {e.tally.attended} of "
            f"{e.tally.expected} expected"
            + (f" ({e.tally.percentage}%)" if e.tally.percentage is not None else "")
            + f", apologies {e.tally.apologies}, substituted {e.tally.substituted}"
            for e in entries
        ]
        if votes:
            lines.append("Recorded votes:")
            for vote in votes:
                said = "abstained" if vote.how == "abstained" else f"voted {vote.how}"
                committee = names.get(vote.committee_id, vote.committee_id)
                lines.append(f"  {vote.date:%d %b %Y}, {committee}, {vote.item}: {said} ({vote.result})")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one("#register-history", Static).update, "\n".join(lines))

    # --- saving ------------------------------------------------------------------------
    def action_save_csv(self) -> None:
        self.save("csv")

    def action_save_pdf(self) -> None:
        self.save("pdf")

    def save(self, fmt: Saved) -> None:
        from clerk_tui.screens.export import export_folder

        path = (
            export_folder() / f"{self.committee_id}-{self.year}-{(self.year + 1) % 100:02d}-attendance.{fmt}"
        )
        self.run_worker(
            partial(self._save, fmt, self.year, path), thread=True, group="register-save", exit_on_error=False
        )

    def _save(self, fmt: Saved, year: int, path: Path) -> None:
        from clerk_tui.cli_papers import register_file
        from clerk_tui.exporting import write_export_bytes
        from clerk_tui.render import Copy

        try:
            data = register_file(self.store, self.committee_id, year, fmt)
            write_export_bytes(path, data, Copy.PUBLIC, make_folder=True)
        except Exception as error:  # noqa: BLE001 - told to the clerk, never raised
            self.app.call_from_thread(self.report, error, "Register not saved")
            return
        self.app.call_from_thread(
            self.clerk.notify, f"The {year_label(year)} register is saved as {path}", title="Saved"
        )

    def action_close(self) -> None:
        self.app.pop_screen()
