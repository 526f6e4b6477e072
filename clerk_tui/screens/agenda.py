"""Drafting an agenda: the items on the left, each editable in place below them, and the
front sheet on the right exactly as it will print, updated as the clerk types."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import AgendaItem, DomainError, ItemKind, Meeting, MeetingStatus
from clerk_tui.domain.agenda import new_item_position
from clerk_tui.domain.lifecycle import (
    back_to_draft,
    back_to_draft_plan,
    change_date,
    change_start,
    change_venue,
    check_details_editable,
    publish_agenda,
    publish_question,
    reopen_minutes,
    reopen_question,
    unpublish_agenda,
    unpublish_question,
)
from clerk_tui.domain.phrases import join_numbers
from clerk_tui.exporting import papers_for
from clerk_tui.render import PrintOptions, print_agenda
from clerk_tui.render.fit import shorten
from clerk_tui.screens.base import NARROW_BELOW, ClerkScreen
from store import StoreError
from widgets.item_editor import KIND_LABELS, ItemEditor
from widgets.paper_view import PaperView
from widgets.quiet_static import QuietStatic
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

if TYPE_CHECKING:
    from clerk_tui.screens.meeting_details import MeetingDetails

PREVIEW_WIDTH = 60

STATE_BUTTONS: dict[MeetingStatus, tuple[str, str]] = {
    MeetingStatus.DRAFT_AGENDA: ("Publish", "publish"),
    MeetingStatus.PUBLISHED: ("Unpublish", "unpublish"),
    MeetingStatus.HELD: ("Back to agenda", "back_to_draft"),
    MeetingStatus.MINUTES_DRAFTED: ("Reopen minutes", "reopen_minutes"),
}
"""The button for the change of state the meeting's state allows (label, action)."""

STATE_ACTIONS: dict[str, MeetingStatus] = {action: status for status, (_, action) in STATE_BUTTONS.items()}
"""Each change of state, and the state it starts from: the others are hidden."""


class AgendaScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Agenda"
    HELP_TITLE = "Agenda"
    HELP_TEXT = (
        "The agenda of one meeting. Move through the items with the arrow keys; enter edits the "
        "highlighted item below the list, f2 (or ctrl+s) accepts it, escape leaves the editor. "
        "The front sheet on the right is the printed text, updated as you type; [ and ] scroll it. "
        "a adds an item after the last item of business, A after the highlighted one. Each change of "
        "state (publish, unpublish, back to the agenda, reopen the minutes) asks first and can be "
        "reversed; d changes the date, time and venue, saying first what that does to minute numbers."
    )
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-medium"), (130, "-roomy")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "add_item",
            "Add item",
            tooltip="A new item after the last item of business (before Part 2 and the closing items).",
            id="agenda.add",
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
        Binding(
            "p", "publish", "Publish", tooltip="Mark the agenda published (asks first).", id="agenda.publish"
        ),
        Binding(
            "u",
            "unpublish",
            "Unpublish",
            tooltip="Make the published agenda a draft again (asks first).",
            id="agenda.unpublish",
        ),
        Binding(
            "b",
            "back_to_draft",
            "Back to agenda",
            tooltip="A meeting taken live by mistake goes back to its agenda; says first what is kept.",
            id="agenda.back_to_draft",
        ),
        Binding(
            "o",
            "reopen_minutes",
            "Reopen minutes",
            tooltip="Open the drafted minutes again for changes (asks first).",
            id="agenda.reopen",
        ),
        Binding(
            "d",
            "details",
            "Date, time, venue",
            tooltip="Change when and where the meeting is; says first what it does to minute numbers.",
            id="agenda.details",
        ),
        Binding(
            "[",
            "scroll_sheet(-1)",
            "Sheet up",
            key_display="[",
            tooltip="Scroll the front sheet up.",
            id="agenda.sheet_up",
        ),
        Binding(
            "]",
            "scroll_sheet(1)",
            "Sheet down",
            key_display="]",
            tooltip="Scroll the front sheet down.",
            id="agenda.sheet_down",
        ),
        Binding(
            "A",
            "add_after",
            "Add here",
            tooltip="A new item after the highlighted one.",
            id="agenda.add_here",
        ),
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
        yield SteadyHeader()
        with Horizontal(id="agenda-body"):
            with Vertical(id="agenda-left"):
                yield QuietStatic(id="agenda-title")
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

                with Horizontal(id="agenda-state-buttons"):
                    yield Button("Publish", id="state", action="screen.publish", compact=True)
                    yield Button("Date, time, venue", id="details", action="screen.details", compact=True)
                yield ItemEditor(id="agenda-editor")
            with PaperView(id="agenda-preview"):
                yield QuietStatic(id="agenda-front-sheet")  # the draft re-renders it per key
        yield SteadyFooter()

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
        self._show_state_button()
        table = self.query_one("#agenda-items", DataTable)
        current = select or self.highlighted_id()
        table.clear()
        for position, item in enumerate(self.meeting.agenda, start=1):
            pages = f"{item.pages.first}-{item.pages.last}" if item.pages else ""
            pages = pages or ("to follow" if item.to_follow else "")
            flag = f"EXEMPT {join_numbers(item.exempt_paragraphs)}" if item.exempt else ""
            title = shorten(item.title, self._title_width())
            table.add_row(item.label or str(position), title, pages, flag, key=item.id)
        if current and current in self.meeting.agenda_ids():
            table.move_cursor(row=self.meeting.agenda_ids().index(current))
        self._render_preview(preview_of or self.meeting)

    def _title_width(self) -> int:
        """An 80-column terminal leaves the Item column 24 characters beside the front sheet,
        so that the pages ("to follow") and EXEMPT columns are never cut."""
        return 24 if self.app.size.width < NARROW_BELOW else 36

    def _show_state_button(self) -> None:
        """The one button that changes the meeting's state is the one its state allows."""
        button = self.query_one("#state", Button)
        door = STATE_BUTTONS.get(self.meeting.status)
        button.display = door is not None
        if door is not None:
            button.label, button.action = door[0], f"screen.{door[1]}"

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
        return max(20, width - 3) if width else PREVIEW_WIDTH  # room for the scrollbar

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
        """After the last item of business: the cursor starts on item 1, and a report never
        belongs among the opening items."""
        self._add_at(new_item_position(self.meeting.agenda))

    def action_add_after(self) -> None:
        current = self.highlighted_id()
        position = self.meeting.agenda_ids().index(current) + 1 if current else len(self.meeting.agenda)
        self._add_at(position)

    def _add_at(self, position: int) -> None:
        draft = AgendaItem(self.meeting.new_item_id(), "New item")
        draft.title = ""
        heading = f"New item {position + 1}"
        if position:
            before = self.meeting.agenda[position - 1]
            heading += f", after {self.meeting.printed_number(before.id)}. {before.title}"
        self._open_editor(draft, is_new=True, heading=heading)
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
        # The live screen asks, in a sentence, before a meeting not yet held is taken live
        # (and records it as a step, so "back to agenda" knows where it was).
        self.app.push_screen(LiveMeetingScreen(self.meeting))

    # --- changes of state: each asks first, in a sentence, and each can be reversed -------
    def _ask_then(
        self, question: Callable[[Meeting], str], yes: str, change: Callable[[Meeting], str]
    ) -> None:
        from clerk_tui.screens.confirm import ConfirmScreen

        if self._editing():
            self.clerk.notify(
                "Accept or leave the item being edited first (f2 or escape).", severity="warning"
            )
            return
        try:
            asked = question(self.meeting)
        except DomainError as error:
            self.report(error, "Not changed")
            return

        def decided(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                said = change(self.meeting)
            except DomainError as error:
                self.report(error, "Not changed")
                return
            self._save()
            self._refresh()
            self.refresh_bindings()
            self.clerk.notify(said, timeout=6)

        self.app.push_screen(ConfirmScreen(asked, yes), decided)

    def action_publish(self) -> None:
        self._ask_then(publish_question, "Publish", publish_agenda)

    def action_unpublish(self) -> None:
        self._ask_then(unpublish_question, "Make it a draft", unpublish_agenda)

    def action_back_to_draft(self) -> None:
        self._ask_then(lambda meeting: back_to_draft_plan(meeting).sentence, "Back to agenda", back_to_draft)

    def action_reopen_minutes(self) -> None:
        def reopen(meeting: Meeting) -> str:
            return f"{reopen_minutes(meeting)} Press m to take the minutes."

        self._ask_then(reopen_question, "Reopen", reopen)

    def action_details(self) -> None:
        from clerk_tui.screens.meeting_details import MeetingDetailsScreen

        if self._editing():
            self.clerk.notify(
                "Accept or leave the item being edited first (f2 or escape).", severity="warning"
            )
            return
        try:
            check_details_editable(self.meeting)
        except DomainError as error:
            self.report(error, "Not changed")
            return
        self.app.push_screen(MeetingDetailsScreen(self.meeting), self._change_details)

    def _change_details(self, details: MeetingDetails | None) -> None:
        if details is None:
            return
        meeting = self.meeting
        moved = details.day != meeting.date
        changed = [
            change_date(meeting, details.day) if moved else "",
            change_start(meeting, details.start) if details.start != meeting.start else "",
            change_venue(meeting, details.venue),
        ]
        said = [line for line in changed if line and not line.endswith("unchanged.")]
        if not said:
            self.clerk.notify("Nothing changed: the date, time and venue are as they were.", timeout=4)
            return
        self._save()
        self._refresh()
        effects = f" {details.effects}" if moved else ""
        self.clerk.notify(f"Changed: {'; '.join(said)}.{effects}", title="Date, time and venue", timeout=10)

    def action_scroll_sheet(self, pages: int) -> None:
        preview = self.query_one("#agenda-preview", VerticalScroll)
        if pages < 0:
            preview.scroll_page_up()
        else:
            preview.scroll_page_down()

    def action_leave(self) -> None:
        if self._editing():
            self.editor.display = False
            self._render_preview(self.meeting)
            self.query_one("#agenda-items", DataTable).focus()
            return
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in STATE_ACTIONS and self.meeting.status != STATE_ACTIONS[action]:
            return False  # only the change the meeting's state allows is offered
        if action in {"move", "delete_item", "details", *STATE_ACTIONS} and self._editing():
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
