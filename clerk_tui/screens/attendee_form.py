"""Someone not on the list attends: a substitute for a member, someone also present in a
capacity (a Cabinet Member), or an officer in attendance.

A modal form: it returns an ``AttendeeDraft`` when the clerk accepts it, or None; the live
screen adds the person (when new) and records their attendance. A name no one has yet is
offered as a new person, with a fresh id that no one else uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, Switch

from clerk_tui.domain import DomainError, Person
from clerk_tui.domain.attendance import AttendanceEvent, EventKind
from clerk_tui.domain.ids import slugify, unique_id
from clerk_tui.domain.membership_entry import people_named
from clerk_tui.domain.people import parse_member_line
from clerk_tui.screens.base import ClerkModal
from widgets.fields import TextField
from widgets.person_picker import PersonPicker
from widgets.steady_footer import SteadyFooter


class AttendeeMode(StrEnum):
    SUBSTITUTE = "substitute"
    ALSO_PRESENT = "also_present"
    OFFICER = "officer"


TITLES: dict[AttendeeMode, str] = {
    AttendeeMode.SUBSTITUTE: "Substitute",
    AttendeeMode.ALSO_PRESENT: "Also present",
    AttendeeMode.OFFICER: "Officer in attendance",
}


@dataclass(frozen=True)
class AttendeeDraft:
    """Who attends and how; nothing is recorded until the screen records it."""

    person: Person
    """Someone known (from ``people``, unchanged) or a new person with a fresh id."""
    is_new: bool
    mode: AttendeeMode
    capacity: str = ""
    """Also present: "Cabinet Member – Adult Social Care"; officer: their job title."""
    for_person_id: str | None = None
    """Substitute: the member they replace."""


class AttendeeName(PersonPicker):
    """A name that completes from the people known (right arrow accepts) and, unlike a plain
    picker, takes a name no one has yet: a new person, with no id until the form gives one."""

    def __init__(self, people: Sequence[Person], value: str) -> None:
        super().__init__("Name", people, value=value, field_id="attendee-name")

    def _find(self, text: str) -> Person:
        parsed = parse_member_line(text)
        found = people_named(parsed.name, self.people)
        if found:
            return found[0]
        return Person(
            "",
            parsed.name,
            councillor=parsed.councillor,
            post_nominals=parsed.post_nominals,
            post_nominals_comma=parsed.post_nominals_comma,
            organisation=parsed.organisation,
        )

    def _describe(self, person: Person) -> str:  # type: ignore[override]
        if person.id:
            return f"Known: {PersonPicker._describe(person)}."
        typed = person.name.casefold()
        near = [p.name for p in self.people if p.name.casefold().startswith(typed)]
        if near:
            return f"Right arrow completes to {near[0]}; or type a new name to add someone new."
        return f"No one known is called {person.name}: they will be added as a new person."


class AttendeeForm(ClerkModal):
    """A substitute, someone also present, or an officer in attendance."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Attendee"
    HELP_TITLE = "Attendee"
    HELP_TEXT = (
        "Type the name: it completes from the people known (right arrow accepts). A name no one has "
        "yet adds a new person; say whether they are a councillor. Someone also present needs the "
        "capacity printed after their name (“Cabinet Member – Adult Social Care”); an officer's job "
        "title is optional. A substitute needs the member they replace. f2 (or ctrl+s) accepts; escape "
        "closes the form and records nothing."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+s",
            "accept",
            "Accept",
            tooltip="Check the form and record this attendance.",
            id="attendee.accept",
        ),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close the form; nothing is recorded.", id="attendee.cancel"
        ),
    ]

    def __init__(
        self,
        mode: AttendeeMode,
        people: list[Person],
        members: list[Person],
        *,
        taken_ids: set[str],
        person_id: str | None = None,
        attendee_id: str | None = None,
    ) -> None:
        """``person_id``: for a substitute, the member they replace; otherwise who attends.
        ``attendee_id``: for a substitute, who attends (the clerk was on their row)."""
        super().__init__()
        self.mode = mode
        self.people = list(people)
        self.members = list(members)
        self.taken_ids = set(taken_ids)
        self.person_id = person_id
        self.attendee_id = attendee_id
        self._was_new = True
        self._councillor_choice = mode != AttendeeMode.OFFICER
        """What the clerk chose for a new person (kept while a known name is typed)."""

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        mode = self.mode
        by_id = {person.id: person for person in self.people + self.members}
        attending = self.attendee_id if mode == AttendeeMode.SUBSTITUTE else self.person_id
        named = by_id.get(attending or "")
        with Vertical(id="attendee-body"):
            yield Static(TITLES[mode], id="attendee-title")
            yield AttendeeName(self.people, named.name if named else "")
            with Horizontal(id="attendee-councillor-row"):
                yield Switch(self._councillor_choice, id="attendee-councillor")
                yield Label("Councillor (a new person)", id="attendee-councillor-label")
            if mode == AttendeeMode.SUBSTITUTE:
                replaced = next((m for m in self.members if m.id == self.person_id), None)
                yield PersonPicker(
                    "Substitute for (the member they replace)",
                    self.members,
                    value=replaced.name if replaced else "",
                    field_id="attendee-for",
                )
            elif mode == AttendeeMode.ALSO_PRESENT:
                yield TextField(
                    "Capacity (printed in brackets after the name)",
                    required=True,
                    placeholder="Cabinet Member – Adult Social Care",
                    field_id="attendee-capacity",
                )
            else:
                yield TextField(
                    "Job title (optional)",
                    placeholder="Service Manager – Democratic Services",
                    field_id="attendee-capacity",
                )
            with Horizontal(id="attendee-buttons"):
                yield Button(
                    f"Record: {TITLES[mode].lower()}", id="accept", action="screen.accept", variant="primary"
                )
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.enter_moves_on()
        for field in self.query(TextField):
            field.input.compact = True
        self.query_one("#attendee-name-input", Input).focus()
        self._name_changed()

    # --- live reactions -----------------------------------------------------------
    @property
    def _name_field(self) -> AttendeeName:
        return self.query_one(AttendeeName)

    def _typed_person(self) -> Person | None:
        try:
            return self._name_field.value()
        except DomainError:
            return None

    @on(Input.Changed, "#attendee-name-input")
    def _name_changed(self) -> None:
        """A known person's details are theirs; only a new person's councillor switch is the clerk's."""
        person = self._typed_person()
        switch = self.query_one("#attendee-councillor", Switch)
        is_new = person is None or not person.id
        if is_new and not self._was_new:
            switch.value = self._councillor_choice
        if not is_new and person is not None:
            switch.value = person.councillor
            if self.mode == AttendeeMode.OFFICER and person.job_title:
                capacity = self.query_one("#attendee-capacity", TextField)
                if not capacity.text.strip():
                    capacity.input.value = person.job_title
        switch.disabled = not is_new
        self._was_new = is_new

    @on(Switch.Changed, "#attendee-councillor")
    def _councillor_changed(self, event: Switch.Changed) -> None:
        if not event.switch.disabled:
            self._councillor_choice = event.value

    # --- reading the form ---------------------------------------------------------
    def _read(self) -> AttendeeDraft | None:
        """The attendee typed, or None with every problem shown beside its field."""
        errors: list[tuple[TextField[Any], str]] = []
        person: Person | None = None
        try:
            person = self._name_field.value()
        except DomainError as error:
            errors.append((self._name_field, error.message))
        capacity = ""
        for_person: Person | None = None
        if self.mode == AttendeeMode.SUBSTITUTE:
            replaced = self.query_one("#attendee-for", PersonPicker)
            try:
                for_person = replaced.value()
            except DomainError as error:
                errors.append((replaced, error.message))
            if person is not None and for_person is not None and person.id:
                try:
                    AttendanceEvent(person.id, EventKind.SUBSTITUTE, for_person_id=for_person.id)
                except DomainError as error:
                    errors.append((replaced, error.message))
        else:
            field = self.query_one("#attendee-capacity", TextField)
            try:
                capacity = " ".join(str(field.value() or "").split())
            except DomainError as error:
                errors.append((field, error.message))
        if errors:
            for field, message in reversed(errors):
                field.show_error(message)
            return None
        assert person is not None
        is_new = not person.id
        if is_new:
            person = Person(
                unique_id(slugify(person.name), self.taken_ids),
                person.name,
                councillor=self.query_one("#attendee-councillor", Switch).value or person.councillor,
                post_nominals=person.post_nominals,
                post_nominals_comma=person.post_nominals_comma,
                organisation=person.organisation,
                job_title=capacity if self.mode == AttendeeMode.OFFICER else "",
            )
        return AttendeeDraft(person, is_new, self.mode, capacity, for_person.id if for_person else None)

    # --- actions ------------------------------------------------------------------
    def action_accept(self) -> None:
        draft = self._read()
        if draft is not None:
            self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["TITLES", "AttendeeDraft", "AttendeeForm", "AttendeeMode", "AttendeeName"]
