"""One member of a committee: who they are (as the papers print them) and their seat.

A modal form: it returns ``(Person, Membership)`` when the clerk accepts it, or None;
the committee screen saves both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static, Switch

from clerk_tui.domain import Committee, DomainError, Membership, Person, Role
from clerk_tui.domain.dates import format_echo
from clerk_tui.domain.membership_entry import check_membership, people_named, person_id_for, role_label
from clerk_tui.screens.base import ClerkModal
from widgets.fields import DateField, FieldMessage, TextField
from widgets.person_picker import PersonPicker
from widgets.steady_footer import SteadyFooter


class NameField(PersonPicker):
    """The name as printed: completes from the people known (right arrow accepts), and
    unlike a plain picker accepts a name no one has yet (a new person), or a changed
    spelling of the member being edited (a rename)."""

    def __init__(self, people: Sequence[Person], current: Person | None) -> None:
        self.current = current
        super().__init__(
            "Name as printed (without Cllr.)",
            people,
            value=current.name if current else "",
            field_id="member-name",
        )

    def _find(self, text: str) -> Person:
        name = " ".join(text.split())
        found = people_named(name, self.people)
        current = self.current
        if current is not None and any(person.id == current.id for person in found):
            return current
        if found:
            return found[0]
        # Renaming the person being edited: the same record (its earlier names and printed
        # forms kept); the form fills in the rest.
        return replace(current, name=name) if current is not None else Person("", name)

    def completion(self, text: str) -> str:
        """The known name suggested for what is typed ("" when none, or when it is complete)."""
        typed = " ".join(text.split()).casefold()
        if not typed or people_named(typed, self.people):
            return ""
        for person in self.people:
            if person.name.casefold().startswith(typed):
                return person.name
        return ""

    def _describe(self, person: Person) -> str:  # type: ignore[override]
        current = self.current
        if current is not None and person.id == current.id:
            if person.name == current.name:
                return ""
            return (
                f"Renames {current.name} in every paper, past ones too (a new name from a date: "
                "n on the Members tab)."
            )
        if person.id:
            return f"Known already: {PersonPicker._describe(person)}. Their details are filled in."
        return "A new person."


class MemberForm(ClerkModal):
    """Add a member to a committee, or change one member's details and seat."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Member"
    HELP_TITLE = "Member"
    HELP_TEXT = (
        "Type the name as the front sheet prints it, without Cllr. (turn Councillor on instead) and "
        "without honours (type them under Honours). A name already known is suggested as you type: "
        "right arrow or enter takes it, and fills in their details; changing those details changes "
        "them in every paper, past ones too: a name that changes from a date (marriage, honours), "
        "and a paper that prints the name its own way, are set with n on the Members tab. "
        "From and To are optional: leave them empty for a seat with no dates. "
        "Tab moves between fields; enter (or f2) accepts the form, escape closes it. The committee "
        "can not have two Chairs (or Vice-Chairs) at the same time, nor the same person twice: the "
        "form says so beside the field and stays open."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "accept",
            "Accept",
            tooltip="Check the form and add (or change) this member.",
            priority=True,
            id="member.accept",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close the form; nothing changes.", id="member.cancel"),
    ]

    def __init__(self, committee: Committee, people: Sequence[Person], index: int | None = None) -> None:
        super().__init__()
        self.committee = committee
        self.people = list(people)
        self.index = index
        self.membership = committee.members[index] if index is not None else None
        by_id = {person.id: person for person in self.people}
        self.current = by_id.get(self.membership.person_id) if self.membership else None
        self._loaded_id = self.current.id if self.current else ""

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        person = self.current or Person("", "")
        seat = self.membership or Membership("")
        today = self.clerk.today
        title = (
            f"Member of {self.committee.name}" if self.membership else f"New member of {self.committee.name}"
        )
        with Vertical(id="member-body"):
            yield Static(title, id="member-title")
            with Grid(classes="member-grid"):
                yield NameField(self.people, self.current)
                yield _text(
                    "Minutes name (short style; empty: surname)", person.minutes_name, "member-minutes-name"
                )
            with Horizontal(id="member-switches"):
                yield _switch("Councillor", person.councillor, "member-councillor")
                yield _switch("Voting (counts for the quorum)", seat.voting, "member-voting")
                yield _switch("Comma before honours", person.post_nominals_comma, "member-honours-comma")
            with Grid(classes="member-grid"):
                with Vertical(classes="member-choice"):
                    yield Label("Role", classes="member-label")
                    yield Select(
                        [(role_label(role), role) for role in Role],
                        value=seat.role,
                        allow_blank=False,
                        compact=True,
                        id="member-role",
                    )
                    yield FieldMessage(classes="-empty", id="member-role-message")
                yield _text("Honours", person.post_nominals, "member-honours", placeholder="e.g. M.B.E.")
                yield _text("Organisation", person.organisation, "member-organisation")
                yield _text("Job title", person.job_title, "member-job-title")
                yield _text("Telephone", person.telephone, "member-telephone")
                yield _text("E-mail", person.email, "member-email")
                yield DateField(
                    "From (optional)",
                    today,
                    value=format_echo(seat.start) if seat.start else "",
                    required=False,
                    field_id="member-start",
                )
                yield DateField(
                    "To (optional)",
                    today,
                    value=format_echo(seat.end) if seat.end else "",
                    required=False,
                    field_id="member-end",
                )
            yield Static(id="member-preview")
            with Horizontal(id="member-buttons"):
                yield Button(
                    "Save member" if self.membership else "Add member",
                    id="accept",
                    action="screen.accept",
                    variant="primary",
                )
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        for field in self.query(TextField):
            field.input.compact = True
        self.query_one("#member-name-input", Input).focus()
        self._preview()

    # --- live reactions -----------------------------------------------------------
    @on(Input.Changed, "#member-name-input")
    def _name_changed(self, event: Input.Changed) -> None:
        found = self.query_one(NameField)._find(event.value)
        if found.id and found.id != self._loaded_id and (self.current is None or found.id != self.current.id):
            self._load(found)
        self._loaded_id = found.id
        self._preview()

    @on(Select.Changed, "#member-role")
    def _role_changed(self, event: Select.Changed) -> None:
        self.query_one("#member-role-message", FieldMessage).show_note("")
        if self.membership is None and isinstance(event.value, Role):
            self.query_one("#member-voting", Switch).value = event.value != Role.CO_OPTED
        self._preview()

    @on(Input.Changed)
    @on(Switch.Changed)
    def _changed(self) -> None:
        self._preview()

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        """Enter in any field accepts the form, as in a dialog (tab moves between fields);
        in the name, while a known name is suggested, it takes the suggestion first."""
        if event.input.id == "member-name-input":
            completion = self.query_one(NameField).completion(event.value)
            if completion:
                event.input.value = completion
                event.input.cursor_position = len(completion)
                return
        await self.run_action("accept")

    def _load(self, person: Person) -> None:
        """Fill the form from someone already known."""
        self.query_one("#member-councillor", Switch).value = person.councillor
        self.query_one("#member-honours-comma", Switch).value = person.post_nominals_comma
        values = {
            "member-minutes-name": person.minutes_name,
            "member-honours": person.post_nominals,
            "member-organisation": person.organisation,
            "member-job-title": person.job_title,
            "member-telephone": person.telephone,
            "member-email": person.email,
        }
        for field_id, value in values.items():
            self._field(field_id).input.value = value

    def _preview(self) -> None:
        preview = self.query_one("#member-preview", Static)
        name = " ".join(self._field("member-name").text.split())
        if not name:
            preview.update("Front sheet: (type a name)")
            return
        person = self._person_from_form(Person("", name))
        role = self.query_one("#member-role", Select).value
        line = person.front_sheet_name()
        if role == Role.CHAIR:
            line += " (Chair)"
        elif role == Role.VICE_CHAIR:
            line += " (Vice-Chair)"
        elif role == Role.CO_OPTED and person.organisation:
            line += f", {person.organisation}"
        heading = "Substitute" if role == Role.SUBSTITUTE else "Member"
        preview.update(f"Front sheet ({heading}): {line}")

    # --- reading the form ---------------------------------------------------------
    def _field(self, field_id: str) -> TextField[Any]:
        return self.query_one(f"#{field_id}", TextField)

    def _person_from_form(self, found: Person) -> Person:
        def text(field_id: str) -> str:
            return self._field(field_id).text.strip()

        return Person(
            found.id,
            " ".join(self._field("member-name").text.split()),
            councillor=self.query_one("#member-councillor", Switch).value,
            minutes_name=text("member-minutes-name"),
            post_nominals=text("member-honours"),
            post_nominals_comma=self.query_one("#member-honours-comma", Switch).value,
            organisation=text("member-organisation"),
            job_title=text("member-job-title"),
            telephone=text("member-telephone"),
            email=text("member-email"),
            # No fields here yet: kept, so that editing a person never reprints past papers.
            printed_forms=list(found.printed_forms),
            earlier_names=list(found.earlier_names),
        )

    def _read(self) -> tuple[Person, Membership] | None:
        """The person and seat typed, or None with every problem shown beside its field."""
        errors: list[tuple[str, str]] = []
        values: dict[str, Any] = {}
        for field_id in ("member-name", "member-start", "member-end"):
            try:
                values[field_id] = self._field(field_id).value()
            except DomainError as error:
                errors.append((field_id, _beside(self._field(field_id), error.message)))
        if errors:
            for field_id, message in reversed(errors):
                self._field(field_id).show_error(message)
            return None
        found: Person = values["member-name"]
        person = self._person_from_form(found)
        if not person.id:
            person.id = person_id_for(person.name, (p.id for p in self.people))
        role = self.query_one("#member-role", Select).value
        seat = Membership(
            person.id,
            role if isinstance(role, Role) else Role.MEMBER,
            voting=self.query_one("#member-voting", Switch).value,
            start=values["member-start"],
            end=values["member-end"],
        )
        try:
            check_membership(self.committee, seat, self.index)
        except DomainError as error:
            self._show(error)
            return None
        return person, seat

    def _show(self, error: DomainError) -> None:
        where = {"person": "member-name", "start": "member-start", "end": "member-end"}.get(error.field)
        if where:
            self._field(where).show_error(error.message)
        elif error.field == "role":
            self.query_one("#member-role-message", FieldMessage).show_error(error.message)
            self.query_one("#member-role", Select).focus()
        else:
            self.report(error, "Not added")

    # --- actions ------------------------------------------------------------------
    def action_accept(self) -> None:
        result = self._read()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _text(label: str, value: str, field_id: str, placeholder: str = "") -> TextField[str]:
    return TextField(label, value=value, placeholder=placeholder, field_id=field_id)


def _switch(label: str, value: bool, switch_id: str) -> Horizontal:
    return Horizontal(Switch(value, id=switch_id), Label(label), classes="member-switch")


def _beside(field: TextField[Any], message: str) -> str:
    """A field's message without its own label in front (it is shown under the label)."""
    bare = message.removeprefix(f"{field.label}: ")
    return bare[:1].upper() + bare[1:]
