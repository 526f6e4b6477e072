"""A committee's register of rooms: each worded as the front sheet prints it, and as the
minutes heading and a sentence of the minutes print it, so that a meeting chooses its
room instead of having it typed again.

Each change is saved at once. A meeting keeps its own copy of the room it was given:
rewording or removing a room here never reprints the papers of meetings held there.
The dialog dismisses with the register as saved last (or None if nothing changed).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Static

from clerk_tui.domain import Committee, DomainError, Venue
from clerk_tui.screens.base import ClerkModal
from widgets.fields import FieldMessage, TextField
from widgets.steady_footer import SteadyFooter

VENUE_COLUMNS = ("Room and building", "Minutes heading")
_FIELDS = {
    "room": "venue-room",
    "building": "venue-building",
    "address": "venue-address",
    "minutes_wording": "venue-minutes",
    "sentence_wording": "venue-sentence",
}


class VenueRegisterScreen(ClerkModal):
    """Add, reword and remove the rooms a committee meets in."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#venue-room-input"
    PALETTE_GROUP = "Venues"
    HELP_TITLE = "Venues"
    HELP_TEXT = (
        "The rooms this committee meets in. Type the room, building and address as the front sheet "
        "prints them, and (if they differ) the minutes heading's wording (“THE COMMITTEE ROOM - "
        "BOOTLE TOWN HALL”) and a sentence's (“the Committee Room, Bootle Town Hall”, in the date of "
        "the next meeting); f2 adds the room. Enter on a room in the list fills the fields with it: "
        "f3 saves the fields as its new wording, f4 removes it. Each change is saved at once; "
        "meetings already given a room keep the wording they were given. A new meeting, and a "
        "meeting's date, time and venue, choose from these rooms. Escape closes."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "add_venue", "Add room", tooltip="Add the room typed.", priority=True, id="venues.add"),
        Binding(
            "f3",
            "change_venue",
            "Save wording",
            tooltip="Save the fields as the highlighted room's wording.",
            priority=True,
            id="venues.change",
        ),
        Binding(
            "f4",
            "remove_venue",
            "Remove room",
            tooltip="Take the highlighted room off the register.",
            priority=True,
            id="venues.remove",
        ),
        Binding("escape", "close", "Close", tooltip="Back to the committee.", id="venues.close"),
    ]

    def __init__(self, committee: Committee) -> None:
        super().__init__()
        self.committee = copy.deepcopy(committee)
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="venues-body"):
            yield Static(f"Rooms of {self.committee.name}", id="venues-title")
            yield DataTable(id="venues-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="venues-empty")
            with Horizontal(classes="venues-row"):
                yield TextField("Room", placeholder="e.g. Committee Room", field_id="venue-room")
                yield TextField("Building", placeholder="e.g. Bootle Town Hall", field_id="venue-building")
            yield TextField(
                "Address", placeholder="e.g. Trinity Road, Bootle, L20 7AE", field_id="venue-address"
            )
            with Horizontal(classes="venues-row"):
                yield TextField(
                    "Minutes heading (if different)",
                    placeholder="e.g. THE TOWN HALL, BOOTLE",
                    field_id="venue-minutes",
                )
                yield TextField(
                    "In a sentence (if different)",
                    placeholder="e.g. the Town Hall, Bootle",
                    field_id="venue-sentence",
                )
            yield FieldMessage(classes="-empty", id="venues-message")
            with Horizontal(id="venues-buttons"):
                yield Button("Add room", id="add-venue", action="screen.add_venue", variant="primary")
                yield Button("Save wording", id="change-venue", action="screen.change_venue")
                yield Button("Remove room", id="remove-venue", action="screen.remove_venue")
                yield Button("Close", id="close", action="screen.close")
        yield SteadyFooter()

    def on_mount(self) -> None:
        for field in self.query(TextField):
            field.input.compact = True
        self._show()

    def _show(self, select: int = 0) -> None:
        table = self.query_one("#venues-table", DataTable)
        venues = self.committee.venues
        table.clear(columns=True)
        for label in VENUE_COLUMNS:
            table.add_column(label)
        for venue in venues:
            place = " - ".join(part for part in (venue.room, venue.building) if part) or venue.address
            table.add_row(place, venue.minutes_wording or "(as the front sheet)", key=venue.id)
        if venues:
            table.move_cursor(row=min(select, len(venues) - 1))
        table.display = bool(venues)
        empty = self.query_one("#venues-empty", Static)
        empty.display = not venues
        empty.update("No rooms yet: type the first below and press f2.")

    def _field(self, field_id: str) -> TextField[str]:
        return self.query_one(f"#{field_id}", TextField)

    def _typed(self) -> Venue:
        return Venue(**{name: " ".join(self._field(fid).text.split()) for name, fid in _FIELDS.items()})

    def _note(self, message: str, error: bool = False) -> None:
        line = self.query_one("#venues-message", FieldMessage)
        if error:
            line.show_error(message)
        else:
            line.show_note(message)

    def _highlighted(self) -> Venue | None:
        venues = self.committee.venues
        if not venues:
            return None
        return venues[min(self.query_one("#venues-table", DataTable).cursor_row, len(venues) - 1)]

    def _refused(self, error: DomainError) -> None:
        where = {"room": "venue-room"}.get(error.field)
        if where:
            self._field(where).show_error(f"{error.message} Nothing was saved.")
        else:
            self._note(f"{error.message} Nothing was saved.", error=True)

    def _save(self, said: str, select: int) -> None:
        self.changed = True
        self.clerk.save_committee(self.committee)
        self._show(select)
        self._note(said)

    @on(Input.Changed)
    def _typing(self) -> None:
        self._note("")

    @on(DataTable.RowSelected, "#venues-table")
    def _venue_chosen(self, event: DataTable.RowSelected) -> None:
        venue = self.committee.venues[event.cursor_row]
        for name, field_id in _FIELDS.items():
            self._field(field_id).input.value = getattr(venue, name)
        self._field("venue-room").input.focus()

    # --- actions ------------------------------------------------------------------
    def action_add_venue(self) -> None:
        try:
            added = self.committee.register_venue(self._typed())
        except DomainError as error:
            self._refused(error)
            return
        self._save(f"Added {added.front_sheet()}.", len(self.committee.venues) - 1)

    def action_change_venue(self) -> None:
        venue = self._highlighted()
        if venue is None:
            self._note("No room to reword yet: f2 adds the one typed.", error=True)
            return
        try:
            changed = self.committee.change_venue(venue.id, self._typed())
        except DomainError as error:
            self._refused(error)
            return
        self._save(f"Saved: {changed.front_sheet()}.", self.committee.venues.index(changed))

    def action_remove_venue(self) -> None:
        venue = self._highlighted()
        if venue is None:
            self._note("No room to remove.", error=True)
            return
        index = self.committee.venues.index(venue)
        self.committee.remove_venue(venue.id)
        self._save(f"Removed {venue.front_sheet()}; meetings held there keep their wording.", index)

    def action_close(self) -> None:
        self.dismiss(list(self.committee.venues) if self.changed else None)
