"""Who is in the room: one row a person, marked so their state reads at a glance, and the
quorum above them.

Its keys are single letters, so they work only in attendance mode: the clerk enters it by
a deliberate act (``enter_mode``: ctrl+l on the live screen), a line at the top says so in
colour, and Tab never reaches the list (it cannot take the focus outside the mode), so no
typing in the minute can mark anyone.

The panel records nothing. Each key (and each palette entry, which runs the same action)
posts ``AttendancePanel.Command`` naming what the clerk asked for and the highlighted
person; the screen does the work and calls ``show()`` with the rows as they now stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from clerk_tui.domain.attendance import QuorumState


@dataclass(frozen=True)
class AttendanceRow:
    """One person as the panel shows them; the screen works these out from the meeting."""

    person_id: str
    name: str
    """As the clerk knows them: "Cllr. Carla Thomas", "Dwayne Johnson"."""
    role: str
    """"Chair", "Vice-Chair", "Member", "Substitute", "Co-opted", "Also present", "Officer"."""
    presence: str
    """"present", "apologies", "absent", "withdrawn", "left", "not recorded", "substitute for X"..."""
    note: str = ""
    """"arrived 14:20 (item 4)", "withdrew: interest in item 12"."""
    counts: bool = True
    """Counts towards the quorum (when in the room)."""


_MARKS: dict[str, tuple[str, str]] = {
    "present": ("✓", "bold green"),
    "apologies": ("A", "yellow"),
    "absent": ("✗", "red"),
    "withdrawn": ("↷", "bold magenta"),
    "left": ("←", "red"),
    "not recorded": ("·", "dim"),
}
"""The mark and colour of each state; states not listed read as in the room."""

_IN_ROOM = ("✓", "bold green")
"""Present in another capacity: "substitute for X", "also present", "in attendance"."""


def presence_mark(presence: str) -> tuple[str, str]:
    """The mark and the colour of a presence, so the state reads at a glance."""
    return _MARKS.get(presence.strip().lower(), _IN_ROOM)


def quorum_line(quorum: QuorumState) -> str:
    """``Quorum: 5 of 3 needed``, or the warning when it is not met."""
    if quorum.required is None:
        return f"Quorum: {quorum.counted} voting present (no quorum set)"
    if quorum.met:
        return f"Quorum: {quorum.counted} of {quorum.required} needed"
    return f"NOT QUORATE: {quorum.counted} of {quorum.required} needed"


SUMMARY, STANDARD, FULL = "summary", "standard", "full"
"""How many columns the list shows (``set_columns``)."""
MODE_OFF = "ctrl+l: attendance"
MODE_ON = "ATTENDANCE MODE · letters mark · esc: back"

_MARK = Binding.Group("Mark")
_MOVES = Binding.Group("In/out")
_ADD = Binding.Group("Add")
"""The footer shows each group's keys under one word; the palette and help list each key."""


