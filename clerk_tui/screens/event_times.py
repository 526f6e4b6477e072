"""Correct the times of one person's attendance marks (clerks often note an arrival late):
one field a mark, each checked by the domain as it is accepted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from clerk_tui.domain import DomainError
from clerk_tui.domain.dates import format_time, parse_time
from clerk_tui.screens.base import ClerkModal
from widgets.fields import TextField
from widgets.steady_footer import SteadyFooter


@dataclass(frozen=True)
class MarkTime:
    """One mark as the dialog shows it."""

    index: int
    """Its place in ``meeting.attendance`` (what ``set_event_time`` takes)."""
    label: str
    """``arrived, during item 4``."""
    at: time | None


class EventTimesScreen(ClerkModal):
    """Dismisses with the marks whose time changed, as (index, new time or None), or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+s", "accept", "Accept", tooltip="Record these times.", id="times.accept"),
        Binding("escape", "cancel", "Cancel", id="times.cancel"),
    ]

    def __init__(
        self, who: str, marks: Sequence[MarkTime], problem: Callable[[int, time], str | None]
    ) -> None:
        """``problem(index, at)``: why the mark cannot be at that time (the domain's rule)."""
        super().__init__()
        self.who = who
        self.marks = list(marks)
        self.problem = problem

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="times-body"):
            yield Static(f"Times of {self.who}'s marks", id="times-title")
            for mark in self.marks:
                yield TextField(
                    mark.label,
                    value=format_time(mark.at) if mark.at else "",
                    placeholder="18:42 or 6.42 pm; empty: no time",
                    parse=parse_time,
                    field_id=f"times-{mark.index}",
                )
            with Horizontal(id="times-buttons"):
                yield Button("Record the times (f2)", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.enter_moves_on()
        for field in self.query(TextField):
            field.input.compact = True
        fields = list(self.query(TextField))
        if fields:
            fields[0].input.focus()

    def _read(self) -> list[tuple[int, time | None]] | None:
        changed: list[tuple[int, time | None]] = []
        wrong = False
        for mark in self.marks:
            field = self.query_one(f"#times-{mark.index}", TextField)
            try:
                at = field.value()
            except DomainError as error:
                field.show_error(error.message)
                wrong = True
                continue
            new = at if isinstance(at, time) else None
            if new is not None and (reason := self.problem(mark.index, new)) is not None:
                field.show_error(reason)
                wrong = True
                continue
            if new != mark.at:
                changed.append((mark.index, new))
        return None if wrong else changed

    def action_accept(self) -> None:
        changed = self._read()
        if changed is not None:
            self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["EventTimesScreen", "MarkTime"]
