"""Move a motion, an amendment or a procedural motion: the mover, picked from those who may
vote on the item, and what it says. Nothing is recorded until it is accepted, and then
by the live screen (``submit``); a refusal is shown here, with what was typed kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from clerk_tui.domain import MotionKind
from clerk_tui.render.votes import VoterLine
from clerk_tui.screens.base import ClerkModal
from widgets import SafeInput, SafeTextArea
from widgets.steady_footer import SteadyFooter

_TITLE = {
    MotionKind.ORIGINAL: "Move the motion",
    MotionKind.AMENDMENT: "Move an amendment",
    MotionKind.PROCEDURAL: "Move a procedural motion",
}


@dataclass(frozen=True)
class MotionDraft:
    kind: MotionKind
    mover_id: str
    text: str
    """An amendment or procedural motion: what it proposes, after "that"."""
    reads: str
    """The motion: the resolution it makes; an amendment: the motion as it would read."""


class MotionForm(ClerkModal):
    """Dismisses with True once ``submit`` accepted the draft, or None on escape."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2,ctrl+s", "accept", "Move it", tooltip="Record the motion as moved.", id="motion.accept"),
        Binding("escape", "cancel", "Cancel", id="motion.cancel"),
    ]

    def __init__(
        self,
        kind: MotionKind,
        voters: Sequence[VoterLine],
        submit: Callable[[MotionDraft], str | None],
        *,
        reads: str = "",
    ) -> None:
        """``voters``: those who may move it; ``reads``: the resolution being written (the
        motion as it reads now, for an amendment); ``submit`` returns why not, or None."""
        super().__init__()
        self.kind = kind
        self.voters = [voter for voter in voters if voter.may_vote]
        self.submit = submit
        self.reads = reads

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="motion-body", can_focus=False):
            yield Static(_TITLE[self.kind], id="motion-title")
            yield Static("Moved by (↑↓ to choose):", classes="motion-label")
            yield OptionList(
                *(Option(Text(voter.name), id=voter.person_id) for voter in self.voters), id="motion-mover"
            )
            if self.kind != MotionKind.ORIGINAL:
                yield Static("That (what it proposes):", classes="motion-label")
                yield SafeInput("", id="motion-text", where="the motion")
            if self.kind != MotionKind.PROCEDURAL:
                label = (
                    "The resolution it makes, one part a line:"
                    if self.kind == MotionKind.ORIGINAL
                    else "The motion as it would read, amended:"
                )
                yield Static(label, classes="motion-label")
                yield SafeTextArea(self.reads, id="motion-reads", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="motion-error", markup=False)
            with Horizontal(id="motion-buttons"):
                yield Button("Move it (f2)", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        for reads in self.query("#motion-reads").results(TextArea):
            reads.move_cursor(reads.document.end)  # the clerk adds to the motion as it reads
        mover = self.query_one("#motion-mover", OptionList)
        if self.voters:
            mover.highlighted = 0
        mover.focus()

    @on(OptionList.OptionSelected, "#motion-mover")
    def _mover_chosen(self) -> None:
        self.focus_next()

    @on(Input.Submitted, "#motion-text")
    def _text_done(self) -> None:
        if self.kind == MotionKind.PROCEDURAL:
            self.action_accept()
        else:
            self.focus_next()

    def _draft(self) -> MotionDraft | None:
        mover = self.query_one("#motion-mover", OptionList)
        if mover.highlighted is None:
            return None
        option = mover.get_option_at_index(mover.highlighted)
        text = self.query_one("#motion-text", Input).value if self.kind != MotionKind.ORIGINAL else ""
        reads = self.query_one("#motion-reads", TextArea).text if self.kind != MotionKind.PROCEDURAL else ""
        return MotionDraft(self.kind, option.id or "", text, reads)

    def action_accept(self) -> None:
        error = self.query_one("#motion-error", Static)
        draft = self._draft()
        if draft is None:
            error.update("Nobody present may vote on this item, so nobody may move a motion.")
            return
        refused = self.submit(draft)
        if refused is None:
            self.dismiss(True)
        else:
            error.update(refused)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["MotionDraft", "MotionForm"]
