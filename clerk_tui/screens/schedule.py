"""A year's meetings from a rule ("first Wednesday every two months"), previewed date by
date so the clerk can leave out a bank holiday or August before anything is created."""

from __future__ import annotations

import asyncio
import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from clerk_tui.domain import Committee, DomainError, HouseStyle, Meeting
from clerk_tui.domain.dates import format_body_date, format_echo
from clerk_tui.domain.numbering import municipal_year, municipal_year_label
from clerk_tui.domain.planning import meeting_id_for, new_meeting, previous_meeting_date, schedule
from clerk_tui.saving import SaveOutcome, sentence
from clerk_tui.screens.base import ClerkModal, preselected_committee
from store import StoreError
from widgets import DateField, FieldMessage, SafeInput
from widgets.quiet_static import QuietStatic
from widgets.steady_footer import SteadyFooter

ORDINALS = ["first", "second", "third", "fourth", "last"]
WEEKDAYS = [calendar.day_name[index] for index in range(7)]
MOST_DATES = 60
"""A schedule creates at most this many meetings at once (five years of monthly meetings)."""


def municipal_year_start(year: int, style: HouseStyle) -> date:
    return date(year, style.municipal_year_start_month, style.municipal_year_start_day)


def municipal_year_end(day: date, style: HouseStyle) -> date:
    """The last day of the municipal year holding ``day``."""
    return municipal_year_start(municipal_year(day, style) + 1, style) - timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    nth: str
    weekday: str
    every: int
    weeks: bool

    def describe(self) -> str:
        unit = ("week" if self.weeks else "month") + ("s" if self.every != 1 else "")
        every = f"every {unit}" if self.every == 1 else f"every {self.every} {unit}"
        return f"{self.weekday} {every}" if self.weeks else f"{self.nth} {self.weekday} {every}"


def plan_batch(
    committee: Committee, days: list[date], existing: list[tuple[str, date]], all_ids: list[str]
) -> list[Meeting]:
    """One new meeting per day; each names the meeting before it, whether that one is
    already in the store or made in this batch."""
    taken = set(all_ids)
    known = [day for _, day in existing if day]
    meetings = []
    for day in sorted(days):
        meeting = new_meeting(
            committee, day, meeting_id_for(committee, day, taken), previous=previous_meeting_date(known, day)
        )
        taken.add(meeting.id)
        known.append(day)
        meetings.append(meeting)
    return meetings


