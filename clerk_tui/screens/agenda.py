"""Drafting an agenda: the items on the left, each editable in place below them, and the
front sheet on the right exactly as it will print, updated as the clerk types."""

from __future__ import annotations

import copy
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import AgendaItem, DomainError, ItemKind, Meeting, MeetingStatus
from clerk_tui.domain.phrases import join_numbers
from clerk_tui.exporting import papers_for
from clerk_tui.render import PrintOptions, print_agenda
from clerk_tui.screens.base import ClerkScreen
from store import StoreError
from widgets.item_editor import KIND_LABELS, ItemEditor

PREVIEW_WIDTH = 60


class AgendaScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Agenda"
    HELP_TITLE = "Agenda"
    HELP_TEXT = (
        "The agenda of one meeting. Move through the items with the arrow keys; enter edits the "
        "highlighted item below the list, f2 (or ctrl+s) accepts it, escape leaves the editor. "
        "The front sheet on the right is the printed text, updated as you type."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a", "add_item", "Add item", tooltip="A new item after the highlighted one.", id="agenda.add"
        ),
        Binding("enter", "edit_item", "Edit", tooltip="Edit the highlighted item.", id="agenda.edit"),
        Binding(
            "f2",
            "apply",
            "Accept item",
            tooltip="Accept the item being edited and save it.",
            id="agenda.apply",
        ),
        Binding(
            "ctrl+s", "save", "Save", tooltip="Accept the item being edited, then save.", id="agenda.save"
        ),
        Binding(
            "shift+up,ctrl+up", "move(-1)", "Move up", tooltip="Move the highlighted item up.", id="agenda.up"
        ),
        Binding(
            "shift+down,ctrl+down",
            "move(1)",
            "Move down",
            tooltip="Move the highlighted item down.",
            id="agenda.down",
        ),
        Binding(
            "delete", "delete_item", "Delete", tooltip="Remove the highlighted item.", id="agenda.delete"
        ),
        Binding(
            "m",
            "take_minutes",
            "Take minutes",
            tooltip="Run the meeting: attendance, declarations, minutes.",
            id="agenda.minutes",
        ),
        Binding("x", "export", "Export", tooltip="Print the front sheet to a file.", id="agenda.export"),
        Binding("p", "publish", "Publish", tooltip="Mark the agenda published.", id="agenda.publish"),
        Binding(
            "escape",
            "leave",
            "Back",
            tooltip="Leave the editor, or go back to the meetings.",
            id="agenda.back",
        ),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="agenda-body"):
            with Vertical(id="agenda-left"):
                yield Static(id="agenda-title")
                yield DataTable(id="agenda-items", cursor_type="row")
                with Horizontal(id="agenda-buttons"):
                    yield Button("Add", id="add", action="screen.add_item")
                    yield Button("Edit", id="edit", action="screen.edit_item")
                    yield Button("Accept", id="apply", action="screen.apply", variant="primary")
                    yield Button("Up", id="up", action="screen.move(-1)")
                    yield Button("Down", id="down", action="screen.move(1)")
                    yield Button("Delete", id="delete", action="screen.delete_item", variant="error")
                    yield Button("Export", id="export", action="screen.export")
                    yield Button(
                        "Take minutes", id="minutes", action="screen.take_minutes", variant="success"
                    )
                yield ItemEditor(id="agenda-editor")
            with VerticalScroll(id="agenda-preview"):
                yield Static(id="agenda-front-sheet")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#agenda-items", DataTable)
        table.add_columns("No.", "Item", "Pages", "")
        self.query_one(ItemEditor).display = False
        self._refresh(select=self.meeting.agenda[0].id if self.meeting.agenda else None)
        table.focus()

    def on_screen_resume(self) -> None:
        self.clerk.set_open_meeting(self._label())

    def _label(self) -> str:
        try:
            name = self.store.committee(self.meeting.committee_id).name
        except StoreError:
            name = self.meeting.committee_id
        return f"{name}, {self.meeting.date:%a %d %b %Y}"

    def _refresh(self, select: str | None = None, preview_of: Meeting | None = None) -> None:
        self.clerk.set_open_meeting(self._label())
        status = self.meeting.status.label()
        self.query_one("#agenda-title", Static).update(f"Agenda: {self._label()} ({status})")
        table = self.query_one("#agenda-items", DataTable)
        current = select or self.highlighted_id()
        table.clear()
        for position, item in enumerate(self.meeting.agenda, start=1):
            pages = f"{item.pages.first}-{item.pages.last}" if item.pages else ""
            pages = pages or ("to follow" if item.to_follow else "")
            flag = f"EXEMPT {join_numbers(item.exempt_paragraphs)}" if item.exempt else ""
            title = item.title if len(item.title) <= 36 else item.title[:35] + "…"
            table.add_row(item.label or str(position), title, pages, flag, key=item.id)
        if current and current in self.meeting.agenda_ids():
            table.move_cursor(row=self.meeting.agenda_ids().index(current))
        self._render_preview(preview_of or self.meeting)

    def _render_preview(self, meeting: Meeting, note: str = "") -> None:
        try:
            printed = print_agenda(papers_for(self.store, meeting), PrintOptions(width=self._preview_width()))
            text = printed.text
        except StoreError as error:
            text = f"The front sheet cannot be printed: {error}"
        self.query_one("#agenda-front-sheet", Static).update(f"{note}\n\n{text}" if note else text)

    def _preview_width(self) -> int:
        """Wrap the front sheet at the pane's width, so it reads as it will print."""
        width = self.query_one("#agenda-preview").content_size.width
        return max(30, width - 3) if width else PREVIEW_WIDTH  # room for the scrollbar

    def on_resize(self) -> None:
        self.call_after_refresh(self._render_preview, self.meeting)

    def highlighted_id(self) -> str | None:
        table = self.query_one("#agenda-items", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    @property
    def editor(self) -> ItemEditor:
        return self.query_one(ItemEditor)

    def _editing(self) -> bool:
        return self.editor.display

    # --- saving ---------------------------------------------------------------------
    def _save(self) -> None:
        self.clerk.save_meeting(self.meeting)

    # --- actions --------------------------------------------------------------------
    def action_add_item(self) -> None:
        position = len(self.meeting.agenda)
        current = self.highlighted_id()
        if current:
            position = self.meeting.agenda_ids().index(current) + 1
        draft = AgendaItem(self.meeting.new_item_id(), "New item")
        draft.title = ""
        self._open_editor(draft, is_new=True, heading=f"New item {position + 1}")
        self._insert_at = position

    def action_edit_item(self) -> None:
        item_id = self.highlighted_id()
        if item_id is None:
            self.clerk.notify("The agenda is empty: press a to add an item.", severity="warning")
            return
        item = self.meeting.item(item_id)
        self._open_editor(
            copy.deepcopy(item), is_new=False, heading=f"Item {self.meeting.printed_number(item_id)}"
        )

    def _open_editor(self, item: AgendaItem, *, is_new: bool, heading: str) -> None:
        self.editor.display = True
        self.editor.load(item, is_new=is_new, heading=heading)
        self.editor.focus_title()

    def action_apply(self) -> None:
        if not self._editing():
            self.clerk.notify("Nothing is being edited: press enter on an item, or a to add one.")
            return
        self.editor.apply()

    def action_save(self) -> None:
        if self._editing() and not self.editor.apply():
            return
        self.clerk.action_save()

    @on(ItemEditor.Applied)
    def _applied(self, event: ItemEditor.Applied) -> None:
        item = event.item
        try:
            if event.is_new:
                self.meeting.add_item(item, getattr(self, "_insert_at", None))
            else:
                index = self.meeting.agenda_ids().index(item.id)
                self.meeting.agenda[index] = item
        except DomainError as error:
            self.editor.show_error(error)
            return
        self._save()
        self.editor.display = False
        self._refresh(select=item.id)
        self.query_one("#agenda-items", DataTable).focus()
        self.clerk.notify(f"Item {self.meeting.printed_number(item.id)} saved: {item.title}", timeout=3)

    @on(ItemEditor.Changed)
    def _draft_changed(self, event: ItemEditor.Changed) -> None:
        if self._editing():
            self._preview_draft()

    @work(exclusive=True, group="preview")
    async def _preview_draft(self) -> None:
        """Show the front sheet with the item as typed (a valid draft), or say what is missing."""
        try:
            draft = self.editor.draft()
        except DomainError as error:
            self._render_preview(
                self.meeting, note=f"(as saved: the item being typed is not complete: {error.message})"
            )
            return
        preview = copy.deepcopy(self.meeting)
        ids = preview.agenda_ids()
        if draft.id in ids:
            preview.agenda[ids.index(draft.id)] = draft
        else:
            preview.agenda.insert(getattr(self, "_insert_at", len(preview.agenda)), draft)
        self._render_preview(preview)

    def action_move(self, offset: int) -> None:
        item_id = self.highlighted_id()
        if item_id is None or self._editing():
            return
        self.meeting.move_item(item_id, offset)
        self._save()
        self._refresh(select=item_id)

    def action_delete_item(self) -> None:
        from clerk_tui.screens.confirm import ConfirmScreen

        item_id = self.highlighted_id()
        if item_id is None or self._editing():
            return
        item = self.meeting.item(item_id)

        def decided(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self.meeting.remove_item(item_id)
            except DomainError as error:
                self.report(error, "Not deleted")
                return
            self._save()
            self._refresh()
            self.clerk.notify(f"Removed: {item.title}", timeout=3)

        self.app.push_screen(
            ConfirmScreen(f"Remove item {self.meeting.printed_number(item_id)}, “{item.title}”?", "Remove"),
            decided,
        )

    def action_export(self) -> None:
        from clerk_tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting.id, paper="agenda"))

    def action_take_minutes(self) -> None:
        from clerk_tui.screens.live import LiveMeetingScreen

        if self._editing():
            self.clerk.notify(
                "Accept or leave the item being edited first (f2 or escape).", severity="warning"
            )
            return
        self.app.push_screen(LiveMeetingScreen(self.meeting))

    def action_publish(self) -> None:
        if self.meeting.status != MeetingStatus.DRAFT_AGENDA:
            self.clerk.notify(f"The agenda is already {self.meeting.status.label()}.")
            return
        self.meeting.status = MeetingStatus.PUBLISHED
        self._save()
        self._refresh()
        self.clerk.notify("Agenda marked published.", timeout=3)

    def action_leave(self) -> None:
        if self._editing():
            self.editor.display = False
            self._render_preview(self.meeting)
            self.query_one("#agenda-items", DataTable).focus()
            return
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"move", "delete_item"} and self._editing():
            return None
        if action == "apply":
            return (True if self._editing() else None) and super().check_action(action, parameters)
        return super().check_action(action, parameters)

    # --- doors ----------------------------------------------------------------------

    @on(DataTable.RowSelected, "#agenda-items")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_item()

    def palette_targets(self) -> list[PaletteEntry]:
        return [
            PaletteEntry(
                f"Jump to item: {self.meeting.printed_number(item.id)}. {item.title}",
                partial(self._jump, item.id),
                KIND_LABELS[item.kind],
            )
            for item in self.meeting.agenda
        ]

    def _jump(self, item_id: str) -> None:
        table = self.query_one("#agenda-items", DataTable)
        table.move_cursor(row=self.meeting.agenda_ids().index(item_id))
        table.focus()


__all__ = ["AgendaScreen", "ItemKind"]
