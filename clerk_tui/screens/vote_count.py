"""A show of hands: type the three numbers, for, against and abstaining. The live screen
records the count (``submit``); a count the domain refuses (more votes than members who
may vote) is shown here, the numbers kept, and nothing is recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from clerk_tui.screens.base import ClerkModal
from widgets import SafeInput
from widgets.steady_footer import SteadyFooter

FIELDS = (("count-for", "For"), ("count-against", "Against"), ("count-abstain", "Abstentions"))


class VoteCountForm(ClerkModal):
    """Dismisses with True once ``submit`` accepted the count, or None on escape."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+s", "accept", "Record the count", id="count.accept"),
        Binding("escape", "cancel", "Cancel", id="count.cancel"),
    ]

    def __init__(self, question: str, submit: Callable[[int, int, int], str | None]) -> None:
        super().__init__()
        self.question = question
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="count-body"):
            yield Static(self.question, id="count-question", markup=False)
            with Horizontal(id="count-fields"):
                for field_id, label in FIELDS:
                    with Vertical(classes="count-field"):
                        yield Static(label)
                        yield SafeInput(
                            "",
                            id=field_id,
                            type="integer",
                            compact=True,
                            where=f"the votes {label.lower()}",
                            enter_moves_focus=field_id != FIELDS[-1][0],
                        )
            yield Static("", id="count-error", markup=False)
            yield Static("enter: next number, then record · escape: cancel", id="count-note")
            with Horizontal(id="count-buttons"):
                yield Button("Record the count (f2)", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#count-for", Input).focus()

    @on(Input.Submitted, f"#{FIELDS[-1][0]}")
    def _last_number(self) -> None:
        self.action_accept()

    def _numbers(self) -> tuple[int, int, int] | str:
        numbers: list[int] = []
        for field_id, label in FIELDS:
            text = self.query_one(f"#{field_id}", Input).value.strip()
            if not text and field_id == "count-abstain":
                text = "0"
            if not text.isdigit():
                return f"{label}: type a number from 0."
            numbers.append(int(text))
        return numbers[0], numbers[1], numbers[2]

    def action_accept(self) -> None:
        numbers = self._numbers()
        refused = numbers if isinstance(numbers, str) else self.submit(*numbers)
        if refused is None:
            self.dismiss(True)
        else:
            self.query_one("#count-error", Static).update(refused)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["VoteCountForm"]