class ScheduleScreen(ClerkModal):
    """Dismisses with the ids of the meetings created, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#schedule-from-input"
    PALETTE_GROUP = "Year's schedule"
    HELP_TITLE = "Year's schedule"
    HELP_TEXT = (
        "A year of meetings from a rule. Type the first date, choose the rule (first Wednesday "
        "every 2 months, or every 2 weeks on a Tuesday), then look down the dates on the right: "
        "space leaves a date out (a bank holiday, August). Dates on which the committee already "
        "meets are listed but left out unless you tick them."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2,ctrl+enter",
            "create",
            "Create",
            tooltip="Create a meeting on each ticked date.",
            id="schedule.create",
        ),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without creating anything.", id="schedule.cancel"
        ),
    ]

    def __init__(self, committee_filter: str | None = None) -> None:
        super().__init__()
        self.committee_filter = committee_filter
        self.committees: dict[str, Committee] = {}
        self._auto_until = ""
        self._dates: list[date] = []
        """The dates the rule gives (ticked or not), as the preview lists them."""
        self._problem = ""
        self._rule_now: Rule | None = None
        self._span_now: tuple[date, date] | None = None
        self._existing_now: dict[date, str] = {}
        self._labels: list[str] = []
        self._saving = False
        self._failed = False
        """A save failed: clerk retries it by itself, and f2 retries it now."""

    # --- layout --------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.committees = {c.id: c for c in self.store.committees()}
        chosen = self._initial_committee()
        committee = self.committees.get(chosen or "")
        nth, weekday = self._usual_day(committee)
        start = self._default_start(committee)
        with Vertical(id="schedule-dialog"):
            yield Static("Year's schedule", id="schedule-title")
            with Horizontal(id="schedule-columns"):
                with VerticalScroll(id="schedule-form"):
                    with Vertical(id="schedule-committee-field"):
                        yield Label("Committee")
                        yield Select(
                            [(c.name, c.id) for c in self.committees.values()],
                            prompt="Choose a committee",
                            allow_blank=chosen is None,
                            value=chosen if chosen is not None else Select.NULL,
                            id="schedule-committee",
                        )
                        yield FieldMessage(classes="-empty", id="schedule-committee-message")
                    with Horizontal(id="schedule-span"):
                        yield DateField(
                            "From",
                            self.clerk.today,
                            value=format_body_date(start) if start else "",
                            field_id="schedule-from",
                        )
                        yield DateField("Until", self.clerk.today, field_id="schedule-until")
                    yield Label("Rule", id="schedule-rule-label")
                    with Horizontal(classes="schedule-rule"):
                        yield Select(
                            [(name, name) for name in ORDINALS],
                            value=nth,
                            allow_blank=False,
                            id="schedule-nth",
                        )
                        yield Select(
                            [(name, name) for name in WEEKDAYS],
                            value=weekday,
                            allow_blank=False,
                            id="schedule-weekday",
                        )
                    with Horizontal(classes="schedule-rule"):
                        yield Label("every", id="schedule-every-label")
                        yield SafeInput("1", restrict=r"\d{0,3}", id="schedule-every")
                        yield Select(
                            [("months", "months"), ("weeks", "weeks")],
                            value="months",
                            allow_blank=False,
                            id="schedule-unit",
                        )
                    yield FieldMessage(classes="-empty", id="schedule-rule-message")
                with Vertical(id="schedule-preview"):
                    yield QuietStatic(id="schedule-count")  # said again on every key
                    yield SelectionList[date](id="schedule-list")
            yield FieldMessage(classes="-empty", id="schedule-error")
            with Horizontal(id="schedule-buttons"):
                yield Button("Create", id="create", action="screen.create", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def _initial_committee(self) -> str | None:
        return preselected_committee(self.committees, self.committee_filter)

    def _usual_day(self, committee: Committee | None) -> tuple[str, str]:
        """The committee's habit, from its latest meeting (a 4 December that is a Wednesday
        gives "first Wednesday"); first Tuesday when it has none."""
        summaries = self.store.meeting_summaries(committee.id) if committee else []
        if not summaries:
            return "first", "Tuesday"
        latest = summaries[-1].date
        week = (latest.day - 1) // 7
        return ORDINALS[min(week, 4)], WEEKDAYS[latest.weekday()]

    def _default_start(self, committee: Committee | None) -> date | None:
        """The start of the next municipal year: schedules are set the spring before."""
        if committee is None:
            return None
        return municipal_year_start(municipal_year(self.clerk.today(), committee.style) + 1, committee.style)

    def on_mount(self) -> None:
        self.enter_moves_on()
        self.date_list.border_title = "Dates: space leaves one out"
        self._fill_until()
        self.refresh_preview()

    # --- reading the form --------------------------------------------------------------
    @property
    def from_field(self) -> DateField:
        return self.query_one("#schedule-from", DateField)

    @property
    def until_field(self) -> DateField:
        return self.query_one("#schedule-until", DateField)

    @property
    def date_list(self) -> SelectionList[date]:
        return self.query_one("#schedule-list", SelectionList)

    def _committee(self) -> Committee | None:
        value = self.query_one("#schedule-committee", Select).value
        return self.committees.get(value) if isinstance(value, str) else None

    def _select(self, name: str) -> str:
        value = self.query_one(f"#schedule-{name}", Select).value
        return value if isinstance(value, str) else ""

    def _rule(self) -> Rule:
        weeks = self._select("unit") == "weeks"
        text = self.query_one("#schedule-every", Input).value.strip()
        if not text:
            raise DomainError(f"Every how many {'weeks' if weeks else 'months'}? Type a number.", "every")
        every = int(text)
        if weeks and not 1 <= every <= 52:
            raise DomainError("Every how many weeks? 1 to 52.", "every")
        return Rule(self._select("nth"), self._select("weekday"), every, weeks)

    def _span(self) -> tuple[date, date] | None:
        try:
            start = self.from_field.value()
            until = self.until_field.value()
        except DomainError:
            return None
        return (start, until) if start and until else None

    def _rule_dates(self, start: date, until: date, rule: Rule) -> list[date]:
        dates = schedule(
            start,
            until,
            nth=rule.nth,
            weekday_name=rule.weekday,
            every_months=0 if rule.weeks else rule.every,
            every_weeks=rule.every if rule.weeks else 0,
        )
        if len(dates) > MOST_DATES:
            raise DomainError(
                f"That makes {len(dates)} meetings; a schedule makes at most {MOST_DATES} at once. "
                "Bring the until date closer.",
                "until",
            )
        return dates

    def _existing(self, committee: Committee) -> dict[date, str]:
        found: dict[date, str] = {}
        for summary in self.store.meeting_summaries(committee.id):
            found.setdefault(summary.date, summary.id)
        return found

    # --- live preview ------------------------------------------------------------------
    def _fill_until(self) -> None:
        """Until follows From to the end of its municipal year, unless the clerk typed one."""
        committee = self._committee()
        until = self.until_field.input
        if until.value.strip() not in ("", self._auto_until):
            return
        try:
            start = self.from_field.value()
        except DomainError:
            start = None
        text = format_body_date(municipal_year_end(start, committee.style)) if start and committee else ""
        self._auto_until = text
        if until.value != text:
            until.value = text

    def refresh_preview(self) -> None:
        """List the rule's dates, keeping what the clerk ticked or left out."""
        rule_message = self.query_one("#schedule-rule-message", FieldMessage)
        rule_message.show_note("")
        self.query_one("#schedule-error", FieldMessage).show_note("")
        committee = self._committee()
        span = self._span()
        dates: list[date] = []
        self._problem = ""
        self._rule_now = None
        self._span_now = span
        if committee is None:
            self._problem = "Choose a committee."
        elif span is None:
            self._problem = "Type the first and last dates the schedule covers."
        else:
            self.until_field.message.show_note(format_echo(span[1]))
            try:
                self._rule_now = self._rule()
                dates = self._rule_dates(span[0], span[1], self._rule_now)
            except DomainError as error:
                if error.field == "until":
                    self.until_field.message.show_error(error.message)
                else:
                    rule_message.show_error(error.message)
                self._problem = "No dates until that is put right."
        self.query_one("#schedule-nth", Select).disabled = self._select("unit") == "weeks"
        self._existing_now = self._existing(committee) if committee else {}
        self._show_dates(dates)
        self._count()

    def _show_dates(self, dates: list[date]) -> None:
        listing = self.date_list
        existing = self._existing_now
        labels = [self._label(day, existing) for day in dates]
        if dates == self._dates and labels == self._labels:
            return
        ticked = {day: day in listing.selected for day in self._dates}
        highlighted = listing.highlighted
        current = (
            self._dates[highlighted] if highlighted is not None and highlighted < len(self._dates) else None
        )
        listing.clear_options()
        listing.add_options(
            [
                Selection(label, day, ticked.get(day, day not in existing))
                for day, label in zip(dates, labels, strict=True)
            ]
        )
        self._dates = dates
        self._labels = labels
        if dates:
            listing.highlighted = dates.index(current) if current in dates else 0

    @staticmethod
    def _label(day: date, existing: dict[date, str]) -> str:
        label = format_echo(day)
        if day in existing:
            label += "  already has a meeting"
        return label

    def _count(self) -> None:
        """The line over the dates, and the Create button, say how many will be made."""
        count = self.query_one("#schedule-count", Static)
        button = self.query_one("#create", Button)
        ticked = len(self.date_list.selected)
        button.label = f"Create {ticked} meeting{'s' if ticked != 1 else ''}" if ticked else "Create"
        if self._problem or self._rule_now is None or self._span_now is None:
            count.update(self._problem)
            return
        start, until = self._span_now
        rule = self._rule_now.describe()
        head = f"{rule[:1].upper()}{rule[1:]}\n{format_echo(start)} to {format_echo(until)}"
        if not self._dates:
            count.update(f"{head}\nNo dates.")
            return
        clash = sum(1 for day in self._dates if day in self._existing_now)
        already = f", {clash} already with a meeting" if clash else ""
        count.update(f"{head}\n{len(self._dates)} dates{already}; {ticked} ticked.")

    @on(Select.Changed, "#schedule-committee")
    def _committee_changed(self) -> None:
        committee = self._committee()
        if committee is not None:
            self.query_one("#schedule-committee-message", FieldMessage).show_note("")
            if not self.from_field.text.strip():
                start = self._default_start(committee)
                if start:
                    self.from_field.input.value = format_body_date(start)
        self._dates = []  # a different committee: start the ticks afresh
        self._fill_until()
        self.refresh_preview()

    @on(Input.Changed, "#schedule-from-input")
    def _from_changed(self) -> None:
        self._fill_until()
        self.refresh_preview()

    @on(Input.Changed, "#schedule-until-input")
    @on(Input.Changed, "#schedule-every")
    @on(Select.Changed, "#schedule-nth")
    @on(Select.Changed, "#schedule-weekday")
    @on(Select.Changed, "#schedule-unit")
    def _rule_changed(self) -> None:
        self.refresh_preview()

    @on(SelectionList.SelectedChanged, "#schedule-list")
    def _ticked(self) -> None:
        self._count()

    # --- actions -----------------------------------------------------------------------
    def action_create(self) -> None:
        if self._saving:
            if self._failed:
                self.clerk.saver.retry_now()
                self.query_one("#schedule-error", FieldMessage).show_note("Trying again to save…")
            return
        error = self.query_one("#schedule-error", FieldMessage)
        committee = self._committee()
        if committee is None:
            self.query_one("#schedule-committee-message", FieldMessage).show_error(
                "Choose the committee these meetings belong to."
            )
            self.query_one("#schedule-committee", Select).focus()
            return
        for field in (self.from_field, self.until_field):
            try:
                field.value()
            except DomainError as problem:
                field.show_error(problem.message)
                error.show_error("Nothing was created: put right what is marked above.")
                return
        self.refresh_preview()  # what the form says now, not what the last message said
        days = sorted(self.date_list.selected)
        if not days:
            error.show_error(
                "Nothing was created: the rule gives no dates."
                if not self._dates
                else "Nothing was created: no date is ticked."
            )
            return
        try:
            summaries = self.store.meeting_summaries()
            existing = [(s.id, s.date) for s in summaries if s.committee_id == committee.id]
            meetings = plan_batch(committee, days, existing, [s.id for s in summaries])
        except (DomainError, StoreError) as problem:
            message = problem.message if isinstance(problem, DomainError) else str(problem)
            error.show_error(f"Nothing was created: {message}")
            return
        self._saving, self._failed = True, False
        error.show_note(f"Saving {len(meetings)} meetings…")
        saving = [self.clerk.save_meeting(meeting) for meeting in meetings]
        asyncio.gather(*saving).add_done_callback(partial(self._saved, committee, meetings, []))

    def _saved(
        self,
        committee: Committee,
        meetings: list[Meeting],
        saved: list[SaveOutcome],
        done: asyncio.Future[list[SaveOutcome]],
    ) -> None:
        """Close once the meetings are on disk, so the list behind shows them. A meeting
        whose save failed stays queued and is retried by itself (f2 tries now); this says
        how many are saved, hears each retry, and closes once all are saved."""
        saver = self.clerk.saver
        outcomes = saved + done.result()
        saved = [outcome for outcome in outcomes if outcome.saved]
        failed = [o for o in outcomes if not o.saved and saver.pending(o.key) is not None]
        if failed:
            self._failed = True
            if self.is_attached:
                self.query_one("#schedule-error", FieldMessage).show_error(
                    f"Not saved yet: {sentence(failed[0].reason)} {len(saved)} of {len(meetings)} "
                    "meetings are saved; clerk keeps the rest and tries again by itself (f2 tries now). "
                    "This closes once all are saved, or escape leaves them saving."
                )
            retried = asyncio.gather(*(saver.next_outcome(outcome.key) for outcome in failed))
            retried.add_done_callback(partial(self._saved, committee, meetings, saved))
            return
        self._saving, self._failed = False, False
        if len(saved) < len(meetings):  # the clerk gave some up (reloaded)
            return
        first, last = meetings[0].date, meetings[-1].date
        self.clerk.notify(
            f"{committee.name}: {len(meetings)} meeting{'s' if len(meetings) > 1 else ''}, "
            f"{format_echo(first)} to {format_echo(last)} ({municipal_year_label(first, committee.style)}).",
            title="Year's schedule",
        )
        if self.is_attached and self.app.screen is self:
            self.dismiss([meeting.id for meeting in meetings])

    def action_cancel(self) -> None:
        if self._saving and not self._failed:  # a moment: closing now would hide what was made
            self.query_one("#schedule-error", FieldMessage).show_note(
                "Saving… this closes by itself when done."
            )
            return
        self.dismiss(None)
