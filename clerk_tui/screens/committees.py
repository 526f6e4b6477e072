"""Every committee in the store: pick one to edit its details, members and house style."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import Committee, HouseStyle
from clerk_tui.screens.base import ClerkScreen
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.new_committee import NewCommitteeScreen
from store import StoreError
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader


class CommitteesScreen(ClerkScreen):
    """The committees a clerk serves, with their size and quorum."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Committees"
    HELP_TITLE = "Committees"
    HELP_TEXT = (
        "Every committee in the store. Press n to set one up (its house style starts neutral, or as a "
        "copy of another committee's), or pick one with the arrow keys and "
        "press enter to edit its details, its members (in the order the front sheet lists them) and "
        "its house style. Members counts the seats held today."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new_committee",
            "New committee",
            tooltip="Set up a committee: name, venue, officer, members, house style.",
            id="committees.new",
        ),
        Binding(
            "enter",
            "edit_committee",
            "Edit",
            tooltip="Edit the highlighted committee, its members and house style.",
            id="committees.edit",
        ),
        Binding("escape", "back", "Back", tooltip="Back to the meetings.", id="committees.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._editing: CommitteeScreen | None = None

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        yield Static("Committees", id="committees-heading")
        yield DataTable(id="committees", cursor_type="row", zebra_stripes=True)
        yield Static(id="committees-empty")
        with Horizontal(id="committees-buttons"):
            yield Button("New committee", id="new", action="screen.new_committee", variant="primary")
            yield Button("Edit", id="edit", action="screen.edit_committee")
            yield Button("Back", id="back", action="screen.back")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#committees", DataTable)
        table.add_column("Committee", key="name")
        table.add_column("Short name", key="short")
        table.add_column("Members", key="members")
        table.add_column("Quorum", key="quorum")
        self.reload()

    def on_screen_resume(self) -> None:
        edited = self._editing
        self._editing = None
        if edited is not None and edited.saved:
            # Its save may still be on the way to the disk: show it as the clerk left it.
            self.reload(select=edited.committee.id, edited=edited.committee)
        else:
            self.reload()

    def on_store_saved(self) -> None:
        """A save landed: the list shows the store as it now is."""
        self.reload()

    def committees(self) -> list[Committee]:
        try:
            return self.store.committees()
        except StoreError as error:
            self.report(error, "Cannot read the committees")
            return []

    def reload(self, select: str | None = None, edited: Committee | None = None) -> None:
        table = self.query_one("#committees", DataTable)
        current = select or self.highlighted_id()
        table.clear()
        committees = self.committees()
        if edited is not None:
            committees = [c for c in committees if c.id != edited.id] + [edited]
            committees.sort(key=lambda c: (c.name.casefold(), c.id))
        today = self.clerk.today()
        for committee in committees:
            table.add_row(
                committee.name,
                committee.short_name,
                str(len(committee.memberships_on(today))),
                str(committee.quorum) if committee.quorum is not None else "",
                key=committee.id,
            )
        table.display = bool(committees)
        empty = self.query_one("#committees-empty", Static)
        empty.display = not committees
        empty.update(
            ""
            if committees
            else "No committees yet. Press n to set up the first one: its name, where it usually meets "
            "and its committee officer; then its members (paste them as a front sheet prints them, "
            "one a line) and its house style."
        )
        if current and current in {c.id for c in committees}:
            table.move_cursor(row=table.get_row_index(current))
        if committees:
            table.focus()
        else:
            self.query_one("#new", Button).focus()

    def highlighted_id(self) -> str | None:
        table = self.query_one("#committees", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    # --- actions ------------------------------------------------------------------
    def action_new_committee(self) -> None:
        """A new committee starts from a neutral house style or, when there are committees
        to copy, from a copy of one of theirs: the clerk chooses."""
        committees = self.committees()
        if not committees:
            self._open(CommitteeScreen(None))
            return
        self.app.push_screen(NewCommitteeScreen(committees), self._style_chosen)

    def _style_chosen(self, style: HouseStyle | None) -> None:
        if style is not None:
            self._open(CommitteeScreen(None, style))

    def action_edit_committee(self) -> None:
        committee_id = self.highlighted_id()
        if committee_id is None:
            self.clerk.notify("No committee yet: press n to set one up.", severity="warning")
            return
        self.edit(committee_id)

    def edit(self, committee_id: str) -> None:
        try:
            committee = self.store.committee(committee_id)
        except StoreError as error:
            self.report(error, "Cannot open")
            return
        self._open(CommitteeScreen(committee))

    def _open(self, screen: CommitteeScreen) -> None:
        self._editing = screen
        self.app.push_screen(screen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_targets(self) -> list[PaletteEntry]:
        return [
            PaletteEntry(
                f"Edit committee: {committee.name}",
                partial(self.edit, committee.id),
                "Its details, members and house style.",
            )
            for committee in self.committees()
        ]

    @on(DataTable.RowSelected, "#committees")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.edit(str(event.row_key.value))
