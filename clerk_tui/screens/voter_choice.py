"""Pick one of those who may vote on the item (the seconder): enter chooses. The live
screen records it (``submit``); a refusal is shown here and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from clerk_tui.render.votes import VoterLine
from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter


class VoterChoice(ClerkModal):
    """Dismisses with True once ``submit`` accepted the person chosen, or None on escape."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(
        self, question: str, voters: Sequence[VoterLine], submit: Callable[[str], str | None]
    ) -> None:
        super().__init__()
        self.question = question
        self.voters = [voter for voter in voters if voter.may_vote]
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-body"):
            yield Static(self.question, id="choice-question", markup=False)
            yield OptionList(
                *(Option(Text(voter.name), id=voter.person_id) for voter in self.voters), id="choice-list"
            )
            yield Static("", id="choice-error", markup=False)
            yield Static("↑↓ choose · enter: accept · escape: cancel", id="choice-note")
        yield SteadyFooter()

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        if self.voters:
            options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        refused = self.submit(event.option.id or "")
        if refused is None:
            self.dismiss(True)
        else:
            self.query_one("#choice-error", Static).update(refused)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["VoterChoice"]
