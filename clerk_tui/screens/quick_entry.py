"""Paste or type a committee's members as a front sheet prints them, one a line, and see
at once how each line was read. A modal form: it returns the lines that can be added
(and the text of those that can not); the committee screen saves them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Label, Static, Switch, TextArea

from clerk_tui.domain import Committee, Person
from clerk_tui.domain.membership_entry import EntryLine, leftover_text, preview_member_lines, role_label
from clerk_tui.screens.base import ClerkModal
from widgets import SafeTextArea
from widgets.quiet_static import QuietStatic
from widgets.steady_footer import SteadyFooter


@dataclass
class QuickEntryResult:
    added: list[EntryLine]
    """The lines read without a problem, in order: each has a person and a seat."""
    leftover: str
    """The lines that could not be added, to be fixed and tried again."""
    substitutes: bool


PREVIEW_COLUMNS = ("Line", "Read as", "Name", "Cllr", "Honours", "Organisation", "Role", "Person")
READ_AS_WIDTH = 18
"""The "Read as" column is cut to this; F1 and the problems list say the rest."""
EXAMPLE = "Cllr. Carla Thomas (Chair)\nMs Diane Blair, Healthwatch\nDeborah Butcher"


class QuickEntry(ClerkModal):
    """Members by the line: ``Cllr. Carla Thomas (Chair)``, ``Ms Diane Blair, Healthwatch``."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Paste members"
    HELP_TITLE = "Paste members"
    HELP_TEXT = (
        "Type or paste members one a line, as the front sheet prints them. How each line is read:\n"
        "• “Cllr.” or “Councillor” makes a councillor; “(Chair)” and “(Vice-Chair)” give the role.\n"
        "• Honours after the name are kept as honours: “Cllr. Mhairi Doyle, M.B.E.”.\n"
        "• Not a councillor, with an organisation after a comma (“Ms Diane Blair, Healthwatch”): a "
        "co-opted member, non-voting, printed with the organisation on the front sheet.\n"
        "• An organisation in brackets (“Deborah Butcher (Sefton Council)”): a voting member whose "
        "organisation is kept for the minutes (HWB partners).\n"
        "• Anyone else is a voting member.\n"
        "• With “These are substitutes” on, every line is a substitute; a heading line (“Member”, "
        "“Membership”, “Substitutes”, “Co-opted Members”) switches for the lines under it, and "
        "“Substitutes: Councillors A, B” lists several on one line.\n"
        "• Brackets may hold a party and a role: “(Conservative, Vice-Chair)”; “(Substitute)” and "
        "“(Co-opted Member)” say the seat; bullets are left out; honours may be “MBE” or “M.B.E.”.\n"
        "Someone already in the store with exactly that name is reused as they are (marked "
        "“known”); anyone else is a new person. Lines with a problem (✗) are not added: they stay "
        "here to be fixed, and everything else is added."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "add_all",
            "Add all",
            tooltip="Add every line read without a problem; the others stay here.",
            priority=True,
            id="quick.add",
        ),
        Binding(
            "f3",
            "toggle_substitutes",
            "Substitutes on/off",
            tooltip="Read every line as a substitute (or not).",
            priority=True,
            id="quick.substitutes",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close; nothing is added.", id="quick.cancel"),
    ]

    def __init__(
        self, committee: Committee, people: Sequence[Person], *, text: str = "", substitutes: bool = False
    ) -> None:
        super().__init__()
        self.committee = committee
        self.people = list(people)
        self.text = text
        self.substitutes = substitutes
        self.lines: list[EntryLine] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-body"):
            yield Static(f"Paste members of {self.committee.name}", id="quick-title")
            yield Static(
                "One a line, as the front sheet prints them, e.g. “Cllr. Carla Thomas (Chair)”, "
                "“Ms Diane Blair, Healthwatch”, “Cllr. Mhairi Doyle, M.B.E.”. F1 says how lines are read.",
                id="quick-hint",
            )
            yield SafeTextArea(
                self.text,
                where="the members pasted",
                id="quick-text",
                show_line_numbers=True,
                placeholder=EXAMPLE,
            )
            with Horizontal(id="quick-options"):
                yield Switch(self.substitutes, id="quick-substitutes")
                yield Label("These are substitutes (f3)")
            yield DataTable(id="quick-preview", cursor_type="none", zebra_stripes=True)
            # Said again on every key: laid out again only when they change.
            yield QuietStatic(id="quick-problems", markup=False)
            yield QuietStatic(id="quick-summary")
            with Horizontal(id="quick-buttons"):
                yield Button("Add all", id="add", action="screen.add_all", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#quick-text", TextArea).focus()
        self.refresh_preview()

    @on(TextArea.Changed)
    @on(Switch.Changed)
    def _changed(self) -> None:
        self.refresh_preview()

    def refresh_preview(self) -> None:
        text = self.query_one("#quick-text", TextArea).text
        substitutes = self.query_one("#quick-substitutes", Switch).value
        previews = preview_member_lines(text, self.committee, self.people, substitutes=substitutes)
        self.lines = [entry for preview in previews for entry in preview.entries]
        rows: list[tuple[str | Text, ...]] = []
        for preview in previews:
            if not preview.entries:
                rows.append((str(preview.number), _cut(preview.how), *[""] * 6))
            for line in preview.entries:
                rows.append(self._row(line))
        table = self.query_one("#quick-preview", DataTable)
        table.clear(columns=True)
        # Widths from the rows themselves: a DataTable left to size its columns after a
        # paste can keep drawing them at the width of their headings.
        for index, label in enumerate(PREVIEW_COLUMNS):
            width = max([cell_len(label), *(_width(row[index]) for row in rows)])
            table.add_column(label, width=width)
        table.add_rows(rows)
        self.query_one("#quick-summary", Static).update(self._summary())
        problems = self.query_one("#quick-problems", Static)
        bad = [line for line in self.lines if not line.ok]
        problems.display = bool(bad)
        problems.update("\n".join(f"✗ Line {line.number}: {line.error}" for line in bad))

    def _row(self, line: EntryLine) -> tuple[str | Text, ...]:
        if line.ok and line.person and line.membership:
            person, seat = line.person, line.membership
            voting = "" if seat.voting else " (non-voting)"
            return (
                str(line.number),
                _cut(line.how),
                person.name,
                "yes" if person.councillor else "",
                person.post_nominals,
                person.organisation,
                role_label(seat.role) + voting,
                "known" if line.existing else "new",
            )
        return (
            Text(f"✗ {line.number}", style="bold red"),
            Text(_cut(line.text), style="red"),
            *[""] * 5,
            Text("see below", style="red"),
        )

    def _summary(self) -> str:
        if not self.lines:
            return "Nothing typed yet."
        good = [line for line in self.lines if line.ok]
        bad = [line for line in self.lines if not line.ok]
        known = sum(1 for line in good if line.existing)
        parts = [f"{len(good)} to add" + (f" ({known} known already)" if known else "")]
        if bad:
            numbers = ", ".join(str(line.number) for line in bad)
            parts.append(
                f"{len(bad)} with a problem (line{'s' if len(bad) > 1 else ''} {numbers}): not added"
            )
        return "; ".join(parts) + "."

    # --- actions ------------------------------------------------------------------
    def action_add_all(self) -> None:
        self.refresh_preview()
        good = [line for line in self.lines if line.ok]
        if not self.lines:
            self.clerk.notify("Type or paste the members first, one a line.", severity="warning")
            return
        if not good:
            self.clerk.notify("No line can be added yet: fix the lines marked ✗.", severity="warning")
            return
        substitutes = self.query_one("#quick-substitutes", Switch).value
        self.dismiss(QuickEntryResult(good, leftover_text(self.lines, substitutes), substitutes))

    def action_toggle_substitutes(self) -> None:
        switch = self.query_one("#quick-substitutes", Switch)
        switch.value = not switch.value

    def action_cancel(self) -> None:
        self.dismiss(None)


def _cut(how: str) -> str:
    return how if len(how) <= READ_AS_WIDTH else how[: READ_AS_WIDTH - 1] + "…"


def _width(cell: str | Text) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
