"""Where the clerk starts: every meeting, by committee and municipal year."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import Committee, DomainError, MeetingStatus, MeetingSummary
from clerk_tui.domain.numbering import first_minute_numbers_by_committee, minute_range, municipal_year_label
from clerk_tui.domain.summary import RecordState
from clerk_tui.saving import SaveOutcome, meeting_key
from clerk_tui.screens.base import ClerkScreen
from store import StoreError
from widgets.lazy_table import LazyTable
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

if TYPE_CHECKING:  # the list shows summaries: a meeting is read when it is opened
    from clerk_tui.domain import Meeting

MEETINGS_CSS = Path(__file__).with_suffix(".tcss")
"""This screen's rules; the app reads them at start (see ``ClerkApp.CSS_PATH``)."""

COLUMNS = (
    ("Committee", "committee"),
    ("Year", "year"),
    ("Date", "date"),
    ("Status", "status"),
    ("Minutes", "minutes"),
)


DATE_FORMAT = "%a %d %b %Y"


class MeetingRow:
    """One meeting of the list: its key at once, its cells when the table takes the row
    (a screenful at start, of thousands)."""

    __slots__ = ("_cells", "committee", "key", "minutes", "summary")

    def __init__(self, summary: MeetingSummary, committee: Committee | None, minutes: str) -> None:
        self.key = summary.id
        self.summary = summary
        self.committee = committee
        self.minutes = minutes
        """The minute range ("1-12"), worked out with the committee's numbering."""
        self._cells: tuple[str, ...] | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        if self._cells is None:
            summary, committee = self.summary, self.committee
            self._cells = (
                committee.name if committee else summary.committee_id,
                municipal_year_label(summary.date, committee.style) if committee else "",
                summary.date.strftime(DATE_FORMAT),
                summary.state_label(),
                self.minutes,
            )
        return self._cells


def meeting_rows(
    summaries: Iterable[MeetingSummary], committees: Mapping[str, Committee], committee_filter: str | None
) -> tuple[list[MeetingRow], tuple[int, ...]]:
    """The list's rows, by committee name then date, and the width of each column over
    every row; minute ranges are worked out once per committee (numbering needs all of a
    committee's meetings, shown or not). The widths come from what each column's text
    depends on, not from writing every row out: see :func:`column_widths`."""
    every = list(summaries)
    firsts = first_minute_numbers_by_committee(every, {c.id: c.style for c in committees.values()})
    names = {c.id: c.name for c in committees.values()}
    shown = [s for s in every if committee_filter in (None, s.committee_id)]
    shown.sort(key=lambda s: (names.get(s.committee_id, s.committee_id), s.date))
    rows = []
    for summary in shown:
        first = firsts.get(summary.id)
        minutes = minute_range(first, summary.minute_count) if first is not None else "?"
        rows.append(MeetingRow(summary, committees.get(summary.committee_id), minutes))
    return rows, column_widths(rows)


def column_widths(rows: Sequence[MeetingRow]) -> tuple[int, ...]:
    """What the widest cell of each column would be, exactly, from one row per kind: a
    committee's name; its municipal year's label, whose width grows with the year, so
    its latest meeting's; the date, whose width hangs on the weekday, the month and the
    year (the day is two digits); the state, from its status and its record's state."""
    latest: dict[str, MeetingRow] = {}
    dates: dict[tuple[int, int, int], MeetingRow] = {}
    states: dict[tuple[MeetingStatus, RecordState], MeetingRow] = {}
    minutes = 0
    for row in rows:
        summary = row.summary
        when = summary.date
        latest[summary.committee_id] = row  # rows run by date within each committee
        dates.setdefault((when.year, when.month, when.weekday()), row)
        states.setdefault((summary.status, summary.record_state), row)
        minutes = max(minutes, len(row.minutes))  # digits, a dash, a question mark
    widths = [0, 0, 0, 0, minutes]
    for sample, column in ((latest, (0, 1)), (dates, (2,)), (states, (3,))):
        for row in sample.values():
            cells = row.cells
            for number in column:
                widths[number] = max(widths[number], cell_len(cells[number]))
    return tuple(widths)


