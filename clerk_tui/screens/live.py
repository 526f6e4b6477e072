"""The live meeting: the agenda down the left with the current item marked, the minute
of that item in the middle, attendance and the quorum on the right. Every change is
saved within half a second of the clerk pausing, off the UI thread."""

from __future__ import annotations

import time as clock
from collections.abc import Callable
from datetime import time
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.commands import PaletteEntry
from clerk_tui.domain import (
    AttendanceEvent,
    Committee,
    Declaration,
    DomainError,
    EventKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minute,
    MinuteStatus,
    Person,
    Resolution,
    ResolutionLead,
    Role,
)
from clerk_tui.domain.attendance import quorum_for_item
from clerk_tui.domain.dates import format_body_date
from clerk_tui.domain.live import (
    Presence,
    all_present,
    declare,
    elect_chair,
    exclusion_needed,
    parts_from_text,
    pass_exclusion,
    presence_now,
    record,
    set_status,
    take_item,
    text_from_parts,
    undo_last,
)
from clerk_tui.domain.narrative import narrative_text, parse_narrative
from clerk_tui.domain.phrases import (
    PhraseContext,
    date_problems,
    join_numbers,
    next_scheduled,
    phrase_context,
    phrase_library,
)
from clerk_tui.domain.planning import fill_previous_minutes
from clerk_tui.exporting import papers_for
from clerk_tui.render import PrintOptions, print_minutes
from clerk_tui.render.document import ItemList, Paragraph, Table
from clerk_tui.render.minutes import build_minutes
from clerk_tui.render.text import block_lines
from clerk_tui.screens.base import ClerkScreen
from store import StoreError
from widgets.attendance_panel import AttendancePanel, AttendanceRow
from widgets.minute_editor import MinuteEditor

SAVE_PAUSE = 0.3
"""Seconds of quiet after which an edit is saved."""
SAVE_AT_LEAST_EVERY = 1.0
"""While the clerk types without a pause, save at least this often."""

ROLE_LABELS = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.SUBSTITUTE: "Substitute",
    Role.CO_OPTED: "Co-opted",
}
ENTRY_KINDS = {
    "present": EventKind.PRESENT,
    "apologies": EventKind.APOLOGIES,
    "absent": EventKind.ABSENT,
    "arrived": EventKind.ARRIVED,
    "departed": EventKind.DEPARTED,
    "withdrew": EventKind.WITHDREW,
    "returned": EventKind.RETURNED,
}
DURING_AN_ITEM = {EventKind.ARRIVED, EventKind.DEPARTED, EventKind.WITHDREW, EventKind.RETURNED}


def _opening_for(parts: list[str]) -> str:
    """The statutory exclusion wording reads "That, under Section 100A(4) ..."."""
    return "That," if len(parts) == 1 and parts[0].lower().startswith("under section 100a") else "That"


class LiveMeetingScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Meeting"
    HELP_TITLE = "Live meeting"
    HELP_TEXT = (
        "Take the items in turn: ctrl+n takes the next item (its minute is numbered as it is taken), "
        "enter on the agenda takes the highlighted one. Type the narrative, then the resolution, one "
        "part per line; the printer adds RESOLVED: That, the numbers and the punctuation. ctrl+l moves "
        "to the attendance list, where one key marks the highlighted person. Everything saves itself "
        "within half a second of a pause; f4 shows the minutes exactly as they will print."
    )
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
        ),
        Binding(
            "ctrl+l",
            "switch_panel",
            "Attendance/minutes",
            tooltip="Move between the minute and the list.",
            id="live.switch",
        ),
        Binding(
            "ctrl+o",
            "minute_options",
            "Minute options",
            tooltip="Heading, RESOLVED line, That, “; and”, full stop: where a minute departs from the rule.",
            id="live.options",
        ),
        Binding(
            "f3",
            "defer",
            "Defer item",
            tooltip="Defer (or withdraw) the current item: it takes no number.",
            id="live.defer",
        ),
        Binding(
            "f4", "preview", "Preview", tooltip="The minutes exactly as they will print.", id="live.preview"
        ),
        Binding(
            "f5",
            "declare",
            "Declare interest",
            tooltip="Record a declaration of interest.",
            id="live.declare",
        ),
        Binding(
            "f8",
            "drafted",
            "Minutes drafted",
            tooltip="The meeting is over: mark its minutes drafted.",
            id="live.drafted",
        ),
        Binding(
            "f9",
            "actions",
            "Actions arising",
            tooltip="What the resolutions asked people to do.",
            id="live.actions",
        ),
        Binding("f12", "export", "Export", tooltip="Print the minutes to a file.", id="live.export"),
        Binding(
            "escape", "leave", "Back", tooltip="Back to the agenda (everything is saved).", id="live.back"
        ),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.current_item: str | None = None
        self.current_minute: str | None = None
        self._save_timer: Timer | None = None
        self._unsaved_since: float | None = None
        self._preview_timer: Timer | None = None
        self._new_people: dict[str, Person] = {}
        self._date_problems: list[str] = []

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="live-body"):
            with Vertical(id="live-agenda"):
                yield Static(id="live-title")
                yield DataTable(id="live-items", cursor_type="row")
            with Vertical(id="live-centre"):
                yield MinuteEditor(id="live-editor")
                with VerticalScroll(id="live-preview"):
                    yield Static(id="live-preview-text")
            yield AttendancePanel(id="live-attendance")
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

    def on_mount(self) -> None:
        table = self.query_one("#live-items", DataTable)
        table.add_columns("", "No.", "Item", "Min.")
        self.query_one("#live-preview").display = False
        if self.meeting.status in {MeetingStatus.DRAFT_AGENDA, MeetingStatus.PUBLISHED}:
            self.meeting.status = MeetingStatus.HELD
            self._save_now()
        resume = next((m.item_id for m in reversed(self.meeting.minutes) if m.item_id), None)
        if resume:
            self._show_item(resume)
        else:
            self.editor.clear(
                "Mark attendance on the right (ctrl+l; A marks everyone present), then "
                "ctrl+n to take the first item."
            )
        self._refresh_agenda()
        self._refresh_attendance()
        self.attendance.focus_list()

    def on_screen_resume(self) -> None:
        self._refresh_agenda()
        self._refresh_attendance()

    def _label(self) -> str:
        return f"{self.committee.name}, {self.meeting.date:%a %d %b %Y}"

    # --- numbers ----------------------------------------------------------------------
    def _first_number(self) -> int:
        try:
            return self.store.first_minute_number(self.meeting.id)
        except StoreError:
            return self.meeting.first_minute_number or 1

    def _number_of(self, minute: Minute) -> int | None:
        return self.meeting.minute_numbers(self._first_number()).get(minute.id)

    # --- agenda column ----------------------------------------------------------------
    def _refresh_agenda(self) -> None:
        self.clerk.set_open_meeting(f"{self._label()} · live")
        self.query_one("#live-title", Static).update(f"{self._label()}\n({self.meeting.status.label()})")
        table = self.query_one("#live-items", DataTable)
        numbers = self.meeting.minute_numbers(self._first_number())
        table.clear()
        for position, item in enumerate(self.meeting.agenda, start=1):
            minute = self.meeting.minute_for_item(item.id)
            number = ""
            if minute is not None:
                number = str(numbers.get(minute.id, minute.status.value))
            marker = "▶" if item.id == self.current_item else ""
            title = item.title if len(item.title) <= 26 else item.title[:25] + "…"
            if item.exempt:
                title = f"{title} [P2]"
            table.add_row(marker, item.label or str(position), title, number, key=item.id)
        if self.current_item in self.meeting.agenda_ids():
            table.move_cursor(row=self.meeting.agenda_ids().index(self.current_item))

    @on(DataTable.RowSelected, "#live-items")
    def _agenda_row(self, event: DataTable.RowSelected) -> None:
        self.take(str(event.row_key.value))

    # --- taking items ----------------------------------------------------------------
    def take(self, item_id: str) -> None:
        """Move to an item: its minute is started (and numbered) now."""
        item = self.meeting.item(item_id)
        if item.exempt and exclusion_needed(self.meeting, item_id) is not None:
            self._propose_exclusion(item_id)
            return
        self._take(item_id)

    def _take(self, item_id: str) -> None:
        self._flush_edits()
        take_item(self.meeting, item_id)
        self._save_now()
        self._show_item(item_id)
        self._refresh_agenda()
        self._refresh_attendance()
        self.editor.focus_narrative()

    def _propose_exclusion(self, item_id: str) -> None:
        from clerk_tui.screens.confirm import ConfirmScreen

        proposal = exclusion_needed(self.meeting, item_id)
        assert proposal is not None
        word = "paragraph" if len(proposal.paragraphs) == 1 else "paragraphs"

        def decided(exclude: bool | None) -> None:
            if exclude:
                self._flush_edits()
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

    def _show_item(self, item_id: str) -> None:
        self.current_item = item_id
        minute = self.meeting.minute_for_item(item_id)
        if minute is None:
            return
        self.current_minute = minute.id
        self._load_editor(minute)

    def _load_editor(self, minute: Minute) -> None:
        number = self._number_of(minute)
        heading = f"{number}. {minute.title.upper()}" if number else f"{minute.title.upper()} (not numbered: "
        if not number:
            heading += f"{minute.status.value})"
        item = self.meeting.item(minute.item_id) if minute.item_id else None
        confidential = ""
        if item is not None and item.exempt:
            word = "paragraph" if len(item.exempt_paragraphs) == 1 else "paragraphs"
            confidential = (
                f"CONFIDENTIAL: exempt under {word} {join_numbers(item.exempt_paragraphs)} of "
                "Part 1 of Schedule 12A; never printed in a public export"
            )
        lead = minute.resolution.lead if minute.resolution else ResolutionLead.RESOLVED
        self.editor.load(
            minute.id,
            heading,
            narrative=narrative_text(minute.narrative),
            resolution=text_from_parts(minute.resolution),
            lead=lead,
            confidential=confidential,
            standard_text=self._standard_text(minute),
            hint="ctrl+r: a standard phrase · ctrl+t: resolved/recommended · f4: preview",
        )

    def _standard_text(self, minute: Minute) -> str:
        """What the printer writes for this minute when the clerk writes nothing."""
        if minute.kind not in {ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.EXCLUSION}:
            return ""
        document = build_minutes(papers_for(self.store, self._probe_without_narrative(minute)))
        heading = f"{self._number_of(minute)}. {minute.title.upper()}"
        lines: list[str] = []
        collecting = False
        for block in document.blocks:
            if isinstance(block, Paragraph) and block.text == heading:
                collecting = True
                continue
            if collecting and isinstance(block, Paragraph) and block.emphasis.value == "heading":
                break
            if collecting and isinstance(block, Paragraph | ItemList | Table):
                lines.extend(block_lines(block, 0))
        return "\n".join(lines)

    def _probe_without_narrative(self, minute: Minute) -> Meeting:
        import copy

        probe = copy.deepcopy(self.meeting)
        for candidate in probe.minutes:
            if candidate.id == minute.id:
                candidate.narrative = []
        return probe

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
        minute = self._current_minute()
        if minute is None:
            return
        status = MinuteStatus.MINUTED if minute.status != MinuteStatus.MINUTED else MinuteStatus.DEFERRED
        set_status(self.meeting, minute.id, status)
        self._save_now()
        self._load_editor(minute)
        self._refresh_agenda()
        self.clerk.notify(
            "Deferred: it takes no minute number."
            if status == MinuteStatus.DEFERRED
            else "Minuted again: numbered in its place.",
            timeout=4,
        )

    def action_minute_options(self) -> None:
        from clerk_tui.screens.minute_options import MinuteOptions, MinuteOptionsScreen

        minute = self._current_minute()
        if minute is None:
            return
        self._flush_edits()

        def chosen(options: MinuteOptions | None) -> None:
            if options is None:
                return
            minute.title = options.title
            if minute.resolution is not None:
                minute.resolution.lead = options.lead
                minute.resolution.opening = options.opening
                minute.resolution.print_lead = options.print_lead
                minute.resolution.and_before_last = options.and_before_last
                minute.resolution.final_full_stop = options.final_full_stop
            self._save_now()
            self._load_editor(minute)
            self._schedule_preview()

        self.app.push_screen(MinuteOptionsScreen(minute), chosen)

    def _current_minute(self) -> Minute | None:
        if self.current_minute is None:
            self.clerk.notify("Take an item first (ctrl+n).", severity="warning")
            return None
        return next(m for m in self.meeting.minutes if m.id == self.current_minute)

    # --- writing the minute -----------------------------------------------------------
    @on(MinuteEditor.Changed)
    def _minute_changed(self, event: MinuteEditor.Changed) -> None:
        minute = next((m for m in self.meeting.minutes if m.id == event.minute_id), None)
        if minute is None:
            return
        minute.narrative = parse_narrative(event.narrative)
        self._check_typed_dates(event.resolution)
        parts = parts_from_text(event.resolution)
        if not parts:
            minute.resolution = None
        elif minute.resolution is None:
            minute.resolution = Resolution(parts, lead=event.lead, opening=_opening_for(parts))
        else:
            minute.resolution.parts = parts
            minute.resolution.lead = event.lead
        self._edited()

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
        """An edit: save after a pause, and at least every second while typing goes on."""
        now = clock.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if now - self._unsaved_since >= SAVE_AT_LEAST_EVERY:
            self._save_now()
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_PAUSE, self._save_now, name="save-pause")
        self._schedule_preview()

    def _save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._unsaved_since = None
        self.clerk.save_meeting(self.meeting)

    def _flush_edits(self) -> None:
        if self._unsaved_since is not None:
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
        committee = self.committee
        people = self._people()
        papers = papers_for(self.store, self.meeting)
        rows: list[AttendanceRow] = []
        listed: set[str] = set()
        voting = {m.person_id for m in committee.memberships_on(self.meeting.date) if m.counts_for_quorum()}
        for membership in papers.members_in_order():
            person = people.get(membership.person_id)
            name = person.front_sheet_name() if person else membership.person_id
            rows.append(
                self._row(
                    membership.person_id, name, ROLE_LABELS[membership.role], membership.person_id in voting
                )
            )
            listed.add(membership.person_id)
        for event in self.meeting.attendance:
            if event.person_id in listed:
                continue
            listed.add(event.person_id)
            person = people.get(event.person_id)
            role = {
                EventKind.ALSO_PRESENT: "Also present",
                EventKind.OFFICER: "Officer",
                EventKind.SUBSTITUTE: "Substitute",
            }.get(event.kind, "Guest")
            rows.append(
                self._row(
                    event.person_id,
                    person.front_sheet_name() if person else event.person_id,
                    role,
                    event.kind == EventKind.SUBSTITUTE,
                )
            )
        quorum = quorum_for_item(
            self.meeting.attendance, self.meeting.agenda_ids(), self.current_item, voting, committee.quorum
        )
        where = "Before the business"
        if self.current_item:
            item = self.meeting.item(self.current_item)
            where = f"Now: {self.meeting.printed_number(item.id)}. {item.title}"
        self.attendance.show(rows, quorum, where)

    def _row(self, person_id: str, name: str, role: str, counts: bool) -> AttendanceRow:
        presence = presence_now(self.meeting, person_id)
        events = [e for e in self.meeting.attendance if e.person_id == person_id]
        note = self._note(events[-1]) if events else ""
        label = presence.value
        substitute = next((e for e in events if e.kind == EventKind.SUBSTITUTE and e.for_person_id), None)
        if substitute is not None and presence == Presence.IN_ROOM:
            replaced = self._people().get(substitute.for_person_id or "")
            label = f"substitute for {replaced.name if replaced else substitute.for_person_id}"
        return AttendanceRow(person_id, name, role, label, note, counts)

    def _note(self, event: AttendanceEvent) -> str:
        when = f"{event.at:%H:%M}" if event.at else ""
        where = f"item {self.meeting.printed_number(event.item_id)}" if event.item_id else ""
        detail = event.capacity or ""
        if event.declaration_id:
            detail = "interest"
        parts = [part for part in (event.kind.value, when, where, detail) if part]
        return " ".join(parts)

    @on(AttendancePanel.Command)
    def _attendance_command(self, event: AttendancePanel.Command) -> None:
        handlers: dict[str, Callable[[str | None], None]] = {
            "all_present": self._all_present,
            "undo": self._undo,
            "substitute": partial(self._attendee, "substitute"),
            "also_present": partial(self._attendee, "also_present"),
            "officer": partial(self._attendee, "officer"),
            "declare": self._declare_for,
            "elect_chair": self._elect_chair,
            "printed_name": self._printed_name,
        }
        if event.action in ENTRY_KINDS:
            self._mark(event.person_id, ENTRY_KINDS[event.action])
        elif event.action in handlers:
            handlers[event.action](event.person_id)

    def _person_name(self, person_id: str) -> str:
        person = self._people().get(person_id)
        return person.front_sheet_name() if person else person_id

    def _mark(self, person_id: str | None, kind: EventKind) -> None:
        if person_id is None:
            return
        item_id = self.current_item if kind in DURING_AN_ITEM else None
        arriving = presence_now(self.meeting, person_id) == Presence.NOT_RECORDED
        if kind == EventKind.PRESENT and self.current_item is not None and arriving:
            kind, item_id = EventKind.ARRIVED, self.current_item
        if kind in DURING_AN_ITEM and self.current_item is None and kind != EventKind.ARRIVED:
            self.clerk.notify(
                "Take an item first (ctrl+n): a departure is recorded against the item under way.",
                severity="warning",
            )
            return
        try:
            said = record(
                self.meeting,
                person_id,
                kind,
                at=self._now(),
                item_id=item_id,
                name=self._person_name(person_id),
            )
        except DomainError as error:
            self.report(error, "Not recorded")
            return
        self._attendance_saved(said)

    def _attendance_saved(self, said: str) -> None:
        self._save_now()
        self._refresh_attendance()
        self._schedule_preview()
        self.clerk.notify(said, timeout=3)

    def _all_present(self, _: str | None) -> None:
        marked = all_present(self.meeting, self.committee, at=self._now())
        self._attendance_saved(f"{len(marked)} marked present.")

    def _undo(self, person_id: str | None) -> None:
        if person_id is None:
            return
        try:
            undone = undo_last(self.meeting, person_id)
        except DomainError as error:
            self.report(error, "Nothing to undo")
            return
        self._attendance_saved(f"{self._person_name(person_id)}: “{undone.kind.value}” taken back.")

    def _attendee(self, mode: str, person_id: str | None) -> None:
        from clerk_tui.screens.attendee_form import AttendeeDraft, AttendeeForm, AttendeeMode

        people = sorted(self._people().values(), key=lambda p: p.name)
        voting = [
            p
            for p in people
            if any(
                m.person_id == p.id and m.counts_for_quorum()
                for m in self.committee.memberships_on(self.meeting.date)
            )
        ]

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
                said = record(
                    self.meeting,
                    draft.person.id,
                    kind,
                    at=self._now(),
                    name=draft.person.name,
                    capacity=draft.capacity,
                    for_person_id=draft.for_person_id,
                )
            except DomainError as error:
                self.report(error, "Not recorded")
                return
            self._attendance_saved(said)

        self.app.push_screen(
            AttendeeForm(
                AttendeeMode(mode),
                people,
                voting,
                taken_ids={p.id for p in people},
                person_id=person_id if mode == "substitute" else None,
            ),
            chosen,
        )

    def action_declare(self) -> None:
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
            try:
                declaration = Declaration(
                    self.meeting.new_declaration_id(),
                    draft.person_id,
                    draft.item_id,
                    draft.kind,
                    draft.nature,
                    draft.action,
                )
                said = declare(self.meeting, declaration, at=self._now(), stays_out=draft.stays_out)
            except DomainError as error:
                self.report(error, "Not recorded")
                return
            self._attendance_saved(said)
            if self.current_minute:
                minute = next(m for m in self.meeting.minutes if m.id == self.current_minute)
                self._load_editor(minute)

        self.app.push_screen(
            DeclarationForm(present or list(people.values()), items, person_id=person_id, item_id=current),
            chosen,
        )

    def _elect_chair(self, person_id: str | None) -> None:
        if person_id is None:
            return
        person = self._people().get(person_id)
        if person is None:
            return
        committee = self.committee
        from clerk_tui.render.names import Named, minutes_name, titled

        name = titled(Named(minutes_name(person, committee.style), person.councillor), committee.style)
        minute = elect_chair(self.meeting, committee, person_id, name)
        self._save_now()
        self._refresh_agenda()
        self.clerk.notify(
            f"{name} elected Chair for this meeting (minute {self._number_of(minute)}).", timeout=4
        )

    def _printed_name(self, person_id: str | None) -> None:
        """The clerk's minutes name someone otherwise than the rule ("Buchanan" for a partner)."""
        from clerk_tui.screens.text_prompt import TextPrompt

        if person_id is None:
            return
        events = [e for e in self.meeting.attendance if e.person_id == person_id]
        if not events:
            self.clerk.notify(
                "Mark them first: the printed name goes with their attendance.", severity="warning"
            )
            return

        def chosen(text: str | None) -> None:
            if text is None:
                return
            for event in events:
                event.printed_name = " ".join(text.split())
            self._attendance_saved(
                f"{self._person_name(person_id)} prints as “{text.strip() or 'the usual'}”."
            )

        self.app.push_screen(
            TextPrompt(
                f"How these minutes name {self._person_name(person_id)}",
                events[0].printed_name,
                "Leave it empty for the usual name. enter: accept · escape: cancel",
            ),
            chosen,
        )

    def action_switch_panel(self) -> None:
        if self.attendance.has_focus_within:
            self.editor.focus_narrative()
        else:
            self.attendance.focus_list()

    # --- preview, export, after the meeting ------------------------------------------
    def action_preview(self) -> None:
        preview = self.query_one("#live-preview")
        preview.display = not preview.display
        self.editor.display = not preview.display
        if preview.display:
            self._render_preview()
            preview.focus()
        else:
            self.editor.focus_narrative()

    def _schedule_preview(self) -> None:
        if not self.query_one("#live-preview").display:
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.2, self._render_preview)

    def _render_preview(self) -> None:
        width = max(40, self.query_one("#live-preview").content_size.width - 3)
        printed = print_minutes(papers_for(self.store, self.meeting), PrintOptions(width=width))
        warnings = "\n".join(f"! {w}" for w in printed.warnings)
        self.query_one("#live-preview-text", Static).update(
            f"{warnings}\n\n{printed.text}" if warnings else printed.text
        )

    def action_export(self) -> None:
        from clerk_tui.screens.export import ExportScreen

        self._flush_edits()
        self.app.push_screen(ExportScreen(self.meeting.id, paper="minutes"))

    def action_drafted(self) -> None:
        self._flush_edits()
        self.meeting.status = MeetingStatus.MINUTES_DRAFTED
        self._save_now()
        self._refresh_agenda()
        said = "Minutes marked drafted."
        following = [
            s for s in self.store.meeting_summaries(self.meeting.committee_id) if s.date > self.meeting.date
        ]
        if following:
            try:
                upcoming = self.store.meeting(following[0].id)
            except StoreError as error:
                self.report(error, "Next meeting")
            else:
                if fill_previous_minutes(upcoming, self.meeting.date):
                    self.clerk.save_meeting(upcoming)
                    said += (
                        f" The agenda of {upcoming.date:%d %B %Y} now lists the minutes of the meeting "
                        f"held on {format_body_date(self.meeting.date)}."
                    )
        self.clerk.notify(said, timeout=6)

    def action_actions(self) -> None:
        from clerk_tui.screens.actions import ActionsScreen

        self._flush_edits()
        self.app.push_screen(ActionsScreen(self.meeting, self._first_number()))

    def action_leave(self) -> None:
        self._flush_edits()
        self.app.pop_screen()

    def palette_targets(self) -> list[PaletteEntry]:
        return [
            PaletteEntry(
                f"Take item: {self.meeting.printed_number(item.id)}. {item.title}",
                partial(self.take, item.id),
                "Move to this item and minute it.",
            )
            for item in self.meeting.agenda
        ] + [
            PaletteEntry(f"Jump to member: {row_name}", partial(self._jump_to_member, pid), "")
            for pid, row_name in ((p.id, p.name) for p in self._people().values())
        ]

    def _jump_to_member(self, person_id: str) -> None:
        self.attendance.focus_list()
        self.attendance.move_to(person_id)
