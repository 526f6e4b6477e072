"""Edit one agenda item in place: every field of the front sheet's item, checked as typed.

The editor never changes the meeting itself. It posts ``Changed`` as the clerk types (so
the screen can show the front sheet as it would print) and ``Applied`` with a complete,
valid item when the clerk accepts it; the screen puts the item on the agenda and saves.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, Static

from clerk_tui.domain import STANDARD_TITLES, AgendaItem, DomainError, ItemKind
from widgets.fields import FieldMessage, PageRangeField, TextField
from widgets.paragraph_picker import ParagraphPicker

KIND_LABELS: dict[ItemKind, str] = {
    ItemKind.SUBSTANTIVE: "Report or other business",
    ItemKind.APOLOGIES: "Apologies for absence",
    ItemKind.DECLARATIONS: "Declarations of interest",
    ItemKind.PREVIOUS_MINUTES: "Minutes of the previous meeting",
    ItemKind.EXCLUSION: "Exclusion of press and public",
    ItemKind.URGENT: "Urgent business",
    ItemKind.NEXT_MEETING: "Date of next meeting",
    ItemKind.ELECTION_OF_CHAIR: "Election of chair",
}


class ItemEditor(VerticalScroll):
    DEFAULT_CSS = """
    ItemEditor { height: 1fr; padding: 0 1; }
    ItemEditor .row { height: auto; }
    ItemEditor .row > TextField { width: 1fr; }
    ItemEditor #editor-heading { text-style: bold; padding: 0 1 1 1; }
    ItemEditor #exempt-paragraphs { margin: 0 1 1 1; }
    ItemEditor Checkbox { margin: 0 1; }
    ItemEditor Select { margin: 0 1 1 1; }
    ItemEditor #editor-message { padding: 0 1; }
    """

    @dataclass
    class Changed(Message):
        editor: ItemEditor

    @dataclass
    class Applied(Message):
        item: AgendaItem
        is_new: bool

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.item_id = ""
        self.is_new = False
        self._loading = False
        self._loaded_item: AgendaItem | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="editor-heading")
        yield TextField("Title", required=True, field_id="title", placeholder="Education Scorecard")
        yield Label("Kind")
        yield Select(
            [(label, kind.value) for kind, label in KIND_LABELS.items()],
            allow_blank=False,
            value=ItemKind.SUBSTANTIVE.value,
            id="kind",
        )
        with Horizontal(classes="row"):
            yield PageRangeField("Pages", field_id="pages")
            yield TextField("Number as printed (blank: its position)", field_id="label", placeholder="5A")
        yield Checkbox("Report to follow (late paper)", id="to-follow")
        yield TextField("Report of", field_id="report-of", placeholder="the Director of Public Health")
        yield TextField(
            "Presentation of", field_id="presentation-of", placeholder="the Associate Director of Strategy"
        )
        yield TextField(
            "To attend (presenter)",
            field_id="presenter",
            placeholder="Jon Hayes, Managing Director, Cancer Alliance",
        )
        yield TextField("Description printed under the item", field_id="description")
        yield TextField("Clerk's notes (never printed)", field_id="notes")
        yield Checkbox("Exempt: Part 2 business (Schedule 12A)", id="exempt")
        yield ParagraphPicker(id="exempt-paragraphs")
        yield FieldMessage(id="editor-message", classes="-empty")

    def on_mount(self) -> None:
        self.query_one("#exempt-paragraphs", ParagraphPicker).display = False

    # --- loading ------------------------------------------------------------------
    def load(self, item: AgendaItem, *, is_new: bool, heading: str) -> None:
        self._loading = True
        self.item_id = item.id
        self._loaded_item = item
        self.is_new = is_new
        self.query_one("#editor-heading", Static).update(heading)
        self._set("title", item.title)
        self.query_one("#kind", Select).value = item.kind.value
        self._set("pages", f"{item.pages.first} - {item.pages.last}" if item.pages else "")
        self._set("label", item.label)
        self.query_one("#to-follow", Checkbox).value = item.to_follow
        self._set("report-of", item.report_of)
        self._set("presentation-of", item.presentation_of)
        self._set("presenter", item.presenter)
        self._set("description", item.description)
        self._set("notes", item.notes)
        self.query_one("#exempt", Checkbox).value = item.exempt
        picker = self.query_one("#exempt-paragraphs", ParagraphPicker)
        picker.deselect_all()
        for paragraph in item.exempt_paragraphs:
            picker.select(paragraph)
        picker.display = item.exempt
        self.query_one("#editor-message", FieldMessage).show_note("")
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def _set(self, field_id: str, text: str) -> None:
        self.query_one(f"#{field_id}", TextField).input.value = text

    def focus_title(self) -> None:
        self.query_one("#title", TextField).input.focus()

    # --- reading --------------------------------------------------------------------
    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", TextField).text.strip()

    def draft(self) -> AgendaItem:
        """The item as typed; DomainError (naming the field) if it is not complete and valid."""
        pages = self.query_one("#pages", PageRangeField).value()
        exempt = self.query_one("#exempt", Checkbox).value
        paragraphs = self.query_one("#exempt-paragraphs", ParagraphPicker).paragraphs if exempt else []
        kind = ItemKind(str(self.query_one("#kind", Select).value))
        loaded = (
            self._loaded_item
            if self._loaded_item is not None and self._loaded_item.id == self.item_id
            else None
        )
        return AgendaItem(
            self.item_id,
            self._text("title"),
            kind,
            label=self._text("label"),
            pages=pages,
            to_follow=self.query_one("#to-follow", Checkbox).value,
            report_of=self._text("report-of"),
            presentation_of=self._text("presentation-of"),
            presenter=self._text("presenter"),
            description=self._text("description"),
            notes=self._text("notes"),
            exempt=exempt,
            exempt_paragraphs=paragraphs,
            # No fields here yet: kept from the item as loaded.
            note=loaded.note if loaded else "",
            line_order=list(loaded.line_order) if loaded else [],
            carried_from=list(loaded.carried_from) if loaded else [],
        )

    def apply(self) -> bool:
        """Post Applied with the item, or show why it cannot be accepted (keeping the text)."""
        try:
            item = self.draft()
        except DomainError as error:
            self.show_error(error)
            return False
        self.query_one("#editor-message", FieldMessage).show_note("")
        self.post_message(self.Applied(item, self.is_new))
        self.is_new = False
        return True

    def show_error(self, error: DomainError) -> None:
        fields = {"title": "title", "pages": "pages", "exempt_paragraphs": "exempt-paragraphs"}
        target = fields.get(error.field, error.field)
        self.query_one("#editor-message", FieldMessage).show_error(error.message)
        if target == "exempt-paragraphs":
            self.query_one("#exempt-paragraphs", ParagraphPicker).focus()
            return
        fields_named = [field for field in self.query(TextField) if target and field.id == target]
        if fields_named:
            fields_named[0].show_error(error.message)

    # --- live changes ---------------------------------------------------------------
    def _changed(self) -> None:
        if not self._loading and self.display:
            self.post_message(self.Changed(self))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._changed()

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "exempt":
            picker = self.query_one("#exempt-paragraphs", ParagraphPicker)
            picker.display = event.value
        if event.checkbox.id == "to-follow" and event.value:
            self._set("pages", "")
        self._changed()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        kind = ItemKind(str(event.value))
        title = self.query_one("#title", TextField)
        if not title.text.strip() and kind in STANDARD_TITLES:
            title.input.value = STANDARD_TITLES[kind]
        self._changed()

    @on(ParagraphPicker.SelectedChanged)
    def _paragraphs_changed(self, event: ParagraphPicker.SelectedChanged[int]) -> None:
        self._changed()