class MeetingsScreen(ClerkScreen):
    CSS_PATH = MEETINGS_CSS
    PALETTE_GROUP = "Meetings"
    HELP_TITLE = "Meetings"
    HELP_TEXT = (
        "Every meeting in the store, by committee and municipal year. Pick one with the arrow "
        "keys and press enter to draft its agenda. delete moves the highlighted meeting to the "
        "store's deleted area, after saying what goes with it; ctrl+z puts it back."
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
            "delete",
            "delete_meeting",
            "Delete",
            tooltip="To the deleted area, asking first; ctrl+z puts it back.",
            show=False,  # rare: its button and the palette offer it, and the footer has no room
            id="meetings.delete",
        ),
        Binding(
            "ctrl+z",
            "undo_delete",
            "Undo delete",
            tooltip="Put back the meeting deleted last.",
            id="meetings.undo_delete",
        ),
        Binding(
            "r",
            "minutes_record",
            "Record",
            tooltip="Circulate, confirm, sign and print the highlighted meeting's minutes.",
            id="meetings.record",
        ),
        Binding(
            "a",
            "register",
            "Register",
            tooltip="The attendance register of the highlighted meeting's committee and year.",
            id="meetings.register",
        ),
        Binding("f", "all_committees", "All committees", show=False, id="meetings.all"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.committee_filter: str | None = None
        self._filled_on_mount = False
        self.deleted: list[Meeting] = []
        """Meetings deleted in this session, the last last: ctrl+z puts them back in turn."""

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static(id="meetings-heading")
        yield LazyTable(COLUMNS, id="meetings", zebra_stripes=True)
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
            yield Button("Delete", id="delete", action="screen.delete_meeting", variant="error")
            yield Button("Undo delete", id="undo-delete", action="screen.undo_delete")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#undo-delete", Button).display = False
        self.clerk.set_open_meeting("")
        self.reload()
        self._filled_on_mount = True

    def on_screen_resume(self) -> None:
        """Back from a meeting or a dialog: the list follows the store (only the rows that
        changed are redrawn). The first resume comes straight after the mount: nothing to do."""
        if self._filled_on_mount:
            self._filled_on_mount = False
            return
        self.clerk.set_open_meeting("")
        self.reload()

    @property
    def table(self) -> LazyTable:
        return self.query_one("#meetings", LazyTable)

    def reload(self, select: str | None = None) -> None:
        current = select or self.highlighted_id()
        committees = {c.id: c for c in self.store.committees()}
        rows, widths = meeting_rows(self.store.meeting_summaries(), committees, self.committee_filter)
        self._describe(len(rows), committees)
        self.table.show(rows, select=current, widths=widths)
        self.table.focus()

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
        table = self.table
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

    def action_delete_meeting(self) -> None:
        from clerk_tui.domain.lifecycle import deletion_plan  # here: start-up needs none of it
        from clerk_tui.screens.confirm import ConfirmScreen

        meeting_id = self.highlighted_id()
        if meeting_id is None:
            self.clerk.notify("No meeting to delete.", severity="warning")
            return
        if self.clerk.saver.pending(meeting_key(meeting_id)) is not None:
            self.clerk.notify(
                "This meeting has changes not saved yet: clerk keeps trying (ctrl+s tries now). "
                "Delete it once they are saved.",
                title="Not deleted",
                severity="warning",
            )
            return
        try:
            meeting = self.store.meeting(meeting_id)
            summaries = self.store.meeting_summaries(meeting.committee_id)
            style = self.store.committee(meeting.committee_id).style
            plan = deletion_plan(MeetingSummary.of(meeting), summaries, style)
        except (StoreError, DomainError) as error:
            self.report(error, "Not deleted")
            return

        def decided(confirmed: bool | None) -> None:
            if confirmed:
                self._delete(meeting)

        self.app.push_screen(ConfirmScreen(plan.sentence, "Delete"), decided)

    @work(thread=True, exclusive=True, group="delete-meeting", exit_on_error=False)
    def _delete(self, meeting: Meeting) -> None:
        """Off the UI thread: the file is moved, and the index rewritten."""
        try:
            self.store.delete_meeting(meeting.id)
        except StoreError as error:
            self.app.call_from_thread(self.report, error, "Not deleted")
            return
        self.app.call_from_thread(self._deleted, meeting)

    def _deleted(self, meeting: Meeting) -> None:
        self.deleted.append(meeting)
        self._show_undo()
        self.reload()
        self.clerk.notify(
            f"Deleted: {self._meeting_name(meeting)}. Its file is in the store's deleted area; "
            "ctrl+z puts it back.",
            title="Deleted",
            timeout=12,
        )

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.clerk.notify("No meeting was deleted in this session.")
            return
        meeting = self.deleted[-1]
        if self.store.has_meeting(meeting.id):
            self.clerk.notify(
                f"Not put back: the store has a meeting {meeting.id} again.", title="Undo", severity="error"
            )
            return
        self.deleted.pop()
        self._show_undo()
        # Through the saver like every change: a failed write stays pending, is retried, and
        # quitting asks about it, so the meeting put back is never lost.
        saving = self.clerk.save_meeting(meeting)
        saving.add_done_callback(partial(self._put_back, meeting))

    def _put_back(self, meeting: Meeting, done: asyncio.Future[SaveOutcome]) -> None:
        outcome = done.result()
        if outcome.saved:
            self.reload(select=meeting.id)
            self.clerk.notify(f"Put back: {self._meeting_name(meeting)}.", title="Undo", timeout=8)
        else:
            self.clerk.notify(
                f"{self._meeting_name(meeting)} is not saved back yet ({outcome.reason}); clerk keeps it and "
                "tries again by itself.",
                title="Undo",
                severity="error",
            )

    def _meeting_name(self, meeting: Meeting) -> str:
        try:
            committee = self.store.committee(meeting.committee_id).name
        except StoreError:
            committee = meeting.committee_id
        return f"{committee}, {meeting.date:%a %d %b %Y}"

    def _show_undo(self) -> None:
        button = self.query_one("#undo-delete", Button)
        button.display = bool(self.deleted)
        if self.deleted:
            button.label = f"Undo delete: {self.deleted[-1].date:%d %b %Y}"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_delete" and not self.deleted:
            return False
        return super().check_action(action, parameters)

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
        """Each committee, then each meeting, newest first (the palette lists the first few
        before anything is typed)."""
        committees = self.store.committees()
        entries = [
            PaletteEntry(
                f"Switch committee: {c.name}",
                partial(self.show_committee, c.id),
                "Show only this committee's meetings.",
            )
            for c in committees
        ]
        names = {c.id: c.name for c in committees}
        entries += [
            PaletteEntry(
                f"Open meeting: {names.get(s.committee_id, s.committee_id)} {s.date:%d %b %Y}",
                partial(self.open, s.id),
                s.state_label(),
            )
            for s in reversed(self.store.meeting_summaries())
        ]
        return entries

    @on(DataTable.RowSelected, "#meetings")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))
