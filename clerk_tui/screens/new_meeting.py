"""A new meeting, pre-filled from its committee: date, start time and venue, with the
opening items in the committee's order and the previous minutes named."""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets.select import NoSelection

from clerk_tui.domain import Committee, DomainError, Meeting, MeetingSummary, Venue
from clerk_tui.domain.dates import format_body_date, format_echo, format_time
from clerk_tui.domain.planning import (
    carry_forward,
    items_to_carry_forward,
    meeting_id_for,
    new_meeting,
    previous_meeting_date,
    previous_minutes_description,
)
from clerk_tui.domain.venue import registered_as, venue_as_typed
from clerk_tui.saving import SaveOutcome, meeting_key, sentence
from clerk_tui.screens.base import ClerkModal, preselected_committee
from store import StoreError
from widgets import DateField, FieldMessage, TextField, TimeField
from widgets.steady_footer import SteadyFooter

T = TypeVar("T")
Problems = list[tuple[FieldMessage, str, "Input | Select[str]"]]


class NewMeetingScreen(ClerkModal):
    """Dismisses with ``[meeting id]`` once the meeting is queued for saving, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#new-date-input"
    PALETTE_GROUP = "New meeting"
    HELP_TITLE = "New meeting"
    HELP_TEXT = (
        "A meeting pre-filled from its committee: type the date (12 June 2027, 12/6/27 or "
        "2027-06-12); the time and venue come from the committee and can be changed. The agenda "
        "starts with the committee's opening items, the minutes item naming the meeting before."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+enter",
            "create",
            "Create",
            tooltip="Create the meeting with its opening agenda items.",
            id="new_meeting.create",
        ),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without creating a meeting.", id="new_meeting.cancel"
        ),
    ]

    def __init__(self, committee_filter: str | None = None) -> None:
        super().__init__()
        self.committee_filter = committee_filter
        self.committees: dict[str, Committee] = {}
        self._saving: str | None = None
        """The id of the meeting being saved, until it is on disk."""
        self._failed = False
        """Its save failed: clerk retries it by itself, and f2 retries it now."""

    # --- layout --------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.committees = {c.id: c for c in self.store.committees()}
        chosen = self._initial_committee()
        committee = self.committees.get(chosen or "")
        start = committee.start_time if committee else None
        venue = committee.venue if committee else Venue()
        with Vertical(id="new-dialog"):
            yield Static("New meeting", id="new-title")
            with VerticalScroll(id="new-body"):
                with Vertical(id="new-committee-field"):
                    yield Label("Committee")
                    yield Select(
                        [(c.name, c.id) for c in self.committees.values()],
                        prompt="Choose a committee",
                        allow_blank=chosen is None,
                        value=chosen if chosen is not None else Select.NULL,
                        id="new-committee",
                    )
                    yield FieldMessage(classes="-empty", id="new-committee-message")
                with Horizontal(classes="new-pair"):
                    yield DateField("Date", self.clerk.today, field_id="new-date")
                    yield TimeField(
                        "Start time", value=format_time(start) if start else "", field_id="new-time"
                    )
                with Vertical(id="new-venue-field"):
                    yield Label("Venue from the committee's register")
                    yield Select(
                        venue_options(committee),
                        prompt="Typed below",
                        value=register_id(committee, venue),
                        id="new-venue",
                    )
                with Horizontal(classes="new-pair"):
                    yield TextField(
                        "Room", value=venue.room, placeholder="Committee Room", field_id="new-room"
                    )
                    yield TextField(
                        "Building",
                        value=venue.building,
                        placeholder="Bootle Town Hall",
                        field_id="new-building",
                    )
                yield TextField(
                    "Address",
                    value=venue.address,
                    placeholder="Trinity Road, Bootle, L20 7AE",
                    field_id="new-address",
                )
                yield Static(id="new-note")
                yield FieldMessage(classes="-empty", id="new-error")
            with Horizontal(id="new-buttons"):
                yield Button("Create", id="create", action="screen.create", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def _initial_committee(self) -> str | None:
        return preselected_committee(self.committees, self.committee_filter)

    def on_mount(self) -> None:
        self.enter_moves_on()
        self._refresh_register()
        self._refresh_note()

    def _refresh_register(self) -> None:
        """The register's rooms to choose from, shown only when the committee has some."""
        committee = self._committee()
        self.query_one("#new-venue-field").display = bool(committee and committee.venues)

    # --- fields ----------------------------------------------------------------------
    @property
    def date_field(self) -> DateField:
        return self.query_one("#new-date", DateField)

    @property
    def time_field(self) -> TimeField:
        return self.query_one("#new-time", TimeField)

    def _field(self, name: str) -> TextField[str]:
        return self.query_one(f"#new-{name}", TextField)

    def _committee(self) -> Committee | None:
        value = self.query_one("#new-committee", Select).value
        return self.committees.get(value) if isinstance(value, str) else None

    @on(Select.Changed, "#new-committee")
    def _committee_changed(self) -> None:
        committee = self._committee()
        if committee is None:
            self._refresh_note()
            return
        self.query_one("#new-committee-message", FieldMessage).show_note("")
        self.time_field.input.value = format_time(committee.start_time) if committee.start_time else ""
        chooser: Select[str] = self.query_one("#new-venue", Select)
        chooser.set_options(venue_options(committee))
        chooser.value = register_id(committee, committee.venue)
        self._fill_venue(committee.venue)
        self._refresh_register()
        self._refresh_note()

    @on(Select.Changed, "#new-venue")
    def _venue_chosen(self, event: Select.Changed) -> None:
        committee = self._committee()
        chosen = (
            registered(committee).get(event.value) if committee and isinstance(event.value, str) else None
        )
        if chosen is not None:
            self._fill_venue(chosen)

    def _fill_venue(self, venue: Venue) -> None:
        self._field("room").input.value = venue.room
        self._field("building").input.value = venue.building
        self._field("address").input.value = venue.address

    @on(Input.Changed, "#new-date-input")
    def _date_changed(self) -> None:
        self.query_one("#new-error", FieldMessage).show_note("")
        self._refresh_note()

    def _refresh_note(self) -> None:
        """Say what will be created: its id, the minutes it names, and any meeting that day."""
        note = self.query_one("#new-note", Static)
        committee = self._committee()
        try:
            day = self.date_field.value()
        except DomainError:
            day = None
        if committee is None or day is None:
            note.update("")
            note.display = False
            return
        note.display = True
        summaries = self.store.meeting_summaries(committee.id)
        meeting_id = meeting_id_for(committee, day, (s.id for s in self.store.meeting_summaries()))
        previous = previous_meeting_date([s.date for s in summaries], day)
        lines = [
            f"Will be {meeting_id}, on {format_echo(day)}.",
            f"Minutes item: {previous_minutes_description(previous)}"
            if previous
            else (
                "Minutes item: no earlier meeting of this committee is in the store. Once the meeting "
                f"is made, open its agenda, press enter on “{committee.style.previous_minutes_title}” "
                "and type that meeting's date under “Description printed under the item”."
            ),
        ]
        same_day = [s.id for s in summaries if s.date == day]
        later = [s for s in summaries if s.date > day]
        if later:
            lines.append(
                f"{len(later)} later meeting{'s' if len(later) > 1 else ''} already in the store "
                f"(from {format_body_date(later[0].date)}) keep their agendas as they are."
            )
        if same_day:
            lines.insert(
                0,
                f"{committee.name} already meets on {format_echo(day)} ({', '.join(same_day)}): "
                "this will be a second meeting that day.",
            )
        today = self.clerk.today()
        past = day < today
        if past:
            lines.insert(
                0, f"{format_echo(day)} has passed (today is {format_echo(today)}): is the year right?"
            )
        note.update("\n".join(lines))
        note.set_classes("-warning" if same_day or past else "")

    # --- actions -----------------------------------------------------------------------
    def action_create(self) -> None:
        if self._saving is not None:
            if self._failed:
                self.clerk.saver.retry_now()
                self.query_one("#new-error", FieldMessage).show_note("Trying again to save…")
            return
        committee = self._committee()
        problems: Problems = []
        if committee is None:
            problems.append(
                (
                    self.query_one("#new-committee-message", FieldMessage),
                    "Choose the committee this meeting belongs to.",
                    self.query_one("#new-committee", Select),
                )
            )
        day = self._checked(self.date_field, problems)
        start = self._checked(self.time_field, problems)
        for field_message, message, _ in problems:
            field_message.show_error(message)
        if problems:
            problems[0][2].focus()
            self.query_one("#new-error", FieldMessage).show_error(
                "Nothing was created: put right what is marked above."
            )
            return
        assert committee is not None and day is not None
        try:
            summaries = self.store.meeting_summaries(committee.id)
            taken = [s.id for s in self.store.meeting_summaries()]
            previous = previous_meeting_date([s.date for s in summaries], day)
            meeting = new_meeting(committee, day, meeting_id_for(committee, day, taken), previous=previous)
            meeting.start = start
            meeting.venue = self._venue(committee)
            carried = self._carry_forward(meeting, [s for s in summaries if s.date == previous])
        except (DomainError, StoreError) as error:
            message = error.message if isinstance(error, DomainError) else str(error)
            self.query_one("#new-error", FieldMessage).show_error(f"Nothing was created: {message}")
            return
        self._saving, self._failed = meeting.id, False
        self.query_one("#new-error", FieldMessage).show_note("Saving…")
        saving = self.clerk.save_meeting(meeting)
        saving.add_done_callback(
            partial(self._saved, meeting.id, f"{committee.name}, {format_echo(day)}", carried)
        )

    def _carry_forward(self, meeting: Meeting, previous: list[MeetingSummary]) -> str:
        """Put on the new agenda what the previous meeting deferred or withdrew (each with
        its history); returns what to tell the clerk, who may delete any from the agenda."""
        if not previous:
            return ""
        before = self.store.meeting(max(previous, key=lambda s: s.id).id)
        offered = items_to_carry_forward(before, meeting)
        carry_forward(meeting, offered)
        if not offered:
            return ""
        listed = "; ".join(f"“{item.title}”" for item in offered)
        return f" Carried forward from {format_echo(before.date)} (deferred or withdrawn there): {listed}."

    def _saved(self, meeting_id: str, what: str, carried: str, done: asyncio.Future[SaveOutcome]) -> None:
        """Close once the meeting is on disk, so the list behind shows it. If the save
        failed, stay open with the form as typed: clerk keeps the meeting and tries again
        by itself (f2 tries now), and this hears the outcome of each try."""
        outcome = done.result()
        saver = self.clerk.saver
        if not outcome.saved and saver.pending(meeting_key(meeting_id)) is not None:
            self._failed = True
            if self.is_attached:
                self.query_one("#new-error", FieldMessage).show_error(
                    f"Not saved yet: {sentence(outcome.reason)} clerk keeps the meeting and tries again "
                    "by itself (f2 tries now); this closes once it is saved, or escape leaves it saving."
                )
            saver.next_outcome(meeting_key(meeting_id)).add_done_callback(
                partial(self._saved, meeting_id, what, carried)
            )
            return
        self._saving, self._failed = None, False
        if not outcome.saved:  # the clerk gave the changes up (reloaded)
            return
        self.clerk.notify(f"{what}: created as {meeting_id}.{carried}", title="New meeting")
        if self.is_attached and self.app.screen is self:
            self.dismiss([meeting_id])

    @staticmethod
    def _checked(field: TextField[T], problems: Problems) -> T | None:
        try:
            return field.value()
        except DomainError as error:
            # The message sits under the field's own label: "Date: " would say it twice.
            message = error.message.removeprefix(f"{field.label}: ")
            problems.append((field.message, message[:1].upper() + message[1:], field.input))
            return None

    def _venue(self, committee: Committee) -> Venue:
        """The room chosen from the register with all its wording, the usual venue as it is,
        or (once the fields say another place) the place as typed."""
        room, building, address = (self._field(name).text.strip() for name in ("room", "building", "address"))
        value = self.query_one("#new-venue", Select).value
        chosen = registered(committee).get(value) if isinstance(value, str) else None
        if value == register_id(committee, committee.venue):
            chosen = None  # shown for the usual venue, which keeps its own wording
        return venue_as_typed(Venue(room, building, address), chosen, committee.venue)

    def action_cancel(self) -> None:
        if self._saving is not None and not self._failed:  # a moment: closing now would hide what was made
            self.query_one("#new-error", FieldMessage).show_note("Saving… this closes by itself when done.")
            return
        self.dismiss(None)


def registered(committee: Committee | None) -> dict[str, Venue]:
    """The committee's register of rooms by id."""
    return {venue.id: venue for venue in committee.venues} if committee else {}


def register_id(committee: Committee | None, venue: Venue) -> str | NoSelection:
    """The register's entry for ``venue``, to show as chosen (none if it is not registered)."""
    found = registered_as(committee.venues, venue) if committee else None
    return found.id if found else Select.NULL


def venue_options(committee: Committee | None) -> list[tuple[str, str]]:
    """Each registered room as the front sheet prints it."""
    return [(venue.front_sheet(), venue.id) for venue in registered(committee).values()]
