"""The votes are equal: the Chair's casting vote, in favour or against (escape: not used)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter


class CastingVoteScreen(ClerkModal):
    """Dismisses with True (in favour), False (against), or None (escape: not used)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "cast(True)", "In favour", id="casting.for"),
        Binding("a", "cast(False)", "Against", id="casting.against"),
        Binding("escape", "cancel", "Cancel", id="casting.cancel"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="casting-body"):
            yield Static(self.question, id="casting-question", markup=False)
            with Horizontal(id="casting-buttons"):
                yield Button("In favour (f)", id="in-favour", action="screen.cast(True)", variant="primary")
                yield Button("Against (a)", id="against", action="screen.cast(False)")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def action_cast(self, in_favour: bool) -> None:
        self.dismiss(in_favour)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["CastingVoteScreen"]
