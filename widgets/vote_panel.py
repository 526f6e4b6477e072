"""The motions of the minute being written, the one before the meeting, who may vote, and
the vote commands as buttons.

Its keys are single letters, so, like the attendance list's, they work only in vote mode:
the clerk enters it by a deliberate act (f2 on the live screen), a line at the top says so
in colour, and the panel cannot take the focus otherwise, so no typing in the minute can
move, count or decide anything.

The panel records nothing and runs nothing of its own: each key, button and palette entry
runs the live screen's action of the same name (``screen.move_motion`` ...), so each
command exists once; the screen calls ``show()`` with the panel as it now stands
(``render.votes.vote_panel``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Button, Static

from clerk_tui.render.votes import VotePanel as VoteView

MODE_OFF = "f2: votes"
MODE_ON = "VOTE MODE · letters act · esc: back"

_MOVE = Binding.Group("Move")
_VOTE = Binding.Group("Vote")
_DECIDE = Binding.Group("Decide")

COMMANDS: tuple[tuple[str, str, str, str, Binding.Group, str], ...] = (
    ("m", "move_motion", "Move a motion", "Move", _MOVE, "Move the substantive motion (the resolution)."),
    ("a", "move_amendment", "Move an amendment", "Amend", _MOVE, "Move an amendment to the motion."),
    ("p", "move_procedural", "Move a procedural motion", "Procedural", _MOVE, "A procedural motion."),
    ("s", "second_motion", "Second", "Second", _MOVE, "Second the motion before the meeting."),
    ("c", "count_vote", "Count the votes", "Count", _VOTE, "Type the numbers for, against, abstaining."),
    ("r", "recorded_vote", "Recorded vote", "Recorded", _VOTE, "Mark who voted for, against, abstained."),
    ("u", "carried_unanimously", "Carried unanimously", "Unanimous", _VOTE, "Carried unanimously."),
    ("n", "carried_without_vote", "Carried without a vote", "No vote", _VOTE, "Carried by assent."),
    ("d", "declare_result", "Declare the result", "Result", _DECIDE, "Carried or lost, as the vote has it."),
    ("l", "declare_lost", "Declare it lost", "Lost", _DECIDE, "Lost (on equal votes, no casting vote)."),
    ("k", "casting_vote", "Chair's casting vote", "Casting", _DECIDE, "The Chair's casting vote on a tie."),
    ("w", "withdraw_motion", "Withdraw the motion", "Withdraw", _DECIDE, "The mover withdraws it."),
)
"""(key, the live screen's action, what it does, the button's label, footer group, tooltip)."""


class VotingPanel(Vertical, can_focus=False):
    """The vote panel of the live screen, with its keys (active in vote mode only)."""

    PALETTE_GROUP = "Votes"
    DEFAULT_CSS = """
    VotingPanel { height: 1fr; }
    VotingPanel #vote-mode { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; }
    VotingPanel.-mode #vote-mode { background: $warning; color: $text; text-style: bold; }
    VotingPanel #vote-quorum { height: auto; padding: 0 1; color: $text-success; }
    VotingPanel #vote-quorum.-not-quorate { background: $error; color: $text; text-style: bold; }
    VotingPanel #vote-motions { height: 1fr; padding: 0 1; }
    VotingPanel #vote-buttons {
        grid-size: 3; grid-gutter: 0 1; height: auto; padding: 0 1; grid-rows: 1;
    }
    VotingPanel #vote-buttons Button { width: 100%; min-width: 4; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"screen.{action}", description, tooltip=tip, id=f"votes.{action}", group=group)
        for key, action, description, _, group, tip in COMMANDS
    ]
    """Active while the panel has the focus (vote mode): each runs the screen's action."""

    def compose(self) -> ComposeResult:
        yield Static(MODE_OFF, id="vote-mode", markup=False)
        yield Static("", id="vote-quorum")
        yield Static("", id="vote-motions")
        with Grid(id="vote-buttons"):
            for key, action, _, label, _, tip in COMMANDS:
                button = Button(
                    f"{label} {key}", id=f"vote-{action}", compact=True, action=f"screen.{action}"
                )
                button.tooltip = tip
                button.can_focus = False  # enter on a focused button must never decide a vote
                yield button

    # --- the mode -------------------------------------------------------------------
    @property
    def in_mode(self) -> bool:
        return self.has_class("-mode")

    def enter_mode(self) -> None:
        """Vote mode: the panel takes the focus and the letters act."""
        self.add_class("-mode")
        self.query_one("#vote-mode", Static).update(MODE_ON)
        self.can_focus = True
        self.focus()

    def leave_mode(self) -> None:
        self.remove_class("-mode")
        self.query_one("#vote-mode", Static).update(MODE_OFF)
        self.can_focus = False
        if self.has_focus:
            self.blur()

    # --- attributes down ------------------------------------------------------------
    def show(self, view: VoteView | None) -> None:
        """The current minute's motions (None: no item taken)."""
        motions = self.query_one("#vote-motions", Static)
        quorum = self.query_one("#vote-quorum", Static)
        if view is None:
            motions.update("Take an item first (ctrl+n).")
            quorum.update("")
            return
        lines = Text()
        for line in view.motions:
            lines.append("▶ " if line.before_meeting else "  ", style="bold")
            lines.append(line.summary + "\n", style="bold" if line.before_meeting else "")
        if not view.motions:
            lines.append("No motion yet: m moves the resolution as the motion.\n", style="italic")
        barred = [voter for voter in view.voters if not voter.may_vote and voter.reason]
        if barred:
            lines.append("\nMay not vote:\n", style="dim")
            for voter in barred:
                lines.append(f"  {voter.reason}\n", style="dim italic")
        motions.update(lines)
        quorum.update(Text(f"May vote: {view.quorum}"))
        quorum.set_class("not quorate" in view.quorum.lower(), "-not-quorate")


__all__ = ["COMMANDS", "VotingPanel"]
