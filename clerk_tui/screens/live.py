"""The live meeting: the agenda down the left with the current item marked, the minute
of that item in the middle, attendance and the quorum on the right.

The screen is wiring. What a key does to the record is the domain's (``domain.live``,
``domain.lifecycle``, every change a step ``domain.undo`` can take back); what the
panels show is worked out purely by ``render.live``; what may be done now is
``domain.live_state``.

Typing never changes the record: the screen opens (and resumes) on the minute being
written; the agenda and attendance lists cannot take the focus by Tab, only by a
deliberate ctrl+g or ctrl+l, and attendance mode says so in colour. Every change is saved
within half a second of the clerk pausing, off the UI thread.
"""

from __future__ import annotations

import gc
import textwrap
import time as clock
from collections.abc import Callable
from dataclasses import replace
from datetime import time
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Static, TextArea

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import (
    Committee,
    Declaration,
    DomainError,
    EventKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minute,
    MinuteStatus,
    MotionKind,
    MotionResult,
    Person,
    ResolutionLead,
    Role,
)
from clerk_tui.domain.lifecycle import (
    following_meeting,
    mark_drafted,
    reopen_minutes,
    take_live,
    take_live_question,
)
from clerk_tui.domain.live import (
    Presence,
    all_present,
    correct_start_mark,
    current_item_after,
    declare,
    elect_chair,
    elect_chair_question,
    event_time_problem,
    exclusion_needed,
    mark,
    parts_from_text,
    pass_exclusion,
    person_events,
    presence_now,
    printed_name_of,
    resume_item,
    set_event_time,
    set_printed_name,
    set_status,
    start_mark_correctable,
    take_item,
    text_from_parts,
    undo_last,
    unelect_chair,
    write_minute,
)
from clerk_tui.domain.live_state import LiveCommand, live_permissions
from clerk_tui.domain.minutes import MinuteOptions as PrintedOptions
from clerk_tui.domain.narrative import narrative_placeholder, narrative_text
from clerk_tui.domain.phrases import (
    PhraseContext,
    date_problems,
    join_numbers,
    next_scheduled,
    phrase_context,
    phrase_library,
)
from clerk_tui.domain.undo import redo, redo_label, undo, undo_label
from clerk_tui.domain.votes import (
    carried_unanimously,
    carried_without_vote,
    casting_vote,
    count_vote,
    declare_result,
    motion_before,
    move,
    recorded_vote,
    second,
    substantive_motion,
    withdraw_motion,
)
from clerk_tui.exporting import papers_for
from clerk_tui.render import PrintOptions, print_minutes
from clerk_tui.render.fit import short_name
from clerk_tui.render.live import (
    agenda_rows,
    attendance_view,
    minute_heading,
    standard_text,
)
from clerk_tui.render.votes import VotePanel as VoteView
from clerk_tui.render.votes import vote_panel
from clerk_tui.screens.base import ClerkScreen
from store import StoreError
from widgets.attendance_panel import FULL, STANDARD, SUMMARY, AttendancePanel, AttendanceRow
from widgets.minute_editor import MinuteEditor, PrintNote
from widgets.steady_header import SteadyHeader
from widgets.vote_panel import COMMANDS as VOTE_COMMANDS
from widgets.vote_panel import VotingPanel

SAVE_PAUSE = 0.3
"""Seconds of quiet after which an edit is saved."""
SAVE_AT_LEAST_EVERY = 1.0
"""While the clerk types without a pause, save at least this often."""

NARROW = 110
"""Below this many columns the agenda column folds away (ctrl+g shows it) and the
attendance list is a summary of marks and names, so the minute keeps 50 columns at 80."""
WIDE = 160
"""From this many columns the side panels take the room: full attendance, longer titles."""

ENTRY_KINDS = {
    "present": EventKind.PRESENT,
    "apologies": EventKind.APOLOGIES,
    "absent": EventKind.ABSENT,
    "arrived": EventKind.ARRIVED,
    "departed": EventKind.DEPARTED,
    "withdrew": EventKind.WITHDREW,
    "returned": EventKind.RETURNED,
}
COMMAND_OF_MARK = {
    EventKind.PRESENT: LiveCommand.ROLL_CALL,
    EventKind.APOLOGIES: LiveCommand.ROLL_CALL,
    EventKind.ABSENT: LiveCommand.ROLL_CALL,
    EventKind.ARRIVED: LiveCommand.ARRIVED,
    EventKind.DEPARTED: LiveCommand.MOVEMENT,
    EventKind.WITHDREW: LiveCommand.MOVEMENT,
    EventKind.RETURNED: LiveCommand.MOVEMENT,
}
EDITOR_HINT = "ctrl+r: a standard phrase · ctrl+t: resolved/recommended · f4: preview"
NOTHING_TAKEN = (
    "ctrl+l enters attendance mode (A marks everyone present, esc comes back); ctrl+n takes the first item."
)


class LiveMeetingScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Meeting"
    HELP_TITLE = "Live meeting"
    HELP_TEXT = (
        "Take the items in turn: ctrl+n takes the next item (its minute is numbered as it is taken); "
        "ctrl+g goes to the agenda, where enter takes the highlighted item. Type the narrative, then "
        "the resolution, one part per line; the printer adds RESOLVED: That, the numbers and the "
        "punctuation. Typing never marks anyone: ctrl+l enters attendance mode (the line at the top "
        "of the list turns yellow), where one letter marks the highlighted person: p present, "
        "a apologies, x absent, A all present, r arrived, d departed, w withdrew, b back in the "
        "room, s substitute, o also present, f officer, i interest, c elected chair, n printed name, "
        "t times of the marks, u takes back the person's last mark; esc or ctrl+l comes back to the "
        "minute. f2 enters vote mode on the current item, where one letter acts on the motion before "
        "the meeting: m moves the motion (the resolution being written), a an amendment, p a "
        "procedural motion, s seconds it, c counts the votes (three numbers), r takes a recorded "
        "vote (mark each name), u carried unanimously, n carried without a vote, d declares the "
        "result, l declares it lost, k the Chair's casting vote on equal votes, w withdraws it; "
        "esc or f2 comes back. ctrl+z undoes the last thing done to the record and ctrl+y does it "
        "again (in a text "
        "box they undo typing: use the Undo button or the palette there). Everything saves itself "
        "within half a second of a pause; f4 shows the minutes exactly as they will print."
    )
    AUTO_FOCUS = None
    """The screen puts the focus on the minute being written itself (nothing before an item is taken)."""
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (NARROW, "-medium"),
        (WIDE, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+n", "next_item", "Next item", tooltip="Take the next item on the agenda.", id="live.next"
        ),
        Binding(
            "ctrl+b",
            "previous_item",
            "Previous item",
            tooltip="Go back to the item before.",
            id="live.previous",
            show=False,
        ),
        Binding(
            "ctrl+g",
            "choose_item",
            "Agenda",
            tooltip="Go to the agenda: enter takes the highlighted item, esc comes back.",
            id="live.agenda",
        ),
        Binding(
            "ctrl+l",
            "switch_panel",
            "Attendance",
            tooltip="Attendance mode (letters mark the highlighted person), or back to the minute.",
            id="live.switch",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            tooltip="Undo the last thing done to the record (in a text box, ctrl+z undoes typing).",
            id="live.undo",
        ),
        Binding(
            "ctrl+y",
            "redo",
            "Redo",
            tooltip="Do again what was last undone.",
            id="live.redo",
            show=False,
        ),
        Binding(
            "ctrl+o",
            "minute_options",
            "Minute options",
            tooltip="Heading, RESOLVED line, That, “; and”, full stop: where a minute departs from the rule.",
            id="live.options",
            show=False,
        ),
        Binding(
            "f3",
            "defer",
            "Defer",
            tooltip="Defer (or withdraw) the current item: it takes no number.",
            id="live.defer",
        ),
        Binding(
            "f2",
            "votes",
            "Votes",
            tooltip="Vote mode: move, second, count, recorded vote, result (esc comes back).",
            id="live.votes",
        ),
        Binding(
            "f4", "preview", "Preview", tooltip="The minutes exactly as they will print.", id="live.preview"
        ),
        Binding(
            "f5",
            "declare",
            "Interest",
            tooltip="Record a declaration of interest.",
            id="live.declare",
        ),
        Binding(
            "f8",
            "drafted",
            "Drafted",
            tooltip="The meeting is over: mark its minutes drafted (on drafted minutes: reopen them).",
            id="live.drafted",
        ),
        Binding(
            "f9",
            "actions",
            "Actions arising",
            tooltip="What the resolutions asked people to do.",
            id="live.actions",
            show=False,
        ),
        Binding(
            "f12", "export", "Export", tooltip="Print the minutes to a file.", id="live.export", show=False
        ),
        Binding(
            "escape",
            "leave",
            "Back",
            tooltip="Out of attendance mode or the agenda; else back to the agenda (everything is saved).",
            id="live.back",
        ),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.current_item: str | None = None
        self.current_minute: str | None = None
        self._save_timer: Timer | None = None
        self._unsaved_since: float | None = None
        self._last_edit = 0.0
        self._typed: dict[str, MinuteEditor.Changed] = {}
        self._typed_unsaved: set[str] = set()
        """Minutes the typed text was put in (for a save, or the preview) and not yet saved."""
        """The texts last typed into each minute, not yet put into it."""
        self._preview_timer: Timer | None = None
        self._preview: VerticalScroll | None = None
        self._new_people: dict[str, Person] = {}
        self._date_problems: list[str] = []

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with Horizontal(id="live-body"):
            with Vertical(id="live-agenda"):
                yield Static(id="live-title")
                items: DataTable[str] = DataTable(id="live-items", cursor_type="row")
                items.can_focus = False  # ctrl+g only: Tab then enter must never take an item
                yield items
            with Vertical(id="live-centre"):
                hint = narrative_placeholder(self.committee.noun)
                yield MinuteEditor(narrative_hint=hint, id="live-editor")
                with VerticalScroll(id="live-preview"):
                    yield Static(id="live-preview-text")
                with Horizontal(id="live-history"):
                    yield PrintNote(id="live-history-line")
                    votes = Button("Votes", id="live-votes-button", compact=True, action="screen.votes")
                    votes.tooltip = "f2: vote mode on the current item (move, second, count, result)."
                    yield votes
                    yield Button("Undo", id="live-undo", compact=True, action="screen.undo")
                    yield Button("Redo", id="live-redo", compact=True, action="screen.redo")
            yield AttendancePanel(id="live-attendance")
            yield VotingPanel(id="live-votes")
        yield Footer()

    @property
    def committee(self) -> Committee:
        return self.store.committee(self.meeting.committee_id)

    @property
    def editor(self) -> MinuteEditor:
        return self.query_one(MinuteEditor)

    @property
    def attendance(self) -> AttendancePanel:
        return self.query_one(AttendancePanel)

    @property
    def votes(self) -> VotingPanel:
        return self.query_one(VotingPanel)

    @property
    def _items(self) -> DataTable[str]:
        return self.query_one("#live-items", DataTable)

    def on_mount(self) -> None:
        preview = self.query_one("#live-preview")
        preview.display = preview.can_focus = False
        for button in self.query(Button):
            button.can_focus = False  # a button in the Tab cycle would let enter change the record
        self._fit(self.size.width)
        resume = resume_item(self.meeting)
        if resume:
            self._show_item(resume)
        else:
            self.editor.clear(NOTHING_TAKEN)
        self._refresh_all()
        self._focus_minute()
        self.call_after_refresh(self._freeze_what_lasts)
        if self.meeting.status in {MeetingStatus.DRAFT_AGENDA, MeetingStatus.PUBLISHED}:
            self._ask_take_live()

    def on_screen_resume(self) -> None:
        self._refresh_agenda()
        self._refresh_attendance()
        self.call_after_refresh(self._freeze_what_lasts)

    def _freeze_what_lasts(self) -> None:
        """The meeting, this screen's widgets and their styles live as long as the screen:
        frozen, Python's cycle collector stops walking them. Unfrozen, each of its full
        passes while the clerk types walked some 80,000 objects (30-80 ms landing in one
        key, every fifty keys or so). Reference counting still frees what is dropped."""
        if self.is_attached:
            gc.freeze()

    def on_unmount(self) -> None:
        # What was frozen goes back to the collector, so the screen's own cycles (its
        # widgets, the meeting) are freed once it is gone.
        gc.unfreeze()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """The side panels fold to a summary on a narrow terminal and use the room on a wide one."""
        if not width:
            return
        self.attendance.set_columns(self._attendance_columns(width)[0])
        self._refresh_agenda()

    def _attendance_columns(self, width: int) -> tuple[str, int]:
        """The attendance list's columns for a terminal ``width`` columns wide, and the room
        for a name (the panel's widths are those of live.tcss)."""
        if width >= WIDE:
            panel = 62
        elif self.attendance.in_mode:
            panel = width * 6 // 10
        else:
            panel = 24 if width < NARROW else 30
        if panel >= 56:
            return FULL, 26
        if panel >= 36:
            return STANDARD, panel - 24
        return SUMMARY, panel - 9

    def _label(self) -> str:
        return f"{self.committee.name}, {self.meeting.date:%a %d %b %Y}"

    def _refresh_all(self) -> None:
        self._refresh_agenda()
        self._refresh_attendance()
        self._refresh_history()
        self._refresh_votes()
        self._show_writable()

    # --- taking the meeting live ------------------------------------------------------
    def _ask_take_live(self) -> None:
        from clerk_tui.screens.confirm import ConfirmScreen

        question = take_live_question(self.meeting, self.clerk.today())

        def decided(live: bool | None) -> None:
            if not live:
                self.app.pop_screen()
                return
            said = take_live(self.meeting)
            self._changed(said)

        self.app.push_screen(ConfirmScreen(question, "Take it live"), decided)

    # --- what may be done now -----------------------------------------------------------
    def _allowed(self, command: LiveCommand) -> bool:
        """Whether the command may be done now; if not, the clerk is told why."""
        reason = live_permissions(self.meeting, self.current_item).reason(command)
        if reason:
            self.clerk.notify(reason, title="Not now", severity="warning", timeout=6)
        return not reason

    def _show_writable(self) -> None:
        """The minute's boxes take typing only while the meeting is live."""
        writable = live_permissions(self.meeting, self.current_item).allows(LiveCommand.WRITE_MINUTE)
        for box in self.editor.query(TextArea):
            box.read_only = not writable

    # --- numbers ----------------------------------------------------------------------
    def _first_number(self) -> int:
        try:
            return self.store.first_minute_number(self.meeting.id)
        except StoreError:
            return self.meeting.first_minute_number or 1

    # --- agenda column ----------------------------------------------------------------
    def _refresh_agenda(self) -> None:
        self.clerk.set_open_meeting(f"{self._label()} · live")
        self.query_one("#live-title", Static).update(f"{self._label()}\n({self.meeting.status.label()})")
        table = self._items
        width = self.query_one("#live-agenda").size.width or 30
        rows = agenda_rows(self.meeting, self._first_number(), self.current_item, column_width=width)
        cells = [(f"{row.marker or ' '}{row.number}", row.title, row.minute) for row in rows]
        # Columns made afresh, each as wide as its widest cell: clear() keeps a column as
        # wide as it ever was (a title cut shorter for a "deferred" would push Min. out of
        # sight), and a width left to the table is only worked out when it is idle, which
        # it is not under a dialog (its columns stayed as narrow as their labels).
        table.clear(columns=True)
        for column, label in enumerate(("No.", "Item", "Min.")):
            table.add_column(label, width=max([cell_len(label), *(cell_len(row[column]) for row in cells)]))
        for row, (number, title, minute) in zip(rows, cells, strict=True):
            table.add_row(number, title, minute, key=row.item_id)
        if self.current_item in self.meeting.agenda_ids():
            table.move_cursor(row=self.meeting.agenda_ids().index(self.current_item))

    def action_choose_item(self) -> None:
        """The agenda takes the focus: arrows move, enter takes the item, esc comes back."""
        if self._choosing_item:
            self._stop_choosing()
            return
        self.attendance.leave_mode()
        self.add_class("-choosing")
        table = self._items
        table.can_focus = True
        table.focus()

    @property
    def _choosing_item(self) -> bool:
        return self.has_class("-choosing")

    def _stop_choosing(self) -> None:
        self.remove_class("-choosing")
        table = self._items
        table.can_focus = False
        self._focus_minute()

    @on(DataTable.RowSelected, "#live-items")
    def _agenda_row(self, event: DataTable.RowSelected) -> None:
        if not self._choosing_item:
            return
        self._stop_choosing()
        self.take(str(event.row_key.value))

    # --- taking items ----------------------------------------------------------------
    def take(self, item_id: str) -> None:
        """Move to an item: its minute is started (and numbered) now."""
        if not self._allowed(LiveCommand.TAKE_ITEM):
            return
        item = self.meeting.item(item_id)
        if item.exempt and exclusion_needed(self.meeting, item_id) is not None:
            self._propose_exclusion(item_id)
            return
        self._take(item_id)

    def _take(self, item_id: str) -> None:
        self._apply_typed()
        take_item(self.meeting, item_id)
        self._save_now()
        self._show_item(item_id)
        self._refresh_all()
        self._focus_minute()

    def _propose_exclusion(self, item_id: str) -> None:
        from clerk_tui.screens.confirm import ConfirmScreen

        proposal = exclusion_needed(self.meeting, item_id)
        assert proposal is not None
        word = "paragraph" if len(proposal.paragraphs) == 1 else "paragraphs"

        def decided(exclude: bool | None) -> None:
            if exclude:
                self._apply_typed()
                pass_exclusion(self.meeting, item_id)
                self.clerk.notify("Exclusion of press and public minuted.", timeout=4)
            self._take(item_id)

        self.app.push_screen(
            ConfirmScreen(
                f"“{self.meeting.item(item_id).title}” is exempt ({word} "
                f"{join_numbers(proposal.paragraphs)} of Schedule 12A). "
                "Minute the exclusion of the press and public first?",
                "Exclude",
            ),
            decided,
        )

    def _show_item(self, item_id: str | None) -> None:
        self.current_item = item_id
        minute = self.meeting.minute_for_item(item_id) if item_id is not None else None
        if minute is None:
            self.current_minute = None
            self.editor.clear(NOTHING_TAKEN)
            return
        self.current_minute = minute.id
        self._load_editor(minute)

    def _load_editor(self, minute: Minute) -> None:
        shown = minute_heading(self.meeting, minute, self._first_number())
        lead = minute.resolution.lead if minute.resolution else ResolutionLead.RESOLVED
        self.editor.load(
            minute.id,
            shown.heading,
            narrative=narrative_text(minute.narrative),
            resolution=text_from_parts(minute.resolution),
            lead=lead,
            confidential=shown.confidential,
            standard_text=standard_text(papers_for(self.store, self.meeting), minute.id),
            hint=EDITOR_HINT,
        )

    def _focus_minute(self) -> None:
        if self.current_minute is not None:
            self.editor.focus_narrative()
        else:
            self.set_focus(None)

    def action_next_item(self) -> None:
        self._step(1)

    def action_previous_item(self) -> None:
        self._step(-1)

    def _step(self, offset: int) -> None:
        ids = self.meeting.agenda_ids()
        if not ids:
            self.clerk.notify("The agenda has no items.", severity="warning")
            return
        if self.current_item is None:
            target = 0 if offset > 0 else None
        else:
            target = ids.index(self.current_item) + offset
        if target is None or not 0 <= target < len(ids):
            self.clerk.notify("That was the last item." if offset > 0 else "This is the first item.")
            return
        self.take(ids[target])

    def action_defer(self) -> None:
        if not self._allowed(LiveCommand.DEFER):
            return
        minute = self._current_minute()
        if minute is None:
            return
        self._apply_typed()
        status = MinuteStatus.MINUTED if minute.status != MinuteStatus.MINUTED else MinuteStatus.DEFERRED
        set_status(self.meeting, minute.id, status)
        self._changed(
            "Deferred: it takes no minute number."
            if status == MinuteStatus.DEFERRED
            else "Minuted again: numbered in its place."
        )

    def action_minute_options(self) -> None:
        from clerk_tui.domain.live import apply_options
        from clerk_tui.screens.minute_options import MinuteOptions, MinuteOptionsScreen

        if not self._allowed(LiveCommand.MINUTE_OPTIONS):
            return
        minute = self._current_minute()
        if minute is None:
            return
        self._flush_edits()

        def chosen(options: MinuteOptions | None) -> None:
            if options is None:
                return
            self._apply_typed()  # a key still on its way must not undo the options
            try:
                said = apply_options(
                    self.meeting,
                    minute.id,
                    PrintedOptions(
                        options.title,
                        options.lead,
                        options.opening,
                        options.print_lead,
                        options.and_before_last,
                        options.final_full_stop,
                    ),
                )
            except DomainError as error:
                self.report(error, "Not changed")
                return
            self._changed(said)

        self.app.push_screen(MinuteOptionsScreen(minute), chosen)

    def _current_minute(self) -> Minute | None:
        if self.current_minute is None:
            self.clerk.notify("Take an item first (ctrl+n).", severity="warning")
            return None
        return next((m for m in self.meeting.minutes if m.id == self.current_minute), None)

    # --- every change to the record ----------------------------------------------------
    def _changed(self, said: str) -> None:
        """A step was done: save it, show the record as it now stands and say what was done."""
        self._save_now()
        self.current_item = current_item_after(self.meeting, self.current_item)
        # The minute's heading, number or standard text may have changed with the step:
        # reloaded (once a step, never once a key).
        self._show_item(self.current_item)
        self._refresh_all()
        self._schedule_preview()
        self.clerk.notify(said, timeout=4)

    def _refresh_history(self, said: str = "") -> None:
        """The line under the minute: what was just undone or redone, else the last step."""
        line = self.query_one("#live-history-line", PrintNote)
        last = undo_label(self.meeting)
        following = redo_label(self.meeting)
        if said:
            line.text = said
        elif last:
            line.text = f"Last: {last.removeprefix('Undo: ')}"
        else:
            line.text = "Nothing done to the record yet."
        undo_button = self.query_one("#live-undo", Button)
        redo_button = self.query_one("#live-redo", Button)
        undo_button.disabled = last is None
        redo_button.disabled = following is None
        undo_button.tooltip = last or "Nothing to undo"
        redo_button.tooltip = following or "Nothing to redo"

    def action_undo(self) -> None:
        self._history(undo, LiveCommand.UNDO)

    def action_redo(self) -> None:
        self._history(redo, LiveCommand.REDO)

    def _history(self, operation: Callable[[Meeting], str], command: LiveCommand) -> None:
        if not self._allowed(command):
            return
        self._apply_typed()  # the undo sees the text as typed: it never takes out a written minute
        had = {m.id for m in self.meeting.minutes}
        try:
            said = operation(self.meeting)
        except DomainError as error:
            self.report(error, "Not undone" if command == LiveCommand.UNDO else "Not redone")
            return
        back = [m.item_id for m in self.meeting.minutes if m.id not in had and m.item_id]
        if back:  # an item taken again: the clerk is back on it
            self.current_item = back[-1]
        self._changed(said)
        self._refresh_history(said)

    # --- writing the minute -----------------------------------------------------------
    @on(MinuteEditor.Changed)
    def _minute_changed(self, event: MinuteEditor.Changed) -> None:
        """A key in the minute: keep the texts; they are parsed into the minute once per
        save, not once per key (a long narrative takes milliseconds to parse)."""
        event.stop()
        if any(m.id == event.minute_id for m in self.meeting.minutes):
            self._typed[event.minute_id] = event
            self._edited()

    def _apply_typed(self) -> None:
        """Put what was typed into the meeting's minutes (before it is saved or printed)."""
        typed, self._typed = self._typed, {}
        if self.meeting.status != MeetingStatus.HELD:
            return  # the boxes are read-only then; nothing typed changes drafted minutes
        for minute_id, change in typed.items():
            minute = next((m for m in self.meeting.minutes if m.id == minute_id), None)
            if minute is not None:
                self._check_typed_dates(change.resolution)
                write_minute(minute, change.narrative, change.resolution, change.lead)
                self._typed_unsaved.add(minute_id)

    def _check_typed_dates(self, text: str) -> None:
        """A date typed into the resolution is read like every other date: an impossible one
        ("31/02/2025") is named in a warning, once, while the clerk goes on typing."""
        problems = date_problems(text)
        if problems and problems != self._date_problems:
            self.clerk.notify(f"In the resolution: {problems[0]}", severity="warning")
        self._date_problems = problems

    @on(MinuteEditor.PhraseWanted)
    def _phrase_wanted(self, event: MinuteEditor.PhraseWanted) -> None:
        from clerk_tui.screens.phrase_picker import PhrasePicker

        def chosen(phrase: object) -> None:
            text = getattr(phrase, "text", None)
            if text:
                self.editor.insert_part(text)

        self.app.push_screen(PhrasePicker(phrase_library(self._phrase_context())), chosen)

    def _phrase_context(self) -> PhraseContext:
        """What the store knows, in the committee's wording: the date the previous-minutes
        item names, the next scheduled meeting with its own venue and time (domain.phrases)."""
        summaries = self.store.meeting_summaries(self.meeting.committee_id)
        upcoming = next_scheduled(self.meeting, summaries)
        following = self.store.meeting(upcoming.id) if upcoming is not None else None
        return phrase_context(self.meeting, self.committee, summaries, self.current_item, following=following)

    # --- saving -------------------------------------------------------------------------
    def _edited(self) -> None:
        """An edit: save after a pause, and at least every second while typing goes on.
        A key only notes the time; one timer, set by the first unsaved edit, wakes when
        the save could be due and sets itself again for the new moment if keys came
        meanwhile (a few wake-ups a second while typing goes on, none per key)."""
        now = clock.monotonic()
        self._last_edit = now
        if self._unsaved_since is None:
            self._unsaved_since = now
            self._save_timer = self.set_timer(SAVE_PAUSE, self._save_when_due, name="save-check")
        self._schedule_preview()

    def _save_when_due(self) -> None:
        self._save_timer = None
        if self._unsaved_since is None:  # saved meanwhile by another path
            return
        due = min(self._last_edit + SAVE_PAUSE, self._unsaved_since + SAVE_AT_LEAST_EVERY)
        wait = due - clock.monotonic()
        if wait <= 0.01:  # a timer may wake a hair early
            self._save_typed()
        else:
            self._save_timer = self.set_timer(wait, self._save_when_due, name="save-check")

    def _save_typed(self) -> None:
        """Save what was typed: only the minutes typed in (a step saves the whole meeting
        at once, by :meth:`_save_now`, so nothing else is pending here)."""
        self._stop_save_check()
        self._apply_typed()
        written, self._typed_unsaved = self._typed_unsaved, set()
        minutes = [minute for minute in self.meeting.minutes if minute.id in written]
        if minutes:
            self.clerk.save_minutes(self.meeting, minutes)

    def _save_now(self) -> None:
        self._stop_save_check()
        self._apply_typed()
        self._typed_unsaved.clear()  # the whole meeting holds them
        self.clerk.save_meeting(self.meeting)

    def _stop_save_check(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._unsaved_since = None

    def _flush_edits(self) -> None:
        if self._unsaved_since is not None or self._typed or self._typed_unsaved:
            self._save_now()

    def flush_edits(self) -> None:
        """Called by the app before it quits."""
        self._flush_edits()

    # --- attendance ---------------------------------------------------------------------
    def _people(self) -> dict[str, Person]:
        """Everyone in the store, and anyone added here whose save is still on its way."""
        return {**self._new_people, **{person.id: person for person in self.store.people()}}

    def _now(self) -> time:
        moment = self.clerk.now()
        return time(moment.hour, moment.minute)

    def _refresh_attendance(self) -> None:
        papers = papers_for(self.store, self.meeting)
        if self._new_people:  # added here, their save still on its way
            papers = replace(papers, people={**self._new_people, **papers.people})
        view = attendance_view(papers, self.current_item)
        name_width = self._attendance_columns(self.size.width)[1]
        rows = [
            AttendanceRow(
                line.person_id,
                short_name(line.name, name_width),
                line.role,
                line.presence,
                line.note,
                line.counts,
            )
            for line in view.rows
        ]
        self.attendance.show(rows, view.quorum, view.where)

    @on(AttendancePanel.Command)
    def _attendance_command(self, event: AttendancePanel.Command) -> None:
        handlers: dict[str, tuple[LiveCommand, Callable[[str | None], None]]] = {
            "all_present": (LiveCommand.ROLL_CALL, self._all_present),
            "undo": (LiveCommand.CORRECT_MARK, self._undo_mark),
            "substitute": (LiveCommand.ATTENDEE, partial(self._attendee, "substitute")),
            "also_present": (LiveCommand.ATTENDEE, partial(self._attendee, "also_present")),
            "officer": (LiveCommand.ATTENDEE, partial(self._attendee, "officer")),
            "declare": (LiveCommand.DECLARE, self._declare_for),
            "elect_chair": (LiveCommand.ELECT_CHAIR, self._elect_chair),
            "printed_name": (LiveCommand.PRINTED_NAME, self._printed_name),
            "times": (LiveCommand.EVENT_TIME, self._times),
        }
        if event.action in ENTRY_KINDS:
            kind = ENTRY_KINDS[event.action]
            if self._allowed(COMMAND_OF_MARK[kind]):
                self._mark(event.person_id, kind)
        elif event.action in handlers:
            command, handler = handlers[event.action]
            if self._allowed(command):
                handler(event.person_id)

    def _person_name(self, person_id: str) -> str:
        person = self._people().get(person_id)
        return person.front_sheet_name() if person else person_id

    def _mark(self, person_id: str | None, kind: EventKind) -> None:
        if person_id is None:
            return
        try:
            said = mark(
                self.meeting,
                person_id,
                kind,
                current_item=self.current_item,
                at=self._now(),
                name=self._person_name(person_id),
            )
        except DomainError as error:
            self.report(error, "Not recorded")
            return
        self._attendance_saved(said)

    def _attendance_saved(self, said: str) -> None:
        """A mark: saved, shown, said; the minute being written is left as it is."""
        self._save_now()
        self._refresh_attendance()
        self._refresh_history()
        self._schedule_preview()
        self.clerk.notify(said, timeout=3)

    def _all_present(self, _: str | None) -> None:
        marked = all_present(self.meeting, self.committee, at=self._now())
        self._attendance_saved(f"{len(marked)} marked present.")

    def _undo_mark(self, person_id: str | None) -> None:
        if person_id is None:
            return
        name = self._person_name(person_id)
        try:
            undone = undo_last(self.meeting, person_id, name)
        except DomainError as error:
            self.report(error, "Nothing to take back")
            return
        self._attendance_saved(f"{name}: “{undone.kind.value}” taken back.")

    def _attendee(self, mode: str, person_id: str | None) -> None:
        from clerk_tui.screens.attendee_form import AttendeeDraft, AttendeeForm, AttendeeMode

        people = sorted(self._people().values(), key=lambda p: p.name)
        memberships = self.committee.memberships_on(self.meeting.date)
        voting = [
            p for p in people if any(m.person_id == p.id and m.counts_for_quorum() for m in memberships)
        ]
        substitutes = {m.person_id for m in memberships if m.role == Role.SUBSTITUTE}

        def chosen(draft: AttendeeDraft | None) -> None:
            if draft is None:
                return
            if draft.is_new:
                self.clerk.save_person(draft.person)
                self._new_people[draft.person.id] = draft.person
            kind = {
                AttendeeMode.SUBSTITUTE: EventKind.SUBSTITUTE,
                AttendeeMode.ALSO_PRESENT: EventKind.ALSO_PRESENT,
                AttendeeMode.OFFICER: EventKind.OFFICER,
            }[draft.mode]
            try:
                said = mark(
                    self.meeting,
                    draft.person.id,
                    kind,
                    current_item=self.current_item,
                    at=self._now(),
                    name=draft.person.name,
                    capacity=draft.capacity,
                    for_person_id=draft.for_person_id,
                )
            except DomainError as error:
                self.report(error, "Not recorded")
                return
            self._attendance_saved(said)

        # On a substitute's own row, the dialog names them as the one attending; on a
        # member's row, as the member replaced.
        attending = person_id if mode != "substitute" or person_id in substitutes else None
        replaced = person_id if mode == "substitute" and person_id not in substitutes else None
        self.app.push_screen(
            AttendeeForm(
                AttendeeMode(mode),
                people,
                voting,
                taken_ids={p.id for p in people},
                person_id=replaced if mode == "substitute" else None,
                attendee_id=attending if mode == "substitute" else None,
            ),
            chosen,
        )

    def action_declare(self) -> None:
        if self._allowed(LiveCommand.DECLARE):
            self._declare_for(self.attendance.highlighted_person())

    def _declare_for(self, person_id: str | None) -> None:
        from clerk_tui.screens.declaration_form import DeclarationDraft, DeclarationForm

        people = self._people()
        present = [people[pid] for pid in people if presence_now(self.meeting, pid) == Presence.IN_ROOM]
        items = [
            (i.id, f"{self.meeting.printed_number(i.id)}. {i.title}")
            for i in self.meeting.agenda
            if i.kind in {ItemKind.SUBSTANTIVE, ItemKind.URGENT}
        ]
        current = self.current_item
        if current is not None and self.meeting.item(current).kind == ItemKind.DECLARATIONS:
            current = None

        def chosen(draft: DeclarationDraft | None) -> None:
            if draft is None:
                return
            self._apply_typed()
            try:
                declaration = Declaration(
                    self.meeting.new_declaration_id(),
                    draft.person_id,
                    draft.item_id,
                    draft.kind,
                    draft.nature,
                    draft.action,
                )
                said = declare(
                    self.meeting,
                    declaration,
                    at=self._now(),
                    stays_out=draft.stays_out,
                    name=self._person_name(draft.person_id),
                )
            except DomainError as error:
                self.report(error, "Not recorded")
                return
            self._changed(said)

        self.app.push_screen(
            DeclarationForm(present or list(people.values()), items, person_id=person_id, item_id=current),
            chosen,
        )

    def _elect_chair(self, person_id: str | None) -> None:
        from clerk_tui.render.names import Named, minutes_name, titled
        from clerk_tui.screens.confirm import ConfirmScreen

        if person_id is None:
            return
        person = self._people().get(person_id)
        if person is None:
            return
        committee = self.committee
        name = titled(Named(minutes_name(person, committee.style), person.councillor), committee.style)
        chair = next((m for m in committee.memberships_on(self.meeting.date) if m.role == Role.CHAIR), None)
        chair_name = self._person_name(chair.person_id) if chair is not None else ""
        question = elect_chair_question(self.meeting, committee, name, chair_name)

        def decided(elect: bool | None) -> None:
            if not elect:
                return
            self._apply_typed()
            elect_chair(self.meeting, committee, person_id, name)
            self._changed(f"{name} elected Chair for this meeting (ctrl+z undoes it).")

        self.app.push_screen(ConfirmScreen(question, "Elect"), decided)

    def _printed_name(self, person_id: str | None) -> None:
        """The clerk's minutes name someone otherwise than the rule ("Buchanan" for a partner)."""
        from clerk_tui.screens.text_prompt import TextPrompt

        if person_id is None:
            return
        name = self._person_name(person_id)
        if not person_events(self.meeting, person_id):
            self.clerk.notify(
                "Mark them first: the printed name goes with their attendance.", severity="warning"
            )
            return

        def chosen(text: str | None) -> None:
            if text is None:
                return
            try:
                said = set_printed_name(self.meeting, person_id, text, name=name)
            except DomainError as error:
                self.report(error, "Not recorded")
                return
            self._attendance_saved(said)

        self.app.push_screen(
            TextPrompt(
                f"How these minutes name {name}",
                printed_name_of(self.meeting, person_id),
                "Leave it empty for the usual name. enter: accept · escape: cancel",
            ),
            chosen,
        )

    def _times(self, person_id: str | None) -> None:
        from clerk_tui.render.live import event_note
        from clerk_tui.screens.event_times import EventTimesScreen, MarkTime

        if person_id is None:
            return
        events_of = person_events(self.meeting, person_id)
        if not events_of:
            self.clerk.notify("Nothing is recorded for them yet.", severity="warning")
            return
        name = self._person_name(person_id)
        marks = [
            MarkTime(index, self._mark_label(event_note(self.meeting, e)), e.at) for index, e in events_of
        ]

        def chosen(changed: list[tuple[int, time | None]] | None) -> None:
            if not changed:
                return
            said: list[str] = []
            for index, at in changed:
                try:
                    said.append(set_event_time(self.meeting, index, at, name=name))
                except DomainError as error:
                    self.report(error, "Not recorded")
                    break
            if said:
                self._attendance_saved(" ".join(f"{line}." for line in said))

        problem = partial(event_time_problem, self.meeting)
        self.app.push_screen(EventTimesScreen(name, marks, problem), chosen)

    @staticmethod
    def _mark_label(note: str) -> str:
        """``arrived item 4`` for the field's label (its time is in the field)."""
        return " ".join(word for word in note.split() if ":" not in word)

    def action_switch_panel(self) -> None:
        """ctrl+l: into attendance mode, or back to the minute."""
        if self.attendance.in_mode:
            self._leave_attendance()
            return
        if self._choosing_item:
            self._stop_choosing()
        if self.votes.in_mode:
            self._leave_votes(refocus=False)
        self.attendance.enter_mode()
        self.add_class("-attendance")
        self._fit(self.size.width)
        self._refresh_attendance()

    def _leave_attendance(self) -> None:
        self.attendance.leave_mode()
        self.remove_class("-attendance")
        self._fit(self.size.width)
        self._refresh_attendance()
        self._focus_minute()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus went elsewhere (a click in the minute): out of the modes."""
        widget = event.widget
        if self.attendance.in_mode and widget not in self.attendance.query("*"):
            self.attendance.leave_mode()
            self.remove_class("-attendance")
            self._fit(self.size.width)
            self._refresh_attendance()
        if self._choosing_item and widget is not self._items:
            self.remove_class("-choosing")
            self._items.can_focus = False
        if self.votes.in_mode and widget is not self.votes and widget not in self.votes.query("*"):
            self._leave_votes(refocus=False)

    # --- motions and votes ------------------------------------------------------------
    def action_votes(self) -> None:
        """f2: vote mode on the current item (letters act on the motion), or back to the minute."""
        if self.votes.in_mode:
            self._leave_votes()
            return
        if self._choosing_item:
            self._stop_choosing()
        if self.attendance.in_mode:
            self.attendance.leave_mode()
            self.remove_class("-attendance")
        self._apply_typed()
        self.add_class("-voting")
        self.votes.enter_mode()
        self._fit(self.size.width)
        self._refresh_votes()

    def _leave_votes(self, *, refocus: bool = True) -> None:
        self.votes.leave_mode()
        self.remove_class("-voting")
        self._fit(self.size.width)
        self._refresh_attendance()
        if refocus:
            self._focus_minute()

    def _refresh_votes(self) -> None:
        """The panel shows the current minute's motions (worked out only while it is shown)."""
        if not self.votes.in_mode:
            return
        minute = next((m for m in self.meeting.minutes if m.id == self.current_minute), None)
        self.votes.show(self._vote_view(minute) if minute is not None else None)

    def _vote_view(self, minute: Minute) -> VoteView:
        return vote_panel(papers_for(self.store, self.meeting), minute.id)

    def _vote_minute(self) -> Minute | None:
        """The minute a vote command acts on, with what was typed in it put in first (the
        motion moved is the resolution as typed; an undo sees the text)."""
        if not self._allowed(LiveCommand.VOTE):
            return None
        minute = self._current_minute()
        if minute is not None:
            self._apply_typed()
        return minute

    def _vote_names(self) -> dict[str, str]:
        return {person_id: self._person_name(person_id) for person_id in self._people()}

    def _vote_step(self, operation: Callable[[], str]) -> str | None:
        """Do one vote operation: None when it is recorded (saved, shown and said, one step
        for ctrl+z), else why not; the domain has then changed nothing."""
        try:
            said = operation()
        except DomainError as error:
            return error.message
        self._changed(said)
        return None

    def _vote_now(self, operation: Callable[[], str]) -> None:
        """A vote command with nothing to ask: done, or refused with the reason."""
        refused = self._vote_step(operation)
        if refused is not None:
            self.clerk.notify(refused, title="Not recorded", severity="error", timeout=12)

    def _before_line(self, view: VoteView) -> str:
        return next((line.summary for line in view.motions if line.before_meeting), "")

    def _move(self, kind: MotionKind) -> None:
        from clerk_tui.screens.motion_form import MotionDraft, MotionForm

        minute = self._vote_minute()
        if minute is None:
            return
        committee, names = self.committee, self._vote_names()
        substantive = substantive_motion(minute)
        if kind == MotionKind.AMENDMENT and substantive is not None:
            reads = "\n".join(substantive.parts)
        elif kind == MotionKind.ORIGINAL:
            reads = text_from_parts(minute.resolution)
        else:
            reads = ""

        def submit(draft: MotionDraft) -> str | None:
            return self._vote_step(
                lambda: move(
                    self.meeting,
                    committee,
                    minute.id,
                    draft.mover_id,
                    kind=draft.kind,
                    text=draft.text,
                    parts=parts_from_text(draft.reads),
                    names=names,
                )
            )

        self.app.push_screen(MotionForm(kind, self._vote_view(minute).voters, submit, reads=reads))

    def action_move_motion(self) -> None:
        self._move(MotionKind.ORIGINAL)

    def action_move_amendment(self) -> None:
        self._move(MotionKind.AMENDMENT)

    def action_move_procedural(self) -> None:
        self._move(MotionKind.PROCEDURAL)

    def action_second_motion(self) -> None:
        from clerk_tui.screens.voter_choice import VoterChoice

        minute = self._vote_minute()
        if minute is None:
            return
        before = motion_before(minute)
        if before is None:
            self.clerk.notify("No motion is before the meeting: move one first (m).", severity="warning")
            return
        committee, names, view = self.committee, self._vote_names(), self._vote_view(minute)
        voters = [voter for voter in view.voters if voter.person_id != before.mover_id]

        def submit(person_id: str) -> str | None:
            return self._vote_step(lambda: second(self.meeting, committee, minute.id, person_id, names=names))

        question = f"Seconding: {self._before_line(view)}. Who seconds it?"
        self.app.push_screen(VoterChoice(question, voters, submit))

    def action_count_vote(self) -> None:
        from clerk_tui.screens.vote_count import VoteCountForm

        minute = self._vote_minute()
        if minute is None:
            return
        committee, view = self.committee, self._vote_view(minute)
        if motion_before(minute) is None:
            self.clerk.notify("No motion is before the meeting: move one first (m).", severity="warning")
            return

        def submit(votes_for: int, against: int, abstentions: int) -> str | None:
            return self._vote_step(
                lambda: count_vote(self.meeting, committee, minute.id, votes_for, against, abstentions)
            )

        question = f"Votes on: {self._before_line(view)} ({view.may_vote} may vote)"
        self.app.push_screen(VoteCountForm(question, submit))

    def action_recorded_vote(self) -> None:
        from clerk_tui.screens.recorded_vote import NamedVote, RecordedVoteForm

        minute = self._vote_minute()
        if minute is None:
            return
        committee, names, view = self.committee, self._vote_names(), self._vote_view(minute)
        if motion_before(minute) is None:
            self.clerk.notify("No motion is before the meeting: move one first (m).", severity="warning")
            return

        def submit(vote: NamedVote) -> str | None:
            return self._vote_step(
                lambda: recorded_vote(
                    self.meeting,
                    committee,
                    minute.id,
                    vote.voted_for,
                    vote.voted_against,
                    vote.abstained,
                    names=names,
                )
            )

        question = f"Recorded vote on: {self._before_line(view)}"
        self.app.push_screen(RecordedVoteForm(question, view.voters, submit))

    def action_carried_unanimously(self) -> None:
        minute = self._vote_minute()
        if minute is not None:
            committee = self.committee
            self._vote_now(lambda: carried_unanimously(self.meeting, committee, minute.id))

    def action_carried_without_vote(self) -> None:
        minute = self._vote_minute()
        if minute is not None:
            committee = self.committee
            self._vote_now(lambda: carried_without_vote(self.meeting, committee, minute.id))

    def action_declare_result(self) -> None:
        minute = self._vote_minute()
        if minute is not None:
            committee = self.committee
            self._vote_now(lambda: declare_result(self.meeting, committee, minute.id))

    def action_declare_lost(self) -> None:
        minute = self._vote_minute()
        if minute is not None:
            committee = self.committee
            self._vote_now(lambda: declare_result(self.meeting, committee, minute.id, MotionResult.LOST))

    def action_casting_vote(self) -> None:
        from clerk_tui.screens.casting_vote import CastingVoteScreen

        minute = self._vote_minute()
        if minute is None:
            return
        before = motion_before(minute)
        if before is None or before.vote is None or not before.vote.tied:
            self.clerk.notify(
                "A casting vote is used only when a counted vote is equal.",
                title="Not now",
                severity="warning",
            )
            return
        committee, names, view = self.committee, self._vote_names(), self._vote_view(minute)

        def cast(in_favour: bool | None) -> None:
            if in_favour is not None:
                self._vote_now(
                    lambda: casting_vote(self.meeting, committee, minute.id, in_favour, names=names)
                )

        question = f"The votes are equal: {self._before_line(view)}. The Chair's casting vote:"
        self.app.push_screen(CastingVoteScreen(question), cast)

    def action_withdraw_motion(self) -> None:
        minute = self._vote_minute()
        if minute is not None:
            self._vote_now(lambda: withdraw_motion(self.meeting, minute.id))

    # --- preview, export, after the meeting ------------------------------------------
    def action_preview(self) -> None:
        preview = self.query_one("#live-preview")
        preview.display = preview.can_focus = not preview.display
        self.editor.display = not preview.display
        if preview.display:
            self._render_preview()
            preview.focus()
        else:
            self._focus_minute()

    def _schedule_preview(self) -> None:
        if not self._preview_box.display:
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.2, self._render_preview)

    @property
    def _preview_box(self) -> VerticalScroll:
        if self._preview is None:
            self._preview = self.query_one("#live-preview", VerticalScroll)
        return self._preview

    def _render_preview(self) -> None:
        self._apply_typed()
        width = max(40, self._preview_box.content_size.width - 3)
        printed = print_minutes(papers_for(self.store, self.meeting), PrintOptions(width=width))
        warnings = "\n".join(textwrap.fill(f"! {w}", width, subsequent_indent="  ") for w in printed.warnings)
        self.query_one("#live-preview-text", Static).update(
            f"{warnings}\n\n{printed.text}" if warnings else printed.text
        )

    def action_export(self) -> None:
        from clerk_tui.screens.export import ExportScreen

        self._flush_edits()
        self.app.push_screen(ExportScreen(self.meeting.id, paper="minutes"))

    def action_drafted(self) -> None:
        """f8: the minutes are drafted (the next meeting's agenda then names them); on
        drafted minutes, f8 opens them again."""
        self._flush_edits()
        if self.meeting.status == MeetingStatus.MINUTES_DRAFTED:
            if self._allowed(LiveCommand.REOPEN):
                self._changed(reopen_minutes(self.meeting))
            return
        if not self._allowed(LiveCommand.DRAFTED):
            return
        upcoming: Meeting | None = None
        summary = following_meeting(self.store.meeting_summaries(self.meeting.committee_id), self.meeting)
        if summary is not None:
            try:
                upcoming = self.store.meeting(summary.id)
            except StoreError as error:
                self.report(error, "Next meeting")
        try:
            drafted = mark_drafted(self.meeting, upcoming)
        except DomainError as error:
            self.report(error, "Not drafted")
            return
        if drafted.upcoming_changed and upcoming is not None:
            self.clerk.save_meeting(upcoming)
        self._changed(drafted.said)

    def action_actions(self) -> None:
        from clerk_tui.screens.actions import ActionsScreen

        self._flush_edits()
        self.app.push_screen(ActionsScreen(self.meeting, self._first_number()))

    def action_leave(self) -> None:
        """escape: out of attendance mode, vote mode or the agenda first; then back to the agenda."""
        if self.votes.in_mode:
            self._leave_votes()
            return
        if self.attendance.in_mode:
            self._leave_attendance()
            return
        if self._choosing_item:
            self._stop_choosing()
            return
        self._flush_edits()
        self.app.pop_screen()

    def palette_targets(self) -> list[PaletteEntry]:
        history = [
            PaletteEntry(label, action, "")
            for label, action in (
                (undo_label(self.meeting), self.action_undo),
                (redo_label(self.meeting), self.action_redo),
            )
            if label is not None
        ]
        votes = (
            []
            if self.votes.in_mode  # the panel's keys are in the palette then
            else [
                PaletteEntry(f"Votes: {description}", partial(self.run_action, action), tip)
                for _, action, description, _, _, tip in VOTE_COMMANDS
            ]
        )
        return (
            history
            + votes
            + self._corrections()
            + [
                PaletteEntry(
                    f"Take item: {self.meeting.printed_number(item.id)}. {item.title}",
                    partial(self.take, item.id),
                    "Move to this item and minute it.",
                )
                for item in self.meeting.agenda
            ]
            + [
                PaletteEntry(f"Jump to member: {row_name}", partial(self._jump_to_member, pid), "")
                for pid, row_name in ((p.id, p.name) for p in self._people().values())
            ]
        )

    def _corrections(self) -> list[PaletteEntry]:
        """Corrections found later than an undo reaches: a chair elected by mistake, and the
        first mark of the highlighted person once the business has begun."""
        entries = []
        if self.meeting.chair_id is not None:
            entries.append(
                PaletteEntry(
                    "Remove the election of Chair",
                    self._unelect,
                    "The committee's Chair is in the Chair again; the minute the election added goes.",
                )
            )
        person_id = self.attendance.highlighted_person()
        if person_id and self.current_item is not None and start_mark_correctable(self.meeting, person_id):
            name = self._person_name(person_id)
            for kind in (EventKind.PRESENT, EventKind.APOLOGIES, EventKind.ABSENT):
                entries.append(
                    PaletteEntry(
                        f"Correct the first mark of {name}: {kind.value}",
                        partial(self._correct_first_mark, person_id, kind),
                        "It then reads so from the start, for the items already taken too.",
                    )
                )
        return entries

    def _unelect(self) -> None:
        if not self._allowed(LiveCommand.ELECT_CHAIR):
            return
        self._apply_typed()
        chair = self.meeting.chair_id
        try:
            said = unelect_chair(self.meeting, self._person_name(chair) if chair else "")
        except DomainError as error:
            self.report(error, "Not changed")
            return
        self._changed(said)

    def _correct_first_mark(self, person_id: str, kind: EventKind) -> None:
        if not self._allowed(LiveCommand.CORRECT_MARK):
            return
        try:
            said = correct_start_mark(self.meeting, person_id, kind, name=self._person_name(person_id))
        except DomainError as error:
            self.report(error, "Not corrected")
            return
        self._attendance_saved(said)

    def _jump_to_member(self, person_id: str) -> None:
        if not self.attendance.in_mode:
            self.action_switch_panel()
        self.attendance.move_to(person_id)
