"""The minutes' record of one meeting: circulate the draft, record the later meeting's
confirmation (or withdraw one made by mistake), have the Chair sign, print the PDF, export.

Wiring only: the rules are ``clerk_tui.domain.approval``, the store work
``clerk_tui.records`` and ``clerk_tui.cli_papers``. Each step that changes the record is
asked first, in a sentence that says what it will do; it then runs off the UI thread and
the screen shows the record as the store holds it. Signed minutes are locked here: the
steps that would change them are dimmed, and the store refuses them anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from clerk_tui.domain import DomainError, Meeting
from clerk_tui.domain.approval import confirmation_resolution, locked_message
from clerk_tui.domain.dates import format_long_date
from clerk_tui.domain.safe_text import one_line
from clerk_tui.domain.summary import RecordState
from clerk_tui.screens.base import ClerkScreen
from clerk_tui.screens.confirm import ConfirmScreen
from store import StoreError
from widgets.steady_footer import SteadyFooter
from widgets.steady_header import SteadyHeader

log = logging.getLogger("clerk")

CHANGES_RECORD = ("circulate", "confirm", "sign", "withdraw")
"""The steps a signed record refuses (dimmed in the footer, buttons disabled)."""


def record_lines(meeting: Meeting, names: dict[str, str]) -> list[str]:
    """The record's history as the screen shows it, one line a step. ``names`` gives the
    other meetings' dates ("Wednesday 11 September 2019") by id."""
    record = meeting.record
    lines = [
        f"Revision {r.number} circulated{f' to {r.sent_to}' if r.sent_to else ''} on "
        f"{format_long_date(r.circulated_on)} (SHA-256 {r.sha256[:12]}…)"
        for r in record.revisions
    ]
    confirmation = record.confirmation
    if confirmation is not None:
        by = names.get(confirmation.meeting_id, confirmation.meeting_id)
        amended = "".join(f"\n    subject to: {text}" for text in confirmation.amendments)
        lines.append(
            f"Confirmed as a correct record (revision {confirmation.revision}) by the meeting of "
            f"{by}{amended}"
        )
    signature = record.signature
    if signature is not None:
        lines.append(
            f"Signed by {signature.chair_name} on {format_long_date(signature.signed_on)} "
            f"(SHA-256 {signature.copy.text_sha256[:12]}…, {signature.pages} minute-book pages): locked"
        )
    return lines or ["Not yet circulated."]


STATE_LINES = {
    RecordState.DRAFT: "Draft: circulate the minutes (f2) when they are ready to go to the Chair.",
    RecordState.CIRCULATED: "Circulated: when the next meeting confirms them, record it (f3).",
    RecordState.CONFIRMED: "Confirmed: the Chair signs them (f4), and then they never change.",
    RecordState.SIGNED: "Signed: these minutes are locked. They can be printed and exported as signed.",
}


@dataclass(frozen=True)
class Step:
    """One change to the record, asked first in ``question``, run by ``run`` in a thread."""

    question: str
    yes: str
    run: Callable[[], str]
    """Does the work against the store; returns what to tell the clerk."""


