"""A declaration of interest, typed while the Chair waits.

A modal form: it returns a ``DeclarationDraft`` when the clerk accepts it, or None; the
live screen records the declaration (and the withdrawal that follows from it) and saves.
The form checks the draft the way the domain does, by building a ``Declaration``: a
missing nature, or a disclosable pecuniary interest where the member remained without a
dispensation, is explained beside its field and nothing is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from clerk_tui.domain import DomainError, Person
from clerk_tui.domain.declarations import Declaration, InterestAction, InterestKind
from clerk_tui.screens.base import ClerkModal
from widgets.fields import FieldMessage, TextField
from widgets.person_picker import PersonPicker
from widgets.steady_footer import SteadyFooter

KIND_LABELS: dict[InterestKind, str] = {
    InterestKind.DISCLOSABLE_PECUNIARY: "Disclosable pecuniary",
    InterestKind.PERSONAL: "Personal",
    InterestKind.OTHER: "Other",
}
ACTION_LABELS: dict[InterestAction, str] = {
    InterestAction.WITHDREW: "Withdrew from the room",
    InterestAction.REMAINED: "Remained in the room",
    InterestAction.DISPENSATION: "Remained under a dispensation",
}
DPI_NOTE = (
    "A disclosable pecuniary interest means leaving the room for the item, unless a dispensation was granted."
)


@dataclass(frozen=True)
class DeclarationDraft:
    """A checked declaration, not yet recorded: the screen gives it an id and records it."""

    person_id: str
    item_id: str
    kind: InterestKind
    nature: str
    action: InterestAction
    stays_out: bool
    """A member who withdrew stays out after the item (otherwise back when the next item is taken)."""


class DeclarationForm(ClerkModal):
    """Who declared what interest in which item, and what they did."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Declaration"
    HELP_TITLE = "Declaration of interest"
    HELP_TEXT = (
        "Type the member's name (it completes as you type; right arrow accepts), choose the item the "
        "interest concerns, the kind of interest and what it is, as the minutes will print it after the "
        "kind (“Personal - is involved with the Better Care Fund at a regional level”). A member with a "
        "disclosable pecuniary interest leaves the room unless a dispensation was granted. A member who "
        "withdrew comes back when the next item is taken, unless they stay out after it. "
        "f2 (or ctrl+s) accepts; escape closes the form and records nothing."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+s",
            "accept",
            "Accept",
            tooltip="Check the declaration and record it.",
            id="declaration.accept",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close the form; nothing is recorded.",
            id="declaration.cancel",
        ),
    ]

    def __init__(
        self,
        people: list[Person],
        items: list[tuple[str, str]],
        *,
        person_id: str | None = None,
        item_id: str | None = None,
    ) -> None:
        super().__init__()
        self.people = list(people)
        self.items = list(items)
        self.person = next((p for p in self.people if p.id == person_id), None)
        self.item_id = item_id if any(i == item_id for i, _ in self.items) else None

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="declaration-body"):
            yield Static("Declaration of interest", id="declaration-title")
            with Horizontal(id="declaration-who"):
                yield PersonPicker(
                    "Member",
                    self.people,
                    value=self.person.name if self.person else "",
                    field_id="declaration-member",
                )
                with Vertical(classes="declaration-choice"):
                    yield Label("Item the interest concerns", classes="declaration-label")
                    yield Select[str](
                        [(label, item_id) for item_id, label in self.items],
                        value=self.item_id if self.item_id is not None else Select.NULL,
                        prompt="Choose the item",
                        compact=True,
                        id="declaration-item",
                    )
                    yield FieldMessage(classes="-empty", id="declaration-item-message")
            with Horizontal(id="declaration-what"):
                with Vertical(classes="declaration-choice", id="declaration-kind-box"):
                    yield Label("Kind of interest", classes="declaration-label")
                    yield Select[InterestKind](
                        [(label, kind) for kind, label in KIND_LABELS.items()],
                        value=InterestKind.PERSONAL,
                        allow_blank=False,
                        compact=True,
                        id="declaration-kind",
                    )
                yield TextField(
                    "Nature of the interest (printed after the kind)",
                    required=True,
                    placeholder="is involved with the Better Care Fund at a regional level",
                    field_id="declaration-nature",
                )
            with Horizontal(id="declaration-did"):
                with Vertical(classes="declaration-choice", id="declaration-action-box"):
                    yield Label("What the member did", classes="declaration-label")
                    yield Select[InterestAction](
                        [(label, action) for action, label in ACTION_LABELS.items()],
                        value=InterestAction.REMAINED,
                        allow_blank=False,
                        compact=True,
                        id="declaration-action",
                    )
                yield Checkbox(
                    "Stays out after the item (else back for the next one)",
                    id="declaration-stays-out",
                    disabled=True,
                )
            yield FieldMessage(classes="-empty", id="declaration-action-message")
            yield Static(id="declaration-preview")
            with Horizontal(id="declaration-buttons"):
                yield Button("Record declaration", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.enter_moves_on()
        for field in self.query(TextField):
            field.input.compact = True
        if self.person is None:
            self.query_one("#declaration-member-input", Input).focus()
        elif self.item_id is None:
            self.query_one("#declaration-item", Select).focus()
        else:
            self.query_one("#declaration-kind", Select).focus()
        self._preview()

    # --- reading the form ---------------------------------------------------------
    def _kind(self) -> InterestKind:
        value = self.query_one("#declaration-kind", Select).value
        return value if isinstance(value, InterestKind) else InterestKind.PERSONAL

    def _action(self) -> InterestAction:
        value = self.query_one("#declaration-action", Select).value
        return value if isinstance(value, InterestAction) else InterestAction.REMAINED

    @property
    def _nature(self) -> TextField[str]:
        return self.query_one("#declaration-nature", TextField)

    @property
    def _member(self) -> PersonPicker:
        return self.query_one("#declaration-member", PersonPicker)

    # --- live reactions -----------------------------------------------------------
    @on(Select.Changed, "#declaration-kind")
    def _kind_changed(self) -> None:
        if self._kind() == InterestKind.DISCLOSABLE_PECUNIARY and self._action() == InterestAction.REMAINED:
            # A DPI means leaving the room: withdrew is the default (the clerk may say dispensation).
            self.query_one("#declaration-action", Select).value = InterestAction.WITHDREW
            self._action_changed()
        self._explain_action()
        self._preview()

    @on(Select.Changed, "#declaration-action")
    def _action_changed(self) -> None:
        withdrew = self._action() == InterestAction.WITHDREW
        stays_out = self.query_one("#declaration-stays-out", Checkbox)
        stays_out.disabled = not withdrew
        if not withdrew:
            stays_out.value = False
        self._explain_action()

    def _explain_action(self) -> None:
        """The DPI rule beside the choice: a note, or the domain's objection to what is chosen."""
        message = self.query_one("#declaration-action-message", FieldMessage)
        try:
            Declaration("", "", "", self._kind(), "-", self._action())
        except DomainError as error:
            message.show_error(error.message)
            return
        message.show_note(DPI_NOTE if self._kind() == InterestKind.DISCLOSABLE_PECUNIARY else "")

    @on(Select.Changed, "#declaration-item")
    def _item_changed(self) -> None:
        self.query_one("#declaration-item-message", FieldMessage).show_note("")

    @on(Input.Changed, "#declaration-nature-input")
    def _nature_changed(self) -> None:
        self._preview()

    def _preview(self) -> None:
        nature = " ".join(self._nature.text.split())
        cell = f"{self._kind().printed()} - {nature}" if nature else "(say what the interest is)"
        self.query_one("#declaration-preview", Static).update(f"Minutes print: {cell}")

    def _read(self) -> DeclarationDraft | None:
        """The declaration typed, or None with every problem shown beside its field."""
        problems = False
        person: Person | None = None
        try:
            person = self._member.value()
        except DomainError as error:
            self._member.show_error(error.message)
            problems = True
        item = self.query_one("#declaration-item", Select).value
        if not isinstance(item, str):
            self.query_one("#declaration-item-message", FieldMessage).show_error("Choose the item.")
            if not problems:
                self.query_one("#declaration-item", Select).focus()
            problems = True
        kind, action = self._kind(), self._action()
        try:
            Declaration(
                "",
                person.id if person else "",
                item if isinstance(item, str) else "",
                kind,
                self._nature.text,
                action,
            )
        except DomainError as error:
            if error.field == "nature":
                self._nature.message.show_error(error.message)
                if not problems:
                    self._nature.input.focus()
            else:
                self.query_one("#declaration-action-message", FieldMessage).show_error(error.message)
                if not problems:
                    self.query_one("#declaration-action", Select).focus()
            problems = True
        if problems or person is None or not isinstance(item, str):
            return None
        stays_out = (
            action == InterestAction.WITHDREW and self.query_one("#declaration-stays-out", Checkbox).value
        )
        return DeclarationDraft(person.id, item, kind, self._nature.text.strip(), action, stays_out)

    # --- actions ------------------------------------------------------------------
    def action_accept(self) -> None:
        draft = self._read()
        if draft is not None:
            self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["ACTION_LABELS", "DPI_NOTE", "KIND_LABELS", "DeclarationDraft", "DeclarationForm"]