class AttendancePanel(Vertical):
    """The attendance list of a live meeting, with its keys."""

    PALETTE_GROUP = "Attendance"
    DEFAULT_CSS = """
    AttendancePanel { height: 1fr; }
    AttendancePanel #attendance-mode { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; }
    AttendancePanel.-mode #attendance-mode { background: $warning; color: $text; text-style: bold; }
    AttendancePanel #attendance-where { height: auto; max-height: 2; padding: 0 1; text-style: bold; }
    AttendancePanel #attendance-quorum { height: auto; padding: 0 1; color: $text-success; }
    AttendancePanel #attendance-quorum.-not-quorate {
        background: $error; color: $text; text-style: bold;
    }
    AttendancePanel #attendance-list { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "p",
            "present",
            "Present",
            tooltip="The highlighted person is present.",
            id="attendance.present",
            group=_MARK,
        ),
        Binding(
            "a",
            "apologies",
            "Apologies",
            tooltip="The highlighted person sent apologies.",
            id="attendance.apologies",
            group=_MARK,
        ),
        Binding(
            "x",
            "absent",
            "Absent",
            tooltip="Absent without apologies (not printed in the minutes).",
            id="attendance.absent",
            group=_MARK,
        ),
        Binding(
            "A",
            "all_present",
            "All present",
            tooltip="Mark present every member with nothing recorded yet.",
            id="attendance.all_present",
            group=_MARK,
        ),
        Binding(
            "r",
            "arrived",
            "Arrived",
            tooltip="The highlighted person arrived late, during the item now being taken.",
            id="attendance.arrived",
            group=_MOVES,
        ),
        Binding(
            "d",
            "departed",
            "Departed",
            tooltip="The highlighted person left the meeting.",
            id="attendance.departed",
            group=_MOVES,
        ),
        Binding(
            "w",
            "withdrew",
            "Withdrew",
            tooltip="The highlighted person left the room for this item.",
            id="attendance.withdrew",
            group=_MOVES,
        ),
        Binding(
            "b",
            "returned",
            "Back in the room",
            tooltip="The highlighted person came back into the room.",
            id="attendance.returned",
            group=_MOVES,
        ),
        Binding(
            "s",
            "substitute",
            "Substitute for…",
            tooltip="Someone attends as substitute for the highlighted member.",
            id="attendance.substitute",
            group=_ADD,
        ),
        Binding(
            "o",
            "also_present",
            "Also present…",
            tooltip="Someone attends in a capacity (a Cabinet Member, say), not as a member.",
            id="attendance.also_present",
            group=_ADD,
        ),
        Binding(
            "f",
            "officer",
            "Officer in attendance…",
            tooltip="An officer attends (never printed in the minutes).",
            id="attendance.officer",
            group=_ADD,
        ),
        Binding(
            "u",
            "undo",
            "Undo last mark",
            tooltip="Take back the last mark recorded for the highlighted person.",
            id="attendance.undo",
        ),
        Binding(
            "i",
            "declare",
            "Declare interest",
            tooltip="The highlighted member declares an interest in an item.",
            id="attendance.declare",
        ),
        Binding(
            "c",
            "elect_chair",
            "Elected chair",
            tooltip="The Chair is absent: the highlighted member is elected chair for this meeting.",
            id="attendance.elect_chair",
        ),
        Binding(
            "t",
            "times",
            "Times…",
            tooltip="Correct the time of the highlighted person's marks (noted late, or wrong).",
            id="attendance.times",
        ),
        Binding(
            "n",
            "printed_name",
            "Printed name",
            tooltip="How this meeting's minutes name the highlighted person, when not the usual way.",
            id="attendance.printed_name",
        ),
    ]
    """Active while the list has focus; each posts ``Command`` and the screen does the work."""

    ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {
            "present",
            "apologies",
            "absent",
            "arrived",
            "departed",
            "withdrew",
            "returned",
            "substitute",
            "also_present",
            "officer",
            "all_present",
            "undo",
            "declare",
            "elect_chair",
            "printed_name",
            "times",
        }
    )
    """Every ``Command.action`` the panel posts."""

    NOBODY: ClassVar[frozenset[str]] = frozenset({"all_present", "also_present", "officer"})
    """Commands about no one on the list: their ``person_id`` is None."""

    @dataclass
    class Command(Message):
        """The clerk asked for ``action`` on the highlighted person; the screen does it."""

        action: str
        person_id: str | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._rows: list[AttendanceRow] = []
        self._columns = FULL
        self._quorum: QuorumState | None = None
        self._where = ""

    def compose(self) -> ComposeResult:
        yield Static(MODE_OFF, id="attendance-mode", markup=False)
        yield Static("", id="attendance-where")
        yield Static("", id="attendance-quorum")
        table: DataTable[Text] = DataTable(id="attendance-list", cursor_type="row", zebra_stripes=True)
        table.can_focus = False  # only in attendance mode: Tab never lands on the list
        yield table

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        table = self._table
        table.add_column("", key="mark", width=1)
        table.add_column("Name", key="name")
        if self._columns in {STANDARD, FULL}:
            table.add_column("Presence", key="presence")
        if self._columns == FULL:
            table.add_column("Role", key="role")
            table.add_column("Note", key="note")

    # --- the mode -------------------------------------------------------------------
    @property
    def in_mode(self) -> bool:
        return self.has_class("-mode")

    def enter_mode(self) -> None:
        """Attendance mode: the list takes the focus and the letters mark people."""
        self.add_class("-mode")
        self.query_one("#attendance-mode", Static).update(MODE_ON)
        table = self._table
        table.can_focus = True
        table.focus()

    def leave_mode(self) -> None:
        """Out of attendance mode: the list gives up the focus and cannot take it by Tab."""
        self.remove_class("-mode")
        self.query_one("#attendance-mode", Static).update(MODE_OFF)
        table = self._table
        table.can_focus = False
        if table.has_focus:
            table.blur()

    def set_columns(self, columns: str) -> None:
        """``SUMMARY`` (the mark and the name) for a narrow panel, ``STANDARD`` (and the
        presence) for a middling one, ``FULL`` (and the role and the note) with room."""
        if columns == self._columns:
            return
        self._columns = columns
        self._table.clear(columns=True)
        self._add_columns()
        if self._quorum is not None:
            self.show(self._rows, self._quorum, self._where)
        self._table.refresh(layout=True)  # the new columns' widths, now rather than at idle

    @property
    def _table(self) -> DataTable[Text]:
        return self.query_one("#attendance-list", DataTable)

    # --- attributes down ------------------------------------------------------------
    def show(self, rows: list[AttendanceRow], quorum: QuorumState, where: str) -> None:
        """Show these rows (in this order), where the meeting is and the quorum; the cursor
        stays on the same person (or, if they are gone, on the same line)."""
        table = self._table
        current = self.highlighted_person()
        index = table.cursor_row
        self._rows, self._quorum, self._where = list(rows), quorum, where
        table.clear()
        for row in rows:
            mark, style = presence_mark(row.presence)
            cells = [
                Text(mark, style=style),
                Text(row.name, style="dim" if style in {"dim", "red"} else ""),
            ]
            if self._columns in {STANDARD, FULL}:
                cells.append(Text(row.presence, style=style))
            if self._columns == FULL:
                cells.append(Text(row.role, style="" if row.counts else "dim italic"))
                cells.append(Text(row.note, style="italic"))
            table.add_row(*cells, key=row.person_id)
        ids = [row.person_id for row in rows]
        if ids:
            target = ids.index(current) if current in ids else min(max(index, 0), len(ids) - 1)
            table.move_cursor(row=target, animate=False)
        self.query_one("#attendance-where", Static).update(Text(where))
        line = self.query_one("#attendance-quorum", Static)
        line.update(Text(quorum_line(quorum)))
        line.set_class(not quorum.met, "-not-quorate")

    def highlighted_person(self) -> str | None:
        table = self._table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def focus_list(self) -> None:
        """Into attendance mode, on the list (the name says what the caller wants)."""
        self.enter_mode()

    def move_to(self, person_id: str) -> bool:
        """Put the cursor on this person (the palette's "jump to member"); False if not listed."""
        ids = [row.person_id for row in self._rows]
        if person_id not in ids:
            return False
        self._table.move_cursor(row=ids.index(person_id), animate=False)
        return True

    # --- actions: each posts Command ------------------------------------------------
    def _command(self, action: str) -> None:
        person_id = None if action in self.NOBODY else self.highlighted_person()
        self.post_message(self.Command(action, person_id))

    def action_present(self) -> None:
        self._command("present")

    def action_apologies(self) -> None:
        self._command("apologies")

    def action_absent(self) -> None:
        self._command("absent")

    def action_all_present(self) -> None:
        self._command("all_present")

    def action_arrived(self) -> None:
        self._command("arrived")

    def action_departed(self) -> None:
        self._command("departed")

    def action_withdrew(self) -> None:
        self._command("withdrew")

    def action_returned(self) -> None:
        self._command("returned")

    def action_substitute(self) -> None:
        self._command("substitute")

    def action_also_present(self) -> None:
        self._command("also_present")

    def action_officer(self) -> None:
        self._command("officer")

    def action_undo(self) -> None:
        self._command("undo")

    def action_declare(self) -> None:
        self._command("declare")

    def action_elect_chair(self) -> None:
        self._command("elect_chair")

    def action_printed_name(self) -> None:
        self._command("printed_name")

    def action_times(self) -> None:
        self._command("times")


__all__ = ["AttendancePanel", "AttendanceRow", "presence_mark", "quorum_line"]