class MinutesRecordScreen(ClerkScreen):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    PALETTE_GROUP = "Minutes record"
    HELP_TITLE = "The minutes' record"
    HELP_TEXT = (
        "Circulate the draft minutes (each time frozen as a numbered revision), record that the "
        "next meeting confirmed them as a correct record (with any amendments made there), and "
        "have the Chair sign them: signed minutes are locked for ever and print as signed. Print "
        "sends the minutes' PDF to the printer; tick the public copy to withhold exempt items."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "circulate",
            "Circulate",
            tooltip="Freeze the draft as the next revision, sent.",
            id="record.circulate",
        ),
        Binding(
            "f3",
            "confirm",
            "Confirm",
            tooltip="Record that the next meeting confirmed them as a correct record.",
            id="record.confirm",
        ),
        Binding(
            "f4",
            "sign",
            "Sign",
            tooltip="The Chair signs: the minutes are locked for ever.",
            id="record.sign",
        ),
        Binding(
            "f5",
            "withdraw",
            "Withdraw confirmation",
            tooltip="Undo a confirmation recorded by mistake (before signing).",
            id="record.withdraw",
        ),
        Binding(
            "f7", "export", "Export", tooltip="Text, Markdown, Word or PDF, to a file.", id="record.export"
        ),
        # f8, not f6: f6 imports a paper from every screen.
        Binding("f8", "print", "Print", tooltip="Send the minutes' PDF to the printer.", id="record.print"),
        Binding("escape", "close", "Back", tooltip="Back to the meetings.", id="record.close"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.meeting: Meeting | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        yield SteadyHeader()
        with VerticalScroll(id="record-body"):
            yield Static(id="record-title")
            yield Static(id="record-state")
            yield Static(id="record-history", markup=False)
            with Vertical(id="record-fields"):
                yield Label("Circulate to")
                yield Input("the Chair", id="record-sent-to")
                yield Label("Amendments made at confirmation (one a line; leave empty if none)")
                yield TextArea(id="record-amendments", soft_wrap=True)
                yield Checkbox("Print the public copy (exempt items withheld)", id="record-public")
        with Grid(id="record-buttons"):
            yield Button("Circulate", id="circulate", action="screen.circulate", variant="primary")
            yield Button("Confirm", id="confirm", action="screen.confirm")
            yield Button("Sign", id="sign", action="screen.sign", variant="warning")
            yield Button("Withdraw", id="withdraw", action="screen.withdraw")
            yield Button("Print", id="print", action="screen.print")
            yield Button("Export", id="export", action="screen.export")
            yield Button("Back", id="close", action="screen.close")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    # --- showing the record ------------------------------------------------------
    def reload(self) -> None:
        try:
            meeting = self.store.meeting(self.meeting_id)
            committee = self.store.committee(meeting.committee_id)
        except StoreError as error:
            self.report(error, "Cannot read the meeting")
            return
        self.meeting = meeting
        self.clerk.set_open_meeting(f"{committee.name} {format_long_date(meeting.date)}")
        names = {s.id: format_long_date(s.date) for s in self.store.meeting_summaries(meeting.committee_id)}
        self.query_one("#record-title", Static).update(
            f"Minutes of the {committee.name}, held on {format_long_date(meeting.date)}"
        )
        state = meeting.record.state
        self.query_one("#record-state", Static).update(STATE_LINES[state])
        self.query_one("#record-history", Static).update("\n".join(record_lines(meeting, names)))
        locked = state == RecordState.SIGNED
        for field in ("#record-sent-to", "#record-amendments"):
            self.query_one(field).disabled = locked
        for button in CHANGES_RECORD:
            self.query_one(f"#{button}", Button).disabled = locked or self._busy
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if (
            action in CHANGES_RECORD
            and self.meeting is not None
            and self.meeting.record.signature is not None
        ):
            return None  # dimmed: the store refuses it, and the action says why
        return allowed

    def held(self) -> str:
        return format_long_date(self.meeting.date) if self.meeting is not None else self.meeting_id

    # --- the steps ------------------------------------------------------------------
    def action_circulate(self) -> None:
        sent_to = one_line(self.query_one("#record-sent-to", Input).value)
        today = self.clerk.today()
        number = len(self.meeting.record.revisions) + 1 if self.meeting is not None else 1
        self.ask(
            Step(
                f"Circulate the minutes of the meeting held on {self.held()}"
                f"{f' to {sent_to}' if sent_to else ''} as revision {number}, dated "
                f"{format_long_date(today)}? Their text is frozen as it prints now; a circulated "
                "revision is never changed or removed.",
                "Circulate",
                partial(self._circulate, sent_to),
            )
        )

    def _circulate(self, sent_to: str) -> str:
        from clerk_tui import records

        revision = records.circulate(self.store, self.meeting_id, self.clerk.today(), sent_to)
        return f"Revision {revision.number} of the minutes of {self.held()} is circulated."

    def action_confirm(self) -> None:
        try:
            confirming = self.confirming_meeting()
            committee = self.store.committee(confirming.committee_id)
        except (DomainError, StoreError) as error:
            self.report(error, "Cannot confirm")
            return
        amendments = self.amendments()
        wording = self.confirmation_wording(confirming, amendments, committee.style.comma_before_year)
        self.ask(
            Step(
                f"Record that the meeting of {format_long_date(confirming.date)} confirmed the minutes of "
                f"the meeting held on {self.held()} as a correct record? Its minute on the minutes of the "
                f"previous meeting will read: “{wording}”",
                "Confirm",
                partial(self._confirm, confirming.id, amendments),
            )
        )

    def confirmation_wording(self, confirming: Meeting, amendments: list[str], comma: bool) -> str:
        """The confirming minute's resolution as it will print, worded as the clerk words it."""
        from clerk_tui.records import previous_minutes_minute
        from clerk_tui.render.minutes import resolution_blocks

        assert self.meeting is not None
        try:
            minute_id = previous_minutes_minute(confirming)
        except DomainError:
            like = None  # confirming says why, when it is asked
        else:
            like = next((m.resolution for m in confirming.minutes if m.id == minute_id), None)
        resolution = confirmation_resolution(self.meeting.date, amendments, comma, like)
        return " ".join(getattr(block, "text", "") for block in resolution_blocks(resolution)).strip()

    def confirming_meeting(self) -> Meeting:
        """The committee's next meeting after this one: the one that confirms these minutes."""
        meeting = self.meeting
        if meeting is None:
            raise DomainError("The meeting could not be read.", "record")
        later = [
            s
            for s in self.store.meeting_summaries(meeting.committee_id)
            if (s.date, s.id) > (meeting.date, meeting.id)
        ]
        if not later:
            raise DomainError(
                "Minutes are confirmed by the committee's next meeting, and there is none yet: "
                "create it first.",
                "record",
            )
        return self.store.meeting(min(later, key=lambda s: (s.date, s.id)).id)

    def amendments(self) -> list[str]:
        text = self.query_one("#record-amendments", TextArea).text
        return [line for line in (one_line(part) for part in text.splitlines()) if line]

    def _confirm(self, confirming_id: str, amendments: list[str]) -> str:
        from clerk_tui import records

        records.confirm(self.store, self.meeting_id, confirming_id, amendments)
        return f"The minutes of {self.held()} are recorded as confirmed."

    def action_sign(self) -> None:
        from clerk_tui import records

        meeting = self.meeting
        if meeting is None:
            return
        if meeting.record.signature is not None:
            self.report(DomainError(locked_message(meeting), "record"), "Already signed")
            return
        confirmation = meeting.record.confirmation
        if confirmation is None:
            self.report(
                DomainError(
                    "The Chair signs minutes once they are confirmed: record the confirmation first (f3)."
                ),
                "Cannot sign",
            )
            return
        try:
            chair, _ = records.chair_of(self.store, self.store.meeting(confirmation.meeting_id))
        except (DomainError, StoreError) as error:
            self.report(error, "Cannot sign")
            return
        self.ask(
            Step(
                f"{chair} signs the minutes of the meeting held on {self.held()} as a correct record, dated "
                f"{format_long_date(confirmation.confirmed_on)}. They are then locked for ever: nothing in "
                "them can be changed, and a correction goes in the minutes of a later meeting. Sign them?",
                "Sign",
                self._sign,
            )
        )

    def _sign(self) -> str:
        from clerk_tui import records

        signature = records.sign(self.store, self.meeting_id)
        return f"The minutes of {self.held()} are signed by {signature.chair_name} and locked."

    def action_withdraw(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.record.confirmation is None or meeting.record.signature is not None:
            message = (
                locked_message(meeting)
                if meeting is not None and meeting.record.signature is not None
                else "There is no confirmation to withdraw."
            )
            self.report(DomainError(message), "Nothing withdrawn")
            return
        self.ask(
            Step(
                f"Withdraw the confirmation of the minutes of {self.held()}, recorded by mistake? They go "
                "back to circulated; the confirming meeting's minute stays as it is, for you to correct.",
                "Withdraw",
                self._withdraw,
            )
        )

    def _withdraw(self) -> str:
        from clerk_tui import records

        records.withdraw_confirmation(self.store, self.meeting_id)
        return f"The confirmation of the minutes of {self.held()} is withdrawn."

    def action_print(self) -> None:
        public = self.query_one("#record-public", Checkbox).value
        copy = "public copy" if public else "full copy"
        self.ask(
            Step(
                f"Send the {copy} of the minutes of {self.held()} to the printer, as their PDF?",
                "Print",
                partial(self._print, public),
            ),
            title="Printing",
        )

    def _print(self, public: bool) -> str:
        from clerk_tui.cli_papers import send_to_printer

        answer = send_to_printer(self.store, self.meeting_id, public=public)
        return f"The minutes of {self.held()} went to the printer: {answer}"

    def action_export(self) -> None:
        from clerk_tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id, "minutes"))

    def action_close(self) -> None:
        self.app.pop_screen()

    # --- running a step ----------------------------------------------------------------
    def ask(self, step: Step, title: str = "Minutes record") -> None:
        if self._busy or self.clerk.saver.busy:
            self.clerk.notify("Still saving; try again in a moment.", title=title, severity="warning")
            return
        if self.clerk.saver.failures:  # its retry would write an older copy over the step's
            self.clerk.notify(
                "A change is not saved yet: put right what stopped it and press ctrl+s, then try again.",
                title=title,
                severity="warning",
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(step, title)

        self.app.push_screen(ConfirmScreen(step.question, step.yes), answered)

    def _start(self, step: Step, title: str) -> None:
        self._busy = True
        self.reload()
        self.run_worker(partial(self._run, step, title), thread=True, group="record", exit_on_error=False)

    def _run(self, step: Step, title: str) -> None:
        try:
            said = step.run()
        except Exception as error:  # noqa: BLE001 - told to the clerk, never raised
            self.app.call_from_thread(self._done, error, title)
            return
        self.app.call_from_thread(self._done, said, title)

    def _done(self, outcome: str | Exception, title: str) -> None:
        self._busy = False
        if isinstance(outcome, Exception):
            if not isinstance(outcome, DomainError | StoreError | OSError):
                log.error("a step of the minutes' record failed", exc_info=outcome)
            self.report(outcome, "Not printed" if title == "Printing" else f"{title}: not done")
        else:
            self.clerk.notify(outcome, title=title, timeout=10)
        if self.is_attached:
            self.reload()

    @on(Input.Submitted, "#record-sent-to")
    def _next_field(self) -> None:
        self.focus_next()
