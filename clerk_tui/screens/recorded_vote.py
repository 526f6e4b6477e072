"""A recorded vote: mark each name for, against or abstained. Everyone at the meeting is
listed, those who may vote first; marking one who may not (withdrawn for the item, not in
the room, no vote on the committee) is refused here, saying why. The live screen records
the vote (``submit``); a refusal is shown and the marks are kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

from clerk_tui.render.votes import VoterLine
from clerk_tui.screens.base import ClerkModal
from widgets.steady_footer import SteadyFooter

FOR, AGAINST, ABSTAINED = "for", "against", "abstained"
_SHOWN = {FOR: ("FOR", "bold green"), AGAINST: ("AGAINST", "bold red"), ABSTAINED: ("ABSTAINED", "yellow")}


@dataclass(frozen=True)
class NamedVote:
    voted_for: list[str]
    voted_against: list[str]
    abstained: list[str]


class RecordedVoteForm(ClerkModal):
    """Dismisses with True once ``submit`` accepted the vote, or None on escape."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "mark('for')", "For", tooltip="The highlighted member voted for.", id="recorded.for"),
        Binding("a", "mark('against')", "Against", tooltip="Voted against.", id="recorded.against"),
        Binding("b", "mark('abstained')", "Abstained", tooltip="Abstained.", id="recorded.abstained"),
        Binding("x", "mark('')", "Clear", tooltip="Did not vote (clear the mark).", id="recorded.clear"),
        Binding("f2,ctrl+s", "accept", "Record the vote", id="recorded.accept"),
        Binding("escape", "cancel", "Cancel", id="recorded.cancel"),
    ]

    def __init__(
        self, question: str, voters: Sequence[VoterLine], submit: Callable[[NamedVote], str | None]
    ) -> None:
        super().__init__()
        self.question = question
        self.voters = list(voters)
        self.submit = submit
        self.marks: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="recorded-body"):
            yield Static(self.question, id="recorded-question", markup=False)
            table: DataTable[Text] = DataTable(id="recorded-list", cursor_type="row")
            yield table
            yield Static("", id="recorded-tally", markup=False)
            yield Static("", id="recorded-error", markup=False)
            with Horizontal(id="recorded-buttons"):
                yield Button("Record the vote (f2)", id="accept", action="screen.accept", variant="primary")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#recorded-list", DataTable)
        table.add_column("Vote", key="vote", width=9)
        table.add_column("Name", key="name")
        for voter in self.voters:
            name = voter.name if voter.may_vote else f"{voter.name} (may not vote)"
            table.add_row(Text(""), Text(name, style="" if voter.may_vote else "dim"), key=voter.person_id)
        table.focus()
        self._tally()

    def _highlighted(self) -> VoterLine | None:
        table = self.query_one("#recorded-list", DataTable)
        if not self.voters:
            return None
        return self.voters[table.cursor_row]

    def action_mark(self, how: str) -> None:
        voter = self._highlighted()
        if voter is None:
            return
        error = self.query_one("#recorded-error", Static)
        if how and not voter.may_vote:
            error.update(voter.reason or f"{voter.name} may not vote on this item.")
            return
        error.update("")
        if how:
            self.marks[voter.person_id] = how
        else:
            self.marks.pop(voter.person_id, None)
        word, style = _SHOWN.get(how, ("", ""))
        table = self.query_one("#recorded-list", DataTable)
        table.update_cell(voter.person_id, "vote", Text(word, style=style))
        table.action_cursor_down()
        self._tally()

    def _tally(self) -> None:
        counts = {how: sum(1 for mark in self.marks.values() if mark == how) for how in _SHOWN}
        may = sum(1 for voter in self.voters if voter.may_vote)
        self.query_one("#recorded-tally", Static).update(
            f"{counts[FOR]} for, {counts[AGAINST]} against, {counts[ABSTAINED]} abstained; {may} may vote"
            " · f for · a against · b abstained · x clear"
        )

    def _vote(self) -> NamedVote:
        def who(how: str) -> list[str]:
            return [v.person_id for v in self.voters if self.marks.get(v.person_id) == how]

        return NamedVote(who(FOR), who(AGAINST), who(ABSTAINED))

    def action_accept(self) -> None:
        refused = self.submit(self._vote())
        if refused is None:
            self.dismiss(True)
        else:
            self.query_one("#recorded-error", Static).update(refused)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["NamedVote", "RecordedVoteForm"]
