"""Where the clerk starts: every meeting, by committee and municipal year."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Footer, Header, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import MeetingSummary
from clerk_tui.domain.numbering import minute_range, municipal_year_label
from clerk_tui.screens.base import ClerkScreen
from store import StoreError


class MeetingsScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Meetings"
    HELP_TITLE = "Meetings"
    HELP_TEXT = (
        "Every meeting in the store, by committee and municipal year. Pick one with the arrow "
        "keys and press enter to draft its agenda."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_meeting",
            "Open agenda",
            tooltip="Draft the agenda of the highlighted meeting.",
            id="meetings.open",
        ),
        Binding(
            "n",
            "new_meeting",
            "New meeting",
            tooltip="A meeting pre-filled from its committee.",
            id="meetings.new",
        ),
        Binding(
            "y",
            "schedule",
            "Year's schedule",
            tooltip="Create a year of meetings from a rule.",
            id="meetings.schedule",
        ),
        Binding(
            "c",
            "committees",
            "Committees",
            tooltip="Committees, their members and house style.",
            id="meetings.committees",
        ),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="Print the highlighted meeting's agenda or minutes to a file.",
            id="meetings.export",
        ),
        Binding(
            "r",
            "minutes_record",
            "Minutes record",
            tooltip="Circulate, confirm, sign and print the highlighted meeting's minutes.",
            id="meetings.record",
        ),
        Binding(
            "a",
            "register",
            "Attendance",
            tooltip="The attendance register of the highlighted meeting's committee and year.",
            id="meetings.register",
        ),
        Binding("f", "all_committees", "All committees", show=False, id="meetings.all"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.committee_filter: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meetings-heading")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(id="meetings-empty")
        yield Static(
            "Highlight a meeting and press enter to draft its agenda. n: a new meeting, c: committees "
            "and members, f1: every key, ctrl+p: every command by name.",
            id="meetings-hint",
        )
        with Horizontal(id="meetings-buttons"):
            yield Button("Open agenda", id="open", action="screen.open_meeting", variant="primary")
            yield Button("New meeting", id="new", action="screen.new_meeting")
            yield Button("Year's schedule", id="schedule", action="screen.schedule")
            yield Button("Committees", id="committees", action="screen.committees")
            yield Button("Export", id="export", action="screen.export")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Committee", "Year", "Date", "Status", "Minutes")
        self.clerk.set_open_meeting("")
        self.reload()

    def on_screen_resume(self) -> None:
        self.clerk.set_open_meeting("")
        self.reload()

    def reload(self, select: str | None = None) -> None:
        table = self.query_one("#meetings", DataTable)
        current = select or self.highlighted_id()
        table.clear()
        committees = {c.id: c for c in self.store.committees()}
        summaries = [
            s for s in self.store.meeting_summaries() if self.committee_filter in (None, s.committee_id)
        ]
        summaries.sort(
            key=lambda s: (
                committees[s.committee_id].name if s.committee_id in committees else s.committee_id,
                s.date,
            )
        )
        for summary in summaries:
            committee = committees.get(summary.committee_id)
            table.add_row(
                committee.name if committee else summary.committee_id,
                municipal_year_label(summary.date, committee.style) if committee else "",
                summary.date.strftime("%a %d %b %Y"),
                summary.status.label(),
                self._minutes(summary),
                key=summary.id,
            )
        self._describe(len(summaries), committees)
        if current and current in {s.id for s in summaries}:
            table.move_cursor(row=table.get_row_index(current))
        table.focus()

    def _minutes(self, summary: MeetingSummary) -> str:
        try:
            return minute_range(self.store.first_minute_number(summary.id), summary.minute_count)
        except StoreError:
            return "?"

    def _describe(self, count: int, committees: Mapping[str, object]) -> None:
        heading = self.query_one("#meetings-heading", Static)
        name = getattr(committees.get(self.committee_filter or ""), "name", "")
        heading.update(f"Meetings of {name} (f: all committees)" if name else "Meetings of every committee")
        empty = self.query_one("#meetings-empty", Static)
        if count:
            empty.update("")
            empty.display = False
        else:
            empty.display = True
            empty.update(
                "No meetings yet. Press c to set up a committee and its members, then n for a new "
                "meeting or y for a year's schedule."
                if not committees
                else "No meetings yet: press n for a new meeting or y for a year's schedule."
            )

    def on_store_saved(self) -> None:
        """A save landed (a meeting created by a dialog): show it."""
        self.reload()

    def highlighted_id(self) -> str | None:
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    # --- actions ------------------------------------------------------------------
    def action_open_meeting(self) -> None:
        meeting_id = self.highlighted_id()
        if meeting_id is None:
            self.clerk.notify("No meeting to open yet: press n to create one.", severity="warning")
            return
        self.open(meeting_id)

    def open(self, meeting_id: str) -> None:
        from clerk_tui.screens.agenda import AgendaScreen

        try:
            meeting = self.store.meeting(meeting_id)
        except StoreError as error:
            self.report(error, "Cannot open")
            return
        if meeting.record.signature is not None:  # locked: its record, never an editor
            self.clerk.notify("These minutes are signed and locked; here is their record.", title="Signed")
            self.action_minutes_record(meeting_id)
            return
        self.app.push_screen(AgendaScreen(meeting))

    def action_new_meeting(self) -> None:
        from clerk_tui.screens.new_meeting import NewMeetingScreen

        if not self.store.committees():
            self.clerk.notify("Set up a committee first: press c.", severity="warning")
            return
        self.app.push_screen(NewMeetingScreen(self.committee_filter), self._created)

    def action_schedule(self) -> None:
        from clerk_tui.screens.schedule import ScheduleScreen

        if not self.store.committees():
            self.clerk.notify("Set up a committee first: press c.", severity="warning")
            return
        self.app.push_screen(ScheduleScreen(self.committee_filter), self._created)

    def _created(self, meeting_ids: list[str] | None) -> None:
        if meeting_ids:
            self.reload(select=meeting_ids[0])

    def action_committees(self) -> None:
        from clerk_tui.screens.committees import CommitteesScreen

        self.app.push_screen(CommitteesScreen())

    def action_export(self) -> None:
        from clerk_tui.screens.export import ExportScreen

        meeting_id = self.highlighted_id()
        if meeting_id is None:
            self.clerk.notify("No meeting to export yet.", severity="warning")
            return
        self.app.push_screen(ExportScreen(meeting_id))

    def action_minutes_record(self, meeting_id: str | None = None) -> None:
        from clerk_tui.screens.minutes_record import MinutesRecordScreen

        meeting_id = meeting_id or self.highlighted_id()
        if meeting_id is None:
            self.clerk.notify("No meeting yet: press n to create one.", severity="warning")
            return
        self.app.push_screen(MinutesRecordScreen(meeting_id))

    def action_register(self) -> None:
        from clerk_tui.screens.register import RegisterScreen

        meeting_id = self.highlighted_id()
        summary = next((s for s in self.store.meeting_summaries() if s.id == meeting_id), None)
        if summary is None:
            self.clerk.notify(
                "No meeting yet: the register counts a committee's meetings.", severity="warning"
            )
            return
        self.app.push_screen(RegisterScreen(summary.committee_id, summary.date))

    def action_all_committees(self) -> None:
        self.committee_filter = None
        self.reload()

    def show_committee(self, committee_id: str) -> None:
        self.committee_filter = committee_id
        self.reload()

    def palette_targets(self) -> list[PaletteEntry]:
        entries = [
            PaletteEntry(
                f"Switch committee: {c.name}",
                partial(self.show_committee, c.id),
                "Show only this committee's meetings.",
            )
            for c in self.store.committees()
        ]
        committees = {c.id: c.name for c in self.store.committees()}
        entries += [
            PaletteEntry(
                f"Open meeting: {committees.get(s.committee_id, s.committee_id)} {s.date:%d %b %Y}",
                partial(self.open, s.id),
                f"{s.status.label()}",
            )
            for s in self.store.meeting_summaries()
        ]
        return entries

    @on(DataTable.RowSelected, "#meetings")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))
