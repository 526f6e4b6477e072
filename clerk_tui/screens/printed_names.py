"""How one person's name prints: a form per paper (front sheet / minutes), for every
committee or one, and a new name from a date (marriage, honours) that leaves the papers
of earlier meetings with the name the person had.

Each change is saved at once; the dialog dismisses with the person as saved last (or
None if nothing changed), for the screen that opened it to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from clerk_tui.domain import Committee, DomainError, Person
from clerk_tui.domain.dates import format_echo
from clerk_tui.domain.people import Paper, PrintedForm
from clerk_tui.render.names import minutes_name
from clerk_tui.screens.base import ClerkModal
from widgets.fields import DateField, FieldMessage, TextField
from widgets.steady_footer import SteadyFooter

EVERY_COMMITTEE = ""
PAPERS = {Paper.FRONT_SHEET: "Front sheet", Paper.MINUTES: "Minutes"}
FORM_COLUMNS = ("Paper", "Committee", "Name as printed", "Organisation")


class PrintedNamesScreen(ClerkModal):
    """The printed forms and the renames of one person."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#names-paper"
    PALETTE_GROUP = "Printed names"
    HELP_TITLE = "Printed names"
    HELP_TEXT = (
        "Where a paper prints this person otherwise than the rule (a co-optee is “Ms Jane Doe, "
        "Healthwatch” on the front sheet and “Jane Doe, Healthwatch Sefton” in the minutes), choose "
        "the paper and the committee (every committee, or the one that prints it so), type the name "
        "without Cllr. and press f2: it is saved at once, in place of the form that paper had. Enter "
        "on a form in the list fills the fields with it; f3 removes it. A name that changes from a "
        "date (marriage, honours): type the new name and the first day of it (day first: 1/6/2026) "
        "and press f4; papers of meetings before that day keep the old name. Escape closes."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "set_form",
            "Set form",
            tooltip="Save the name as this paper prints it (for the committee chosen).",
            priority=True,
            id="names.set_form",
        ),
        Binding(
            "f3",
            "remove_form",
            "Remove form",
            tooltip="The highlighted form goes: the paper prints the name by the rule.",
            priority=True,
            id="names.remove_form",
        ),
        Binding(
            "f4",
            "rename",
            "Rename from date",
            tooltip="A new name from the date typed; earlier papers keep the old one.",
            priority=True,
            id="names.rename",
        ),
        Binding("escape", "close", "Close", tooltip="Back to the members.", id="names.close"),
    ]

    def __init__(self, person: Person, committee: Committee, committees: Sequence[Committee]) -> None:
        super().__init__()
        self.person = person
        self.committee = committee
        self.committee_names = {c.id: c.name for c in committees} | {committee.id: committee.name}
        self.changed = False

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="names-body"):
            yield Static(id="names-title")
            yield Static(id="names-preview")
            yield DataTable(id="names-forms", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="names-row"):
                with Vertical(classes="names-choice"):
                    yield Label("Paper", classes="names-label")
                    yield Select(
                        [(label, paper) for paper, label in PAPERS.items()],
                        value=Paper.MINUTES,
                        allow_blank=False,
                        compact=True,
                        id="names-paper",
                    )
                with Vertical(classes="names-choice"):
                    yield Label("Committee", classes="names-label")
                    yield Select(
                        [("Every committee", EVERY_COMMITTEE), *self._committee_options()],
                        value=EVERY_COMMITTEE,
                        allow_blank=False,
                        compact=True,
                        id="names-committee",
                    )
            with Horizontal(classes="names-row"):
                yield TextField(
                    "Name as printed (no Cllr.)",
                    placeholder="e.g. Jane Doe, M.B.E.",
                    field_id="names-form-name",
                )
                yield TextField(
                    "Organisation (empty: their own)",
                    placeholder="e.g. Healthwatch Sefton",
                    field_id="names-form-organisation",
                )
            with Horizontal(classes="names-row"):
                yield TextField(
                    "New name from a date", placeholder="e.g. Carla Ford", field_id="names-new-name"
                )
                yield DateField("First day of the new name", self.clerk.today, field_id="names-since")
            yield Static(id="names-earlier")
            yield FieldMessage(classes="-empty", id="names-error")
            with Horizontal(id="names-buttons"):
                yield Button("Set form", id="set-form", action="screen.set_form", variant="primary")
                yield Button("Remove form", id="remove-form", action="screen.remove_form")
                yield Button("Rename from date", id="rename", action="screen.rename")
                yield Button("Close", id="close", action="screen.close")
        yield SteadyFooter()

    def _committee_options(self) -> list[tuple[str, str]]:
        return [(f"Only {name}", committee_id) for committee_id, name in self.committee_names.items()]

    def on_mount(self) -> None:
        for field in self.query(TextField):
            field.input.compact = True
        self._show()

    # --- showing ------------------------------------------------------------------
    def _show(self, select: int = 0) -> None:
        person = self.person
        self.query_one("#names-title", Static).update(f"How {person.front_sheet_name()} is printed")
        on_minutes = minutes_name(person, self.committee.style, committee_id=self.committee.id)
        title = "Councillor " if person.councillor else ""
        self.query_one("#names-preview", Static).update(
            f"{self.committee.name}: front sheet “{person.front_sheet_name(self.committee.id)}”, "
            f"minutes “{title}{on_minutes}”"
        )
        table = self.query_one("#names-forms", DataTable)
        table.clear(columns=True)
        for label in FORM_COLUMNS:
            table.add_column(label)
        for form in person.printed_forms:
            table.add_row(
                PAPERS[form.paper],
                self.committee_names.get(form.committee_id, form.committee_id) or "Every committee",
                form.name,
                form.organisation,
            )
        if person.printed_forms:
            table.move_cursor(row=min(select, len(person.printed_forms) - 1))
        table.display = bool(person.printed_forms)
        earlier = "; ".join(f"{e.name} before {format_echo(e.until)}" for e in reversed(person.earlier_names))
        self.query_one("#names-earlier", Static).update(
            f"Earlier names: {earlier}."
            if earlier
            else "No forms of their own: every paper prints the name by the rule. No earlier names."
            if not person.printed_forms
            else "No earlier names."
        )

    def _note(self, message: str, error: bool = False) -> None:
        line = self.query_one("#names-error", FieldMessage)
        if error:
            line.show_error(message)
        else:
            line.show_note(message)

    @on(Input.Changed)
    def _typing(self) -> None:
        self._note("")

    @on(DataTable.RowSelected, "#names-forms")
    def _form_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a form: the fields take it, to be changed and set again."""
        form = self.person.printed_forms[event.cursor_row]
        self.query_one("#names-paper", Select).value = form.paper
        self.query_one("#names-committee", Select).value = form.committee_id
        self._field("names-form-name").input.value = form.name
        self._field("names-form-organisation").input.value = form.organisation
        self._field("names-form-name").input.focus()

    def _field(self, field_id: str) -> TextField[object]:
        return self.query_one(f"#{field_id}", TextField)

    def _save(self, person: Person, said: str, select: int = 0) -> None:
        self.person = person
        self.changed = True
        self.clerk.save_person(person)
        self._show(select)
        self._note(said)

    # --- actions ------------------------------------------------------------------
    def action_set_form(self) -> None:
        paper = self.query_one("#names-paper", Select).value
        committee_id = self.query_one("#names-committee", Select).value
        name_field = self._field("names-form-name")
        if not isinstance(paper, Paper) or not isinstance(committee_id, str):
            return
        try:
            form = PrintedForm(
                paper, name_field.text, self._field("names-form-organisation").text, committee_id
            )
        except DomainError as error:
            name_field.show_error(f"{error.message} Nothing was saved.")
            return
        person = self.person.with_printed_form(form)
        where = self.committee_names.get(committee_id, "every committee")
        self._save(
            person,
            f"Saved: the {PAPERS[paper].lower()} of {where} print “{form.name}”.",
            len(person.printed_forms) - 1,
        )

    def action_remove_form(self) -> None:
        table = self.query_one("#names-forms", DataTable)
        if not self.person.printed_forms:
            self._note("No form to remove: every paper prints the name by the rule.", error=True)
            return
        form = self.person.printed_forms[min(table.cursor_row, len(self.person.printed_forms) - 1)]
        person = self.person.without_printed_form(form.paper, form.committee_id)
        self._save(
            person, f"Removed “{form.name}”: the {PAPERS[form.paper].lower()} print the name by the rule."
        )

    def action_rename(self) -> None:
        name_field = self._field("names-new-name")
        since_field = self.query_one("#names-since", DateField)
        name = " ".join(name_field.text.split())
        if not name:
            name_field.show_error("Type the new name as papers will print it (no Cllr.). Nothing was saved.")
            return
        try:
            since = since_field.value()
        except DomainError as error:
            message = error.message.removeprefix(f"{since_field.label}: ")
            since_field.show_error(f"{message[:1].upper()}{message[1:]} Nothing was saved.")
            return
        assert since is not None  # the field is required
        old = self.person.name
        try:
            person = self.person.renamed_from(since, name)
        except DomainError as error:
            field = since_field if error.field == "since" else name_field
            field.show_error(f"{error.message} Nothing was saved.")
            return
        self._save(
            person,
            f"Renamed: “{name}” from {format_echo(since)}; papers of meetings before it print “{old}”.",
        )
        name_field.input.value = ""
        since_field.input.value = ""

    def action_close(self) -> None:
        self.dismiss(self.person if self.changed else None)
