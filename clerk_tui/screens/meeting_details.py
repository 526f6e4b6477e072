"""Change a meeting's date, start time and venue, seeing first what a new date does to
minute numbers (they run on through the municipal year in date order)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from clerk_tui.domain import Committee, DomainError, Meeting, Venue
from clerk_tui.domain.dates import format_echo, format_time
from clerk_tui.domain.lifecycle import reschedule_effects
from clerk_tui.domain.venue import venue_as_typed
from clerk_tui.screens.base import ClerkModal
from clerk_tui.screens.new_meeting import register_id, registered, venue_options
from store import StoreError
from widgets import FieldMessage
from widgets.fields import DateField, TextField, TimeField
from widgets.steady_footer import SteadyFooter


@dataclass(frozen=True)
class MeetingDetails:
    """What the clerk asked for; the screen that opened the dialog makes the changes."""

    day: date
    start: time | None
    venue: Venue
    effects: str
    """What the new date does to minute numbers, as said in the dialog."""


def typed_date(day: date) -> str:
    """``15 December 2026``: how a date is shown for editing (it reads back the same)."""
    return f"{day.day} {day:%B %Y}"


class MeetingDetailsScreen(ClerkModal):
    """Dismisses with MeetingDetails, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#details-date-input"
    PALETTE_GROUP = "Date, time and venue"
    HELP_TITLE = "Date, time and venue"
    HELP_TEXT = (
        "Change when and where the meeting is. Dates are read the British way (day first). "
        "Before anything changes, the line under the fields says what a new date does to the "
        "minute numbers of this meeting and the later ones of its year."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+s", "accept", "Apply", tooltip="Change the meeting as typed.", id="details.apply"),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without changing anything.", id="details.cancel"
        ),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.committee: Committee | None = None
        self.register: dict[str, Venue] = {}

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        try:
            self.committee = self.store.committee(meeting.committee_id)
        except StoreError:
            self.committee = None  # typed by hand, then; the date's effects say what went wrong
        self.register = registered(self.committee)
        with Vertical(id="details-dialog"):
            yield Static(
                f"Date, time and venue of the meeting of {format_echo(meeting.date)}", id="details-title"
            )
            with VerticalScroll(id="details-body"):
                with Horizontal(classes="details-pair"):
                    yield DateField(
                        "Date", self.clerk.today, value=typed_date(meeting.date), field_id="details-date"
                    )
                    yield TimeField(
                        "Start time",
                        value=format_time(meeting.start) if meeting.start else "",
                        field_id="details-time",
                    )
                with Vertical(id="details-venue-field"):
                    yield Label("Venue from the committee's register")
                    yield Select(
                        venue_options(self.committee),
                        prompt="Typed below",
                        value=register_id(self.committee, meeting.venue),
                        id="details-venue",
                    )
                with Horizontal(classes="details-pair"):
                    yield TextField("Room", value=meeting.venue.room, field_id="details-room")
                    yield TextField("Building", value=meeting.venue.building, field_id="details-building")
                yield TextField("Address", value=meeting.venue.address, field_id="details-address")
            # Outside the scrolling fields: what a new date does is always in view.
            yield Static(id="details-effects")
            yield FieldMessage(classes="-empty", id="details-error")
            with Horizontal(id="details-buttons"):
                yield Button("Apply", id="apply", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.enter_moves_on()
        self.query_one("#details-venue-field").display = bool(self.register)
        self._refresh_effects()

    @on(Select.Changed, "#details-venue")
    def _venue_chosen(self, event: Select.Changed) -> None:
        chosen = self.register.get(event.value) if isinstance(event.value, str) else None
        if chosen is not None:
            for name in ("room", "building", "address"):
                self.query_one(f"#details-{name}", TextField).input.value = getattr(chosen, name)

    @property
    def date_field(self) -> DateField:
        return self.query_one("#details-date", DateField)

    @property
    def time_field(self) -> TimeField:
        return self.query_one("#details-time", TimeField)

    def _text(self, name: str) -> str:
        return self.query_one(f"#details-{name}", TextField).text.strip()

    @on(Input.Changed, "#details-date-input")
    def _date_changed(self) -> None:
        self.query_one("#details-error", FieldMessage).show_note("")
        self._refresh_effects()

    def _effects(self, day: date) -> str:
        """What moving to ``day`` does to minute numbers; DomainError if it is refused."""
        if day == self.meeting.date:
            return "The date is unchanged."
        try:
            style = self.store.committee(self.meeting.committee_id).style
            summaries = self.store.meeting_summaries(self.meeting.committee_id)
        except StoreError as error:
            raise DomainError(f"The committee's other meetings cannot be read: {error}", "date") from None
        return reschedule_effects(self.meeting, day, summaries, style).sentence

    def _refresh_effects(self) -> None:
        line = self.query_one("#details-effects", Static)
        try:
            day = self.date_field.value()
            said = self._effects(day) if day is not None else ""
        except DomainError as error:
            line.update(error.message if error.field == "date" else "")
            line.set_classes("-refused" if error.field == "date" else "")
            return
        line.update(said)
        line.set_classes("")

    def _venue(self) -> Venue:
        """The room chosen from the register with all its wording, the meeting's own venue
        as it was, or (once the fields say another place) the place as typed."""
        typed = Venue(self._text("room"), self._text("building"), self._text("address"))
        value = self.query_one("#details-venue", Select).value
        chosen = self.register.get(value) if isinstance(value, str) else None
        if value == register_id(self.committee, self.meeting.venue):
            chosen = None  # shown for the meeting's venue: its copy is kept, not reworded
        return venue_as_typed(typed, chosen, self.meeting.venue)

    def action_accept(self) -> None:
        error_line = self.query_one("#details-error", FieldMessage)
        try:
            day = self.date_field.value()
            start = self.time_field.value()
        except DomainError as error:
            error_line.show_error(f"Nothing was changed: {error.message}")
            return
        assert day is not None  # the date field is required
        try:
            effects = self._effects(day)
        except DomainError as error:
            error_line.show_error(f"Nothing was changed: {error.message}")
            self.date_field.input.focus()
            return
        self.dismiss(MeetingDetails(day, start, self._venue(), effects))

    def action_cancel(self) -> None:
        self.dismiss(None)
